//! Undoing a batch (R-BULK), and the company's list of batches to undo from.
//!
//! Undo locks every customer of the batch in id order before it looks at anything, exactly as
//! apply and single edits do, so a single edit can neither slip in between its check and its
//! writes nor deadlock with it. A customer blocks only when a field the batch wrote holds
//! another value now (rules::bulk_undo); the user may then undo the rest.

use std::future::Future;

use chrono::{DateTime, Utc};
use rules::bulk::{bulk_field, BulkChange, BulkValue, BULK_FIELDS};
use rules::bulk_undo::{kept_reasons, may_undo, undo_decision, UndoPlan};
use sqlx::{PgPool, Postgres, Transaction};

use super::auth::Caller;
use super::brasilia_time::date_time;
use super::bulk_writes::{
    audit, bump_versions, current_value_sql, customer_rows_sql, entry_field_codes, write_values,
    Direction,
};
use crate::customers::bulk_types::{BatchView, UndoDone, UndoPreview};
use crate::error::AppError;

/// The batch's fields, after checking it is this company's, not undone yet, and that the
/// caller may write each of its fields back (R-PERM-1).
async fn undoable_fields(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    batch_id: i64,
    lock: bool,
) -> Result<Vec<String>, AppError> {
    let batch: Option<(Option<DateTime<Utc>>, i64)> = sqlx::query_as(&format!(
        "select undone_at, company_id from bulk_batches where tenant_id = $1 and id = $2{}",
        if lock { " for update" } else { "" }
    ))
    .bind(caller.tenant_id)
    .bind(batch_id)
    .fetch_optional(&mut **tx)
    .await?;
    match batch {
        None => return Err(AppError::NotFound),
        Some((_, company_id)) if company_id != caller.company_id => return Err(AppError::NotFound),
        Some((Some(_), _)) => {
            return Err(AppError::Conflict("Este lote já foi desfeito.".to_string()))
        }
        Some((None, _)) => {}
    }
    let fields: Vec<String> = sqlx::query_scalar(
        "select distinct field from bulk_batch_items where tenant_id = $1 and batch_id = $2 order by field",
    )
    .bind(caller.tenant_id)
    .bind(batch_id)
    .fetch_all(&mut **tx)
    .await?;
    if !may_undo(&caller.permissions, &fields) {
        return Err(AppError::Forbidden);
    }
    Ok(fields)
}

/// Each customer of the batch that must keep its values, and why: gone, a batch field changed
/// since, or its value before the batch was a table entry deleted since. Answers the plan and
/// the ids of the customers kept.
async fn classify(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    batch_id: i64,
) -> Result<(UndoPlan, Vec<i64>), sqlx::Error> {
    let current = BULK_FIELDS
        .iter()
        .map(|f| format!("when '{}' then {}", f.code, current_value_sql(f.target)))
        .collect::<Vec<_>>()
        .join(" ");
    let (entry_fields, set_fields) = entry_field_codes();
    let rows: Vec<(i64, Option<i64>, bool, bool)> = sqlx::query_as(&format!(
        "select i.customer_id, c.code,
                bool_or(c.id is not null and (case i.field {current} end) is distinct from i.new_value),
                bool_or(case when i.old_value is null then false
                             when i.field = any($4) then not exists (
                                 select 1 from lookup_entries e
                                 where e.tenant_id = i.tenant_id and e.id = i.old_value::bigint)
                             when i.field = any($5) then exists (
                                 select 1 from unnest(string_to_array(i.old_value, ',')::bigint[]) as x (id)
                                 where not exists (select 1 from lookup_entries e
                                                   where e.tenant_id = i.tenant_id and e.id = x.id))
                             else false end)
         from bulk_batch_items i
         left join customers c on c.tenant_id = i.tenant_id and c.id = i.customer_id
         {rows}
         where i.tenant_id = $1 and i.batch_id = $2
         group by i.customer_id, c.code
         order by c.code",
        rows = customer_rows_sql("$3"),
    ))
    .bind(caller.tenant_id)
    .bind(batch_id)
    .bind(caller.company_id)
    .bind(&entry_fields)
    .bind(&set_fields)
    .fetch_all(&mut **tx)
    .await?;
    let mut plan = UndoPlan::default();
    let mut kept = Vec::new();
    for (customer_id, code, changed, entry_gone) in rows {
        match code {
            None => plan.deleted += 1,
            Some(code) if changed => plan.changed_codes.push(code),
            Some(_) if entry_gone => plan.entry_gone += 1,
            Some(_) => {
                plan.restorable += 1;
                continue;
            }
        }
        kept.push(customer_id);
    }
    Ok((plan, kept))
}

/// What undoing the batch would do now, for the confirmation. Reads only.
pub async fn preview(
    pool: &PgPool,
    caller: &Caller,
    batch_id: i64,
) -> Result<UndoPreview, AppError> {
    let mut tx = pool.begin().await?;
    let fields = undoable_fields(&mut tx, caller, batch_id, false).await?;
    let (plan, _) = classify(&mut tx, caller, batch_id).await?;
    tx.commit().await?;
    Ok(UndoPreview {
        batch_id,
        fields: fields
            .iter()
            .filter_map(|code| bulk_field(code))
            .map(|spec| spec.label().to_string())
            .collect(),
        restorable: plan.restorable,
        kept: plan.kept(),
        kept_reasons: kept_reasons(&plan),
    })
}

/// Undoes the batch. Customers whose batch fields changed since (or that are gone) refuse the
/// whole undo, unless `keep_changed`: then they keep their values and the rest go back.
pub async fn undo(
    pool: &PgPool,
    caller: &Caller,
    batch_id: i64,
    keep_changed: bool,
) -> Result<UndoDone, AppError> {
    undo_pausing(pool, caller, batch_id, keep_changed, async {}).await
}

/// [`undo`], awaiting `between` after its check and before its first write: tests commit a
/// competing edit at that moment.
pub async fn undo_pausing(
    pool: &PgPool,
    caller: &Caller,
    batch_id: i64,
    keep_changed: bool,
    between: impl Future<Output = ()>,
) -> Result<UndoDone, AppError> {
    let mut tx = pool.begin().await?;
    super::timeouts::allow_long_statements(&mut tx).await?;
    let fields = undoable_fields(&mut tx, caller, batch_id, true).await?;
    // Customers first, in id order, as every writer does; what hangs off them after.
    sqlx::query(
        "select c.id from customers c
         where c.tenant_id = $1
           and c.id in (select customer_id from bulk_batch_items where tenant_id = $1 and batch_id = $2)
         order by c.id for update",
    )
    .bind(caller.tenant_id)
    .bind(batch_id)
    .execute(&mut *tx)
    .await?;
    let (plan, kept) = classify(&mut tx, caller, batch_id).await?;
    undo_decision(&plan, keep_changed).map_err(AppError::Conflict)?;
    between.await;
    sqlx::query(
        "update bulk_batch_items set kept = true
         where tenant_id = $1 and batch_id = $2 and customer_id = any($3)",
    )
    .bind(caller.tenant_id)
    .bind(batch_id)
    .bind(&kept)
    .execute(&mut *tx)
    .await?;
    for field in &fields {
        let Some(spec) = bulk_field(field) else {
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
    let restored = bump_versions(&mut tx, caller, batch_id).await?;
    // The batch can't be undone again, so the table entries it kept from deletion are free.
    sqlx::query("delete from bulk_batch_entries where tenant_id = $1 and batch_id = $2")
        .bind(caller.tenant_id)
        .bind(batch_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "update bulk_batches set undone_at = now(), undone_by_name = $3, undone_count = $4,
                kept_count = $5
         where tenant_id = $1 and id = $2",
    )
    .bind(caller.tenant_id)
    .bind(batch_id)
    .bind(&caller.user_name)
    .bind(restored as i32)
    .bind(plan.kept() as i32)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(UndoDone {
        restored,
        kept: plan.kept(),
    })
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
    kept_count: Option<i32>,
}

/// The company's recent batches, newest first.
pub async fn batches(pool: &PgPool, caller: &Caller) -> Result<Vec<BatchView>, AppError> {
    let rows: Vec<BatchRow> = sqlx::query_as(
        "select id, applied_at, user_name, summary, filter, customer_count, undone_at,
                undone_by_name, kept_count
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
                let kept = match row.kept_count.unwrap_or(0) {
                    0 => String::new(),
                    1 => " (1 cliente mantido: alterado ou excluído depois do lote)".to_string(),
                    n => format!(
                        " ({} mantidos: alterados ou excluídos depois do lote)",
                        rules::display::count_of(i64::from(n), "cliente", "clientes")
                    ),
                };
                format!(
                    "Desfeito por {} em {}{kept}",
                    row.undone_by_name.clone().unwrap_or_default(),
                    date_time(at)
                )
            }),
        })
        .collect())
}
