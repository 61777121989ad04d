//! The statements a batch runs per field, forwards when applied and backwards when undone:
//! the values written from the batch's items, the audit and salesperson history rows, and the
//! version bump. Each is one set-based statement over the batch's items (R-BULK-3, R-BULK-4).

use rules::bulk::{BulkChange, BulkTarget, BULK_FIELDS};
use rules::customer::Status;
use rules::sales::bulk_numbers::SalesNumber;
use sqlx::{Postgres, Transaction};

use super::auth::Caller;
use super::customer_list::profile_column;

/// The preferred main address of customer `c`, the one whose city is the customer's.
pub const MAIN_ADDRESS: &str = "customer_addresses a where a.tenant_id = c.tenant_id \
     and a.customer_id = c.id and a.role = 'main' and a.preferred";

/// The joins `current_value_sql` reads from, for customer `c` in company `company` (an SQL
/// expression): its profile `p` and its sales defaults `d`.
pub fn customer_rows_sql(company: &str) -> String {
    format!(
        " left join customer_profiles p on p.tenant_id = c.tenant_id and p.customer_id = c.id \
           and p.company_id = {company} \
         left join customer_sales_defaults d on d.tenant_id = c.tenant_id and d.customer_id = c.id \
           and d.company_id = {company}"
    )
}

/// `p.salesperson_id::text`, `c.status`…: the current value of a field of customer `c` (profile
/// `p` and sales defaults `d` in the batch's company), as the batch's items store it. A set is
/// its ids ascending, comma-separated (`3,12`), or null when empty.
pub fn current_value_sql(target: BulkTarget) -> String {
    match target {
        BulkTarget::Profile(kind) => format!("p.{}::text", profile_column(kind)),
        BulkTarget::Status => "c.status".to_string(),
        BulkTarget::City => "c.city_id::text".to_string(),
        BulkTarget::District => format!("(select a.district from {MAIN_ADDRESS})"),
        BulkTarget::SalesTable(kind) => format!("d.{}::text", kind.column()),
        BulkTarget::SalesNumber(number) => format!("d.{}::text", number.column()),
        BulkTarget::OwnSet(kind) => format!(
            "(select string_agg(l.{column}::text, ',' order by l.{column}) from {table} l
              where l.tenant_id = d.tenant_id and l.company_id = d.company_id
                and l.customer_id = d.customer_id)",
            column = kind.entry_column(),
            table = kind.link_table()
        ),
    }
}

/// Which customers can take the field at all: a district needs a main address; the sales
/// fields, sales defaults in the company (a customer gets them where it is first used).
pub fn applies_sql(target: BulkTarget) -> String {
    match target {
        BulkTarget::District => format!("exists (select 1 from {MAIN_ADDRESS})"),
        // R-SALES-3: a customer who may not get discounts keeps 0, as the tab stores it.
        BulkTarget::SalesNumber(SalesNumber::Discount) => {
            "d.customer_id is not null and d.allows_discount".into()
        }
        BulkTarget::SalesTable(_) | BulkTarget::OwnSet(_) | BulkTarget::SalesNumber(_) => {
            "d.customer_id is not null".into()
        }
        _ => "true".to_string(),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Direction {
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
pub async fn write_values(
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
             where i.tenant_id = $1 and i.batch_id = $2 and i.field = $3 and not i.kept
             on conflict (tenant_id, company_id, customer_id) do update set {column} = excluded.{column}",
            column = profile_column(kind)
        ),
        BulkTarget::Status => format!(
            "update customers c set status = i.{value}
             from bulk_batch_items i
             where i.tenant_id = $1 and i.batch_id = $2 and i.field = $3 and not i.kept
               and c.tenant_id = i.tenant_id and c.id = i.customer_id"
        ),
        // The customer's city and its main address's city move together, as a single edit
        // of the address does; `bump_versions` moves the address's version.
        BulkTarget::City => format!(
            "with items as (
                 select customer_id, {value}::bigint as city_id from bulk_batch_items
                 where tenant_id = $1 and batch_id = $2 and field = $3 and not kept),
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
             where i.tenant_id = $1 and i.batch_id = $2 and i.field = $3 and not i.kept
               and a.tenant_id = i.tenant_id
               and a.customer_id = i.customer_id and a.role = 'main' and a.preferred
               and i.{value} is not null"
        ),
        BulkTarget::SalesTable(kind) => format!(
            "update customer_sales_defaults d set {column} = i.{value}::bigint
             from bulk_batch_items i join bulk_batches b on b.tenant_id = i.tenant_id and b.id = i.batch_id
             where i.tenant_id = $1 and i.batch_id = $2 and i.field = $3 and not i.kept
               and d.tenant_id = i.tenant_id and d.company_id = b.company_id
               and d.customer_id = i.customer_id",
            column = kind.column()
        ),
        BulkTarget::SalesNumber(number) => format!(
            "update customer_sales_defaults d set {column} = i.{value}::numeric
             from bulk_batch_items i join bulk_batches b on b.tenant_id = i.tenant_id and b.id = i.batch_id
             where i.tenant_id = $1 and i.batch_id = $2 and i.field = $3 and not i.kept
               and d.tenant_id = i.tenant_id and d.company_id = b.company_id
               and d.customer_id = i.customer_id",
            column = number.column()
        ),
        // R-SALES-4 replace semantics, the tab's two statements as one: what is not in the
        // set goes, what is missing comes.
        BulkTarget::OwnSet(kind) => format!(
            "with items as (
                 select i.customer_id, b.company_id,
                        coalesce(string_to_array(i.{value}, ',')::bigint[], '{{}}') as ids
                 from bulk_batch_items i join bulk_batches b on b.tenant_id = i.tenant_id and b.id = i.batch_id
                 where i.tenant_id = $1 and i.batch_id = $2 and i.field = $3 and not i.kept),
             gone as (
                 delete from {table} l using items i
                 where l.tenant_id = $1 and l.company_id = i.company_id
                   and l.customer_id = i.customer_id and l.{column} <> all(i.ids))
             insert into {table} (tenant_id, company_id, customer_id, {column})
             select $1, i.company_id, i.customer_id, entry
             from items i cross join unnest(i.ids) as entry
             on conflict do nothing",
            table = kind.link_table(),
            column = kind.entry_column()
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
pub async fn audit(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    batch_id: i64,
    change: &BulkChange,
    direction: Direction,
) -> Result<(), sqlx::Error> {
    let (old, new) = (direction.replaced_column(), direction.written_column());
    // A status is written as the form shows it ("Ativo", not `active`), both ways, from rules'
    // own labels: codes and labels bound as two arrays at parameters `labels` and `labels + 1`,
    // the statement's first free ones (bound only for a status, which alone reads them).
    let label = |side: &str, labels: usize| match change.spec.target {
        // The tab's history shows a set as its entries' labels by code.
        BulkTarget::OwnSet(_) => format!(
            "coalesce((select string_agg(e.code || ' - ' || e.description, ', ' order by e.code)
                       from lookup_entries e
                       where e.tenant_id = i.tenant_id
                         and e.id = any(string_to_array(i.{side}, ',')::bigint[])), '')"
        ),
        BulkTarget::Profile(_) | BulkTarget::SalesTable(_) => format!(
            "coalesce((select e.code || ' - ' || e.description from lookup_entries e
                       where e.tenant_id = i.tenant_id and e.id = i.{side}::bigint), '')"
        ),
        BulkTarget::Status | BulkTarget::SalesNumber(_) => format!(
            "coalesce((select s.label from unnest(${labels}::text[], ${}::text[]) as s(code, label)
                       where s.code = i.{side}), i.{side}, '')",
            labels + 1
        ),
        BulkTarget::District => format!("coalesce(i.{side}, '')"),
        BulkTarget::City => format!(
            "coalesce((select ci.identification from cities ci where ci.id = i.{side}::bigint), '')"
        ),
    };
    let (codes, labels) = shown_values(tx, caller, batch_id, change).await?;
    let sql = format!(
        "insert into customer_changes (tenant_id, customer_id, company_id, user_id, user_name, field,
                                       old_value, new_value, company_scoped, batch_id, batch_undone)
         select i.tenant_id, i.customer_id, $3, $4, $5, $6, {old_label}, {new_label}, $8, $2, {undone}
         from bulk_batch_items i
         where i.tenant_id = $1 and i.batch_id = $2 and i.field = $7 and not i.kept",
        old_label = label(old, 9),
        new_label = label(new, 9),
        undone = matches!(direction, Direction::Undo),
    );
    let insert = sqlx::query(&sql)
        .bind(caller.tenant_id)
        .bind(batch_id)
        .bind(caller.company_id)
        .bind(caller.user_id)
        .bind(&caller.user_name)
        .bind(change.spec.label())
        .bind(change.spec.code)
        // A profile or sales field belongs to the batch's company (R-COMPANY-1, R-COMPANY-3).
        .bind(change.spec.target.company_scoped());
    let insert = match change.spec.target {
        BulkTarget::Status | BulkTarget::SalesNumber(_) => insert.bind(&codes).bind(&labels),
        _ => insert,
    };
    insert.execute(&mut **tx).await?;
    if change.spec.asks_for_notes {
        let notes = match direction {
            Direction::Forward => change.notes.clone(),
            Direction::Undo => format!("Desfeito o lote {batch_id}."),
        };
        let notes_sql = format!(
            "insert into salesperson_changes (tenant_id, company_id, customer_id, user_id, user_name,
                 old_salesperson_id, new_salesperson_id, old_salesperson, new_salesperson, notes)
             select i.tenant_id, $3, i.customer_id, $4, $5, i.{old}::bigint, i.{new}::bigint,
                    {old_label}, {new_label}, $6
             from bulk_batch_items i
             where i.tenant_id = $1 and i.batch_id = $2 and i.field = $7 and not i.kept",
            old_label = label(old, 8),
            new_label = label(new, 8),
        );
        let notes_query = sqlx::query(&notes_sql)
            .bind(caller.tenant_id)
            .bind(batch_id)
            .bind(caller.company_id)
            .bind(caller.user_id)
            .bind(&caller.user_name)
            .bind(notes)
            .bind(change.spec.code);
        let notes_query = match change.spec.target {
            BulkTarget::Status => notes_query.bind(&codes).bind(&labels),
            _ => notes_query,
        };
        notes_query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// (stored value, as the form shows it) for the fields whose history shows their values
/// through rules' labels: a status's label, a number formatted as the tab does.
async fn shown_values(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    batch_id: i64,
    change: &BulkChange,
) -> Result<(Vec<String>, Vec<String>), sqlx::Error> {
    match change.spec.target {
        BulkTarget::Status => Ok(Status::ALL
            .iter()
            .map(|s| (s.code().to_string(), s.label().to_string()))
            .unzip()),
        BulkTarget::SalesNumber(number) => {
            let stored: Vec<String> = sqlx::query_scalar(
                "select distinct v.value from bulk_batch_items i
                 cross join lateral (values (i.old_value), (i.new_value)) as v (value)
                 where i.tenant_id = $1 and i.batch_id = $2 and i.field = $3 and v.value is not null",
            )
            .bind(caller.tenant_id)
            .bind(batch_id)
            .bind(change.spec.code)
            .fetch_all(&mut **tx)
            .await?;
            let shown = stored.iter().map(|v| number.shown(v)).collect();
            Ok((stored, shown))
        }
        _ => Ok((Vec::new(), Vec::new())),
    }
}

/// Every customer the batch changed gets a new version (stale forms are then refused), and so
/// does the sales tab of those whose sales fields it changed; the batch remembers the
/// customer's, which is what the undo checks. Answers how many customers changed.
pub async fn bump_versions(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    batch_id: i64,
) -> Result<i64, sqlx::Error> {
    let changed: i64 = sqlx::query_scalar(
        "with touched as (
             select distinct customer_id from bulk_batch_items
             where tenant_id = $1 and batch_id = $2 and not kept),
         bumped as (
             update customers c set version = c.version + 1, updated_at = now(), updated_by_name = $3
             from touched t where c.tenant_id = $1 and c.id = t.customer_id
             returning c.id, c.version),
         addressed as (
             update customer_addresses a set version = a.version + 1
             from (select distinct customer_id from bulk_batch_items
                   where tenant_id = $1 and batch_id = $2 and not kept
                     and field in ('city', 'district')) t
             where a.tenant_id = $1 and a.customer_id = t.customer_id and a.role = 'main' and a.preferred
             returning a.customer_id, a.version),
         sales_tabs as (
             update customer_sales_defaults d
             set version = d.version + 1, updated_at = now(), updated_by_name = $3
             from (select distinct i.customer_id, b.company_id
                   from bulk_batch_items i join bulk_batches b on b.tenant_id = i.tenant_id and b.id = i.batch_id
                   where i.tenant_id = $1 and i.batch_id = $2 and not i.kept and i.field = any($4)) t
             where d.tenant_id = $1 and d.company_id = t.company_id and d.customer_id = t.customer_id),
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
    .bind(sales_field_codes())
    .fetch_one(&mut **tx)
    .await?;
    Ok(changed)
}

/// The codes of the bulk fields kept in the sales defaults.
fn sales_field_codes() -> Vec<&'static str> {
    BULK_FIELDS
        .iter()
        .filter(|f| f.target.in_sales_defaults())
        .map(|f| f.code)
        .collect()
}

/// The codes of the bulk fields holding one table entry (their old values are guarded from
/// deletion until the batch can no longer be undone), and of those holding a set of entries.
pub fn entry_field_codes() -> (Vec<&'static str>, Vec<&'static str>) {
    let codes = |pick: fn(BulkTarget) -> bool| {
        BULK_FIELDS
            .iter()
            .filter(|f| pick(f.target))
            .map(|f| f.code)
            .collect()
    };
    (
        codes(|t| matches!(t, BulkTarget::Profile(_) | BulkTarget::SalesTable(_))),
        codes(|t| matches!(t, BulkTarget::OwnSet(_))),
    )
}
