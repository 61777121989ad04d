mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::*;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn a_request_from_a_foreign_origin_is_refused_and_changes_nothing(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let form = format!(
        "email={}&password={}",
        urlencode("boss@alpha.test"),
        urlencode(PASSWORD)
    );
    let forged = Request::post("/api/sign_in")
        .header(header::HOST, HOST)
        .header(header::ORIGIN, "http://evil.example")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form.clone()))
        .unwrap();
    let (status, _, response) = send(&app, forged).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(session_cookie(&response).is_none());

    let no_origin = Request::post("/api/sign_in")
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form))
        .unwrap();
    let (status, _, _) = send(&app, no_origin).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let sessions: i64 = sqlx::query_scalar("select count(*) from sessions")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(sessions, 0);

    // A switch forged from another site with a valid cookie is refused too.
    let cookie = sign_in(&app, "boss@alpha.test").await;
    let switch = Request::post("/api/switch_company")
        .header(header::HOST, HOST)
        .header(header::ORIGIN, "https://evil.example")
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("company_id=1"))
        .unwrap();
    let (status, _, _) = send(&app, switch).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[sqlx::test(migrations = "../migrations")]
async fn health_answers_ok_while_the_database_answers(pool: PgPool) {
    let app = app(&pool);
    let request = Request::get("/health").body(Body::empty()).unwrap();
    let (status, body, _) = send(&app, request).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));
}

#[tokio::test]
async fn health_answers_503_when_the_database_is_unreachable() {
    // Nothing listens on port 9 of loopback; the lazy pool fails on first use.
    let pool = PgPoolOptions::new()
        .acquire_timeout(std::time::Duration::from_millis(500))
        .connect_lazy("postgres://nobody:nothing@127.0.0.1:9/none")
        .unwrap();
    let app = app(&pool);
    let request = Request::get("/health").body(Body::empty()).unwrap();
    let (status, _, _) = send(&app, request).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
}

#[sqlx::test(migrations = "../migrations")]
async fn r_cust_4_ibge_cities_load_once_with_their_identification(pool: PgPool) {
    assert_eq!(server::cities::ensure_loaded(&pool).await.unwrap(), 5570);
    assert_eq!(server::cities::ensure_loaded(&pool).await.unwrap(), 0);
    let (code,): (i32,) = sqlx::query_as(
        "select ibge_code from cities where identification = 'SANTA BARBARA D''OESTE - SP'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(code, 3545803);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_demo_seed_loads_once_with_generated_customers(pool: PgPool) {
    server::cities::ensure_loaded(&pool).await.unwrap();
    assert!(server::seed::demo::ensure_demo(&pool)
        .await
        .unwrap()
        .is_some());
    assert!(server::seed::demo::ensure_demo(&pool)
        .await
        .unwrap()
        .is_none());
    let (tenants, users, customers): (i64, i64, i64) = sqlx::query_as(
        "select (select count(*) from tenants), (select count(*) from users), (select count(*) from customers)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        (tenants, users, customers),
        (1, 4, server::seed::demo::DEMO_CUSTOMERS as i64)
    );
    // Every customer has a profile in company 1; regions follow the city's state.
    let (profiles_in_1, wrong_regions): (i64, i64) = sqlx::query_as(
        "select count(*) filter (where co.code = 1),
                count(*) filter (where ci.state_code in ('RS', 'SC', 'PR') and r.code <> ci.state_code)
         from customer_profiles p
         join companies co on co.tenant_id = p.tenant_id and co.id = p.company_id
         join customers c on c.tenant_id = p.tenant_id and c.id = p.customer_id
         join cities ci on ci.id = c.city_id
         join lookup_entries r on r.tenant_id = p.tenant_id and r.id = p.region_id",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        (profiles_in_1, wrong_regions),
        (server::seed::demo::DEMO_CUSTOMERS as i64, 0)
    );
    // R-CUST-5: each has a preferred main address, in its own city, with a valid CEP.
    let (main_addresses, elsewhere, bad_ceps): (i64, i64, i64) = sqlx::query_as(
        "select count(*), count(*) filter (where a.city_id <> c.city_id),
                count(*) filter (where a.cep !~ '^[0-9]{8}$' or a.cep = '00000000')
         from customer_addresses a
         join customers c on c.tenant_id = a.tenant_id and c.id = a.customer_id
         where a.role = 'main' and a.preferred",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        (main_addresses, elsewhere, bad_ceps),
        (server::seed::demo::DEMO_CUSTOMERS as i64, 0, 0)
    );
    let app = app(&pool);
    for user in server::seed::demo::demo_tenant().users {
        let form = format!(
            "email={}&password={}",
            urlencode(user.email),
            urlencode(user.password)
        );
        let (status, body, _) = send(&app, call("sign_in", &form, None)).await;
        assert_eq!(status, StatusCode::OK, "{}: {body}", user.email);
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_signed_out_visitor_is_redirected_to_sign_in_by_the_server(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let page = Request::get("/")
        .header(header::HOST, HOST)
        .header(header::ACCEPT, "text/html")
        .body(Body::empty())
        .unwrap();
    let (status, _, response) = send(&app, page).await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(response.headers()[header::LOCATION], "/entrar");

    let cookie = sign_in(&app, "boss@alpha.test").await;
    let page = Request::get("/")
        .header(header::HOST, HOST)
        .header(header::ACCEPT, "text/html")
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .unwrap();
    let (status, body, _) = send(&app, page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Olá, <strong>Chefe</strong>"), "{body}");
}

/// The sign-in form as the browser posts it from the page (which runs no WebAssembly).
fn sign_in_form_post(body: String) -> Request<Body> {
    Request::post("/api/sign_in")
        .header(header::HOST, HOST)
        .header(header::ORIGIN, ORIGIN)
        .header(header::REFERER, format!("{ORIGIN}/entrar"))
        .header(header::ACCEPT, "text/html,application/xhtml+xml")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap()
}

/// A signed-out visitor who asked for a page signs in and lands on it; a return address to
/// another site is never followed.
#[sqlx::test(migrations = "../migrations")]
async fn sign_in_goes_on_to_the_page_asked_for_and_never_to_another_site(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let asked = "/financeiro/contas-a-receber?vendedor=V03";
    let page = Request::get(asked)
        .header(header::HOST, HOST)
        .header(header::ACCEPT, "text/html")
        .body(Body::empty())
        .unwrap();
    let (status, _, response) = send(&app, page).await;
    assert_eq!(status, StatusCode::FOUND);
    let to_sign_in = response.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(
        to_sign_in,
        "/entrar?volta=%2Ffinanceiro%2Fcontas-a-receber%3Fvendedor%3DV03"
    );
    let post = |volta: &str| {
        sign_in_form_post(format!(
            "email={}&password={}&volta={}",
            urlencode("boss@alpha.test"),
            urlencode(PASSWORD),
            urlencode(volta)
        ))
    };
    let (status, _, response) = send(&app, post(asked)).await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(response.headers()[header::LOCATION], asked);
    for foreign in ["https://evil.example/", "//evil.example/x"] {
        let (status, _, response) = send(&app, post(foreign)).await;
        assert_eq!(status, StatusCode::FOUND);
        assert_eq!(response.headers()[header::LOCATION], "/", "{foreign}");
    }
}

/// The sign-in page runs no WebAssembly (app/src/shell.rs): the browser posts its form, and a
/// refusal comes back as a redirect to the page, with the e-mail typed and the reason, which
/// the page then shows beside the form; right credentials go home with a session.
#[sqlx::test(migrations = "../migrations")]
async fn the_sign_in_form_posted_by_the_browser_comes_back_with_the_email_and_the_refusal(
    pool: PgPool,
) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let post = |email: &str, password: &str| {
        sign_in_form_post(format!(
            "email={}&password={}",
            urlencode(email),
            urlencode(password)
        ))
    };

    let (status, _, response) = send(&app, post("boss@alpha.test", "errada")).await;
    assert_eq!(status, StatusCode::FOUND);
    assert!(session_cookie(&response).is_none());
    let back = response.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        back == "/entrar?email=boss%40alpha.test&recusa=credenciais",
        "{back}"
    );
    let page = |path: &str| {
        Request::get(path)
            .header(header::HOST, HOST)
            .header(header::ACCEPT, "text/html")
            .body(Body::empty())
            .unwrap()
    };
    let (status, body, _) = send(&app, page(&back)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("E-mail ou senha inválidos."), "{body}");
    assert!(body.contains(r#"value="boss@alpha.test""#), "{body}");
    assert!(
        !body.contains("hydrate"),
        "the page runs no WebAssembly: {body}"
    );

    let (_, _, response) = send(&app, post("", "qualquer")).await;
    let back = response.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_string();
    let (_, body, _) = send(&app, page(&back)).await;
    assert!(body.contains("Informe o e-mail."), "{body}");

    let (status, _, response) = send(&app, post("boss@alpha.test", PASSWORD)).await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(response.headers()[header::LOCATION], "/");
    assert!(session_cookie(&response).is_some());
}
