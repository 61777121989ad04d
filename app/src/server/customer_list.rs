//! The customer list query: keyset pagination (no OFFSET) and a capped count, so a page at any
//! depth costs the same.
//!
//! The statement is assembled from the filters actually in use. One static statement with
//! `($n is null or …)` for every filter gets a generic plan once prepared, and that plan cannot
//! pick the trigram index for a name search or the profile index for a region; a statement per
//! combination of filters lets PostgreSQL plan each one for what it asks.

use rules::customer_search::SearchText;
use rules::lookup::LookupKind;
use sqlx::{PgPool, Postgres, QueryBuilder};

use crate::customers::filter_conditions::{CityCondition, LookupOp};
use crate::customers::list_types::{
    CustomerFilter, CustomerPage, CustomerRow, COUNT_CAP, PAGE_SIZE,
};

/// The list as seen from one company: the commercial profile filters read that company's.
#[derive(Debug, Clone, Copy)]
pub struct Scope {
    pub tenant_id: i64,
    pub company_id: i64,
}

fn escape_like(text: &str) -> String {
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
        query
            .push(" and (c.search_name like ")
            .push_bind(format!("%{}%", escape_like(&search.name_part)));
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
    // R-BULK-2: each table's condition is its own (not) exists over the company's profile, so
    // "is empty" and "is none of" also match customers with no profile there at all.
    for choice in &filter.lookups {
        let (negated, condition) = match choice.op {
            LookupOp::AnyOf => (false, "= any("),
            LookupOp::NoneOf => (true, "= any("),
            LookupOp::Empty => (true, "is not null"),
            LookupOp::NotEmpty => (false, "is not null"),
        };
        query
            .push(if negated {
                " and not exists"
            } else {
                " and exists"
            })
            .push(
                " (select 1 from customer_profiles p \
                 where p.tenant_id = c.tenant_id and p.customer_id = c.id and p.company_id = ",
            )
            .push_bind(scope.company_id)
            .push(format_args!(
                " and p.{} {condition}",
                profile_column(choice.kind)
            ));
        if matches!(choice.op, LookupOp::AnyOf | LookupOp::NoneOf) {
            query.push_bind(choice.ids.clone()).push(")");
        }
        query.push(")");
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

pub async fn list(
    pool: &PgPool,
    scope: Scope,
    filter: &CustomerFilter,
) -> Result<CustomerPage, sqlx::Error> {
    let mut page = QueryBuilder::new(
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
        page.push(format_args!(
            " order by c.legal_name{direction}, c.id{direction}"
        ));
    } else {
        if let Ok(after) = filter.after.parse::<i64>() {
            page.push(format_args!(" and c.code {past} "))
                .push_bind(after);
        }
        page.push(format_args!(" order by c.code{direction}"));
    }
    page.push(" limit ").push_bind(PAGE_SIZE + 1);
    let mut rows: Vec<CustomerRow> = page.build_query_as().fetch_all(pool).await?;

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

    let mut count = QueryBuilder::new("select count(*) from (select 1 from customers c");
    push_filters(&mut count, scope, filter);
    count
        .push(" limit ")
        .push_bind(COUNT_CAP + 1)
        .push(") capped");
    let count: i64 = count.build_query_scalar().fetch_one(pool).await?;
    Ok(CustomerPage { rows, count, next })
}
