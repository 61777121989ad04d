//! The customer list query: optional filters in static SQL, keyset pagination (no OFFSET)
//! and a capped count, so a page at any depth costs the same.

use rules::customer_search::SearchText;
use sqlx::PgPool;

use crate::customers::list_types::{
    CustomerFilter, CustomerPage, CustomerRow, SortOrder, COUNT_CAP, PAGE_SIZE,
};

/// The filter values bound into the statements; `None` means "no filter".
struct Bound {
    name_part: Option<String>,
    document_prefix: Option<String>,
    code: Option<i64>,
    status: Option<String>,
    city_prefix: Option<String>,
}

fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

fn bind(filter: &CustomerFilter) -> Bound {
    let search = SearchText::parse(&filter.text);
    let city = rules::city::fold(&filter.city);
    Bound {
        name_part: search.as_ref().map(|s| escape_like(&s.name_part)),
        document_prefix: search
            .as_ref()
            .and_then(|s| s.document_prefix.as_deref().map(escape_like)),
        code: search.as_ref().and_then(|s| s.code),
        status: Some(filter.status.clone())
            .filter(|s| ["active", "inactive", "pending"].contains(&s.as_str())),
        city_prefix: Some(city)
            .filter(|c| !c.is_empty())
            .map(|c| escape_like(&c)),
    }
}

pub async fn list(
    pool: &PgPool,
    tenant_id: i64,
    filter: &CustomerFilter,
) -> Result<CustomerPage, sqlx::Error> {
    let b = bind(filter);
    let mut rows = match filter.sort {
        SortOrder::Code => {
            let after_code: Option<i64> = filter.after.parse().ok();
            sqlx::query_as!(
                CustomerRow,
                r#"select c.id, c.code, c.kind, c.document, c.legal_name, c.trade_name, c.status,
                          ci.identification as "city?"
                   from customers c
                   left join cities ci on ci.id = c.city_id
                   where c.tenant_id = $1
                     and ($2::text is null or c.search_name like '%' || $2 || '%'
                          or ($3::text is not null and c.document like $3 || '%')
                          or ($4::bigint is not null and c.code = $4))
                     and ($5::text is null or c.status = $5)
                     and ($6::text is null or c.city_id in
                          (select id from cities where identification like $6 || '%'))
                     and ($7::bigint is null or c.code > $7)
                   order by c.code
                   limit $8"#,
                tenant_id,
                b.name_part,
                b.document_prefix,
                b.code,
                b.status,
                b.city_prefix,
                after_code,
                PAGE_SIZE + 1,
            )
            .fetch_all(pool)
            .await?
        }
        SortOrder::Name => {
            let (after_id, after_name) = match filter.after.split_once(':') {
                Some((id, name)) => (id.parse::<i64>().ok(), Some(name.to_string())),
                None => (None, None),
            };
            sqlx::query_as!(
                CustomerRow,
                r#"select c.id, c.code, c.kind, c.document, c.legal_name, c.trade_name, c.status,
                          ci.identification as "city?"
                   from customers c
                   left join cities ci on ci.id = c.city_id
                   where c.tenant_id = $1
                     and ($2::text is null or c.search_name like '%' || $2 || '%'
                          or ($3::text is not null and c.document like $3 || '%')
                          or ($4::bigint is not null and c.code = $4))
                     and ($5::text is null or c.status = $5)
                     and ($6::text is null or c.city_id in
                          (select id from cities where identification like $6 || '%'))
                     and ($7::bigint is null or (c.legal_name, c.id) > ($8::text, $7))
                   order by c.legal_name, c.id
                   limit $9"#,
                tenant_id,
                b.name_part,
                b.document_prefix,
                b.code,
                b.status,
                b.city_prefix,
                after_id,
                after_name,
                PAGE_SIZE + 1,
            )
            .fetch_all(pool)
            .await?
        }
    };
    let next = if rows.len() as i64 > PAGE_SIZE {
        rows.truncate(PAGE_SIZE as usize);
        rows.last().map(|last| match filter.sort {
            SortOrder::Code => last.code.to_string(),
            SortOrder::Name => format!("{}:{}", last.id, last.legal_name),
        })
    } else {
        None
    };
    let count = sqlx::query_scalar!(
        r#"select count(*) as "n!" from (
               select 1 from customers c
               where c.tenant_id = $1
                 and ($2::text is null or c.search_name like '%' || $2 || '%'
                      or ($3::text is not null and c.document like $3 || '%')
                      or ($4::bigint is not null and c.code = $4))
                 and ($5::text is null or c.status = $5)
                 and ($6::text is null or c.city_id in
                      (select id from cities where identification like $6 || '%'))
               limit $7) capped"#,
        tenant_id,
        b.name_part,
        b.document_prefix,
        b.code,
        b.status,
        b.city_prefix,
        COUNT_CAP + 1,
    )
    .fetch_one(pool)
    .await?;
    Ok(CustomerPage { rows, count, next })
}
