use leptos::prelude::*;
use leptos_meta::Title;

use rules::permission::Permission;

use crate::components::protected::protected;
use crate::components::top_bar::{BULK_EDIT_HREF, RECEIVABLES_MENU_HREF};
use crate::session::SessionView;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text="Início · Clientela" />
        {protected(|session| view! { <Home session /> })}
    }
}

#[component]
fn Home(session: SessionView) -> impl IntoView {
    let company = session
        .current_company()
        .map(|c| format!("{} - {}", c.code, c.name))
        .unwrap_or_default();
    // What each profile does most, one tap away (on a phone the menu is behind a button).
    let may_include = session.can(Permission::IncludeCustomer);
    let may_bulk = session.can(Permission::BulkUpdate);
    view! {
        <section class="card">
            <h1>"Início"</h1>
            <p>"Olá, " <strong>{session.user_name.clone()}</strong> "."</p>
            <dl class="facts">
                <dt>"Empresa atual"</dt>
                <dd data-testid="current-company">{company}</dd>
                <dt>"Perfil"</dt>
                <dd data-testid="profile">{session.profile_name.clone()}</dd>
                <dt>"E-mail"</dt>
                <dd>{session.email.clone()}</dd>
            </dl>
        </section>
        <nav class="card shortcuts" aria-label="Atalhos">
            <a class="button" href="/clientes">"Buscar clientes"</a>
            {may_include.then(|| view! { <a class="button" href="/clientes/novo">"Novo cliente"</a> })}
            <a class="button" href=RECEIVABLES_MENU_HREF>"Contas a receber"</a>
            {may_bulk.then(|| view! { <a class="button" href=BULK_EDIT_HREF>"Manutenção em lote"</a> })}
        </nav>
        <section class="card">
            <h2>"Suas permissões"</h2>
            {if session.permissions.is_empty() {
                view! { <p>"Seu perfil só consulta."</p> }.into_any()
            } else {
                view! {
                    <ul class="permissions" aria-label="Suas permissões">
                        {session
                            .permissions
                            .iter()
                            .map(|p| view! { <li>{p.label()}</li> })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}
