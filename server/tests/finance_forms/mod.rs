//! What the financial tests (issue 12) share: calls as the browser makes them, and a
//! receivable registered through the server function.
#![allow(dead_code)] // each test binary uses a different subset of these helpers

use axum::http::StatusCode;
use serde_json::Value;

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
