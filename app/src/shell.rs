use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy, SsrMode};

use crate::auth_state::provide_auth_state;
use crate::components::top_bar::TopBar;
use crate::lazy_routes::{
    BatchesRoute, CompanySettingsRoute, CustomerEditRoute, CustomerNewRoute, LookupIndexRoute,
    LookupTableRoute, ReceivablesRoute,
};
use crate::pages::customer_list::CustomerListPage;
use crate::pages::{home::HomePage, not_found::NotFound, sign_in::SignInPage};

/// The HTML document the server renders around the app.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="pt-BR">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
                // clientela.<hash>.css when cargo-leptos hashed the bundle's names.
                <HashedStylesheet options=options.clone() id="leptos" />
                <AutoReload options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_auth_state();
    view! {
        <Title text="Clientela" />
        <Router>
            <TopBar />
            <main class="page">
                <Routes fallback=NotFound>
                    // Async: the session is known before the first byte, so a signed-out
                    // visitor gets a real 302 and a page works without WebAssembly.
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/entrar") view=SignInPage ssr=SsrMode::Async />
                    <Route path=path!("/clientes") view=CustomerListPage ssr=SsrMode::Async />
                    <Route path=path!("/clientes/novo") view={Lazy::<CustomerNewRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/clientes/lotes") view={Lazy::<BatchesRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/clientes/:id") view={Lazy::<CustomerEditRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/tabelas") view={Lazy::<LookupIndexRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/tabelas/:slug") view={Lazy::<LookupTableRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/empresa") view={Lazy::<CompanySettingsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/financeiro/contas-a-receber") view={Lazy::<ReceivablesRoute>::new()} ssr=SsrMode::Async />
                </Routes>
            </main>
        </Router>
    }
}
