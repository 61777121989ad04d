//! Issue 11: the company's sales settings through real requests — only for who holds the
//! permission (R-PERM-1), per company (R-COMPANY-3), recorded, stale edits refused, and the
//! starting point of every new customer in that company (R-SALES-1).

mod common;
mod record_forms;

use axum::http::StatusCode;
use common::*;
use record_forms::*;
use serde_json::Value;
use sqlx::PgPool;

fn settings_form(version: i64, limit: &str, interest: &str, credit_use: &str) -> String {
    [
        ("version", version.to_string()),
        ("input[credit_limit]", limit.to_string()),
        ("input[daily_interest]", interest.to_string()),
        ("input[late_fee]", "2".to_string()),
        ("input[max_discount]", String::new()),
        ("input[credit_use]", credit_use.to_string()),
        ("input[credit_order]", "ascending".to_string()),
        ("input[restricts_pickup_fleet]", "on".to_string()),
    ]
    .iter()
    .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
    .collect::<Vec<_>>()
    .join("&")
}

async fn get(app: &axum::Router, cookie: &str) -> (StatusCode, Value) {
    let (status, body, _) = send(app, call("get_company_settings", "", Some(cookie))).await;
    (
        status,
        serde_json::from_str(&body).unwrap_or(Value::String(body)),
    )
}

async fn save(app: &axum::Router, cookie: &str, form: &str) -> (StatusCode, String) {
    let (status, body, _) = send(app, call("save_company_settings", form, Some(cookie))).await;
    (status, body)
}

#[sqlx::test(migrations = "../migrations")]
async fn r_perm_1_only_who_holds_the_permission_reads_or_alters_the_settings(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    assert_eq!(get(&app, &clerk).await.0, StatusCode::FORBIDDEN);
    let (status, _) = save(&app, &clerk, &settings_form(1, "9.999,00", "1", "always")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let stored: Option<String> = sqlx::query_scalar(
        "select pre_approved_credit_limit::text from company_sales_settings limit 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(stored, None);
}

#[sqlx::test(migrations = "../migrations")]
async fn r_sales_1_settings_saved_on_the_screen_are_what_a_new_customer_starts_from(pool: PgPool) {
    let created = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let (status, view) = get(&app, &boss).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["company"], "1 - Matriz");
    let version = view["version"].as_i64().unwrap();

    let (status, body) = save(
        &app,
        &boss,
        &settings_form(version, "5.000,00", "0,0333", "always"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, view) = get(&app, &boss).await;
    assert_eq!(view["input"]["credit_limit"], "5.000,00");
    assert_eq!(view["input"]["daily_interest"], "0,0333");
    assert_eq!(view["input"]["restricts_pickup_fleet"], "on");
    assert_eq!(view["input"]["restricts_pickup_carriers"], "");
    let fields: Vec<&str> = view["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields.len(), 5, "{fields:?}");
    for field in [
        "Restringe frotas em pedidos retira",
        "Limite de crédito pré-aprovado",
        "Juros diários",
        "Multa",
        "Uso do crédito",
    ] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }

    // A stale save is refused and changes nothing.
    let (status, body) = save(&app, &boss, &settings_form(version, "1,00", "1", "never")).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    // Wrong input is named beside its field.
    let (status, body) = save(
        &app,
        &boss,
        &settings_form(version + 1, "abc", "50", "always"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("credit_limit") && body.contains("daily_interest"),
        "{body}"
    );

    let (status, id) = create(
        &app,
        &boss,
        &record_form("1", "legal_entity", "11.222.333/0001-81", "Zanella Ltda"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{id}");
    let (status, body, _) = send(
        &app,
        call(
            "get_sales_defaults",
            &format!("customer_id={id}"),
            Some(&boss),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let tab: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(tab["input"]["daily_interest"], "0,0333");
    assert_eq!(
        tab["company"]["credit_limit"],
        "Vazio: R$ 5.000,00 (pré-aprovado da empresa)."
    );
    assert_eq!(tab["company"]["credit_use"], "Sempre utilizar");

    // R-COMPANY-3: company 2's settings are untouched, and its own to change.
    let switch = format!("company_id={}", created.companies[&2]);
    assert_eq!(
        send(&app, call("switch_company", &switch, Some(&boss)))
            .await
            .0,
        StatusCode::OK
    );
    let (_, view) = get(&app, &boss).await;
    assert_eq!(view["company"], "2 - Filial");
    assert_eq!(view["input"]["credit_limit"], "");
    assert_eq!(view["history"].as_array().unwrap().len(), 0);
}

/// R-ADV-1: the settings screen says whether the company works with advances, with the two
/// history codes; without them the switch is refused beside each, and a change is recorded.
#[sqlx::test(migrations = "../migrations")]
async fn r_adv_1_advances_are_switched_on_with_both_history_codes(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let (_, view) = get(&app, &boss).await;
    assert_eq!(view["input"]["advances_enabled"], "");
    let version = view["version"].as_i64().unwrap();
    let with = |entry: &str, refund: &str| {
        format!(
            "{}&{}&{}&{}",
            settings_form(version, "", "", "always"),
            "input%5Badvances_enabled%5D=on",
            format_args!("input%5Badvance_entry_history_code%5D={entry}"),
            format_args!("input%5Badvance_refund_history_code%5D={refund}"),
        )
    };
    let (status, body) = save(&app, &boss, &with("", "")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("advance_entry_history_code") && body.contains("advance_refund_history_code"),
        "{body}"
    );
    let (status, body) = save(&app, &boss, &with("adt", "DEV")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, view) = get(&app, &boss).await;
    assert_eq!(view["input"]["advances_enabled"], "on");
    assert_eq!(view["input"]["advance_entry_history_code"], "ADT");
    let stored: (bool, String) = sqlx::query_as(
        "select advances_enabled, advance_refund_history_code from company_sales_settings s
         join companies c on c.tenant_id = s.tenant_id and c.id = s.company_id where c.code = 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(stored, (true, "DEV".to_string()));
    let history = view["history"].to_string();
    assert!(
        history.contains("Trabalha com adiantamentos de clientes"),
        "{history}"
    );
    assert!(
        history.contains("Histórico de entrada de adiantamento"),
        "{history}"
    );
}
