//! What the receivables screen's tests use: the screen's call as the browser makes it, what
//! its answer lists, and a customer with one receivable of each status.

use serde_json::Value;
use sqlx::PgPool;

use crate::finance_forms::{form, post, register_invoice};
use crate::record_forms::new_customer as zanella;
use axum::http::StatusCode;

pub async fn list(
    app: &axum::Router,
    cookie: &str,
    filters: &[(&str, &str)],
    after: &str,
) -> (StatusCode, Value) {
    let mut pairs: Vec<(String, String)> = filters
        .iter()
        .map(|(k, v)| (format!("filter[{k}]"), v.to_string()))
        .collect();
    pairs.push(("after".into(), after.into()));
    let refs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    post(app, Some(cookie), "list_receivables", &form(&refs)).await
}

pub fn documents(page: &Value) -> Vec<String> {
    page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["document"].as_str().unwrap().to_string())
        .collect()
}

pub fn total_of(page: &Value, status: &str) -> Option<Value> {
    page["totals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["status"] == status)
        .cloned()
}

/// The customer's commercial profile in the company gets `region`.
pub async fn set_region(pool: &PgPool, tenant: i64, company: i64, customer: i64, region: i64) {
    sqlx::query(
        "insert into customer_profiles (tenant_id, company_id, customer_id, region_id)
         values ($1, $2, $3, $4)
         on conflict (tenant_id, company_id, customer_id) do update set region_id = excluded.region_id",
    )
    .bind(tenant)
    .bind(company)
    .bind(customer)
    .bind(region)
    .execute(pool)
    .await
    .unwrap();
}

/// Six receivables of Zanella, one in each status; returns the customer's id and code.
pub async fn one_of_each_status(pool: &PgPool, app: &axum::Router, boss: &str) -> (i64, i64) {
    let id = zanella(app, boss).await;
    for (doc, due, amount) in [
        ("NF OPEN", "30/12/2099", "100,00"),
        ("NF LATE", "01/11/2026", "200,00"),
        ("NF GONE", "30/12/2099", "300,00"),
        ("NF PAID", "30/12/2099", "400,00"),
        ("NF SPC", "01/11/2026", "500,00"),
        ("NF COBR", "01/11/2026", "600,00"),
    ] {
        let (status, body) = register_invoice(app, boss, id, doc, "invoice", due, amount).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    sqlx::query(
        "update receivables set
             cancelled_at = case when document = 'NF GONE' then now() end,
             cancel_reason = case when document = 'NF GONE' then 'Erro' end,
             balance = case when document = 'NF PAID' then 0 else balance end,
             sent_to_credit_bureau = document = 'NF SPC',
             in_collection = document = 'NF COBR'",
    )
    .execute(pool)
    .await
    .unwrap();
    let code: i64 = sqlx::query_scalar("select code from customers where id = $1")
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap();
    (id, code)
}
