//! What the financial tests (issue 12) share: a customer to hang receivables on.
#![allow(dead_code)] // each test binary uses a different subset of these helpers

use axum::http::StatusCode;

use crate::record_forms::{create, record_form};

/// Customer 1, Zanella Ltda, created through the record form; returns its id.
pub async fn zanella(app: &axum::Router, cookie: &str) -> i64 {
    let (status, id) = create(
        app,
        cookie,
        &record_form("1", "legal_entity", "11.222.333/0001-81", "Zanella Ltda"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{id}");
    id.as_i64().unwrap()
}
