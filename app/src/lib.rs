//! Clientela's screens and server functions. Compiled twice: to WebAssembly with `hydrate`
//! (the browser) and natively with `ssr` (server rendering and the server functions).

pub mod api;
pub mod auth_state;
pub mod components;
pub mod customers;
pub mod error;
pub mod lookups;
pub mod pages;
pub mod session;
pub mod shell;

#[cfg(feature = "ssr")]
pub mod server;

pub use shell::{shell, App};

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
    // Lets tests and monitoring tell a live page from server-rendered HTML.
    if let Some(body) = leptos::prelude::document().body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
