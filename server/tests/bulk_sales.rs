//! Batch maintenance of the sales tab's fields (issue 11): the price lists replaced as the tab
//! replaces them (R-SALES-4, R-BULK-3), a commercial table's entry, the tab's version, undo.
mod bulk_world;
mod common;
mod record_forms;
mod sales_forms;
mod table_forms;

use std::collections::BTreeMap;

use axum::http::StatusCode;
use bulk_world::*;
use common::*;
use sales_forms::*;
use sqlx::PgPool;
use table_forms::delete_entry;

async fn lists_of(pool: &PgPool, tenant_id: i64) -> Vec<(i64, Vec<String>)> {
    let rows: Vec<(i64, Option<String>)> = sqlx::query_as(
        "select c.code, (select string_agg(e.code, ',' order by e.code)
                         from customer_price_lists l
                         join lookup_entries e on e.tenant_id = l.tenant_id and e.id = l.price_list_id
                         where l.tenant_id = c.tenant_id and l.customer_id = c.id)
         from customers c where c.tenant_id = $1 order by c.code",
    )
    .bind(tenant_id)
    .fetch_all(pool)
    .await
    .unwrap();
    rows.into_iter()
        .map(|(code, lists)| {
            let lists = lists
                .map(|l| l.split(',').map(str::to_string).collect())
                .unwrap_or_default();
            (code, lists)
        })
        .collect()
}

async fn history_of(
    pool: &PgPool,
    customer_code: i64,
    field: &str,
) -> Vec<(String, String, String, bool)> {
    sqlx::query_as(
        "select h.field, h.old_value, h.new_value, h.company_scoped from customer_changes h
         join customers c on c.tenant_id = h.tenant_id and c.id = h.customer_id
         where c.code = $1 and h.field = $2 order by h.id",
    )
    .bind(customer_code)
    .bind(field)
    .fetch_all(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn r_bulk_3_price_lists_in_bulk_replace_each_set_as_the_tab_does(pool: PgPool) {
    let w = world(&pool).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let (t, c1) = (w.tenant_id, w.company_id);
    let l1 = lookup_entry(&pool, t, c1, "price_list", "L1").await;
    let l2 = lookup_entry(&pool, t, c1, "price_list", "L2").await;
    let l3 = lookup_entry(&pool, t, c1, "price_list", "L3").await;
    let pix = lookup_entry(&pool, t, c1, "billing_type", "PIX").await;
    // Every customer has its sales defaults in company 1; 1, 2 and 5 hold L1, 3 holds L1 and L2.
    sqlx::query(
        "insert into customer_sales_defaults (tenant_id, company_id, customer_id)
         select tenant_id, $2, id from customers where tenant_id = $1",
    )
    .bind(t)
    .bind(c1)
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query(
        "insert into customer_price_lists (tenant_id, company_id, customer_id, price_list_id)
         select c.tenant_id, $2, c.id, l from customers c
         cross join unnest(array[$3, $4]) as l
         where c.tenant_id = $1 and (c.code in (1, 2, 5) and l = $3 or c.code = 3)",
    )
    .bind(t)
    .bind(c1)
    .bind(l1)
    .bind(l2)
    .execute(&pool)
    .await
    .unwrap();
    let id_of = |code: i64| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "select id from customers where tenant_id = $1 and code = $2",
            )
            .bind(t)
            .bind(code)
            .fetch_one(&pool)
            .await
            .unwrap()
        }
    };
    // The tab of customer 1 opened before the batch.
    let (stale_version, stale_input, _) = open_tab(&app, &boss, id_of(1).await).await;

    // Customer 5 (south) by hand on the tab: L1 → L2, L3.
    let five = id_of(5).await;
    let (version, mut input, _) = open_tab(&app, &boss, five).await;
    input.own.insert(
        "price_list".into(),
        BTreeMap::from([(l2.to_string(), "on".into()), (l3.to_string(), "on".into())]),
    );
    let (status, body) = save_tab(&app, &boss, five, version, &input).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // The north (1–4) in bulk: the same lists, and PIX as billing type.
    let form = format!(
        "{}{}{}",
        filter_part(w.north),
        change_part(0, "price_lists", &urlencode(&format!("{l3},{l2}")), ""),
        change_part(1, "billing_type", &pix.to_string(), ""),
    );
    let (status, preview, applied) = preview_then_apply(&app, &boss, &form, false).await;
    assert_eq!(status, StatusCode::OK, "{preview} {applied}");
    assert_eq!(
        preview["changing"],
        serde_json::json!([["Listas de preço", 4], ["Tipo de cobrança", 4]])
    );
    let lists = lists_of(&pool, t).await;
    let l23 = vec!["L2".to_string(), "L3".to_string()];
    assert_eq!(
        lists,
        vec![
            (1, l23.clone()),
            (2, l23.clone()),
            (3, l23.clone()),
            (4, l23.clone()),
            (5, l23.clone()),
            (6, vec![])
        ]
    );
    // R-BULK-3: customer 1's history line is the one the tab wrote for customer 5.
    let by_hand = history_of(&pool, 5, "Listas de preço").await;
    assert_eq!(history_of(&pool, 1, "Listas de preço").await, by_hand);
    assert_eq!(
        by_hand,
        vec![(
            "Listas de preço".to_string(),
            "L1 - L1 desc".to_string(),
            "L2 - L2 desc, L3 - L3 desc".to_string(),
            true
        )]
    );
    assert_eq!(
        history_of(&pool, 4, "Tipo de cobrança").await,
        vec![(
            "Tipo de cobrança".to_string(),
            String::new(),
            "PIX - PIX desc".to_string(),
            true
        )]
    );
    // The tab opened before the batch is stale now.
    let (status, body) = save_tab(&app, &boss, id_of(1).await, stale_version, &stale_input).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");

    // A list the batch may write back cannot be deleted until the batch is undone.
    let (status, body) = delete_entry(&app, &boss, "price_list", l1).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");

    // Undo: every set back as it was, billing types cleared again.
    let batch = applied[0].as_i64().unwrap();
    let (status, done) = post(&app, &boss, "undo_batch", &format!("batch_id={batch}")).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    let lists = lists_of(&pool, t).await;
    assert_eq!(lists[0], (1, vec!["L1".to_string()]));
    assert_eq!(lists[2], (3, vec!["L1".to_string(), "L2".to_string()]));
    assert_eq!(lists[3], (4, vec![]));
    assert_eq!(lists[4], (5, l23), "the hand edit is not the batch's");
    let billing: Vec<Option<i64>> = sqlx::query_scalar(
        "select billing_type_id from customer_sales_defaults where tenant_id = $1 order by customer_id",
    )
    .bind(t)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(billing.iter().all(Option::is_none), "{billing:?}");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_bulk_set_of_another_companys_lists_is_refused_and_changes_nothing(pool: PgPool) {
    let w = world(&pool).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let companies: Vec<i64> =
        sqlx::query_scalar("select id from companies where tenant_id = $1 order by code")
            .bind(w.tenant_id)
            .fetch_all(&pool)
            .await
            .unwrap();
    let elsewhere = lookup_entry(&pool, w.tenant_id, companies[1], "price_list", "FILIAL").await;
    let form = format!(
        "{}{}",
        filter_part(w.north),
        change_part(0, "price_lists", &elsewhere.to_string(), ""),
    );
    let (status, body) = post(&app, &boss, "preview_bulk", &form).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(count(&pool, "customer_price_lists").await, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn r_bulk_3_numbers_in_bulk_are_stored_and_recorded_as_the_tab_does(pool: PgPool) {
    let w = world(&pool).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    // Every customer has sales defaults in company 1 with a 2 % discount; 3 may not get
    // discounts (R-SALES-3: stored 0).
    sqlx::query(
        "insert into customer_sales_defaults (tenant_id, company_id, customer_id, discount, allows_discount)
         select tenant_id, $2, id, case when code = 3 then 0 else 2 end, code <> 3
         from customers where tenant_id = $1",
    )
    .bind(w.tenant_id)
    .bind(w.company_id)
    .execute(&pool)
    .await
    .unwrap();
    let five: i64 =
        sqlx::query_scalar("select id from customers where tenant_id = $1 and code = 5")
            .bind(w.tenant_id)
            .fetch_one(&pool)
            .await
            .unwrap();
    let (version, mut input, _) = open_tab(&app, &boss, five).await;
    input.credit_limit = "5.000".into();
    input.discount = "-2,5".into();
    let (status, body) = save_tab(&app, &boss, five, version, &input).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // Wrong input is named beside its line, nothing written.
    let wrong = format!(
        "{}{}",
        filter_part(w.north),
        change_part(0, "max_discount", "150", "")
    );
    let (status, body) = post(&app, &boss, "preview_bulk", &wrong).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains("changes[0][value]"), "{body}");

    let form = format!(
        "{}{}{}",
        filter_part(w.north),
        change_part(0, "credit_limit", &urlencode("5.000"), ""),
        change_part(1, "discount", &urlencode("-2,5"), ""),
    );
    let (status, preview, applied) = preview_then_apply(&app, &boss, &form, false).await;
    assert_eq!(status, StatusCode::OK, "{preview} {applied}");
    assert_eq!(
        preview["changing"],
        serde_json::json!([["Limite de crédito", 4], ["Desconto/acréscimo", 3]]),
        "customer 3 may not get discounts: it keeps 0"
    );
    let stored: Vec<(i64, Option<String>, Option<String>)> = sqlx::query_as(
        "select c.code, d.credit_limit::text, d.discount::text from customer_sales_defaults d
         join customers c on c.tenant_id = d.tenant_id and c.id = d.customer_id
         where d.tenant_id = $1 order by c.code",
    )
    .bind(w.tenant_id)
    .fetch_all(&pool)
    .await
    .unwrap();
    let limit = Some("5000.00".to_string());
    let (surcharge, two, zero) = (
        Some("-2.50".to_string()),
        Some("2.00".to_string()),
        Some("0.00".to_string()),
    );
    assert_eq!(
        stored,
        vec![
            (1, limit.clone(), surcharge.clone()),
            (2, limit.clone(), surcharge.clone()),
            (3, limit.clone(), zero),
            (4, limit.clone(), surcharge.clone()),
            (5, limit, surcharge),
            (6, None, two),
        ]
    );
    // R-BULK-3: the lines the batch wrote are those the tab wrote for customer 5.
    for field in ["Limite de crédito", "Desconto/acréscimo"] {
        let by_hand = history_of(&pool, 5, field).await;
        assert_eq!(by_hand.len(), 1, "{field}");
        assert_eq!(history_of(&pool, 1, field).await, by_hand, "{field}");
    }
    assert_eq!(
        history_of(&pool, 1, "Limite de crédito").await[0].2,
        "R$ 5.000,00"
    );

    // Without "alter credit limit" the limit is refused in bulk too (R-PERM-1).
    sqlx::query(
        "delete from profile_permissions where tenant_id = $1 and permission = 'customer.credit_limit'",
    )
    .bind(w.tenant_id)
    .execute(&pool)
    .await
    .unwrap();
    let (status, body) = post(&app, &boss, "preview_bulk", &form).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
}
