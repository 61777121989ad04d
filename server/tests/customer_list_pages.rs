//! Issue 10, item 4: a filter matching more customers than the list counts (past 1,000) but
//! few enough to be fetched together and sorted (up to 5,000) pages exactly as walking the
//! order's index does: every match once, in the order asked, names that tie kept apart by id.

mod common;

use axum::http::StatusCode;
use common::*;
use serde_json::Value;
use sqlx::PgPool;

/// 3,000 customers: 1,800 named Silva (in an order of their own, a few names shared), the
/// rest Souza. Codes run apart from the names' order.
async fn silvas_and_souzas(pool: &PgPool, tenant_id: i64) -> Vec<(i64, String)> {
    let rows: Vec<(i64, String)> = (1..=3_000i64)
        .map(|code| {
            let surname = if code % 5 < 3 { "Silva" } else { "Souza" };
            // 997 is prime: the names' order is not the codes'; code / 7 makes ties.
            (code, format!("{surname} {:04}", (code * 997 % 3_001) / 7))
        })
        .collect();
    let docs: Vec<String> = rows
        .iter()
        .map(|(code, _)| format!("{:011}", 40_000_000_000i64 + code))
        .collect();
    let listed: Vec<(i64, &str, &str)> = rows
        .iter()
        .zip(&docs)
        .map(|((code, name), doc)| (*code, name.as_str(), doc.as_str()))
        .collect();
    customers(pool, tenant_id, &listed).await;
    sqlx::query("analyze customers")
        .execute(pool)
        .await
        .unwrap();
    rows
}

async fn walk(app: &axum::Router, cookie: &str, sort: &str) -> (Vec<Value>, i64) {
    let (mut seen, mut after) = (Vec::new(), String::new());
    loop {
        let form = format!(
            "filter[text]=silva&filter[status]=&filter[city]=&filter[sort]={sort}&filter[after]={}",
            urlencode(&after)
        );
        let (status, body, _) = send(app, call("list_customers", &form, Some(cookie))).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let page: Value = serde_json::from_str(&body).unwrap();
        let count = page["count"].as_i64().unwrap();
        seen.extend(page["rows"].as_array().unwrap().iter().cloned());
        match page["next"].as_str() {
            Some(next) => after = next.to_string(),
            None => return (seen, count),
        }
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_filter_past_the_count_but_within_the_sorted_cap_pages_every_match_once_in_order(
    pool: PgPool,
) {
    let alpha = tenant(&pool, "alpha").await;
    let rows = silvas_and_souzas(&pool, alpha.tenant_id).await;
    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    let ids: std::collections::HashMap<i64, i64> = sqlx::query_as("select code, id from customers")
        .fetch_all(&pool)
        .await
        .unwrap()
        .into_iter()
        .collect();
    let mut silvas: Vec<(String, i64, i64)> = rows
        .iter()
        .filter(|(_, name)| name.starts_with("Silva"))
        .map(|(code, name)| (name.clone(), ids[code], *code))
        .collect();
    assert_eq!(silvas.len(), 1_800);

    for (sort, descending, by_name) in [
        ("Name", false, true),
        ("NameDescending", true, true),
        ("Code", false, false),
        ("CodeDescending", true, false),
    ] {
        if by_name {
            silvas.sort();
        } else {
            silvas.sort_by_key(|s| s.2);
        }
        if descending {
            silvas.reverse();
        }
        let (seen, count) = walk(&app, &cookie, sort).await;
        assert_eq!(count, 1_001, "{sort}: the count stops past 1,000");
        let codes: Vec<i64> = seen.iter().map(|r| r["code"].as_i64().unwrap()).collect();
        let expected: Vec<i64> = silvas.iter().map(|s| s.2).collect();
        assert_eq!(codes, expected, "{sort}: every Silva once, in order");
    }
}
