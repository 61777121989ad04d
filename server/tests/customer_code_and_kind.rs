//! R-CUST-1: a customer's code is unique in its tenant (not across tenants), and its kind is
//! individual or legal entity.
mod common;
mod record_forms;

use axum::http::StatusCode;
use common::*;
use record_forms::*;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn r_cust_1_a_code_in_use_is_refused_beside_it_on_include_and_on_edit(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let (status, _) = create(
        &app,
        &clerk,
        &record_form("7", "individual", "52998224725", "João Gonçalves"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    let (status, body) = create(
        &app,
        &clerk,
        &record_form("7", "legal_entity", "12.ABC.345/01DE-35", "Zanella Ltda"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["Invalid"][0]["field"], "code");
    assert_eq!(body["Invalid"][0]["message"], "O código 7 já está em uso.");
    assert_eq!(count(&pool, "customers").await, 1);

    // Included under another code, then edited to take code 7: refused, nothing changed.
    let (status, id) = create(
        &app,
        &clerk,
        &record_form("8", "legal_entity", "12.ABC.345/01DE-35", "Zanella Ltda"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{id}");
    let trail_before = count(&pool, "customer_changes").await;
    let edit = format!(
        "id={}&version=1&{}",
        id.as_i64().unwrap(),
        record_form("7", "legal_entity", "12.ABC.345/01DE-35", "Zanella Ltda")
    );
    let (status, body) = create(&app, &clerk, &edit).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["Invalid"][0]["field"], "code");
    let codes: Vec<i64> = sqlx::query_scalar("select code from customers order by code")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(codes, [7, 8]);
    assert_eq!(
        count(&pool, "customer_changes").await,
        trail_before,
        "a refused edit records no change"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn r_cust_1_a_code_and_a_cpf_both_in_use_are_both_said_in_one_save(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let joao = record_form("7", "individual", "52998224725", "João Gonçalves");
    assert_eq!(create(&app, &clerk, &joao).await.0, StatusCode::OK);
    let (status, zanella) = create(
        &app,
        &clerk,
        &record_form("8", "legal_entity", "12.ABC.345/01DE-35", "Zanella S.A."),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{zanella}");
    let both = |body: &serde_json::Value| {
        let mut said: Vec<(String, String)> = body["Invalid"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["field"].as_str().unwrap().to_string(),
                    m["message"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        said.sort();
        said
    };
    let expected = vec![
        ("code".to_string(), "O código 7 já está em uso.".to_string()),
        (
            "document".to_string(),
            "CPF/CNPJ já cadastrado no cliente 7 - João Gonçalves.".to_string(),
        ),
    ];

    let (status, body) = create(
        &app,
        &clerk,
        &record_form("7", "individual", "529.982.247-25", "Outro João"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(both(&body), expected, "on include");

    let trail_before = count(&pool, "customer_changes").await;
    let edit = format!(
        "id={}&version=1&{}",
        zanella.as_i64().unwrap(),
        record_form("7", "individual", "52998224725", "Zanella S.A.")
    );
    let (status, body) = create(&app, &clerk, &edit).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(both(&body), expected, "on edit");
    assert_eq!(count(&pool, "customers").await, 2);
    assert_eq!(count(&pool, "customer_changes").await, trail_before);

    // A name that ends its own sentence gets no second period.
    let (_, body) = create(
        &app,
        &clerk,
        &record_form("9", "legal_entity", "12ABC34501DE35", "Outra"),
    )
    .await;
    assert_eq!(
        body["Invalid"][0]["message"],
        "CPF/CNPJ já cadastrado no cliente 8 - Zanella S.A."
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn r_cust_1_another_tenant_may_use_the_same_code(pool: PgPool) {
    tenant(&pool, "alpha").await;
    tenant(&pool, "beta").await;
    let app = app(&pool);
    let alpha = sign_in(&app, "clerk@alpha.test").await;
    let beta = sign_in(&app, "clerk@beta.test").await;
    let form = record_form("7", "individual", "52998224725", "João Gonçalves");
    assert_eq!(create(&app, &alpha, &form).await.0, StatusCode::OK);
    assert_eq!(create(&app, &beta, &form).await.0, StatusCode::OK);
    assert_eq!(count(&pool, "customers").await, 2);
}

#[sqlx::test(migrations = "../migrations")]
async fn r_cust_1_a_kind_other_than_individual_or_legal_entity_is_refused(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let (status, body) = create(
        &app,
        &clerk,
        &record_form("7", "foreign", "52998224725", "João Gonçalves"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["Invalid"][0]["field"], "kind");
    assert_eq!(
        body["Invalid"][0]["message"],
        "Escolha pessoa física ou jurídica."
    );
    assert_eq!(count(&pool, "customers").await, 0);
}
