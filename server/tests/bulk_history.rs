//! A customer's history names the batch that changed it, and the undo of that batch (R-BULK).
mod bulk_world;
mod common;

use axum::http::StatusCode;
use bulk_world::*;
use common::*;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn the_history_names_the_batch_beside_the_user_and_its_undo(pool: PgPool) {
    let w = world(&pool).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let (_, applied) = move_north_to_bruno(&app, &boss, &w, false).await;
    let batch = applied[0].as_i64().unwrap();
    let (status, done) = post(&app, &boss, "undo_batch", &format!("batch_id={batch}")).await;
    assert_eq!(status, StatusCode::OK, "{done}");

    let customer: i64 =
        sqlx::query_scalar("select id from customers where tenant_id = $1 and code = 1")
            .bind(w.tenant_id)
            .fetch_one(&pool)
            .await
            .unwrap();
    let (status, history) = post(&app, &boss, "customer_history", &format!("id={customer}")).await;
    assert_eq!(status, StatusCode::OK, "{history}");
    let who: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["field"] == "Vendedor")
        .map(|c| c["user_name"].as_str().unwrap())
        .collect();
    assert_eq!(
        who,
        [
            format!("Chefe (desfez o lote {batch})"),
            format!("Chefe (lote {batch})")
        ]
    );
}
