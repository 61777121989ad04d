use app::server::context::ServerContext;
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use crate::csrf::CsrfPolicy;

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub context: ServerContext,
    pub csrf: CsrfPolicy,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
