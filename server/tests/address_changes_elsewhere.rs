//! What an address saved by someone else, or in another state, tells the user: an address
//! deleted meanwhile is said to be so, and an IE the new main address's state refuses is said
//! on opening the record.
mod address_forms;
mod common;

use address_forms::*;
use axum::http::StatusCode;
use common::*;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn an_address_deleted_meanwhile_is_said_to_be_deleted_by_someone_else(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let id = customer(&pool, alpha.tenant_id).await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let boss = sign_in(&app, "boss@alpha.test").await;
    let (_, address_id) = post(
        &app,
        &clerk,
        "save_address",
        &address_form(id, None, &delivery("Rua A", false)),
    )
    .await;
    let address_id = address_id.as_i64().unwrap();
    let delete = format!("customer_id={id}&address_id={address_id}&version=1");
    assert_eq!(
        post(&app, &boss, "delete_address", &delete).await.0,
        StatusCode::OK
    );
    let said = "Este endereço foi excluído por outro usuário depois que você o abriu. \
                Recarregue a página para ver os endereços atuais; nada foi gravado.";
    // The clerk, with the page opened before, deletes it too, or saves it.
    let (status, error) = post(&app, &clerk, "delete_address", &delete).await;
    assert_eq!(status, StatusCode::CONFLICT, "{error}");
    assert_eq!(error["Conflict"], said);
    let (status, error) = post(
        &app,
        &clerk,
        "save_address",
        &address_form(id, Some((address_id, 1)), &delivery("Rua B", false)),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{error}");
    assert_eq!(error["Conflict"], said);
    let left: i64 = sqlx::query_scalar("select count(*) from customer_addresses")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(left, 0, "nothing was saved");
}

#[sqlx::test(migrations = "../migrations")]
async fn an_ie_the_new_main_address_state_refuses_is_said_on_opening_the_record(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let id = customer(&pool, alpha.tenant_id).await;
    // Included with no address, so its IE only had the generic check.
    sqlx::query("update customers set state_registration = '0960012345' where id = $1")
        .bind(id)
        .execute(&pool)
        .await
        .unwrap();
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let warning = |record: &serde_json::Value| record["state_registration_warning"].clone();
    let (status, record) = post(&app, &clerk, "get_customer", &format!("id={id}")).await;
    assert_eq!(status, StatusCode::OK, "{record}");
    assert_eq!(
        warning(&record),
        serde_json::Value::Null,
        "no state to check it against yet"
    );

    let joinville = Address {
        role: "main",
        cep: "89201-000",
        street: "Rua do Príncipe",
        city: "joinville - sc",
        preferred: true,
    };
    let (status, saved) = post(
        &app,
        &clerk,
        "save_address",
        &address_form(id, None, &joinville),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let (_, record) = post(&app, &clerk, "get_customer", &format!("id={id}")).await;
    assert_eq!(
        warning(&record),
        "Inscrição estadual de SC tem 9 dígitos. O endereço principal é em SC: corrija a inscrição."
    );
}
