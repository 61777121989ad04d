//! The customer record: permissions, validation, duplicates, stale edits, tenancy.
mod common;
mod record_forms;

use axum::http::StatusCode;
use common::*;
use record_forms::*;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn r_perm_1_including_needs_the_include_permission(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let viewer = sign_in(&app, "viewer@alpha.test").await;
    let form = record_form("1", "legal_entity", "12.ABC.345/01DE-35", "Zanella Ltda");
    let (status, _) = create(&app, &viewer, &form).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(count(&pool, "customers").await, 0);

    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let (status, id) = create(&app, &clerk, &form).await;
    assert_eq!(status, StatusCode::OK, "{id}");
    let stored: String = sqlx::query_scalar("select document from customers")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(stored, "12ABC34501DE35");
}

#[sqlx::test(migrations = "../migrations")]
async fn r_cust_2_an_invalid_cpf_is_refused_beside_its_field_and_nothing_is_saved(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let (status, body) = create(
        &app,
        &clerk,
        &record_form("1", "individual", "529.982.247-24", "João"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["Invalid"][0]["field"], "document");
    assert_eq!(count(&pool, "customers").await, 0);
    assert_eq!(count(&pool, "customer_changes").await, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn r_cust_2_a_duplicate_document_names_the_customer_that_has_it(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    create(
        &app,
        &clerk,
        &record_form("7", "individual", "52998224725", "João Gonçalves"),
    )
    .await;
    let (status, body) = create(
        &app,
        &clerk,
        &record_form("8", "individual", "529.982.247-25", "Outro João"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["Invalid"][0]["field"], "document");
    assert_eq!(
        body["Invalid"][0]["message"],
        "CPF/CNPJ já cadastrado no cliente 7 - João Gonçalves."
    );
    assert_eq!(count(&pool, "customers").await, 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_stale_edit_is_refused_naming_who_saved_and_nothing_is_overwritten(pool: PgPool) {
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

    // Both open version 1; the boss saves first.
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
    let (status, body) = create(&app, &clerk, &clerk_edit).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let message = body["Conflict"].as_str().unwrap();
    assert!(message.contains("alterado por Chefe às "), "{message}");
    let name: String = sqlx::query_scalar("select legal_name from customers")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(name, "Maria Silva Becker");
}

#[sqlx::test(migrations = "../migrations")]
async fn r_perm_1_deleting_needs_the_delete_permission(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let (_, id) = create(
        &app,
        &clerk,
        &record_form("1", "individual", "52998224725", "Maria"),
    )
    .await;
    let form = format!("id={}&version=1", id.as_i64().unwrap());
    let (status, _, _) = send(&app, call("delete_customer", &form, Some(&clerk))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(count(&pool, "customers").await, 1);

    let boss = sign_in(&app, "boss@alpha.test").await;
    let (status, _, _) = send(&app, call("delete_customer", &form, Some(&boss))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(count(&pool, "customers").await, 0);
    let trail: i64 =
        sqlx::query_scalar("select count(*) from customer_changes where field = 'Exclusão'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(trail, 1, "the deletion stays in the history");
}

#[sqlx::test(migrations = "../migrations")]
async fn another_tenant_can_neither_read_nor_alter_the_record(pool: PgPool) {
    tenant(&pool, "alpha").await;
    tenant(&pool, "beta").await;
    let app = app(&pool);
    let alpha_clerk = sign_in(&app, "clerk@alpha.test").await;
    let (_, id) = create(
        &app,
        &alpha_clerk,
        &record_form("1", "individual", "52998224725", "Maria"),
    )
    .await;
    let id = id.as_i64().unwrap();

    let beta_boss = sign_in(&app, "boss@beta.test").await;
    let (status, _, _) = send(
        &app,
        call("get_customer", &format!("id={id}"), Some(&beta_boss)),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let edit = format!(
        "id={id}&version=1&{}",
        record_form("1", "individual", "52998224725", "Tomada")
    );
    let (status, _) = create(&app, &beta_boss, &edit).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = send(
        &app,
        call(
            "delete_customer",
            &format!("id={id}&version=1"),
            Some(&beta_boss),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let name: String = sqlx::query_scalar("select legal_name from customers")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(name, "Maria");
}
