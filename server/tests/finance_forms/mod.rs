//! What the financial tests (issue 12) share: calls as the browser makes them, and a
//! receivable registered through the server function.
#![allow(dead_code)] // each test binary uses a different subset of these helpers

use axum::http::StatusCode;
use serde_json::Value;
use sqlx::PgPool;

use crate::common::*;

/// `key=value&…`, encoded as a form.
pub fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Calls `endpoint` with `body`; the answer as JSON (or the text as a JSON string).
pub async fn post(
    app: &axum::Router,
    cookie: Option<&str>,
    endpoint: &str,
    body: &str,
) -> (StatusCode, Value) {
    let (status, body, _) = send(app, call(endpoint, body, cookie)).await;
    (
        status,
        serde_json::from_str(&body).unwrap_or(Value::String(body)),
    )
}

/// Registers an invoice of `amount` (`1.000,00`) issued 01/10/2026, due `due` (`dd/mm/aaaa`).
pub async fn register_invoice(
    app: &axum::Router,
    cookie: &str,
    customer: i64,
    document: &str,
    kind: &str,
    due: &str,
    amount: &str,
) -> (StatusCode, Value) {
    let body = form(&[
        ("customer_id", &customer.to_string()),
        ("input[document]", document),
        ("input[installment]", "1"),
        ("input[kind]", kind),
        ("input[issue_date]", "01/10/2026"),
        ("input[due_date]", due),
        ("input[amount]", amount),
        ("input[sale_code]", ""),
    ]);
    post(app, Some(cookie), "register_receivable", &body).await
}

/// The tenant's companies work with advances (R-ADV-1).
pub async fn enable_advances(pool: &PgPool, tenant: i64) {
    sqlx::query(
        "update company_sales_settings set advances_enabled = true,
                advance_entry_history_code = 'ADT', advance_refund_history_code = 'DEV'
         where tenant_id = $1",
    )
    .bind(tenant)
    .execute(pool)
    .await
    .unwrap();
}

pub async fn register_advance(
    app: &axum::Router,
    cookie: &str,
    customer: i64,
    value: &str,
) -> (StatusCode, Value) {
    let body = form(&[
        ("customer_id", &customer.to_string()),
        ("input[date]", "01/12/2026"),
        ("input[value]", value),
        ("input[means]", "pix"),
        ("input[notes]", "Safra"),
    ]);
    post(app, Some(cookie), "register_advance", &body).await
}

pub async fn receivable(
    app: &axum::Router,
    cookie: &str,
    customer: i64,
    document: &str,
    amount: &str,
) -> i64 {
    let (status, id) = register_invoice(
        app,
        cookie,
        customer,
        document,
        "invoice",
        "30/12/2099",
        amount,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{id}");
    id.as_i64().unwrap()
}

pub async fn use_advance(
    app: &axum::Router,
    cookie: &str,
    advance: i64,
    receivables: &[i64],
    amount: &str,
) -> (StatusCode, Value) {
    let mut pairs = vec![
        ("advance_id".to_string(), advance.to_string()),
        ("paid_on".to_string(), "05/12/2026".to_string()),
        ("amount".to_string(), amount.to_string()),
    ];
    for (i, id) in receivables.iter().enumerate() {
        pairs.push((format!("receivable_ids[{i}]"), id.to_string()));
    }
    let body = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&");
    post(app, Some(cookie), "settle_with_advance", &body).await
}

/// Settles `principal` of receivable `id`, opened at `version`, received by PIX.
pub async fn settle(
    app: &axum::Router,
    cookie: &str,
    id: i64,
    version: i32,
    paid_on: &str,
    principal: &str,
) -> (StatusCode, Value) {
    settle_by(app, cookie, id, (version, paid_on, principal), "pix").await
}

/// Settles `(version, paid_on, principal)` received by `means`.
pub async fn settle_by(
    app: &axum::Router,
    cookie: &str,
    id: i64,
    (version, paid_on, principal): (i32, &str, &str),
    means: &str,
) -> (StatusCode, Value) {
    let body = form(&[
        ("receivable_id", &id.to_string()),
        ("version", &version.to_string()),
        ("input[paid_on]", paid_on),
        ("input[means]", means),
        ("input[principal]", principal),
        ("input[discount]", ""),
    ]);
    post(app, Some(cookie), "settle_receivable", &body).await
}
