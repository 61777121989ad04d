//! The batch tests' world: six customers of one company in two regions, and the requests a
//! batch screen sends (preview, apply) shaped like the browser's.
#![allow(dead_code)] // each test binary uses a different subset of these helpers

use axum::http::StatusCode;
use serde_json::Value;
use sqlx::PgPool;

use crate::common::*;

pub struct World {
    pub tenant_id: i64,
    pub north: i64,
    pub ana: i64,
    pub bruno: i64,
}

/// Six customers in company 1: 1–4 in the north, 5–6 in the south; all with Ana as
/// salesperson except 4, already Bruno's.
pub async fn world(pool: &PgPool) -> World {
    let alpha = tenant(pool, "alpha").await;
    tenant(pool, "beta").await;
    let (t, c1) = (alpha.tenant_id, alpha.companies[&1]);
    let entry = |kind: &'static str, code: &'static str| lookup_entry(pool, t, c1, kind, code);
    let north = entry("region", "NORTE").await;
    let south = entry("region", "SUL").await;
    let ana = entry("salesperson", "ANA").await;
    let bruno = entry("salesperson", "BRUNO").await;
    sqlx::query(
        "insert into customers (tenant_id, code, kind, document, legal_name, trade_name, updated_at)
         select $1, n, 'individual', lpad(n::text, 11, '0'), 'Cliente ' || n, 'Cliente ' || n,
                now() - interval '1 hour'
         from generate_series(1, 6) n",
    )
    .bind(t)
    .execute(pool)
    .await
    .unwrap();
    sqlx::query(
        "insert into customer_profiles (tenant_id, company_id, customer_id, region_id, salesperson_id)
         select c.tenant_id, $2, c.id, case when c.code <= 4 then $3 else $4 end,
                case when c.code = 4 then $6 else $5 end
         from customers c where c.tenant_id = $1",
    )
    .bind(t)
    .bind(c1)
    .bind(north)
    .bind(south)
    .bind(ana)
    .bind(bruno)
    .execute(pool)
    .await
    .unwrap();
    World {
        tenant_id: t,
        north,
        ana,
        bruno,
    }
}

pub fn filter_part(region: i64) -> String {
    format!(
        "filter[text]=&filter[status]=&filter[city]=&filter[sort]=Code&filter[after]=\
         &filter[lookups][0][kind]=Region&filter[lookups][0][op]=AnyOf&filter[lookups][0][ids][0]={region}"
    )
}

pub fn change_part(index: usize, field: &str, value: &str, notes: &str) -> String {
    format!(
        "&changes[{index}][field]={field}&changes[{index}][value]={value}&changes[{index}][notes]={}",
        urlencode(notes)
    )
}

pub async fn post(
    app: &axum::Router,
    cookie: &str,
    endpoint: &str,
    form: &str,
) -> (StatusCode, Value) {
    let (status, body, _) = send(app, call(endpoint, form, Some(cookie))).await;
    (
        status,
        serde_json::from_str(&body).unwrap_or(Value::String(body)),
    )
}

pub async fn salesperson_of(pool: &PgPool, tenant_id: i64) -> Vec<(i64, i64, i32)> {
    sqlx::query_as(
        "select c.code, p.salesperson_id, c.version from customers c
         join customer_profiles p on p.tenant_id = c.tenant_id and p.customer_id = c.id
         where c.tenant_id = $1 order by c.code",
    )
    .bind(tenant_id)
    .fetch_all(pool)
    .await
    .unwrap()
}

pub async fn count(pool: &PgPool, table: &str) -> i64 {
    sqlx::query_scalar(&format!("select count(*) from {table}"))
        .fetch_one(pool)
        .await
        .unwrap()
}

/// Previews `form` (a filter and its changes), then applies it with the preview's stamp, as
/// the screen does; answers (status, preview, applied), `applied` null when the preview failed.
pub async fn preview_then_apply(
    app: &axum::Router,
    cookie: &str,
    form: &str,
    skip_changed_since: bool,
) -> (StatusCode, Value, Value) {
    let (status, preview) = post(app, cookie, "preview_bulk", form).await;
    if status != StatusCode::OK {
        return (status, preview, Value::Null);
    }
    let taken_at = urlencode(preview["taken_at"].as_str().unwrap());
    let (status, applied) = post(
        app,
        cookie,
        "apply_bulk",
        &format!("{form}&taken_at={taken_at}&skip_changed_since={skip_changed_since}"),
    )
    .await;
    (status, preview, applied)
}

/// Preview then apply "salesperson = Bruno" on the north region; answers the apply's result,
/// or the preview's error.
pub async fn move_north_to_bruno(
    app: &axum::Router,
    cookie: &str,
    w: &World,
    skip: bool,
) -> (StatusCode, Value) {
    let changes = change_part(
        0,
        "salesperson",
        &w.bruno.to_string(),
        "Carteira redistribuída",
    );
    let form = format!("{}{changes}", filter_part(w.north));
    let (status, preview, applied) = preview_then_apply(app, cookie, &form, skip).await;
    (status, if applied.is_null() { preview } else { applied })
}

/// Preview then apply one change on the north region; answers (status, preview, applied).
pub async fn alter_north(
    app: &axum::Router,
    cookie: &str,
    w: &World,
    field: &str,
    value: &str,
) -> (StatusCode, Value, Value) {
    let changes = change_part(0, field, &urlencode(value), "");
    preview_then_apply(
        app,
        cookie,
        &format!("{}{changes}", filter_part(w.north)),
        false,
    )
    .await
}

pub async fn main_addresses(pool: &PgPool, tenant_id: i64) -> Vec<(i64, String, String)> {
    sqlx::query_as(
        "select c.code, ci.identification, a.district from customer_addresses a
         join customers c on c.tenant_id = a.tenant_id and c.id = a.customer_id
         join cities ci on ci.id = a.city_id
         where a.tenant_id = $1 and a.role = 'main' and a.preferred order by c.code",
    )
    .bind(tenant_id)
    .fetch_all(pool)
    .await
    .unwrap()
}
