//! Shared helpers of the integration tests: a router on a fresh database, two tenants,
//! and requests shaped like the browser's.
#![allow(dead_code)] // each test binary uses a different subset of these helpers

use std::net::SocketAddr;

use app::server::context::ServerContext;
use app::server::passwords::PasswordChecks;
use app::server::timeouts::{serving_pool, DbTimeouts};
use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{header, Request, Response, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use rules::permission::Permission;
use rules::sign_in::{ThrottlePolicy, SESSION_TTL_SECS};
use server::csrf::CsrfPolicy;
use server::seed::tenant::{
    create_tenant, CompanySpec, CreatedTenant, ProfileSpec, TenantSpec, UserSpec,
};
use server::{build_app, AppState};
use sqlx::PgPool;
use tower::ServiceExt;

pub const HOST: &str = "clientela.test";
pub const ORIGIN: &str = "http://clientela.test";
pub const PASSWORD: &str = "Senha@123";

/// The app as a client at address `client` sees it, on the test's database.
pub fn app_from(pool: &PgPool, client: [u8; 4]) -> Router {
    app_with(context_for(pool, DbTimeouts::default()), client)
}

/// What the server gives server functions, on the test's database: a pool of its own with
/// the server's per-connection time limits (`timeouts`), as main.rs builds it.
pub fn context_for(pool: &PgPool, timeouts: DbTimeouts) -> ServerContext {
    ServerContext {
        pool: serving_pool(&pool.connect_options(), 5, timeouts),
        secure_cookies: false,
        throttle: ThrottlePolicy::default(),
        session_ttl_secs: SESSION_TTL_SECS,
        password_checks: PasswordChecks::new(16),
    }
}

/// The app on a given context (shared by several clients, or with all password-check
/// places taken…), as a client at address `client` sees it.
pub fn app_with(context: ServerContext, client: [u8; 4]) -> Router {
    let state = AppState {
        leptos_options: LeptosOptions::builder().output_name("clientela").build(),
        context,
        csrf: CsrfPolicy::default(),
    };
    build_app(state).layer(MockConnectInfo(SocketAddr::from((client, 40000))))
}

pub fn app(pool: &PgPool) -> Router {
    app_from(pool, [10, 0, 0, 1])
}

/// A tenant with companies 1, 2 and 3 and three users: `boss@<tag>` (every permission,
/// companies 1 and 2), `clerk@<tag>` (include and alter, company 1) and `viewer@<tag>`
/// (no permission, company 1).
pub async fn tenant(pool: &PgPool, tag: &'static str) -> CreatedTenant {
    let email =
        |user: &str| -> &'static str { Box::leak(format!("{user}@{tag}.test").into_boxed_str()) };
    let spec = TenantSpec {
        name: tag,
        companies: vec![
            CompanySpec {
                code: 1,
                legal_name: "Matriz Ltda",
                trade_name: "Matriz",
                cnpj: "11222333000181",
                city_identification: "SAO LEOPOLDO - RS",
            },
            CompanySpec {
                code: 2,
                legal_name: "Filial Ltda",
                trade_name: "Filial",
                cnpj: "12ABC34501DE35",
                city_identification: "JOINVILLE - SC",
            },
            CompanySpec {
                code: 3,
                legal_name: "Outra Ltda",
                trade_name: "Outra",
                cnpj: "11444777000161",
                city_identification: "CURITIBA - PR",
            },
        ],
        profiles: vec![
            ProfileSpec {
                name: "Administrador",
                permissions: Permission::ALL.to_vec(),
            },
            ProfileSpec {
                name: "Escritório",
                permissions: vec![
                    Permission::IncludeCustomer,
                    Permission::AlterCustomer,
                    Permission::MaintainTables,
                ],
            },
            ProfileSpec {
                name: "Consulta",
                permissions: vec![],
            },
        ],
        users: vec![
            UserSpec {
                email: email("boss"),
                name: "Chefe",
                password: PASSWORD,
                profile: "Administrador",
                companies: vec![1, 2],
            },
            UserSpec {
                email: email("clerk"),
                name: "Auxiliar",
                password: PASSWORD,
                profile: "Escritório",
                companies: vec![1],
            },
            UserSpec {
                email: email("viewer"),
                name: "Consulta",
                password: PASSWORD,
                profile: "Consulta",
                companies: vec![1],
            },
        ],
    };
    create_tenant(pool, &spec).await.expect("tenant created")
}

/// A server-function call as our pages make it: POST, form-encoded, same origin.
pub fn call(endpoint: &str, form: &str, cookie: Option<&str>) -> Request<Body> {
    let mut builder = Request::post(format!("/api/{endpoint}"))
        .header(header::HOST, HOST)
        .header(header::ORIGIN, ORIGIN)
        .header(header::ACCEPT, "application/json")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(cookie) = cookie {
        builder = builder.header(header::COOKIE, cookie);
    }
    builder.body(Body::from(form.to_string())).unwrap()
}

pub async fn send(app: &Router, request: Request<Body>) -> (StatusCode, String, Response<()>) {
    let response = app.clone().oneshot(request).await.unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    (
        parts.status,
        String::from_utf8_lossy(&bytes).into_owned(),
        Response::from_parts(parts, ()),
    )
}

/// `name=value` of the session cookie the response sets, ready for a `Cookie` header.
pub fn session_cookie(response: &Response<()>) -> Option<String> {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("clientela_session=") && !v.starts_with("clientela_session=;"))
        .map(|v| v.split(';').next().unwrap().to_string())
}

pub async fn sign_in(app: &Router, email: &str) -> String {
    let form = format!(
        "email={}&password={}",
        urlencode(email),
        urlencode(PASSWORD)
    );
    let (status, body, response) = send(app, call("sign_in", &form, None)).await;
    assert_eq!(status, StatusCode::OK, "sign-in failed: {body}");
    session_cookie(&response).expect("session cookie set")
}

pub fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub async fn session_json(app: &Router, cookie: &str) -> (StatusCode, serde_json::Value) {
    let (status, body, _) = send(app, call("get_session", "", Some(cookie))).await;
    (
        status,
        serde_json::from_str(&body).unwrap_or(serde_json::Value::String(body)),
    )
}

/// A table entry (region, salesperson…) of one company, described as "<code> desc".
pub async fn lookup_entry(
    pool: &PgPool,
    tenant_id: i64,
    company_id: i64,
    kind: &str,
    code: &str,
) -> i64 {
    sqlx::query_scalar(
        "insert into lookup_entries (tenant_id, company_id, kind, code, description)
         values ($1, $2, $3, $4, $4 || ' desc') returning id",
    )
    .bind(tenant_id)
    .bind(company_id)
    .bind(kind)
    .bind(code)
    .fetch_one(pool)
    .await
    .unwrap()
}

/// Inserts customers with the given (code, legal name, document) in one statement.
pub async fn customers(pool: &PgPool, tenant_id: i64, rows: &[(i64, &str, &str)]) {
    let codes: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let names: Vec<String> = rows.iter().map(|r| r.1.to_string()).collect();
    let docs: Vec<String> = rows.iter().map(|r| r.2.to_string()).collect();
    let search: Vec<String> = rows
        .iter()
        .map(|r| rules::customer_search::search_name(r.1, r.1))
        .collect();
    sqlx::query(
        "insert into customers (tenant_id, code, kind, document, legal_name, trade_name, search_name)
         select $1, code, case when length(doc) = 11 then 'individual' else 'legal_entity' end, doc, name, name, search
         from unnest($2::bigint[], $3::text[], $4::text[], $5::text[]) as t(code, name, doc, search)",
    )
    .bind(tenant_id)
    .bind(&codes)
    .bind(&names)
    .bind(&docs)
    .bind(&search)
    .execute(pool)
    .await
    .unwrap();
}
