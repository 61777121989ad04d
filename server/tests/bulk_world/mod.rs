//! The batch tests' world: six customers of one company in two regions, and the requests a
//! batch screen sends (preview, apply) shaped like the browser's.
#![allow(dead_code)] // each test binary uses a different subset of these helpers

use axum::http::StatusCode;
use serde_json::Value;
use sqlx::PgPool;

use crate::common::*;

#[derive(Clone, Copy)]
pub struct World {
    pub tenant_id: i64,
    pub company_id: i64,
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
        company_id: c1,
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
    let token = urlencode(preview["preview_token"].as_str().unwrap());
    let (status, applied) = post(
        app,
        cookie,
        "apply_bulk",
        &format!("{form}&preview_token={token}&skip_changed_since={skip_changed_since}"),
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

/// Customers 1–3 of the world, and the salesperson each started with.
pub const NORTH_WITH_ANA: [(i64, &str); 3] = [
    (1, "ANA - ANA desc"),
    (2, "ANA - ANA desc"),
    (3, "ANA - ANA desc"),
];

/// A valid CPF for customer `code` (the world's stored documents are legacy, invalid ones).
pub fn valid_cpf(code: i64) -> String {
    let base: Vec<u32> = format!("{:09}", code + 100_000_000)
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

/// A single edit as the record form sends it, opened now (its version read now): the
/// customer's salesperson becomes `salesperson`, its other profile fields as they are.
/// Answers the save's status and body.
pub async fn edit_salesperson(
    app: &axum::Router,
    pool: &PgPool,
    cookie: &str,
    tenant_id: i64,
    code: i64,
    salesperson: i64,
) -> (StatusCode, Value) {
    let (id, version, region): (i64, i32, Option<i64>) = sqlx::query_as(
        "select c.id, c.version, p.region_id from customers c
         left join customer_profiles p on p.tenant_id = c.tenant_id and p.customer_id = c.id
         where c.tenant_id = $1 and c.code = $2",
    )
    .bind(tenant_id)
    .bind(code)
    .fetch_one(pool)
    .await
    .unwrap();
    let fields = [
        ("id", id.to_string()),
        ("version", version.to_string()),
        ("input[code]", code.to_string()),
        ("input[kind]", "individual".into()),
        ("input[document]", valid_cpf(code)),
        ("input[state_registration]", String::new()),
        ("input[legal_name]", format!("Cliente {code}")),
        ("input[trade_name]", format!("Cliente {code}")),
        ("input[status]", "active".into()),
        ("input[email]", String::new()),
        ("input[phone]", String::new()),
        ("input[valid_until]", String::new()),
        ("input[monthly_income]", String::new()),
        ("profile[customer_group]", String::new()),
        ("profile[activity_branch]", String::new()),
        (
            "profile[region]",
            region.map(|r| r.to_string()).unwrap_or_default(),
        ),
        ("profile[salesperson]", salesperson.to_string()),
        ("profile[category]", String::new()),
        ("salesperson_notes", "Troca na ficha".into()),
    ];
    let form = fields
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&");
    post(app, cookie, "save_customer", &form).await
}

/// R-SELLER-1 history is a chain: for every customer, each "Vendedor" change starts from the
/// value the previous one ended at (the first from `initial`), and the last ends at the
/// salesperson the profile holds now. A write that overwrote another unseen breaks it.
pub async fn assert_salesperson_history_is_a_chain(
    pool: &PgPool,
    tenant_id: i64,
    initial: &[(i64, &str)],
) {
    for (code, first) in initial {
        let changes: Vec<(String, String)> = sqlx::query_as(
            "select old_value, new_value from customer_changes
             where tenant_id = $1 and field = 'Vendedor'
               and customer_id = (select id from customers where tenant_id = $1 and code = $2)
             order by id",
        )
        .bind(tenant_id)
        .bind(code)
        .fetch_all(pool)
        .await
        .unwrap();
        let now: String = sqlx::query_scalar(
            "select coalesce(e.code || ' - ' || e.description, '') from customers c
             join customer_profiles p on p.tenant_id = c.tenant_id and p.customer_id = c.id
             left join lookup_entries e on e.tenant_id = p.tenant_id and e.id = p.salesperson_id
             where c.tenant_id = $1 and c.code = $2",
        )
        .bind(tenant_id)
        .bind(code)
        .fetch_one(pool)
        .await
        .unwrap();
        let mut expected = first.to_string();
        for (old, new) in &changes {
            assert_eq!(old, &expected, "customer {code}: history {changes:?}");
            expected = new.clone();
        }
        assert_eq!(expected, now, "customer {code}: history {changes:?}");
    }
}

/// The boss of the world as the store code sees a signed-in caller, for calls made directly.
pub async fn boss_caller(pool: &PgPool, w: &World) -> app::server::auth::Caller {
    let user_id: i64 = sqlx::query_scalar(
        "select id from users where tenant_id = $1 and email = 'boss@alpha.test'",
    )
    .bind(w.tenant_id)
    .fetch_one(pool)
    .await
    .unwrap();
    app::server::auth::Caller::for_tool(
        w.tenant_id,
        user_id,
        w.company_id,
        "Chefe",
        rules::permission::Permission::ALL.to_vec(),
    )
}

/// Waits (20 s at most) until some session of this database waits on a lock.
pub async fn wait_until_a_request_waits_on_a_lock(pool: &PgPool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let waiting: i64 = sqlx::query_scalar(
            "select count(*) from pg_stat_activity
             where datname = current_database() and wait_event_type = 'Lock'",
        )
        .fetch_one(pool)
        .await
        .unwrap();
        if waiting > 0 {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no request waited on a lock"
        );
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
}
