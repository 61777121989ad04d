//! The list's search box through the real server function (issue 10, item 9): every word
//! typed must start a word of the names, in any order, without minding accents or case;
//! emoji and punctuation only separate words; a document prefix of 2+ characters matches,
//! letters included. And the profile filters read from the customer's row follow every write
//! to its profiles (issue 10, item 4).

mod common;

use axum::http::StatusCode;
use common::*;
use serde_json::Value;
use sqlx::PgPool;

/// Inserts customers (code, legal name, trade name, document), with the search text every
/// write stores (`rules::customer_search::search_name`).
async fn customers(pool: &PgPool, tenant_id: i64, rows: &[(i64, &str, &str, &str)]) {
    for (code, legal, trade, document) in rows {
        sqlx::query(
            "insert into customers (tenant_id, code, kind, document, legal_name, trade_name, search_name)
             values ($1, $2, case when length($3) = 11 then 'individual' else 'legal_entity' end,
                     $3, $4, $5, $6)",
        )
        .bind(tenant_id)
        .bind(code)
        .bind(document)
        .bind(legal)
        .bind(trade)
        .bind(rules::customer_search::search_name(legal, trade))
        .execute(pool)
        .await
        .unwrap();
    }
}

/// A valid alphanumeric CNPJ with the given 12-character base.
fn cnpj(base: &[u8; 12]) -> String {
    let digits = rules::document::cnpj_check_digits(base).unwrap();
    format!(
        "{}{}{}",
        std::str::from_utf8(base).unwrap(),
        digits[0],
        digits[1]
    )
}

/// The codes listed for the text and profile conditions (table, operator, entries).
async fn codes(
    app: &axum::Router,
    cookie: &str,
    text: &str,
    conditions: &[(&str, &str, Vec<i64>)],
) -> Vec<i64> {
    let mut form = format!(
        "filter[text]={}&filter[status]=&filter[city]=&filter[sort]=Code&filter[after]=",
        urlencode(text)
    );
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
    page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_i64().unwrap())
        .collect()
}

async fn found(app: &axum::Router, cookie: &str, text: &str) -> Vec<i64> {
    codes(app, cookie, text, &[]).await
}

#[sqlx::test(migrations = "../migrations")]
async fn every_word_typed_must_start_a_word_of_the_names_in_any_order(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    customers(
        &pool,
        alpha.tenant_id,
        &[
            (
                1,
                "Padaria Ferreira Ltda",
                "Padaria Ferreira",
                "52998224725",
            ),
            (2, "Ferreira & Lima Transportes", "Ferreira", "11144477735"),
            (3, "Padaria Silva ME", "Padaria Silva", "11222333000181"),
        ],
    )
    .await;
    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    // Finding (issue 10, item 9): "ferreira padaria" found nothing.
    assert_eq!(found(&app, &cookie, "ferreira padaria").await, vec![1]);
    assert_eq!(found(&app, &cookie, "Padaria Ferreira").await, vec![1]);
    assert_eq!(found(&app, &cookie, "ferr pad").await, vec![1]);
    assert_eq!(found(&app, &cookie, "ferreira").await, vec![1, 2]);
    assert_eq!(found(&app, &cookie, "lima ferreira").await, vec![2]);
    assert!(found(&app, &cookie, "ferreira padaria lima")
        .await
        .is_empty());
}

#[sqlx::test(migrations = "../migrations")]
async fn words_are_found_without_minding_accents_or_case(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    customers(
        &pool,
        alpha.tenant_id,
        &[
            (1, "Açaí do João", "AÇAÍ DO JOÃO", "52998224725"),
            (2, "Acacio Gonçalves", "Acacio", "11144477735"),
        ],
    )
    .await;
    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    assert_eq!(found(&app, &cookie, "joao acai").await, vec![1]);
    assert_eq!(found(&app, &cookie, "JOÃO AÇAÍ").await, vec![1]);
    assert_eq!(found(&app, &cookie, "gonçalves").await, vec![2]);
    assert_eq!(found(&app, &cookie, "aca").await, vec![1, 2]);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_word_after_an_emoji_or_punctuation_is_found(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    customers(
        &pool,
        alpha.tenant_id,
        &[
            (1, "Pizzaria 🍕Napoli", "🍕Napoli", "52998224725"),
            (2, "Bar☕Central", "Bar☕Central", "11144477735"),
            (3, "Mercado d’Oeste", "Mercado", "11222333000181"),
        ],
    )
    .await;
    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    // Finding (issue 10, item 9): a word after an emoji was not found.
    assert_eq!(found(&app, &cookie, "napoli").await, vec![1]);
    assert_eq!(found(&app, &cookie, "napoli pizzaria").await, vec![1]);
    assert_eq!(found(&app, &cookie, "🍕 napoli").await, vec![1]);
    assert_eq!(found(&app, &cookie, "central").await, vec![2]);
    assert_eq!(found(&app, &cookie, "bar central").await, vec![2]);
    assert_eq!(found(&app, &cookie, "d'oeste").await, vec![3]);
    assert_eq!(found(&app, &cookie, "D’OESTE mercado").await, vec![3]);
    // Only symbols find nobody, not everybody.
    assert!(found(&app, &cookie, "🍕").await.is_empty());
}

#[sqlx::test(migrations = "../migrations")]
async fn a_document_prefix_of_two_or_more_characters_letters_included_finds_its_customer(
    pool: PgPool,
) {
    let alpha = tenant(&pool, "alpha").await;
    let letters_first = cnpj(b"PX0OY1234567");
    customers(
        &pool,
        alpha.tenant_id,
        &[
            (1, "Zeta Distribuidora", "Zeta", "12ABC34501DE35"),
            (2, "Omega Postos", "Omega", &letters_first),
            (3, "Alfa Comercio", "Alfa", "52998224725"),
            (4, "Beta Comercio", "Beta", "12345678909"),
        ],
    )
    .await;
    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    // Findings (issue 10, item 9): `12ABC`, `12.ABC` and `PX0OY` found nothing.
    assert_eq!(found(&app, &cookie, "12ABC").await, vec![1]);
    assert_eq!(found(&app, &cookie, "12.ABC").await, vec![1]);
    assert_eq!(found(&app, &cookie, "12.abc").await, vec![1]);
    assert_eq!(found(&app, &cookie, "12ABC3").await, vec![1]);
    assert_eq!(found(&app, &cookie, "PX0OY").await, vec![2]);
    assert_eq!(found(&app, &cookie, "px0.oy").await, vec![2]);
    assert_eq!(found(&app, &cookie, "12").await, vec![1, 4]);
    assert_eq!(found(&app, &cookie, "529.982.247-25").await, vec![3]);
    assert_eq!(found(&app, &cookie, "52").await, vec![3]);
    assert!(found(&app, &cookie, "ABC").await.is_empty());
}

#[sqlx::test(migrations = "../migrations")]
async fn names_stored_before_typographic_folding_are_found_by_their_words(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    // As saved before `fold` turned typographic apostrophes into ASCII ones.
    sqlx::query(
        "insert into customers (tenant_id, code, kind, document, legal_name, trade_name, search_name)
         values ($1, 1, 'individual', '52998224725', 'Mercado D’Oeste', 'Mercado D’Oeste',
                 'MERCADO D’OESTE MERCADO D’OESTE')",
    )
    .bind(alpha.tenant_id)
    .execute(&pool)
    .await
    .unwrap();
    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    assert_eq!(found(&app, &cookie, "d'oeste").await, vec![1]);
    assert_eq!(found(&app, &cookie, "oeste mercado").await, vec![1]);
}

#[sqlx::test(migrations = "../migrations")]
async fn r_bulk_2_profile_filters_follow_every_write_to_the_profiles(pool: PgPool) {
    let alpha = tenant(&pool, "alpha").await;
    let (t, matriz, filial) = (alpha.tenant_id, alpha.companies[&1], alpha.companies[&2]);
    customers(
        &pool,
        t,
        &[
            (1, "Alfa", "Alfa", "52998224725"),
            (2, "Beta", "Beta", "11144477735"),
            (3, "Gama", "Gama", "11222333000181"),
        ],
    )
    .await;
    let north = lookup_entry(&pool, t, matriz, "region", "NORTE").await;
    let south = lookup_entry(&pool, t, matriz, "region", "SUL").await;
    let ana = lookup_entry(&pool, t, matriz, "salesperson", "ANA").await;
    let serra = lookup_entry(&pool, t, filial, "region", "SERRA").await;
    sqlx::query(
        "insert into customer_profiles (tenant_id, company_id, customer_id, region_id, salesperson_id)
         select $1, p.company_id, c.id, p.region_id, p.salesperson_id
         from (values (1::bigint, $2::bigint, $4::bigint, $6::bigint),
                      (2, $2, $5, null),
                      (2, $3, $7, null)) as p(code, company_id, region_id, salesperson_id)
         join customers c on c.tenant_id = $1 and c.code = p.code",
    )
    .bind(t)
    .bind(matriz)
    .bind(filial)
    .bind(north)
    .bind(south)
    .bind(ana)
    .bind(serra)
    .execute(&pool)
    .await
    .unwrap();
    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    let any = |kind: &'static str, id: i64| (kind, "AnyOf", vec![id]);
    let op = |kind: &'static str, op: &'static str| (kind, op, vec![]);

    assert_eq!(
        codes(&app, &cookie, "", &[any("Region", north)]).await,
        vec![1]
    );
    assert_eq!(
        codes(
            &app,
            &cookie,
            "",
            &[any("Region", north), any("Salesperson", ana)]
        )
        .await,
        vec![1]
    );
    // "Is none of" and "is empty" keep the customer without a profile here (3).
    assert_eq!(
        codes(&app, &cookie, "", &[("Region", "NoneOf", vec![north])]).await,
        vec![2, 3]
    );
    assert_eq!(
        codes(&app, &cookie, "", &[op("Salesperson", "Empty")]).await,
        vec![2, 3]
    );
    assert_eq!(
        codes(&app, &cookie, "", &[op("Salesperson", "NotEmpty")]).await,
        vec![1]
    );
    assert_eq!(
        codes(
            &app,
            &cookie,
            "",
            &[op("Region", "NotEmpty"), op("Salesperson", "Empty")]
        )
        .await,
        vec![2]
    );
    // Another company's entry, or an entry of another table, names nothing here.
    assert!(codes(&app, &cookie, "", &[any("Region", serra)])
        .await
        .is_empty());
    assert!(codes(&app, &cookie, "", &[any("Region", ana)])
        .await
        .is_empty());
    assert!(
        codes(&app, &cookie, "", &[("Region", "NoneOf", vec![serra])])
            .await
            .is_empty()
    );

    // Updated, deleted, inserted: the filters follow.
    sqlx::query(
        "update customer_profiles set region_id = $2 where tenant_id = $1 and region_id = $3",
    )
    .bind(t)
    .bind(north)
    .bind(south)
    .execute(&pool)
    .await
    .unwrap();
    assert_eq!(
        codes(&app, &cookie, "", &[any("Region", north)]).await,
        vec![1, 2]
    );
    sqlx::query(
        "delete from customer_profiles p using customers c
         where p.tenant_id = $1 and p.company_id = $2 and c.tenant_id = p.tenant_id
           and c.id = p.customer_id and c.code = 1",
    )
    .bind(t)
    .bind(matriz)
    .execute(&pool)
    .await
    .unwrap();
    assert_eq!(
        codes(&app, &cookie, "", &[any("Region", north)]).await,
        vec![2]
    );
    assert_eq!(
        codes(&app, &cookie, "", &[op("Salesperson", "NotEmpty")]).await,
        Vec::<i64>::new()
    );
    sqlx::query(
        "insert into customer_profiles (tenant_id, company_id, customer_id, region_id)
         select $1, $2, id, $3 from customers where tenant_id = $1 and code = 3",
    )
    .bind(t)
    .bind(matriz)
    .bind(north)
    .execute(&pool)
    .await
    .unwrap();
    assert_eq!(
        codes(&app, &cookie, "gama", &[any("Region", north)]).await,
        vec![3]
    );
}
