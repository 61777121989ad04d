//! Customer advances (issue 12, R-ADV-1..2): register, settle receivables with one, refund
//! what is left — each behind its permission — and never spent twice by racing requests.

mod common;
mod finance_forms;
mod record_forms;

use axum::http::StatusCode;
use common::*;
use finance_forms::{enable_advances, form, post, receivable, register_advance, use_advance};
use record_forms::new_customer as zanella;
use sqlx::PgPool;

async fn balance(pool: &PgPool, table: &str, id: i64) -> String {
    sqlx::query_scalar(&format!("select balance::text from {table} where id = $1"))
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn r_adv_2_register_settle_two_receivables_partly_and_refund_the_rest(pool: PgPool) {
    let t = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = zanella(&app, &boss).await;
    // R-ADV-1: a company that does not work with advances refuses one, beside the value.
    let (status, body) = register_advance(&app, &boss, id, "1.000,00").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["Invalid"][0]["field"], "value");
    enable_advances(&pool, t.tenant_id).await;
    // R-ADV-2: nor an advance dated after today.
    let future = form(&[
        ("customer_id", &id.to_string()),
        ("input[date]", "31/12/2099"),
        ("input[value]", "10,00"),
        ("input[means]", "pix"),
        ("input[notes]", ""),
    ]);
    let (status, body) = post(&app, Some(&boss), "register_advance", &future).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["Invalid"][0]["field"], "date");
    let (status, advance) = register_advance(&app, &boss, id, "1.000,00").await;
    assert_eq!(status, StatusCode::OK, "{advance}");
    let advance = advance.as_i64().unwrap();
    let first = receivable(&app, &boss, id, "NF 1", "300,00").await;
    let second = receivable(&app, &boss, id, "NF 2", "500,00").await;

    // 700 of the advance: the first receivable whole, 400 of the second.
    let (status, used) = use_advance(&app, &boss, advance, &[first, second], "700,00").await;
    assert_eq!(status, StatusCode::OK, "{used}");
    assert_eq!(used["balance"], "300.00");
    assert_eq!(used["settled"], 2);
    assert_eq!(balance(&pool, "receivables", first).await, "0.00");
    assert_eq!(balance(&pool, "receivables", second).await, "100.00");
    assert_eq!(balance(&pool, "customer_credits", advance).await, "300.00");
    // Never beyond the advance.
    let (status, body) = use_advance(&app, &boss, advance, &[second], "300,01").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    // Nor dated after today.
    let future = format!(
        "advance_id={advance}&paid_on=31%2F12%2F2099&amount=&receivable_ids%5B0%5D={second}"
    );
    let (status, body) = post(&app, Some(&boss), "settle_with_advance", &future).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["Invalid"][0]["field"], "date");
    // Nor before the advance came in (01/12/2026).
    let before = format!(
        "advance_id={advance}&paid_on=30%2F11%2F2026&amount=&receivable_ids%5B0%5D={second}"
    );
    let (status, body) = post(&app, Some(&boss), "settle_with_advance", &before).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        body["Invalid"][0]["message"],
        "A data não pode ser anterior à do adiantamento (01/12/2026)."
    );

    // The refund takes what is left; a second finds nothing.
    let refund = form(&[
        ("advance_id", &advance.to_string()),
        ("input[date]", "06/12/2026"),
        ("input[amount]", ""),
        ("input[means]", "check"),
        ("input[reason]", "Cliente pediu a devolução"),
    ]);
    // Money not yet paid back is not on the books: a refund dated after today is refused.
    let tomorrow = form(&[
        ("advance_id", &advance.to_string()),
        ("input[date]", "31/12/2099"),
        ("input[amount]", ""),
        ("input[means]", "bank"),
        ("input[reason]", "Cliente pediu a devolução"),
    ]);
    let (status, body) = post(&app, Some(&boss), "refund_advance", &tomorrow).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["Invalid"][0]["field"], "date");
    // Nor one dated before the advance: the statement would go below zero.
    let earlier = form(&[
        ("advance_id", &advance.to_string()),
        ("input[date]", "31/12/2019"),
        ("input[amount]", "50,00"),
        ("input[means]", "bank"),
        ("input[reason]", "Cliente pediu a devolução"),
    ]);
    let (status, body) = post(&app, Some(&boss), "refund_advance", &earlier).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        body["Invalid"][0]["message"],
        "A data não pode ser anterior à do adiantamento (01/12/2026)."
    );
    let (status, left) = post(&app, Some(&boss), "refund_advance", &refund).await;
    assert_eq!(status, StatusCode::OK, "{left}");
    assert_eq!(left, "0.00");
    let (status, _) = post(&app, Some(&boss), "refund_advance", &refund).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let refunded: String =
        sqlx::query_scalar("select sum(amount)::text from customer_credit_refunds")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(refunded, "300.00");
    let settled: String = sqlx::query_scalar(
        "select sum(principal)::text from receivable_settlements where credit_id = $1",
    )
    .bind(advance)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(settled, "700.00");
}

#[sqlx::test(migrations = "../migrations")]
async fn r_perm_advances_are_refused_without_their_permissions_and_across_tenants(pool: PgPool) {
    let t = tenant(&pool, "alpha").await;
    tenant(&pool, "beta").await;
    enable_advances(&pool, t.tenant_id).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = zanella(&app, &boss).await;
    let (_, advance) = register_advance(&app, &boss, id, "100,00").await;
    let advance = advance.as_i64().unwrap();
    let first = receivable(&app, &boss, id, "NF 1", "50,00").await;
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let (status, _) = register_advance(&app, &clerk, id, "10,00").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = use_advance(&app, &clerk, advance, &[first], "").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let stranger = sign_in(&app, "boss@beta.test").await;
    let (status, _) = use_advance(&app, &stranger, advance, &[first], "").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(balance(&pool, "customer_credits", advance).await, "100.00");
}

/// Two people use the same advance at once, each on a different receivable, each for most of
/// it: one settlement lands, the other is refused — the advance is never spent twice.
#[sqlx::test(migrations = "../migrations")]
async fn r_adv_2_two_requests_racing_on_one_advance_never_spend_it_twice(pool: PgPool) {
    let t = tenant(&pool, "alpha").await;
    enable_advances(&pool, t.tenant_id).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = zanella(&app, &boss).await;
    for round in 0..5 {
        let (_, advance) = register_advance(&app, &boss, id, "1.000,00").await;
        let advance = advance.as_i64().unwrap();
        let a = receivable(&app, &boss, id, &format!("NF A{round}"), "800,00").await;
        let b = receivable(&app, &boss, id, &format!("NF B{round}"), "800,00").await;
        let (only_a, only_b) = ([a], [b]);
        let (first, second) = tokio::join!(
            use_advance(&app, &boss, advance, &only_a, "800,00"),
            use_advance(&app, &boss, advance, &only_b, "800,00"),
        );
        let mut statuses = [first.0, second.0];
        statuses.sort();
        assert_eq!(
            statuses,
            [StatusCode::OK, StatusCode::UNPROCESSABLE_ENTITY],
            "round {round}: {first:?} {second:?}"
        );
        assert_eq!(balance(&pool, "customer_credits", advance).await, "200.00");
        let spent: String = sqlx::query_scalar(
            "select sum(principal)::text from receivable_settlements where credit_id = $1",
        )
        .bind(advance)
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!(spent, "800.00");
    }
}

/// The second of two people who opened the same advance finds it spent: a conflict, so the
/// screen reloads its figures instead of showing the balance it was opened with.
#[sqlx::test(migrations = "../migrations")]
async fn an_advance_spent_meanwhile_is_a_conflict_not_a_field_error(pool: PgPool) {
    let t = tenant(&pool, "alpha").await;
    enable_advances(&pool, t.tenant_id).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = zanella(&app, &boss).await;
    let (_, advance) = register_advance(&app, &boss, id, "300,00").await;
    let advance = advance.as_i64().unwrap();
    let a = receivable(&app, &boss, id, "NF A", "300,00").await;
    let b = receivable(&app, &boss, id, "NF B", "300,00").await;
    // Both chosen, the advance reaches only the first: one title settled, not two.
    let (status, used) = use_advance(&app, &boss, advance, &[a, b], "").await;
    assert_eq!(status, StatusCode::OK, "{used}");
    assert_eq!(
        (&used["settled"], &used["balance"]),
        (&1.into(), &"0.00".into())
    );
    let (status, body) = use_advance(&app, &boss, advance, &[b], "").await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body.to_string().contains("já não tem saldo"), "{body}");
    assert_eq!(balance(&pool, "receivables", b).await, "300.00");
}
