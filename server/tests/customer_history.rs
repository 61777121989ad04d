//! The customer's history: who, when, field, old and new value, as the form shows them, in
//! the user's company (R-COMPANY-3), for legacy records too.
mod common;
mod record_forms;

use axum::http::StatusCode;
use common::*;
use record_forms::*;
use serde_json::Value;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn an_edit_writes_who_when_company_field_old_and_new(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let (_, id) = create(
        &app,
        &clerk,
        &record_form("1", "individual", "52998224725", "Maria Silva"),
    )
    .await;
    let id = id.as_i64().unwrap();
    sqlx::query("delete from customer_changes")
        .execute(&pool)
        .await
        .unwrap();

    let edit = format!(
        "id={id}&version=1&{}",
        record_form("2", "individual", "52998224725", "Maria Souza")
    );
    let (status, _) = create(&app, &clerk, &edit).await;
    assert_eq!(status, StatusCode::OK);
    let rows: Vec<(i64, i64, String, String, String, String)> = sqlx::query_as(
        "select company_id, user_id, user_name, field, old_value, new_value from customer_changes order by field",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let clerk_id = alpha.users["clerk@alpha.test"];
    let company = alpha.companies[&1];
    assert_eq!(
        rows,
        vec![
            (
                company,
                clerk_id,
                "Auxiliar".into(),
                "Código".into(),
                "1".into(),
                "2".into()
            ),
            (
                company,
                clerk_id,
                "Auxiliar".into(),
                "Nome fantasia".into(),
                "Maria Silva".into(),
                "Maria Souza".into()
            ),
            (
                company,
                clerk_id,
                "Auxiliar".into(),
                "Razão social".into(),
                "Maria Silva".into(),
                "Maria Souza".into()
            ),
        ]
    );
    let (status, body, _) = send(
        &app,
        call("customer_history", &format!("id={id}"), Some(&clerk)),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let history: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(history.as_array().unwrap().len(), 3);
    let version: i32 = sqlx::query_scalar("select version from customers")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(version, 2);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_legacy_record_that_fails_todays_rules_can_be_corrected_and_its_history_kept(
    pool: PgPool,
) {
    let alpha = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    // Imported long ago with a CPF that fails today's check digits.
    let id: i64 = sqlx::query_scalar(
        "insert into customers (tenant_id, code, kind, document, legal_name, trade_name)
         values ($1, 1, 'individual', '52998224700', 'Maria Silva', 'Maria Silva') returning id",
    )
    .bind(alpha.tenant_id)
    .fetch_one(&pool)
    .await
    .unwrap();
    let fix = format!(
        "id={id}&version=1&{}",
        record_form("1", "individual", "529.982.247-25", "Maria Silva")
    );
    let (status, body) = create(&app, &clerk, &fix).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let changes: Vec<(String, String, String)> = sqlx::query_as(
        "select field, old_value, new_value from customer_changes where customer_id = $1 order by field",
    )
    .bind(id)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        changes,
        vec![
            // Item 8: the corrected document shows masked; the legacy one, which cannot be
            // masked, as it was stored.
            (
                "CPF/CNPJ".into(),
                "52998224700".into(),
                "529.982.247-25".into()
            ),
            ("Inscrição estadual".into(), "".into(), "ISENTO".into()),
        ]
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn r_company_3_history_shows_profile_changes_of_the_users_company_only(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let (_, id) = create(
        &app,
        &boss,
        &record_form("1", "individual", "52998224725", "Maria Silva"),
    )
    .await;
    let id = id.as_i64().unwrap();
    // In company 2 (not on the clerk's list) the boss sets the customer's region.
    let region = lookup_entry(&pool, alpha.tenant_id, alpha.companies[&2], "region", "SC").await;
    let (status, _, _) = send(
        &app,
        call(
            "switch_company",
            &format!("company_id={}", alpha.companies[&2]),
            Some(&boss),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let edit = format!(
        "id={id}&version=1&{}&{}",
        record_form("1", "individual", "52998224725", "Maria Silva Becker"),
        [
            ("profile[customer_group]", String::new()),
            ("profile[activity_branch]", String::new()),
            ("profile[region]", region.to_string()),
            ("profile[salesperson]", String::new()),
            ("profile[category]", String::new()),
        ]
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&")
    );
    let (status, body) = create(&app, &boss, &edit).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let fields = |cookie: String| {
        let app = app.clone();
        async move {
            let (status, body, _) = send(
                &app,
                call("customer_history", &format!("id={id}"), Some(&cookie)),
            )
            .await;
            assert_eq!(status, StatusCode::OK, "{body}");
            let rows: Value = serde_json::from_str(&body).unwrap();
            rows.as_array()
                .unwrap()
                .iter()
                .map(|r| r["field"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        }
    };
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let seen_by_clerk = fields(clerk).await;
    assert!(
        seen_by_clerk.contains(&"Razão social".to_string()),
        "{seen_by_clerk:?}"
    );
    assert!(
        !seen_by_clerk.contains(&"Região".to_string()),
        "{seen_by_clerk:?}"
    );
    assert!(fields(boss).await.contains(&"Região".to_string()));
}

fn form_with(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// (field, old, new) of the customer's history as the record page reads it, oldest first.
async fn history_rows(app: &axum::Router, cookie: &str, id: i64) -> Vec<(String, String, String)> {
    let (status, body, _) = send(
        app,
        call("customer_history", &format!("id={id}"), Some(cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let rows: Value = serde_json::from_str(&body).unwrap();
    let text = |row: &Value, key: &str| row[key].as_str().unwrap().to_string();
    let mut rows: Vec<(String, String, String)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (text(r, "field"), text(r, "old_value"), text(r, "new_value")))
        .collect();
    rows.reverse();
    rows
}

#[sqlx::test(migrations = "../migrations")]
async fn history_shows_kind_status_date_and_document_as_the_form_does(pool: PgPool) {
    // Finding (issue 10, item 8): the history showed `active`, `legal_entity`, `2027-12-31`
    // and the document unmasked.
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let (status, id) = create(
        &app,
        &clerk,
        &record_form("1", "individual", "52998224725", "Maria Silva"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{id}");
    let id = id.as_i64().unwrap();
    let created = history_rows(&app, &clerk, id).await;
    for shown in [
        ("Tipo", "", "Física"),
        ("CPF/CNPJ", "", "529.982.247-25"),
        ("Situação", "", "Ativo"),
    ] {
        let shown = (
            shown.0.to_string(),
            shown.1.to_string(),
            shown.2.to_string(),
        );
        assert!(created.contains(&shown), "{shown:?} in {created:?}");
    }

    let edit = format!(
        "id={id}&version=1&{}",
        form_with(&[
            ("input[code]", "1"),
            ("input[kind]", "legal_entity"),
            ("input[document]", "12abc34501de35"),
            ("input[state_registration]", "ISENTO"),
            ("input[legal_name]", "Maria Silva"),
            ("input[trade_name]", ""),
            ("input[status]", "pending"),
            ("input[email]", ""),
            ("input[phone]", ""),
            ("input[valid_until]", "2027-12-31"),
        ])
    );
    let (status, body) = create(&app, &clerk, &edit).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let rows = history_rows(&app, &clerk, id).await;
    let edited: Vec<(&str, &str, &str)> = rows[created.len()..]
        .iter()
        .map(|(f, o, n)| (f.as_str(), o.as_str(), n.as_str()))
        .collect();
    assert_eq!(
        edited,
        vec![
            ("Tipo", "Física", "Jurídica"),
            ("CPF/CNPJ", "529.982.247-25", "12.ABC.345/01DE-35"),
            ("Situação", "Ativo", "Pendente"),
            ("Cadastro válido até", "", "31/12/2027"),
        ]
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn history_written_before_item_8_reads_as_the_form_shows_after_the_migration(pool: PgPool) {
    // Rows as the code before issue 10, item 8 wrote them, then the migration that rewrites
    // them (run again: it changes only what it would have changed when it ran).
    let alpha = tenant(&pool, "alpha").await;
    let before: Vec<(&str, &str, &str)> = vec![
        ("Tipo", "", "legal_entity"),
        ("Tipo", "legal_entity", "individual"),
        ("Situação", "active", "inactive"),
        ("Situação", "inactive", "pending"),
        ("Cadastro válido até", "", "2027-12-31"),
        ("Cadastro válido até", "2026-02-01", ""),
        ("CPF/CNPJ", "52998224700", "52998224725"),
        ("CPF/CNPJ", "", "12ABC34501DE35"),
        ("CPF/CNPJ", "12abc34501de35", "11222333000181"),
        ("CPF/CNPJ", "11111111111", "00000000000000"),
        ("CPF/CNPJ", "legacy-123", "12ABC34501DE34"),
        ("Razão social", "active", "2027-12-31"),
        ("Situação", "Ativo", "Inativo"),
    ];
    for (field, old, new) in &before {
        sqlx::query(
            "insert into customer_changes (tenant_id, customer_id, company_id, user_id, user_name,
                                           field, old_value, new_value)
             values ($1, 1, $2, 1, 'Carga', $3, $4, $5)",
        )
        .bind(alpha.tenant_id)
        .bind(alpha.companies[&1])
        .bind(field)
        .bind(old)
        .bind(new)
        .execute(&pool)
        .await
        .unwrap();
    }
    sqlx::raw_sql(include_str!(
        "../../migrations/20261123000040_history_as_the_form_shows.sql"
    ))
    .execute(&pool)
    .await
    .unwrap();
    let after: Vec<(String, String, String)> =
        sqlx::query_as("select field, old_value, new_value from customer_changes order by id")
            .fetch_all(&pool)
            .await
            .unwrap();
    // What today's code writes for a record holding the same values.
    let shown = |field: &str, value: &str| {
        let stored = rules::customer::CustomerInput {
            kind: value.into(),
            document: value.into(),
            status: value.into(),
            valid_until: value.into(),
            ..Default::default()
        };
        match field {
            "Tipo" | "CPF/CNPJ" | "Situação" | "Cadastro válido até" => {
                rules::customer::stored_audited_fields(&stored)
                    .into_iter()
                    .find(|(name, _)| *name == field)
                    .unwrap()
                    .1
            }
            _ => value.to_string(),
        }
    };
    let expected: Vec<(String, String, String)> = before
        .iter()
        .map(|(f, o, n)| (f.to_string(), shown(f, o), shown(f, n)))
        .collect();
    assert_eq!(after, expected);
    assert_eq!(
        after[2],
        ("Situação".into(), "Ativo".into(), "Inativo".into())
    );
    assert_eq!(
        after[8],
        (
            "CPF/CNPJ".into(),
            "12abc34501de35".into(),
            "11.222.333/0001-81".into()
        )
    );
    assert_eq!(
        after[6],
        (
            "CPF/CNPJ".into(),
            "52998224700".into(),
            "529.982.247-25".into()
        )
    );
}
