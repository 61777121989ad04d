//! Clientela's screens and server functions. Compiled twice: to WebAssembly with `hydrate`
//! (the browser) and natively with `ssr` (server rendering and the server functions).

// The batch panel's view is one deep type, and the async hydration of the lazily loaded part it
// is the body of nests it again: past the default limit of 128.
#![recursion_limit = "256"]

pub mod api;
pub mod auth_state;
pub mod components;
pub mod customers;
pub mod error;
pub mod history_guard;
pub mod lazy_routes;
pub mod list_return;
pub mod list_scroll;
pub mod lookups;
pub mod pages;
pub mod session;
pub mod shell;

#[cfg(feature = "ssr")]
pub mod server;

pub use shell::{shell, App};

/// Room for wasm-split (cargo-leptos' `--split`) in the static data: it rebuilds that segment
/// from the pieces each part uses, padded to their alignment, and when the rebuilt segment comes
/// out even a few bytes longer than the original it gives up and puts every part's data in the
/// main part: +177 KB (+60 KB brotli) before the first page, from a change anywhere. These bytes
/// are used by no part, so the rebuilt segment always has this much room to spare.
#[cfg(feature = "hydrate")]
#[used]
static SPLIT_DATA_SLACK: [u8; 4096] = [0xA5; 4096];

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    history_guard::listen();
    list_scroll::watch_history_moves();
    // Async hydration: a page opened directly on a lazily loaded route (app/src/lazy_routes.rs)
    // first fetches that route's part of the WebAssembly, then hydrates.
    wasm_bindgen_futures::spawn_local(async {
        let body = leptos::prelude::document()
            .body()
            .expect("a page has a body");
        leptos::mount::hydrate_from_async(body.clone(), App)
            .await
            .forget();
        // Lets tests and monitoring tell a live page from server-rendered HTML.
        let _ = body.set_attribute("data-hydrated", "true");
    });
}
