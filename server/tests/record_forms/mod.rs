//! The record form as the browser posts it, shared by the customer record and history tests.
#![allow(dead_code)] // each test binary uses a different subset of these helpers

use axum::http::StatusCode;
use serde_json::Value;
use sqlx::PgPool;

use crate::common::*;

pub fn record_form(code: &str, kind: &str, document: &str, legal_name: &str) -> String {
    [
        ("input[code]", code),
        ("input[kind]", kind),
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

pub async fn create(app: &axum::Router, cookie: &str, form: &str) -> (StatusCode, Value) {
    let (status, body, _) = send(app, call("save_customer", form, Some(cookie))).await;
    (
        status,
        serde_json::from_str(&body).unwrap_or(Value::String(body)),
    )
}

pub async fn count(pool: &PgPool, table: &str) -> i64 {
    sqlx::query_scalar(&format!("select count(*) from {table}"))
        .fetch_one(pool)
        .await
        .unwrap()
}

/// Customer 1, Zanella Ltda, created through the form; returns its id.
pub async fn new_customer(app: &axum::Router, cookie: &str) -> i64 {
    let (status, id) = create(
        app,
        cookie,
        &record_form("1", "legal_entity", "11.222.333/0001-81", "Zanella Ltda"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{id}");
    id.as_i64().unwrap()
}
