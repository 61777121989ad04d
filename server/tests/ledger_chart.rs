//! Issue 11: the chart of accounts under "Tabelas" through real requests (R-SALES-12) — managerial
//! and real accounts, synthetic or analytic, a managerial account linked to a real one of its
//! nature; the company's doubtful-debt synthetics and the customer's accounts checked against
//! it; the doubtful-debt numbering adding the accounts it creates; nothing in use deleted.

mod common;
mod record_forms;
mod table_forms;

use axum::http::StatusCode;
use common::*;
use record_forms::*;
use serde_json::Value;
use sqlx::PgPool;
use table_forms::*;

const MANAGERIAL: &str = "ledger_managerial";
const REAL: &str = "ledger_real";

async fn account(
    app: &axum::Router,
    cookie: &str,
    kind: &str,
    code: &str,
    nature: &str,
    link: &str,
) -> (StatusCode, String) {
    save_entry(
        app,
        cookie,
        kind,
        &[
            ("input[code]", code),
            ("input[description]", "Conta de teste"),
            ("terms[account_kind]", nature),
            ("terms[real_account]", link),
        ],
    )
    .await
}

/// The doubtful-debt synthetics of seed 003: managerial 0100053 linked to real 1.1.01.02.00000.
async fn doubtful_debt_synthetics(app: &axum::Router, cookie: &str) {
    for (kind, code, link) in [
        (REAL, "1.1.01.02.00000", ""),
        (MANAGERIAL, "0100053", "1.1.01.02.00000"),
    ] {
        let (status, body) = account(app, cookie, kind, code, "synthetic", link).await;
        assert_eq!(status, StatusCode::OK, "{code}: {body}");
    }
}

fn row<'a>(rows: &'a [Value], code: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["code"] == code)
        .unwrap_or_else(|| panic!("{code} not in {rows:?}"))
}

#[sqlx::test(migrations = "../migrations")]
async fn r_sales_12_accounts_are_synthetic_or_analytic_and_link_to_a_real_account_of_their_nature(
    pool: PgPool,
) {
    let created = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let viewer = sign_in(&app, "viewer@alpha.test").await;

    let clerk = sign_in(&app, "clerk@alpha.test").await;

    // R-PERM-1: the chart is kept by who may modify ledger account codes, not by whoever
    // maintains the other tables (the clerk does).
    for cookie in [&viewer, &clerk] {
        let (status, _) = account(&app, cookie, REAL, "1.1.01.02.00000", "synthetic", "").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let (status, _) = save_entry(
        &app,
        &clerk,
        "region",
        &[("input[code]", "SUL"), ("input[description]", "Sul")],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "the clerk keeps the other tables");

    let (status, body) = account(&app, &boss, REAL, "DD00001", "synthetic", "").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("números separados por pontos"), "{body}");
    assert!(rows(&app, &boss, REAL).await.is_empty());

    let (status, body) = account(&app, &boss, REAL, "1.1.01.02.00000", "synthetic", "").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = account(&app, &boss, REAL, "3.1.01.001", "analytic", "").await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // A link to an account the real chart does not hold, or of the other nature, is named
    // beside its field and writes nothing.
    let (status, body) = account(&app, &boss, MANAGERIAL, "0100053", "synthetic", "9.9").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("terms[real_account]") && body.contains("não está em Contas contábeis reais"),
        "{body}"
    );
    let (status, body) = account(
        &app,
        &boss,
        MANAGERIAL,
        "0100053",
        "synthetic",
        "3.1.01.001",
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("é analítica: vincule uma conta sintética"),
        "{body}"
    );
    assert!(rows(&app, &boss, MANAGERIAL).await.is_empty());

    let (status, body) = account(
        &app,
        &boss,
        MANAGERIAL,
        "0100053",
        "synthetic",
        "1.1.01.02.00000",
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let managerial = rows(&app, &boss, MANAGERIAL).await;
    let synthetic = row(&managerial, "0100053");
    assert_eq!(synthetic["terms"]["synthetic"], true);
    assert_eq!(synthetic["terms"]["real_account"], "1.1.01.02.00000");
    assert_eq!(
        row(&rows(&app, &boss, REAL).await, "3.1.01.001")["terms"]["synthetic"],
        false
    );

    // Recorded like every table row, its nature and link by label.
    let history: Vec<(String, String)> = sqlx::query_as(
        "select field, new_value from lookup_changes
         where company_id = $1 and kind = $2 and code = '0100053' order by id",
    )
    .bind(created.companies[&1])
    .bind(MANAGERIAL)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(
        history.contains(&("Tipo".into(), "Sintética".into())),
        "{history:?}"
    );
    assert!(
        history.contains(&("Conta real vinculada".into(), "1.1.01.02.00000".into())),
        "{history:?}"
    );

    // The real synthetic is held by the managerial account linked to it.
    let real_id = row(&rows(&app, &boss, REAL).await, "1.1.01.02.00000")["id"]
        .as_i64()
        .unwrap();
    let (status, body) = delete_entry(&app, &boss, REAL, real_id).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(
        body.contains("em uso: 1 conta gerencial vinculada"),
        "{body}"
    );
    let analytic_id = row(&rows(&app, &boss, REAL).await, "3.1.01.001")["id"]
        .as_i64()
        .unwrap();
    assert_eq!(
        delete_entry(&app, &boss, REAL, analytic_id).await.0,
        StatusCode::OK
    );
}

fn ledger_settings_form(version: i64, synthetic: &str, real_synthetic: &str) -> String {
    encode(&[
        ("version", &version.to_string()),
        ("input[credit_use]", "optional"),
        ("input[credit_order]", "ascending"),
        ("input[ledger_prefix]", "0101."),
        ("input[real_ledger_prefix]", "1.1.02.01."),
        ("input[ledger_code_width]", "5"),
        ("input[doubtful_debt_synthetic]", synthetic),
        ("input[doubtful_debt_real_synthetic]", real_synthetic),
    ])
}

async fn settings_version(app: &axum::Router, cookie: &str) -> i64 {
    let (status, body, _) = send(app, call("get_company_settings", "", Some(cookie))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    serde_json::from_str::<Value>(&body).unwrap()["version"]
        .as_i64()
        .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn r_sales_12_the_doubtful_debt_synthetics_are_synthetic_accounts_of_the_chart_and_stay_there(
    pool: PgPool,
) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    doubtful_debt_synthetics(&app, &boss).await;
    account(&app, &boss, MANAGERIAL, "DD00001", "analytic", "").await;

    let version = settings_version(&app, &boss).await;
    let form = ledger_settings_form(version, "0100099", "1.1.01.02.00000");
    let (status, body, _) = send(&app, call("save_company_settings", &form, Some(&boss))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("doubtful_debt_synthetic")
            && body.contains("não está em Contas contábeis gerenciais"),
        "{body}"
    );
    let form = ledger_settings_form(version, "DD00001", "");
    let (status, body, _) = send(&app, call("save_company_settings", &form, Some(&boss))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("é analítica: informe uma conta sintética"),
        "{body}"
    );
    assert_eq!(
        settings_version(&app, &boss).await,
        version,
        "nothing saved"
    );

    let form = ledger_settings_form(version, "0100053", "1.1.01.02.00000");
    let (status, body, _) = send(&app, call("save_company_settings", &form, Some(&boss))).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let managerial = rows(&app, &boss, MANAGERIAL).await;
    let id = row(&managerial, "0100053")["id"].as_i64().unwrap();
    let (status, body) = delete_entry(&app, &boss, MANAGERIAL, id).await;
    assert_eq!(status, StatusCode::CONFLICT, "held by the settings: {body}");
    assert!(body.contains("em uso: configurações da empresa"), "{body}");
}

#[sqlx::test(migrations = "../migrations")]
async fn r_sales_12_generated_doubtful_debt_accounts_join_the_chart_and_a_synthetic_is_no_customers_account(
    pool: PgPool,
) {
    let created = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    account(&app, &boss, REAL, "1.1.01.02.00000", "synthetic", "").await;
    account(&app, &boss, REAL, "1.1.02.01", "synthetic", "").await;
    account(
        &app,
        &boss,
        MANAGERIAL,
        "0100053",
        "synthetic",
        "1.1.01.02.00000",
    )
    .await;
    // The settings name no real synthetic: seed 003 creates the real account because the
    // managerial synthetic is linked to one.
    sqlx::query(
        "update company_sales_settings set ledger_prefix = '0101.', real_ledger_prefix = '1.1.02.01.',
                ledger_code_width = 5, doubtful_debt_synthetic = '0100053', doubtful_debt_last = 4
         where company_id = $1",
    )
    .bind(created.companies[&1])
    .execute(&pool)
    .await
    .unwrap();
    let (status, id) = create(
        &app,
        &boss,
        &record_form("42", "legal_entity", "11.222.333/0001-81", "Zanella Ltda"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{id}");
    let id = id.as_i64().unwrap();

    // A synthetic account takes no entries: not the customer's account.
    let form = format!(
        "customer_id={id}&version=1&input%5Bledger_account%5D=0101.00042&input%5Breal_ledger_account%5D=1.1.02.01&input%5Bexpense_revenue_account%5D="
    );
    let (status, body, _) = send(&app, call("save_ledger_accounts", &form, Some(&boss))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("real_ledger_account") && body.contains("é sintética"),
        "{body}"
    );

    // Nor is the expense/revenue account, whichever chart holds it.
    let form = format!(
        "customer_id={id}&version=1&input%5Bledger_account%5D=0101.00042&input%5Breal_ledger_account%5D=&input%5Bexpense_revenue_account%5D=1.1.02.01"
    );
    let (status, body, _) = send(&app, call("save_ledger_accounts", &form, Some(&boss))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("expense_revenue_account"), "{body}");

    let (status, body, _) = send(
        &app,
        call(
            "generate_doubtful_debt_account",
            &format!("customer_id={id}&version=1"),
            Some(&boss),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let managerial = rows(&app, &boss, MANAGERIAL).await;
    let dd = row(&managerial, "DD00005");
    assert_eq!(dd["description"], "Zanella Ltda");
    assert_eq!(dd["terms"]["synthetic"], false);
    assert_eq!(dd["terms"]["real_account"], "1.1.01.02.00005");
    assert_eq!(dd["customers"], 1);
    let real = rows(&app, &boss, REAL).await;
    assert_eq!(row(&real, "1.1.01.02.00005")["terms"]["synthetic"], false);
    let included: i64 = sqlx::query_scalar(
        "select count(*) from lookup_changes
         where company_id = $1 and field = 'Inclusão' and new_value in ('DD00005', '1.1.01.02.00005')",
    )
    .bind(created.companies[&1])
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        included, 2,
        "each created account is in its table's history"
    );

    // The customer's account is held by it.
    let (status, body) = delete_entry(&app, &boss, MANAGERIAL, dd["id"].as_i64().unwrap()).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
}

#[sqlx::test(migrations = "../migrations")]
async fn r_company_2_a_linked_account_is_copied_only_where_its_real_account_is(pool: PgPool) {
    let created = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    // Company 1 only.
    account(&app, &boss, REAL, "1.1.09", "synthetic", "").await;
    let copy = |code: &'static str, link: &'static str| {
        let app = app.clone();
        let boss = boss.clone();
        async move {
            save_entry(
                &app,
                &boss,
                MANAGERIAL,
                &[
                    ("input[code]", code),
                    ("input[description]", "Copiada"),
                    ("terms[account_kind]", "synthetic"),
                    ("terms[real_account]", link),
                    ("copy_to_all", "on"),
                ],
            )
            .await
        }
    };
    let (status, body) = copy("0109", "1.1.09").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("não está, sintética, em todas as suas empresas"),
        "{body}"
    );
    assert!(
        rows(&app, &boss, MANAGERIAL).await.is_empty(),
        "nothing written"
    );

    // Copied to every company first, the real account can be linked everywhere.
    let (status, body) = save_entry(
        &app,
        &boss,
        REAL,
        &[
            ("input[code]", "1.1.08"),
            ("input[description]", "Em todas"),
            ("terms[account_kind]", "synthetic"),
            ("copy_to_all", "on"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = copy("0108", "1.1.08").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let linked: Vec<(i64, Option<String>)> = sqlx::query_as(
        "select e.company_id, t.real_account from lookup_entries e
         join ledger_account_terms t on t.entry_id = e.id
         where e.kind = 'ledger_managerial' and e.code = '0108' order by e.company_id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        linked,
        vec![
            (created.companies[&1], Some("1.1.08".to_string())),
            (created.companies[&2], Some("1.1.08".to_string())),
        ]
    );
}
