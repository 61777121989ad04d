use leptos::prelude::*;

use crate::auth_state::use_auth_state;
use crate::components::company_switcher::CompanySwitcher;
use crate::session::SessionView;

/// Areas still to come are named but not linked: only what works is a link.
const COMING_AREAS: [&str; 1] = ["Financeiro"];

#[component]
pub fn TopBar() -> impl IntoView {
    let auth = use_auth_state();
    view! {
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

#[component]
fn SignedInBar(session: SessionView) -> impl IntoView {
    let auth = use_auth_state();
    view! {
        <nav class="main-nav" aria-label="Principal">
            <a href="/">"Início"</a>
            <a href="/clientes">"Clientes"</a>
            <a href="/tabelas">"Tabelas"</a>
            {session
                .can(rules::permission::Permission::BulkUpdate)
                .then(|| view! { <a href="/clientes/lotes">"Manutenção em lote"</a> })}
            {COMING_AREAS
                .iter()
                .map(|area| view! { <span class="soon" title="Em breve" aria-disabled="true">{*area}</span> })
                .collect_view()}
        </nav>
        <CompanySwitcher companies=session.companies.clone() current=session.current_company_id />
        <div class="user">
            <span class="user-name">{session.user_name.clone()}</span>
            <ActionForm action=auth.sign_out>
                <button type="submit" class="link-button">"Sair"</button>
            </ActionForm>
        </div>
    }
}
