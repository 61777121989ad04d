use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::protected::protected;
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
