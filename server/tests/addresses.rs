mod address_forms;
mod common;

use address_forms::*;
use axum::http::StatusCode;
use common::*;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn r_cust_5_one_preferred_address_per_role_and_every_change_audited(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let id = customer(&pool, alpha.tenant_id).await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;

    // The first delivery address is preferred even unasked.
    let (status, first) = post(
        &app,
        &clerk,
        "save_address",
        &address_form(id, None, &delivery("Rua A", false)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{first}");
    let (status, second) = post(
        &app,
        &clerk,
        "save_address",
        &address_form(id, None, &delivery("Rua B", true)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{second}");
    let billing = Address {
        role: "billing",
        cep: "01001000",
        street: "Praça da Sé",
        city: "SAO PAULO - SP",
        preferred: false,
    };
    let (status, _) = post(
        &app,
        &clerk,
        "save_address",
        &address_form(id, None, &billing),
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    let list = listed(&app, &clerk, id).await;
    let summary: Vec<(String, bool, String)> = list
        .iter()
        .map(|a| {
            (
                a["role_label"].as_str().unwrap().to_string(),
                a["preferred"].as_bool().unwrap(),
                a["line"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                "Cobrança".to_string(),
                true,
                "Praça da Sé, 120 - Centro - SAO PAULO - SP - CEP 01001-000".to_string()
            ),
            (
                "Entrega".to_string(),
                true,
                "Rua B, 120 - Centro - SAO LEOPOLDO - RS - CEP 93010-000".to_string()
            ),
            (
                "Entrega".to_string(),
                false,
                "Rua A, 120 - Centro - SAO LEOPOLDO - RS - CEP 93010-000".to_string()
            ),
        ]
    );

    let history: Vec<(String, String, String, String)> = sqlx::query_as(
        "select field, old_value, new_value, user_name from customer_changes
         where tenant_id = $1 and customer_id = $2 order by id",
    )
    .bind(alpha.tenant_id)
    .bind(id)
    .fetch_all(&pool)
    .await
    .unwrap();
    let rua_a = "Rua A, 120 - Centro - SAO LEOPOLDO - RS - CEP 93010-000";
    let rua_b = "Rua B, 120 - Centro - SAO LEOPOLDO - RS - CEP 93010-000";
    assert_eq!(
        history
            .iter()
            .map(|(f, o, n, _)| (f.as_str(), o.as_str(), n.as_str()))
            .collect::<Vec<_>>(),
        vec![
            (
                "Endereço (Entrega)",
                "",
                &*format!("{rua_a} (preferencial)")
            ),
            (
                "Endereço (Entrega)",
                &*format!("{rua_a} (preferencial)"),
                rua_a
            ),
            (
                "Endereço (Entrega)",
                "",
                &*format!("{rua_b} (preferencial)")
            ),
            (
                "Endereço (Cobrança)",
                "",
                "Praça da Sé, 120 - Centro - SAO PAULO - SP - CEP 01001-000 (preferencial)"
            ),
        ]
    );
    assert!(history.iter().all(|(_, _, _, who)| who == "Auxiliar"));

    // The customer's city, shown and filtered in the list, follows the preferred main address.
    let main = Address {
        role: "main",
        cep: "88010-000",
        street: "Rua Felipe Schmidt",
        city: "FLORIANOPOLIS - SC",
        preferred: false,
    };
    let (status, _) = post(&app, &clerk, "save_address", &address_form(id, None, &main)).await;
    assert_eq!(status, StatusCode::OK);
    let city: String = sqlx::query_scalar(
        "select ci.identification from customers c join cities ci on ci.id = c.city_id where c.id = $1",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(city, "FLORIANOPOLIS - SC");

    // Deleting the preferred delivery address hands the role to the one left.
    let preferred = &list[1];
    let (status, _) = post(
        &app,
        &clerk,
        "delete_address",
        &format!(
            "customer_id={id}&address_id={}&version={}",
            preferred["id"], preferred["version"]
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let list = listed(&app, &clerk, id).await;
    assert_eq!(list.len(), 3);
    assert_eq!(list[2]["line"], rua_a);
    assert_eq!(list[2]["preferred"], true);
}

#[sqlx::test(migrations = "../migrations")]
async fn r_cust_5_bad_cep_or_unknown_city_is_refused_beside_the_field_and_nothing_is_saved(
    pool: PgPool,
) {
    let alpha = tenant(&pool, "alpha").await;
    let id = customer(&pool, alpha.tenant_id).await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let bad_cep = Address {
        cep: "9301-000",
        ..delivery("Rua A", false)
    };
    let (status, error) = post(
        &app,
        &clerk,
        "save_address",
        &address_form(id, None, &bad_cep),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error["Invalid"][0]["field"], "cep");
    assert_eq!(error["Invalid"][0]["message"], "CEP deve ter 8 dígitos.");

    // A CEP of Porto Alegre (RS) for a city in São Paulo: one of the two is a typo.
    let elsewhere = Address {
        cep: "90010-000",
        city: "SAO PAULO - SP",
        ..delivery("Rua A", false)
    };
    let (status, error) = post(
        &app,
        &clerk,
        "save_address",
        &address_form(id, None, &elsewhere),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error["Invalid"][0]["field"], "cep");
    assert_eq!(
        error["Invalid"][0]["message"],
        "O CEP 90010-000 não é de SP, o estado da cidade: confira o CEP ou a cidade."
    );

    let nowhere = Address {
        city: "ATLANTIDA - XX",
        ..delivery("Rua A", false)
    };
    let (status, error) = post(
        &app,
        &clerk,
        "save_address",
        &address_form(id, None, &nowhere),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error["Invalid"][0]["field"], "city");
    let stored: i64 = sqlx::query_scalar("select count(*) from customer_addresses")
        .fetch_one(&pool)
        .await
        .unwrap();
    let audited: i64 = sqlx::query_scalar("select count(*) from customer_changes")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!((stored, audited), (0, 0));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_stale_address_edit_is_refused_naming_who_saved(pool: PgPool) {
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
    // Both opened version 1; the boss saves first.
    let (status, _) = post(
        &app,
        &boss,
        "save_address",
        &address_form(id, Some((address_id, 1)), &delivery("Rua do Chefe", false)),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, error) = post(
        &app,
        &clerk,
        "save_address",
        &address_form(
            id,
            Some((address_id, 1)),
            &delivery("Rua do Auxiliar", false),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        error["Conflict"]
            .as_str()
            .unwrap()
            .contains("alterado por Chefe às"),
        "{error}"
    );
    let street: String = sqlx::query_scalar("select street from customer_addresses")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(street, "Rua do Chefe");
    let (status, _) = post(
        &app,
        &clerk,
        "delete_address",
        &format!("customer_id={id}&address_id={address_id}&version=1"),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[sqlx::test(migrations = "../migrations")]
async fn r_perm_1_addresses_need_alter_permission_and_stay_in_their_tenant(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    tenant(&pool, "beta").await;
    let id = customer(&pool, alpha.tenant_id).await;
    let app = app(&pool);
    let viewer = sign_in(&app, "viewer@alpha.test").await;
    let form = address_form(id, None, &delivery("Rua A", false));
    let (status, _) = post(&app, &viewer, "save_address", &form).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(
        listed(&app, &viewer, id).await.is_empty(),
        "reading needs only a session"
    );

    let outsider = sign_in(&app, "boss@beta.test").await;
    let (status, _) = post(&app, &outsider, "save_address", &form).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = post(
        &app,
        &outsider,
        "list_addresses",
        &format!("customer_id={id}"),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let stored: i64 = sqlx::query_scalar("select count(*) from customer_addresses")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(stored, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn r_cust_4_cities_are_suggested_by_their_identification(pool: PgPool) {
    tenant(&pool, "alpha").await;
    server::cities::ensure_loaded(&pool).await.unwrap();
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let (status, found) = post(&app, &clerk, "search_cities", "typed=s%C3%A3o+leo").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(found, serde_json::json!(["SAO LEOPOLDO - RS"]));
    let (status, _, _) = send(&app, call("search_cities", "typed=sao", None)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

async fn customer_city(pool: &PgPool, customer_id: i64) -> Option<String> {
    sqlx::query_scalar(
        "select ci.identification from customers c left join cities ci on ci.id = c.city_id
         where c.id = $1",
    )
    .bind(customer_id)
    .fetch_one(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn deleting_the_preferred_main_address_moves_the_customers_city_to_the_next_one(
    pool: PgPool,
) {
    let alpha = tenant(&pool, "alpha").await;
    let id = customer(&pool, alpha.tenant_id).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    for (street, cep, city) in [
        ("Rua A", "93010-000", "são leopoldo - rs"),
        ("Rua B", "89201-000", "joinville - sc"),
    ] {
        let main = Address {
            role: "main",
            cep,
            street,
            city,
            preferred: false,
        };
        let (status, body) =
            post(&app, &boss, "save_address", &address_form(id, None, &main)).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    assert_eq!(
        customer_city(&pool, id).await.as_deref(),
        Some("SAO LEOPOLDO - RS")
    );
    let (first, version): (i64, i32) = sqlx::query_as(
        "select id, version from customer_addresses where customer_id = $1 and preferred",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    let (status, body) = post(
        &app,
        &boss,
        "delete_address",
        &format!("customer_id={id}&address_id={first}&version={version}"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        customer_city(&pool, id).await.as_deref(),
        Some("JOINVILLE - SC")
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_legacy_address_that_fails_todays_rules_keeps_its_history_when_deleted(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let id = customer(&pool, alpha.tenant_id).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    // Written under older rules: a street longer than today's limit.
    let address: i64 = sqlx::query_scalar(
        "insert into customer_addresses (tenant_id, customer_id, role, preferred, cep, street, number,
                                         district, city_id, updated_by_name)
         select $1, $2, 'delivery', true, '93010000', repeat('Rua Muito Comprida ', 20), '1', 'Centro',
                (select id from cities where identification = 'SAO LEOPOLDO - RS'), 'Legado'
         returning id",
    )
    .bind(alpha.tenant_id)
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    let (status, body) = post(
        &app,
        &boss,
        "delete_address",
        &format!("customer_id={id}&address_id={address}&version=1"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (field, old, new): (String, String, String) = sqlx::query_as(
        "select field, old_value, new_value from customer_changes where customer_id = $1",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(field, "Endereço (Entrega)");
    assert!(
        old.starts_with("Rua Muito Comprida") && old.ends_with("(preferencial)"),
        "{old}"
    );
    assert_eq!(new, "");
}
