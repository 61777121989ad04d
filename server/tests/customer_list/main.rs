#[path = "../common/mod.rs"]
mod common;
mod profile_definition;

use std::collections::HashSet;

use axum::http::StatusCode;
use common::*;
use serde_json::Value;
use sqlx::PgPool;

/// Customers 1–4: two individuals, an alphanumeric CNPJ, a numeric one.
async fn four_customers(pool: &PgPool, tenant_id: i64) {
    customers(
        pool,
        tenant_id,
        &[
            (1, "Alfa Comércio", "52998224725"),
            (2, "Beta Comércio", "11144477735"),
            (3, "Zeta Distribuidora", "12ABC34501DE35"),
            (4, "Ômega Postos", "11222333000181"),
        ],
    )
    .await;
}

/// The customer codes of a list page, in its order.
fn codes_of(page: &Value) -> Vec<i64> {
    page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_i64().unwrap())
        .collect()
}

fn filter_form(text: &str, sort: &str, after: &str) -> String {
    format!(
        "filter[text]={}&filter[status]=&filter[city]=&filter[sort]={sort}&filter[after]={}",
        urlencode(text),
        urlencode(after)
    )
}

async fn page(app: &axum::Router, cookie: &str, text: &str, sort: &str, after: &str) -> Value {
    let (status, body, _) = send(
        app,
        call(
            "list_customers",
            &filter_form(text, sort, after),
            Some(cookie),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    serde_json::from_str(&body).unwrap()
}

fn ids(page: &Value) -> Vec<i64> {
    page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect()
}

#[sqlx::test(migrations = "../migrations")]
async fn keyset_pages_cover_every_row_exactly_once_while_rows_are_inserted(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    let generated: Vec<(i64, String, String)> = (1..=120)
        .map(|i| {
            (
                i * 10,
                format!("Cliente {:03}", (i * 37) % 120),
                format!("{:011}", 10_000_000_000i64 + i),
            )
        })
        .collect();
    let rows: Vec<(i64, &str, &str)> = generated
        .iter()
        .map(|(c, n, d)| (*c, n.as_str(), d.as_str()))
        .collect();
    customers(&pool, alpha.tenant_id, &rows).await;

    // Each order inserts its own codes (the name orders far from the rest: "AAA Novo" places them).
    for (sort, base) in [
        ("Code", 5),
        ("Name", 100_005),
        ("CodeDescending", 7),
        ("NameDescending", 200_005),
    ] {
        let mut seen = Vec::new();
        let mut seen_codes = Vec::new();
        let mut after = String::new();
        let mut inserted = 0;
        loop {
            let page = page(&app, &cookie, "", sort, &after).await;
            seen.extend(ids(&page));
            seen_codes.extend(codes_of(&page));
            // Someone registers customers between two page loads, before and after the cursor.
            inserted += 1;
            let code = base + inserted * 1000;
            let doc = format!("{:011}", 20_000_000_000i64 + code);
            customers(&pool, alpha.tenant_id, &[(code, "AAA Novo", doc.as_str())]).await;
            match page["next"].as_str() {
                Some(next) => after = next.to_string(),
                None => break,
            }
        }
        let unique: HashSet<i64> = seen.iter().copied().collect();
        assert_eq!(unique.len(), seen.len(), "{sort}: no row twice");
        let original: Vec<i64> =
            sqlx::query_scalar("select id from customers where tenant_id = $1 and code % 10 = 0")
                .bind(alpha.tenant_id)
                .fetch_all(&pool)
                .await
                .unwrap();
        assert!(
            original.iter().all(|id| unique.contains(id)),
            "{sort}: every row present at the start is listed"
        );
        if sort.starts_with("Code") {
            let originals: Vec<i64> = seen_codes.into_iter().filter(|c| c % 10 == 0).collect();
            let mut expected = originals.clone();
            expected.sort();
            if sort == "CodeDescending" {
                expected.reverse();
            }
            assert_eq!(originals, expected, "{sort}: in order");
        }
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn text_finds_by_masked_document_by_code_and_by_name_without_accents(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    customers(
        &pool,
        alpha.tenant_id,
        &[
            (1, "João Gonçalves", "52998224725"),
            (2, "Comercial Zanella Ltda", "12ABC34501DE35"),
            (77, "Outro", "11222333000181"),
        ],
    )
    .await;
    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    let names = |page: &Value| -> Vec<String> {
        page["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["legal_name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        names(&page(&app, &cookie, "529.982.247-25", "Code", "").await),
        vec!["João Gonçalves"]
    );
    assert_eq!(
        names(&page(&app, &cookie, "12.abc.345", "Code", "").await),
        vec!["Comercial Zanella Ltda"]
    );
    assert_eq!(
        names(&page(&app, &cookie, "joao goncalves", "Code", "").await),
        vec!["João Gonçalves"]
    );
    assert_eq!(
        names(&page(&app, &cookie, "77", "Code", "").await),
        vec!["Outro"]
    );
    let all = page(&app, &cookie, "", "Code", "").await;
    assert_eq!(all["count"], 3);
    // LIKE wildcards typed by the user are plain characters.
    assert_eq!(page(&app, &cookie, "%", "Code", "").await["count"], 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_list_never_shows_another_tenants_customers_and_needs_a_session(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let beta = tenant(&pool, "beta").await;
    customers(
        &pool,
        alpha.tenant_id,
        &[(1, "Cliente Alfa", "52998224725")],
    )
    .await;
    customers(&pool, beta.tenant_id, &[(1, "Cliente Beta", "52998224725")]).await;
    let app = app(&pool);
    let cookie = sign_in(&app, "clerk@beta.test").await;
    let listed = page(&app, &cookie, "", "Code", "").await;
    assert_eq!(listed["count"], 1);
    assert_eq!(listed["rows"][0]["legal_name"], "Cliente Beta");

    let (status, _, _) = send(
        &app,
        call("list_customers", &filter_form("", "Code", ""), None),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_count_stops_past_one_thousand(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let generated: Vec<(i64, String, String)> = (1..=1_005)
        .map(|i| {
            (
                i,
                format!("Cliente {i}"),
                format!("{:011}", 30_000_000_000i64 + i),
            )
        })
        .collect();
    let rows: Vec<(i64, &str, &str)> = generated
        .iter()
        .map(|(c, n, d)| (*c, n.as_str(), d.as_str()))
        .collect();
    customers(&pool, alpha.tenant_id, &rows).await;
    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    let listed = page(&app, &cookie, "", "Code", "").await;
    assert_eq!(listed["count"], 1_001);
    assert_eq!(ids(&listed).len(), 50);
}

#[sqlx::test(migrations = "../migrations")]
async fn rows_written_before_search_names_existed_are_back_filled_and_found(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    sqlx::query(
        "insert into customers (tenant_id, code, kind, document, legal_name, trade_name)
         values ($1, 9, 'individual', '52998224725', 'Açougue São Jorge', 'Açougue')",
    )
    .bind(alpha.tenant_id)
    .execute(&pool)
    .await
    .unwrap();
    assert_eq!(server::search_names::backfill(&pool).await.unwrap(), 1);
    assert_eq!(server::search_names::backfill(&pool).await.unwrap(), 0);
    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    assert_eq!(
        page(&app, &cookie, "acougue sao", "Code", "").await["count"],
        1
    );
}

async fn profile(
    pool: &PgPool,
    tenant_id: i64,
    company_id: i64,
    code: i64,
    region: i64,
    salesperson: Option<i64>,
) {
    sqlx::query(
        "insert into customer_profiles (tenant_id, company_id, customer_id, region_id, salesperson_id)
         select $1, $2, id, $4, $5 from customers where tenant_id = $1 and code = $3",
    )
    .bind(tenant_id)
    .bind(company_id)
    .bind(code)
    .bind(region)
    .bind(salesperson)
    .execute(pool)
    .await
    .unwrap();
}

async fn codes_listed(
    app: &axum::Router,
    cookie: &str,
    text: &str,
    lookups: &[(&str, i64)],
) -> Vec<i64> {
    let conditions: Vec<(&str, &str, Vec<i64>)> = lookups
        .iter()
        .map(|(kind, id)| (*kind, "AnyOf", vec![*id]))
        .collect();
    codes_where(app, cookie, text, &conditions).await
}

/// The codes listed for profile conditions (table, operator, entries).
async fn codes_where(
    app: &axum::Router,
    cookie: &str,
    text: &str,
    conditions: &[(&str, &str, Vec<i64>)],
) -> Vec<i64> {
    let mut form = filter_form(text, "Code", "");
    for (i, (kind, op, ids)) in conditions.iter().enumerate() {
        form.push_str(&format!(
            "&filter[lookups][{i}][kind]={kind}&filter[lookups][{i}][op]={op}"
        ));
        for (j, id) in ids.iter().enumerate() {
            form.push_str(&format!("&filter[lookups][{i}][ids][{j}]={id}"));
        }
    }
    let (status, body, _) = send(app, call("list_customers", &form, Some(cookie))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let page: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        page["count"].as_u64().unwrap() as usize,
        page["rows"].as_array().unwrap().len()
    );
    codes_of(&page)
}

#[sqlx::test(migrations = "../migrations")]
async fn r_company_1_r_bulk_2_profile_filters_read_the_current_companys_profiles(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let (t, matriz, filial) = (alpha.tenant_id, alpha.companies[&1], alpha.companies[&2]);
    four_customers(&pool, t).await;
    let north = lookup_entry(&pool, t, matriz, "region", "NORTE").await;
    let south = lookup_entry(&pool, t, matriz, "region", "SUL").await;
    let ana = lookup_entry(&pool, t, matriz, "salesperson", "ANA").await;
    let branch_region = lookup_entry(&pool, t, filial, "region", "SERRA").await;
    profile(&pool, t, matriz, 1, north, Some(ana)).await;
    profile(&pool, t, matriz, 2, south, Some(ana)).await;
    profile(&pool, t, matriz, 3, north, None).await;
    profile(&pool, t, filial, 4, branch_region, None).await;
    // Customer 2 is in the north in the other company: that must not count here.
    profile(&pool, t, filial, 2, branch_region, None).await;

    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    assert_eq!(
        codes_listed(&app, &cookie, "", &[("Region", north)]).await,
        vec![1, 3]
    );
    assert_eq!(
        codes_listed(
            &app,
            &cookie,
            "",
            &[("Region", north), ("Salesperson", ana)]
        )
        .await,
        vec![1]
    );
    assert_eq!(
        codes_listed(&app, &cookie, "zeta", &[("Region", north)]).await,
        vec![3]
    );
    assert_eq!(
        codes_listed(&app, &cookie, "", &[("Salesperson", ana)]).await,
        vec![1, 2]
    );
    assert!(
        codes_listed(&app, &cookie, "", &[("Region", branch_region)])
            .await
            .is_empty()
    );

    let (status, _, _) = send(
        &app,
        call(
            "switch_company",
            &format!("company_id={filial}"),
            Some(&cookie),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        codes_listed(&app, &cookie, "", &[("Region", branch_region)]).await,
        vec![2, 4]
    );
    assert!(codes_listed(&app, &cookie, "", &[("Region", north)])
        .await
        .is_empty());
}

/// The codes listed for what was typed in the city box.
async fn codes_in_city(app: &axum::Router, cookie: &str, typed: &str) -> Vec<i64> {
    let form = filter_form("", "Code", "").replace(
        "filter[city]=",
        &format!("filter[city]={}", urlencode(typed)),
    );
    let (status, body, _) = send(app, call("list_customers", &form, Some(cookie))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let page: Value = serde_json::from_str(&body).unwrap();
    codes_of(&page)
}

#[sqlx::test(migrations = "../migrations")]
async fn r_bulk_2_city_is_one_of_none_of_empty_and_not_empty(pool: PgPool) {
    server::cities::ensure_loaded(&pool).await.unwrap();
    let alpha = tenant(&pool, "alpha").await;
    let t = alpha.tenant_id;
    four_customers(&pool, t).await;
    sqlx::query(
        "update customers c set city_id = ci.id
         from (values (1, 'CANOAS - RS'), (2, 'SAO LEOPOLDO - RS'), (3, 'ESTEIO - RS'))
              as p(code, identification)
         join cities ci on ci.identification = p.identification
         where c.tenant_id = $1 and c.code = p.code",
    )
    .bind(t)
    .execute(&pool)
    .await
    .unwrap();

    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    assert_eq!(codes_in_city(&app, &cookie, "canoas").await, vec![1]);
    assert_eq!(
        codes_in_city(&app, &cookie, "Canoas - RS, são leo").await,
        vec![1, 2]
    );
    // "is none of" keeps the customer without a city.
    assert_eq!(
        codes_in_city(&app, &cookie, "não: canoas, ESTEIO").await,
        vec![2, 4]
    );
    assert_eq!(codes_in_city(&app, &cookie, "vazio").await, vec![4]);
    assert_eq!(
        codes_in_city(&app, &cookie, "preenchido").await,
        vec![1, 2, 3]
    );
    assert!(codes_in_city(&app, &cookie, "Curitiba").await.is_empty());
}
