//! Writing receivables (issue 12): register (R-CUST-7), settle with the stamped late terms,
//! reverse, cancel — each behind its permission (R-PERM), in the caller's company and tenant
//! only (R-COMPANY-3), stale and racing requests refused without losing money.

mod common;
mod finance_forms;
mod record_forms;

use axum::http::StatusCode;
use common::*;
use finance_forms::{form, post, register_invoice as register, settle, settle_by};
use record_forms::new_customer as zanella;
use serde_json::Value;
use sqlx::PgPool;

async fn balance_and_version(pool: &PgPool, id: i64) -> (String, i32) {
    sqlx::query_as("select balance::text, version from receivables where id = $1")
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap()
}

async fn settlement_ids(pool: &PgPool, receivable: i64) -> Vec<i64> {
    sqlx::query_scalar("select id from receivable_settlements where receivable_id = $1 order by id")
        .bind(receivable)
        .fetch_all(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn r_perm_each_financial_step_is_refused_without_its_permission(pool: PgPool) {
    let t = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = zanella(&app, &boss).await;
    let (status, receivable) =
        register(&app, &boss, id, "NF 1", "invoice", "30/12/2099", "1.000,00").await;
    assert_eq!(status, StatusCode::OK, "{receivable}");
    let receivable = receivable.as_i64().unwrap();
    for user in ["clerk@alpha.test", "viewer@alpha.test"] {
        let cookie = sign_in(&app, user).await;
        let (status, _) =
            register(&app, &cookie, id, "NF 2", "invoice", "30/12/2099", "10,00").await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{user} registers");
        let (status, _) = settle(&app, &cookie, receivable, 1, "01/12/2026", "10,00").await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{user} settles");
        let (status, _) = post(
            &app,
            Some(&cookie),
            "cancel_receivable",
            &format!("receivable_id={receivable}&version=1&reason=x"),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{user} cancels");
        let (status, _) = post(&app, Some(&cookie), "reverse_settlement", "settlement_id=1").await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{user} reverses");
    }
    let (status, _) = post(&app, None, "settle_receivable", "receivable_id=1&version=1").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        balance_and_version(&pool, receivable).await,
        ("1000.00".to_string(), 1)
    );
    let _ = t;
}

#[sqlx::test(migrations = "../migrations")]
async fn r_cust_7_an_invoice_for_an_expired_registration_is_refused_a_returned_cheque_is_not(
    pool: PgPool,
) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = zanella(&app, &boss).await;
    // Two days back: the server's "today" is Brasília's, up to a day behind the database's UTC.
    sqlx::query("update customers set valid_until = current_date - 2 where id = $1")
        .bind(id)
        .execute(&pool)
        .await
        .unwrap();
    let (status, body) = register(&app, &boss, id, "NF 1", "invoice", "30/12/2099", "500,00").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["Invalid"][0]["field"], "customer");
    assert!(
        body["Invalid"][0]["message"]
            .as_str()
            .unwrap()
            .contains("venceu em"),
        "{body}"
    );
    let (status, body) = register(
        &app,
        &boss,
        id,
        "CH 77",
        "returned_cheque",
        "30/12/2099",
        "500,00",
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // The same document and installment twice in a company: named beside the document.
    let (status, body) = register(
        &app,
        &boss,
        id,
        "CH 77",
        "returned_cheque",
        "30/12/2099",
        "1,00",
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["Invalid"][0]["field"], "document");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_late_settlement_charges_the_stamped_terms_and_its_reversal_restores_the_balance(
    pool: PgPool,
) {
    let t = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = zanella(&app, &boss).await;
    // 0,1 % a day and a 2 % late fee, stamped on the receivable when it is registered.
    sqlx::query(
        "update company_sales_settings set daily_interest = 0.1, late_fee = 2 where tenant_id = $1",
    )
    .bind(t.tenant_id)
    .execute(&pool)
    .await
    .unwrap();
    let (_, receivable) =
        register(&app, &boss, id, "NF 1", "invoice", "31/10/2026", "1.000,00").await;
    let receivable = receivable.as_i64().unwrap();
    sqlx::query(
        "update company_sales_settings set daily_interest = 9, late_fee = 9 where tenant_id = $1",
    )
    .bind(t.tenant_id)
    .execute(&pool)
    .await
    .unwrap();

    // 10 days late, 400 of the 1,000: interest 400 × 0,1 % × 10 = 4,00; fee 400 × 2 % = 8,00.
    let (status, settled) = settle(&app, &boss, receivable, 1, "10/11/2026", "400,00").await;
    assert_eq!(status, StatusCode::OK, "{settled}");
    assert_eq!(settled["days_late"], 10);
    assert_eq!(settled["interest"], "4.00");
    assert_eq!(settled["late_fee"], "8.00");
    assert_eq!(
        balance_and_version(&pool, receivable).await,
        ("600.00".to_string(), 2)
    );

    // More than the balance: refused beside the amount, nothing written.
    let (status, body) = settle(&app, &boss, receivable, 2, "10/11/2026", "600,01").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["Invalid"][0]["field"], "principal");
    // Dated after today: refused beside the date, nothing written.
    let (status, body) = settle(&app, &boss, receivable, 2, "31/12/2099", "100,00").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["Invalid"][0]["field"], "paid_on");
    // Dated before the receivable was issued (01/10/2026): nothing was owed yet.
    let (status, body) = settle(&app, &boss, receivable, 2, "30/09/2026", "100,00").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["Invalid"][0]["field"], "paid_on");
    assert_eq!(
        body["Invalid"][0]["message"],
        "A data do pagamento não pode ser anterior à emissão do título (01/10/2026)."
    );
    assert_eq!(settlement_ids(&pool, receivable).await.len(), 1);

    let settlement = settlement_ids(&pool, receivable).await[0];
    let (status, body) = post(
        &app,
        Some(&boss),
        "reverse_settlement",
        &format!("settlement_id={settlement}"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        balance_and_version(&pool, receivable).await,
        ("1000.00".to_string(), 3)
    );
    let (status, _) = post(
        &app,
        Some(&boss),
        "reverse_settlement",
        &format!("settlement_id={settlement}"),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "a reversal happens once");
    assert_eq!(
        balance_and_version(&pool, receivable).await,
        ("1000.00".to_string(), 3)
    );

    // Paid by cheque (or card), as the customer's billing types name it.
    let cheque = (3, "10/11/2026", "100,00");
    let (status, settled) = settle_by(&app, &boss, receivable, cheque, "check").await;
    assert_eq!(status, StatusCode::OK, "{settled}");
    assert_eq!(settled["means"], "check");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_receivable_with_a_standing_settlement_is_not_cancelled_and_a_cancelled_one_is_not_settled(
    pool: PgPool,
) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = zanella(&app, &boss).await;
    let (_, receivable) =
        register(&app, &boss, id, "NF 1", "invoice", "30/12/2099", "100,00").await;
    let receivable = receivable.as_i64().unwrap();
    settle(&app, &boss, receivable, 1, "01/12/2026", "30,00").await;
    let cancel = |version: i32, reason: &str| {
        format!(
            "receivable_id={receivable}&version={version}&reason={}",
            urlencode(reason)
        )
    };
    let (status, body) = post(
        &app,
        Some(&boss),
        "cancel_receivable",
        &cancel(2, "Pedido desfeito"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let settlement = settlement_ids(&pool, receivable).await[0];
    post(
        &app,
        Some(&boss),
        "reverse_settlement",
        &format!("settlement_id={settlement}"),
    )
    .await;
    // Opened before the reversal: stale.
    let (status, _) = post(
        &app,
        Some(&boss),
        "cancel_receivable",
        &cancel(2, "Pedido desfeito"),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, body) = post(&app, Some(&boss), "cancel_receivable", &cancel(3, " ")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["Invalid"][0]["field"], "reason");
    let (status, body) = post(
        &app,
        Some(&boss),
        "cancel_receivable",
        &cancel(3, "Pedido desfeito"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // The record's list and Contas a receber say when, by whom and why.
    let (_, on_record) = post(
        &app,
        Some(&boss),
        "customer_receivables",
        &form(&[("customer_id", &id.to_string())]),
    )
    .await;
    let (_, on_screen) = post(
        &app,
        Some(&boss),
        "list_receivables",
        &form(&[("after", "")]),
    )
    .await;
    for said in [
        &on_record[0]["cancellation"],
        &on_screen["rows"][0]["cancellation"],
    ] {
        let said = said.as_str().unwrap_or_default();
        let (when, rest) = said
            .strip_prefix("Cancelado em ")
            .and_then(|rest| rest.split_once(" por "))
            .unwrap_or_else(|| panic!("{said}"));
        assert_eq!(when.len(), "06/12/2026 14:05".len(), "{said}");
        assert!(rest.ends_with(": Pedido desfeito"), "{said}");
        assert!(!rest.starts_with("usuário não registrado"), "{said}");
    }
    let (status, body) = settle(&app, &boss, receivable, 4, "01/12/2026", "10,00").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body["Invalid"][0]["message"]
            .as_str()
            .unwrap()
            .contains("cancelado"),
        "{body}"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn r_company_3_another_company_s_or_tenant_s_receivable_is_not_found(pool: PgPool) {
    let t = tenant(&pool, "alpha").await;
    tenant(&pool, "beta").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = zanella(&app, &boss).await;
    let other_company: i64 = sqlx::query_scalar(
        "insert into receivables (tenant_id, company_id, customer_id, document, kind, issue_date,
             due_date, amount, balance)
         values ($1, $2, $3, 'NF 9', 'invoice', current_date, current_date, 50, 50) returning id",
    )
    .bind(t.tenant_id)
    .bind(t.companies[&3])
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    let (status, _) = settle(&app, &boss, other_company, 1, "01/12/2026", "10,00").await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "company 3 is not the boss's current company"
    );
    let (_, mine) = register(&app, &boss, id, "NF 1", "invoice", "30/12/2099", "100,00").await;
    let stranger = sign_in(&app, "boss@beta.test").await;
    let (status, _) = settle(
        &app,
        &stranger,
        mine.as_i64().unwrap(),
        1,
        "01/12/2026",
        "10,00",
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = register(&app, &stranger, id, "NF 2", "invoice", "30/12/2099", "1,00").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// Two people settle the same receivable at once from the same screen: one settlement lands,
/// the other is refused as stale, and the balance is the receivable less one settlement.
#[sqlx::test(migrations = "../migrations")]
async fn two_settlements_racing_on_one_receivable_never_take_it_below_zero(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = zanella(&app, &boss).await;
    for round in 0..5 {
        let (_, receivable) = register(
            &app,
            &boss,
            id,
            &format!("NF {round}"),
            "invoice",
            "30/12/2099",
            "1.000,00",
        )
        .await;
        let receivable = receivable.as_i64().unwrap();
        let (a, b) = tokio::join!(
            settle(&app, &boss, receivable, 1, "01/12/2026", "700,00"),
            settle(&app, &boss, receivable, 1, "01/12/2026", "700,00"),
        );
        let mut statuses = [a.0, b.0];
        statuses.sort();
        assert_eq!(
            statuses,
            [StatusCode::OK, StatusCode::CONFLICT],
            "round {round}: {a:?} {b:?}"
        );
        assert_eq!(
            balance_and_version(&pool, receivable).await,
            ("300.00".to_string(), 2)
        );
        assert_eq!(settlement_ids(&pool, receivable).await.len(), 1);
    }
}

/// The collection route (LOP, seed 001): location, operation and bearer as chosen; no bearer
/// typed takes the customer's (R-SALES-1); a bearer the company hasn't is refused beside it.
#[sqlx::test(migrations = "../migrations")]
async fn a_receivable_keeps_its_collection_route_and_takes_the_customer_s_bearer_by_default(
    pool: PgPool,
) {
    let t = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = zanella(&app, &boss).await;
    let company = t.companies[&1];
    let wallet: i64 = sqlx::query_scalar(
        "insert into lookup_entries (tenant_id, company_id, kind, code, description)
         values ($1, $2, 'bearer', 'BB', 'BANCO DO BRASIL'), ($1, $2, 'bearer', 'CART', 'CARTEIRA')
         returning id",
    )
    .bind(t.tenant_id)
    .bind(company)
    .fetch_all(&pool)
    .await
    .unwrap()[1];
    sqlx::query(
        "insert into customer_sales_defaults (tenant_id, company_id, customer_id, bearer_id)
         values ($1, $2, $3, $4)
         on conflict (tenant_id, company_id, customer_id) do update set bearer_id = excluded.bearer_id",
    )
    .bind(t.tenant_id)
    .bind(company)
    .bind(id)
    .bind(wallet)
    .execute(&pool)
    .await
    .unwrap();
    let register_with = |document: &'static str,
                         location: &'static str,
                         operation: &'static str,
                         bearer: &'static str| {
        let body = form(&[
            ("customer_id", &id.to_string()),
            ("input[document]", document),
            ("input[kind]", "invoice"),
            ("input[issue_date]", "01/10/2026"),
            ("input[due_date]", "30/12/2099"),
            ("input[amount]", "100,00"),
            ("input[location]", location),
            ("input[operation]", operation),
            ("input[bearer]", bearer),
        ]);
        let app = app.clone();
        let boss = boss.clone();
        async move { post(&app, Some(&boss), "register_receivable", &body).await }
    };
    let (status, body) = register_with("NF 1", "bank", "discounted", "bb").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = register_with("NF 2", "", "", "").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = register_with("NF 3", "bank", "simple", "XYZ").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["Invalid"][0]["field"], "bearer");
    let (status, body) = register_with("NF 3", "safe", "simple", "").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["Invalid"][0]["field"], "location");

    let (status, body, _) = send(
        &app,
        call(
            "customer_receivables",
            &format!("customer_id={id}"),
            Some(&boss),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let rows: Value = serde_json::from_str(&body).unwrap();
    let mut seen: Vec<(String, String)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["document"].as_str().unwrap().to_string(),
                r["collection"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        [
            (
                "NF 1/1".to_string(),
                "Banco · Cobrança descontada · BB".to_string()
            ),
            (
                "NF 2/1".to_string(),
                "Carteira · Cobrança simples · CART".to_string()
            ),
        ]
    );
}
