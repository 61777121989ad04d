//! Fills `customers.search_name` for rows written before the column existed, with the same
//! rule (`rules::customer_search::search_name`) that every write uses.

use rules::customer_search::search_name;
use sqlx::PgPool;

const BATCH: i64 = 10_000;

/// Returns how many rows were filled; a no-op once every row has its search name.
pub async fn backfill(pool: &PgPool) -> Result<u64, sqlx::Error> {
    let mut filled = 0;
    loop {
        let rows = sqlx::query!(
            "select tenant_id, id, legal_name, trade_name from customers where search_name is null limit $1",
            BATCH
        )
        .fetch_all(pool)
        .await?;
        if rows.is_empty() {
            return Ok(filled);
        }
        let tenants: Vec<i64> = rows.iter().map(|r| r.tenant_id).collect();
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let names: Vec<String> = rows
            .iter()
            .map(|r| search_name(&r.legal_name, &r.trade_name))
            .collect();
        filled += sqlx::query!(
            "update customers c set search_name = t.name
             from unnest($1::bigint[], $2::bigint[], $3::text[]) as t(tenant_id, id, name)
             where c.tenant_id = t.tenant_id and c.id = t.id",
            &tenants,
            &ids,
            &names,
        )
        .execute(pool)
        .await?
        .rows_affected();
    }
}
