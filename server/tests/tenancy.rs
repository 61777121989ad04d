mod common;

use axum::http::StatusCode;
use common::*;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn tenant_a_never_sees_tenant_b_rows(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let beta = tenant(&pool, "beta").await;
    let app = app(&pool);

    let cookie = sign_in(&app, "boss@alpha.test").await;
    let (_, session) = session_json(&app, &cookie).await;
    let seen: Vec<i64> = session["companies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert_eq!(seen, vec![alpha.companies[&1], alpha.companies[&2]]);
    for beta_company in beta.companies.values() {
        assert!(!seen.contains(beta_company));
        let form = format!("company_id={beta_company}");
        let (status, _, _) = send(&app, call("switch_company", &form, Some(&cookie))).await;
        assert_eq!(
            status,
            StatusCode::FORBIDDEN,
            "company {beta_company} of another tenant"
        );
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_cookie_naming_another_tenant_is_nobody(pool: PgPool) {
    let _alpha = tenant(&pool, "alpha").await;
    let beta = tenant(&pool, "beta").await;
    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    // Same token, other tenant in the cookie: the session is looked up by (tenant, token).
    let token = cookie.split_once('.').unwrap().1;
    let forged = format!("clientela_session={}.{}", beta.tenant_id, token);
    let (status, session) = session_json(&app, &forged).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(session, serde_json::Value::Null);
}
