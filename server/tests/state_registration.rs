//! Issue 11: the customer's inscrição estadual is checked with the check digits of the state of
//! its main address when the record is saved; a refused IE is named beside its field and
//! nothing is written.

mod common;
mod record_forms;

use axum::http::StatusCode;
use common::*;
use record_forms::*;
use sqlx::PgPool;

/// The record form of customer `id` at `version`, its IE as typed.
fn edit_with_ie(id: i64, version: i32, ie: &str) -> String {
    format!(
        "id={id}&version={version}&{}",
        record_form("1", "legal_entity", "11.222.333/0001-81", "Zanella Ltda")
            .replace("ISENTO", &urlencode(ie))
    )
}

async fn stored_ie(pool: &PgPool, id: i64) -> (Option<String>, i32) {
    sqlx::query_as("select state_registration, version from customers where id = $1")
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn the_ie_is_checked_with_the_digits_of_the_main_address_state(pool: PgPool) {
    tenant(&pool, "alpha").await;
    server::cities::ensure_loaded(&pool).await.unwrap();
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let (status, id) = create(
        &app,
        &clerk,
        &record_form("1", "legal_entity", "11.222.333/0001-81", "Zanella Ltda"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{id}");
    let id = id.as_i64().unwrap();

    // No address yet: only the generic shape is checked (a 10-digit number passes).
    let (status, body) = create(&app, &clerk, &edit_with_ie(id, 1, "224/3658792")).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // Main address in Santa Catarina: SC's check digit decides.
    let address = [
        ("customer_id", id.to_string()),
        ("input[role]", "main".into()),
        ("input[cep]", "88010-000".into()),
        ("input[street]", "Rua Felipe Schmidt".into()),
        ("input[number]", "120".into()),
        ("input[complement]", String::new()),
        ("input[district]", "Centro".into()),
        ("input[city]", "FLORIANOPOLIS - SC".into()),
        ("input[preferred]", "on".into()),
    ]
    .iter()
    .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
    .collect::<Vec<_>>()
    .join("&");
    let (status, body, _) = send(&app, call("save_address", &address, Some(&clerk))).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // The RS number saved before is no SC number: the next save of the record is refused
    // beside the field, and so is an SC number with one digit changed; nothing is written.
    for typed in ["224/3658792", "251.040.853"] {
        let (status, body) = create(&app, &clerk, &edit_with_ie(id, 2, typed)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{typed}: {body}");
        assert_eq!(body["Invalid"][0]["field"], "state_registration", "{body}");
        let message = body["Invalid"][0]["message"].as_str().unwrap();
        assert!(message.starts_with("Inscrição estadual"), "{message}");
        assert!(message.contains("SC"), "{message}");
        assert_eq!(
            stored_ie(&pool, id).await,
            (Some("2243658792".to_string()), 2)
        );
    }

    // A valid SC number, typed with its mask, is stored as digits; ISENTO passes everywhere.
    let (status, body) = create(&app, &clerk, &edit_with_ie(id, 2, "251.040.852")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        stored_ie(&pool, id).await,
        (Some("251040852".to_string()), 3)
    );
    // The form shows it with SC's punctuation, and saving it as shown changes nothing.
    let (status, record, _) = send(
        &app,
        call("get_customer", &format!("id={id}"), Some(&clerk)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{record}");
    let record: serde_json::Value = serde_json::from_str(&record).unwrap();
    assert_eq!(record["input"]["state_registration"], "251.040.852");
    let (status, body) = create(&app, &clerk, &edit_with_ie(id, 3, "251.040.852")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        stored_ie(&pool, id).await,
        (Some("251040852".to_string()), 3)
    );
    let (status, body) = create(&app, &clerk, &edit_with_ie(id, 3, "isento")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(stored_ie(&pool, id).await, (Some("ISENTO".to_string()), 4));
}
