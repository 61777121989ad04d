//! Every server function, as registered at run time (not a hand-kept list), is POST-only,
//! same-origin only and signed-in only (but for a named few), and answers a malformed call
//! with 400. A server function added later is covered without touching this file.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use common::*;
use sqlx::PgPool;

/// The server functions a signed-out visitor may call. Adding one to the server's list
/// means adding it here, on purpose.
const PUBLIC: [&str; 3] = ["/api/get_session", "/api/sign_in", "/api/sign_out"];

/// Every registered server function's path, sorted; never empty, and holding some we know.
fn registered() -> Vec<&'static str> {
    let mut paths: Vec<&'static str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| {
            assert_eq!(method, Method::POST, "{path} must be POST-only");
            path
        })
        .collect();
    paths.sort_unstable();
    for known in [
        "/api/sign_in",
        "/api/get_session",
        "/api/switch_company",
        "/api/save_customer",
        "/api/list_customers",
        "/api/apply_bulk",
        "/api/save_lookup",
    ] {
        assert!(paths.contains(&known), "{known} not registered: {paths:?}");
    }
    assert!(paths.len() >= 20, "{paths:?}");
    paths
}

fn post(path: &str, origin: Option<&str>, cookie: Option<&str>, body: Body) -> Request<Body> {
    let mut builder = Request::post(path)
        .header(header::HOST, HOST)
        .header(header::ACCEPT, "application/json")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(origin) = origin {
        builder = builder.header(header::ORIGIN, origin);
    }
    if let Some(cookie) = cookie {
        builder = builder.header(header::COOKIE, cookie);
    }
    builder.body(body).unwrap()
}

async fn answer(app: &Router, request: Request<Body>) -> (StatusCode, String) {
    let (status, body, _) = send(app, request).await;
    (status, body)
}

#[sqlx::test(migrations = "../migrations")]
async fn every_server_function_refuses_get_foreign_origins_and_callers_without_a_session(
    pool: PgPool,
) {
    let alpha = tenant(&pool, "alpha").await;
    let app = app(&pool);
    assert_eq!(server::session_guard::PUBLIC_SERVER_FNS, PUBLIC);
    let stale = {
        let cookie = sign_in(&app, "boss@alpha.test").await;
        let (status, _) = answer(&app, call("sign_out", "", Some(&cookie))).await;
        assert_eq!(status, StatusCode::OK);
        cookie
    };
    let forged = format!("clientela_session={}.not-a-token", alpha.tenant_id);

    for path in registered() {
        let get = Request::get(path)
            .header(header::HOST, HOST)
            .body(Body::empty())
            .unwrap();
        assert_eq!(
            answer(&app, get).await.0,
            StatusCode::METHOD_NOT_ALLOWED,
            "GET {path}"
        );

        for origin in [Some("http://evil.example"), Some("null"), None] {
            let (status, body) = answer(&app, post(path, origin, None, Body::empty())).await;
            assert_eq!(
                status,
                StatusCode::FORBIDDEN,
                "{path} from {origin:?}: {body}"
            );
        }

        if PUBLIC.contains(&path) {
            continue;
        }
        for cookie in [None, Some(stale.as_str()), Some(forged.as_str())] {
            let (status, body) =
                answer(&app, post(path, Some(ORIGIN), cookie, Body::empty())).await;
            assert_eq!(
                status,
                StatusCode::UNAUTHORIZED,
                "{path} with {cookie:?}: {body}"
            );
            assert_eq!(body, r#""Unauthenticated""#, "{path}");
        }
    }
}

/// Collects what is logged at WARN or above while it is installed on this thread.
fn capture_alarms() -> (Arc<Mutex<Vec<u8>>>, tracing::subscriber::DefaultGuard) {
    #[derive(Clone)]
    struct Sink(Arc<Mutex<Vec<u8>>>);
    impl Write for Sink {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let logged = Arc::new(Mutex::new(Vec::new()));
    let sink = Sink(logged.clone());
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::WARN)
        .with_writer(move || sink.clone())
        .finish();
    (logged, tracing::subscriber::set_default(subscriber))
}

async fn counts(pool: &PgPool) -> (i64, i64, i64) {
    sqlx::query_as(
        "select (select count(*) from sessions), (select count(*) from customers),
                (select count(*) from lookup_entries)",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_malformed_call_to_any_server_function_answers_400_changes_nothing_and_logs_no_alarm(
    pool: PgPool,
) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    let before = counts(&pool).await;
    let (logged, _guard) = capture_alarms();

    let mut with_arguments = 0;
    for path in registered() {
        // Public ones are called signed out (sign_out would end the session); the others
        // signed in, so that it is the decoding that fails, not the session check.
        let cookie = (!PUBLIC.contains(&path)).then_some(cookie.as_str());
        let call = |content_type: &str, body: Body| {
            let mut request = post(path, Some(ORIGIN), cookie, body);
            request.headers_mut().insert(
                header::CONTENT_TYPE,
                content_type.parse().expect("content type"),
            );
            request
        };
        let form = "application/x-www-form-urlencoded";

        // Not text at all: malformed whatever the function's arguments.
        let (status, body) = answer(&app, call(form, Body::from(vec![0xff, 0xfe, 0x00]))).await;
        assert_bad_request(path, "a body that is not UTF-8", status, &body);

        // An empty body tells a function with arguments (a field is missing) from one
        // without, which accepts it; anything else is a failure of its own.
        let (status, body) = answer(&app, call(form, Body::empty())).await;
        if status.is_success() {
            continue;
        }
        with_arguments += 1;
        assert_bad_request(path, "an empty body", status, &body);
        let first_field = body
            .split_once("falta o campo ")
            .and_then(|(_, rest)| rest.split_once('.'))
            .map(|(name, _)| name.to_string())
            .unwrap_or_else(|| panic!("{path}: the 400 names no missing field: {body}"));

        let malformed = [
            ("misnamed fields", form, "nonsense=1&other=2".to_string()),
            (
                "broken JSON",
                "application/json",
                format!(r#"{{"{first_field}": "#),
            ),
        ];
        for (what, content_type, text) in malformed {
            let (status, body) = answer(&app, call(content_type, Body::from(text))).await;
            assert_bad_request(path, what, status, &body);
        }
        // A wrong type: a plain value where a structure belongs or a structure where a plain
        // value does. One of the two is wrong for any field; neither may crash.
        let mut refused = 0;
        for text in [
            format!("{first_field}=abc"),
            format!("{first_field}[x][y]=1"),
        ] {
            let (status, body) = answer(&app, call(form, Body::from(text.clone()))).await;
            assert!(!status.is_server_error(), "{path} {text}: {status} {body}");
            if status == StatusCode::BAD_REQUEST {
                assert_bad_request(path, &text, status, &body);
                refused += 1;
            }
        }
        assert!(refused >= 1, "{path}: no wrong type was refused");
    }
    assert!(with_arguments >= 15, "{with_arguments}");
    assert_eq!(counts(&pool).await, before);
    let logged = String::from_utf8(logged.lock().unwrap().clone()).unwrap();
    assert!(logged.is_empty(), "alarming log lines: {logged}");
}

fn assert_bad_request(path: &str, what: &str, status: StatusCode, body: &str) {
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "{path} with {what}: {body}"
    );
    let error: app::error::AppError =
        serde_json::from_str(body).unwrap_or_else(|e| panic!("{path}: {e}: {body}"));
    assert!(
        matches!(error, app::error::AppError::BadRequest(_)),
        "{path} with {what}: {body}"
    );
    assert!(body.len() < 120, "{path}: a short message, not {body}");
}
