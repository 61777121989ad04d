//! The sales tab's "Para pedidos de hoje" (R-SALES-4/5): the price lists that serve the
//! customer's orders and the payment plans offered, the others with their reason, read from
//! what the tab last saved.

mod common;
mod record_forms;
mod sales_forms;
mod table_forms;

use axum::http::StatusCode;
use common::*;
use sales_forms::*;
use serde_json::Value;
use sqlx::PgPool;
use table_forms::*;

async fn entry(
    app: &axum::Router,
    cookie: &str,
    kind: &str,
    code: &str,
    terms: &[(&str, &str)],
) -> i64 {
    let description = format!("{code} desc");
    let mut form = vec![
        ("input[code]", code),
        ("input[description]", description.as_str()),
    ];
    form.extend_from_slice(terms);
    let (status, body) = save_entry(app, cookie, kind, &form).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    rows(app, cookie, kind)
        .await
        .iter()
        .find(|r| r["code"] == code)
        .and_then(|r| r["id"].as_i64())
        .unwrap()
}

fn texts(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

#[sqlx::test(migrations = "../migrations")]
async fn r_sales_5_the_tab_names_the_lists_that_serve_and_the_plans_offered_today(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    entry(&app, &boss, "price_list", "PUB", &[("terms[public]", "on")]).await;
    let own_list = entry(&app, &boss, "price_list", "OWN", &[]).await;
    entry(&app, &boss, "price_list", "OTHER", &[]).await;
    let plan = |installments: &'static str| ("terms[installments]", installments);
    entry(
        &app,
        &boss,
        "payment_plan",
        "P30",
        &[
            plan("30"),
            ("terms[all_customers]", "on"),
            ("terms[minimum_order_value]", "500,00"),
        ],
    )
    .await;
    let linked = entry(&app, &boss, "payment_plan", "P60", &[plan("60")]).await;
    entry(&app, &boss, "payment_plan", "P90", &[plan("90")]).await;
    entry(
        &app,
        &boss,
        "payment_plan",
        "CRED",
        &[
            plan("28"),
            ("terms[all_customers]", "on"),
            ("terms[uses_credit]", "on"),
        ],
    )
    .await;
    let customer = new_customer(&app, &boss).await;

    // A limit of zero, its own list and plan ticked.
    let (version, input, _) = open_tab(&app, &boss, customer).await;
    let mut input = with_set(
        with_set(input, "price_list", &[own_list]),
        "payment_plan",
        &[linked],
    );
    input.credit_limit = "0".into();
    let (status, body) = save_tab(&app, &boss, customer, version, &input).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (version, input, view) = open_tab(&app, &boss, customer).await;
    let today = &view["today"];
    assert_eq!(
        texts(&today["lists"]),
        vec!["OWN - OWN desc", "PUB - PUB desc"]
    );
    assert_eq!(
        texts(&today["plans"]),
        vec!["P30 - P30 desc (pedido mínimo R$ 500,00)", "P60 - P60 desc"]
    );
    let refused: Vec<(String, String)> = today["refused"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["plan"].as_str().unwrap().into(),
                r["reason"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        refused,
        vec![
            (
                "CRED - CRED desc".to_string(),
                "O plano usa o limite de crédito e o cliente não tem crédito.".to_string()
            ),
            (
                "P90 - P90 desc".to_string(),
                "O plano não está liberado para este cliente.".to_string()
            ),
        ]
    );

    // Only its own lists and plans (R-SALES-4/5), and credit again.
    let mut input = input;
    input.uses_only_own_price_lists = "on".into();
    input.uses_only_own_plans = "on".into();
    input.credit_limit = String::new();
    let (status, body) = save_tab(&app, &boss, customer, version, &input).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, _, view) = open_tab(&app, &boss, customer).await;
    assert_eq!(texts(&view["today"]["lists"]), vec!["OWN - OWN desc"]);
    assert_eq!(texts(&view["today"]["plans"]), vec!["P60 - P60 desc"]);
    assert!(view["today"]["refused"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["plan"] == "CRED - CRED desc"
            && r["reason"] == "O cliente usa apenas os planos indicados para ele."));
}
