//! Periodic clean-up of what only grows otherwise: expired sessions and sign-in attempts
//! that left the throttle window. Several server processes may run it at once: each slice
//! skips rows another process is deleting, and deleting twice is harmless.

use std::time::Duration;

use super::{sessions, throttle};
use sqlx::PgPool;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Purged {
    pub sessions: u64,
    pub attempts: u64,
}

/// One pass: deletes expired sessions and attempts older than `window_secs`, and what batches
/// leave behind once nobody can use it (previews nobody confirmed, rows of batches long over).
pub async fn purge_once(pool: &PgPool, window_secs: i64) -> Result<Purged, sqlx::Error> {
    sqlx::query(
        "with previews as (delete from bulk_previews where taken_at < now() - interval '1 day')
         delete from bulk_progress where started_at < now() - interval '1 day'",
    )
    .execute(pool)
    .await?;
    Ok(Purged {
        sessions: sessions::delete_expired(pool).await?,
        attempts: throttle::forget_older_than(pool, window_secs).await?,
    })
}

/// Runs [`purge_once`] now and then every `every`, for the life of the process. A failed
/// pass is logged and retried at the next tick.
pub async fn run_periodically(pool: PgPool, window_secs: i64, every: Duration) {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        match purge_once(&pool, window_secs).await {
            Ok(purged) if purged != Purged::default() => {
                tracing::info!(
                    sessions = purged.sessions,
                    attempts = purged.attempts,
                    "purged expired sessions and old sign-in attempts"
                );
            }
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "purge of sessions and sign-in attempts failed"),
        }
    }
}
