//! A "Tabelas" table's history as its screen shows it: who changed which row's field, when,
//! from what to what, in the caller's company.

use rules::table_kind::TableKind;
use sqlx::PgPool;

use super::auth::Caller;
use crate::error::AppError;
use crate::lookups::LookupChangeView;

/// The table's recent changes in the caller's company, newest first.
pub async fn history(
    pool: &PgPool,
    caller: &Caller,
    kind: TableKind,
) -> Result<Vec<LookupChangeView>, AppError> {
    let rows: Vec<(
        chrono::DateTime<chrono::Utc>,
        String,
        String,
        String,
        String,
        String,
    )> = sqlx::query_as(
        "select changed_at, user_name, code, field, old_value, new_value from lookup_changes
             where tenant_id = $1 and company_id = $2 and kind = $3
             order by changed_at desc, id desc limit 100",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(kind.code())
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(changed_at, user_name, code, field, old_value, new_value)| LookupChangeView {
                changed_at: super::brasilia_time::date_time(changed_at),
                user_name,
                code,
                field,
                old_value,
                new_value,
            },
        )
        .collect())
}
