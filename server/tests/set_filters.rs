//! R-BULK-2 on the customer's price lists and payment plans (issue 11): the list's five
//! operators, per company, kept current by the triggers whatever writes the sets (the tab,
//! a batch), and "is none of" followed by "alter all".
mod bulk_world;
mod common;

use axum::http::StatusCode;
use bulk_world::*;
use common::*;
use serde_json::Value;
use sqlx::PgPool;

fn set_form(conditions: &[(&str, &str, &[i64])]) -> String {
    let mut form =
        "filter[text]=&filter[status]=&filter[city]=&filter[sort]=Code&filter[after]=".to_string();
    for (i, (kind, op, ids)) in conditions.iter().enumerate() {
        form.push_str(&format!(
            "&filter[sets][{i}][kind]={kind}&filter[sets][{i}][op]={op}"
        ));
        for (j, id) in ids.iter().enumerate() {
            form.push_str(&format!("&filter[sets][{i}][ids][{j}]={id}"));
        }
    }
    form
}

async fn codes(app: &axum::Router, cookie: &str, conditions: &[(&str, &str, &[i64])]) -> Vec<i64> {
    let (status, body, _) = send(
        app,
        call("list_customers", &set_form(conditions), Some(cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let page: Value = serde_json::from_str(&body).unwrap();
    page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_i64().unwrap())
        .collect()
}

/// Links customers (by code) to an entry in a company.
async fn link(
    pool: &PgPool,
    w: &World,
    table: &str,
    column: &str,
    company: i64,
    entry: i64,
    customers: &[i64],
) {
    sqlx::query(&format!(
        "insert into {table} (tenant_id, company_id, customer_id, {column})
         select tenant_id, $2, id, $3 from customers where tenant_id = $1 and code = any($4)"
    ))
    .bind(w.tenant_id)
    .bind(company)
    .bind(entry)
    .bind(customers)
    .execute(pool)
    .await
    .unwrap();
}

#[sqlx::test(migrations = "../migrations")]
async fn r_bulk_2_price_list_and_plan_filters_answer_the_five_operators_per_company(pool: PgPool) {
    let w = world(&pool).await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let companies: Vec<i64> =
        sqlx::query_scalar("select id from companies where tenant_id = $1 order by code")
            .bind(w.tenant_id)
            .fetch_all(&pool)
            .await
            .unwrap();
    let (c1, c2) = (companies[0], companies[1]);
    let varejo = lookup_entry(&pool, w.tenant_id, c1, "price_list", "VAREJO").await;
    let atacado = lookup_entry(&pool, w.tenant_id, c1, "price_list", "ATACADO").await;
    let filial = lookup_entry(&pool, w.tenant_id, c2, "price_list", "FILIAL").await;
    let plan = lookup_entry(&pool, w.tenant_id, c1, "payment_plan", "30-60").await;
    // 1: varejo; 2: varejo + atacado; 3: atacado; 4, 5, 6: none in company 1 (5 has the
    // branch's list in company 2); 6 has the plan.
    let lists = ("customer_price_lists", "price_list_id");
    link(&pool, &w, lists.0, lists.1, c1, varejo, &[1, 2]).await;
    link(&pool, &w, lists.0, lists.1, c1, atacado, &[2, 3]).await;
    link(&pool, &w, lists.0, lists.1, c2, filial, &[5]).await;
    link(
        &pool,
        &w,
        "customer_payment_plans",
        "payment_plan_id",
        c1,
        plan,
        &[6],
    )
    .await;

    let pl = "PriceList";
    assert_eq!(
        codes(&app, &boss, &[(pl, "Only", &[varejo])]).await,
        vec![1]
    );
    assert_eq!(
        codes(&app, &boss, &[(pl, "AnyOf", &[varejo])]).await,
        vec![1, 2]
    );
    assert_eq!(
        codes(&app, &boss, &[(pl, "AnyOf", &[varejo, atacado])]).await,
        vec![1, 2, 3]
    );
    assert_eq!(
        codes(&app, &boss, &[(pl, "Only", &[varejo, atacado])]).await,
        vec![2]
    );
    assert_eq!(
        codes(&app, &boss, &[(pl, "NoneOf", &[varejo])]).await,
        vec![3, 4, 5, 6]
    );
    assert_eq!(
        codes(&app, &boss, &[(pl, "Empty", &[])]).await,
        vec![4, 5, 6]
    );
    assert_eq!(
        codes(&app, &boss, &[(pl, "NotEmpty", &[])]).await,
        vec![1, 2, 3]
    );
    assert_eq!(
        codes(
            &app,
            &boss,
            &[(pl, "NotEmpty", &[]), ("PaymentPlan", "Empty", &[])]
        )
        .await,
        vec![1, 2, 3]
    );
    assert_eq!(
        codes(&app, &boss, &[("PaymentPlan", "AnyOf", &[plan])]).await,
        vec![6]
    );
    // Another company's list names nothing here (R-COMPANY-1).
    assert_eq!(
        codes(&app, &boss, &[(pl, "AnyOf", &[filial])]).await,
        Vec::<i64>::new()
    );
    assert_eq!(
        codes(&app, &boss, &[(pl, "NoneOf", &[filial])]).await,
        Vec::<i64>::new()
    );

    // Unlinking keeps the markers current: 3 leaves atacado and is empty now.
    sqlx::query("delete from customer_price_lists where tenant_id = $1 and price_list_id = $2 and customer_id = (select id from customers where tenant_id = $1 and code = 3)")
        .bind(w.tenant_id)
        .bind(atacado)
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(
        codes(&app, &boss, &[(pl, "Empty", &[])]).await,
        vec![3, 4, 5, 6]
    );

    // "Is none of varejo" then alter all: those customers now hold exactly atacado.
    sqlx::query(
        "insert into customer_sales_defaults (tenant_id, company_id, customer_id)
         select tenant_id, $2, id from customers where tenant_id = $1",
    )
    .bind(w.tenant_id)
    .bind(c1)
    .execute(&pool)
    .await
    .unwrap();
    let form = format!(
        "{}{}",
        set_form(&[(pl, "NoneOf", &[varejo])]),
        change_part(0, "price_lists", &atacado.to_string(), ""),
    );
    let (status, preview, applied) = preview_then_apply(&app, &boss, &form, false).await;
    assert_eq!(status, StatusCode::OK, "{preview} {applied}");
    assert_eq!(preview["matching"], 4);
    assert_eq!(
        codes(&app, &boss, &[(pl, "Only", &[atacado])]).await,
        vec![3, 4, 5, 6]
    );
    assert_eq!(
        codes(&app, &boss, &[(pl, "AnyOf", &[varejo])]).await,
        vec![1, 2]
    );
}
