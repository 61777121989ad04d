//! The customer's receivables in one company, newest due first, each with the status
//! `rules::finance::status` derives today (R-HIST-1). A customer's history is tens to a few
//! thousand rows: read whole, through `receivables_customer` (backwards).

use chrono::NaiveDate;
use rules::finance::day::Day;
use rules::finance::receivable::EntryKind;
use rules::finance::settlement::LateTerms;
use rules::finance::status::{status, ReceivableFacts};
use sqlx::{PgPool, Row};

use super::credit_store::cents;
use crate::customers::credit_types::ReceivableRow;
use crate::error::AppError;

/// The receivable's LOP as the grids show it (`collection_location`, `collection_operation`,
/// `bearer_code` of the row).
pub(crate) fn collection(row: &sqlx::postgres::PgRow) -> Result<String, sqlx::Error> {
    let location: String = row.try_get("collection_location")?;
    let operation: String = row.try_get("collection_operation")?;
    let bearer: Option<String> = row.try_get("bearer_code")?;
    Ok(rules::finance::collection_route::describe(
        &location,
        &operation,
        bearer.as_deref(),
    ))
}

/// When, by whom and why the row's receivable was cancelled (`cancelled_at`,
/// `cancelled_by_name`, `cancel_reason`), in Brasília time; `None` while it stands.
pub(crate) fn cancellation(row: &sqlx::postgres::PgRow) -> Result<Option<String>, sqlx::Error> {
    let at: Option<chrono::DateTime<chrono::Utc>> = row.try_get("cancelled_at")?;
    let by: Option<String> = row.try_get("cancelled_by_name")?;
    let reason: Option<String> = row.try_get("cancel_reason")?;
    Ok(at.map(|at| {
        format!(
            "Cancelado em {} por {}: {}",
            super::brasilia_time::date_time(at),
            by.as_deref().unwrap_or("usuário não registrado"),
            reason.unwrap_or_default()
        )
    }))
}

/// The interest and late fee stamped on the receivable when it was issued.
pub(crate) fn late_terms(row: &sqlx::postgres::PgRow) -> Result<LateTerms, sqlx::Error> {
    Ok(LateTerms {
        daily_interest_percent: row.try_get("daily_interest")?,
        late_fee_percent: row.try_get("late_fee")?,
    })
}

pub async fn for_customer(
    pool: &PgPool,
    tenant_id: i64,
    company_id: i64,
    customer_id: i64,
    today: NaiveDate,
) -> Result<Vec<ReceivableRow>, AppError> {
    let day = |d: NaiveDate| Day::from_days_from_ce(chrono::Datelike::num_days_from_ce(&d));
    let rows = sqlx::query(
        "select id, document, installment, kind, issue_date, due_date, amount, balance,
                cancelled_at is not null as cancelled, sent_to_credit_bureau, in_collection,
                sale_code, version, collection_location, collection_operation,
                cancelled_at, cancelled_by_name, cancel_reason, daily_interest, late_fee,
                (select code from lookup_entries b
                 where b.tenant_id = r.tenant_id and b.id = r.bearer_id) as bearer_code
         from receivables r
         where tenant_id = $1 and customer_id = $2 and company_id = $3
         order by due_date desc, id desc",
    )
    .bind(tenant_id)
    .bind(customer_id)
    .bind(company_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            let issue: NaiveDate = row.try_get("issue_date")?;
            let due: NaiveDate = row.try_get("due_date")?;
            let facts = ReceivableFacts {
                due: day(due),
                balance: row.try_get("balance")?,
                cancelled: row.try_get("cancelled")?,
                sent_to_credit_bureau: row.try_get("sent_to_credit_bureau")?,
                in_collection: row.try_get("in_collection")?,
            };
            let shown = status(&facts, &day(today));
            let document: String = row.try_get("document")?;
            let installment: i32 = row.try_get("installment")?;
            let kind: String = row.try_get("kind")?;
            Ok(ReceivableRow {
                id: row.try_get("id")?,
                document: format!("{document}/{installment}"),
                kind: EntryKind::from_code(&kind)
                    .map(EntryKind::label)
                    .unwrap_or("Outro")
                    .to_string(),
                issue_date: rules::display::date(&issue.to_string()),
                due_date: rules::display::date(&due.to_string()),
                amount: cents(row.try_get("amount")?),
                balance: cents(shown.balance_due(facts.balance)),
                status: shown,
                sale_code: row.try_get("sale_code")?,
                version: row.try_get("version")?,
                collection: collection(row)?,
                cancellation: cancellation(row)?,
                terms: late_terms(row)?,
            })
        })
        .collect()
}
