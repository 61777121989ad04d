mod common;

use axum::http::{header, StatusCode};
use common::*;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn right_password_opens_a_session_with_an_http_only_lax_cookie(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let form = format!(
        "email={}&password={}",
        urlencode("boss@alpha.test"),
        urlencode(PASSWORD)
    );
    let (status, _, response) = send(&app, call("sign_in", &form, None)).await;
    assert_eq!(status, StatusCode::OK);
    let set_cookie = response
        .headers()
        .get(header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");

    let cookie = session_cookie(&response).unwrap();
    let (status, session) = session_json(&app, &cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(session["user_name"], "Chefe");
    assert_eq!(session["email"], "boss@alpha.test");

    // Only a hash of the token is stored.
    let token = cookie.split_once('.').unwrap().1;
    let stored: i64 = sqlx::query_scalar(
        "select count(*) from sessions where token_hash = convert_to($1, 'UTF8')",
    )
    .bind(token)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(stored, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn wrong_password_or_unknown_email_is_refused_and_opens_no_session(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    for form in [
        format!("email={}&password=errada", urlencode("boss@alpha.test")),
        format!(
            "email={}&password={}",
            urlencode("ninguem@alpha.test"),
            urlencode(PASSWORD)
        ),
    ] {
        let (status, body, response) = send(&app, call("sign_in", &form, None)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
        assert!(body.contains("BadCredentials"), "{body}");
        assert!(session_cookie(&response).is_none());
    }
    let sessions: i64 = sqlx::query_scalar("select count(*) from sessions")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(sessions, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn empty_email_gets_a_message_for_that_field(pool: PgPool) {
    let app = app(&pool);
    let (status, body, _) = send(&app, call("sign_in", "email=&password=x", None)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("\"field\":\"email\""), "{body}");
    assert!(body.contains("Informe o e-mail."), "{body}");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_burst_of_failed_sign_ins_from_one_address_is_answered_429(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let attacker = app_from(&pool, [203, 0, 113, 9]);
    let wrong = format!("email={}&password=chute", urlencode("boss@alpha.test"));
    for attempt in 1..=5 {
        let (status, _, _) = send(&attacker, call("sign_in", &wrong, None)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "attempt {attempt}");
    }
    // Even the right password is not checked while the door is closed.
    let right = format!(
        "email={}&password={}",
        urlencode("boss@alpha.test"),
        urlencode(PASSWORD)
    );
    let (status, _, response) = send(&attacker, call("sign_in", &right, None)).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let retry_after: i64 = response.headers()[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry_after > 0);
    assert!(session_cookie(&response).is_none());

    // Another address is not affected.
    let colleague = app_from(&pool, [198, 51, 100, 7]);
    sign_in(&colleague, "boss@alpha.test").await;
}

#[sqlx::test(migrations = "../migrations")]
async fn a_successful_sign_in_clears_the_address_failures(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let wrong = format!("email={}&password=chute", urlencode("boss@alpha.test"));
    for _ in 0..4 {
        send(&app, call("sign_in", &wrong, None)).await;
    }
    sign_in(&app, "boss@alpha.test").await;
    for _ in 0..4 {
        let (status, _, _) = send(&app, call("sign_in", &wrong, None)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
}
