//! Failed sign-ins per client address, kept in PostgreSQL so every server process sees them.

use sqlx::PgPool;

/// Ages, in seconds, of this address's failures inside the last `window_secs`.
pub async fn failure_ages(
    pool: &PgPool,
    address: &str,
    window_secs: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    let rows = sqlx::query_scalar!(
        r#"select extract(epoch from now() - failed_at)::bigint as "age!"
           from sign_in_failures
           where address = $1 and failed_at > now() - make_interval(secs => $2)"#,
        address,
        window_secs as f64,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows)
}

/// Records one failure and forgets this address's failures that no longer count.
pub async fn record_failure(
    pool: &PgPool,
    address: &str,
    window_secs: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "with purge as (
             delete from sign_in_failures
             where address = $1 and failed_at <= now() - make_interval(secs => $2))
         insert into sign_in_failures (address) values ($1)",
        address,
        window_secs as f64,
    )
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn clear(pool: &PgPool, address: &str) -> Result<(), sqlx::Error> {
    sqlx::query!("delete from sign_in_failures where address = $1", address)
        .execute(pool)
        .await?;
    Ok(())
}
