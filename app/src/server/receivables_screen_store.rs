//! The receivables screen's query (issue 12, "Contas a receber"): the current company's
//! receivables matching the filters, a page at a time in due-date order (keyset on
//! `receivables_due`: due date, id), and the totals by status of everything that matches.
//!
//! The status is not stored (it turns "overdue" when the due date passes): `STATUS` states
//! `rules::finance::status::status` in SQL so the page and the totals are one statement each;
//! a test compares the two on every status.

use chrono::NaiveDate;
use rules::finance::receivable::EntryKind;
use rules::finance::receivable_filter::ReceivableFilter;
use rules::finance::status::ReceivableStatus;
use sqlx::{PgPool, Postgres, QueryBuilder, Row};

use super::auth::Caller;
use super::credit_store::cents;
use crate::customers::receivable_list_types::{ReceivableListRow, ReceivablesPage, StatusTotal};
use crate::error::AppError;

pub const PAGE_SIZE: i64 = 50;

/// Still owed, whatever the status: not cancelled, a balance left.
const OWED: &str = "r.cancelled_at is null and r.balance > 0";

/// `rules::finance::status::status`, in its order of precedence; `$today` bound by the caller.
pub(crate) fn push_status(query: &mut QueryBuilder<'_, Postgres>, today: NaiveDate) {
    query
        .push(
            "(case when r.cancelled_at is not null then 'cancelled'
                   when r.balance = 0 then 'received'
                   when r.sent_to_credit_bureau then 'negative_listed'
                   when r.in_collection then 'in_collection'
                   when r.due_date < ",
        )
        .push_bind(today)
        .push(" then 'overdue' else 'open' end)");
}

/// `status(r) = status` as the conjunction of the facts it means (`rules::finance::status`,
/// first match wins), so the planner reads only those rows: the outstanding ones by due date
/// from `receivables_outstanding_due` (the open ones from today on), the cancelled ones from
/// `receivables_cancelled_due`. A test checks it against `push_status` on every status.
pub(crate) fn push_status_is(
    query: &mut QueryBuilder<'_, Postgres>,
    status: ReceivableStatus,
    today: NaiveDate,
) {
    const PLAIN: &str = "r.cancelled_at is null and r.balance > 0
                         and not r.sent_to_credit_bureau and not r.in_collection";
    match status {
        ReceivableStatus::Cancelled => query.push("r.cancelled_at is not null"),
        ReceivableStatus::Received => query.push("r.cancelled_at is null and r.balance = 0"),
        ReceivableStatus::NegativeListed => {
            query.push(format!("{OWED} and r.sent_to_credit_bureau"))
        }
        ReceivableStatus::InCollection => query.push(format!(
            "{OWED} and not r.sent_to_credit_bureau and r.in_collection"
        )),
        ReceivableStatus::Overdue => query
            .push(format!("{PLAIN} and r.due_date < "))
            .push_bind(today),
        ReceivableStatus::Open => query
            .push(format!("{PLAIN} and r.due_date >= "))
            .push_bind(today),
    };
}

fn push_lookup(
    query: &mut QueryBuilder<'_, Postgres>,
    caller: &Caller,
    column: &str,
    kind: &str,
    code: &str,
) {
    query
        .push(format!(
            " and p.{column} = (select id from lookup_entries where tenant_id = "
        ))
        .push_bind(caller.tenant_id)
        .push(" and company_id = ")
        .push_bind(caller.company_id)
        .push(format!(" and kind = '{kind}' and code = "))
        .push_bind(code.to_string())
        .push(")");
}

/// Joins the customer (`c`) for the columns of `ROW_COLUMNS`. Only the queries that read those
/// join it: the totals of a million receivables would otherwise join a million customers.
pub(crate) const CUSTOMER_JOIN: &str =
    " join customers c on c.tenant_id = r.tenant_id and c.id = r.customer_id ";

/// `from … where …` of the receivables the filter matches in the caller's company; `join`
/// adds tables to the `from` (`r` and `p`, the customer's profile, are there). PostgreSQL drops
/// the profile's left join (one row at most, by its key) from queries that don't read it.
pub(crate) fn push_matching(
    query: &mut QueryBuilder<'_, Postgres>,
    caller: &Caller,
    filter: &ReceivableFilter,
    today: NaiveDate,
    join: &str,
) {
    query
        .push(
            " from receivables r
              left join customer_profiles p on p.tenant_id = r.tenant_id
                   and p.company_id = r.company_id and p.customer_id = r.customer_id ",
        )
        .push(join)
        .push(" where r.tenant_id = ")
        .push_bind(caller.tenant_id)
        .push(" and r.company_id = ")
        .push_bind(caller.company_id);
    if let Some(status) = filter.status {
        query.push(" and ");
        push_status_is(query, status, today);
    }
    if filter.owed_only {
        // What `receivables_outstanding_due` indexes.
        query.push(format!(" and {OWED}"));
    }
    if let Some(code) = &filter.group_code {
        push_lookup(query, caller, "customer_group_id", "customer_group", code);
    }
    if let Some(code) = &filter.region_code {
        push_lookup(query, caller, "region_id", "region", code);
    }
    if let Some(code) = &filter.salesperson_code {
        push_lookup(query, caller, "salesperson_id", "salesperson", code);
    }
    if let Some(code) = filter.customer_code {
        query
            .push(" and r.customer_id = (select id from customers where tenant_id = ")
            .push_bind(caller.tenant_id)
            .push(" and code = ")
            .push_bind(code)
            .push(")");
    }
    if let Some(search) = &filter.customer_search {
        query
            .push(" and r.customer_id in (select c.id from customers c where c.tenant_id = ")
            .push_bind(caller.tenant_id);
        super::customer_list::push_search(query, search);
        query.push(")");
    }
    if let Some(from) = &filter.due_from {
        query
            .push(" and r.due_date >= ")
            .push_bind(from.clone())
            .push("::date");
    }
    if let Some(to) = &filter.due_to {
        query
            .push(" and r.due_date <= ")
            .push_bind(to.clone())
            .push("::date");
    }
    if let Some(min) = filter.amount_min {
        query.push(" and r.amount >= ").push_bind(min);
    }
    if let Some(max) = filter.amount_max {
        query.push(" and r.amount <= ").push_bind(max);
    }
}

/// `aaaa-mm-dd.id` → where the page starts after.
fn read_cursor(after: &str) -> Result<Option<(NaiveDate, i64)>, AppError> {
    if after.trim().is_empty() {
        return Ok(None);
    }
    let bad = || AppError::BadRequest("Página inválida.".to_string());
    let (date, id) = after.split_once('.').ok_or_else(bad)?;
    let date = date.parse::<NaiveDate>().map_err(|_| bad())?;
    let id = id.parse::<i64>().map_err(|_| bad())?;
    Ok(Some((date, id)))
}

/// The columns `ROW_COLUMNS` selects, as the screen shows them.
pub(crate) fn list_row(row: &sqlx::postgres::PgRow) -> Result<ReceivableListRow, AppError> {
    let document: String = row.try_get("document")?;
    let installment: i32 = row.try_get("installment")?;
    let kind: String = row.try_get("kind")?;
    let status: String = row.try_get("status")?;
    let status = ReceivableStatus::from_code(&status).ok_or(AppError::Internal)?;
    let issue: NaiveDate = row.try_get("issue_date")?;
    let due: NaiveDate = row.try_get("due_date")?;
    Ok(ReceivableListRow {
        id: row.try_get("id")?,
        customer_code: row.try_get("code")?,
        customer: row.try_get("trade_name")?,
        document: format!("{document}/{installment}"),
        kind: EntryKind::from_code(&kind)
            .map_or("Outro", EntryKind::label)
            .to_string(),
        issue_date: rules::display::date(&issue.to_string()),
        due_date: rules::display::date(&due.to_string()),
        amount: cents(row.try_get("amount")?),
        balance: cents(status.balance_due(row.try_get("balance")?)),
        status,
        sale_code: row.try_get("sale_code")?,
        version: row.try_get("version")?,
        collection: super::receivable_list_store::collection(row)?,
        cancellation: super::receivable_list_store::cancellation(row)?,
        terms: super::receivable_list_store::late_terms(row)?,
    })
}

/// What `list_row` reads, but the status (`push_status(…) as status`).
pub(crate) const ROW_COLUMNS: &str = "select r.id, r.document, r.installment, r.kind, r.issue_date,
        r.due_date, r.amount, r.balance, r.sale_code, r.version, c.code, c.trade_name,
        r.collection_location, r.collection_operation,
        r.cancelled_at, r.cancelled_by_name, r.cancel_reason, r.daily_interest, r.late_fee,
        (select code from lookup_entries b where b.tenant_id = r.tenant_id and b.id = r.bearer_id)
            as bearer_code, ";

pub async fn page(
    pool: &PgPool,
    caller: &Caller,
    filter: &ReceivableFilter,
    after: &str,
    today: NaiveDate,
) -> Result<ReceivablesPage, AppError> {
    let (rows, next) = rows(pool, caller, filter, after, today).await?;
    Ok(ReceivablesPage {
        rows,
        next,
        totals: totals(pool, caller, filter, today).await?,
        company: company_label(pool, caller).await?,
        today: rules::display::date(&today.to_string()),
    })
}

/// `1 - Gaúcha Combustíveis`: the caller's company, as the screen and the report name it.
pub(crate) async fn company_label(pool: &PgPool, caller: &Caller) -> Result<String, AppError> {
    let (code, name): (i32, String) =
        sqlx::query_as("select code, trade_name from companies where tenant_id = $1 and id = $2")
            .bind(caller.tenant_id)
            .bind(caller.company_id)
            .fetch_one(pool)
            .await?;
    Ok(format!("{code} - {name}"))
}

/// One page of the matching receivables after the cursor `after` (`aaaa-mm-dd.id`, empty for
/// the first page) and the cursor of the next page, if there is one.
pub async fn rows(
    pool: &PgPool,
    caller: &Caller,
    filter: &ReceivableFilter,
    after: &str,
    today: NaiveDate,
) -> Result<(Vec<ReceivableListRow>, Option<String>), AppError> {
    let cursor = read_cursor(after)?;
    let mut query = QueryBuilder::new(ROW_COLUMNS);
    push_status(&mut query, today);
    query.push(" as status");
    push_matching(&mut query, caller, filter, today, CUSTOMER_JOIN);
    if let Some((date, id)) = cursor {
        query
            .push(" and (r.due_date, r.id) > (")
            .push_bind(date)
            .push(", ")
            .push_bind(id)
            .push(")");
    }
    query
        .push(" order by r.due_date, r.id limit ")
        .push_bind(PAGE_SIZE + 1);
    let mut rows = query.build().fetch_all(pool).await?;
    let more = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    let next = match rows.last() {
        Some(last) if more => {
            let due: NaiveDate = last.try_get("due_date")?;
            let id: i64 = last.try_get("id")?;
            Some(format!("{due}.{id}"))
        }
        _ => None,
    };
    let rows = rows
        .iter()
        .map(list_row)
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok((rows, next))
}

/// The cursor that starts a page `tenths` tenths of the way down the matches (for the
/// benchmark's deep pages); `None` when nothing matches.
pub async fn cursor_at(
    pool: &PgPool,
    caller: &Caller,
    filter: &ReceivableFilter,
    tenths: i64,
    today: NaiveDate,
) -> Result<Option<String>, AppError> {
    let mut query = QueryBuilder::new("select r.due_date, r.id");
    push_matching(&mut query, caller, filter, today, "");
    query.push(" order by r.due_date, r.id offset (select count(*) * ");
    query.push_bind(tenths);
    query.push(" / 10");
    push_matching(&mut query, caller, filter, today, "");
    query.push(") limit 1");
    let row = query.build().fetch_optional(pool).await?;
    row.map(|row| {
        let due: NaiveDate = row.try_get("due_date")?;
        let id: i64 = row.try_get("id")?;
        Ok(format!("{due}.{id}"))
    })
    .transpose()
}

/// `ReceivableStatus::balance_due` in SQL, so totals add up what the rows show: a cancelled
/// receivable owes nothing.
pub(crate) const BALANCE_DUE: &str = "case when r.cancelled_at is null then r.balance else 0 end";

/// Count, amount and balance by status of everything the filter matches.
pub async fn totals(
    pool: &PgPool,
    caller: &Caller,
    filter: &ReceivableFilter,
    today: NaiveDate,
) -> Result<Vec<StatusTotal>, AppError> {
    let mut query = QueryBuilder::new("select status, count(*) as n, sum(amount) as amount, sum(balance) as balance from (select ");
    push_status(&mut query, today);
    query.push(format!(" as status, r.amount, {BALANCE_DUE} as balance"));
    push_matching(&mut query, caller, filter, today, "");
    query.push(") matching group by status");
    let rows = query.build().fetch_all(pool).await?;
    let mut totals = rows
        .iter()
        .map(|row| {
            let status: String = row.try_get("status")?;
            Ok(StatusTotal {
                status: ReceivableStatus::from_code(&status).ok_or(AppError::Internal)?,
                count: row.try_get("n")?,
                amount: cents(row.try_get("amount")?),
                balance: cents(row.try_get("balance")?),
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    totals.sort_by_key(|t| ReceivableStatus::ALL.iter().position(|s| *s == t.status));
    Ok(totals)
}
