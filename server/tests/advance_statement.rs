//! The advance statement (R-ADV-3) and the advance's side of a settlement's reversal: the
//! statement's balances equal the ledger's, a settlement paid by an advance reversed puts the
//! money back in both the receivable and the advance, and reading is every profile's right in
//! its own tenant only.

mod common;
mod finance_forms;
mod record_forms;

use axum::http::StatusCode;
use common::*;
use finance_forms::{enable_advances, form, post, receivable, register_advance, use_advance};
use record_forms::new_customer as zanella;
use serde_json::Value;
use sqlx::PgPool;

async fn statement(
    app: &axum::Router,
    cookie: &str,
    customer: i64,
    from: &str,
    to: &str,
) -> (StatusCode, Value) {
    let body = form(&[
        ("customer_id", &customer.to_string()),
        ("from", from),
        ("to", to),
    ]);
    post(app, Some(cookie), "advance_statement", &body).await
}

async fn refund_all(app: &axum::Router, cookie: &str, advance: i64) {
    let body = form(&[
        ("advance_id", &advance.to_string()),
        ("input[date]", "06/12/2026"),
        ("input[amount]", ""),
        ("input[means]", "bank"),
        ("input[reason]", "Pedido do cliente"),
    ]);
    let (status, left) = post(app, Some(cookie), "refund_advance", &body).await;
    assert_eq!((status, left), (StatusCode::OK, Value::from("0.00")));
}

fn column(lines: &Value, key: &str) -> Vec<Value> {
    lines
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l[key].clone())
        .collect()
}

#[sqlx::test(migrations = "../migrations")]
async fn r_adv_3_the_statement_balances_equal_the_ledger(pool: PgPool) {
    let t = tenant(&pool, "alpha").await;
    enable_advances(&pool, t.tenant_id).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = zanella(&app, &boss).await;
    let (_, advance) = register_advance(&app, &boss, id, "1.000,00").await;
    let advance = advance.as_i64().unwrap();
    let first = receivable(&app, &boss, id, "NF 1", "300,00").await;
    let second = receivable(&app, &boss, id, "NF 2", "500,00").await;
    let (status, _) = use_advance(&app, &boss, advance, &[first, second], "700,00").await;
    assert_eq!(status, StatusCode::OK);
    refund_all(&app, &boss, advance).await;

    let (status, s) = statement(&app, &boss, id, "01/12/2026", "31/12/2026").await;
    assert_eq!(status, StatusCode::OK, "{s}");
    assert_eq!(s["opening"], "0.00");
    assert_eq!(
        column(&s["lines"], "label"),
        [
            "Adiantamento",
            "Baixa de título",
            "Baixa de título",
            "Devolução"
        ]
    );
    assert_eq!(
        column(&s["lines"], "balance"),
        ["1000.00", "700.00", "300.00", "0.00"]
    );
    assert_eq!(
        s["lines"][1]["detail"],
        format!("NF 1/1 · adiantamento nº {advance}")
    );
    assert_eq!(
        s["lines"][3]["detail"],
        format!("adiantamento nº {advance} · Banco · Pedido do cliente")
    );
    assert_eq!(
        (s["total_in"].clone(), s["total_out"].clone()),
        ("1000.00".into(), "1000.00".into())
    );
    let ledger: String =
        sqlx::query_scalar("select balance::text from customer_credits where id = $1")
            .bind(advance)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(s["closing"], Value::from(ledger));
    assert_eq!(s["from"], "01/12/2026");

    // A later period opens with what the earlier one closed with.
    let (_, later) = statement(&app, &boss, id, "06/12/2026", "06/12/2026").await;
    assert_eq!(later["opening"], "300.00");
    assert_eq!(later["closing"], "0.00");
    let (_, before) = statement(&app, &boss, id, "01/11/2026", "30/11/2026").await;
    assert_eq!(
        (
            before["opening"].clone(),
            before["lines"].as_array().unwrap().len()
        ),
        ("0.00".into(), 0)
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn r_adv_2_reversing_a_settlement_paid_by_an_advance_gives_the_advance_its_money_back(
    pool: PgPool,
) {
    let t = tenant(&pool, "alpha").await;
    enable_advances(&pool, t.tenant_id).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = zanella(&app, &boss).await;
    let (_, advance) = register_advance(&app, &boss, id, "1.000,00").await;
    let advance = advance.as_i64().unwrap();
    let nf = receivable(&app, &boss, id, "NF 9", "400,00").await;
    let (status, used) = use_advance(&app, &boss, advance, &[nf], "").await;
    assert_eq!(status, StatusCode::OK, "{used}");
    assert_eq!(used["balance"], "600.00");
    assert_eq!(used["settled"], 1);

    let (status, settlements) = post(
        &app,
        Some(&boss),
        "receivable_settlements",
        &form(&[("receivable_id", &nf.to_string())]),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{settlements}");
    assert_eq!(
        settlements[0]["means"],
        format!("Adiantamento nº {advance}")
    );
    assert_eq!(settlements[0]["reversed"], Value::Null);
    let settlement = settlements[0]["id"].as_i64().unwrap();
    let reverse = form(&[("settlement_id", &settlement.to_string())]);
    let (status, body) = post(&app, Some(&boss), "reverse_settlement", &reverse).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _) = post(&app, Some(&boss), "reverse_settlement", &reverse).await;
    assert_eq!(status, StatusCode::CONFLICT);

    let balances: (String, String) = sqlx::query_as(
        "select (select balance::text from receivables where id = $1),
                (select balance::text from customer_credits where id = $2)",
    )
    .bind(nf)
    .bind(advance)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(balances, ("400.00".to_string(), "1000.00".to_string()));
    let (_, after) = post(
        &app,
        Some(&boss),
        "receivable_settlements",
        &form(&[("receivable_id", &nf.to_string())]),
    )
    .await;
    assert!(
        after[0]["reversed"]
            .as_str()
            .unwrap()
            .starts_with("Estornada em "),
        "{after}"
    );
    let (_, s) = statement(&app, &boss, id, "01/01/2026", "31/12/2099").await;
    assert_eq!(
        column(&s["lines"], "label"),
        ["Adiantamento", "Baixa de título", "Estorno de baixa"]
    );
    assert_eq!(s["closing"], "1000.00");
}

#[sqlx::test(migrations = "../migrations")]
async fn r_adv_3_reading_advances_is_every_profiles_right_in_its_own_tenant(pool: PgPool) {
    let t = tenant(&pool, "alpha").await;
    tenant(&pool, "beta").await;
    enable_advances(&pool, t.tenant_id).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = zanella(&app, &boss).await;
    let (_, advance) = register_advance(&app, &boss, id, "250,00").await;
    let advance = advance.as_i64().unwrap();
    let customer = form(&[("customer_id", &id.to_string())]);

    let viewer = sign_in(&app, "viewer@alpha.test").await;
    let (status, view) = post(&app, Some(&viewer), "customer_advances", &customer).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["enabled"], true);
    assert_eq!(view["rows"][0]["id"], advance);
    assert_eq!(view["rows"][0]["balance"], "250.00");
    assert_eq!(view["rows"][0]["means"], "PIX");
    assert_eq!(view["today"].as_str().unwrap().len(), 10);
    let (status, _) = statement(&app, &viewer, id, "01/01/2026", "31/12/2026").await;
    assert_eq!(status, StatusCode::OK);

    let stranger = sign_in(&app, "boss@beta.test").await;
    let (status, _) = post(&app, Some(&stranger), "customer_advances", &customer).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = statement(&app, &stranger, id, "01/01/2026", "31/12/2026").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = post(&app, None, "customer_advances", &customer).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // Wrong periods are refused beside their fields.
    let (status, body) = statement(&app, &boss, id, "31/12/2026", "01/01/2026").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["Invalid"][0]["field"], "to");
    let (status, body) = statement(&app, &boss, id, "32/01/2026", "").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = column(&body["Invalid"], "field");
    assert_eq!(fields, ["from", "to"]);
}
