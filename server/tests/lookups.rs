mod common;

use axum::http::StatusCode;
use common::*;
use serde_json::Value;
use sqlx::PgPool;

fn save_form(
    kind: &str,
    // The row altered and the version it was opened at; `None` creates one.
    id: Option<(i64, i32)>,
    code: &str,
    description: &str,
    active: bool,
    copy_to_all: bool,
) -> String {
    let mut form = format!(
        "kind={kind}&input[code]={}&input[description]={}",
        urlencode(code),
        urlencode(description)
    )
    .replace('[', "%5B")
    .replace(']', "%5D");
    if let Some((id, version)) = id {
        form.push_str(&format!("&id={id}&version={version}"));
    }
    if active {
        form.push_str("&active=on");
    }
    if copy_to_all {
        form.push_str("&copy_to_all=on");
    }
    form
}

async fn list(app: &axum::Router, cookie: &str, kind: &str) -> Value {
    let (status, body, _) = send(
        app,
        call("list_lookup", &format!("kind={kind}"), Some(cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    serde_json::from_str(&body).unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn r_perm_1_reading_needs_a_session_and_writing_needs_maintain_tables(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let viewer = sign_in(&app, "viewer@alpha.test").await;
    assert_eq!(list(&app, &viewer, "region").await, Value::Array(vec![]));
    let (status, _, _) = send(
        &app,
        call(
            "save_lookup",
            &save_form("region", None, "RS", "Rio Grande do Sul", true, false),
            Some(&viewer),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = send(&app, call("list_lookup", "kind=region", None)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let (status, body, _) = send(
        &app,
        call(
            "save_lookup",
            &save_form("region", None, "rs", "Rio Grande do Sul", true, false),
            Some(&clerk),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let rows = list(&app, &clerk, "region").await;
    assert_eq!(rows[0]["code"], "RS");
    assert_eq!(rows[0]["active"], true);

    let (status, body, _) = send(
        &app,
        call(
            "save_lookup",
            &save_form("region", None, "RS", "Outra", true, false),
            Some(&clerk),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("O código RS já existe nesta empresa."),
        "{body}"
    );

    // "Alter customers" alone does not maintain the tables: that is a permission of its own.
    sqlx::query("delete from profile_permissions where permission = 'tables.maintain'")
        .execute(&pool)
        .await
        .unwrap();
    for (endpoint, form) in [
        (
            "save_lookup",
            save_form("region", None, "SC", "Santa Catarina", true, false),
        ),
        ("delete_lookup", format!("kind=region&id={}", rows[0]["id"])),
    ] {
        let (status, body, _) = send(&app, call(endpoint, &form, Some(&clerk))).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{endpoint}: {body}");
    }
    assert_eq!(
        list(&app, &clerk, "region").await.as_array().unwrap().len(),
        1
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn r_perm_2_copy_to_all_companies_reaches_only_the_users_companies_and_is_recorded(
    pool: PgPool,
) {
    let alpha = tenant(&pool, "alpha").await;
    let app = app(&pool);
    // The boss acts in companies 1 and 2, not 3.
    let boss = sign_in(&app, "boss@alpha.test").await;
    // Company 2 already has SC with an old description.
    sqlx::query("insert into lookup_entries (tenant_id, company_id, kind, code, description) values ($1, $2, 'region', 'SC', 'Antiga')")
        .bind(alpha.tenant_id)
        .bind(alpha.companies[&2])
        .execute(&pool)
        .await
        .unwrap();
    let (status, body, _) = send(
        &app,
        call(
            "save_lookup",
            &save_form("region", None, "SC", "Santa Catarina", true, true),
            Some(&boss),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "select company_id, description from lookup_entries where tenant_id = $1 and code = 'SC' order by company_id",
    )
    .bind(alpha.tenant_id)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        rows,
        vec![
            (alpha.companies[&1], "Santa Catarina".to_string()),
            (alpha.companies[&2], "Santa Catarina".to_string())
        ],
        "the user's companies only: not company 3, nor another tenant's"
    );
    // Every row written is in its company's history: who, field, old, new.
    let recorded: Vec<(i64, String, String, String, String)> = sqlx::query_as(
        "select company_id, user_name, field, old_value, new_value from lookup_changes
         where tenant_id = $1 order by company_id, id",
    )
    .bind(alpha.tenant_id)
    .fetch_all(&pool)
    .await
    .unwrap();
    let (c1, c2) = (alpha.companies[&1], alpha.companies[&2]);
    assert_eq!(
        recorded,
        vec![
            (
                c1,
                "Chefe".into(),
                "Inclusão".into(),
                "".into(),
                "SC".into()
            ),
            (
                c1,
                "Chefe".into(),
                "Descrição".into(),
                "".into(),
                "Santa Catarina".into()
            ),
            (c1, "Chefe".into(), "Ativo".into(), "".into(), "Sim".into()),
            (
                c2,
                "Chefe".into(),
                "Descrição".into(),
                "Antiga".into(),
                "Santa Catarina".into()
            ),
        ]
    );
    let (status, body, _) = send(&app, call("lookup_history", "kind=region", Some(&boss))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let shown: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        shown.as_array().unwrap().len(),
        3,
        "company 1's rows only: {shown}"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn two_users_creating_the_same_code_at_once_the_second_is_refused(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    for round in 0..10 {
        let code = format!("R{round}");
        let requests = [(&boss, "Pelo chefe"), (&clerk, "Pelo auxiliar")].map(|(cookie, text)| {
            let (app, cookie) = (app.clone(), cookie.clone());
            let form = save_form("region", None, &code, text, true, false);
            tokio::spawn(async move {
                let (status, body, _) = send(&app, call("save_lookup", &form, Some(&cookie))).await;
                (status, body, text)
            })
        });
        let mut saved = Vec::new();
        for request in requests {
            let (status, body, text) = request.await.unwrap();
            match status {
                StatusCode::OK => saved.push(text),
                StatusCode::UNPROCESSABLE_ENTITY => {
                    assert!(body.contains("já existe nesta empresa"), "{body}")
                }
                other => panic!("round {round}: {other} {body}"),
            }
        }
        assert_eq!(saved.len(), 1, "round {round}: exactly one creates the row");
        let stored: String = sqlx::query_scalar(
            "select description from lookup_entries where code = $1 and kind = 'region'",
        )
        .bind(&code)
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!(stored, saved[0], "round {round}: nobody's row written over");
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_row_in_use_cannot_be_deleted_and_the_message_counts_its_customers(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    for code in ["V01", "V02"] {
        send(
            &app,
            call(
                "save_lookup",
                &save_form("salesperson", None, code, "Vendedor", true, false),
                Some(&boss),
            ),
        )
        .await;
    }
    let rows = list(&app, &boss, "salesperson").await;
    let used = rows[0]["id"].as_i64().unwrap();
    let unused = rows[1]["id"].as_i64().unwrap();
    sqlx::query(
        "insert into customers (tenant_id, code, kind, document, legal_name, trade_name)
         values ($1, 1, 'individual', '52998224725', 'A', 'A'), ($1, 2, 'individual', '11144477735', 'B', 'B')",
    )
    .bind(alpha.tenant_id)
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query(
        "insert into customer_profiles (tenant_id, company_id, customer_id, salesperson_id)
         select $1, $2, id, $3 from customers where tenant_id = $1",
    )
    .bind(alpha.tenant_id)
    .bind(alpha.companies[&1])
    .bind(used)
    .execute(&pool)
    .await
    .unwrap();
    assert_eq!(list(&app, &boss, "salesperson").await[0]["customers"], 2);

    let (status, body, _) = send(
        &app,
        call(
            "delete_lookup",
            &format!("kind=salesperson&id={used}"),
            Some(&boss),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("2 clientes usam este registro"), "{body}");
    let (status, _, _) = send(
        &app,
        call(
            "delete_lookup",
            &format!("kind=salesperson&id={unused}"),
            Some(&boss),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        list(&app, &boss, "salesperson")
            .await
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Deactivating is the way out for a row in use.
    let (status, _, _) = send(
        &app,
        call(
            "save_lookup",
            &save_form(
                "salesperson",
                Some((used, 1)),
                "V01",
                "Vendedor",
                false,
                false,
            ),
            Some(&boss),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list(&app, &boss, "salesperson").await[0]["active"], false);
}

#[sqlx::test(migrations = "../migrations")]
async fn another_tenant_neither_sees_nor_deletes_the_rows(pool: PgPool) {
    tenant(&pool, "alpha").await;
    tenant(&pool, "beta").await;
    let app = app(&pool);
    let alpha_boss = sign_in(&app, "boss@alpha.test").await;
    send(
        &app,
        call(
            "save_lookup",
            &save_form("category", None, "A", "Grandes contas", true, true),
            Some(&alpha_boss),
        ),
    )
    .await;
    let id = list(&app, &alpha_boss, "category").await[0]["id"]
        .as_i64()
        .unwrap();

    let beta_boss = sign_in(&app, "boss@beta.test").await;
    assert_eq!(
        list(&app, &beta_boss, "category").await,
        Value::Array(vec![])
    );
    let (status, _, _) = send(
        &app,
        call(
            "delete_lookup",
            &format!("kind=category&id={id}"),
            Some(&beta_boss),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = send(
        &app,
        call(
            "save_lookup",
            &save_form("category", Some((id, 1)), "A", "Tomada", true, false),
            Some(&beta_boss),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// Issue 11: a commercial table (billing types) on the same machinery: created and copied to
/// the user's companies, chosen on a customer's sales tab (only an entry of that table in that
/// company), recorded in the customer's history, and not deletable while a customer or the
/// company's defaults use it.
#[sqlx::test(migrations = "../migrations")]
async fn r_company_2_a_commercial_table_is_kept_chosen_and_guarded_like_the_others(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let (status, body, _) = send(
        &app,
        call(
            "save_lookup",
            &save_form("billing_type", None, "pix", "PIX", true, true),
            Some(&boss),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let rows = list(&app, &boss, "billing_type").await;
    assert_eq!(
        (rows[0]["code"].as_str(), rows[0]["customers"].as_i64()),
        (Some("PIX"), Some(0))
    );
    let pix = rows[0]["id"].as_i64().unwrap();
    let copies: i64 =
        sqlx::query_scalar("select count(*) from lookup_entries where kind = 'billing_type'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(copies, 2, "copied to the boss's two companies only");
    let other_company = lookup_entry(
        &pool,
        alpha.tenant_id,
        alpha.companies[&2],
        "billing_type",
        "CHQ",
    )
    .await;
    let other_kind = lookup_entry(
        &pool,
        alpha.tenant_id,
        alpha.companies[&1],
        "currency",
        "BRL",
    )
    .await;

    let (status, id, _) = send(
        &app,
        call(
            "save_customer",
            "input%5Bcode%5D=1&input%5Bkind%5D=legal_entity&input%5Bdocument%5D=11222333000181&input%5Blegal_name%5D=Zanella&input%5Bstatus%5D=active&input%5Bstate_registration%5D=ISENTO",
            Some(&boss),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{id}");
    let save_tab = |entry: i64| {
        format!(
            "customer_id={id}&version=1&input%5Blate_fee_source%5D=company&input%5Ballows_discount%5D=on&input%5Bdelivery_block%5D=none&input%5Bsuggested_lot%5D=none&input%5Btables%5D%5Bbilling_type%5D={entry}"
        )
    };
    for wrong in [other_company, other_kind] {
        let (status, body, _) = send(
            &app,
            call("save_sales_defaults", &save_tab(wrong), Some(&boss)),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body.contains("tables.billing_type"), "{body}");
    }
    let (status, body, _) = send(
        &app,
        call("save_sales_defaults", &save_tab(pix), Some(&boss)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let history: Vec<(String, String)> = sqlx::query_as(
        "select field, new_value from customer_changes where field = 'Tipo de cobrança'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        history,
        vec![("Tipo de cobrança".to_string(), "PIX - PIX".to_string())]
    );
    assert_eq!(list(&app, &boss, "billing_type").await[0]["customers"], 1);

    let (status, body, _) = send(
        &app,
        call(
            "delete_lookup",
            &format!("kind=billing_type&id={pix}"),
            Some(&boss),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body.contains("1 cliente usa este registro"), "{body}");
}
