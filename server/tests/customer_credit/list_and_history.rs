//! The credit figures elsewhere than the record's panel: each list row's available credit, the
//! Financeiro tab's receivables with today's status, and a customer with receivables kept.

use super::*;

#[sqlx::test(migrations = "../migrations")]
async fn r_credit_2_the_list_shows_each_row_s_available_credit_in_the_current_company(
    pool: PgPool,
) {
    let t = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let c1 = t.companies[&1];
    let within = zanella(&app, &boss).await;
    let (status, over) = create(
        &app,
        &boss,
        &record_form("2", "individual", "52998224725", "Maria Silva"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{over}");
    let over = over.as_i64().unwrap();
    let (status, unlimited) = create(
        &app,
        &boss,
        &record_form("3", "individual", "11144477735", "João Souza"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{unlimited}");
    let unlimited = unlimited.as_i64().unwrap();
    set_limits(&pool, t.tenant_id, c1, within, Some("10000.00"), None).await;
    receivable(
        &pool,
        (t.tenant_id, c1, within),
        "NF 1",
        -5,
        "3500.00",
        "3500.00",
        false,
    )
    .await;
    credit(
        &pool,
        t.tenant_id,
        c1,
        within,
        "advance",
        "350.00",
        "350.00",
    )
    .await;
    set_limits(&pool, t.tenant_id, c1, over, Some("100.00"), None).await;
    receivable(
        &pool,
        (t.tenant_id, c1, over),
        "NF 2",
        5,
        "250.00",
        "250.00",
        false,
    )
    .await;
    // Owed in another company: not this company's credit.
    receivable(
        &pool,
        (t.tenant_id, t.companies[&2], within),
        "NF 3",
        5,
        "999.00",
        "999.00",
        false,
    )
    .await;

    let form = "filter[text]=&filter[status]=&filter[city]=&filter[sort]=Code&filter[after]=";
    let (status, body, _) = send(&app, call("list_customers", form, Some(&boss))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let page: Value = serde_json::from_str(&body).unwrap();
    let rows = page["rows"].as_array().unwrap();
    let row = |id: i64| rows.iter().find(|r| r["id"].as_i64() == Some(id)).unwrap();
    assert_eq!(row(within)["available_credit"], "R$ 6.850,00");
    assert_eq!(row(within)["over_limit"], false);
    assert_eq!(row(over)["available_credit"], "-R$ 150,00");
    assert_eq!(row(over)["over_limit"], true);
    assert_eq!(row(unlimited)["available_credit"], "Ilimitado");
}

#[sqlx::test(migrations = "../migrations")]
async fn r_hist_1_the_tab_lists_the_current_company_s_receivables_with_today_s_status(
    pool: PgPool,
) {
    let t = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = zanella(&app, &boss).await;
    let c1 = t.companies[&1];
    receivable(
        &pool,
        (t.tenant_id, c1, id),
        "NF 1",
        10,
        "100.00",
        "100.00",
        false,
    )
    .await;
    receivable(
        &pool,
        (t.tenant_id, c1, id),
        "NF 2",
        -5,
        "200.00",
        "150.00",
        false,
    )
    .await;
    receivable(
        &pool,
        (t.tenant_id, c1, id),
        "NF 3",
        -6,
        "300.00",
        "300.00",
        true,
    )
    .await;
    receivable(
        &pool,
        (t.tenant_id, c1, id),
        "NF 4",
        -40,
        "400.00",
        "0.00",
        false,
    )
    .await;
    receivable(
        &pool,
        (t.tenant_id, t.companies[&2], id),
        "NF 5",
        1,
        "500.00",
        "500.00",
        false,
    )
    .await;

    let (status, body, _) = send(
        &app,
        call(
            "customer_receivables",
            &format!("customer_id={id}"),
            Some(&boss),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let rows: Value = serde_json::from_str(&body).unwrap();
    let seen: Vec<(&str, &str, &str)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["document"].as_str().unwrap(),
                r["status"].as_str().unwrap(),
                r["balance"].as_str().unwrap(),
            )
        })
        .collect();
    // Newest due first; company 2's NF 5 is not in company 1's list.
    assert_eq!(
        seen,
        [
            ("NF 1/1", "open", "100.00"),
            ("NF 2/1", "overdue", "150.00"),
            // Cancelled: nothing left to receive, whatever its row kept (R-HIST-1).
            ("NF 3/1", "cancelled", "0.00"),
            ("NF 4/1", "received", "0.00"),
        ]
    );
    let stranger = {
        tenant(&pool, "beta").await;
        sign_in(&app, "boss@beta.test").await
    };
    let (status, _, _) = send(
        &app,
        call(
            "customer_receivables",
            &format!("customer_id={id}"),
            Some(&stranger),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_customer_with_receivables_is_not_deleted_and_is_told_to_be_inactivated(pool: PgPool) {
    let t = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = zanella(&app, &boss).await;
    receivable(
        &pool,
        (t.tenant_id, t.companies[&2], id),
        "NF 1",
        -400,
        "100.00",
        "0.00",
        false,
    )
    .await;
    let (status, body, _) = send(
        &app,
        call(
            "delete_customer",
            &format!("id={id}&version=1"),
            Some(&boss),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body.contains("inative-o"), "{body}");
    let still: i64 = sqlx::query_scalar("select count(*) from customers where id = $1")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(still, 1);
}
