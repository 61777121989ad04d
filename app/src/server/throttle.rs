//! Sign-in attempts per account from an address, per client address and per account, kept in PostgreSQL so that every
//! server process sees them. An attempt is reserved before its password is checked, under
//! locks on its address and its account, so parallel guesses are counted against each other
//! (`rules::sign_in::gate` decides); after the check it becomes a failure or is deleted.

use rules::sign_in::{gate, Gate, RecentAttempts, ThrottlePolicy};
use sqlx::PgPool;

use crate::error::AppError;

/// Advisory lock classes (the first key of `pg_advisory_xact_lock(int, int)`); the second
/// key is the hash of the address or account. Any other advisory lock must use other classes.
const ADDRESS_LOCK: i32 = 0x5349_0001;
const ACCOUNT_LOCK: i32 = 0x5349_0002;

/// An attempt that passed the gate and whose password may now be checked.
#[derive(Debug)]
pub struct Attempt {
    id: i64,
    address: String,
    account: String,
}

/// Lets one more attempt from `address` on `email` through, or refuses it with the seconds
/// to wait. Check and reservation are one transaction serialised per address and per
/// account, so no two concurrent attempts can both take the last place.
pub async fn reserve(
    pool: &PgPool,
    address: &str,
    email: &str,
    policy: ThrottlePolicy,
) -> Result<Attempt, AppError> {
    let mut tx = pool.begin().await?;
    // Always address first, then account: every transaction takes them in this order, and
    // the classes differ, so two reservations never wait on each other in a cycle.
    sqlx::query("select pg_advisory_xact_lock($1, hashtext($2))")
        .bind(ADDRESS_LOCK)
        .bind(address)
        .execute(&mut *tx)
        .await?;
    sqlx::query("select pg_advisory_xact_lock($1, hashtext(lower($2)))")
        .bind(ACCOUNT_LOCK)
        .bind(email)
        .execute(&mut *tx)
        .await?;
    // clock_timestamp(), not now(): the transaction may have waited for the locks, and an
    // attempt reserved meanwhile must not look as if it came from the future.
    let rows: Vec<(i64, bool, bool)> = sqlx::query_as(
        "select extract(epoch from clock_timestamp() - started_at)::bigint,
                address = $1, account = lower($2)
         from sign_in_attempts
         where (address = $1 or account = lower($2))
           and started_at > clock_timestamp() - make_interval(secs => $3)",
    )
    .bind(address)
    .bind(email)
    .bind(policy.window_secs as f64)
    .fetch_all(&mut *tx)
    .await?;
    let by_address_account: Vec<i64> = rows.iter().filter(|r| r.1 && r.2).map(|r| r.0).collect();
    let by_address: Vec<i64> = rows.iter().filter(|r| r.1).map(|r| r.0).collect();
    let by_account: Vec<i64> = rows.iter().filter(|r| r.2).map(|r| r.0).collect();
    let attempts = RecentAttempts {
        by_address_account: &by_address_account,
        by_address: &by_address,
        by_account: &by_account,
    };
    if let Gate::Closed { retry_after_secs } = gate(policy, attempts) {
        return Err(AppError::TooManyRequests { retry_after_secs });
    }
    let (id, account): (i64, String) = sqlx::query_as(
        "insert into sign_in_attempts (address, account) values ($1, lower($2))
         returning id, account",
    )
    .bind(address)
    .bind(email)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Attempt {
        id,
        address: address.to_string(),
        account,
    })
}

/// The password was wrong (or the account unknown): the attempt stays, as a failure.
pub async fn fail(pool: &PgPool, attempt: &Attempt) -> Result<(), sqlx::Error> {
    sqlx::query("update sign_in_attempts set failed = true where id = $1")
        .bind(attempt.id)
        .execute(pool)
        .await?;
    Ok(())
}

/// The password was right: forgets this attempt and this account's earlier failures from
/// this address. Other accounts' failures, and this account's from other addresses, stay.
pub async fn succeed(pool: &PgPool, attempt: &Attempt) -> Result<(), sqlx::Error> {
    sqlx::query(
        "delete from sign_in_attempts
         where id = $1 or (address = $2 and account = $3 and failed)",
    )
    .bind(attempt.id)
    .bind(&attempt.address)
    .bind(&attempt.account)
    .execute(pool)
    .await?;
    Ok(())
}

/// The password was not checked after all (the server was busy): the attempt does not count.
pub async fn release(pool: &PgPool, attempt: &Attempt) -> Result<(), sqlx::Error> {
    sqlx::query("delete from sign_in_attempts where id = $1")
        .bind(attempt.id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Deletes attempts that left the window (including ones whose server died mid-check), a
/// slice at a time so that no statement runs long. Returns how many went.
pub async fn forget_older_than(pool: &PgPool, window_secs: i64) -> Result<u64, sqlx::Error> {
    const SLICE: i64 = 10_000;
    let mut deleted = 0;
    loop {
        let slice = sqlx::query(
            "delete from sign_in_attempts
             where id in (select id from sign_in_attempts
                          where started_at <= clock_timestamp() - make_interval(secs => $1)
                          limit $2
                          for update skip locked)",
        )
        .bind(window_secs as f64)
        .bind(SLICE)
        .execute(pool)
        .await?
        .rows_affected();
        deleted += slice;
        if slice < SLICE as u64 {
            return Ok(deleted);
        }
    }
}
