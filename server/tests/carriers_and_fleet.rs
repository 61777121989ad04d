//! Carriers and drivers, and fleet vehicles (issue 11, R-SALES-10): the tables with their
//! documents and plates under Tabelas, and the ones a customer's pickup orders may use, each
//! set under its own permission (R-PERM-1).

mod common;
mod record_forms;
mod sales_forms;
mod table_forms;

use axum::http::StatusCode;
use common::*;
use sales_forms::*;
use sqlx::PgPool;
use table_forms::*;

#[sqlx::test(migrations = "../migrations")]
async fn r_sales_10_carriers_keep_their_cnpj_or_cpf_and_vehicles_their_plate(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let carrier = |code: &'static str, kind: &'static str, document: &'static str| {
        vec![
            ("input[code]", code),
            ("input[description]", "Transportes Zanella"),
            ("terms[carrier_kind]", kind),
            ("terms[document]", document),
        ]
    };
    // A driver needs a CPF; a CNPJ typed for one is refused beside the field.
    let (status, body) = save_entry(
        &app,
        &boss,
        "carrier",
        &carrier("JOAO", "driver", "11.222.333/0001-81"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body.contains("terms[document]") && body.contains("CPF inválido"),
        "{body}"
    );
    let (status, body) = save_entry(
        &app,
        &boss,
        "carrier",
        &carrier("JOAO", "driver", "529.982.247-25"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = save_entry(
        &app,
        &boss,
        "carrier",
        &carrier("ZANELLA", "carrier", "11.222.333/0001-81"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let listed = rows(&app, &boss, "carrier").await;
    assert_eq!(listed[0]["code"], "JOAO");
    assert_eq!(listed[0]["terms"]["driver"], true);
    assert_eq!(listed[0]["terms"]["document"], "52998224725");
    assert_eq!(listed[1]["terms"]["document"], "11222333000181");

    let vehicle = |plate: &'static str| {
        vec![
            ("input[code]", "CAM01"),
            ("input[description]", "Caminhão baú"),
            ("terms[plate]", plate),
        ]
    };
    let (status, body) = save_entry(&app, &boss, "fleet_vehicle", &vehicle("IAB12")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("terms[plate]"), "{body}");
    let (status, body) = save_entry(&app, &boss, "fleet_vehicle", &vehicle("iab-1c23")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        rows(&app, &boss, "fleet_vehicle").await[0]["terms"]["plate"],
        "IAB1C23"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn r_perm_1_allowed_carriers_and_fleet_each_need_their_own_permission(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let (t, c1) = (alpha.tenant_id, alpha.companies[&1]);
    let carrier = lookup_entry(&pool, t, c1, "carrier", "ZANELLA").await;
    let truck = lookup_entry(&pool, t, c1, "fleet_vehicle", "CAM01").await;
    let customer = new_customer(&app, &boss).await;
    // The clerk may register allowed carriers, not the fleet.
    grant(&pool, t, "Escritório", "customer.allowed_carriers").await;
    let clerk = sign_in(&app, "clerk@alpha.test").await;

    let (version, input, view) = open_tab(&app, &clerk, customer).await;
    let offered: Vec<&str> = view["own"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        offered,
        vec!["price_list", "payment_plan", "carrier", "fleet_vehicle"]
    );
    let (status, body) = save_tab(
        &app,
        &clerk,
        customer,
        version,
        &with_set(input.clone(), "fleet_vehicle", &[truck]),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, body) = save_tab(
        &app,
        &clerk,
        customer,
        version,
        &with_set(input, "carrier", &[carrier]),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let (version, input, _) = open_tab(&app, &boss, customer).await;
    let (status, body) = save_tab(
        &app,
        &boss,
        customer,
        version,
        &with_set(input, "fleet_vehicle", &[truck]),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let history: Vec<(String, String)> = sales_history(&pool, customer)
        .await
        .into_iter()
        .map(|(field, _, new)| (field, new))
        .collect();
    assert_eq!(
        history,
        vec![
            (
                "Transportadoras e motoristas permitidos (retira)".to_string(),
                "ZANELLA - ZANELLA desc".to_string()
            ),
            (
                "Frota permitida (retira)".to_string(),
                "CAM01 - CAM01 desc".to_string()
            ),
        ]
    );
    // In use: not deleted.
    let (status, body) = delete_entry(&app, &boss, "carrier", carrier).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
}
