//! Issue 11: the record's "Padrão para vendas" tab through real requests on a real database —
//! the company's defaults (R-SALES-1), the field permissions (R-PERM-1), the stale-edit check,
//! the history, per company (R-COMPANY-1/3), and racing saves.

mod common;
mod record_forms;
mod sales_forms;

use axum::http::StatusCode;
use common::*;
use record_forms::*;
use rules::sales::defaults::SalesDefaultsInput;
use sales_forms::*;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn r_sales_1_a_new_customer_starts_from_the_settings_of_the_company_it_is_created_in(
    pool: PgPool,
) {
    let created = tenant(&pool, "alpha").await;
    sqlx::query(
        "update company_sales_settings set daily_interest = 0.0333, pre_approved_credit_limit = 5000,
                late_fee = 2, credit_use = 'always'
         where company_id = $1",
    )
    .bind(created.companies[&1])
    .execute(&pool)
    .await
    .unwrap();
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = new_customer(&app, &boss).await;

    let (version, input, view) = open_tab(&app, &boss, id).await;
    assert_eq!(version, 1, "the creation wrote the company's defaults");
    assert_eq!(input.daily_interest, "0,0333");
    assert_eq!(
        input.credit_limit, "",
        "R-CREDIT-1: empty, the pre-approved applies"
    );
    assert_eq!(input.late_fee_source, "company");
    assert_eq!(input.credit_use, "", "follows the company");
    assert_eq!(
        view["company"]["credit_limit"],
        "Vazio: R$ 5.000,00 (pré-aprovado da empresa)."
    );
    assert_eq!(view["company"]["credit_use"], "Sempre utilizar");
    assert_eq!(view["company"]["late_fee"], "2%");
    // R-SALES-7: a CNPJ with an exempt IE buys for consumption.
    assert_eq!(view["derived_purpose"], "Consumo");
}

#[sqlx::test(migrations = "../migrations")]
async fn r_perm_1_without_alter_sales_defaults_a_change_is_refused_and_nothing_changes(
    pool: PgPool,
) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let id = new_customer(&app, &clerk).await;
    let (version, mut input, _) = open_tab(&app, &clerk, id).await;

    // Saving what was shown changes nothing and needs no permission.
    let (status, body) = save_tab(&app, &clerk, id, version, &input).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    input.discount = "5".into();
    let (status, body) = save_tab(&app, &clerk, id, version, &input).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(stored_row(&pool, id).await, (None, None, 1));
    assert!(sales_history(&pool, id).await.is_empty());
}

#[sqlx::test(migrations = "../migrations")]
async fn r_perm_1_the_credit_limit_needs_its_own_permission(pool: PgPool) {
    let created = tenant(&pool, "alpha").await;
    // The clerk may alter sales defaults, not the limit; the viewer only the limit.
    grant(
        &pool,
        created.tenant_id,
        "Escritório",
        "customer.sales_defaults",
    )
    .await;
    grant(
        &pool,
        created.tenant_id,
        "Consulta",
        "customer.credit_limit",
    )
    .await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let viewer = sign_in(&app, "viewer@alpha.test").await;
    let id = new_customer(&app, &clerk).await;

    let (version, mut input, _) = open_tab(&app, &clerk, id).await;
    input.discount = "5".into();
    input.credit_limit = "12.500,00".into();
    let (status, body) = save_tab(&app, &clerk, id, version, &input).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(
        stored_row(&pool, id).await,
        (None, None, 1),
        "nothing of a refused save is kept, not even the fields it could change"
    );

    input.credit_limit = String::new();
    let (status, body) = save_tab(&app, &clerk, id, version, &input).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(stored_row(&pool, id).await, (None, Some("5.00".into()), 2));

    let (version, mut input, _) = open_tab(&app, &viewer, id).await;
    input.discount = "7".into();
    let (status, _) = save_tab(&app, &viewer, id, version, &input).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "the limit's permission is not the rest's"
    );
    input.discount = "5".into();
    input.credit_limit = "12.500,00".into();
    let (status, body) = save_tab(&app, &viewer, id, version, &input).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        stored_row(&pool, id).await,
        (Some("12500.00".into()), Some("5.00".into()), 3)
    );
    assert_eq!(
        sales_history(&pool, id).await,
        vec![
            ("Desconto/acréscimo".into(), String::new(), "5%".into()),
            (
                "Limite de crédito".into(),
                String::new(),
                "R$ 12.500,00".into()
            ),
        ]
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn wrong_input_is_named_beside_its_field_and_nothing_is_saved(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = new_customer(&app, &boss).await;
    let (version, mut input, _) = open_tab(&app, &boss, id).await;
    input.credit_limit = "-5".into();
    input.discount = "150".into();
    input.late_fee_source = "customer".into();
    input.conditional_discount.days_before_due = "3".into();
    let (status, body) = save_tab(&app, &boss, id, version, &input).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    for field in [
        "credit_limit",
        "discount",
        "late_fee",
        "conditional_discount_percent",
    ] {
        assert!(body.contains(&format!("\"{field}\"")), "{field} in {body}");
    }
    assert!(body.contains("Informe a multa do cliente"), "{body}");
    assert_eq!(stored_row(&pool, id).await, (None, None, 1));

    // A choice that is no choice, or a version that is no number, is a malformed request.
    input = SalesDefaultsInput {
        credit_use: "whenever".into(),
        ..open_tab(&app, &boss, id).await.1
    };
    let (status, body) = save_tab(&app, &boss, id, version, &input).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("credit_use"), "{body}");
    let form = sales_form(id, version, &open_tab(&app, &boss, id).await.1)
        .replace("version=1", "version=um");
    let (status, _, _) = send(&app, call("save_sales_defaults", &form, Some(&boss))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_tab_saved_by_someone_else_since_it_was_opened_is_refused_as_stale(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = new_customer(&app, &boss).await;
    let (version, input, _) = open_tab(&app, &boss, id).await;

    let mut first = input.clone();
    first.discount = "3".into();
    assert_eq!(
        save_tab(&app, &boss, id, version, &first).await.0,
        StatusCode::OK
    );
    let mut second = input.clone();
    second.discount = "4".into();
    let (status, body) = save_tab(&app, &boss, id, version, &second).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body.contains("alterado por Chefe"), "{body}");
    assert_eq!(stored_row(&pool, id).await.1, Some("3.00".into()));

    // The tab has its own version: an identity form opened before is not made stale by it.
    let identity = format!(
        "id={id}&version=1&{}",
        record_form(
            "1",
            "legal_entity",
            "11.222.333/0001-81",
            "Zanella Comércio Ltda"
        )
    );
    let (status, body) = create(&app, &boss, &identity).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[sqlx::test(migrations = "../migrations")]
async fn r_company_1_each_company_keeps_its_own_sales_defaults_and_history(pool: PgPool) {
    let created = tenant(&pool, "alpha").await;
    sqlx::query("update company_sales_settings set daily_interest = 0.05 where company_id = $1")
        .bind(created.companies[&2])
        .execute(&pool)
        .await
        .unwrap();
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = new_customer(&app, &boss).await;
    let (version, mut input, _) = open_tab(&app, &boss, id).await;
    input.max_discount = "8".into();
    assert_eq!(
        save_tab(&app, &boss, id, version, &input).await.0,
        StatusCode::OK
    );

    let switch = format!("company_id={}", created.companies[&2]);
    let (status, _, _) = send(&app, call("switch_company", &switch, Some(&boss))).await;
    assert_eq!(status, StatusCode::OK);
    let (version, input, _) = open_tab(&app, &boss, id).await;
    assert_eq!(version, 0, "never used in company 2");
    assert_eq!(input.max_discount, "");
    assert_eq!(
        input.daily_interest, "0,05",
        "company 2's defaults (R-SALES-1)"
    );
    let (status, body, _) = send(
        &app,
        call("customer_history", &format!("id={id}"), Some(&boss)),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        !body.contains("Desconto máximo"),
        "R-COMPANY-3: company 1's change is not shown in company 2: {body}"
    );

    // The first save in company 2 writes its row; company 1's stays as it was.
    let mut input = input;
    input.requires_prepayment = "on".into();
    assert_eq!(save_tab(&app, &boss, id, 0, &input).await.0, StatusCode::OK);
    let rows: Vec<(i64, Option<String>, bool)> = sqlx::query_as(
        "select company_id, max_discount::text, requires_prepayment from customer_sales_defaults
         where customer_id = $1 order by company_id",
    )
    .bind(id)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        rows,
        vec![
            (created.companies[&1], Some("8.00".into()), false),
            (created.companies[&2], None, true),
        ]
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn racing_saves_of_one_tab_let_exactly_one_win_and_never_fail(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = new_customer(&app, &boss).await;
    for round in 0..4 {
        let (version, input, _) = open_tab(&app, &boss, id).await;
        // Eight tab saves from the same opened version, and an identity save beside them:
        // one tab save wins, the rest are stale; none waits forever or fails.
        let saves = (0..8).map(|n| {
            let (app, boss, mut input) = (app.clone(), boss.clone(), input.clone());
            input.discount = format!("{}", round * 10 + n + 1);
            tokio::spawn(async move { save_tab(&app, &boss, id, version, &input).await })
        });
        let saves: Vec<_> = saves.collect();
        let identity = {
            let (app, boss) = (app.clone(), boss.clone());
            let version: i32 = sqlx::query_scalar("select version from customers where id = $1")
                .bind(id)
                .fetch_one(&pool)
                .await
                .unwrap();
            tokio::spawn(async move {
                let form = format!(
                    "id={id}&version={version}&{}",
                    record_form(
                        "1",
                        "legal_entity",
                        "11.222.333/0001-81",
                        &format!("Zanella {round}")
                    )
                );
                create(&app, &boss, &form).await.0
            })
        };
        let mut statuses = Vec::new();
        for save in saves {
            statuses.push(save.await.unwrap().0);
        }
        assert_eq!(identity.await.unwrap(), StatusCode::OK);
        let won = statuses.iter().filter(|s| **s == StatusCode::OK).count();
        let stale = statuses
            .iter()
            .filter(|s| **s == StatusCode::CONFLICT)
            .count();
        assert_eq!((won, stale), (1, 7), "round {round}: {statuses:?}");
        let history = sales_history(&pool, id).await;
        assert_eq!(
            history.len(),
            round as usize + 1,
            "one history row per winning save"
        );
        let stored = stored_row(&pool, id).await;
        assert_eq!(
            format!("{}%", stored.1.unwrap().trim_end_matches(".00")),
            history.last().unwrap().2,
            "the stored discount is the last one the history shows"
        );
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn r_sales_11_mortgage_and_bail_need_their_own_permission(pool: PgPool) {
    let created = tenant(&pool, "alpha").await;
    grant(
        &pool,
        created.tenant_id,
        "Escritório",
        "customer.sales_defaults",
    )
    .await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = new_customer(&app, &clerk).await;
    let (version, mut input, _) = open_tab(&app, &clerk, id).await;
    input.guarantees.bail_guarantor = "Ana Zanella".into();
    input.guarantees.bail_due = "30/06/2027".into();
    let (status, body) = save_tab(&app, &clerk, id, version, &input).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");

    input.guarantees.bail_issued = "01/07/2027".into();
    let (status, body) = save_tab(&app, &boss, id, version, &input).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("guarantees.bail_issued"), "{body}");
    input.guarantees.bail_issued = "01/07/2026".into();
    let (status, body) = save_tab(&app, &boss, id, version, &input).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, shown, _) = open_tab(&app, &clerk, id).await;
    assert_eq!(shown.guarantees.bail_due, "30/06/2027");
    assert_eq!(shown.guarantees.bail_guarantor, "Ana Zanella");
    let history = sales_history(&pool, id).await;
    assert!(
        history.contains(&(
            "Fiança: vencimento".into(),
            String::new(),
            "30/06/2027".into()
        )),
        "{history:?}"
    );
    assert!(
        history.contains(&("Fiança: fiador".into(), String::new(), "Ana Zanella".into())),
        "{history:?}"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn r_sales_11_insurance_only_where_the_company_works_with_it_and_mandatory_names_its_insurance(
    pool: PgPool,
) {
    let created = tenant(&pool, "alpha").await;
    let company = created.companies[&1];
    let cargo = lookup_entry(&pool, created.tenant_id, company, "insurance", "CARGA").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = new_customer(&app, &boss).await;
    let (version, mut input, _) = open_tab(&app, &boss, id).await;
    input.insurance_profile = "mandatory".into();
    let (status, body) = save_tab(&app, &boss, id, version, &input).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body.contains("A empresa não trabalha com seguros"),
        "{body}"
    );

    sqlx::query("update company_sales_settings set insurance_enabled = true where company_id = $1")
        .bind(company)
        .execute(&pool)
        .await
        .unwrap();
    let (status, body) = save_tab(&app, &boss, id, version, &input).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("tables.insurance"), "{body}");
    input.tables.insert("insurance".into(), cargo.to_string());
    let (status, body) = save_tab(&app, &boss, id, version, &input).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (version, mut input, _) = open_tab(&app, &boss, id).await;
    assert_eq!(input.insurance_profile, "mandatory");
    assert_eq!(input.tables["insurance"], cargo.to_string());

    // Back to no insurance: the chosen insurance goes with it.
    input.insurance_profile = "none".into();
    let (status, body) = save_tab(&app, &boss, id, version, &input).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, input, _) = open_tab(&app, &boss, id).await;
    assert_eq!(input.tables["insurance"], "");
}

#[sqlx::test(migrations = "../migrations")]
async fn r_sales_10_using_the_buyers_lists_is_kept_for_who_registers_allowed_carriers(
    pool: PgPool,
) {
    let created = tenant(&pool, "alpha").await;
    grant(
        &pool,
        created.tenant_id,
        "Escritório",
        "customer.sales_defaults",
    )
    .await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let id = new_customer(&app, &clerk).await;
    let (version, mut input, _) = open_tab(&app, &clerk, id).await;
    input.uses_buyers_lists = "on".into();
    let (status, body) = save_tab(&app, &clerk, id, version, &input).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    grant(
        &pool,
        created.tenant_id,
        "Escritório",
        "customer.allowed_carriers",
    )
    .await;
    let (status, body) = save_tab(&app, &clerk, id, version, &input).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(open_tab(&app, &clerk, id).await.1.uses_buyers_lists, "on");
    assert!(sales_history(&pool, id).await.contains(&(
        "Usa transportadoras e frotas do comprador".into(),
        "Não".into(),
        "Sim".into()
    )));
}
