//! "Financeiro → Contas a receber" (issue 12) through real requests: the current company's
//! receivables filtered, paged by due date, with totals by status of everything that matches —
//! the status worked out in SQL agreeing with `rules::finance::status` on every status.

mod common;
mod finance_forms;
mod receivables_screen_calls;
mod record_forms;

use axum::http::StatusCode;
use common::*;
use finance_forms::{form, post, register_invoice};
use receivables_screen_calls::*;
use record_forms::new_customer as zanella;
use serde_json::Value;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn the_status_in_sql_agrees_with_the_rules_on_every_status_and_totals_cover_all_matches(
    pool: PgPool,
) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let (id, _) = one_of_each_status(&pool, &app, &boss).await;
    // Facts that overlap, where the first status in the rules' order wins: a cancelled one
    // paid off and listed, a received one listed and in collection, a listed one in collection.
    sqlx::query(
        "update receivables set
             balance = case when document = 'NF GONE' then 0 else balance end,
             sent_to_credit_bureau = document in ('NF GONE', 'NF PAID', 'NF SPC'),
             in_collection = document in ('NF PAID', 'NF SPC', 'NF COBR')",
    )
    .execute(&pool)
    .await
    .unwrap();
    let (status, page) = list(&app, &boss, &[], "").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(page["company"], "1 - Matriz");
    // The record's list derives each status with rules::finance::status.
    let (_, by_rules) = post(
        &app,
        Some(&boss),
        "customer_receivables",
        &form(&[("customer_id", &id.to_string())]),
    )
    .await;
    let rules_status = |id: &Value| {
        by_rules
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == *id)
            .unwrap()["status"]
            .clone()
    };
    let rows = page["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 6);
    let mut seen: Vec<String> = rows
        .iter()
        .map(|r| {
            assert_eq!(r["status"], rules_status(&r["id"]), "{r}");
            r["status"].as_str().unwrap().to_string()
        })
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        [
            "cancelled",
            "in_collection",
            "negative_listed",
            "open",
            "overdue",
            "received"
        ]
    );
    // Filtering by a status reads exactly the receivables the rules give that status.
    for code in &seen {
        let (_, filtered) = list(&app, &boss, &[("situacao", code)], "").await;
        let statuses: Vec<&str> = filtered["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["status"].as_str().unwrap())
            .collect();
        assert_eq!(statuses, [code.as_str()], "{filtered}");
    }
    // "A receber": every status with money still owed, none cancelled or received.
    let (_, owed) = list(&app, &boss, &[("situacao", "a_receber")], "").await;
    let mut owed: Vec<&str> = owed["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    owed.sort();
    assert_eq!(
        owed,
        ["in_collection", "negative_listed", "open", "overdue"]
    );
    // Due-date order, then id.
    assert_eq!(
        documents(&page)[..3],
        ["NF LATE/1", "NF SPC/1", "NF COBR/1"]
    );
    let overdue = total_of(&page, "overdue").unwrap();
    assert_eq!(
        (overdue["count"].clone(), overdue["balance"].clone()),
        (1.into(), "200.00".into())
    );
    let totals: Vec<&str> = page["totals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        totals,
        [
            "overdue",
            "open",
            "cancelled",
            "received",
            "negative_listed",
            "in_collection"
        ]
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn each_filter_narrows_the_rows_and_the_totals_alike(pool: PgPool) {
    let t = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let (id, code) = one_of_each_status(&pool, &app, &boss).await;
    let (_, page) = list(&app, &boss, &[("situacao", "overdue")], "").await;
    assert_eq!(documents(&page), ["NF LATE/1"]);
    assert_eq!(page["totals"].as_array().unwrap().len(), 1);
    let (_, page) = list(
        &app,
        &boss,
        &[("valor_min", "250,00"), ("valor_max", "500,00")],
        "",
    )
    .await;
    assert_eq!(documents(&page), ["NF SPC/1", "NF GONE/1", "NF PAID/1"]);
    let (_, page) = list(
        &app,
        &boss,
        &[("venc_de", "01/12/2026"), ("cliente", &code.to_string())],
        "",
    )
    .await;
    assert_eq!(documents(&page), ["NF OPEN/1", "NF GONE/1", "NF PAID/1"]);
    // By the start of the customer's name, in any case and accents, or of its document.
    for typed in ["zanel", "ZANELLA ltda", "11.222", "11222333000181"] {
        let (status, page) = list(
            &app,
            &boss,
            &[("venc_de", "01/12/2026"), ("cliente", typed)],
            "",
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{typed}: {page}");
        assert_eq!(
            documents(&page),
            ["NF OPEN/1", "NF GONE/1", "NF PAID/1"],
            "{typed}"
        );
    }
    let (_, page) = list(&app, &boss, &[("cliente", "padaria")], "").await;
    assert_eq!(
        documents(&page),
        Vec::<String>::new(),
        "nobody by that name"
    );
    // A code nobody has is refused beside its filter, not shown as nothing owed.
    let (status, body) = list(&app, &boss, &[("cliente", "999999")], "").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["Invalid"][0]["field"], "cliente");
    assert_eq!(
        body["Invalid"][0]["message"],
        "Nenhum cliente com o código 999999 nesta empresa."
    );

    // By region code, through the customer's commercial profile in the company.
    let company: i64 =
        sqlx::query_scalar("select id from companies where tenant_id = $1 and code = 1")
            .bind(t.tenant_id)
            .fetch_one(&pool)
            .await
            .unwrap();
    let region = lookup_entry(&pool, t.tenant_id, company, "region", "SC").await;
    set_region(&pool, t.tenant_id, company, id, region).await;
    let (_, page) = list(&app, &boss, &[("regiao", "sc"), ("situacao", "open")], "").await;
    assert_eq!(documents(&page), ["NF OPEN/1"]);
    // A region the company has, that no customer with a receivable is in: nothing.
    lookup_entry(&pool, t.tenant_id, company, "region", "RS").await;
    let (status, page) = list(&app, &boss, &[("regiao", "RS")], "").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(documents(&page).is_empty());
    // Codes the company has no entry for: each named beside its filter, all in one answer.
    let (status, body) = list(
        &app,
        &boss,
        &[("grupo", "xyz"), ("regiao", "PR"), ("vendedor", "V99")],
        "",
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let refused: Vec<(&str, &str)> = body["Invalid"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap(), e["message"].as_str().unwrap()))
        .collect();
    assert_eq!(
        refused,
        [
            (
                "grupo",
                "Nenhum grupo de clientes com o código XYZ nesta empresa."
            ),
            ("regiao", "Nenhuma região com o código PR nesta empresa."),
            (
                "vendedor",
                "Nenhum vendedor com o código V99 nesta empresa."
            ),
        ]
    );

    // Wrong filters are named; a forged page cursor is a bad request.
    let (status, body) = list(
        &app,
        &boss,
        &[("situacao", "paid"), ("venc_de", "32/01/2026")],
        "",
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = body["Invalid"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["situacao", "venc_de"]);
    let (status, _) = list(&app, &boss, &[], "not-a-cursor").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[sqlx::test(migrations = "../migrations")]
async fn pages_follow_each_other_by_due_date_without_gaps_or_repeats_in_the_company_only(
    pool: PgPool,
) {
    let t = tenant(&pool, "alpha").await;
    tenant(&pool, "beta").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let id = zanella(&app, &boss).await;
    // 120 receivables, three per due date.
    sqlx::query(
        "insert into receivables (tenant_id, company_id, customer_id, document, installment, kind,
                                  issue_date, due_date, amount, balance)
         select $1, c.id, $2, 'NF ' || (n / 3), n % 3 + 1, 'invoice', date '2026-01-01',
                date '2030-01-01' + (n / 3), 10, 10
         from generate_series(0, 119) n, companies c where c.tenant_id = $1 and c.code = 1",
    )
    .bind(t.tenant_id)
    .bind(id)
    .execute(&pool)
    .await
    .unwrap();
    let mut seen = Vec::new();
    let mut after = String::new();
    loop {
        let (status, page) = list(&app, &boss, &[], &after).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert_eq!(
            page["totals"][0]["count"], 120,
            "totals cover every match, not the page"
        );
        seen.extend(documents(&page));
        match page["next"].as_str() {
            Some(next) => after = next.to_string(),
            None => break,
        }
    }
    assert_eq!(seen.len(), 120);
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 120);
    assert_eq!(seen[..4], ["NF 0/1", "NF 0/2", "NF 0/3", "NF 1/1"]);
    // The benchmark's deep pages start where they say: half-way is after the 61st of 120.
    let caller =
        app::server::auth::Caller::for_tool(t.tenant_id, 0, t.companies[&1], "bench", vec![]);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
    let filter = Default::default();
    let half = app::server::receivables_screen_store::cursor_at(&pool, &caller, &filter, 5, today)
        .await
        .unwrap()
        .unwrap();
    let (_, page) = list(&app, &boss, &[], &half).await;
    assert_eq!(documents(&page)[0], seen[61]);

    // Another tenant, and the same tenant's other company, see none of them.
    let stranger = sign_in(&app, "boss@beta.test").await;
    let (_, page) = list(&app, &stranger, &[], "").await;
    assert!(documents(&page).is_empty());
    let switch = format!("company_id={}", t.companies[&2]);
    assert_eq!(
        send(&app, call("switch_company", &switch, Some(&boss)))
            .await
            .0,
        StatusCode::OK
    );
    let (_, page) = list(&app, &boss, &[], "").await;
    assert_eq!(page["company"], "2 - Filial");
    assert!(documents(&page).is_empty());
    let (status, _) = post(&app, None, "list_receivables", "after=").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

/// R-HIST-3: the report's subtotals by region (or group) add up to what the screen's totals
/// say for the same filters; a customer without a region is listed under "Sem região".
#[sqlx::test(migrations = "../migrations")]
async fn r_hist_3_the_report_groups_by_region_and_adds_up_to_the_screen_totals(pool: PgPool) {
    let t = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let (id, _) = one_of_each_status(&pool, &app, &boss).await;
    let company = t.companies[&1];
    let region = lookup_entry(&pool, t.tenant_id, company, "region", "SC").await;
    set_region(&pool, t.tenant_id, company, id, region).await;
    // A receivable of a customer with no region.
    let other = {
        let (status, id) = record_forms::create(
            &app,
            &boss,
            &record_forms::record_form(
                "2",
                "legal_entity",
                "11.444.777/0001-61",
                "Sem Região Ltda",
            ),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{id}");
        id.as_i64().unwrap()
    };
    let (status, body) = register_invoice(
        &app,
        &boss,
        other,
        "NF SR",
        "invoice",
        "30/12/2099",
        "1.000,00",
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let report = |filters: Vec<(&'static str, &'static str)>, grouping: &'static str| {
        let app = app.clone();
        let boss = boss.clone();
        async move {
            let mut pairs: Vec<(String, String)> = filters
                .iter()
                .map(|(k, v)| (format!("filter[{k}]"), v.to_string()))
                .collect();
            pairs.push(("grouping".into(), grouping.into()));
            let refs: Vec<(&str, &str)> = pairs
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            post(&app, Some(&boss), "receivables_report", &form(&refs)).await
        }
    };
    let (status, by_region) = report(vec![], "regiao").await;
    assert_eq!(status, StatusCode::OK, "{by_region}");
    assert_eq!(by_region["grouped_by"], "Região");
    let names: Vec<&str> = by_region["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["SC - SC desc", "Sem região"]);
    assert_eq!(by_region["groups"][0]["total"]["count"], 6);
    assert_eq!(by_region["groups"][1]["total"]["balance"], "1000.00");
    assert_eq!(by_region["total"]["count"], 7);
    assert_eq!(by_region["total"]["amount"], "3100.00");

    // The same filters on the screen: the totals by status add up to the report's.
    let (_, page) = list(&app, &boss, &[("situacao", "overdue")], "").await;
    let (_, overdue) = report(vec![("situacao", "overdue")], "grupo").await;
    assert_eq!(overdue["grouped_by"], "Grupo de clientes");
    assert_eq!(overdue["groups"][0]["name"], "Sem grupo");
    assert_eq!(overdue["total"]["balance"], page["totals"][0]["balance"]);
    assert_eq!(overdue["total"]["count"], page["totals"][0]["count"]);
}

#[sqlx::test(migrations = "../migrations")]
async fn r_hist_1_a_cancelled_receivable_shows_no_balance_due_in_rows_totals_report_and_tab(
    pool: PgPool,
) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    // NF GONE (R$ 300,00) is cancelled with its whole balance left on its row.
    let (id, _) = one_of_each_status(&pool, &app, &boss).await;
    let (status, page) = list(&app, &boss, &[], "").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let gone = page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["document"] == "NF GONE/1")
        .unwrap();
    assert_eq!(
        (&gone["amount"], &gone["balance"]),
        (&"300.00".into(), &"0.00".into())
    );
    let cancelled = total_of(&page, "cancelled").unwrap();
    assert_eq!(
        (
            &cancelled["count"],
            &cancelled["amount"],
            &cancelled["balance"]
        ),
        (&1.into(), &"300.00".into(), &"0.00".into())
    );
    // What is left to receive: open 100 + overdue 200 + listed 500 + in collection 600.
    let (_, report) = post(
        &app,
        Some(&boss),
        "receivables_report",
        &form(&[("grouping", "grupo")]),
    )
    .await;
    assert_eq!(report["total"]["balance"], "1400.00", "{report}");
    let (_, tab) = post(
        &app,
        Some(&boss),
        "customer_receivables",
        &form(&[("customer_id", &id.to_string())]),
    )
    .await;
    let on_tab = tab
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["document"] == "NF GONE/1")
        .unwrap();
    assert_eq!(on_tab["balance"], "0.00", "{on_tab}");
}
