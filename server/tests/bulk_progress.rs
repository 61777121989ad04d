//! A running batch shows its steps and locks only its own customers.
mod bulk_world;
mod common;

use axum::http::StatusCode;
use bulk_world::*;
use common::*;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn a_running_batch_shows_its_step_and_never_blocks_work_on_other_customers(pool: PgPool) {
    let w = world(&pool).await;
    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    let changes = change_part(0, "salesperson", &w.bruno.to_string(), "Carteira");
    let form = format!("{}{changes}", filter_part(w.north));
    let (_, preview) = post(&app, &cookie, "preview_bulk", &form).await;
    let token = urlencode(preview["preview_token"].as_str().unwrap());

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
            format!("{form}&preview_token={token}&skip_changed_since=false&progress_token=tela-1");
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

#[sqlx::test(migrations = "../migrations")]
async fn a_batch_that_failed_is_not_shown_as_running_though_its_row_remains(pool: PgPool) {
    let w = world(&pool).await;
    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    let changes = change_part(0, "salesperson", &w.bruno.to_string(), "Carteira");
    let form = format!("{}{changes}", filter_part(w.north));
    let (_, preview) = post(&app, &cookie, "preview_bulk", &form).await;
    let token = urlencode(preview["preview_token"].as_str().unwrap());
    // Customer 2 is saved after the preview: the batch is refused after it started reporting.
    sqlx::query(
        "update customers set updated_at = now() + interval '1 minute', version = version + 1
         where tenant_id = $1 and code = 2",
    )
    .bind(w.tenant_id)
    .execute(&pool)
    .await
    .unwrap();
    let (status, _) = post(
        &app,
        &cookie,
        "apply_bulk",
        &format!("{form}&preview_token={token}&skip_changed_since=false&progress_token=tela-9"),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        count(&pool, "bulk_progress").await,
        1,
        "the row the batch left"
    );
    let (_, step) = post(&app, &cookie, "bulk_progress", "token=tela-9").await;
    assert!(
        step.is_null(),
        "its transaction is gone: not running ({step})"
    );
}
