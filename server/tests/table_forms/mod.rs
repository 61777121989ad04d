//! The "Tabelas" forms and the sales tab's sets as the browser sends them, shared by the tests
//! of price lists, plans, carriers and fleet.
#![allow(dead_code)] // each test binary uses a different subset of these helpers

use std::collections::BTreeMap;

use axum::http::StatusCode;
use rules::sales::defaults::SalesDefaultsInput;
use serde_json::Value;

use crate::common::*;

pub fn encode(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Saves a table row of `kind` (active) with the form's other fields.
pub async fn save_entry(
    app: &axum::Router,
    cookie: &str,
    kind: &str,
    extra: &[(&str, &str)],
) -> (StatusCode, String) {
    let mut pairs = vec![("kind", kind), ("active", "on")];
    pairs.extend_from_slice(extra);
    let (status, body, _) = send(app, call("save_lookup", &encode(&pairs), Some(cookie))).await;
    (status, body)
}

/// Asks to delete a table row, as the screen's "Excluir" does.
pub async fn delete_entry(
    app: &axum::Router,
    cookie: &str,
    kind: &str,
    id: i64,
) -> (StatusCode, String) {
    let (status, body, _) = send(
        app,
        call(
            "delete_lookup",
            &format!("kind={kind}&id={id}"),
            Some(cookie),
        ),
    )
    .await;
    (status, body)
}

/// The table's rows as the screen receives them.
pub async fn rows(app: &axum::Router, cookie: &str, kind: &str) -> Vec<Value> {
    let (status, body, _) = send(
        app,
        call("list_lookup", &format!("kind={kind}"), Some(cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    serde_json::from_str(&body).unwrap()
}

/// The tab's input with exactly `ids` ticked in the set of `kind`.
pub fn with_set(mut input: SalesDefaultsInput, kind: &str, ids: &[i64]) -> SalesDefaultsInput {
    let ticked: BTreeMap<String, String> = ids
        .iter()
        .map(|id| (id.to_string(), "on".to_string()))
        .collect();
    input.own.insert(kind.to_string(), ticked);
    input
}
