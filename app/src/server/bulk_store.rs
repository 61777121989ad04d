//! "Alter all" (R-BULK): preview, apply and undo of a batch over every customer a list filter
//! matches. Set-based: a handful of statements per field, never one per customer, all in one
//! transaction (R-BULK-4). Each customer changed gets what a single edit writes (R-BULK-3):
//! audit rows per field, salesperson history with the notes (R-SELLER-1), a version bump (so a
//! form opened before the batch is refused as stale).

use chrono::{DateTime, Utc};
use rules::bulk::{BulkChange, BulkTarget, BulkValue};
use sqlx::{PgPool, Postgres, QueryBuilder, Transaction};

use super::auth::Caller;
use super::brasilia_time::date_time;
use super::bulk_progress::Progress;
use super::customer_list::{profile_column, push_filters, Scope};
use crate::customers::bulk_types::{BatchView, BulkPreview};
use crate::customers::list_types::{status_label, CustomerFilter};
use crate::error::AppError;

fn scope(caller: &Caller) -> Scope {
    Scope {
        tenant_id: caller.tenant_id,
        company_id: caller.company_id,
    }
}

/// The preferred main address of customer `c`, the one whose city is the customer's.
const MAIN_ADDRESS: &str = "customer_addresses a where a.tenant_id = c.tenant_id \
     and a.customer_id = c.id and a.role = 'main' and a.preferred";

/// `p.salesperson_id::text`, `c.status`…: the current value of a field, as stored text.
fn current_value_sql(target: BulkTarget) -> String {
    match target {
        BulkTarget::Profile(kind) => format!("p.{}::text", profile_column(kind)),
        BulkTarget::Status => "c.status".to_string(),
        BulkTarget::City => "c.city_id::text".to_string(),
        BulkTarget::District => format!("(select a.district from {MAIN_ADDRESS})"),
    }
}

/// Which matching customers can take the field at all: a district needs a main address.
fn applies_sql(target: BulkTarget) -> String {
    match target {
        BulkTarget::District => format!("exists (select 1 from {MAIN_ADDRESS})"),
        _ => "true".to_string(),
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
            (BulkTarget::Profile(kind), BulkValue::Entry(Some(id))) => {
                let known: Option<i64> = sqlx::query_scalar(
                    "select id from lookup_entries
                     where tenant_id = $1 and company_id = $2 and id = $3 and kind = $4",
                )
                .bind(caller.tenant_id)
                .bind(caller.company_id)
                .bind(id)
                .bind(kind.code())
                .fetch_optional(&mut **tx)
                .await?;
                let id =
                    known.ok_or_else(|| AppError::field(&field, "Escolha um valor da lista."))?;
                Some(id.to_string())
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
            (_, BulkValue::Entry(Some(_))) => {
                return Err(AppError::field(&field, "Escolha um valor da lista."))
            }
        };
        values.push(value);
    }
    Ok(values)
}

/// `… from customers c left join customer_profiles p … where <filter>`: the customers a list
/// filter matches, with their profile in the current company.
fn push_matching(query: &mut QueryBuilder<'_, Postgres>, caller: &Caller, filter: &CustomerFilter) {
    query
        .push(
            " from customers c left join customer_profiles p on p.tenant_id = c.tenant_id \
             and p.customer_id = c.id and p.company_id = ",
        )
        .push_bind(caller.company_id);
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
    query.push("), now()");
    push_matching(&mut query, caller, filter);
    let row = query.build().fetch_one(&mut *tx).await?;
    tx.commit().await?;
    let matching: i64 = row.try_get(0)?;
    let changing = changes
        .iter()
        .enumerate()
        .map(|(i, c)| Ok((c.spec.label().to_string(), row.try_get::<i64, _>(i + 1)?)))
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let any_change: i64 = row.try_get(changes.len() + 1)?;
    let taken_at: DateTime<Utc> = row.try_get(changes.len() + 2)?;
    Ok(BulkPreview {
        matching,
        changing,
        unchanged: matching - any_change,
        taken_at: taken_at.to_rfc3339(),
    })
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
    taken_at: DateTime<Utc>,
    skip_changed_since: bool,
    progress: &Progress,
) -> Result<Applied, AppError> {
    let mut tx = pool.begin().await?;
    let values = stored_values(&mut tx, caller, changes).await?;
    progress.step("Conferindo e reservando os clientes");
    // Lock exactly the matching customers: others' work on other customers goes on.
    let mut targets = QueryBuilder::new("select c.id, c.code, c.updated_at > ");
    targets.push_bind(taken_at);
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
        progress.step(format!("Gravando {}", change.spec.label()));
        // The undo data: who changes, from what, to what. Unchanged customers get no row.
        sqlx::query(&format!(
            "insert into bulk_batch_items (tenant_id, batch_id, field, customer_id, old_value, new_value)
             select $1, $2, $3, c.id, {current}, $4
             from customers c
             left join customer_profiles p on p.tenant_id = c.tenant_id and p.customer_id = c.id and p.company_id = $5
             where c.tenant_id = $1 and c.id = any($6) and {applies} and {current} is distinct from $4",
            current = current_value_sql(change.spec.target),
            applies = applies_sql(change.spec.target),
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
    progress.step("Atualizando as versões dos clientes");
    let changed = bump_versions(&mut tx, caller, batch_id).await?;
    progress.step("Concluindo");
    tx.commit().await?;
    Ok(Applied { batch_id, changed })
}

fn changed_since_message(codes: &[i64]) -> String {
    let shown: Vec<String> = codes.iter().take(20).map(|c| c.to_string()).collect();
    format!(
        "{} cliente(s) foram alterados por outro usuário depois da prévia (códigos {}{}). \
         Continue sem eles ou cancele; nada foi gravado.",
        codes.len(),
        shown.join(", "),
        if codes.len() > 20 { ", …" } else { "" }
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
        };
        parts.push(format!("{}: {shown}", change.spec.label()));
    }
    Ok(parts.join("; "))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Forward,
    Undo,
}

impl Direction {
    /// The item column holding the value to write.
    fn written_column(self) -> &'static str {
        match self {
            Direction::Forward => "new_value",
            Direction::Undo => "old_value",
        }
    }
    fn replaced_column(self) -> &'static str {
        match self {
            Direction::Forward => "old_value",
            Direction::Undo => "new_value",
        }
    }
}

/// Writes the batch's values of one field to every customer it lists: one statement.
async fn write_values(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    batch_id: i64,
    field: &str,
    target: BulkTarget,
    direction: Direction,
) -> Result<(), sqlx::Error> {
    let value = direction.written_column();
    let sql = match target {
        BulkTarget::Profile(kind) => format!(
            "insert into customer_profiles (tenant_id, company_id, customer_id, {column})
             select i.tenant_id, b.company_id, i.customer_id, i.{value}::bigint
             from bulk_batch_items i join bulk_batches b on b.tenant_id = i.tenant_id and b.id = i.batch_id
             where i.tenant_id = $1 and i.batch_id = $2 and i.field = $3
             on conflict (tenant_id, company_id, customer_id) do update set {column} = excluded.{column}",
            column = profile_column(kind)
        ),
        BulkTarget::Status => format!(
            "update customers c set status = i.{value}
             from bulk_batch_items i
             where i.tenant_id = $1 and i.batch_id = $2 and i.field = $3
               and c.tenant_id = i.tenant_id and c.id = i.customer_id"
        ),
        // The customer's city and its main address's city move together, as a single edit
        // of the address does; `bump_versions` moves the address's version.
        BulkTarget::City => format!(
            "with items as (
                 select customer_id, {value}::bigint as city_id from bulk_batch_items
                 where tenant_id = $1 and batch_id = $2 and field = $3),
             moved as (
                 update customers c set city_id = i.city_id from items i
                 where c.tenant_id = $1 and c.id = i.customer_id returning c.id)
             update customer_addresses a
             set city_id = i.city_id, updated_at = now(), updated_by_name = $4
             from items i
             where a.tenant_id = $1 and a.customer_id = i.customer_id and a.role = 'main'
               and a.preferred and i.city_id is not null"
        ),
        BulkTarget::District => format!(
            "update customer_addresses a
             set district = i.{value}, updated_at = now(), updated_by_name = $4
             from bulk_batch_items i
             where i.tenant_id = $1 and i.batch_id = $2 and i.field = $3 and a.tenant_id = i.tenant_id
               and a.customer_id = i.customer_id and a.role = 'main' and a.preferred
               and i.{value} is not null"
        ),
    };
    let query = sqlx::query(&sql)
        .bind(caller.tenant_id)
        .bind(batch_id)
        .bind(field);
    let query = match target {
        BulkTarget::City | BulkTarget::District => query.bind(&caller.user_name),
        _ => query,
    };
    query.execute(&mut **tx).await?;
    Ok(())
}

/// The customer history rows of one field (and, for the salesperson, its own history with the
/// notes), as a single edit writes them: labels, not ids.
async fn audit(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    batch_id: i64,
    change: &BulkChange,
    direction: Direction,
) -> Result<(), sqlx::Error> {
    let (old, new) = (direction.replaced_column(), direction.written_column());
    let label = |side: &str| match change.spec.target {
        BulkTarget::Profile(_) => format!(
            "coalesce((select e.code || ' - ' || e.description from lookup_entries e
                       where e.tenant_id = i.tenant_id and e.id = i.{side}::bigint), '')"
        ),
        BulkTarget::Status | BulkTarget::District => format!("coalesce(i.{side}, '')"),
        BulkTarget::City => format!(
            "coalesce((select ci.identification from cities ci where ci.id = i.{side}::bigint), '')"
        ),
    };
    sqlx::query(&format!(
        "insert into customer_changes (tenant_id, customer_id, company_id, user_id, user_name, field, old_value, new_value)
         select i.tenant_id, i.customer_id, $3, $4, $5, $6, {old_label}, {new_label}
         from bulk_batch_items i where i.tenant_id = $1 and i.batch_id = $2 and i.field = $7",
        old_label = label(old),
        new_label = label(new),
    ))
    .bind(caller.tenant_id)
    .bind(batch_id)
    .bind(caller.company_id)
    .bind(caller.user_id)
    .bind(&caller.user_name)
    .bind(change.spec.label())
    .bind(change.spec.code)
    .execute(&mut **tx)
    .await?;
    if change.spec.asks_for_notes {
        let notes = match direction {
            Direction::Forward => change.notes.clone(),
            Direction::Undo => format!("Desfeito o lote {batch_id}."),
        };
        sqlx::query(&format!(
            "insert into salesperson_changes (tenant_id, company_id, customer_id, user_id, user_name,
                 old_salesperson_id, new_salesperson_id, old_salesperson, new_salesperson, notes)
             select i.tenant_id, $3, i.customer_id, $4, $5, i.{old}::bigint, i.{new}::bigint,
                    {old_label}, {new_label}, $6
             from bulk_batch_items i where i.tenant_id = $1 and i.batch_id = $2 and i.field = $7",
            old_label = label(old),
            new_label = label(new),
        ))
        .bind(caller.tenant_id)
        .bind(batch_id)
        .bind(caller.company_id)
        .bind(caller.user_id)
        .bind(&caller.user_name)
        .bind(notes)
        .bind(change.spec.code)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Every customer the batch changed gets a new version (stale forms are then refused) and the
/// batch remembers it, which is what the undo checks. Answers how many customers changed.
async fn bump_versions(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    batch_id: i64,
) -> Result<i64, sqlx::Error> {
    let changed: i64 = sqlx::query_scalar(
        "with touched as (
             select distinct customer_id from bulk_batch_items where tenant_id = $1 and batch_id = $2),
         bumped as (
             update customers c set version = c.version + 1, updated_at = now(), updated_by_name = $3
             from touched t where c.tenant_id = $1 and c.id = t.customer_id
             returning c.id, c.version),
         addressed as (
             update customer_addresses a set version = a.version + 1
             from (select distinct customer_id from bulk_batch_items
                   where tenant_id = $1 and batch_id = $2 and field in ('city', 'district')) t
             where a.tenant_id = $1 and a.customer_id = t.customer_id and a.role = 'main' and a.preferred
             returning a.customer_id, a.version),
         remembered as (
             insert into bulk_batch_customers (tenant_id, batch_id, customer_id, version_after,
                                               address_version_after)
             select $1, $2, b.id, b.version, ad.version
             from bumped b left join addressed ad on ad.customer_id = b.id
             on conflict (tenant_id, batch_id, customer_id) do update
             set version_after = excluded.version_after,
                 address_version_after = excluded.address_version_after
             returning 1)
         select count(*) from remembered",
    )
    .bind(caller.tenant_id)
    .bind(batch_id)
    .bind(&caller.user_name)
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query("update bulk_batches set customer_count = $3 where tenant_id = $1 and id = $2 and undone_at is null")
        .bind(caller.tenant_id)
        .bind(batch_id)
        .bind(changed as i32)
        .execute(&mut **tx)
        .await?;
    Ok(changed)
}

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
