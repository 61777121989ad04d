//! Issue 10 item 1: what the browser downloads is compressed (brotli or gzip, as the request's
//! Accept-Encoding asks; nothing when it asks nothing), hashed bundle files are cached for a
//! year as immutable, pages are never stored, and server functions answer compressed too.

mod common;

use std::io::Read;
use std::path::PathBuf;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use server::caching::{IMMUTABLE, PAGE, REVALIDATE};
use server::csrf::CsrfPolicy;
use server::{build_app, AppState};
use sqlx::PgPool;
use tower::ServiceExt;

use common::{call, context_for, sign_in, tenant, HOST};

const HASHED_WASM: &str = "/pkg/clientela.G0b7fOkrZ_xv5Qd2-1lsYA.wasm";

/// A bundle-like file: compressible, well above the 32-byte floor of compression.
fn fake_wasm() -> Vec<u8> {
    let mut bytes = b"\0asm\x01\0\0\0".to_vec();
    for i in 0..4_000u32 {
        bytes.extend_from_slice(format!("fn_{}_{};", i % 97, i % 13).as_bytes());
    }
    bytes
}

/// A site root of the test's own with the files cargo-leptos would put there.
fn site_root(tag: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!(
        "clientela-compression-{tag}-{}",
        std::process::id()
    ));
    let pkg = root.join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    let file = |path: &str| root.join(path.trim_start_matches('/'));
    std::fs::write(file(HASHED_WASM), fake_wasm()).unwrap();
    std::fs::write(file("/pkg/clientela.wasm"), fake_wasm()).unwrap();
    std::fs::write(
        file("/pkg/clientela.css"),
        "body { margin: 0 }\n".repeat(50),
    )
    .unwrap();
    root
}

fn app_on(pool: &PgPool, root: &std::path::Path) -> Router {
    let state = AppState {
        leptos_options: LeptosOptions::builder()
            .output_name("clientela")
            .site_root(root.to_string_lossy().into_owned())
            .build(),
        context: context_for(pool, Default::default()),
        csrf: CsrfPolicy::default(),
    };
    build_app(state).layer(axum::extract::connect_info::MockConnectInfo(
        std::net::SocketAddr::from(([10, 0, 0, 1], 40000)),
    ))
}

struct Answer {
    status: StatusCode,
    encoding: Option<String>,
    cache: Option<String>,
    content_type: Option<String>,
    vary: Vec<String>,
    body: Vec<u8>,
}

impl Answer {
    /// The body as the browser reads it, undoing the content encoding.
    fn decoded(&self) -> Vec<u8> {
        let mut out = Vec::new();
        match self.encoding.as_deref() {
            None => out.extend_from_slice(&self.body),
            Some("gzip") => {
                flate2::read::GzDecoder::new(&self.body[..])
                    .read_to_end(&mut out)
                    .unwrap();
            }
            Some("br") => {
                brotli_decompressor::Decompressor::new(&self.body[..], 4096)
                    .read_to_end(&mut out)
                    .unwrap();
            }
            Some(other) => panic!("unexpected encoding {other}"),
        }
        out
    }
}

async fn answer(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.unwrap();
    let (parts, body) = response.into_parts();
    let header = |name: header::HeaderName| {
        parts
            .headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
    };
    Answer {
        status: parts.status,
        encoding: header(header::CONTENT_ENCODING),
        cache: header(header::CACHE_CONTROL),
        content_type: header(header::CONTENT_TYPE),
        vary: parts
            .headers
            .get_all(header::VARY)
            .iter()
            .map(|v| v.to_str().unwrap().to_ascii_lowercase())
            .collect(),
        body: body.collect().await.unwrap().to_bytes().to_vec(),
    }
}

fn get(path: &str, accept_encoding: Option<&str>) -> Request<Body> {
    let mut builder = Request::get(path).header(header::HOST, HOST);
    if let Some(accept) = accept_encoding {
        builder = builder.header(header::ACCEPT_ENCODING, accept);
    }
    builder.body(Body::empty()).unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn the_bundle_goes_out_in_brotli_when_the_browser_accepts_it_and_decodes_to_the_same_bytes(
    pool: PgPool,
) {
    let root = site_root("br");
    let app = app_on(&pool, &root);
    // Chromium's own header: brotli wins over gzip.
    let wasm = answer(&app, get(HASHED_WASM, Some("gzip, deflate, br, zstd"))).await;
    assert_eq!(wasm.status, StatusCode::OK);
    assert_eq!(wasm.encoding.as_deref(), Some("br"));
    assert_eq!(wasm.content_type.as_deref(), Some("application/wasm"));
    assert!(wasm.vary.iter().any(|v| v.contains("accept-encoding")));
    assert!(
        wasm.body.len() * 4 < fake_wasm().len(),
        "{} B",
        wasm.body.len()
    );
    assert_eq!(wasm.decoded(), fake_wasm());
    std::fs::remove_dir_all(root).ok();
}

#[sqlx::test(migrations = "../migrations")]
async fn the_bundle_goes_out_in_gzip_to_a_client_without_brotli(pool: PgPool) {
    let root = site_root("gzip");
    let app = app_on(&pool, &root);
    let wasm = answer(&app, get(HASHED_WASM, Some("gzip"))).await;
    assert_eq!(wasm.encoding.as_deref(), Some("gzip"));
    assert!(
        wasm.body.len() * 4 < fake_wasm().len(),
        "{} B",
        wasm.body.len()
    );
    assert_eq!(wasm.decoded(), fake_wasm());
    std::fs::remove_dir_all(root).ok();
}

#[sqlx::test(migrations = "../migrations")]
async fn a_client_that_asks_for_no_encoding_gets_the_file_as_it_is(pool: PgPool) {
    let root = site_root("identity");
    let app = app_on(&pool, &root);
    for accept in [None, Some("identity")] {
        let wasm = answer(&app, get(HASHED_WASM, accept)).await;
        assert_eq!(wasm.status, StatusCode::OK);
        assert_eq!(wasm.encoding, None, "Accept-Encoding {accept:?}");
        assert_eq!(wasm.body, fake_wasm());
    }
    std::fs::remove_dir_all(root).ok();
}

#[sqlx::test(migrations = "../migrations")]
async fn a_file_cargo_leptos_precompressed_is_sent_as_built(pool: PgPool) {
    let root = site_root("precompressed");
    // `cargo leptos build --release --precompress` leaves best-quality .br/.gz files beside each.
    let prebuilt = b"prebuilt brotli stand-in".to_vec();
    std::fs::write(
        root.join("pkg/clientela.G0b7fOkrZ_xv5Qd2-1lsYA.wasm.br"),
        &prebuilt,
    )
    .unwrap();
    let app = app_on(&pool, &root);
    let wasm = answer(&app, get(HASHED_WASM, Some("br"))).await;
    assert_eq!(wasm.encoding.as_deref(), Some("br"));
    assert_eq!(wasm.body, prebuilt);
    assert_eq!(wasm.cache.as_deref(), Some(IMMUTABLE));
    std::fs::remove_dir_all(root).ok();
}

#[sqlx::test(migrations = "../migrations")]
async fn hashed_bundle_names_are_cached_a_year_as_immutable_and_unhashed_files_are_revalidated(
    pool: PgPool,
) {
    let root = site_root("cache");
    let app = app_on(&pool, &root);
    let hashed = answer(&app, get(HASHED_WASM, Some("br"))).await;
    assert_eq!(
        hashed.cache.as_deref(),
        Some("public, max-age=31536000, immutable")
    );
    for path in ["/pkg/clientela.wasm", "/pkg/clientela.css"] {
        let plain = answer(&app, get(path, Some("br"))).await;
        assert_eq!(plain.status, StatusCode::OK, "{path}");
        assert_eq!(plain.cache.as_deref(), Some(REVALIDATE), "{path}");
    }
    // A hashed name that is not there is no reason to cache a 404 for a year.
    let missing = answer(
        &app,
        get("/pkg/clientela.AAAAAAAAAAAAAAAAAAAAAA.wasm", None),
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_ne!(missing.cache.as_deref(), Some(IMMUTABLE));
    std::fs::remove_dir_all(root).ok();
}

#[sqlx::test(migrations = "../migrations")]
async fn pages_are_never_stored_and_go_out_compressed(pool: PgPool) {
    let root = site_root("page");
    let app = app_on(&pool, &root);
    let page = answer(&app, get("/entrar", Some("gzip, deflate, br"))).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page
        .content_type
        .as_deref()
        .unwrap()
        .starts_with("text/html"));
    assert_eq!(page.cache.as_deref(), Some(PAGE));
    assert_eq!(PAGE, "no-store");
    assert_eq!(page.encoding.as_deref(), Some("br"));
    let html = String::from_utf8(page.decoded()).unwrap();
    assert!(html.contains("<html lang=\"pt-BR\""), "{html}");
    // Without hash-files the page names the bundle by its plain names.
    assert!(html.contains("/pkg/clientela.css"), "{html}");
    std::fs::remove_dir_all(root).ok();
}

#[sqlx::test(migrations = "../migrations")]
async fn a_server_function_answer_is_compressed_and_decodes_to_its_json(pool: PgPool) {
    tenant(&pool, "zip").await;
    let root = site_root("api");
    let app = app_on(&pool, &root);
    let cookie = sign_in(&app, "boss@zip.test").await;
    let mut request = call("get_session", "", Some(&cookie));
    request.headers_mut().insert(
        header::ACCEPT_ENCODING,
        "gzip, deflate, br".parse().unwrap(),
    );
    let session = answer(&app, request).await;
    assert_eq!(session.status, StatusCode::OK);
    assert_eq!(session.encoding.as_deref(), Some("br"));
    let json: serde_json::Value = serde_json::from_slice(&session.decoded()).unwrap();
    assert!(json.to_string().contains("boss@zip.test"), "{json}");

    let mut request = call("get_session", "", Some(&cookie));
    request
        .headers_mut()
        .insert(header::ACCEPT_ENCODING, "gzip".parse().unwrap());
    let session = answer(&app, request).await;
    assert_eq!(session.encoding.as_deref(), Some("gzip"));
    assert!(serde_json::from_slice::<serde_json::Value>(&session.decoded()).is_ok());
    std::fs::remove_dir_all(root).ok();
}
