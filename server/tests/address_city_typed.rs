//! A city typed in the address form and not picked from the list (R-CUST-4).
mod address_forms;
mod common;

use address_forms::*;
use axum::http::StatusCode;
use common::*;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn r_cust_4_a_city_typed_not_picked_is_the_one_of_that_name_or_the_one_in_the_ceps_state(
    pool: PgPool,
) {
    let alpha = tenant(&pool, "alpha").await;
    let id = customer(&pool, alpha.tenant_id).await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let stored_cities = || async {
        sqlx::query_scalar::<_, String>(
            "select ci.identification from customer_addresses a join cities ci on ci.id = a.city_id
             order by a.id",
        )
        .fetch_all(&pool)
        .await
        .unwrap()
    };

    // The only São José.
    let typed = Address {
        cep: "88101-000",
        city: "são josé",
        ..delivery("Rua A", false)
    };
    let (status, body) = post(
        &app,
        &clerk,
        "save_address",
        &address_form(id, None, &typed),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(stored_cities().await, ["SAO JOSE - SC"]);

    // Bom Jesus is in several states: the CEP's tells which, or the user is told which there are.
    let in_rs = Address {
        cep: "95290-000",
        city: "Bom Jesus",
        ..delivery("Rua B", false)
    };
    let (status, body) = post(
        &app,
        &clerk,
        "save_address",
        &address_form(id, None, &in_rs),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(stored_cities().await, ["SAO JOSE - SC", "BOM JESUS - RS"]);
    let in_sp = Address {
        cep: "01001-000",
        city: "Bom Jesus",
        ..delivery("Rua C", false)
    };
    let (status, error) = post(
        &app,
        &clerk,
        "save_address",
        &address_form(id, None, &in_sp),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error["Invalid"][0]["field"], "city");
    let message = error["Invalid"][0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("Há ") && message.contains("BOM JESUS - RS, BOM JESUS - SC"),
        "{message}"
    );

    // The only São José, with a CEP of another state: one of the two is a typo.
    let elsewhere = Address {
        cep: "01001-000",
        city: "São José",
        ..delivery("Rua D", false)
    };
    let (status, error) = post(
        &app,
        &clerk,
        "save_address",
        &address_form(id, None, &elsewhere),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error["Invalid"][0]["field"], "cep");
    assert_eq!(stored_cities().await.len(), 2);
}
