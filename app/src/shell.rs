use leptos::nonce::use_nonce;
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

/// Pages the server sends without the WebAssembly: everything on them works as plain HTML (a
/// form the browser posts itself), so on a phone they answer as soon as they are drawn instead
/// of after the main part's 300 KB. They fetch the bundle at the lowest priority instead
/// (`rel=prefetch` in their Link header, server/src/preload_links.rs), so the page after them
/// finds it in the cache. Reached inside the running app (signing out, a session that ended),
/// the route loads the server's page rather than drawing one (pages/sign_in.rs).
pub const SCRIPT_FREE_PAGES: &[&str] = &["/entrar"];

const SCRIPT_FREE_JS: &str = include_str!("script_free.js");

/// Whether the page at `path` (query, fragment and a trailing slash ignored, as the router
/// ignores them) is one of `SCRIPT_FREE_PAGES`.
pub fn is_script_free(path: &str) -> bool {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let path = path
        .strip_suffix('/')
        .filter(|p| !p.is_empty())
        .unwrap_or(path);
    SCRIPT_FREE_PAGES.contains(&path)
}

/// Whether the page being rendered on the server is script-free.
fn rendering_script_free_page() -> bool {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>().is_some_and(|parts| is_script_free(parts.uri.path()))
    }
    #[cfg(not(feature = "ssr"))]
    {
        false
    }
}

/// The HTML document the server renders around the app.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let scripts = (!rendering_script_free_page()).then(|| {
        view! {
            <AutoReload options=options.clone() />
            <HydrationScripts options=options.clone() />
        }
    });
    // All a script-free page does with JavaScript: show the password. Inline, after the page's
    // content, so it runs as soon as that is parsed, with no request of its own.
    let script_free = scripts
        .is_none()
        .then(|| view! { <script nonce=use_nonce() inner_html=SCRIPT_FREE_JS></script> });
    view! {
        <!DOCTYPE html>
        <html lang="pt-BR">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
                // clientela.<hash>.css when cargo-leptos hashed the bundle's names.
                <HashedStylesheet options id="leptos" />
                {scripts}
                <MetaTags />
            </head>
            <body>
                <App />
                {script_free}
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_auth_state();
    crate::list_return::provide_list_return();
    view! {
        <Title text="Clientela" />
        <Router>
            // The keyboard's first stop: past the top bar's links and company switch. Focused by
            // hand: the router would take a fragment link as a navigation and leave the focus.
            <a class="skip-link" href="#conteudo" on:click=|ev| {
                ev.prevent_default();
                crate::components::focus::focus_by_id("conteudo");
            }>"Pular para o conteúdo"</a>
            <TopBar />
            <main class="page" id="conteudo" tabindex="-1">
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

#[cfg(test)]
mod tests {
    use super::is_script_free;

    #[test]
    fn the_sign_in_page_is_script_free_however_its_address_ends() {
        for path in [
            "/entrar",
            "/entrar/",
            "/entrar?email=a%40b.br&recusa=credenciais",
            "/entrar#senha",
        ] {
            assert!(is_script_free(path), "{path}");
        }
        for path in [
            "/",
            "",
            "/clientes",
            "/entrarx",
            "/entrar/outra",
            "/api/sign_in",
        ] {
            assert!(!is_script_free(path), "{path}");
        }
    }
}
