mod common;

use axum::http::StatusCode;
use common::*;
use sqlx::PgPool;

/// Customer 1, Maria Silva, with no profile yet.
async fn maria(pool: &PgPool, tenant_id: i64) -> i64 {
    sqlx::query_scalar(
        "insert into customers (tenant_id, code, kind, document, legal_name, trade_name)
         values ($1, 1, 'individual', '52998224725', 'Maria Silva', 'Maria Silva') returning id",
    )
    .bind(tenant_id)
    .fetch_one(pool)
    .await
    .unwrap()
}

fn save_form(
    id: i64,
    version: i32,
    salesperson: Option<i64>,
    region: Option<i64>,
    notes: &str,
) -> String {
    let fields = [
        ("id", id.to_string()),
        ("version", version.to_string()),
        ("input[code]", "1".into()),
        ("input[kind]", "individual".into()),
        ("input[document]", "52998224725".into()),
        ("input[state_registration]", "".into()),
        ("input[legal_name]", "Maria Silva".into()),
        ("input[trade_name]", "".into()),
        ("input[status]", "active".into()),
        ("input[email]", "".into()),
        ("input[phone]", "".into()),
        ("input[valid_until]", "".into()),
        ("profile[customer_group]", "".into()),
        ("profile[activity_branch]", "".into()),
        (
            "profile[region]",
            region.map(|r| r.to_string()).unwrap_or_default(),
        ),
        (
            "profile[salesperson]",
            salesperson.map(|s| s.to_string()).unwrap_or_default(),
        ),
        ("profile[category]", "".into()),
        ("salesperson_notes", notes.into()),
    ];
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[sqlx::test(migrations = "../migrations")]
async fn r_seller_1_changing_the_salesperson_records_old_new_who_when_and_notes(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let company = alpha.companies[&1];
    let v01 = lookup_entry(&pool, alpha.tenant_id, company, "salesperson", "V01").await;
    let v02 = lookup_entry(&pool, alpha.tenant_id, company, "salesperson", "V02").await;
    let id = maria(&pool, alpha.tenant_id).await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;

    let (status, body, _) = send(
        &app,
        call(
            "save_customer",
            &save_form(id, 1, Some(v01), None, ""),
            Some(&clerk),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body, _) = send(
        &app,
        call(
            "save_customer",
            &save_form(id, 2, Some(v02), None, "Carteira redistribuída"),
            Some(&clerk),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // Saving again with the same salesperson records no change.
    let (status, _, _) = send(
        &app,
        call(
            "save_customer",
            &save_form(id, 3, Some(v02), None, "nada"),
            Some(&clerk),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    let changes: Vec<(String, String, String, String)> = sqlx::query_as(
        "select user_name, old_salesperson, new_salesperson, notes from salesperson_changes order by id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        changes,
        vec![
            (
                "Auxiliar".into(),
                "".into(),
                "V01 - V01 desc".into(),
                "".into()
            ),
            (
                "Auxiliar".into(),
                "V01 - V01 desc".into(),
                "V02 - V02 desc".into(),
                "Carteira redistribuída".into()
            ),
        ]
    );
    let audited: i64 =
        sqlx::query_scalar("select count(*) from customer_changes where field = 'Vendedor'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(audited, 2);
    let (status, body, _) = send(
        &app,
        call("salesperson_history", &format!("id={id}"), Some(&clerk)),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Carteira redistribuída"), "{body}");
}

#[sqlx::test(migrations = "../migrations")]
async fn r_company_1_a_profile_choice_from_another_company_or_table_is_refused(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let other_company = lookup_entry(
        &pool,
        alpha.tenant_id,
        alpha.companies[&2],
        "salesperson",
        "V09",
    )
    .await;
    let a_region = lookup_entry(&pool, alpha.tenant_id, alpha.companies[&1], "region", "RS").await;
    let id = maria(&pool, alpha.tenant_id).await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    for salesperson in [other_company, a_region] {
        let (status, body, _) = send(
            &app,
            call(
                "save_customer",
                &save_form(id, 1, Some(salesperson), None, ""),
                Some(&clerk),
            ),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body.contains("\"field\":\"salesperson\""), "{body}");
    }
    let profiles: i64 = sqlx::query_scalar("select count(*) from customer_profiles")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(profiles, 0);
}
