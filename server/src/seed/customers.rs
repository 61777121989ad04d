//! Bulk insertion of generated customers: chunks of one statement each.

use std::collections::HashSet;

use rules::customer_search::search_name;
use sqlx::PgPool;

use super::people::{Generator, Kind};

const CHUNK: usize = 10_000;

/// States where the demo companies sell: their cities are drawn this many times more often.
const HOME_STATES: [&str; 3] = ["RS", "SC", "PR"];
const HOME_WEIGHT: usize = 6;

/// Every city once, and the home states' cities `HOME_WEIGHT` times more, so that a regional
/// distributor's customers cluster where it sells while still reaching the whole country.
async fn weighted_city_ids(pool: &PgPool) -> Result<Vec<i64>, sqlx::Error> {
    let cities = sqlx::query!("select id, state_code from cities order by id")
        .fetch_all(pool)
        .await?;
    let mut ids = Vec::with_capacity(cities.len() * 2);
    for city in &cities {
        let copies = if HOME_STATES.contains(&city.state_code.as_str()) {
            HOME_WEIGHT
        } else {
            1
        };
        ids.extend(std::iter::repeat_n(city.id, copies));
    }
    Ok(ids)
}

/// Adds `count` generated customers to the tenant, codes following the highest in use.
/// Returns how many were inserted (documents already present are skipped).
pub async fn insert_generated(
    pool: &PgPool,
    tenant_id: i64,
    count: usize,
    seed: u64,
) -> Result<u64, sqlx::Error> {
    let city_ids = weighted_city_ids(pool).await?;
    let mut generator = Generator::new(seed, city_ids.len());
    let mut next_code = sqlx::query_scalar!(
        r#"select coalesce(max(code), 0) + 1 as "next!" from customers where tenant_id = $1"#,
        tenant_id
    )
    .fetch_one(pool)
    .await?;
    let mut seen = HashSet::with_capacity(count);
    let mut inserted = 0;
    let mut remaining = count;
    while remaining > 0 {
        let size = remaining.min(CHUNK);
        let mut codes = Vec::with_capacity(size);
        let mut kinds = Vec::with_capacity(size);
        let mut documents = Vec::with_capacity(size);
        let mut legal_names = Vec::with_capacity(size);
        let mut trade_names = Vec::with_capacity(size);
        let mut cities = Vec::with_capacity(size);
        let mut search_names = Vec::with_capacity(size);
        let mut statuses = Vec::with_capacity(size);
        while codes.len() < size {
            let customer = generator.customer();
            if !seen.insert(customer.document.clone()) {
                continue;
            }
            codes.push(next_code);
            next_code += 1;
            kinds.push(match customer.kind {
                Kind::Individual => "individual".to_string(),
                Kind::LegalEntity => "legal_entity".to_string(),
            });
            search_names.push(search_name(&customer.legal_name, &customer.trade_name));
            statuses.push(customer.status.code());
            documents.push(customer.document);
            legal_names.push(customer.legal_name);
            trade_names.push(customer.trade_name);
            cities.push(city_ids.get(customer.city_index).copied());
        }
        let result = sqlx::query(
            "insert into customers (tenant_id, code, kind, document, legal_name, trade_name, city_id,
                                    search_name, status)
             select $1, * from unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[],
                                      $7::bigint[], $8::text[], $9::text[])
             on conflict (tenant_id, document) do nothing",
        )
        .bind(tenant_id)
        .bind(&codes)
        .bind(&kinds)
        .bind(&documents)
        .bind(&legal_names)
        .bind(&trade_names)
        .bind(&cities)
        .bind(&search_names)
        .bind(&statuses)
        .execute(pool)
        .await?;
        inserted += result.rows_affected();
        remaining -= size;
    }
    Ok(inserted)
}
