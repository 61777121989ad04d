//! Security headers on every response (pages, server functions, refusals, the 404 page),
//! a CSP nonce fresh per response that the page's inline scripts carry, and over https a
//! `Secure`, `__Host-` session cookie and HSTS.

mod common;

use std::net::SocketAddr;

use app::server::timeouts::DbTimeouts;
use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::Router;
use common::*;
use leptos::prelude::LeptosOptions;
use server::csrf::CsrfPolicy;
use server::{build_app, AppState};
use sqlx::PgPool;

const PUBLIC_HTTPS: &str = "https://erp.example.com";

/// The app behind a proxy whose public origin is https. The context says nothing of https:
/// the origin alone must make the cookie secure.
fn https_app(pool: &PgPool) -> Router {
    let state = AppState {
        leptos_options: LeptosOptions::builder().output_name("clientela").build(),
        context: context_for(pool, DbTimeouts::default()),
        csrf: CsrfPolicy {
            public_origin: Some(PUBLIC_HTTPS.into()),
        },
    };
    build_app(state).layer(MockConnectInfo(SocketAddr::from(([10, 0, 0, 9], 40000))))
}

fn page(path: &str) -> Request<Body> {
    Request::get(path)
        .header(header::HOST, HOST)
        .header(header::ACCEPT, "text/html")
        .body(Body::empty())
        .unwrap()
}

/// The nonce the CSP names, after checking the rest of the policy and the other headers.
fn assert_security_headers(what: &str, headers: &HeaderMap, https: bool) -> String {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_else(|| panic!("{what}: no {name}"))
            .to_string()
    };
    let csp = header("content-security-policy");
    for directive in [
        "default-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ] {
        assert!(
            csp.contains(directive),
            "{what}: {directive} missing in {csp}"
        );
    }
    assert!(!csp.contains("unsafe-inline"), "{what}: {csp}");
    assert!(!csp.contains("unsafe-eval'") || csp.contains("'wasm-unsafe-eval'"));
    let script_src = csp
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src "))
        .unwrap_or_else(|| panic!("{what}: no script-src in {csp}"));
    let nonce = script_src
        .split_whitespace()
        .find_map(|source| source.strip_prefix("'nonce-")?.strip_suffix('\''))
        .unwrap_or_else(|| panic!("{what}: no nonce in {script_src}"))
        .to_string();
    assert_eq!(
        script_src,
        format!("script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'"),
        "{what}"
    );
    assert!(nonce.len() >= 16, "{what}: {nonce}");
    assert_eq!(header("x-content-type-options"), "nosniff", "{what}");
    assert_eq!(header("x-frame-options"), "DENY", "{what}");
    assert_eq!(header("referrer-policy"), "same-origin", "{what}");
    assert_eq!(
        headers.get("strict-transport-security").is_some(),
        https,
        "{what}: HSTS only over https"
    );
    nonce
}

#[sqlx::test(migrations = "../migrations")]
async fn every_response_carries_the_security_headers_and_hsts_only_over_https(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    let foreign = Request::post("/api/get_session")
        .header(header::HOST, HOST)
        .header(header::ORIGIN, "http://evil.example")
        .body(Body::empty())
        .unwrap();
    let requests = [
        ("the sign-in page", page("/entrar")),
        ("a redirect", page("/")),
        ("the 404 page", page("/nada-aqui")),
        ("/health", page("/health")),
        ("a server function", call("get_session", "", Some(&cookie))),
        ("a signed-out call", call("list_batches", "", None)),
        (
            "a malformed call",
            call("switch_company", "x=1", Some(&cookie)),
        ),
        ("a foreign-origin refusal", foreign),
    ];
    for (what, request) in requests {
        let (_, _, response) = send(&app, request).await;
        assert_security_headers(what, response.headers(), false);
    }

    let https = https_app(&pool);
    let (status, _, response) = send(&https, page("/entrar")).await;
    assert_eq!(status, StatusCode::OK);
    assert_security_headers("the sign-in page over https", response.headers(), true);
    assert_eq!(
        response.headers()["strict-transport-security"],
        "max-age=31536000"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn each_page_has_a_fresh_nonce_and_every_inline_script_carries_it(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let cookie = sign_in(&app, "boss@alpha.test").await;
    let mut nonces = Vec::new();
    for path in ["/entrar", "/entrar", "/", "/clientes", "/nada-aqui"] {
        let mut request = page(path);
        request
            .headers_mut()
            .insert(header::COOKIE, cookie.parse().unwrap());
        let (_, body, response) = send(&app, request).await;
        let nonce = assert_security_headers(path, response.headers(), false);
        let scripts: Vec<&str> = body.split("<script").skip(1).collect();
        assert!(!scripts.is_empty(), "{path}: no script in {body}");
        for script in scripts {
            let tag = &script[..script.find('>').unwrap()];
            assert!(
                tag.contains(&format!("nonce=\"{nonce}\"")),
                "{path}: a script without the response's nonce: <script{tag}>"
            );
        }
        nonces.push(nonce);
    }
    let mut distinct = nonces.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), nonces.len(), "{nonces:?}");
}

#[sqlx::test(migrations = "../migrations")]
async fn over_https_the_session_cookie_is_secure_and_host_prefixed(pool: PgPool) {
    tenant(&pool, "alpha").await;
    let app = https_app(&pool);
    let form = format!(
        "email={}&password={}",
        urlencode("boss@alpha.test"),
        urlencode(PASSWORD)
    );
    let request = Request::post("/api/sign_in")
        .header(header::HOST, "10.0.0.5:3000")
        .header(header::ORIGIN, PUBLIC_HTTPS)
        .header(header::ACCEPT, "application/json")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form))
        .unwrap();
    let (status, body, response) = send(&app, request).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let set_cookie = response.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(
        set_cookie.starts_with("__Host-clientela_session="),
        "{set_cookie}"
    );
    let attributes: Vec<&str> = set_cookie.split(';').map(str::trim).collect();
    for attribute in ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(attributes.contains(&attribute), "{set_cookie}");
    }
    assert!(!set_cookie.contains("Domain"), "{set_cookie}");
    let cookie = set_cookie.split(';').next().unwrap().to_string();

    let session = |cookie: String| {
        Request::post("/api/get_session")
            .header(header::HOST, "10.0.0.5:3000")
            .header(header::ORIGIN, PUBLIC_HTTPS)
            .header(header::ACCEPT, "application/json")
            .header(header::COOKIE, cookie)
            .body(Body::empty())
            .unwrap()
    };
    let (status, body, _) = send(&app, session(cookie.clone())).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("boss@alpha.test"), "{body}");
    // The same token under the unprefixed name (as a sibling subdomain could plant it) is
    // not a session over https.
    let planted = cookie.replacen("__Host-", "", 1);
    let (status, body, _) = send(&app, session(planted)).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "null"));
}
