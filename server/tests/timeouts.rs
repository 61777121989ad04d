//! Requests give up waiting on the database (issue 9, item 11): every connection of the
//! server's pool has a lock and a statement time limit, and hitting one answers 503 "busy,
//! try again" with nothing changed.

mod common;

use std::time::{Duration, Instant};

use app::error::AppError;
use app::server::timeouts::{allow_long_statements, serving_pool, DbTimeouts};
use axum::http::StatusCode;
use common::*;
use sqlx::PgPool;

fn record_form(code: &str, document: &str, legal_name: &str) -> String {
    [
        ("input[code]", code),
        ("input[kind]", "individual"),
        ("input[document]", document),
        ("input[state_registration]", "ISENTO"),
        ("input[legal_name]", legal_name),
        ("input[trade_name]", ""),
        ("input[status]", "active"),
        ("input[email]", ""),
        ("input[phone]", ""),
        ("input[valid_until]", ""),
    ]
    .iter()
    .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
    .collect::<Vec<_>>()
    .join("&")
}

async fn stored(pool: &PgPool, id: i64) -> (String, i32) {
    sqlx::query_as("select legal_name, version from customers where id = $1")
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn every_connection_of_the_serving_pool_carries_the_time_limits(pool: PgPool) {
    let serving = serving_pool(&pool.connect_options(), 2, DbTimeouts::default());
    let (lock, statement): (String, String) = sqlx::query_as(
        "select current_setting('lock_timeout'), current_setting('statement_timeout')",
    )
    .fetch_one(&serving)
    .await
    .unwrap();
    assert_eq!((lock.as_str(), statement.as_str()), ("5s", "30s"));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_save_behind_a_locked_customer_answers_busy_within_the_lock_timeout_and_changes_nothing(
    pool: PgPool,
) {
    tenant(&pool, "alpha").await;
    let lock_timeout = Duration::from_millis(200);
    let timeouts = DbTimeouts {
        lock: lock_timeout,
        ..DbTimeouts::default()
    };
    let app = app_with(context_for(&pool, timeouts), [10, 0, 0, 1]);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let form = record_form("1", "52998224725", "Maria Silva");
    let (status, body, _) = send(&app, call("save_customer", &form, Some(&clerk))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let id: i64 = body.parse().unwrap();
    let changes_before: i64 = sqlx::query_scalar("select count(*) from customer_changes")
        .fetch_one(&pool)
        .await
        .unwrap();

    // Someone else (a long batch, say) holds the customer's row.
    let mut holder = pool.begin().await.unwrap();
    sqlx::query("select id from customers where id = $1 for update")
        .bind(id)
        .execute(&mut *holder)
        .await
        .unwrap();
    let edit = format!(
        "id={id}&version=1&{}",
        record_form("1", "52998224725", "Maria Souza")
    );
    let started = Instant::now();
    let (status, body, _) = send(&app, call("save_customer", &edit, Some(&clerk))).await;
    let waited = started.elapsed();
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(body, "\"Busy\"");
    assert!(AppError::Busy.to_string().contains("Tente novamente"));
    assert!(waited >= lock_timeout, "gave up after {waited:?}");
    assert!(waited < Duration::from_secs(3), "waited {waited:?}");
    holder.rollback().await.unwrap();

    assert_eq!(stored(&pool, id).await, ("Maria Silva".to_string(), 1));
    let changes_after: i64 = sqlx::query_scalar("select count(*) from customer_changes")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        changes_after, changes_before,
        "no history for a save that did not happen"
    );

    // Released, the same save goes through.
    let (status, body, _) = send(&app, call("save_customer", &edit, Some(&clerk))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(stored(&pool, id).await, ("Maria Souza".to_string(), 2));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_statement_past_the_statement_timeout_is_cancelled_and_answered_busy(pool: PgPool) {
    let timeouts = DbTimeouts {
        statement: Duration::from_millis(100),
        ..DbTimeouts::default()
    };
    let serving = serving_pool(&pool.connect_options(), 2, timeouts);
    let started = Instant::now();
    let error = sqlx::query("select pg_sleep(5)")
        .execute(&serving)
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(AppError::from(error), AppError::Busy);
}

#[sqlx::test(migrations = "../migrations")]
async fn long_statements_are_allowed_only_inside_the_transaction_that_asks(pool: PgPool) {
    let timeouts = DbTimeouts {
        statement: Duration::from_millis(100),
        ..DbTimeouts::default()
    };
    // One connection: the setting after the transaction is that same connection's.
    let serving = serving_pool(&pool.connect_options(), 1, timeouts);
    let mut tx = serving.begin().await.unwrap();
    allow_long_statements(&mut tx).await.unwrap();
    sqlx::query("select pg_sleep(0.3)")
        .execute(&mut *tx)
        .await
        .expect("a statement longer than the pool's limit runs");
    tx.commit().await.unwrap();

    let limit: String = sqlx::query_scalar("select current_setting('statement_timeout')")
        .fetch_one(&serving)
        .await
        .unwrap();
    assert_eq!(limit, "100ms");
}
