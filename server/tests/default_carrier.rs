//! The customer's carrier (seed 003, "Transportadora") and the company's (R-SALES-1): one entry
//! of the carriers and drivers table, chosen on the sales tab, checked to be a carrier of the
//! company, recorded, given to new customers by the company's settings, changed in bulk, and
//! keeping its entry from being deleted while chosen.

mod bulk_world;
mod common;
mod record_forms;
mod sales_forms;
mod table_forms;

use axum::http::StatusCode;
use bulk_world::*;
use common::*;
use sales_forms::*;
use sqlx::PgPool;
use table_forms::*;

async fn carrier(app: &axum::Router, cookie: &str, code: &str, cnpj: &str) -> i64 {
    let (status, body) = save_entry(
        app,
        cookie,
        "carrier",
        &[
            ("input[code]", code),
            ("input[description]", "Transportes Zanella"),
            ("terms[carrier_kind]", "carrier"),
            ("terms[document]", cnpj),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    rows(app, cookie, "carrier")
        .await
        .iter()
        .find(|r| r["code"] == code)
        .and_then(|r| r["id"].as_i64())
        .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn r_sales_1_the_customers_carrier_is_a_carrier_of_the_company_recorded_and_kept_from_deletion(
    pool: PgPool,
) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let zanella = carrier(&app, &boss, "ZANELLA", "11.222.333/0001-81").await;
    let (status, body) = save_entry(
        &app,
        &boss,
        "billing_type",
        &[("input[code]", "BOL"), ("input[description]", "Boleto")],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let boleto = rows(&app, &boss, "billing_type").await[0]["id"]
        .as_i64()
        .unwrap();
    let customer = new_customer(&app, &boss).await;

    // An entry of another table is no carrier: refused beside the field, nothing saved.
    let (version, mut input, _) = open_tab(&app, &boss, customer).await;
    input.tables.insert("carrier".into(), boleto.to_string());
    let (status, body) = save_tab(&app, &boss, customer, version, &input).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("tables.carrier"), "{body}");

    input.tables.insert("carrier".into(), zanella.to_string());
    let (status, body) = save_tab(&app, &boss, customer, version, &input).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, reopened, _) = open_tab(&app, &boss, customer).await;
    assert_eq!(reopened.tables["carrier"], zanella.to_string());
    let history = sales_history(&pool, customer).await;
    assert!(
        history.contains(&(
            "Transportadora".to_string(),
            String::new(),
            "ZANELLA - Transportes Zanella".to_string()
        )),
        "{history:?}"
    );

    // Chosen by a customer: the carrier stays.
    let (status, body) = delete_entry(&app, &boss, "carrier", zanella).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
}

#[sqlx::test(migrations = "../migrations")]
async fn r_sales_1_a_new_customer_starts_with_the_companys_carrier(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let zanella = carrier(&app, &boss, "ZANELLA", "11.222.333/0001-81").await;
    let (status, body, _) = send(&app, call("get_company_settings", "", Some(&boss))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let view: serde_json::Value = serde_json::from_str(&body).unwrap();
    let version = view["version"].as_i64().unwrap().to_string();
    let carrier_id = zanella.to_string();
    let form = encode(&[
        ("version", &version),
        ("input[late_fee]", "2"),
        ("input[credit_use]", "always"),
        ("input[credit_order]", "ascending"),
        ("input[tables][carrier]", &carrier_id),
    ]);
    let (status, body, _) = send(&app, call("save_company_settings", &form, Some(&boss))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, view, _) = send(&app, call("get_company_settings", "", Some(&boss))).await;
    assert!(view.contains("Transportadora"), "recorded: {view}");

    let customer = new_customer(&app, &boss).await;
    let (_, input, _) = open_tab(&app, &boss, customer).await;
    assert_eq!(input.tables["carrier"], carrier_id);

    // The company's carrier stays while the company names it: asked as the delete dialog
    // opens, the server says so before the user confirms, and a free carrier may go.
    let ask = |id: i64| {
        call(
            "check_lookup_deletion",
            &format!("kind=carrier&id={id}"),
            Some(&boss),
        )
    };
    let (status, body, _) = send(&app, ask(zanella)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("é o padrão para clientes novos"), "{body}");
    let free = carrier(&app, &boss, "LIVRE", "11.444.777/0001-61").await;
    let (status, body, _) = send(&app, ask(free)).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "null"));
    let (status, _, _) = send(&app, ask(free + 1_000)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, body) = delete_entry(&app, &boss, "carrier", zanella).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(
        body.contains("1 cliente usa este registro, e ele é o padrão para clientes novos nas configurações da empresa."),
        "{body}"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn r_bulk_3_the_carrier_in_bulk_is_stored_and_recorded_as_the_tab_does(pool: PgPool) {
    let w = world(&pool).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let rodosul = lookup_entry(&pool, w.tenant_id, w.company_id, "carrier", "RODOSUL").await;
    sqlx::query(
        "insert into customer_sales_defaults (tenant_id, company_id, customer_id)
         select tenant_id, $2, id from customers where tenant_id = $1",
    )
    .bind(w.tenant_id)
    .bind(w.company_id)
    .execute(&pool)
    .await
    .unwrap();
    let form = format!(
        "{}{}",
        filter_part(w.north),
        change_part(0, "carrier", &rodosul.to_string(), ""),
    );
    let (status, preview, applied) = preview_then_apply(&app, &boss, &form, false).await;
    assert_eq!(status, StatusCode::OK, "{preview} {applied}");
    assert_eq!(
        preview["changing"],
        serde_json::json!([["Transportadora", 4]])
    );
    let carriers: Vec<(i64, Option<i64>)> = sqlx::query_as(
        "select c.code, d.carrier_id from customer_sales_defaults d
         join customers c on c.tenant_id = d.tenant_id and c.id = d.customer_id
         where d.tenant_id = $1 order by c.code",
    )
    .bind(w.tenant_id)
    .fetch_all(&pool)
    .await
    .unwrap();
    let with_rodosul: Vec<i64> = carriers
        .iter()
        .filter(|(_, carrier)| *carrier == Some(rodosul))
        .map(|(code, _)| *code)
        .collect();
    assert_eq!(with_rodosul, vec![1, 2, 3, 4], "{carriers:?}");
    let one: i64 = sqlx::query_scalar("select id from customers where tenant_id = $1 and code = 1")
        .bind(w.tenant_id)
        .fetch_one(&pool)
        .await
        .unwrap();
    let history = sales_history(&pool, one).await;
    assert!(
        history
            .iter()
            .any(|(field, old, new)| field == "Transportadora"
                && old.is_empty()
                && new.starts_with("RODOSUL")),
        "{history:?}"
    );
}
