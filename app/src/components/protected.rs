use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::auth_state::use_auth_state;
use crate::error::AppError;
use crate::pages::sign_in_address::sign_in_path_for;
use crate::session::SessionView;

/// Renders `content` for a signed-in user; sends anybody else to the sign-in page.
///
/// `content` runs inside a `Suspend`, whose future the server may run more than once: it must
/// not create resources (each run would make new ones, with ids the browser cannot match when
/// it hydrates). Pages create their resources before calling `protected` and pass them in.
pub fn protected<V>(
    content: impl Fn(SessionView) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    V: IntoView + 'static,
{
    let auth = use_auth_state();
    let location = leptos_router::hooks::use_location();
    view! {
        <Transition fallback=|| view! { <p class="loading">"Carregando…"</p> }>
            {move || {
                let content = content.clone();
                Suspend::new(async move {
                    match auth.session.await {
                        Ok(Some(session)) => content(session).into_any(),
                        Ok(None) | Err(AppError::Unauthenticated) => {
                            // The sign-in page goes on to the page asked for.
                            let search = location.search.get_untracked();
                            let search = search.trim_start_matches('?');
                            let asked = if search.is_empty() {
                                location.pathname.get_untracked()
                            } else {
                                format!("{}?{search}", location.pathname.get_untracked())
                            };
                            view! { <Redirect path=sign_in_path_for(&asked) /> }.into_any()
                        }
                        Err(error) => view! {
                            <p class="error" role="alert">{error.to_string()}</p>
                        }
                            .into_any(),
                    }
                })
            }}
        </Transition>
    }
}
