//! Issue 10: the record's link carries the customer's code (item 13b), our pages get expected
//! refusals without an error status (item 13a), and dates are typed dd/mm/aaaa (item 14).
mod common;
mod record_forms;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::*;
use record_forms::*;
use serde_json::Value;
use sqlx::PgPool;

/// What our pages' server-function client (app/src/api/client.rs) adds to every call.
const PAGES_HEADER: &str = "x-clientela-refusals";
const REFUSAL_STATUS: &str = "x-clientela-refusal";

/// A server-function call as our pages make it, with the header of their client.
fn from_our_pages(endpoint: &str, form: &str, cookie: &str) -> Request<Body> {
    let mut request = call(endpoint, form, Some(cookie));
    request
        .headers_mut()
        .insert(PAGES_HEADER, header::HeaderValue::from_static("1"));
    request
}

fn refusal_status(response: &axum::http::Response<()>) -> Option<&str> {
    response
        .headers()
        .get(REFUSAL_STATUS)
        .and_then(|v| v.to_str().ok())
}

#[sqlx::test(migrations = "../migrations")]
async fn issue_10_item_13_the_record_is_found_by_its_code_within_the_callers_tenant(pool: PgPool) {
    tenant(&pool, "alpha").await;
    tenant(&pool, "beta").await;
    let app = app(&pool);
    let alpha = sign_in(&app, "clerk@alpha.test").await;
    let beta = sign_in(&app, "clerk@beta.test").await;
    // Ids and codes differ on purpose: code 2002 is not id 2002.
    let form = record_form("7", "individual", "52998224725", "Primeiro");
    let (_, first) = create(&app, &alpha, &form).await;
    let form = record_form("2002", "individual", "11144477735", "Posto Serra");
    let (_, alpha_id) = create(&app, &alpha, &form).await;
    let form = record_form("2002", "individual", "52998224725", "Outro Posto");
    let (_, beta_id) = create(&app, &beta, &form).await;
    assert_ne!(first, alpha_id);
    assert_ne!(alpha_id.as_i64(), Some(2002));

    let (status, body, _) = send(
        &app,
        call("find_customer_by_code", "code=2002", Some(&alpha)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let found: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(found, alpha_id);
    let (status, body, _) = send(
        &app,
        call("get_customer", &format!("id={found}"), Some(&alpha)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let record: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(record["input"]["code"], "2002");
    assert_eq!(record["input"]["legal_name"], "Posto Serra");
    // The page's one-request path gives the same record.
    let (status, body, _) = send(
        &app,
        call("get_customer_by_code", "code=2002", Some(&alpha)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(serde_json::from_str::<Value>(&body).unwrap(), record);
    let (status, body, _) =
        send(&app, call("get_customer_by_code", "code=2002", Some(&beta))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let theirs: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(theirs["input"]["legal_name"], "Outro Posto");
    let (status, _, _) = send(&app, call("get_customer_by_code", "code=7", Some(&beta))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = send(&app, call("get_customer_by_code", "code=2002", None)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // The same code in another tenant is that tenant's own customer.
    let (_, body, _) = send(
        &app,
        call("find_customer_by_code", "code=2002", Some(&beta)),
    )
    .await;
    assert_eq!(serde_json::from_str::<Value>(&body).unwrap(), beta_id);
    // A code only the other tenant has is not found, and says nothing of it.
    let (status, _, _) = send(&app, call("find_customer_by_code", "code=7", Some(&beta))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Signed out: refused before anything is looked up.
    let (status, _, _) = send(&app, call("find_customer_by_code", "code=2002", None)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // Not a number: a malformed request.
    let (status, _, _) = send(
        &app,
        call("find_customer_by_code", "code=abc", Some(&alpha)),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[sqlx::test(migrations = "../migrations")]
async fn issue_10_item_13_our_pages_get_an_invalid_save_as_200_with_422_in_a_header_and_nothing_saved(
    pool: PgPool,
) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let form = record_form("1", "individual", "529.982.247-24", "João");

    let (status, body, response) = send(&app, from_our_pages("save_customer", &form, &clerk)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(refusal_status(&response), Some("422"));
    let error: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(error["Invalid"][0]["field"], "document", "{body}");
    assert_eq!(count(&pool, "customers").await, 0);

    // Any other client still gets the status itself, with the same body.
    let (status, other_body, response) =
        send(&app, call("save_customer", &form, Some(&clerk))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refusal_status(&response), None);
    assert_eq!(other_body, body);
}

#[sqlx::test(migrations = "../migrations")]
async fn issue_10_item_13_our_pages_get_a_stale_save_as_200_with_409_in_a_header_and_nothing_overwritten(
    pool: PgPool,
) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let (_, id) = create(
        &app,
        &clerk,
        &record_form("1", "individual", "52998224725", "Maria Silva"),
    )
    .await;
    let id = id.as_i64().unwrap();
    let boss_edit = format!(
        "id={id}&version=1&{}",
        record_form("1", "individual", "52998224725", "Maria Silva Becker")
    );
    let (status, _) = create(&app, &boss, &boss_edit).await;
    assert_eq!(status, StatusCode::OK);

    let clerk_edit = format!(
        "id={id}&version=1&{}",
        record_form("1", "individual", "52998224725", "Maria S.")
    );
    let (status, body, response) =
        send(&app, from_our_pages("save_customer", &clerk_edit, &clerk)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(refusal_status(&response), Some("409"));
    let error: Value = serde_json::from_str(&body).unwrap();
    assert!(
        error["Conflict"]
            .as_str()
            .unwrap()
            .contains("alterado por Chefe"),
        "{body}"
    );
    let name: String = sqlx::query_scalar("select legal_name from customers")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(name, "Maria Silva Becker");
}

#[sqlx::test(migrations = "../migrations")]
async fn issue_10_item_13_from_our_pages_too_malformed_is_400_forbidden_403_and_a_success_has_no_refusal_header(
    pool: PgPool,
) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let viewer = sign_in(&app, "viewer@alpha.test").await;

    // An id that is no number: the request itself is wrong, not the customer.
    let form = record_form("1", "individual", "52998224725", "Maria");
    let malformed = format!("id=abc&version=1&{form}");
    let (status, _, response) =
        send(&app, from_our_pages("save_customer", &malformed, &clerk)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(refusal_status(&response), None);

    let (status, _, response) = send(&app, from_our_pages("save_customer", &form, &viewer)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(refusal_status(&response), None);

    let (status, _, response) = send(&app, from_our_pages("save_customer", &form, &clerk)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(refusal_status(&response), None);
    assert_eq!(count(&pool, "customers").await, 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn issue_10_item_13_our_pages_get_a_session_that_ended_as_200_with_401_in_a_header_and_other_clients_a_401(
    pool: PgPool,
) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let form = record_form("1", "individual", "52998224725", "Maria");
    // Signed out elsewhere: the session is gone, the cookie is still sent.
    sqlx::query("delete from sessions")
        .execute(&pool)
        .await
        .unwrap();

    let (status, body, response) = send(&app, from_our_pages("save_customer", &form, &clerk)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(refusal_status(&response), Some("401"));
    assert_eq!(body, r#""Unauthenticated""#);
    let (status, body, response) = send(&app, call("save_customer", &form, Some(&clerk))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert_eq!(refusal_status(&response), None);
    assert_eq!(count(&pool, "customers").await, 0);
}

fn with_valid_until(form: &str, date: &str) -> String {
    let empty = "input%5Bvalid_until%5D=";
    let rest = form
        .strip_suffix(empty)
        .expect("valid_until is the form's last field");
    format!("{rest}{empty}{}", urlencode(date))
}

#[sqlx::test(migrations = "../migrations")]
async fn issue_10_item_14_a_date_typed_dd_mm_aaaa_is_stored_and_an_impossible_one_refused_beside_its_field(
    pool: PgPool,
) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let base = record_form("1", "individual", "52998224725", "Maria");
    let form = with_valid_until(&base, "31/12/2027");
    assert_ne!(form, base, "the form carries the date");
    let (status, id) = create(&app, &clerk, &form).await;
    assert_eq!(status, StatusCode::OK, "{id}");
    let stored: String =
        sqlx::query_scalar("select valid_until::text from customers where id = $1")
            .bind(id.as_i64().unwrap())
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(stored, "2027-12-31");

    let edit = format!(
        "id={id}&version=1&{}",
        with_valid_until(&base, "31/02/2027")
    );
    let (status, body) = create(&app, &clerk, &edit).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["Invalid"][0]["field"], "valid_until", "{body}");
    assert_eq!(
        body["Invalid"][0]["message"],
        "Data inexistente: confira o dia e o mês."
    );
    let (still, version): (String, i32) =
        sqlx::query_as("select valid_until::text, version from customers where id = $1")
            .bind(id.as_i64().unwrap())
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!((still.as_str(), version), ("2027-12-31", 1));
}
