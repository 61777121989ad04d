//! The Clientela HTTP server: routes, middleware and start-up tasks. `main` stays thin;
//! tests build the same router with [`build_app`].

pub mod app_state;
pub mod bulk_bench;
pub mod bulk_bench_lists;
pub mod caching;
pub mod cities;
pub mod config;
pub mod csrf;
pub mod finance_bench;
pub mod hash_file;
pub mod health;
pub mod list_bench;
pub mod preload_links;
pub mod receivables_bench;
pub mod search_names;
pub mod security_headers;
pub mod seed;
pub mod session_guard;

use app::{shell, App};
use axum::routing::get;
use axum::{middleware, Router};
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::compression::CompressionLayer;

pub use app_state::AppState;
use security_headers::SecurityHeaders;
use session_guard::SessionGuard;

pub fn build_app(state: AppState) -> Router {
    build_app_with(state, Router::new())
}

/// The app with `downloads`, routes of the binary's own (the PDFs, whose typesetting library
/// only the binary links), behind the same session, origin and header middleware.
pub fn build_app_with(mut state: AppState, downloads: Router<AppState>) -> Router {
    // An https public origin always means a `Secure`, `__Host-` session cookie.
    state.context.secure_cookies |= state.csrf.is_https();
    let routes = generate_route_list(App);
    let context = state.context.clone();
    let leptos_context = move || {
        provide_context(context.clone());
        security_headers::provide_request_nonce();
    };
    let csrf_policy = state.csrf.clone();
    let sessions = SessionGuard::new(state.context.pool.clone(), state.context.secure_cookies);
    let headers = SecurityHeaders {
        https: state.csrf.is_https(),
        // AutoReload's own condition: cargo-leptos sets it in watch mode only.
        dev_reload_port: std::env::var("LEPTOS_WATCH").is_ok().then(|| {
            let options = &state.leptos_options;
            options.reload_external_port.unwrap_or(options.reload_port)
        }),
    };
    let options = state.leptos_options.clone();
    let preload = preload_links::PreloadLinks::from_options(&options);
    Router::new()
        .route("/health", get(health::health))
        .merge(downloads)
        .leptos_routes_with_context(&state, routes, leptos_context.clone(), move || {
            shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(leptos_context, shell))
        // Outermost last: headers on every answer, then the origin, then the session;
        // compression around all of it.
        .layer(middleware::from_fn(move |req, next| {
            session_guard::require_session(sessions.clone(), req, next)
        }))
        .layer(middleware::from_fn(move |req, next| {
            csrf::reject_cross_origin(csrf_policy.clone(), req, next)
        }))
        .layer(middleware::from_fn(move |req, next| {
            security_headers::add_security_headers(headers.clone(), req, next)
        }))
        .layer(middleware::from_fn(caching::add_cache_control))
        .layer(middleware::from_fn(move |req, next| {
            preload_links::add_preload_links(preload.clone(), req, next)
        }))
        .layer(compression())
        .with_state(state)
}

/// Brotli or gzip, as the request's Accept-Encoding prefers, for pages, server functions and
/// the bundle (application/wasm included: the default predicate skips only images, gRPC,
/// event streams and bodies under 32 bytes). Files cargo-leptos precompressed
/// (`--precompress`: `.br`/`.gz` beside them, best quality) are sent as they are; the rest is
/// compressed per response at the encoders' fast default levels.
fn compression() -> CompressionLayer {
    CompressionLayer::new().br(true).gzip(true)
}
