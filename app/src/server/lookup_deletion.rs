//! Whether an entry of a "Tabelas" table may be deleted: not while customers, a company's
//! settings (R-SALES-1), a chart's links or a batch that can still be undone hold it. Asked
//! when the user opens the delete dialog (which then only says why) and again by the delete
//! itself, under its lock.

use rules::lookup::{batch_refusal, deletion_refusal_with_defaults};
use rules::table_kind::TableKind;
use sqlx::{PgConnection, PgPool};

use super::auth::Caller;
use super::lookup_usage;
use crate::error::AppError;

/// Why the entry `id` of `kind` may not be deleted, if anything holds it.
pub async fn refusal(
    conn: &mut PgConnection,
    caller: &Caller,
    kind: TableKind,
    id: i64,
) -> Result<Option<String>, AppError> {
    let refusal = match kind {
        TableKind::Ledger(chart) => {
            let (customers, settings, links): (i64, i64, i64) =
                sqlx::query_as(&lookup_usage::ledger_uses_sql(chart))
                    .bind(caller.tenant_id)
                    .bind(id)
                    .fetch_one(&mut *conn)
                    .await?;
            rules::sales::ledger_chart::deletion_refusal(rules::sales::ledger_chart::Uses {
                customers,
                settings,
                links,
            })
        }
        _ => {
            let using: i64 = sqlx::query_scalar(&lookup_usage::in_use_sql(kind))
                .bind(caller.tenant_id)
                .bind(id)
                .fetch_one(&mut *conn)
                .await?;
            let defaults: i64 = match lookup_usage::company_defaults_sql(kind) {
                Some(sql) => {
                    sqlx::query_scalar(&sql)
                        .bind(caller.tenant_id)
                        .bind(id)
                        .fetch_one(&mut *conn)
                        .await?
                }
                None => 0,
            };
            deletion_refusal_with_defaults(using - defaults, defaults)
        }
    };
    if refusal.is_some() {
        return Ok(refusal);
    }
    let batch: Option<i64> = sqlx::query_scalar(
        "select min(batch_id) from bulk_batch_entries where tenant_id = $1 and entry_id = $2",
    )
    .bind(caller.tenant_id)
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(batch.map(batch_refusal))
}

/// The same question before the user confirms: the entry must be one of the caller's company.
pub async fn check(
    pool: &PgPool,
    caller: &Caller,
    kind: TableKind,
    id: i64,
) -> Result<Option<String>, AppError> {
    let mut conn = pool.acquire().await?;
    let found: Option<i64> = sqlx::query_scalar(
        "select id from lookup_entries
         where tenant_id = $1 and company_id = $2 and kind = $3 and id = $4",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(kind.code())
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    found.ok_or(AppError::NotFound)?;
    refusal(&mut conn, caller, kind, id).await
}
