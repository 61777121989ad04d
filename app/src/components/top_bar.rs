use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::SignOut;
use crate::auth_state::use_auth_state;
use crate::components::company_switcher::CompanySwitcher;
use crate::components::post_form::PostForm;
use crate::session::SessionView;
use rules::permission::Permission;
use server_fn::ServerFn;

/// Where the batch edit happens: the customer list opens its "alterar todos" panel for it.
pub const BULK_EDIT_HREF: &str = "/clientes?lote=1";

/// Where "Financeiro" leads: what is still to be received (`situacao=a_receber`,
/// `rules::finance::receivable_filter::OWED`), not years of settled history first.
pub const RECEIVABLES_MENU_HREF: &str = "/financeiro/contas-a-receber?situacao=a_receber";

#[component]
pub fn TopBar() -> impl IntoView {
    let auth = use_auth_state();
    // The page stays as it is (what was typed is still there); the bar offers the way back.
    let session_ended = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    {
        let listening =
            window_event_listener_untyped(crate::api::client::SESSION_ENDED_EVENT, move |_| {
                session_ended.set(true)
            });
        on_cleanup(move || listening.remove());
    }
    view! {
        {move || {
            session_ended
                .get()
                .then(|| {
                    view! {
                        <p class="session-ended" role="alert">
                            "Sua sessão terminou: nada mais é gravado até você entrar de novo. "
                            <a href="/entrar" rel="external">"Entrar novamente"</a>
                        </p>
                    }
                })
        }}
        <header class="top-bar">
            <a class="brand" href="/">"Clientela"</a>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match auth.session.await {
                        Ok(Some(session)) => view! { <SignedInBar session /> }.into_any(),
                        _ => ().into_any(),
                    }
                })}
            </Transition>
        </header>
    }
}

/// On a phone the navigation, company switch and sign-out fold behind a menu button (a
/// disclosure: the button says whether it is open and which region it controls); from a
/// tablet's width up they stand in the bar and the button is not shown.
#[component]
fn SignedInBar(session: SessionView) -> impl IntoView {
    let auth = use_auth_state();
    let open = RwSignal::new(false);
    let button = NodeRef::<html::Button>::new();
    // A link followed from the menu leaves it closed on the next page.
    let close_on_link = move |ev: leptos::ev::MouseEvent| {
        use leptos::wasm_bindgen::JsCast;
        let on_link = ev
            .target()
            .and_then(|t| t.dyn_into::<leptos::web_sys::Element>().ok())
            .and_then(|e| e.closest("a").ok().flatten())
            .is_some();
        if on_link {
            open.set(false);
        }
    };
    let close_on_escape = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(button) = button.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    let may_bulk = session.can(Permission::BulkUpdate);
    let may_set_company = session.can(Permission::AlterCompanySettings);
    let location = use_location();
    // Nor does a link in the page: whatever took the user elsewhere, the menu closes.
    Effect::new(move |_| {
        location.pathname.track();
        open.set(false);
    });
    // `aria-current="page"` on the one item the user is in (styled as such).
    let current = move |item: Section| {
        move || {
            let here = Section::of(&location.pathname.get(), &location.search.get());
            (here == Some(item)).then_some("page")
        }
    };
    // On a phone the switcher is behind the menu: the bar still says which company this is.
    let company = session
        .current_company()
        .map(|c| format!("{} - {}", c.code, c.name))
        .unwrap_or_default();
    view! {
        <span class="bar-company" title=company.clone()>{company.clone()}</span>
        <button
            type="button"
            class="menu-button"
            node_ref=button
            aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls="top-menu"
            on:click=move |_| open.update(|o| *o = !*o)
            on:keydown=close_on_escape
        >
            <span class="menu-icon" aria-hidden="true"></span>
            "Menu"
        </button>
        <div id="top-menu" class="top-menu" class:open=move || open.get() on:keydown=close_on_escape on:click=close_on_link>
            <nav class="main-nav" aria-label="Principal">
                <a href="/" aria-current=current(Section::Home)>"Início"</a>
                <a href="/clientes" aria-current=current(Section::Customers)>"Clientes"</a>
                {may_bulk.then(|| view! {
                    <a href=BULK_EDIT_HREF aria-current=current(Section::BulkEdit)>"Manutenção em lote"</a>
                    <a href="/clientes/lotes" aria-current=current(Section::Batches)>"Lotes de alteração"</a>
                })}
                <a href=RECEIVABLES_MENU_HREF aria-current=current(Section::Receivables)>"Financeiro"</a>
                <a href="/tabelas" aria-current=current(Section::Tables)>"Tabelas"</a>
                {may_set_company.then(|| view! {
                    <a href="/empresa" aria-current=current(Section::CompanySettings)>"Configurações"</a>
                })}
            </nav>
            <CompanySwitcher companies=session.companies.clone() current=session.current_company_id />
            <div class="user" title=session.user_name.clone()>
                <span class="user-name">{session.user_name.clone()}</span>
                <PostForm url=SignOut::url() on_submit=move |_| { auth.sign_out.dispatch(SignOut {}); }>
                    <button type="submit" class="link-button">"Sair"</button>
                </PostForm>
            </div>
        </div>
    }
}

/// The menu item a page belongs to. `/clientes?lote=1` is the list with its batch panel in
/// view, reached from "Manutenção em lote", so that item, not "Clientes", is the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Home,
    Customers,
    BulkEdit,
    Batches,
    Tables,
    CompanySettings,
    Receivables,
}

impl Section {
    fn of(path: &str, search: &str) -> Option<Self> {
        let asks_bulk = search
            .trim_start_matches('?')
            .split('&')
            .any(|pair| pair == "lote" || pair.starts_with("lote="));
        match path.trim_end_matches('/') {
            "" => Some(Section::Home),
            "/clientes" if asks_bulk => Some(Section::BulkEdit),
            "/clientes/lotes" => Some(Section::Batches),
            p if p == "/clientes" || p.starts_with("/clientes/") => Some(Section::Customers),
            p if p == "/tabelas" || p.starts_with("/tabelas/") => Some(Section::Tables),
            "/empresa" => Some(Section::CompanySettings),
            p if p.starts_with("/financeiro/") => Some(Section::Receivables),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Section;

    #[test]
    fn each_page_makes_one_menu_item_current() {
        assert_eq!(Section::of("/", ""), Some(Section::Home));
        assert_eq!(Section::of("/clientes", ""), Some(Section::Customers));
        assert_eq!(
            Section::of("/clientes", "?q=silva"),
            Some(Section::Customers)
        );
        assert_eq!(Section::of("/clientes/2002", ""), Some(Section::Customers));
        assert_eq!(
            Section::of("/financeiro/contas-a-receber", "?situacao=overdue"),
            Some(Section::Receivables)
        );
        assert_eq!(Section::of("/clientes/novo", ""), Some(Section::Customers));
        assert_eq!(Section::of("/clientes", "?lote=1"), Some(Section::BulkEdit));
        assert_eq!(
            Section::of("/clientes", "?q=a&lote=1"),
            Some(Section::BulkEdit)
        );
        assert_eq!(
            Section::of("/clientes", "?lotes=1"),
            Some(Section::Customers)
        );
        assert_eq!(Section::of("/clientes/lotes", ""), Some(Section::Batches));
        assert_eq!(Section::of("/tabelas/grupos", ""), Some(Section::Tables));
        assert_eq!(Section::of("/empresa", ""), Some(Section::CompanySettings));
        assert_eq!(Section::of("/entrar", ""), None);
    }
}
