//! Undoing a batch as a whole (R-BULK), and its refusal once a customer changed.
mod bulk_world;
mod common;

use axum::http::StatusCode;
use bulk_world::*;
use common::*;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn undo_restores_every_value_and_is_refused_once_a_customer_changed(pool: PgPool) {
    let w = world(&pool).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let before: Vec<(i64, i64)> = salesperson_of(&pool, w.tenant_id)
        .await
        .into_iter()
        .map(|(c, s, _)| (c, s))
        .collect();

    // Two batches; the second also inactivates the north.
    let (_, first) = move_north_to_bruno(&app, &boss, &w, false).await;
    let first = first[0].as_i64().unwrap();
    let (status, _, second) = alter_north(&app, &boss, &w, "status", "inactive").await;
    assert_eq!(status, StatusCode::OK, "{second}");
    let second = second[0].as_i64().unwrap();

    // The first batch's customers changed since (the second batch): its undo is refused.
    let (status, refused) = post(&app, &boss, "undo_batch", &format!("batch_id={first}")).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        refused["Conflict"]
            .as_str()
            .unwrap()
            .contains("códigos 1, 2, 3"),
        "{refused}"
    );

    let (status, _) = post(&app, &boss, "undo_batch", &format!("batch_id={second}")).await;
    assert_eq!(status, StatusCode::OK);
    let inactive: i64 =
        sqlx::query_scalar("select count(*) from customers where status <> 'active'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(inactive, 0);
    let (status, _) = post(&app, &boss, "undo_batch", &format!("batch_id={first}")).await;
    assert_eq!(status, StatusCode::OK);
    let after: Vec<(i64, i64)> = salesperson_of(&pool, w.tenant_id)
        .await
        .into_iter()
        .map(|(c, s, _)| (c, s))
        .collect();
    assert_eq!(after, before);
    // The undo is history too: back to Ana, with its own note.
    let undo_notes: i64 = sqlx::query_scalar(
        "select count(*) from salesperson_changes where notes = $1 and old_salesperson_id = $2 and new_salesperson_id = $3",
    )
    .bind(format!("Desfeito o lote {first}."))
    .bind(w.bruno)
    .bind(w.ana)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(undo_notes, 3);
    let (status, _) = post(&app, &boss, "undo_batch", &format!("batch_id={first}")).await;
    assert_eq!(status, StatusCode::CONFLICT, "undone once only");
}

#[sqlx::test(migrations = "../migrations")]
async fn r_bulk_3_city_and_district_move_the_main_address_and_undo_puts_them_back(pool: PgPool) {
    server::cities::ensure_loaded(&pool).await.unwrap();
    let w = world(&pool).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    // Customers 1 and 2 live in São Leopoldo (main address); 3 and 4 have no address.
    sqlx::query(
        "with city as (select id from cities where identification = 'SAO LEOPOLDO - RS'),
         moved as (update customers set city_id = (select id from city)
                   where tenant_id = $1 and code in (1, 2))
         insert into customer_addresses (tenant_id, customer_id, role, preferred, cep, street, number,
                                         district, city_id, updated_by_name)
         select $1, c.id, 'main', true, '93010000', 'Rua Independência', c.code::text, 'Centro',
                (select id from city), 'Teste'
         from customers c where c.tenant_id = $1 and c.code in (1, 2)",
    )
    .bind(w.tenant_id)
    .execute(&pool)
    .await
    .unwrap();

    // District: only customers with a main address can take it.
    let (status, preview, applied) = alter_north(&app, &boss, &w, "district", "Rio Branco").await;
    assert_eq!(status, StatusCode::OK, "{preview} {applied}");
    assert_eq!(preview["changing"], serde_json::json!([["Bairro", 2]]));
    let district_batch = applied[0].as_i64().unwrap();
    assert_eq!(applied[1], 2);

    // City: every north customer; the main address follows.
    let (status, preview, applied) =
        alter_north(&app, &boss, &w, "city", "novo hamburgo - rs").await;
    assert_eq!(status, StatusCode::OK, "{preview} {applied}");
    assert_eq!(preview["changing"], serde_json::json!([["Cidade", 4]]));
    let city_batch = applied[0].as_i64().unwrap();
    assert_eq!(
        main_addresses(&pool, w.tenant_id).await,
        vec![
            (1, "NOVO HAMBURGO - RS".into(), "Rio Branco".into()),
            (2, "NOVO HAMBURGO - RS".into(), "Rio Branco".into())
        ]
    );
    let cities: Vec<Option<String>> = sqlx::query_scalar(
        "select ci.identification from customers c left join cities ci on ci.id = c.city_id
         where c.tenant_id = $1 order by c.code",
    )
    .bind(w.tenant_id)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        cities,
        [
            vec![Some("NOVO HAMBURGO - RS".to_string()); 4],
            vec![None, None]
        ]
        .concat()
    );
    let audit: Vec<(String, String, String)> = sqlx::query_as(
        "select field, old_value, new_value from customer_changes
         where customer_id = (select id from customers where tenant_id = $1 and code = 1)
         order by id",
    )
    .bind(w.tenant_id)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        audit,
        vec![
            ("Bairro".into(), "Centro".into(), "Rio Branco".into()),
            (
                "Cidade".into(),
                "SAO LEOPOLDO - RS".into(),
                "NOVO HAMBURGO - RS".into()
            )
        ]
    );

    // An unknown city is refused beside the value, and nothing is written.
    let (status, refused, _) = alter_north(&app, &boss, &w, "city", "Atlântida - XX").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert!(refused.to_string().contains("Cidade não encontrada"));

    let (status, _) = post(&app, &boss, "undo_batch", &format!("batch_id={city_batch}")).await;
    assert_eq!(status, StatusCode::OK);
    // Someone saves customer 1's main address after the district batch: that undo is refused.
    sqlx::query(
        "update customer_addresses set number = '99', version = version + 1, updated_at = now()
         where tenant_id = $1 and customer_id = (select id from customers where tenant_id = $1 and code = 1)",
    )
    .bind(w.tenant_id)
    .execute(&pool)
    .await
    .unwrap();
    let (status, refused) = post(
        &app,
        &boss,
        "undo_batch",
        &format!("batch_id={district_batch}"),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{refused}");
    assert!(refused.to_string().contains("códigos 1)"), "{refused}");
    assert_eq!(
        main_addresses(&pool, w.tenant_id).await,
        vec![
            (1, "SAO LEOPOLDO - RS".into(), "Rio Branco".into()),
            (2, "SAO LEOPOLDO - RS".into(), "Rio Branco".into())
        ]
    );
}
