//! Undoing a batch as a whole (R-BULK), and its refusal once a customer changed.
mod bulk_world;
mod common;

use axum::http::StatusCode;
use bulk_world::*;
use common::*;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn undo_restores_every_value_once_and_records_itself_with_its_note(pool: PgPool) {
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

    // Item 19: the second batch wrote another field, so it does not block the first's undo.
    let (status, done) = post(&app, &boss, "undo_batch", &format!("batch_id={first}")).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(done, serde_json::json!({"restored": 3, "kept": 0}));
    let after: Vec<(i64, i64)> = salesperson_of(&pool, w.tenant_id)
        .await
        .into_iter()
        .map(|(c, s, _)| (c, s))
        .collect();
    assert_eq!(after, before);
    let (status, _) = post(&app, &boss, "undo_batch", &format!("batch_id={second}")).await;
    assert_eq!(status, StatusCode::OK);
    let inactive: i64 =
        sqlx::query_scalar("select count(*) from customers where status <> 'active'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(inactive, 0);
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
    assert_salesperson_history_is_a_chain(&pool, w.tenant_id, &NORTH_WITH_ANA).await;
}

#[sqlx::test(migrations = "../migrations")]
async fn undo_blocks_only_on_a_later_change_to_a_batch_field_and_may_undo_the_rest(pool: PgPool) {
    let w = world(&pool).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let carla = lookup_entry(&pool, w.tenant_id, w.company_id, "salesperson", "CARLA").await;
    let (_, applied) = move_north_to_bruno(&app, &boss, &w, false).await;
    let batch = applied[0].as_i64().unwrap();
    // Customer 3's trade name is fixed (an unrelated field): it does not block.
    sqlx::query(
        "update customers set trade_name = 'Nome corrigido', version = version + 1, updated_at = now()
         where tenant_id = $1 and code = 3",
    )
    .bind(w.tenant_id)
    .execute(&pool)
    .await
    .unwrap();
    // Customer 1 is moved to Carla in its form after the batch: that one blocks.
    let (status, saved) = edit_salesperson(&app, &pool, &boss, w.tenant_id, 1, carla).await;
    assert_eq!(status, StatusCode::OK, "{saved}");

    let (status, preview) = post(&app, &boss, "preview_undo", &format!("batch_id={batch}")).await;
    assert_eq!(status, StatusCode::OK, "{preview}");
    assert_eq!(preview["fields"], serde_json::json!(["Vendedor"]));
    assert_eq!(
        (preview["restorable"].as_i64(), preview["kept"].as_i64()),
        (Some(2), Some(1))
    );
    assert!(
        preview["kept_reasons"]
            .as_str()
            .unwrap()
            .contains("(código 1)"),
        "{preview}"
    );

    let (status, refused) = post(&app, &boss, "undo_batch", &format!("batch_id={batch}")).await;
    assert_eq!(status, StatusCode::CONFLICT, "{refused}");
    let message = refused["Conflict"].as_str().unwrap();
    assert!(
        message.contains("(código 1)") && message.contains("outros 2"),
        "{message}"
    );
    assert_eq!(
        count(&pool, "customer_changes where new_value = 'ANA - ANA desc'").await,
        0
    );

    let (status, done) = post(
        &app,
        &boss,
        "undo_batch",
        &format!("batch_id={batch}&keep_changed=true"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(done, serde_json::json!({"restored": 2, "kept": 1}));
    let now: Vec<(i64, i64)> = salesperson_of(&pool, w.tenant_id)
        .await
        .into_iter()
        .map(|(c, s, _)| (c, s))
        .filter(|(c, _)| *c <= 4)
        .collect();
    assert_eq!(now, vec![(1, carla), (2, w.ana), (3, w.ana), (4, w.bruno)]);
    let (_, batches) = post(&app, &boss, "list_batches", "").await;
    assert!(
        batches[0]["undone"]
            .as_str()
            .unwrap()
            .contains("1 cliente mantido"),
        "{batches}"
    );
    assert_salesperson_history_is_a_chain(&pool, w.tenant_id, &NORTH_WITH_ANA).await;
}

#[sqlx::test(migrations = "../migrations")]
async fn undo_locks_before_writing(pool: PgPool) {
    let w = world(&pool).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let carla = lookup_entry(&pool, w.tenant_id, w.company_id, "salesperson", "CARLA").await;
    let (_, applied) = move_north_to_bruno(&app, &boss, &w, false).await;
    let batch = applied[0].as_i64().unwrap();
    let caller = boss_caller(&pool, &w).await;

    // The undo stops between its check and its writes until told to go on.
    let (reached, at_pause) = tokio::sync::oneshot::channel::<()>();
    let (go, resume) = tokio::sync::oneshot::channel::<()>();
    let undo = tokio::spawn({
        let pool = pool.clone();
        async move {
            app::server::bulk_undo::undo_pausing(&pool, &caller, batch, false, async move {
                reached.send(()).unwrap();
                resume.await.unwrap();
            })
            .await
        }
    });
    at_pause.await.unwrap();
    // Meanwhile someone moves customer 1 to Carla in its form, opened after the batch.
    let edit = tokio::spawn({
        let (app, pool, boss) = (app.clone(), pool.clone(), boss.clone());
        async move { edit_salesperson(&app, &pool, &boss, w.tenant_id, 1, carla).await }
    });
    // The edit must wait for the undo's lock on customer 1, not slip in before its writes.
    wait_until_a_request_waits_on_a_lock(&pool).await;
    go.send(()).unwrap();
    let done = undo.await.unwrap().expect("undo goes through");
    assert_eq!((done.restored, done.kept), (3, 0));
    let (status, refused) = edit.await.unwrap();
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "the edit opened before the undo is stale: {refused}"
    );
    assert_eq!(salesperson_of(&pool, w.tenant_id).await[0].1, w.ana);
    assert_salesperson_history_is_a_chain(&pool, w.tenant_id, &[(1, "ANA - ANA desc")]).await;
}

#[sqlx::test(migrations = "../migrations")]
async fn undo_and_single_edits_race_without_deadlock_or_lost_edit(pool: PgPool) {
    let w = world(&pool).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let carla = lookup_entry(&pool, w.tenant_id, w.company_id, "salesperson", "CARLA").await;
    for round in 0..8 {
        let (status, applied) = move_north_to_bruno(&app, &boss, &w, true).await;
        assert_eq!(status, StatusCode::OK, "round {round}: {applied}");
        let batch = applied[0].as_i64().unwrap();
        let target = if round % 2 == 0 { carla } else { w.ana };
        let undo = tokio::spawn({
            let (app, boss) = (app.clone(), boss.clone());
            async move {
                post(
                    &app,
                    &boss,
                    "undo_batch",
                    &format!("batch_id={batch}&keep_changed=true"),
                )
                .await
            }
        });
        let edits: Vec<_> = (1..=4)
            .map(|code| {
                let (app, pool, boss) = (app.clone(), pool.clone(), boss.clone());
                tokio::spawn(async move {
                    edit_salesperson(&app, &pool, &boss, w.tenant_id, code, target).await
                })
            })
            .collect();
        let (status, body) = undo.await.unwrap();
        assert!(
            status == StatusCode::OK || status == StatusCode::CONFLICT,
            "round {round}: undo answered {status} {body}"
        );
        for edit in edits {
            let (status, body) = edit.await.unwrap();
            assert!(
                status == StatusCode::OK || status == StatusCode::CONFLICT,
                "round {round}: edit answered {status} {body}"
            );
        }
    }
    assert_salesperson_history_is_a_chain(
        &pool,
        w.tenant_id,
        &[
            (1, "ANA - ANA desc"),
            (2, "ANA - ANA desc"),
            (3, "ANA - ANA desc"),
            (4, "BRUNO - BRUNO desc"),
        ],
    )
    .await;
}

#[sqlx::test(migrations = "../migrations")]
async fn a_batch_whose_customer_was_deleted_is_undone_for_the_rest_never_a_500(pool: PgPool) {
    let w = world(&pool).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let (_, applied) = move_north_to_bruno(&app, &boss, &w, false).await;
    let batch = applied[0].as_i64().unwrap();
    let (id, version): (i64, i32) =
        sqlx::query_as("select id, version from customers where tenant_id = $1 and code = 2")
            .bind(w.tenant_id)
            .fetch_one(&pool)
            .await
            .unwrap();
    let (status, _) = post(
        &app,
        &boss,
        "delete_customer",
        &format!("id={id}&version={version}"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    let (status, refused) = post(&app, &boss, "undo_batch", &format!("batch_id={batch}")).await;
    assert_eq!(status, StatusCode::CONFLICT, "{refused}");
    assert!(
        refused["Conflict"]
            .as_str()
            .unwrap()
            .contains("1 cliente foi excluído"),
        "{refused}"
    );
    let (status, done) = post(
        &app,
        &boss,
        "undo_batch",
        &format!("batch_id={batch}&keep_changed=true"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(done, serde_json::json!({"restored": 2, "kept": 1}));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_table_entry_a_batch_may_write_back_cannot_be_deleted(pool: PgPool) {
    let w = world(&pool).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let carla = lookup_entry(&pool, w.tenant_id, w.company_id, "salesperson", "CARLA").await;
    let (status, _, first) = alter_north(&app, &boss, &w, "salesperson", &carla.to_string()).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    let (_, second) = move_north_to_bruno(&app, &boss, &w, false).await;
    let second = second[0].as_i64().unwrap();
    // No customer holds Carla now, but undoing the second batch would bring her back.
    let (status, refused) = post(
        &app,
        &boss,
        "delete_lookup",
        &format!("kind=salesperson&id={carla}"),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{refused}");
    assert!(
        refused["Conflict"].as_str().unwrap().contains("lote"),
        "{refused}"
    );
    let (status, done) = post(&app, &boss, "undo_batch", &format!("batch_id={second}")).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(salesperson_of(&pool, w.tenant_id).await[0].1, carla);
}

#[sqlx::test(migrations = "../migrations")]
async fn undo_rechecks_each_fields_permission(pool: PgPool) {
    let w = world(&pool).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let (_, applied) = move_north_to_bruno(&app, &boss, &w, false).await;
    let batch = applied[0].as_i64().unwrap();
    // A field this user may no longer write (the credit limit, after losing "alter credit
    // limit") is in the batch: the undo is refused as a whole, as its apply would be.
    sqlx::query(
        "insert into bulk_batch_items (tenant_id, batch_id, field, customer_id, old_value, new_value)
         select tenant_id, $2, 'credit_limit', id, '1000.00', '5000.00'
         from customers where tenant_id = $1 and code = 1",
    )
    .bind(w.tenant_id)
    .bind(batch)
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query(
        "delete from profile_permissions where tenant_id = $1 and permission = 'customer.credit_limit'",
    )
    .bind(w.tenant_id)
    .execute(&pool)
    .await
    .unwrap();
    let (status, _) = post(&app, &boss, "undo_batch", &format!("batch_id={batch}")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(salesperson_of(&pool, w.tenant_id).await[0].1, w.bruno);
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
    // Someone changes customer 1's district after the district batch: that undo is refused.
    sqlx::query(
        "update customer_addresses set district = 'Fião', version = version + 1, updated_at = now()
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
    assert!(refused.to_string().contains("(código 1)"), "{refused}");
    assert_eq!(
        main_addresses(&pool, w.tenant_id).await,
        vec![
            (1, "SAO LEOPOLDO - RS".into(), "Fião".into()),
            (2, "SAO LEOPOLDO - RS".into(), "Rio Branco".into())
        ]
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn history_shows_a_batchs_status_and_its_undo_as_the_form_does(pool: PgPool) {
    // Finding (issue 10, item 8): a batch wrote the status code (`active`) into the history.
    let w = world(&pool).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let (status, _, applied) = alter_north(&app, &boss, &w, "status", "pending").await;
    assert_eq!(status, StatusCode::OK, "{applied}");
    let batch = applied[0].as_i64().unwrap();
    let (status, undone) = post(&app, &boss, "undo_batch", &format!("batch_id={batch}")).await;
    assert_eq!(status, StatusCode::OK, "{undone}");
    let audit: Vec<(i64, String, String, String)> = sqlx::query_as(
        "select c.code, h.field, h.old_value, h.new_value
         from customer_changes h join customers c on c.tenant_id = h.tenant_id and c.id = h.customer_id
         where h.tenant_id = $1 order by c.code, h.id",
    )
    .bind(w.tenant_id)
    .fetch_all(&pool)
    .await
    .unwrap();
    let expected: Vec<(i64, String, String, String)> = (1..=4)
        .flat_map(|code| {
            [("Ativo", "Pendente"), ("Pendente", "Ativo")]
                .map(|(old, new)| (code, "Situação".into(), old.into(), new.into()))
        })
        .collect();
    assert_eq!(audit, expected);
}
