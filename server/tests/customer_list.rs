mod common;

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

/// The profile world of the R-BULK-2 checks below: customers 1–6 with valid CPFs and no
/// profile, two entries of every table in companies 1 and 2, the boss signed in (company 1).
struct ProfileWorld {
    tenant_id: i64,
    companies: [i64; 2],
    /// `entries[company][table]`: two entries, tables in `LookupKind::ALL` order.
    entries: [[[i64; 2]; 5]; 2],
    app: axum::Router,
    cookie: String,
}

const TABLES: [(&str, &str); 5] = [
    ("customer_group", "customer_group_id"),
    ("activity_branch", "activity_branch_id"),
    ("region", "region_id"),
    ("salesperson", "salesperson_id"),
    ("category", "category_id"),
];

/// A valid CPF for customer `code`, so that the record form takes the customer as it is.
fn cpf_for(code: i64) -> String {
    let base: Vec<u32> = format!("{:09}", code + 200_000_000)
        .chars()
        .map(|c| c.to_digit(10).unwrap())
        .collect();
    let base: [u32; 9] = base.try_into().unwrap();
    let [d1, d2] = rules::document::cpf_check_digits(&base);
    format!(
        "{}{d1}{d2}",
        base.iter().map(u32::to_string).collect::<String>()
    )
}

async fn profile_world(pool: &PgPool) -> ProfileWorld {
    let alpha = tenant(pool, "alpha").await;
    let t = alpha.tenant_id;
    let companies = [alpha.companies[&1], alpha.companies[&2]];
    let docs: Vec<String> = (1..=6).map(cpf_for).collect();
    let names: Vec<String> = (1..=6).map(|n| format!("Cliente {n}")).collect();
    let rows: Vec<(i64, &str, &str)> = (0..6)
        .map(|i| (i as i64 + 1, names[i].as_str(), docs[i].as_str()))
        .collect();
    customers(pool, t, &rows).await;
    let mut entries = [[[0; 2]; 5]; 2];
    for (c, company) in companies.iter().enumerate() {
        for (k, (kind, _)) in TABLES.iter().enumerate() {
            for (n, code) in ["A", "B"].iter().enumerate() {
                let code = format!("{}{c}{code}", &kind[..3].to_uppercase());
                entries[c][k][n] = lookup_entry(pool, t, *company, kind, &code).await;
            }
        }
    }
    let app = app(pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    ProfileWorld {
        tenant_id: t,
        companies,
        entries,
        app,
        cookie,
    }
}

/// The codes R-BULK-2 says a condition on `table` in `company_id` matches, read straight
/// from customer_profiles as the list read them before the entries on the customer's row: a
/// customer without a profile in the company is empty there and none of any entries.
async fn codes_by_definition(
    pool: &PgPool,
    tenant_id: i64,
    company_id: i64,
    column: &str,
    choice: &app::customers::filter_conditions::LookupChoice,
) -> Vec<i64> {
    use app::customers::filter_conditions::LookupOp;
    let (negated, condition) = match choice.op {
        LookupOp::AnyOf => ("", format!("p.{column} = any($3)")),
        LookupOp::NoneOf => ("not", format!("p.{column} = any($3)")),
        LookupOp::NotEmpty => ("", format!("p.{column} is not null")),
        LookupOp::Empty => ("not", format!("p.{column} is not null")),
    };
    sqlx::query_scalar(&format!(
        "select c.code from customers c where c.tenant_id = $1 and {negated} exists (
             select 1 from customer_profiles p
             where p.tenant_id = c.tenant_id and p.company_id = $2 and p.customer_id = c.id
               and {condition})
         order by c.code"
    ))
    .bind(tenant_id)
    .bind(company_id)
    .bind(&choice.ids)
    .fetch_all(pool)
    .await
    .unwrap()
}

/// Every operator on every profile table, in both companies and (the bare minimum when
/// `also` is given) in another company: the list gives the rows and the count the definition
/// gives. `moment` names the write just done.
async fn assert_conditions_match_definition(
    pool: &PgPool,
    w: &ProfileWorld,
    extra_company: Option<i64>,
    moment: &str,
) {
    use app::customers::filter_conditions::{LookupChoice, LookupOp};
    use app::customers::list_types::CustomerFilter;
    use app::server::customer_list::{list, Scope};
    let mut scopes: Vec<(i64, Option<[[i64; 2]; 5]>)> = w
        .companies
        .iter()
        .zip(w.entries)
        .map(|(c, e)| (*c, Some(e)))
        .collect();
    scopes.extend(extra_company.map(|c| (c, None)));
    for (company_id, entries) in scopes {
        let scope = Scope {
            tenant_id: w.tenant_id,
            company_id,
        };
        for (k, kind) in rules::lookup::LookupKind::ALL.into_iter().enumerate() {
            let mut choices = vec![
                LookupChoice {
                    kind,
                    op: LookupOp::Empty,
                    ids: vec![],
                },
                LookupChoice {
                    kind,
                    op: LookupOp::NotEmpty,
                    ids: vec![],
                },
            ];
            if let Some(entries) = entries {
                for ids in [vec![entries[k][0]], entries[k].to_vec()] {
                    for op in [LookupOp::AnyOf, LookupOp::NoneOf] {
                        choices.push(LookupChoice {
                            kind,
                            op,
                            ids: ids.clone(),
                        });
                    }
                }
            }
            for choice in choices {
                let expected =
                    codes_by_definition(pool, w.tenant_id, company_id, TABLES[k].1, &choice).await;
                for sort in [
                    app::customers::list_types::SortOrder::Code,
                    app::customers::list_types::SortOrder::Name,
                ] {
                    let filter = CustomerFilter {
                        lookups: vec![choice.clone()],
                        sort,
                        ..CustomerFilter::default()
                    };
                    let page = list(pool, scope, &filter).await.unwrap();
                    let mut listed: Vec<i64> = page.rows.iter().map(|r| r.code).collect();
                    listed.sort();
                    assert_eq!(
                        (listed, page.count),
                        (expected.clone(), expected.len() as i64),
                        "{moment}: company {company_id}, {choice:?}, {sort:?}"
                    );
                }
            }
        }
    }
}

/// The record form's save of customer `code` (its fields as stored) with these five profile
/// entries in the signed-in company; `None` for a new customer with that code.
async fn save_with_profile(
    pool: &PgPool,
    w: &ProfileWorld,
    code: i64,
    existing: bool,
    profile: [Option<i64>; 5],
) {
    let mut fields: Vec<(&str, String)> = Vec::new();
    if existing {
        let (id, version): (i64, i32) =
            sqlx::query_as("select id, version from customers where tenant_id = $1 and code = $2")
                .bind(w.tenant_id)
                .bind(code)
                .fetch_one(pool)
                .await
                .unwrap();
        fields.push(("id", id.to_string()));
        fields.push(("version", version.to_string()));
    }
    fields.extend([
        ("input[code]", code.to_string()),
        ("input[kind]", "individual".to_string()),
        ("input[document]", cpf_for(code)),
        ("input[state_registration]", String::new()),
        ("input[legal_name]", format!("Cliente {code}")),
        ("input[trade_name]", format!("Cliente {code}")),
        ("input[status]", "active".to_string()),
        ("input[email]", String::new()),
        ("input[phone]", String::new()),
        ("input[valid_until]", String::new()),
        ("input[monthly_income]", String::new()),
        ("salesperson_notes", "Carteira revista".to_string()),
    ]);
    let names = [
        "profile[customer_group]",
        "profile[activity_branch]",
        "profile[region]",
        "profile[salesperson]",
        "profile[category]",
    ];
    for (name, id) in names.iter().zip(profile) {
        fields.push((name, id.map(|id| id.to_string()).unwrap_or_default()));
    }
    let form = fields
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let (status, body, _) = send(&w.app, call("save_customer", &form, Some(&w.cookie))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[sqlx::test(migrations = "../migrations")]
async fn r_bulk_2_profile_conditions_match_their_definition_after_the_record_form_creates_sets_and_clears_profiles(
    pool: PgPool,
) {
    let w = profile_world(&pool).await;
    let e = w.entries[0];
    assert_conditions_match_definition(&pool, &w, None, "no profile anywhere").await;

    save_with_profile(
        &pool,
        &w,
        1,
        true,
        [Some(e[0][0]), None, Some(e[2][0]), None, None],
    )
    .await;
    let all_filled = [
        Some(e[0][1]),
        Some(e[1][0]),
        Some(e[2][1]),
        Some(e[3][0]),
        Some(e[4][0]),
    ];
    save_with_profile(&pool, &w, 2, true, all_filled).await;
    save_with_profile(&pool, &w, 3, true, [None; 5]).await;
    assert_conditions_match_definition(&pool, &w, None, "profiles created").await;

    save_with_profile(
        &pool,
        &w,
        1,
        true,
        [Some(e[0][0]), None, Some(e[2][0]), Some(e[3][1]), None],
    )
    .await;
    save_with_profile(&pool, &w, 3, true, [None, Some(e[1][1]), None, None, None]).await;
    assert_conditions_match_definition(&pool, &w, None, "fields set").await;

    save_with_profile(
        &pool,
        &w,
        2,
        true,
        [Some(e[0][1]), Some(e[1][0]), None, Some(e[3][0]), None],
    )
    .await;
    save_with_profile(&pool, &w, 3, true, [None; 5]).await;
    assert_conditions_match_definition(&pool, &w, None, "fields cleared").await;

    save_with_profile(&pool, &w, 7, false, [None, None, Some(e[2][0]), None, None]).await;
    save_with_profile(&pool, &w, 8, false, [None; 5]).await;
    assert_conditions_match_definition(&pool, &w, None, "customers created").await;
}

#[sqlx::test(migrations = "../migrations")]
async fn r_bulk_2_profile_conditions_match_their_definition_after_a_profile_or_a_customer_is_deleted(
    pool: PgPool,
) {
    let w = profile_world(&pool).await;
    let (t, [c1, c2]) = (w.tenant_id, w.companies);
    // Every customer gets a profile in both companies, from each table's first or second
    // entry, customer 6 with every field empty.
    for (c, company) in [c1, c2].into_iter().enumerate() {
        let e = w.entries[c];
        sqlx::query(
            "insert into customer_profiles (tenant_id, company_id, customer_id, customer_group_id,
                 activity_branch_id, region_id, salesperson_id, category_id)
             select $1, $2, id,
                    case when code < 6 then ($3::bigint[])[1 + code % 2] end,
                    case when code < 5 then ($4::bigint[])[1 + code % 2] end,
                    case when code < 4 then ($5::bigint[])[1 + code % 2] end,
                    case when code < 3 then ($6::bigint[])[1 + code % 2] end,
                    case when code < 2 then ($7::bigint[])[1 + code % 2] end
             from customers where tenant_id = $1",
        )
        .bind(t)
        .bind(company)
        .bind(e[0].to_vec())
        .bind(e[1].to_vec())
        .bind(e[2].to_vec())
        .bind(e[3].to_vec())
        .bind(e[4].to_vec())
        .execute(&pool)
        .await
        .unwrap();
    }
    assert_conditions_match_definition(&pool, &w, None, "profiles inserted together").await;

    // No screen deletes a profile; seeds and the bulk bench do.
    sqlx::query(
        "delete from customer_profiles where tenant_id = $1 and company_id = $2
         and customer_id in (select id from customers where tenant_id = $1 and code in (1, 6))",
    )
    .bind(t)
    .bind(c1)
    .execute(&pool)
    .await
    .unwrap();
    assert_conditions_match_definition(&pool, &w, None, "profiles deleted").await;

    for code in [2, 6] {
        let (id, version): (i64, i32) =
            sqlx::query_as("select id, version from customers where tenant_id = $1 and code = $2")
                .bind(t)
                .bind(code)
                .fetch_one(&pool)
                .await
                .unwrap();
        let (status, body, _) = send(
            &w.app,
            call(
                "delete_customer",
                &format!("id={id}&version={version}"),
                Some(&w.cookie),
            ),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    assert_conditions_match_definition(&pool, &w, None, "customers deleted").await;
}

#[sqlx::test(migrations = "../migrations")]
async fn r_bulk_2_profile_conditions_match_their_definition_after_a_batch_and_its_undo(
    pool: PgPool,
) {
    let w = profile_world(&pool).await;
    let e = w.entries[0];
    save_with_profile(
        &pool,
        &w,
        1,
        true,
        [Some(e[0][0]), None, Some(e[2][0]), None, None],
    )
    .await;
    save_with_profile(&pool, &w, 2, true, [None, None, None, None, Some(e[4][1])]).await;
    save_with_profile(&pool, &w, 3, true, [None, None, Some(e[2][1]), None, None]).await;

    // "Region is empty" (customers 2, 4, 5, 6: 4–6 without a profile) gets a category and a
    // group: the batch inserts three profiles and updates one.
    let form = format!(
        "filter[text]=&filter[status]=&filter[city]=&filter[sort]=Code&filter[after]=\
         &filter[lookups][0][kind]=Region&filter[lookups][0][op]=Empty\
         &changes[0][field]=category&changes[0][value]={}&changes[0][notes]=\
         &changes[1][field]=customer_group&changes[1][value]={}&changes[1][notes]=",
        e[4][0], e[0][1]
    );
    let (status, body, _) = send(&w.app, call("preview_bulk", &form, Some(&w.cookie))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let preview: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(preview["matching"], 4, "{preview}");
    let token = urlencode(preview["preview_token"].as_str().unwrap());
    let (status, body, _) = send(
        &w.app,
        call(
            "apply_bulk",
            &format!("{form}&preview_token={token}&skip_changed_since=false"),
            Some(&w.cookie),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let applied: Value = serde_json::from_str(&body).unwrap();
    assert_conditions_match_definition(&pool, &w, None, "batch applied").await;

    let (status, body, _) = send(
        &w.app,
        call(
            "undo_batch",
            &format!("batch_id={}", applied[0]),
            Some(&w.cookie),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_conditions_match_definition(&pool, &w, None, "batch undone").await;
}

#[sqlx::test(migrations = "../migrations")]
async fn r_bulk_2_a_company_added_later_finds_every_customer_empty_there(pool: PgPool) {
    let w = profile_world(&pool).await;
    let e = w.entries[0];
    save_with_profile(&pool, &w, 1, true, [Some(e[0][0]), None, None, None, None]).await;
    // No screen adds a company; a tenant's set-up does.
    let added: i64 = sqlx::query_scalar(
        "insert into companies (tenant_id, code, legal_name, trade_name, cnpj, city_identification)
         values ($1, 9, 'Nova Filial Ltda', 'Nova Filial', '99888777000100', 'CANOAS - RS')
         returning id",
    )
    .bind(w.tenant_id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_conditions_match_definition(&pool, &w, Some(added), "company added").await;
    sqlx::query("delete from companies where tenant_id = $1 and id = $2")
        .bind(w.tenant_id)
        .bind(added)
        .execute(&pool)
        .await
        .unwrap();
    assert_conditions_match_definition(&pool, &w, None, "company removed").await;
}
