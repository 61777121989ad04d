//! R-BULK-2's profile conditions (group, branch, region, category, sales channel: one of, none
//! of, empty, filled) against their definition, read straight from the profiles, after every
//! kind of write that changes a profile.

use axum::http::StatusCode;
use serde_json::Value;
use sqlx::PgPool;

use crate::common::*;

/// The profile world of the R-BULK-2 checks in this file: customers 1–6 with valid CPFs and no
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
