mod common;

use axum::http::{header, StatusCode};
use axum::Router;
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

fn wrong_password(email: &str) -> String {
    format!("email={}&password=chute", urlencode(email))
}

fn right_password(email: &str) -> String {
    format!(
        "email={}&password={}",
        urlencode(email),
        urlencode(PASSWORD)
    )
}

async fn status_of(app: &Router, form: &str) -> StatusCode {
    send(app, call("sign_in", form, None)).await.0
}

/// Failed attempts recorded for an account: each one is a password check that ran.
async fn failures_of(pool: &PgPool, account: &str) -> i64 {
    sqlx::query_scalar("select count(*) from sign_in_attempts where account = $1 and failed")
        .bind(account)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// Sends every form at once, each from its own client, and returns the statuses.
async fn all_at_once(clients: Vec<(Router, String)>) -> Vec<StatusCode> {
    let mut running = tokio::task::JoinSet::new();
    for (app, form) in clients {
        running.spawn(async move { status_of(&app, &form).await });
    }
    running.join_all().await
}

fn count(statuses: &[StatusCode], wanted: StatusCode) -> usize {
    statuses.iter().filter(|s| **s == wanted).count()
}

#[sqlx::test(migrations = "../migrations")]
async fn thirty_concurrent_wrong_sign_ins_reach_the_password_check_at_most_the_allowed_times(
    pool: PgPool,
) {
    tenant(&pool, "alpha").await;
    let policy = rules::sign_in::ThrottlePolicy::default();
    let context = context_for(&pool, Default::default());

    // From one address on one account: the pair's limit holds.
    let attacker = app_with(context.clone(), [203, 0, 113, 9]);
    let clients = (0..30)
        .map(|_| (attacker.clone(), wrong_password("boss@alpha.test")))
        .collect();
    let statuses = all_at_once(clients).await;
    let checked = failures_of(&pool, "boss@alpha.test").await;
    assert_eq!(
        checked,
        i64::from(policy.per_address_account),
        "{statuses:?}"
    );
    assert_eq!(count(&statuses, StatusCode::UNAUTHORIZED), checked as usize);
    assert_eq!(
        count(&statuses, StatusCode::TOO_MANY_REQUESTS),
        30 - checked as usize
    );

    // From thirty addresses at once, on another account: the account limit holds.
    let clients = (0..30)
        .map(|i| {
            let app = app_with(context.clone(), [198, 51, 100, 10 + i]);
            (app, wrong_password("CLERK@alpha.test "))
        })
        .collect();
    let statuses = all_at_once(clients).await;
    let checked = failures_of(&pool, "clerk@alpha.test").await;
    assert_eq!(checked, i64::from(policy.per_account), "{statuses:?}");
    assert_eq!(count(&statuses, StatusCode::UNAUTHORIZED), checked as usize);
    assert_eq!(
        count(&statuses, StatusCode::TOO_MANY_REQUESTS),
        30 - checked as usize
    );

    // Nothing is left half done: every attempt that passed the gate was recorded.
    let running: i64 = sqlx::query_scalar("select count(*) from sign_in_attempts where not failed")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(running, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn alternating_good_and_bad_sign_ins_do_not_reset_another_accounts_counter(pool: PgPool) {
    // The bypass this closes: a user with one valid account guessed another's password
    // forever, signing in to their own account between guesses to wipe the address's count.
    tenant(&pool, "alpha").await;
    let policy = rules::sign_in::ThrottlePolicy::default();
    let app = app_from(&pool, [203, 0, 113, 9]);
    for guess in 1..=policy.per_address_account {
        sign_in(&app, "clerk@alpha.test").await;
        let status = status_of(&app, &wrong_password("boss@alpha.test")).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "guess {guess}");
    }
    assert_eq!(
        failures_of(&pool, "boss@alpha.test").await,
        i64::from(policy.per_address_account)
    );
    let status = status_of(&app, &wrong_password("boss@alpha.test")).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    // Even the right password of the other account is not checked now.
    let status = status_of(&app, &right_password("boss@alpha.test")).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        failures_of(&pool, "boss@alpha.test").await,
        i64::from(policy.per_address_account)
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn one_person_mistyping_in_an_office_does_not_lock_out_colleagues_behind_the_same_address(
    pool: PgPool,
) {
    tenant(&pool, "alpha").await;
    let policy = rules::sign_in::ThrottlePolicy::default();
    let office = app_from(&pool, [203, 0, 113, 20]);
    for attempt in 1..=policy.per_address_account {
        let status = status_of(&office, &wrong_password("boss@alpha.test")).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "attempt {attempt}");
    }
    // The one who mistyped waits; the colleague at the next desk signs in.
    let status = status_of(&office, &right_password("boss@alpha.test")).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    sign_in(&office, "clerk@alpha.test").await;

    // One machine guessing many accounts still meets the address's own limit.
    let sprayer = app_from(&pool, [203, 0, 113, 21]);
    for n in 0..policy.per_address {
        let status = status_of(&sprayer, &wrong_password(&format!("guess{n}@alpha.test"))).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "guess {n}");
    }
    let status = status_of(&sprayer, &right_password("clerk@alpha.test")).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_successful_sign_in_clears_only_that_accounts_failures_from_that_address(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app_from(&pool, [10, 0, 0, 1]);
    let elsewhere = app_from(&pool, [10, 0, 0, 2]);
    for _ in 0..2 {
        status_of(&app, &wrong_password("boss@alpha.test")).await;
        status_of(&app, &wrong_password("clerk@alpha.test")).await;
    }
    status_of(&elsewhere, &wrong_password("boss@alpha.test")).await;

    // A mistyped password forgiven: the user's own failures from here go.
    sign_in(&app, "boss@alpha.test").await;
    let left: Vec<(String, String)> = sqlx::query_as(
        "select address, account from sign_in_attempts where failed order by address, account",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        left,
        vec![
            ("10.0.0.1".to_string(), "clerk@alpha.test".to_string()),
            ("10.0.0.1".to_string(), "clerk@alpha.test".to_string()),
            ("10.0.0.2".to_string(), "boss@alpha.test".to_string()),
        ]
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_burst_on_one_account_from_many_addresses_closes_that_account_only(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let policy = rules::sign_in::ThrottlePolicy::default();
    let context = context_for(&pool, Default::default());
    for i in 0..policy.per_account {
        let app = app_with(context.clone(), [198, 51, 100, i as u8]);
        let status = status_of(&app, &wrong_password("boss@alpha.test")).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "attempt {i}");
    }
    // The owner, from an address that never failed, must wait too: the account is closed.
    let owner = app_with(context.clone(), [192, 0, 2, 1]);
    let (status, _, response) = send(
        &owner,
        call("sign_in", &right_password("Boss@Alpha.test"), None),
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().contains_key(header::RETRY_AFTER));
    // Other accounts are not affected.
    sign_in(&owner, "clerk@alpha.test").await;
}

#[sqlx::test(migrations = "../migrations")]
async fn password_checks_beyond_the_cap_are_answered_503_at_once_and_not_counted(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let context = context_for(&pool, Default::default());
    let checks = context.password_checks.clone();
    let app = app_with(context, [10, 0, 0, 1]);
    let taken: Vec<_> = (0..checks.limit())
        .map(|_| checks.try_acquire().expect("a free place"))
        .collect();

    let (status, body, response) = send(
        &app,
        call("sign_in", &right_password("boss@alpha.test"), None),
    )
    .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert!(body.contains("Busy"), "{body}");
    assert!(session_cookie(&response).is_none());
    let attempts: i64 = sqlx::query_scalar("select count(*) from sign_in_attempts")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(attempts, 0, "a check that did not run does not count");

    drop(taken);
    sign_in(&app, "boss@alpha.test").await;
}

#[sqlx::test(migrations = "../migrations")]
async fn an_email_longer_than_any_address_is_refused_before_the_throttle(pool: PgPool) {
    let app = app(&pool);
    let email = format!("{}@alpha.test", "a".repeat(300));
    let (status, body, _) = send(&app, call("sign_in", &wrong_password(&email), None)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("\"field\":\"email\""), "{body}");
    let attempts: i64 = sqlx::query_scalar("select count(*) from sign_in_attempts")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(attempts, 0);
}
