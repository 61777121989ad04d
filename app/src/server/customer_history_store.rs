//! A customer's change history as the record's Histórico tab reads it.

use chrono::{DateTime, Utc};
use sqlx::PgPool;

use super::auth::Caller;
use super::brasilia_time::date_time;
use crate::customers::record_types::ChangeView;
use crate::error::AppError;

/// The customer's history: identity changes (shared by every company) and the profile
/// changes of the caller's company only (R-COMPANY-3).
pub async fn history(
    pool: &PgPool,
    caller: &Caller,
    customer_id: i64,
) -> Result<Vec<ChangeView>, AppError> {
    type Row = (
        DateTime<Utc>,
        String,
        String,
        String,
        String,
        Option<i64>,
        bool,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "select changed_at, user_name, field, old_value, new_value, batch_id, batch_undone
         from customer_changes
         where tenant_id = $1 and customer_id = $2 and (not company_scoped or company_id = $3)
         order by changed_at desc, id desc",
    )
    .bind(caller.tenant_id)
    .bind(customer_id)
    .bind(caller.company_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(changed_at, user_name, field, old_value, new_value, batch, undone)| ChangeView {
                changed_at: date_time(changed_at),
                user_name: rules::bulk_history::changed_by(&user_name, batch, undone),
                field,
                old_value,
                new_value,
            },
        )
        .collect())
}
