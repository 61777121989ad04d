//! Issue 11: the record's "Contas contábeis" tab through real requests — accounts suggested
//! from the company's chart (R-SALES-12), changed only with "modify ledger accounts"
//! (R-PERM-1), and doubtful-debt accounts numbered under concurrent requests with no number
//! given twice and none skipped.

mod common;
mod record_forms;

use axum::http::StatusCode;
use common::*;
use record_forms::*;
use serde_json::Value;
use sqlx::PgPool;

async fn set_chart(pool: &PgPool, company_id: i64, last: i32) {
    sqlx::query(
        "update company_sales_settings set ledger_prefix = '0101.', real_ledger_prefix = '1.1.02.01.',
                ledger_code_width = 5, expense_revenue_account = '3.1.01.001',
                doubtful_debt_synthetic = '0100053', doubtful_debt_real_synthetic = '1.1.01.02.00000',
                doubtful_debt_last = $2
         where company_id = $1",
    )
    .bind(company_id)
    .bind(last)
    .execute(pool)
    .await
    .unwrap();
}

async fn open_tab(app: &axum::Router, cookie: &str, customer_id: i64) -> Value {
    let (status, body, _) = send(
        app,
        call(
            "get_ledger_accounts",
            &format!("customer_id={customer_id}"),
            Some(cookie),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    serde_json::from_str(&body).unwrap()
}

fn accounts_form(
    customer_id: i64,
    version: i64,
    ledger: &str,
    real: &str,
    expense: &str,
) -> String {
    format!(
        "customer_id={customer_id}&version={version}&input%5Bledger_account%5D={}&input%5Breal_ledger_account%5D={}&input%5Bexpense_revenue_account%5D={}",
        urlencode(ledger),
        urlencode(real),
        urlencode(expense)
    )
}

async fn generate(
    app: &axum::Router,
    cookie: &str,
    customer_id: i64,
    version: i64,
) -> (StatusCode, String) {
    let (status, body, _) = send(
        app,
        call(
            "generate_doubtful_debt_account",
            &format!("customer_id={customer_id}&version={version}"),
            Some(cookie),
        ),
    )
    .await;
    (status, body)
}

#[sqlx::test(migrations = "../migrations")]
async fn r_sales_12_a_new_customer_gets_the_accounts_its_companys_chart_suggests(pool: PgPool) {
    let created = tenant(&pool, "alpha").await;
    set_chart(&pool, created.companies[&1], 0).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let (status, id) = create(
        &app,
        &boss,
        &record_form("42", "legal_entity", "11.222.333/0001-81", "Zanella Ltda"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{id}");
    let view = open_tab(&app, &boss, id.as_i64().unwrap()).await;
    assert_eq!(view["version"], 1, "written when the customer was created");
    assert_eq!(view["input"]["ledger_account"], "0101.00042");
    assert_eq!(view["input"]["real_ledger_account"], "1.1.02.01.00042");
    assert_eq!(view["input"]["expense_revenue_account"], "3.1.01.001");
    assert_eq!(view["doubtful_debt_account"], "");
    assert_eq!(view["cannot_generate"], Value::Null);

    // In company 2, which has no chart, nothing is suggested and nothing can be generated.
    let switch = format!("company_id={}", created.companies[&2]);
    assert_eq!(
        send(&app, call("switch_company", &switch, Some(&boss)))
            .await
            .0,
        StatusCode::OK
    );
    let view = open_tab(&app, &boss, id.as_i64().unwrap()).await;
    assert_eq!(view["version"], 0);
    assert_eq!(view["input"]["ledger_account"], "");
    assert!(view["cannot_generate"]
        .as_str()
        .unwrap()
        .contains("configurações da empresa"));
}

#[sqlx::test(migrations = "../migrations")]
async fn r_perm_1_only_who_may_modify_ledger_accounts_changes_or_generates_them(pool: PgPool) {
    let created = tenant(&pool, "alpha").await;
    set_chart(&pool, created.companies[&1], 4).await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let boss = sign_in(&app, "boss@alpha.test").await;
    let (_, id) = create(
        &app,
        &clerk,
        &record_form("42", "legal_entity", "11.222.333/0001-81", "Zanella Ltda"),
    )
    .await;
    let id = id.as_i64().unwrap();

    let form = accounts_form(id, 1, "0101.00099", "1.1.02.01.00042", "3.1.01.001");
    let (status, _, _) = send(&app, call("save_ledger_accounts", &form, Some(&clerk))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(generate(&app, &clerk, id, 1).await.0, StatusCode::FORBIDDEN);
    let view = open_tab(&app, &clerk, id).await;
    assert_eq!(
        (
            view["version"].as_i64(),
            view["input"]["ledger_account"].as_str()
        ),
        (Some(1), Some("0101.00042"))
    );
    let last: i32 = sqlx::query_scalar(
        "select doubtful_debt_last from company_sales_settings where company_id = $1",
    )
    .bind(created.companies[&1])
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(last, 4, "a refused generation takes no number");

    // Saving what the tab shows changes nothing and needs no permission.
    let same = accounts_form(id, 1, "0101.00042", "1.1.02.01.00042", "3.1.01.001");
    assert_eq!(
        send(&app, call("save_ledger_accounts", &same, Some(&clerk)))
            .await
            .0,
        StatusCode::OK
    );

    // Wrong input beside its field; then the administrator's change and the fifth account.
    let wrong = accounts_form(id, 1, "0101/00099", "", "");
    let (status, body, _) = send(&app, call("save_ledger_accounts", &wrong, Some(&boss))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("ledger_account"), "{body}");
    assert_eq!(
        send(&app, call("save_ledger_accounts", &form, Some(&boss)))
            .await
            .0,
        StatusCode::OK
    );
    let (status, body) = generate(&app, &boss, id, 1).await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "stale: the save moved the version: {body}"
    );
    let (status, body) = generate(&app, &boss, id, 2).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let view = open_tab(&app, &boss, id).await;
    assert_eq!(view["doubtful_debt_account"], "DD00005");
    assert_eq!(view["doubtful_debt_real_account"], "1.1.01.02.00005");
    assert_eq!(view["input"]["ledger_account"], "0101.00099");
    let history: Vec<(String, String, String)> = sqlx::query_as(
        "select field, old_value, new_value from customer_changes
         where customer_id = $1 and company_scoped and field like 'Conta%' order by id",
    )
    .bind(id)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        history,
        vec![
            (
                "Conta contábil".into(),
                "0101.00042".into(),
                "0101.00099".into()
            ),
            (
                "Conta devedores duvidosos".into(),
                String::new(),
                "DD00005".into()
            ),
            (
                "Conta real devedores duvidosos".into(),
                String::new(),
                "1.1.01.02.00005".into()
            ),
        ]
    );
    // A second generation for the same customer is refused and takes no number.
    let (status, body) = generate(&app, &boss, id, 3).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body.contains("já tem conta"), "{body}");
}

#[sqlx::test(migrations = "../migrations")]
async fn r_sales_12_sixteen_concurrent_generations_hand_out_sixteen_numbers_none_twice_none_skipped(
    pool: PgPool,
) {
    let created = tenant(&pool, "alpha").await;
    set_chart(&pool, created.companies[&1], 4).await;
    server::seed::customers::insert_generated(&pool, created.tenant_id, 16, 7)
        .await
        .unwrap();
    let ids: Vec<i64> =
        sqlx::query_scalar("select id from customers where tenant_id = $1 order by id")
            .bind(created.tenant_id)
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(ids.len(), 16);
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    // Sixteen customers at once, and each of the first four asked twice at once.
    let requests = ids.iter().chain(ids.iter().take(4)).map(|&id| {
        let (app, boss) = (app.clone(), boss.clone());
        tokio::spawn(async move { (id, generate(&app, &boss, id, 0).await) })
    });
    let requests: Vec<_> = requests.collect();
    let mut statuses = Vec::new();
    for request in requests {
        let (id, (status, body)) = request.await.unwrap();
        assert!(
            status == StatusCode::OK || status == StatusCode::CONFLICT,
            "customer {id}: {status} {body}"
        );
        statuses.push(status);
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == StatusCode::OK).count(),
        16
    );
    let mut numbers: Vec<(i32, String, String)> = sqlx::query_as(
        "select doubtful_debt_sequence, doubtful_debt_account, doubtful_debt_real_account
         from customer_ledger_accounts where tenant_id = $1",
    )
    .bind(created.tenant_id)
    .fetch_all(&pool)
    .await
    .unwrap();
    numbers.sort();
    let expected: Vec<(i32, String, String)> = (5..=20)
        .map(|n| (n, format!("DD{n:05}"), format!("1.1.01.02.{n:05}")))
        .collect();
    assert_eq!(numbers, expected);
    let last: i32 = sqlx::query_scalar(
        "select doubtful_debt_last from company_sales_settings where company_id = $1",
    )
    .bind(created.companies[&1])
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(last, 20);
}
