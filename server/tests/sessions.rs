mod common;

use axum::http::StatusCode;
use common::*;
use serde_json::Value;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn an_expired_session_is_refused(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    sqlx::query("update sessions set expires_at = now() - interval '1 second'")
        .execute(&pool)
        .await
        .unwrap();

    let (status, session) = session_json(&app, &cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(session, Value::Null, "an expired session is nobody");
    let (status, _, _) = send(&app, call("switch_company", "company_id=1", Some(&cookie))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let left: i64 = sqlx::query_scalar("select count(*) from sessions")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(left, 0, "the expired session is removed");
}

#[sqlx::test(migrations = "../migrations")]
async fn sign_out_ends_the_session_on_the_server(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    let (status, _, response) = send(&app, call("sign_out", "", Some(&cookie))).await;
    assert_eq!(status, StatusCode::OK);
    let cleared = response
        .headers()
        .get(axum::http::header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap();
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
    // The old cookie no longer works even if the browser kept it.
    let (_, session) = session_json(&app, &cookie).await;
    assert_eq!(session, Value::Null);
}

#[sqlx::test(migrations = "../migrations")]
async fn switching_to_a_company_on_the_list_changes_where_the_user_acts(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    let (_, session) = session_json(&app, &cookie).await;
    assert_eq!(session["current_company_id"], alpha.companies[&1]);
    assert_eq!(session["companies"].as_array().unwrap().len(), 2);

    let form = format!("company_id={}", alpha.companies[&2]);
    let (status, _, _) = send(&app, call("switch_company", &form, Some(&cookie))).await;
    assert_eq!(status, StatusCode::OK);
    let (_, session) = session_json(&app, &cookie).await;
    assert_eq!(session["current_company_id"], alpha.companies[&2]);
}

#[sqlx::test(migrations = "../migrations")]
async fn r_company_3_a_company_not_on_the_users_list_is_refused(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let cookie = sign_in(&app, "clerk@alpha.test").await;

    let form = format!("company_id={}", alpha.companies[&2]);
    let (status, body, _) = send(&app, call("switch_company", &form, Some(&cookie))).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (_, session) = session_json(&app, &cookie).await;
    assert_eq!(
        session["current_company_id"], alpha.companies[&1],
        "nothing changed"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn r_company_3_a_session_whose_company_left_the_list_is_refused(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let cookie = sign_in(&app, "clerk@alpha.test").await;
    sqlx::query("delete from user_companies where tenant_id = $1 and company_id = $2")
        .bind(alpha.tenant_id)
        .bind(alpha.companies[&1])
        .execute(&pool)
        .await
        .unwrap();
    let (status, _) = session_json(&app, &cookie).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[sqlx::test(migrations = "../migrations")]
async fn r_perm_1_the_session_carries_exactly_the_profile_permissions(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let cookie = sign_in(&app, "clerk@alpha.test").await;
    let (_, session) = session_json(&app, &cookie).await;
    let permissions: Vec<&str> = session["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(
        permissions,
        vec!["IncludeCustomer", "AlterCustomer", "MaintainTables"]
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn sign_out_deletes_the_session_even_when_the_caller_is_refused(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let cookie = sign_in(&app, "clerk@alpha.test").await;
    // The session's company leaves the user's list: every call of this session is refused…
    sqlx::query("delete from user_companies where tenant_id = $1 and company_id = $2")
        .bind(alpha.tenant_id)
        .bind(alpha.companies[&1])
        .execute(&pool)
        .await
        .unwrap();
    let (status, _) = session_json(&app, &cookie).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // …but signing out still ends it on the server.
    let (status, _, response) = send(&app, call("sign_out", "", Some(&cookie))).await;
    assert_eq!(status, StatusCode::OK);
    let cleared = response
        .headers()
        .get(axum::http::header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap();
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
    let left: i64 = sqlx::query_scalar("select count(*) from sessions")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(left, 0, "the refused caller's session row is gone");
}

#[sqlx::test(migrations = "../migrations")]
async fn the_purge_deletes_expired_sessions_and_attempts_older_than_the_window_only(pool: PgPool) {
    use app::server::purge::{purge_once, Purged};

    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let live = sign_in(&app, "boss@alpha.test").await;
    sign_in(&app, "clerk@alpha.test").await;
    sign_in(&app, "viewer@alpha.test").await;
    sqlx::query(
        "update sessions set expires_at = now() - interval '1 second'
         where user_id in (select id from users where email <> 'boss@alpha.test')",
    )
    .execute(&pool)
    .await
    .unwrap();
    let window_secs = rules::sign_in::ThrottlePolicy::default().window_secs;
    sqlx::query(
        "insert into sign_in_attempts (address, account, started_at, failed) values
             ('203.0.113.9', 'boss@alpha.test', now() - make_interval(secs => $1 + 1), true),
             ('203.0.113.9', 'boss@alpha.test', now() - make_interval(secs => $1 + 60), false),
             ('203.0.113.9', 'boss@alpha.test', now() - make_interval(secs => $1 - 60), true)",
    )
    .bind(window_secs as f64)
    .execute(&pool)
    .await
    .unwrap();

    let purged = purge_once(&pool, window_secs).await.unwrap();
    assert_eq!(
        purged,
        Purged {
            sessions: 2,
            attempts: 2
        }
    );
    let attempts_left: i64 = sqlx::query_scalar("select count(*) from sign_in_attempts")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        attempts_left, 1,
        "the failure inside the window still counts"
    );
    let (_, session) = session_json(&app, &live).await;
    assert_eq!(session["email"], "boss@alpha.test", "a live session stays");

    // A second pass (another server process, the next tick) finds nothing more to do.
    assert_eq!(
        purge_once(&pool, window_secs).await.unwrap(),
        Purged::default()
    );
}
