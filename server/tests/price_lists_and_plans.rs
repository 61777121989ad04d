//! Price lists and payment plans (issue 11, R-SALES-4/5): the tables with their terms under
//! Tabelas, and the customer's own sets on the sales tab, saved with replace semantics.

mod common;
mod record_forms;
mod sales_forms;
mod table_forms;

use std::collections::BTreeMap;

use axum::http::StatusCode;
use common::*;
use sales_forms::*;
use sqlx::PgPool;
use table_forms::*;

#[sqlx::test(migrations = "../migrations")]
async fn r_sales_5_a_payment_plan_keeps_its_terms_copies_them_and_records_them(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;

    // Wrong terms: every field named, nothing written.
    let (status, body) = save_entry(
        &app,
        &boss,
        "payment_plan",
        &[
            ("input[code]", "30-60-90"),
            ("input[description]", "30/60/90 dias"),
            ("terms[installments]", "60/30"),
            ("terms[minimum_order_value]", "mil"),
            ("terms[valid_from]", "31/12/2026"),
            ("terms[valid_to]", "01/01/2026"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    for field in [
        "terms[installments]",
        "terms[minimum_order_value]",
        "terms[valid_to]",
    ] {
        assert!(body.contains(field), "{field} in {body}");
    }
    assert!(rows(&app, &boss, "payment_plan").await.is_empty());

    let (status, body) = save_entry(
        &app,
        &boss,
        "payment_plan",
        &[
            ("input[code]", "30-60-90"),
            ("input[description]", "30/60/90 dias"),
            ("terms[installments]", "30/60/90"),
            ("terms[minimum_order_value]", "1.500,00"),
            ("terms[uses_credit]", "on"),
            ("terms[valid_to]", "31/12/2027"),
            ("copy_to_all", "on"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let listed = rows(&app, &boss, "payment_plan").await;
    let terms = &listed[0]["terms"];
    assert_eq!(terms["installment_days"], serde_json::json!([30, 60, 90]));
    assert_eq!(terms["minimum_order_value"], "1500.00");
    assert_eq!(terms["uses_credit"], true);
    assert_eq!(
        terms["all_customers"], false,
        "unticked: selected customers"
    );
    assert_eq!(terms["validity"]["to"], "2027-12-31");

    // Copied with its terms into the boss's other company (R-COMPANY-2).
    let copies: Vec<(i64, Vec<i16>)> = sqlx::query_as(
        "select e.company_id, t.installment_days from lookup_entries e
         join payment_plan_terms t on t.tenant_id = e.tenant_id and t.entry_id = e.id
         where e.tenant_id = $1 and e.kind = 'payment_plan' order by e.company_id",
    )
    .bind(alpha.tenant_id)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        copies,
        vec![
            (alpha.companies[&1], vec![30, 60, 90]),
            (alpha.companies[&2], vec![30, 60, 90])
        ]
    );

    // Altering a term is one history line, as the form shows it.
    let id = listed[0]["id"].as_i64().unwrap().to_string();
    let version = listed[0]["version"].as_i64().unwrap().to_string();
    let (status, body) = save_entry(
        &app,
        &boss,
        "payment_plan",
        &[
            ("id", &id),
            ("version", &version),
            ("input[code]", "30-60-90"),
            ("input[description]", "30/60/90 dias"),
            ("terms[installments]", "30/60/90/120"),
            ("terms[minimum_order_value]", "1.500,00"),
            ("terms[uses_credit]", "on"),
            ("terms[valid_to]", "31/12/2027"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let history: Vec<(String, String, String)> = sqlx::query_as(
        "select field, old_value, new_value from lookup_changes
         where tenant_id = $1 and company_id = $2 and kind = 'payment_plan' order by id desc limit 1",
    )
    .bind(alpha.tenant_id)
    .bind(alpha.companies[&1])
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        history,
        vec![(
            "Parcelas (dias)".to_string(),
            "30/60/90".to_string(),
            "30/60/90/120".to_string()
        )]
    );
}

async fn linked_lists(pool: &PgPool, customer_id: i64) -> Vec<String> {
    sqlx::query_scalar(
        "select e.code from customer_price_lists l
         join lookup_entries e on e.tenant_id = l.tenant_id and e.id = l.price_list_id
         where l.customer_id = $1 order by e.code",
    )
    .bind(customer_id)
    .fetch_all(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn r_sales_4_saving_the_ticked_lists_replaces_the_customers_set_and_records_it(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let (t, c1, c2) = (alpha.tenant_id, alpha.companies[&1], alpha.companies[&2]);
    let varejo = lookup_entry(&pool, t, c1, "price_list", "VAREJO").await;
    let atacado = lookup_entry(&pool, t, c1, "price_list", "ATACADO").await;
    let promo = lookup_entry(&pool, t, c1, "price_list", "PROMO").await;
    let elsewhere = lookup_entry(&pool, t, c2, "price_list", "FILIAL").await;
    let a_plan = lookup_entry(&pool, t, c1, "payment_plan", "AV").await;
    let customer = new_customer(&app, &boss).await;

    let (version, input, view) = open_tab(&app, &boss, customer).await;
    let offered: Vec<&str> = view["own"][0]["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        offered,
        vec!["ATACADO", "PROMO", "VAREJO"],
        "the company's lists only"
    );

    let (status, body) = save_tab(
        &app,
        &boss,
        customer,
        version,
        &with_set(input.clone(), "price_list", &[varejo, atacado]),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        linked_lists(&pool, customer).await,
        vec!["ATACADO", "VAREJO"]
    );

    // Replace: kept, added, removed in one save.
    let (version, input, _) = open_tab(&app, &boss, customer).await;
    assert_eq!(
        input.own["price_list"].len(),
        2,
        "the tab shows the set ticked"
    );
    let (status, body) = save_tab(
        &app,
        &boss,
        customer,
        version,
        &with_set(input, "price_list", &[atacado, promo]),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        linked_lists(&pool, customer).await,
        vec!["ATACADO", "PROMO"]
    );
    let history = sales_history(&pool, customer).await;
    let lines: Vec<_> = history
        .iter()
        .filter(|(field, _, _)| field == "Listas de preço")
        .collect();
    assert_eq!(
        lines,
        vec![
            &(
                "Listas de preço".to_string(),
                String::new(),
                "ATACADO - ATACADO desc, VAREJO - VAREJO desc".to_string()
            ),
            &(
                "Listas de preço".to_string(),
                "ATACADO - ATACADO desc, VAREJO - VAREJO desc".to_string(),
                "ATACADO - ATACADO desc, PROMO - PROMO desc".to_string()
            ),
        ]
    );

    // Another company's list, or a plan ticked as a list: refused beside the field, nothing saved.
    let (version, input, _) = open_tab(&app, &boss, customer).await;
    for wrong in [elsewhere, a_plan] {
        let (status, body) = save_tab(
            &app,
            &boss,
            customer,
            version,
            &with_set(input.clone(), "price_list", &[atacado, wrong]),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body.contains("own.price_list"), "{body}");
    }
    let (status, body) = save_tab(&app, &boss, customer, version, &{
        let mut malformed = input.clone();
        malformed.own.insert(
            "price_list".into(),
            BTreeMap::from([("x".to_string(), "on".to_string())]),
        );
        malformed
    })
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        linked_lists(&pool, customer).await,
        vec!["ATACADO", "PROMO"]
    );

    // A list in use is not deleted; the count says how many customers hold it.
    assert_eq!(
        rows(&app, &boss, "price_list")
            .await
            .iter()
            .find(|r| r["code"] == "PROMO")
            .unwrap()["customers"],
        1
    );
    let (status, body, _) = send(
        &app,
        call(
            "delete_lookup",
            &format!("kind=price_list&id={promo}"),
            Some(&boss),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let (status, body, _) = send(
        &app,
        call(
            "delete_lookup",
            &format!("kind=price_list&id={varejo}"),
            Some(&boss),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[sqlx::test(migrations = "../migrations")]
async fn r_perm_1_the_own_lists_need_alter_sales_defaults(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let list = lookup_entry(
        &pool,
        alpha.tenant_id,
        alpha.companies[&1],
        "price_list",
        "VAREJO",
    )
    .await;
    let customer = new_customer(&app, &boss).await;
    let (version, input, _) = open_tab(&app, &clerk, customer).await;
    let (status, body) = save_tab(
        &app,
        &clerk,
        customer,
        version,
        &with_set(input, "price_list", &[list]),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(linked_lists(&pool, customer).await.is_empty());
}

#[sqlx::test(migrations = "../migrations")]
async fn r_sales_1_a_new_customer_starts_with_the_companys_price_list_and_plan(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let (t, c1, c2) = (alpha.tenant_id, alpha.companies[&1], alpha.companies[&2]);
    let varejo = lookup_entry(&pool, t, c1, "price_list", "VAREJO").await;
    let cash = lookup_entry(&pool, t, c1, "payment_plan", "AV").await;
    let elsewhere = lookup_entry(&pool, t, c2, "price_list", "FILIAL").await;
    let form = |list: i64, plan: i64| {
        encode(&[
            ("version", "1"),
            ("input[credit_use]", "optional"),
            ("input[credit_order]", "ascending"),
            ("input[own][price_list]", &list.to_string()),
            ("input[own][payment_plan]", &plan.to_string()),
        ])
    };
    // Another company's list is not a choice here.
    let (status, body, _) = send(
        &app,
        call("save_company_settings", &form(elsewhere, cash), Some(&boss)),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, body, _) = send(
        &app,
        call("save_company_settings", &form(varejo, cash), Some(&boss)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let recorded: Vec<(String, String)> = sqlx::query_as(
        "select field, new_value from company_settings_changes
         where tenant_id = $1 and field like '% (cliente novo)' order by field",
    )
    .bind(t)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        recorded,
        vec![
            (
                "Lista de preço (cliente novo)".to_string(),
                "VAREJO - VAREJO desc".to_string()
            ),
            (
                "Plano de pagamento (cliente novo)".to_string(),
                "AV - AV desc".to_string()
            )
        ]
    );

    let customer = new_customer(&app, &boss).await;
    assert_eq!(linked_lists(&pool, customer).await, vec!["VAREJO"]);
    let (_, input, _) = open_tab(&app, &boss, customer).await;
    assert!(input.own["payment_plan"].contains_key(&cash.to_string()));
}
