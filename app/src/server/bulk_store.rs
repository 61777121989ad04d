//! "Alter all" (R-BULK): preview and apply of a batch over every customer a list filter
//! matches. Set-based: a handful of statements per field, never one per customer, all in one
//! transaction (R-BULK-4). Each customer changed gets what a single edit writes (R-BULK-3):
//! audit rows per field, salesperson history with the notes (R-SELLER-1), a version bump (so a
//! form opened before the batch is refused as stale).

use chrono::{DateTime, Utc};
use rules::bulk::{BulkChange, BulkTarget, BulkValue};
use sqlx::{PgPool, Postgres, QueryBuilder, Transaction};

use super::auth::Caller;
use super::bulk_progress::Progress;
use super::bulk_writes::{
    applies_sql, audit, bump_versions, current_value_sql, customer_rows_sql, entry_field_codes,
    write_values, Direction,
};
use super::customer_list::{push_filters, Scope};
use crate::customers::bulk_types::BulkPreview;
use crate::customers::list_types::CustomerFilter;
use crate::error::AppError;
use rules::display::status_label;

fn scope(caller: &Caller) -> Scope {
    Scope {
        tenant_id: caller.tenant_id,
        company_id: caller.company_id,
    }
}

/// The stored text of each change's value (an entry id, a status code, a city id, a district;
/// `None` to clear). Entries must belong to the current company's table of the field's kind
/// (R-COMPANY-1) and cities to the IBGE table; otherwise the field's message.
async fn stored_values(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    changes: &[BulkChange],
) -> Result<Vec<Option<String>>, AppError> {
    let mut values = Vec::with_capacity(changes.len());
    for (index, change) in changes.iter().enumerate() {
        let field = format!("changes[{index}][value]");
        let value = match (&change.spec.target, &change.value) {
            (_, BulkValue::Entry(None)) => None,
            (BulkTarget::Profile(_) | BulkTarget::SalesTable(_), BulkValue::Entry(Some(id))) => {
                let kind = match change.spec.target {
                    BulkTarget::Profile(kind) => kind.code(),
                    BulkTarget::SalesTable(kind) => kind.code(),
                    _ => unreachable!("matched above"),
                };
                let known = known_entries(tx, caller, kind, &[*id]).await?;
                if !known {
                    return Err(AppError::field(&field, "Escolha um valor da lista."));
                }
                Some(id.to_string())
            }
            (BulkTarget::OwnSet(kind), BulkValue::Entries(ids)) => {
                if !known_entries(tx, caller, kind.code(), ids).await? {
                    return Err(AppError::field(&field, "Escolha valores da lista."));
                }
                // As `current_value_sql` reads a set: ascending, comma-separated, null if empty.
                (!ids.is_empty())
                    .then(|| ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","))
            }
            (_, BulkValue::Status(status)) => Some(status.code().to_string()),
            (_, BulkValue::City(identification)) => {
                let id: Option<i64> =
                    sqlx::query_scalar("select id from cities where identification = $1")
                        .bind(identification)
                        .fetch_optional(&mut **tx)
                        .await?;
                let id = id.ok_or_else(|| {
                    AppError::field(&field, format!("Cidade não encontrada: {identification}."))
                })?;
                Some(id.to_string())
            }
            (_, BulkValue::Text(text)) => Some(text.clone()),
            (_, BulkValue::Number(stored)) => stored.clone(),
            (_, BulkValue::Entry(Some(_)) | BulkValue::Entries(_)) => {
                return Err(AppError::field(&field, "Escolha um valor da lista."))
            }
        };
        values.push(value);
    }
    Ok(values)
}

/// Whether every id of `ids` is an entry of the current company's table `kind` (R-COMPANY-1).
async fn known_entries(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    kind: &str,
    ids: &[i64],
) -> Result<bool, sqlx::Error> {
    let known: i64 = sqlx::query_scalar(
        "select count(*) from lookup_entries
         where tenant_id = $1 and company_id = $2 and id = any($3) and kind = $4",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(ids)
    .bind(kind)
    .fetch_one(&mut **tx)
    .await?;
    Ok(known == ids.len() as i64)
}

/// `… from customers c left join customer_profiles p … where <filter>`: the customers a list
/// filter matches, with their profile and sales defaults in the current company.
fn push_matching(query: &mut QueryBuilder<'_, Postgres>, caller: &Caller, filter: &CustomerFilter) {
    // The company is the session's number, not user input: written into the joins as such.
    query
        .push(" from customers c")
        .push(customer_rows_sql(&caller.company_id.to_string()));
    push_filters(query, scope(caller), filter);
}

pub async fn preview(
    pool: &PgPool,
    caller: &Caller,
    filter: &CustomerFilter,
    changes: &[BulkChange],
) -> Result<BulkPreview, AppError> {
    use sqlx::Row;
    let mut tx = pool.begin().await?;
    let values = stored_values(&mut tx, caller, changes).await?;
    // One statement: the total, how many each field would change, how many any would.
    let differs = |target: BulkTarget| {
        format!(
            "({} and {} is distinct from ",
            applies_sql(target),
            current_value_sql(target)
        )
    };
    let mut query = QueryBuilder::new("select count(*)");
    for (change, value) in changes.iter().zip(&values) {
        query
            .push(", count(*) filter (where ")
            .push(differs(change.spec.target))
            .push_bind(value.clone())
            .push("::text))");
    }
    query.push(", count(*) filter (where false");
    for (change, value) in changes.iter().zip(&values) {
        query
            .push(" or ")
            .push(differs(change.spec.target))
            .push_bind(value.clone())
            .push("::text)");
    }
    query.push(")");
    push_matching(&mut query, caller, filter);
    let row = query.build().fetch_one(&mut *tx).await?;
    // The preview's moment is the server's, kept where any server process can find it; a day
    // later nobody confirms it any more.
    let token = uuid::Uuid::new_v4();
    sqlx::query(
        "with old as (delete from bulk_previews where taken_at < now() - interval '1 day')
         insert into bulk_previews (tenant_id, id, user_id, company_id) values ($1, $2, $3, $4)",
    )
    .bind(caller.tenant_id)
    .bind(token)
    .bind(caller.user_id)
    .bind(caller.company_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    let matching: i64 = row.try_get(0)?;
    let changing = changes
        .iter()
        .enumerate()
        .map(|(i, c)| Ok((c.spec.label().to_string(), row.try_get::<i64, _>(i + 1)?)))
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let any_change: i64 = row.try_get(changes.len() + 1)?;
    Ok(BulkPreview {
        matching,
        changing,
        unchanged: matching - any_change,
        preview_token: token.to_string(),
    })
}

/// The moment of this user's preview `token`, in this company; a token unknown here (another
/// user's, expired, made up) is refused.
async fn preview_moment(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    token: &str,
) -> Result<DateTime<Utc>, AppError> {
    let again = || AppError::field("preview_token", "Refaça a prévia antes de confirmar.");
    let id = uuid::Uuid::parse_str(token.trim()).map_err(|_| again())?;
    let taken_at: Option<DateTime<Utc>> = sqlx::query_scalar(
        "select taken_at from bulk_previews
         where tenant_id = $1 and id = $2 and user_id = $3 and company_id = $4",
    )
    .bind(caller.tenant_id)
    .bind(id)
    .bind(caller.user_id)
    .bind(caller.company_id)
    .fetch_optional(&mut **tx)
    .await?;
    taken_at.ok_or_else(again)
}

/// What "apply" answers: the batch recorded and how many customers it changed.
#[derive(Debug, Clone)]
pub struct Applied {
    pub batch_id: i64,
    pub changed: i64,
}

/// The steps `apply` reports for a batch of `fields` fields.
pub fn apply_steps(fields: usize) -> u32 {
    fields as u32 + 3
}

pub async fn apply(
    pool: &PgPool,
    caller: &Caller,
    filter: &CustomerFilter,
    changes: &[BulkChange],
    preview_token: &str,
    skip_changed_since: bool,
    progress: &Progress,
) -> Result<Applied, AppError> {
    let mut tx = pool.begin().await?;
    super::timeouts::allow_long_statements(&mut tx).await?;
    progress.begin(&mut tx).await?;
    let taken_at = preview_moment(&mut tx, caller, preview_token).await?;
    let values = stored_values(&mut tx, caller, changes).await?;
    progress.step("Conferindo e reservando os clientes").await?;
    // Lock exactly the matching customers: others' work on other customers goes on. A save of
    // the customer or of one of its addresses (city and district batches write the main one)
    // after the preview counts as a change by someone else.
    let mut targets = QueryBuilder::new("select c.id, c.code, (c.updated_at > ");
    targets.push_bind(taken_at);
    targets.push(
        " or exists (select 1 from customer_addresses a where a.tenant_id = c.tenant_id \
         and a.customer_id = c.id and a.updated_at > ",
    );
    targets.push_bind(taken_at);
    targets.push("))");
    push_matching(&mut targets, caller, filter);
    targets.push(" order by c.id for update of c");
    let rows: Vec<(i64, i64, bool)> = targets.build_query_as().fetch_all(&mut *tx).await?;
    let changed_since: Vec<i64> = rows.iter().filter(|r| r.2).map(|r| r.1).collect();
    if !changed_since.is_empty() && !skip_changed_since {
        return Err(AppError::Conflict(changed_since_message(&changed_since)));
    }
    let ids: Vec<i64> = rows.iter().filter(|r| !r.2).map(|r| r.0).collect();

    let summary = summary(&mut tx, caller, changes).await?;
    let batch_id: i64 = sqlx::query_scalar(
        "insert into bulk_batches (tenant_id, company_id, user_id, user_name, filter, summary)
         values ($1, $2, $3, $4, $5, $6) returning id",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(caller.user_id)
    .bind(&caller.user_name)
    .bind(filter.first_page().to_query())
    .bind(&summary)
    .fetch_one(&mut *tx)
    .await?;

    for (change, new_value) in changes.iter().zip(values) {
        progress
            .step(&format!("Gravando {}", change.spec.label()))
            .await?;
        // The undo data: who changes, from what, to what. Unchanged customers get no row.
        sqlx::query(&format!(
            "insert into bulk_batch_items (tenant_id, batch_id, field, customer_id, old_value, new_value)
             select $1, $2, $3, c.id, {current}, $4
             from customers c {rows}
             where c.tenant_id = $1 and c.id = any($6) and {applies} and {current} is distinct from $4",
            current = current_value_sql(change.spec.target),
            applies = applies_sql(change.spec.target),
            rows = customer_rows_sql("$5"),
        ))
        .bind(caller.tenant_id)
        .bind(batch_id)
        .bind(change.spec.code)
        .bind(&new_value)
        .bind(caller.company_id)
        .bind(&ids)
        .execute(&mut *tx)
        .await?;
        write_values(
            &mut tx,
            caller,
            batch_id,
            change.spec.code,
            change.spec.target,
            Direction::Forward,
        )
        .await?;
        audit(&mut tx, caller, batch_id, change, Direction::Forward).await?;
    }
    // The table entries the batch may write back on undo can't be deleted meanwhile.
    let (entry_fields, set_fields) = entry_field_codes();
    sqlx::query(
        "insert into bulk_batch_entries (tenant_id, batch_id, entry_id)
         select distinct i.tenant_id, i.batch_id, e.entry
         from bulk_batch_items i
         cross join lateral (values (i.old_value), (i.new_value)) as v (value)
         cross join lateral unnest(case when i.field = any($4)
                                         then string_to_array(v.value, ',')::bigint[]
                                         else array[v.value::bigint] end) as e (entry)
         where i.tenant_id = $1 and i.batch_id = $2 and v.value is not null
           and (i.field = any($3) or i.field = any($4))
         on conflict do nothing",
    )
    .bind(caller.tenant_id)
    .bind(batch_id)
    .bind(&entry_fields)
    .bind(&set_fields)
    .execute(&mut *tx)
    .await?;
    progress.step("Atualizando as versões dos clientes").await?;
    let changed = bump_versions(&mut tx, caller, batch_id).await?;
    sqlx::query("update bulk_batches set customer_count = $3 where tenant_id = $1 and id = $2")
        .bind(caller.tenant_id)
        .bind(batch_id)
        .bind(changed as i32)
        .execute(&mut *tx)
        .await?;
    progress.step("Concluindo").await?;
    tx.commit().await?;
    progress.finish().await?;
    Ok(Applied { batch_id, changed })
}

fn changed_since_message(codes: &[i64]) -> String {
    let shown: Vec<String> = codes.iter().take(20).map(|c| c.to_string()).collect();
    format!(
        "{} por outro usuário depois da prévia ({} {}{}). \
         Continue sem {} ou cancele; nada foi gravado.",
        if codes.len() == 1 {
            "1 cliente foi alterado".to_string()
        } else {
            format!("{} clientes foram alterados", codes.len())
        },
        if codes.len() == 1 {
            "código"
        } else {
            "códigos"
        },
        shown.join(", "),
        if codes.len() > 20 { ", …" } else { "" },
        if codes.len() == 1 { "ele" } else { "eles" }
    )
}

/// "Vendedor: 02 - Bruna Souza; Situação: Inativo".
async fn summary(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    changes: &[BulkChange],
) -> Result<String, sqlx::Error> {
    let mut parts = Vec::new();
    for change in changes {
        let shown = match &change.value {
            BulkValue::Entry(None) => "(nenhum)".to_string(),
            BulkValue::Entry(Some(id)) => sqlx::query_scalar::<_, String>(
                "select code || ' - ' || description from lookup_entries where tenant_id = $1 and id = $2",
            )
            .bind(caller.tenant_id)
            .bind(*id)
            .fetch_one(&mut **tx)
            .await?,
            BulkValue::Status(status) => status_label(status.code()).to_string(),
            BulkValue::City(identification) => identification.clone(),
            BulkValue::Text(text) => text.clone(),
            BulkValue::Number(None) => "(vazio)".to_string(),
            BulkValue::Number(Some(stored)) => match change.spec.target {
                BulkTarget::SalesNumber(number) => number.shown(stored),
                _ => stored.clone(),
            },
            BulkValue::Entries(ids) if ids.is_empty() => "(nenhuma)".to_string(),
            BulkValue::Entries(ids) => sqlx::query_scalar::<_, String>(
                "select string_agg(code || ' - ' || description, ', ' order by code)
                 from lookup_entries where tenant_id = $1 and id = any($2)",
            )
            .bind(caller.tenant_id)
            .bind(ids)
            .fetch_one(&mut **tx)
            .await?,
        };
        parts.push(format!("{}: {shown}", change.spec.label()));
    }
    Ok(parts.join("; "))
}
