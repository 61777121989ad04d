//! The record's credit figures (issue 12, R-CREDIT-1..2, R-COMPANY-3): what the customer owes
//! and what the company owes them in each company the user acts in, and what is available.

#[path = "../common/mod.rs"]
mod common;
mod list_and_history;
#[path = "../record_forms/mod.rs"]
mod record_forms;

use axum::http::StatusCode;
use common::*;
use record_forms::new_customer as zanella;
use record_forms::*;
use serde_json::Value;
use sqlx::PgPool;

/// A receivable of `amount` due `days` from today (negative: past) with `balance` left.
/// `at` is (tenant, company, customer).
async fn receivable(
    pool: &PgPool,
    at: (i64, i64, i64),
    document: &str,
    days: i32,
    amount: &str,
    balance: &str,
    cancelled: bool,
) {
    sqlx::query(
        "insert into receivables (tenant_id, company_id, customer_id, document, kind, issue_date,
             due_date, amount, balance, cancelled_at, cancel_reason)
         values ($1, $2, $3, $4, 'invoice', current_date - 30, current_date + $5,
                 $6::numeric, $7::numeric,
                 case when $8 then now() end, case when $8 then 'Teste' end)",
    )
    .bind(at.0)
    .bind(at.1)
    .bind(at.2)
    .bind(document)
    .bind(days)
    .bind(amount)
    .bind(balance)
    .bind(cancelled)
    .execute(pool)
    .await
    .unwrap();
}

async fn credit(
    pool: &PgPool,
    tenant: i64,
    company: i64,
    customer: i64,
    kind: &str,
    amount: &str,
    balance: &str,
) {
    sqlx::query(
        "insert into customer_credits (tenant_id, company_id, customer_id, kind, credit_date, amount, balance)
         values ($1, $2, $3, $4, current_date, $5::numeric, $6::numeric)",
    )
    .bind(tenant)
    .bind(company)
    .bind(customer)
    .bind(kind)
    .bind(amount)
    .bind(balance)
    .execute(pool)
    .await
    .unwrap();
}

async fn set_limits(
    pool: &PgPool,
    tenant: i64,
    company: i64,
    customer: i64,
    own: Option<&str>,
    pre_approved: Option<&str>,
) {
    sqlx::query(
        "update company_sales_settings set pre_approved_credit_limit = $3::numeric
         where tenant_id = $1 and company_id = $2",
    )
    .bind(tenant)
    .bind(company)
    .bind(pre_approved)
    .execute(pool)
    .await
    .unwrap();
    sqlx::query(
        "insert into customer_sales_defaults (tenant_id, company_id, customer_id, credit_limit)
         values ($1, $2, $3, $4::numeric)
         on conflict (tenant_id, company_id, customer_id) do update set credit_limit = excluded.credit_limit",
    )
    .bind(tenant)
    .bind(company)
    .bind(customer)
    .bind(own)
    .execute(pool)
    .await
    .unwrap();
}

async fn figures(app: &axum::Router, cookie: &str, customer: i64) -> (StatusCode, Value) {
    let (status, body, _) = send(
        app,
        call(
            "customer_credit",
            &format!("customer_id={customer}"),
            Some(cookie),
        ),
    )
    .await;
    (
        status,
        serde_json::from_str(&body).unwrap_or(Value::String(body)),
    )
}

fn company<'a>(rows: &'a Value, name: &str) -> &'a Value {
    rows.as_array()
        .unwrap()
        .iter()
        .find(|r| r["company"] == name)
        .unwrap_or_else(|| panic!("{name} not in {rows}"))
}

#[sqlx::test(migrations = "../migrations")]
async fn r_credit_2_available_is_the_limit_minus_what_is_owed_plus_the_credits(pool: PgPool) {
    let t = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = zanella(&app, &boss).await;
    let c1 = t.companies[&1];
    set_limits(
        &pool,
        t.tenant_id,
        c1,
        id,
        Some("10000.00"),
        Some("3000.00"),
    )
    .await;
    receivable(
        &pool,
        (t.tenant_id, c1, id),
        "NF 1",
        10,
        "1000.00",
        "1000.00",
        false,
    )
    .await;
    receivable(
        &pool,
        (t.tenant_id, c1, id),
        "NF 2",
        -5,
        "3000.00",
        "2500.00",
        false,
    )
    .await;
    // Neither a cancelled nor a received receivable is owed.
    receivable(
        &pool,
        (t.tenant_id, c1, id),
        "NF 3",
        -5,
        "300.00",
        "300.00",
        true,
    )
    .await;
    receivable(
        &pool,
        (t.tenant_id, c1, id),
        "NF 4",
        -40,
        "400.00",
        "0.00",
        false,
    )
    .await;
    credit(
        &pool,
        t.tenant_id,
        c1,
        id,
        "sales_return",
        "150.00",
        "150.00",
    )
    .await;
    credit(&pool, t.tenant_id, c1, id, "advance", "500.00", "200.00").await;
    // A used-up advance is no credit.
    credit(&pool, t.tenant_id, c1, id, "advance", "700.00", "0.00").await;

    let (status, rows) = figures(&app, &boss, id).await;
    assert_eq!(status, StatusCode::OK, "{rows}");
    let matriz = company(&rows, "1 - Matriz");
    assert_eq!(matriz["current"], true);
    assert_eq!(matriz["limit"], "10000.00");
    assert_eq!(matriz["limit_source"], "customer");
    assert_eq!(matriz["not_yet_due"], "1000.00");
    assert_eq!(matriz["overdue"], "2500.00");
    assert_eq!(matriz["credits"], "350.00");
    // 10,000 − (1,000 + 2,500) + 350
    assert_eq!(matriz["available"]["kind"], "amount");
    assert_eq!(matriz["available"]["amount"], "6850.00");
}

#[sqlx::test(migrations = "../migrations")]
async fn r_credit_1_no_limit_of_its_own_takes_the_company_pre_approved_one_else_unlimited(
    pool: PgPool,
) {
    let t = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = zanella(&app, &boss).await;
    let (c1, c2) = (t.companies[&1], t.companies[&2]);
    set_limits(&pool, t.tenant_id, c1, id, None, Some("5000.00")).await;
    receivable(
        &pool,
        (t.tenant_id, c1, id),
        "NF 1",
        -1,
        "6000.00",
        "6000.00",
        false,
    )
    .await;
    receivable(
        &pool,
        (t.tenant_id, c2, id),
        "NF 1",
        30,
        "900.00",
        "900.00",
        false,
    )
    .await;

    let (_, rows) = figures(&app, &boss, id).await;
    let matriz = company(&rows, "1 - Matriz");
    assert_eq!(matriz["limit_source"], "company_pre_approved");
    // Over the limit: negative, the customer owes more than it covers.
    assert_eq!(matriz["available"]["amount"], "-1000.00");
    let filial = company(&rows, "2 - Filial");
    assert_eq!(filial["current"], false);
    assert_eq!(filial["limit_source"], "unlimited");
    assert_eq!(filial["limit"], Value::Null);
    assert_eq!(filial["not_yet_due"], "900.00");
    assert_eq!(filial["available"]["kind"], "unlimited");
}

#[sqlx::test(migrations = "../migrations")]
async fn r_company_3_each_user_sees_the_companies_on_their_list_and_no_other_tenant_sees_any(
    pool: PgPool,
) {
    let t = tenant(&pool, "alpha").await;
    tenant(&pool, "beta").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = zanella(&app, &boss).await;
    receivable(
        &pool,
        (t.tenant_id, t.companies[&3], id),
        "NF 9",
        5,
        "777.00",
        "777.00",
        false,
    )
    .await;

    let (_, rows) = figures(&app, &boss, id).await;
    let names: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["company"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["1 - Matriz", "2 - Filial"],
        "company 3 is not on the boss's list"
    );

    // The viewer holds no permission and company 1 only: still sees the figures there.
    let viewer = sign_in(&app, "viewer@alpha.test").await;
    let (status, rows) = figures(&app, &viewer, id).await;
    assert_eq!(status, StatusCode::OK, "{rows}");
    assert_eq!(rows.as_array().unwrap().len(), 1);

    let stranger = sign_in(&app, "boss@beta.test").await;
    let (status, _) = figures(&app, &stranger, id).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, body, _) = send(
        &app,
        call("customer_credit", &format!("customer_id={id}"), None),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
}
