mod common;

use axum::http::StatusCode;
use common::*;
use serde_json::Value;
use sqlx::PgPool;

struct World {
    tenant_id: i64,
    north: i64,
    ana: i64,
    bruno: i64,
}

/// Six customers in company 1: 1–4 in the north, 5–6 in the south; all with Ana as
/// salesperson except 4, already Bruno's.
async fn world(pool: &PgPool) -> World {
    let alpha = tenant(pool, "alpha").await;
    tenant(pool, "beta").await;
    let (t, c1) = (alpha.tenant_id, alpha.companies[&1]);
    let entry = |kind: &'static str, code: &'static str| async move {
        sqlx::query_scalar::<_, i64>(
            "insert into lookup_entries (tenant_id, company_id, kind, code, description)
             values ($1, $2, $3, $4, $4 || ' desc') returning id",
        )
        .bind(t)
        .bind(c1)
        .bind(kind)
        .bind(code)
        .fetch_one(pool)
        .await
        .unwrap()
    };
    let north = entry("region", "NORTE").await;
    let south = entry("region", "SUL").await;
    let ana = entry("salesperson", "ANA").await;
    let bruno = entry("salesperson", "BRUNO").await;
    sqlx::query(
        "insert into customers (tenant_id, code, kind, document, legal_name, trade_name, updated_at)
         select $1, n, 'individual', lpad(n::text, 11, '0'), 'Cliente ' || n, 'Cliente ' || n,
                now() - interval '1 hour'
         from generate_series(1, 6) n",
    )
    .bind(t)
    .execute(pool)
    .await
    .unwrap();
    sqlx::query(
        "insert into customer_profiles (tenant_id, company_id, customer_id, region_id, salesperson_id)
         select c.tenant_id, $2, c.id, case when c.code <= 4 then $3 else $4 end,
                case when c.code = 4 then $6 else $5 end
         from customers c where c.tenant_id = $1",
    )
    .bind(t)
    .bind(c1)
    .bind(north)
    .bind(south)
    .bind(ana)
    .bind(bruno)
    .execute(pool)
    .await
    .unwrap();
    World {
        tenant_id: t,
        north,
        ana,
        bruno,
    }
}

fn filter_part(region: i64) -> String {
    format!(
        "filter[text]=&filter[status]=&filter[city]=&filter[sort]=Code&filter[after]=\
         &filter[lookups][0][kind]=Region&filter[lookups][0][op]=AnyOf&filter[lookups][0][ids][0]={region}"
    )
}

fn change_part(index: usize, field: &str, value: &str, notes: &str) -> String {
    format!(
        "&changes[{index}][field]={field}&changes[{index}][value]={value}&changes[{index}][notes]={}",
        urlencode(notes)
    )
}

async fn post(app: &axum::Router, cookie: &str, endpoint: &str, form: &str) -> (StatusCode, Value) {
    let (status, body, _) = send(app, call(endpoint, form, Some(cookie))).await;
    (
        status,
        serde_json::from_str(&body).unwrap_or(Value::String(body)),
    )
}

async fn salesperson_of(pool: &PgPool, tenant_id: i64) -> Vec<(i64, i64, i32)> {
    sqlx::query_as(
        "select c.code, p.salesperson_id, c.version from customers c
         join customer_profiles p on p.tenant_id = c.tenant_id and p.customer_id = c.id
         where c.tenant_id = $1 order by c.code",
    )
    .bind(tenant_id)
    .fetch_all(pool)
    .await
    .unwrap()
}

async fn count(pool: &PgPool, table: &str) -> i64 {
    sqlx::query_scalar(&format!("select count(*) from {table}"))
        .fetch_one(pool)
        .await
        .unwrap()
}

/// Preview then apply "salesperson = Bruno" on the north region; answers the apply's result.
async fn move_north_to_bruno(
    app: &axum::Router,
    cookie: &str,
    w: &World,
    skip: bool,
) -> (StatusCode, Value) {
    let changes = change_part(
        0,
        "salesperson",
        &w.bruno.to_string(),
        "Carteira redistribuída",
    );
    let (status, preview) = post(
        app,
        cookie,
        "preview_bulk",
        &format!("{}{changes}", filter_part(w.north)),
    )
    .await;
    if status != StatusCode::OK {
        return (status, preview);
    }
    let taken_at = preview["taken_at"].as_str().unwrap().to_string();
    post(
        app,
        cookie,
        "apply_bulk",
        &format!(
            "{}{changes}&taken_at={}&skip_changed_since={skip}",
            filter_part(w.north),
            urlencode(&taken_at)
        ),
    )
    .await
}

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
    let taken_at = preview["taken_at"].as_str().unwrap().to_string();
    // Someone saves customer 2 after the preview.
    sqlx::query("update customers set updated_at = now() + interval '1 minute', version = version + 1 where code = 2")
        .execute(&pool)
        .await
        .unwrap();
    let apply = |skip: bool| {
        format!(
            "{}{changes}&taken_at={}&skip_changed_since={skip}",
            filter_part(w.north),
            urlencode(&taken_at)
        )
    };
    let (status, refused) = post(&app, &boss, "apply_bulk", &apply(false)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        refused["Conflict"].as_str().unwrap().contains("códigos 2"),
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
    let changes = change_part(0, "status", "inactive", "");
    let (_, preview) = post(
        &app,
        &boss,
        "preview_bulk",
        &format!("{}{changes}", filter_part(w.north)),
    )
    .await;
    let (status, second) = post(
        &app,
        &boss,
        "apply_bulk",
        &format!(
            "{}{changes}&taken_at={}&skip_changed_since=false",
            filter_part(w.north),
            urlencode(preview["taken_at"].as_str().unwrap())
        ),
    )
    .await;
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
async fn r_perm_1_bulk_needs_bulk_update_and_the_fields_own_permission(pool: PgPool) {
    let w = world(&pool).await;
    let app = app(&pool);
    // The clerk alters customers but may not bulk update.
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let (status, _) = move_north_to_bruno(&app, &clerk, &w, false).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // The server refuses the apply itself too, whatever the screen offered.
    let direct = format!(
        "{}{}&taken_at={}&skip_changed_since=false",
        filter_part(w.north),
        change_part(0, "salesperson", &w.bruno.to_string(), ""),
        urlencode("2026-11-22T10:00:00+00:00")
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
    let (status, preview) = post(&app, &boss, "preview_bulk", &form).await;
    assert_eq!(status, StatusCode::OK, "{preview}");
    assert_eq!(preview["matching"], 2);
    let taken_at = urlencode(preview["taken_at"].as_str().unwrap());
    let (status, applied) = post(
        &app,
        &boss,
        "apply_bulk",
        &format!("{form}&taken_at={taken_at}&skip_changed_since=false"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{applied}");
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

/// Preview then apply one change on the north region; answers (status, batch id or error).
async fn alter_north(
    app: &axum::Router,
    cookie: &str,
    w: &World,
    field: &str,
    value: &str,
) -> (StatusCode, Value, Value) {
    let changes = change_part(0, field, &urlencode(value), "");
    let form = format!("{}{changes}", filter_part(w.north));
    let (status, preview) = post(app, cookie, "preview_bulk", &form).await;
    if status != StatusCode::OK {
        return (status, preview, Value::Null);
    }
    let taken_at = urlencode(preview["taken_at"].as_str().unwrap());
    let (status, applied) = post(
        app,
        cookie,
        "apply_bulk",
        &format!("{form}&taken_at={taken_at}&skip_changed_since=false"),
    )
    .await;
    (status, preview, applied)
}

async fn main_addresses(pool: &PgPool, tenant_id: i64) -> Vec<(i64, String, String)> {
    sqlx::query_as(
        "select c.code, ci.identification, a.district from customer_addresses a
         join customers c on c.tenant_id = a.tenant_id and c.id = a.customer_id
         join cities ci on ci.id = a.city_id
         where a.tenant_id = $1 and a.role = 'main' and a.preferred order by c.code",
    )
    .bind(tenant_id)
    .fetch_all(pool)
    .await
    .unwrap()
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

#[sqlx::test(migrations = "../migrations")]
async fn a_running_batch_shows_its_step_and_never_blocks_work_on_other_customers(pool: PgPool) {
    let w = world(&pool).await;
    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    let changes = change_part(0, "salesperson", &w.bruno.to_string(), "Carteira");
    let form = format!("{}{changes}", filter_part(w.north));
    let (_, preview) = post(&app, &cookie, "preview_bulk", &form).await;
    let taken_at = urlencode(preview["taken_at"].as_str().unwrap());

    // Someone is saving customer 2, one of the batch's: the batch waits for them.
    let mut someone = pool.begin().await.unwrap();
    sqlx::query("select 1 from customers where tenant_id = $1 and code = 2 for update")
        .bind(w.tenant_id)
        .execute(&mut *someone)
        .await
        .unwrap();
    let running = tokio::spawn({
        let (app, cookie) = (app.clone(), cookie.clone());
        let form =
            format!("{form}&taken_at={taken_at}&skip_changed_since=false&progress_token=tela-1");
        async move { post(&app, &cookie, "apply_bulk", &form).await }
    });

    let step = tokio::time::timeout(std::time::Duration::from_secs(20), async {
        loop {
            let (status, step) = post(&app, &cookie, "bulk_progress", "token=tela-1").await;
            assert_eq!(status, StatusCode::OK, "{step}");
            // Step 0 ("Começando") shows before the transaction opens; wait for the check.
            if !step.is_null() && step["step"] != 0 {
                break step;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the running batch reports its step");
    assert_eq!(step["step"], 1);
    assert_eq!(step["steps"], 4, "check, one field, versions, commit");
    assert_eq!(step["label"], "Conferindo e reservando os clientes");
    let (_, other_token) = post(&app, &cookie, "bulk_progress", "token=tela-2").await;
    assert!(other_token.is_null());

    // Meanwhile customer 5, outside the batch, is saved without waiting.
    tokio::time::timeout(
        std::time::Duration::from_secs(5),
        sqlx::query(
            "update customers set legal_name = 'Cliente 5 Ltda' where tenant_id = $1 and code = 5",
        )
        .bind(w.tenant_id)
        .execute(&pool),
    )
    .await
    .expect("work on a customer outside the batch does not wait for it")
    .unwrap();
    assert!(!running.is_finished(), "the batch waits for customer 2");

    someone.commit().await.unwrap();
    let (status, applied) = running.await.unwrap();
    assert_eq!(status, StatusCode::OK, "{applied}");
    assert_eq!(applied[1], 3, "customers 1-3 changed; 4 already had Bruno");
    let (_, ended) = post(&app, &cookie, "bulk_progress", "token=tela-1").await;
    assert!(ended.is_null(), "no step once the batch ended");
}
