//! What the address tests share: a customer with cities to point at, an address form as the
//! browser posts it, and the calls to save and list addresses.
#![allow(dead_code)] // each test binary uses a different subset of these helpers

use axum::http::StatusCode;
use serde_json::Value;
use sqlx::PgPool;

use crate::common::*;

/// Customer 1 of the tenant, and the IBGE cities the addresses point at.
pub async fn customer(pool: &PgPool, tenant_id: i64) -> i64 {
    server::cities::ensure_loaded(pool).await.unwrap();
    sqlx::query_scalar(
        "insert into customers (tenant_id, code, kind, document, legal_name, trade_name)
         values ($1, 1, 'legal_entity', '11222333000181', 'Zanella Ltda', 'Zanella') returning id",
    )
    .bind(tenant_id)
    .fetch_one(pool)
    .await
    .unwrap()
}

pub struct Address<'a> {
    pub role: &'a str,
    pub cep: &'a str,
    pub street: &'a str,
    pub city: &'a str,
    pub preferred: bool,
}

pub fn address_form(customer_id: i64, target: Option<(i64, i64)>, a: &Address) -> String {
    let mut pairs = vec![
        ("customer_id".to_string(), customer_id.to_string()),
        ("input[role]".into(), a.role.into()),
        ("input[cep]".into(), a.cep.into()),
        ("input[street]".into(), a.street.into()),
        ("input[number]".into(), "120".into()),
        ("input[complement]".into(), String::new()),
        ("input[district]".into(), "Centro".into()),
        ("input[city]".into(), a.city.into()),
    ];
    if a.preferred {
        pairs.push(("input[preferred]".into(), "on".into()));
    }
    if let Some((id, version)) = target {
        pairs.push(("address_id".into(), id.to_string()));
        pairs.push(("version".into(), version.to_string()));
    }
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

pub async fn post(
    app: &axum::Router,
    cookie: &str,
    endpoint: &str,
    form: &str,
) -> (StatusCode, Value) {
    let (status, body, _) = send(app, call(endpoint, form, Some(cookie))).await;
    (
        status,
        serde_json::from_str(&body).unwrap_or(Value::String(body)),
    )
}

pub async fn listed(app: &axum::Router, cookie: &str, customer_id: i64) -> Vec<Value> {
    let (status, list) = post(
        app,
        cookie,
        "list_addresses",
        &format!("customer_id={customer_id}"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list.as_array().unwrap().clone()
}

pub fn delivery<'a>(street: &'a str, preferred: bool) -> Address<'a> {
    Address {
        role: "delivery",
        cep: "93010-000",
        street,
        city: "são leopoldo - rs",
        preferred,
    }
}
