//! The Clientela HTTP server: routes, middleware and start-up tasks. `main` stays thin;
//! tests build the same router with [`build_app`].

pub mod app_state;
pub mod bulk_bench;
pub mod cities;
pub mod config;
pub mod csrf;
pub mod health;
pub mod list_bench;
pub mod search_names;
pub mod seed;

use app::{shell, App};
use axum::routing::get;
use axum::{middleware, Router};
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};

pub use app_state::AppState;

pub fn build_app(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let context = state.context.clone();
    let csrf_policy = state.csrf.clone();
    let options = state.leptos_options.clone();
    Router::new()
        .route("/health", get(health::health))
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(context.clone()),
            move || shell(options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(middleware::from_fn(move |req, next| {
            csrf::reject_cross_origin(csrf_policy.clone(), req, next)
        }))
        .with_state(state)
}
