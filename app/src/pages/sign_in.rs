use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

use crate::api::SignIn;
use crate::auth_state::use_auth_state;
use crate::components::post_form::PostForm;
use crate::error::AppError;
use server_fn::ServerFn;

#[component]
pub fn SignInPage() -> impl IntoView {
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

#[component]
fn SignInForm() -> impl IntoView {
    let auth = use_auth_state();
    let show_password = RwSignal::new(false);
    let error = move || auth.sign_in.value().get().and_then(|result| result.err());
    let field_error = move |name: &'static str| {
        move || {
            error()
                .and_then(|e| e.message_for(name))
                .map(|message| view! { <span class="field-error" role="alert">{message}</span> })
        }
    };
    let general_error = move || {
        error()
            .filter(|e| !matches!(e, AppError::Invalid(_)))
            .map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })
    };
    view! {
        <section class="card sign-in">
            <h1>"Entrar"</h1>
            <PostForm
                url=SignIn::url()
                on_submit=move |fields| {
                    auth.sign_in.dispatch(SignIn {
                        email: fields.text("email"),
                        password: fields.text("password"),
                    });
                }
            >
                <div class="field">
                    <label for="email">"E-mail"</label>
                    <input id="email" name="email" type="email" autocomplete="username" required />
                    {field_error("email")}
                </div>
                <div class="field">
                    <label for="password">"Senha"</label>
                    <div class="password-row">
                        <input
                            id="password"
                            name="password"
                            type=move || if show_password.get() { "text" } else { "password" }
                            autocomplete="current-password"
                            required
                        />
                        <button
                            type="button"
                            class="link-button"
                            aria-pressed=move || show_password.get().to_string()
                            on:click=move |_| show_password.update(|shown| *shown = !*shown)
                        >
                            {move || if show_password.get() { "Ocultar senha" } else { "Mostrar senha" }}
                        </button>
                    </div>
                    {field_error("password")}
                </div>
                {general_error}
                <button type="submit" class="primary" disabled=move || auth.sign_in.pending().get()>
                    "Entrar"
                </button>
            </PostForm>
        </section>
    }
}
