//! Where a running batch is, for the screen that started it: the steps of its one transaction.
//! Kept in PostgreSQL under (tenant, user, a token the browser chose), so that any server
//! process can answer the screen's polls. Written on its own connection, never inside the
//! batch's transaction (which nobody else can see until it ends).
//!
//! A row counts as running only while the database transaction it names (backend pid and
//! transaction start) is still open: a batch that failed, or whose server died, is not shown
//! as running whatever its row says, and no clean-up is needed for that to hold.

use sqlx::{PgPool, Postgres, Transaction};

use crate::customers::bulk_types::BatchProgress;

/// The reporter one batch holds.
pub struct Progress {
    target: Option<Target>,
}

struct Target {
    pool: PgPool,
    tenant_id: i64,
    user_id: i64,
    token: String,
    total: u32,
}

impl Progress {
    /// Reports nowhere: batches nobody watches (benchmarks, tests).
    pub fn unwatched() -> Self {
        Self { target: None }
    }

    /// A reporter for a batch of `total` steps; an unusable token reports nowhere.
    pub fn new(pool: &PgPool, tenant_id: i64, user_id: i64, token: &str, total: u32) -> Self {
        if token.is_empty() || token.len() > 80 {
            return Self::unwatched();
        }
        Self {
            target: Some(Target {
                pool: pool.clone(),
                tenant_id,
                user_id,
                token: token.to_string(),
                total,
            }),
        }
    }

    /// Starts reporting the batch running in `tx`: step 0 of its total.
    pub async fn begin(&self, tx: &mut Transaction<'_, Postgres>) -> Result<(), sqlx::Error> {
        let Some(t) = &self.target else {
            return Ok(());
        };
        // `now()` inside a transaction is its start: the same instant pg_stat_activity shows.
        let (pid, started): (i32, chrono::DateTime<chrono::Utc>) =
            sqlx::query_as("select pg_backend_pid(), now()")
                .fetch_one(&mut **tx)
                .await?;
        sqlx::query(
            "insert into bulk_progress (tenant_id, user_id, token, step, steps, label, backend_pid, xact_start)
             values ($1, $2, $3, 0, $4, 'Começando', $5, $6)
             on conflict (tenant_id, user_id, token) do update
             set step = 0, steps = excluded.steps, label = excluded.label, started_at = now(),
                 backend_pid = excluded.backend_pid, xact_start = excluded.xact_start",
        )
        .bind(t.tenant_id)
        .bind(t.user_id)
        .bind(&t.token)
        .bind(t.total as i32)
        .bind(pid)
        .bind(started)
        .execute(&t.pool)
        .await?;
        Ok(())
    }

    /// The step about to run.
    pub async fn step(&self, label: &str) -> Result<(), sqlx::Error> {
        let Some(t) = &self.target else {
            return Ok(());
        };
        sqlx::query(
            "update bulk_progress set step = least(step + 1, steps), label = $4
             where tenant_id = $1 and user_id = $2 and token = $3",
        )
        .bind(t.tenant_id)
        .bind(t.user_id)
        .bind(&t.token)
        .bind(label)
        .execute(&t.pool)
        .await?;
        Ok(())
    }

    /// The batch ended (committed): its row goes.
    pub async fn finish(&self) -> Result<(), sqlx::Error> {
        let Some(t) = &self.target else {
            return Ok(());
        };
        sqlx::query(
            "delete from bulk_progress where tenant_id = $1 and user_id = $2 and token = $3",
        )
        .bind(t.tenant_id)
        .bind(t.user_id)
        .bind(&t.token)
        .execute(&t.pool)
        .await?;
        Ok(())
    }
}

/// The batch's step, or `None` when no batch of this user runs under that token.
pub async fn read(
    pool: &PgPool,
    tenant_id: i64,
    user_id: i64,
    token: &str,
) -> Result<Option<BatchProgress>, sqlx::Error> {
    let row: Option<(i32, i32, String, i64)> = sqlx::query_as(
        "select p.step, p.steps, p.label, extract(epoch from now() - p.started_at)::bigint
         from bulk_progress p
         where p.tenant_id = $1 and p.user_id = $2 and p.token = $3
           and exists (select 1 from pg_stat_activity a
                       where a.pid = p.backend_pid and a.xact_start = p.xact_start)",
    )
    .bind(tenant_id)
    .bind(user_id)
    .bind(token)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|(step, steps, label, seconds)| BatchProgress {
        step: step.max(0) as u32,
        steps: steps.max(0) as u32,
        label,
        seconds: seconds.max(0) as u64,
    }))
}
