//! The customer list query: keyset pagination (no OFFSET) and a capped count, so a page at any
//! depth costs the same.
//!
//! The statement is assembled from the filters actually in use and sent unprepared, so
//! PostgreSQL plans each one with its values: a generic plan cannot know whether a word or a
//! region matches 0.1% or 20% of the customers, which decides between walking the order's
//! index and intersecting the list's GIN index (migration `20261124000001`: the words of the
//! names, the profile entries and the status of every customer, in one index).

use rules::customer_search::SearchText;
use rules::lookup::LookupKind;
use sqlx::{PgPool, Postgres, QueryBuilder};

use crate::customers::filter_conditions::{CityCondition, LookupChoice, LookupOp};
use crate::customers::list_types::{
    CustomerFilter, CustomerPage, CustomerRow, COUNT_CAP, PAGE_SIZE,
};

/// The list as seen from one company: the commercial profile filters read that company's.
#[derive(Debug, Clone, Copy)]
pub struct Scope {
    pub tenant_id: i64,
    pub company_id: i64,
}

pub(crate) fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

pub(crate) fn profile_column(kind: LookupKind) -> &'static str {
    match kind {
        LookupKind::CustomerGroup => "customer_group_id",
        LookupKind::ActivityBranch => "activity_branch_id",
        LookupKind::Region => "region_id",
        LookupKind::Salesperson => "salesperson_id",
        LookupKind::Category => "category_id",
    }
}

/// `where …` for the filter, without the keyset position.
pub(crate) fn push_filters(
    query: &mut QueryBuilder<'_, Postgres>,
    scope: Scope,
    filter: &CustomerFilter,
) {
    query
        .push(" where c.tenant_id = ")
        .push_bind(scope.tenant_id);
    if let Some(search) = SearchText::parse(&filter.text) {
        push_search(query, &search);
    }
    if !filter.selected.is_empty() {
        query
            .push(" and c.id = any(")
            .push_bind(filter.selected.clone())
            .push(")");
    }
    if ["active", "inactive", "pending"].contains(&filter.status.as_str()) {
        query
            .push(" and c.status = ")
            .push_bind(filter.status.clone());
    }
    if let Some(city) = CityCondition::parse(&filter.city) {
        push_city(query, &city);
    }
    push_profile(query, scope, &filter.lookups);
    super::set_filters::push_sets(query, scope, &filter.sets);
}

/// Every word the start of a word of the folded names (in any order), or the start of the
/// document, or the code. `search_words` holds every start of every word (migration
/// `20261124000001`), so the words are one `@>` that the list's GIN index answers.
pub(crate) fn push_search(query: &mut QueryBuilder<'_, Postgres>, search: &SearchText) {
    query.push(" and (");
    if search.words.is_empty() {
        query.push("false");
    } else {
        query
            .push("c.search_words @> ")
            .push_bind(search.words.clone())
            .push("::text[]");
    }
    if let Some(prefix) = &search.document_prefix {
        query
            .push(" or c.document like ")
            .push_bind(format!("{}%", escape_like(prefix)));
    }
    if let Some(code) = search.code {
        query.push(" or c.code = ").push_bind(code);
    }
    query.push(")");
}

/// The markers `customers.profile_entries` holds beside the entries of the customer's profiles
/// (migration `20261125000010` writes the same numbers): per company of the tenant, either one
/// marker per table, filled or empty, or one saying the customer has no profile there.
enum Marker {
    Filled(LookupKind),
    Empty(LookupKind),
    NoProfile,
}

impl Marker {
    fn of(self, company_id: i64) -> i64 {
        let table = |kind| match kind {
            LookupKind::CustomerGroup => 1,
            LookupKind::ActivityBranch => 2,
            LookupKind::Region => 3,
            LookupKind::Salesperson => 4,
            LookupKind::Category => 5,
        };
        let slot = match self {
            Marker::Filled(kind) => table(kind),
            Marker::NoProfile => 8,
            Marker::Empty(kind) => 8 + table(kind),
        };
        -(company_id * 16 + slot)
    }
}

/// R-BULK-2 on the company's profile, read from `customers.profile_entries` (every entry of
/// the customer's profiles, and the markers above): one row, one GIN index for any
/// combination, where an `exists` per table had PostgreSQL join the profiles once per table.
/// "Is none of" and "is empty" still match a customer without a profile in the company; "is
/// empty" is a positive `&&` (empty in the profile, or no profile), so that the index finds
/// the few customers it matches instead of reading all the others.
///
/// Entry ids are unique in the tenant, so an entry names its company and table; the ids come
/// from the request, so each list must be entries of this company's table of that kind, or
/// the filter matches nothing. That check reads no customer: PostgreSQL runs it once, before
/// the scan, and plans the scan from the entries' own statistics.
fn push_profile(query: &mut QueryBuilder<'_, Postgres>, scope: Scope, lookups: &[LookupChoice]) {
    for choice in lookups {
        match choice.op {
            LookupOp::AnyOf | LookupOp::NoneOf => {
                query.push(if choice.op == LookupOp::AnyOf {
                    " and (c.profile_entries && "
                } else {
                    " and not (c.profile_entries && "
                });
                query
                    .push_bind(choice.ids.clone())
                    .push("::bigint[]) and ")
                    .push_bind(choice.ids.clone())
                    .push(
                        "::bigint[] <@ array(select e.id from lookup_entries e \
                         where e.tenant_id = ",
                    )
                    .push_bind(scope.tenant_id)
                    .push(" and e.company_id = ")
                    .push_bind(scope.company_id)
                    .push(" and e.kind = ")
                    .push_bind(choice.kind.code())
                    .push(" and e.id = any(")
                    .push_bind(choice.ids.clone())
                    .push("))");
            }
            LookupOp::NotEmpty => {
                let filled = Marker::Filled(choice.kind).of(scope.company_id);
                query.push(format_args!(
                    " and c.profile_entries @> '{{{filled}}}'::bigint[]"
                ));
            }
            LookupOp::Empty => {
                let empty = Marker::Empty(choice.kind).of(scope.company_id);
                let none = Marker::NoProfile.of(scope.company_id);
                query.push(format_args!(
                    " and c.profile_entries && '{{{empty},{none}}}'::bigint[]"
                ));
            }
        }
    }
}

/// The city condition; "is none of" keeps the customers without a city, as the profile
/// tables' "is none of" keeps those without an entry.
fn push_city(query: &mut QueryBuilder<'_, Postgres>, city: &CityCondition) {
    let patterns: Vec<String> = city
        .prefixes
        .iter()
        .map(|p| format!("{}%", escape_like(p)))
        .collect();
    let matching = " (select id from cities where identification like any(";
    match city.op {
        LookupOp::Empty => query.push(" and c.city_id is null"),
        LookupOp::NotEmpty => query.push(" and c.city_id is not null"),
        LookupOp::AnyOf => query
            .push(" and c.city_id in")
            .push(matching)
            .push_bind(patterns)
            .push("))"),
        LookupOp::NoneOf => query
            .push(" and (c.city_id is null or c.city_id not in")
            .push(matching)
            .push_bind(patterns)
            .push(")))"),
    };
}

/// How many matches are fetched together and sorted rather than read by walking the order's
/// index: two conditions of a few percent each (a region and a common surname: ~3,700 of
/// 500,000) otherwise walk the index through some 7,000 to 14,000 customers for a page.
const SORTED_CAP: i64 = 5_000;
/// Counting up to SORTED_CAP is worth it only where PostgreSQL expects about that many: for a
/// condition matching half the customers, a count that may run to 5,001 is planned as a
/// bitmap of every match (0.5 s at 500,000) where the one stopping at 1,001 reads a few rows.
const SORTED_ESTIMATE_CAP: f64 = 20_000.0;

/// Where the count stops: past SORTED_CAP when the planner expects the filter to match about
/// that many or fewer, past COUNT_CAP (what the screen shows) otherwise.
async fn count_limit(
    pool: &PgPool,
    scope: Scope,
    filter: &CustomerFilter,
) -> Result<i64, sqlx::Error> {
    let mut explain = QueryBuilder::new("explain select 1 from customers c");
    push_filters(&mut explain, scope, filter);
    // The plan's first line ends "(cost=… rows=3901 width=4)".
    let top: String = explain
        .build_query_scalar()
        .persistent(false)
        .fetch_one(pool)
        .await?;
    let estimate = top
        .split_once(" rows=")
        .and_then(|(_, rest)| rest.split(' ').next())
        .and_then(|rows| rows.parse::<f64>().ok())
        .unwrap_or(f64::MAX);
    Ok(if estimate <= SORTED_ESTIMATE_CAP {
        SORTED_CAP
    } else {
        COUNT_CAP
    })
}

pub async fn list(
    pool: &PgPool,
    scope: Scope,
    filter: &CustomerFilter,
) -> Result<CustomerPage, sqlx::Error> {
    let limit = count_limit(pool, scope, filter).await?;
    let mut count = QueryBuilder::new("select count(*) from (select 1 from customers c");
    push_filters(&mut count, scope, filter);
    count.push(" limit ").push_bind(limit + 1).push(") capped");
    // Unnamed statements: planned each time with the values, never as a generic plan that
    // cannot know how many customers an entry or a word matches.
    let matches: i64 = count
        .build_query_scalar()
        .persistent(false)
        .fetch_one(pool)
        .await?;
    // The screen says "mais de 1.000" past COUNT_CAP, however far the count went.
    let count = matches.min(COUNT_CAP + 1);
    if count == 0 {
        return Ok(CustomerPage {
            rows: Vec::new(),
            count,
            next: None,
        });
    }

    // The count, taken first, says how to read the page. Up to SORTED_CAP matches are fetched
    // together (through the GIN index) and sorted: PostgreSQL guesses a word or an entry it
    // has no statistics for at 0.5% of the customers, and for such a guess it would walk the
    // whole order's index to find the one customer with a typed code (1.5 s at 500,000).
    // Beyond that, one customer in 100 or more matches and walking the index in the page's
    // order stops after a few thousand at most.
    let few = matches <= limit;
    let mut page = QueryBuilder::new(if few { "select * from (" } else { "" });
    page.push(
        "select c.id, c.code, c.kind, c.document, c.legal_name, c.trade_name, c.status, \
         ci.identification as city \
         from customers c left join cities ci on ci.id = c.city_id",
    );
    push_filters(&mut page, scope, filter);
    // Descending pages walk the same indexes backwards.
    let (past, direction) = if filter.sort.descending() {
        ("<", " desc")
    } else {
        (">", "")
    };
    if filter.sort.by_name() {
        if let Some((id, name)) = filter.after.split_once(':') {
            if let Ok(id) = id.parse::<i64>() {
                page.push(format_args!(" and (c.legal_name, c.id) {past} ("))
                    .push_bind(name.to_string())
                    .push(", ")
                    .push_bind(id)
                    .push(")");
            }
        }
    } else if let Ok(after) = filter.after.parse::<i64>() {
        page.push(format_args!(" and c.code {past} "))
            .push_bind(after);
    }
    if few {
        // `offset 0` keeps the order out of the inner query's plan.
        page.push(" offset 0) c");
    }
    if filter.sort.by_name() {
        page.push(format_args!(
            " order by c.legal_name{direction}, c.id{direction}"
        ));
    } else {
        page.push(format_args!(" order by c.code{direction}"));
    }
    page.push(" limit ").push_bind(PAGE_SIZE + 1);
    let mut rows: Vec<CustomerRow> = page
        .build_query_as()
        .persistent(false)
        .fetch_all(pool)
        .await?;

    let next = if rows.len() as i64 > PAGE_SIZE {
        rows.truncate(PAGE_SIZE as usize);
        rows.last().map(|last| {
            if filter.sort.by_name() {
                format!("{}:{}", last.id, last.legal_name)
            } else {
                last.code.to_string()
            }
        })
    } else {
        None
    };
    add_available_credit(pool, scope, &mut rows).await?;
    Ok(CustomerPage { rows, count, next })
}

/// The page's available credit in the current company: one statement for its rows.
async fn add_available_credit(
    pool: &PgPool,
    scope: Scope,
    rows: &mut [CustomerRow],
) -> Result<(), sqlx::Error> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let credit =
        super::credit_store::available_for_customers(pool, scope.tenant_id, scope.company_id, &ids)
            .await?;
    let by_id: std::collections::HashMap<i64, rules::finance::credit::Available> =
        credit.into_iter().collect();
    for row in rows.iter_mut() {
        if let Some(available) = by_id.get(&row.id) {
            row.available_credit = available.label();
            row.over_limit = matches!(
                available,
                rules::finance::credit::Available::Amount(a) if a.is_sign_negative() && !a.is_zero()
            );
        }
    }
    Ok(())
}

/// The keyset cursor of the match `tenths` tenths of the way down the filter's matches, in
/// the filter's order (its own `after` ignored); `None` when nothing matches. Lets the
/// benchmark time a page deep inside each filter's result, as a user paging there would.
pub async fn cursor_at(
    pool: &PgPool,
    scope: Scope,
    filter: &CustomerFilter,
    tenths: i64,
) -> Result<Option<String>, sqlx::Error> {
    let unpositioned = CustomerFilter {
        after: String::new(),
        ..filter.clone()
    };
    let mut count = QueryBuilder::new("select count(*) from customers c");
    push_filters(&mut count, scope, &unpositioned);
    let matches: i64 = count.build_query_scalar().fetch_one(pool).await?;
    let direction = if filter.sort.descending() {
        " desc"
    } else {
        ""
    };
    let mut row = QueryBuilder::new("select c.id, c.code, c.legal_name from customers c");
    push_filters(&mut row, scope, &unpositioned);
    if filter.sort.by_name() {
        row.push(format_args!(
            " order by c.legal_name{direction}, c.id{direction}"
        ));
    } else {
        row.push(format_args!(" order by c.code{direction}"));
    }
    row.push(" offset ")
        .push_bind(matches * tenths / 10)
        .push(" limit 1");
    let found: Option<(i64, i64, String)> = row.build_query_as().fetch_optional(pool).await?;
    Ok(found.map(|(id, code, name)| {
        if filter.sort.by_name() {
            format!("{id}:{name}")
        } else {
            code.to_string()
        }
    }))
}
