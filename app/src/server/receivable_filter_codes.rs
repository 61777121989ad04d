//! The codes typed in the receivables screen's filters (group, region, salesperson, customer)
//! are the company's: one that no entry has is refused beside its field
//! (`rules::finance::receivable_filter::unknown_code`) rather than read as "nothing owed".

use rules::finance::receivable_filter::{unknown_code, ReceivableFilter};
use sqlx::PgPool;

use super::auth::Caller;
use crate::error::AppError;

/// Refuses the filter's codes that the caller's company does not have, all in one answer.
pub async fn check(
    pool: &PgPool,
    caller: &Caller,
    filter: &ReceivableFilter,
) -> Result<(), AppError> {
    let typed = [
        filter.group_code.as_deref(),
        filter.region_code.as_deref(),
        filter.salesperson_code.as_deref(),
    ];
    if typed.iter().all(Option::is_none) && filter.customer_code.is_none() {
        return Ok(());
    }
    // One statement: the lookup codes missing from the company's tables, then the customer.
    let unknown: Vec<String> = sqlx::query_scalar(
        "select f.field from (values ('grupo', 'customer_group', $3::text),
                                     ('regiao', 'region', $4::text),
                                     ('vendedor', 'salesperson', $5::text)) f(field, kind, code)
          where f.code is not null
            and not exists (select 1 from lookup_entries e
                             where e.tenant_id = $1 and e.company_id = $2
                               and e.kind = f.kind and e.code = f.code)
         union all
         select 'cliente' where $6::bigint is not null
            and not exists (select 1 from customers c where c.tenant_id = $1 and c.code = $6)",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(typed[0])
    .bind(typed[1])
    .bind(typed[2])
    .bind(filter.customer_code)
    .fetch_all(pool)
    .await?;
    if unknown.is_empty() {
        return Ok(());
    }
    // In the form's order, whatever order the statement gave them in.
    let errors = ["grupo", "regiao", "vendedor", "cliente"]
        .into_iter()
        .filter(|field| unknown.iter().any(|u| u == field))
        .map(|field| match field {
            "grupo" => unknown_code("grupo", typed[0].unwrap_or_default()),
            "regiao" => unknown_code("regiao", typed[1].unwrap_or_default()),
            "vendedor" => unknown_code("vendedor", typed[2].unwrap_or_default()),
            _ => unknown_code(
                "cliente",
                &filter.customer_code.unwrap_or_default().to_string(),
            ),
        })
        .collect();
    Err(AppError::invalid(errors))
}
