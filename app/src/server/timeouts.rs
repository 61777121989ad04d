//! How long a request may wait on the database. Every connection of the server's pool
//! starts with these limits, so a request stuck behind a long batch's locks gives up and
//! tells the user to try again ([`AppError::Busy`](crate::error::AppError::Busy)) instead of
//! waiting forever. Work that legitimately runs long raises its own limit.

use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::PgPool;

/// Per-connection limits, sent as start-up options of every connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DbTimeouts {
    /// Longest wait for a row or table lock (`lock_timeout`).
    pub lock: Duration,
    /// Longest single statement (`statement_timeout`).
    pub statement: Duration,
}

impl Default for DbTimeouts {
    fn default() -> Self {
        Self {
            lock: Duration::from_secs(5),
            statement: Duration::from_secs(30),
        }
    }
}

impl DbTimeouts {
    /// The settings as `(name, value in milliseconds)` pairs for PostgreSQL. The connection
    /// check makes the database notice within a second that a server died in the middle of a
    /// long statement (a batch), and roll its transaction back instead of finishing it first.
    pub fn settings(&self) -> [(&'static str, u128); 3] {
        [
            ("lock_timeout", self.lock.as_millis().max(1)),
            ("statement_timeout", self.statement.as_millis().max(1)),
            ("client_connection_check_interval", 1000),
        ]
    }
}

/// The pool server functions use: these limits on every connection, and a bounded wait
/// for a free connection. Connects lazily. Start-up work (migrations, seeding, benchmarks)
/// uses a pool of its own without them.
pub fn serving_pool(
    options: &PgConnectOptions,
    max_connections: u32,
    timeouts: DbTimeouts,
) -> PgPool {
    PgPoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(Duration::from_secs(5))
        .connect_lazy_with(options.clone().options(timeouts.settings()))
}

/// The statement limit for work that legitimately runs long, such as a batch over 100,000
/// customers (~25 s).
pub const LONG_STATEMENT: &str = "10min";

/// Lets the statements of this transaction run up to [`LONG_STATEMENT`] each; the limit
/// returns to the pool's default when the transaction ends. Lock waits stay short.
pub async fn allow_long_statements(
    tx: &mut sqlx::Transaction<'_, sqlx::Postgres>,
) -> Result<(), sqlx::Error> {
    sqlx::query("select set_config('statement_timeout', $1, true)")
        .bind(LONG_STATEMENT)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// True when the database gave up waiting (a lock, a statement, a free connection, a
/// deadlock): nothing was changed, and the same request may succeed a moment later.
pub fn is_busy(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::PoolTimedOut => true,
        sqlx::Error::Database(db) => matches!(
            db.code().as_deref(),
            // lock_not_available, query_canceled (statement_timeout), deadlock_detected
            Some("55P03") | Some("57014") | Some("40P01")
        ),
        _ => false,
    }
}
