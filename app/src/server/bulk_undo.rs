//! Undoing a batch as a whole (R-BULK), and the company's list of batches to undo from.

use chrono::{DateTime, Utc};
use rules::bulk::{BulkChange, BulkValue};
use sqlx::PgPool;

use super::auth::Caller;
use super::brasilia_time::date_time;
use super::bulk_writes::{audit, bump_versions, write_values, Direction, MAIN_ADDRESS};
use crate::customers::bulk_types::BatchView;
use crate::error::AppError;

/// Undoes a whole batch, unless one of its customers changed since: then nothing changes and
/// the message names those customers.
pub async fn undo(pool: &PgPool, caller: &Caller, batch_id: i64) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let batch: Option<(Option<DateTime<Utc>>, i64)> = sqlx::query_as(
        "select undone_at, company_id from bulk_batches where tenant_id = $1 and id = $2 for update",
    )
    .bind(caller.tenant_id)
    .bind(batch_id)
    .fetch_optional(&mut *tx)
    .await?;
    match batch {
        None => return Err(AppError::NotFound),
        Some((_, company_id)) if company_id != caller.company_id => return Err(AppError::NotFound),
        Some((Some(_), _)) => {
            return Err(AppError::Conflict("Este lote já foi desfeito.".to_string()))
        }
        Some((None, _)) => {}
    }
    // A customer blocks when saved since the batch, or when the main address the batch wrote
    // (city, district) was saved since: address saves keep their own version.
    let blockers: Vec<i64> = sqlx::query_scalar(&format!(
        "select c.code from bulk_batch_customers b
         join customers c on c.tenant_id = b.tenant_id and c.id = b.customer_id
         where b.tenant_id = $1 and b.batch_id = $2
           and (c.version <> b.version_after
                or (b.address_version_after is not null
                    and b.address_version_after is distinct from (select a.version from {MAIN_ADDRESS})))
         order by c.code
         for update of c"
    ))
    .bind(caller.tenant_id)
    .bind(batch_id)
    .fetch_all(&mut *tx)
    .await?;
    if !blockers.is_empty() {
        let shown: Vec<String> = blockers.iter().take(20).map(|c| c.to_string()).collect();
        return Err(AppError::Conflict(format!(
            "O lote não pode ser desfeito: {} cliente(s) foram alterados depois dele (códigos {}{}). Nada foi alterado.",
            blockers.len(),
            shown.join(", "),
            if blockers.len() > 20 { ", …" } else { "" }
        )));
    }
    let fields: Vec<String> = sqlx::query_scalar(
        "select distinct field from bulk_batch_items where tenant_id = $1 and batch_id = $2",
    )
    .bind(caller.tenant_id)
    .bind(batch_id)
    .fetch_all(&mut *tx)
    .await?;
    for field in fields {
        let Some(spec) = rules::bulk::bulk_field(&field) else {
            continue;
        };
        let change = BulkChange {
            spec,
            value: BulkValue::Entry(None),
            notes: String::new(),
        };
        write_values(
            &mut tx,
            caller,
            batch_id,
            spec.code,
            spec.target,
            Direction::Undo,
        )
        .await?;
        audit(&mut tx, caller, batch_id, &change, Direction::Undo).await?;
    }
    // Undoing the latest batch must leave the one before it undoable: its customers' versions
    // move on by exactly this undo's bump, which is no one else's change.
    sqlx::query(
        "update bulk_batch_customers earlier set version_after = this.version_after + 1,
             address_version_after = case
                 when earlier.address_version_after = this.address_version_after - 1
                 then this.address_version_after + 1
                 else earlier.address_version_after end
         from bulk_batch_customers this
         where this.tenant_id = $1 and this.batch_id = $2
           and earlier.tenant_id = $1 and earlier.customer_id = this.customer_id
           and earlier.batch_id <> $2 and earlier.version_after = this.version_after - 1",
    )
    .bind(caller.tenant_id)
    .bind(batch_id)
    .execute(&mut *tx)
    .await?;
    bump_versions(&mut tx, caller, batch_id).await?;
    sqlx::query(
        "update bulk_batches set undone_at = now(), undone_by_name = $3 where tenant_id = $1 and id = $2",
    )
    .bind(caller.tenant_id)
    .bind(batch_id)
    .bind(&caller.user_name)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct BatchRow {
    id: i64,
    applied_at: DateTime<Utc>,
    user_name: String,
    summary: String,
    filter: String,
    customer_count: i32,
    undone_at: Option<DateTime<Utc>>,
    undone_by_name: Option<String>,
}

/// The company's recent batches, newest first.
pub async fn batches(pool: &PgPool, caller: &Caller) -> Result<Vec<BatchView>, AppError> {
    let rows: Vec<BatchRow> = sqlx::query_as(
        "select id, applied_at, user_name, summary, filter, customer_count, undone_at, undone_by_name
         from bulk_batches where tenant_id = $1 and company_id = $2 order by id desc limit 50",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| BatchView {
            id: row.id,
            applied_at: date_time(row.applied_at),
            user_name: row.user_name,
            summary: row.summary,
            filter: row.filter,
            customer_count: row.customer_count,
            undone: row.undone_at.map(|at| {
                format!(
                    "Desfeito por {} em {}",
                    row.undone_by_name.clone().unwrap_or_default(),
                    date_time(at)
                )
            }),
        })
        .collect())
}
