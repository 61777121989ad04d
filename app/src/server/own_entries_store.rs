//! SQL of the price lists and payment plans customers hold in a company (R-SALES-4/5). A save
//! replaces each set: what is selected is kept or added, everything else removed. The tab and
//! the batch path run the same two statements, for one customer or for many (R-BULK-3).

use std::collections::HashMap;

use rules::sales::own_entries::{own_field, OwnEntries};
use rules::table_kind::LinkedKind;
use sqlx::{PgExecutor, Postgres, Transaction};

use crate::customers::record_types::OptionItem;
use crate::customers::sales_types::TableChoices;
use crate::error::AppError;

/// The customer's sets in the company.
pub async fn load(
    executor: impl PgExecutor<'_>,
    tenant_id: i64,
    company_id: i64,
    customer_id: i64,
) -> Result<OwnEntries, sqlx::Error> {
    let sql = LinkedKind::ALL
        .iter()
        .map(|kind| {
            format!(
                "select '{code}', {column} from {table}
                 where tenant_id = $1 and company_id = $2 and customer_id = $3",
                code = kind.code(),
                column = kind.entry_column(),
                table = kind.link_table()
            )
        })
        .collect::<Vec<_>>()
        .join(" union all ");
    let rows: Vec<(String, i64)> = sqlx::query_as(&sql)
        .bind(tenant_id)
        .bind(company_id)
        .bind(customer_id)
        .fetch_all(executor)
        .await?;
    let mut own = OwnEntries::default();
    for kind in LinkedKind::ALL {
        own.set(
            kind,
            rows.iter()
                .filter(|(k, _)| k == kind.code())
                .map(|(_, id)| *id),
        );
    }
    Ok(own)
}

/// Gives each of `customers` exactly `selected` as its set of `kind` in the company. The
/// caller holds the customers' rows locked (the lock order of every writer).
pub async fn replace(
    tx: &mut Transaction<'_, Postgres>,
    tenant_id: i64,
    company_id: i64,
    kind: LinkedKind,
    customers: &[i64],
    selected: &[i64],
) -> Result<(), sqlx::Error> {
    let (table, column) = (kind.link_table(), kind.entry_column());
    sqlx::query(&format!(
        "delete from {table}
         where tenant_id = $1 and company_id = $2 and customer_id = any($3)
           and {column} <> all($4)"
    ))
    .bind(tenant_id)
    .bind(company_id)
    .bind(customers)
    .bind(selected)
    .execute(&mut **tx)
    .await?;
    sqlx::query(&format!(
        "insert into {table} (tenant_id, company_id, customer_id, {column})
         select $1, $2, customer, entry
         from unnest($3::bigint[]) as customer cross join unnest($4::bigint[]) as entry
         order by customer, entry
         on conflict do nothing"
    ))
    .bind(tenant_id)
    .bind(company_id)
    .bind(customers)
    .bind(selected)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Every entry of the company's tables of `kinds` (price lists, plans, carriers, fleet), for
/// the tab's check boxes and the filters.
pub async fn choices(
    executor: impl PgExecutor<'_>,
    tenant_id: i64,
    company_id: i64,
    kinds: &[LinkedKind],
) -> Result<Vec<TableChoices>, sqlx::Error> {
    let codes: Vec<&str> = kinds.iter().map(|k| k.code()).collect();
    // A public list, or a plan for every customer, serves the customer whether ticked or not.
    let rows: Vec<(i64, String, String, String, bool, Option<bool>)> = sqlx::query_as(
        "select e.id, e.kind, e.code, e.description, e.active,
                coalesce(t.public, pt.all_customers)
         from lookup_entries e
         left join price_list_terms t on t.tenant_id = e.tenant_id and t.entry_id = e.id
         left join payment_plan_terms pt on pt.tenant_id = e.tenant_id and pt.entry_id = e.id
         where e.tenant_id = $1 and e.company_id = $2 and e.kind = any($3)
         order by e.kind, e.code",
    )
    .bind(tenant_id)
    .bind(company_id)
    .bind(&codes)
    .fetch_all(executor)
    .await?;
    Ok(kinds
        .iter()
        .map(|&kind| TableChoices {
            kind: kind.code().to_string(),
            label: kind.field_name().to_string(),
            options: rows
                .iter()
                .filter(|r| r.1 == kind.code())
                .map(|(id, _, code, description, active, public)| OptionItem {
                    id: *id,
                    code: code.clone(),
                    label: format!(
                        "{code} - {description}{}{}",
                        match (kind, public) {
                            (LinkedKind::PriceList, Some(true)) => " (pública)",
                            (LinkedKind::PaymentPlan, Some(true)) => " (todos os clientes)",
                            _ => "",
                        },
                        if *active { "" } else { " (inativa)" }
                    ),
                })
                .collect(),
        })
        .collect())
}

/// "VAREJO RS - Varejo Rio Grande do Sul" for each of `ids`, checking on the way that each
/// entry of `chosen` is a price list or payment plan of the company, of its own table.
pub async fn labels_checked(
    executor: impl PgExecutor<'_>,
    tenant_id: i64,
    company_id: i64,
    ids: &[i64],
    chosen: &OwnEntries,
) -> Result<HashMap<i64, String>, AppError> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "select id, kind, code || ' - ' || description from lookup_entries
         where tenant_id = $1 and company_id = $2 and id = any($3)",
    )
    .bind(tenant_id)
    .bind(company_id)
    .bind(ids)
    .fetch_all(executor)
    .await?;
    for kind in LinkedKind::ALL {
        let known = |id: &i64| {
            rows.iter()
                .any(|(found, k, _)| found == id && k == kind.code())
        };
        if !chosen.get(kind).iter().all(known) {
            return Err(AppError::field(
                own_field(kind),
                "Escolha uma opção da lista.",
            ));
        }
    }
    Ok(rows.into_iter().map(|(id, _, label)| (id, label)).collect())
}
