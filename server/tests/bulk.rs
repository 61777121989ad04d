//! "Alter all" (R-BULK): what a batch writes, all or nothing, who may run it, which rows.
mod bulk_world;
mod common;

use axum::http::StatusCode;
use bulk_world::*;
use common::*;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn r_bulk_3_alter_all_writes_what_single_edits_write_for_each_customer(pool: PgPool) {
    let w = world(&pool).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;

    let changes = change_part(
        0,
        "salesperson",
        &w.bruno.to_string(),
        "Carteira redistribuída",
    );
    let (status, preview) = post(
        &app,
        &boss,
        "preview_bulk",
        &format!("{}{changes}", filter_part(w.north)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{preview}");
    assert_eq!(preview["matching"], 4);
    assert_eq!(preview["changing"], serde_json::json!([["Vendedor", 3]]));
    assert_eq!(preview["unchanged"], 1);

    let (status, applied) = move_north_to_bruno(&app, &boss, &w, false).await;
    assert_eq!(status, StatusCode::OK, "{applied}");
    assert_eq!(applied[1], 3);
    assert_eq!(
        salesperson_of(&pool, w.tenant_id).await,
        vec![
            (1, w.bruno, 2),
            (2, w.bruno, 2),
            (3, w.bruno, 2),
            (4, w.bruno, 1),
            (5, w.ana, 1),
            (6, w.ana, 1)
        ]
    );
    // R-SELLER-1 per customer, with the notes; history rows equal changed rows.
    let audit: Vec<(String, String, String, String)> = sqlx::query_as(
        "select field, old_value, new_value, user_name from customer_changes order by customer_id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(audit.len(), 3);
    assert!(audit.iter().all(|a| a
        == &(
            "Vendedor".to_string(),
            "ANA - ANA desc".to_string(),
            "BRUNO - BRUNO desc".to_string(),
            "Chefe".to_string()
        )));
    let notes: Vec<String> = sqlx::query_scalar("select notes from salesperson_changes")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(notes, vec!["Carteira redistribuída"; 3]);

    // A form opened before the batch is now stale: the single edit is refused.
    let form = [
        ("id", "1"),
        ("version", "1"),
        ("input[code]", "1"),
        ("input[kind]", "individual"),
        ("input[document]", "529.982.247-25"),
        ("input[legal_name]", "Outro Nome"),
        ("input[status]", "active"),
    ]
    .iter()
    .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
    .collect::<Vec<_>>()
    .join("&");
    let (status, _) = post(&app, &boss, "save_customer", &form).await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[sqlx::test(migrations = "../migrations")]
async fn r_bulk_4_a_fault_at_customer_k_changes_nothing_and_writes_no_history(pool: PgPool) {
    let w = world(&pool).await;
    // The fault: the database refuses the third customer's profile update.
    sqlx::query(
        "create function refuse_third() returns trigger language plpgsql as $$
         begin
             if (select code from customers where tenant_id = new.tenant_id and id = new.customer_id) = 3 then
                 raise exception 'injected fault';
             end if;
             return new;
         end $$",
    )
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query("create trigger refuse_third before update on customer_profiles for each row execute function refuse_third()")
        .execute(&pool)
        .await
        .unwrap();
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let before = salesperson_of(&pool, w.tenant_id).await;
    let (status, _) = move_north_to_bruno(&app, &boss, &w, false).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(salesperson_of(&pool, w.tenant_id).await, before);
    for table in [
        "customer_changes",
        "salesperson_changes",
        "bulk_batches",
        "bulk_batch_items",
    ] {
        assert_eq!(count(&pool, table).await, 0, "{table}");
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn customers_saved_after_the_preview_are_reported_then_left_out_if_the_user_continues(
    pool: PgPool,
) {
    let w = world(&pool).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let changes = change_part(0, "salesperson", &w.bruno.to_string(), "");
    let (_, preview) = post(
        &app,
        &boss,
        "preview_bulk",
        &format!("{}{changes}", filter_part(w.north)),
    )
    .await;
    let token = preview["preview_token"].as_str().unwrap().to_string();
    // Someone saves customer 2 after the preview.
    sqlx::query("update customers set updated_at = now() + interval '1 minute', version = version + 1 where code = 2")
        .execute(&pool)
        .await
        .unwrap();
    let apply = |skip: bool| {
        format!(
            "{}{changes}&preview_token={}&skip_changed_since={skip}",
            filter_part(w.north),
            urlencode(&token)
        )
    };
    let (status, refused) = post(&app, &boss, "apply_bulk", &apply(false)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        refused["Conflict"].as_str().unwrap().contains("(código 2)"),
        "{refused}"
    );
    assert_eq!(count(&pool, "customer_changes").await, 0);

    let (status, applied) = post(&app, &boss, "apply_bulk", &apply(true)).await;
    assert_eq!(status, StatusCode::OK, "{applied}");
    assert_eq!(applied[1], 2);
    let codes: Vec<i64> = salesperson_of(&pool, w.tenant_id)
        .await
        .into_iter()
        .filter(|(_, s, _)| *s == w.bruno)
        .map(|(code, _, _)| code)
        .collect();
    assert_eq!(codes, vec![1, 3, 4]);
}

#[sqlx::test(migrations = "../migrations")]
async fn r_perm_1_bulk_needs_bulk_update_and_the_fields_own_permission(pool: PgPool) {
    let w = world(&pool).await;
    let app = app(&pool);
    // The clerk alters customers but may not bulk update.
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let (status, _) = move_north_to_bruno(&app, &clerk, &w, false).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // The server refuses the apply itself too, whatever the screen offered.
    let direct = format!(
        "{}{}&preview_token={}&skip_changed_since=false",
        filter_part(w.north),
        change_part(0, "salesperson", &w.bruno.to_string(), ""),
        "5f0c6a52-1f55-4a0e-9d43-3c0f3b0c2a11"
    );
    let (status, _) = post(&app, &clerk, "apply_bulk", &direct).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, fields) = post(&app, &clerk, "bulk_fields", "").await;
    assert_eq!((status, fields), (StatusCode::OK, serde_json::json!([])));
    // With "bulk update" but not "alter customers", no field is allowed either.
    sqlx::query(
        "insert into profile_permissions (tenant_id, profile_id, permission)
         select tenant_id, id, 'customer.bulk_update' from profiles where tenant_id = $1 and name = 'Consulta'",
    )
    .bind(w.tenant_id)
    .execute(&pool)
    .await
    .unwrap();
    let viewer = sign_in(&app, "viewer@alpha.test").await;
    let (status, _) = move_north_to_bruno(&app, &viewer, &w, false).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(count(&pool, "bulk_batches").await, 0);
    // Another tenant's boss matches none of these customers and cannot undo their batches.
    let boss = sign_in(&app, "boss@alpha.test").await;
    let (_, applied) = move_north_to_bruno(&app, &boss, &w, false).await;
    let outsider = sign_in(&app, "boss@beta.test").await;
    let (status, _) = post(
        &app,
        &outsider,
        "undo_batch",
        &format!("batch_id={}", applied[0]),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[sqlx::test(migrations = "../migrations")]
async fn r_bulk_1_rows_picked_in_the_grid_narrow_the_batch_to_them_within_the_filter(pool: PgPool) {
    let w = world(&pool).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let ids: Vec<i64> = sqlx::query_scalar(
        "select id from customers where tenant_id = $1 and code in (1, 2, 5) order by code",
    )
    .bind(w.tenant_id)
    .fetch_all(&pool)
    .await
    .unwrap();
    // 1 and 2 are in the north; 5 is picked but outside the filter, so it stays out.
    let picked: String = ids
        .iter()
        .enumerate()
        .map(|(i, id)| format!("&filter[selected][{i}]={id}"))
        .collect();
    let form = format!(
        "{}{picked}{}",
        filter_part(w.north),
        change_part(0, "salesperson", &w.bruno.to_string(), "Só os marcados")
    );
    let (status, preview, applied) = preview_then_apply(&app, &boss, &form, false).await;
    assert_eq!(status, StatusCode::OK, "{preview} {applied}");
    assert_eq!(preview["matching"], 2);
    assert_eq!(applied[1], 2);
    let moved: Vec<i64> = salesperson_of(&pool, w.tenant_id)
        .await
        .into_iter()
        .filter(|(code, salesperson, _)| *salesperson == w.bruno && *code != 4)
        .map(|(code, _, _)| code)
        .collect();
    assert_eq!(moved, vec![1, 2]);
    let recorded: String = sqlx::query_scalar("select filter from bulk_batches")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(recorded.contains("selecionados="), "{recorded}");
}

#[sqlx::test(migrations = "../migrations")]
async fn the_preview_moment_is_the_servers_and_an_address_save_after_it_counts(pool: PgPool) {
    server::cities::ensure_loaded(&pool).await.unwrap();
    let w = world(&pool).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let changes = change_part(0, "district", "Rio%20Branco", "");
    let form = format!("{}{changes}", filter_part(w.north));
    sqlx::query(
        "insert into customer_addresses (tenant_id, customer_id, role, preferred, cep, street, number,
                                         district, city_id, updated_by_name, updated_at)
         select $1, c.id, 'main', true, '93010000', 'Rua A', '1', 'Centro',
                (select id from cities where identification = 'SAO LEOPOLDO - RS'), 'Teste',
                now() - interval '1 hour'
         from customers c where c.tenant_id = $1 and c.code in (1, 2)",
    )
    .bind(w.tenant_id)
    .execute(&pool)
    .await
    .unwrap();
    let apply = |token: &str| {
        format!(
            "{form}&preview_token={}&skip_changed_since=false",
            urlencode(token)
        )
    };
    // A moment the browser makes up (or another user's preview) is not a preview.
    for forged in [
        "2099-01-01T00:00:00+00:00",
        "5f0c6a52-1f55-4a0e-9d43-3c0f3b0c2a11",
    ] {
        let (status, refused) = post(&app, &boss, "apply_bulk", &apply(forged)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert!(refused.to_string().contains("Refaça a prévia"), "{refused}");
    }
    let (_, preview) = post(&app, &boss, "preview_bulk", &form).await;
    let token = preview["preview_token"].as_str().unwrap().to_string();
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    sqlx::query("insert into profile_permissions (tenant_id, profile_id, permission) select tenant_id, id, 'customer.bulk_update' from profiles where tenant_id = $1 and name = 'Escritório'")
        .bind(w.tenant_id)
        .execute(&pool)
        .await
        .unwrap();
    let (status, _) = post(&app, &clerk, "apply_bulk", &apply(&token)).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "another user's preview"
    );

    // Someone saves customer 1's main address after the preview (not the customer itself).
    sqlx::query(
        "update customer_addresses set number = '99', updated_at = now() + interval '1 second'
         where tenant_id = $1 and customer_id = (select id from customers where tenant_id = $1 and code = 1)",
    )
    .bind(w.tenant_id)
    .execute(&pool)
    .await
    .unwrap();
    let (status, refused) = post(&app, &boss, "apply_bulk", &apply(&token)).await;
    assert_eq!(status, StatusCode::CONFLICT, "{refused}");
    assert!(
        refused["Conflict"].as_str().unwrap().contains("(código 1)"),
        "{refused}"
    );
}
