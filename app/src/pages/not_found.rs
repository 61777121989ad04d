use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="card">
            <h1>"Página não encontrada"</h1>
            <p>
                <a href="/">"Voltar ao início"</a>
            </p>
        </section>
    }
}
