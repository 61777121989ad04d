//! The sign-in page. The server sends it without WebAssembly (`shell::SCRIPT_FREE_PAGES`): a
//! form the browser posts itself to the server function, which answers with a redirect (home, or
//! back here with the refusal and the e-mail typed: `sign_in_address`). On a phone it answers as
//! soon as it is drawn, while the main WebAssembly part downloads for the page after it.

use leptos::prelude::*;
use leptos_meta::Title;

/// Reached inside the running app (signing out, a session that ended), the page is loaded from
/// the server like any first visit, rather than drawn here: it is the server's alone.
#[cfg(not(feature = "ssr"))]
#[component]
pub fn SignInPage() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        let address = format!("/entrar{}", location.search.get_untracked());
        let _ = window().location().replace(&address);
    });
    view! {
        <Title text="Entrar · Clientela" />
        <p class="loading">"Carregando…"</p>
    }
}

#[cfg(feature = "ssr")]
#[component]
pub fn SignInPage() -> impl IntoView {
    use crate::auth_state::use_auth_state;
    use leptos_router::components::Redirect;

    let auth = use_auth_state();
    view! {
        <Title text="Entrar · Clientela" />
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match auth.session.await {
                    Ok(Some(_)) => view! { <Redirect path="/" /> }.into_any(),
                    _ => view! { <SignInForm /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[cfg(feature = "ssr")]
#[component]
fn SignInForm() -> impl IntoView {
    use crate::api::SignIn;
    use crate::error::AppError;
    use crate::pages::sign_in_address;
    use server_fn::ServerFn;

    let query = leptos_router::hooks::use_query_map().get_untracked();
    let refusal = sign_in_address::refusal(&query);
    let typed_email = sign_in_address::typed_email(&query);
    let asked = sign_in_address::asked_path(&query);
    let message_for = |name: &str| refusal.as_ref().and_then(|e| e.message_for(name));
    let email_error = message_for("email");
    let password_error = message_for("password");
    let general_error = refusal
        .as_ref()
        .filter(|e| !matches!(e, AppError::Invalid(_)))
        .map(|e| e.to_string());
    // On arrival the e-mail; after a refusal, the refused field; after wrong credentials, the
    // password (the e-mail stays).
    let focus_email = email_error.is_some() || refusal.is_none();
    let focus_password = refusal.is_some() && !focus_email;
    let password_described_by = if password_error.is_some() {
        Some("password-error")
    } else {
        general_error.is_some().then_some("sign-in-error")
    };
    let field_message = |id: &'static str, message: Option<String>| {
        message
            .map(|message| view! { <span class="field-error" id=id role="alert">{message}</span> })
    };
    view! {
        <section class="card sign-in">
            <h1>"Entrar"</h1>
            <form action=SignIn::url() method="post">
                {asked.map(|path| view! { <input type="hidden" name=sign_in_address::RETURN_PARAM value=path /> })}
                <div class="field">
                    <label for="email">"E-mail"</label>
                    <input
                        id="email"
                        name="email"
                        type="email"
                        autocomplete="username"
                        required
                        value=typed_email
                        autofocus=focus_email
                        aria-invalid=email_error.is_some().to_string()
                        aria-describedby=email_error.is_some().then_some("email-error")
                    />
                    {field_message("email-error", email_error)}
                </div>
                <div class="field">
                    <label for="password">"Senha"</label>
                    <div class="password-row">
                        <input
                            id="password"
                            name="password"
                            type="password"
                            autocomplete="current-password"
                            required
                            autofocus=focus_password
                            aria-invalid=password_error.is_some().to_string()
                            aria-describedby=password_described_by
                        />
                        // app/src/script_free.js shows and hides the password.
                        <button
                            type="button"
                            class="link-button"
                            data-shows-password="password"
                            aria-pressed="false"
                        >
                            "Mostrar senha"
                        </button>
                    </div>
                    {field_message("password-error", password_error)}
                </div>
                {general_error
                    .map(|message| {
                        view! { <p class="error" id="sign-in-error" role="alert">{message}</p> }
                    })}
                <button type="submit" class="primary">
                    "Entrar"
                </button>
            </form>
        </section>
    }
}
