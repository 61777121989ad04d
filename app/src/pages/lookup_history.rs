//! The change history of one auxiliary table in the current company (R-COMPANY-2): who changed
//! which row, when, and from what to what.

use leptos::prelude::*;

use crate::error::AppError;
use crate::lookups::LookupChangeView;

#[component]
pub fn LookupChanges(changes: Resource<Result<Vec<LookupChangeView>, AppError>>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="lookup-history-title">
            <h2 id="lookup-history-title">"Histórico de alterações"</h2>
            <Transition fallback=|| view! { <p class="loading">"Carregando…"</p> }>
                {move || Suspend::new(async move {
                    match changes.await {
                        Ok(rows) if rows.is_empty() => view! { <p class="muted">"Nenhuma alteração registrada."</p> }.into_any(),
                        Ok(rows) => view! {
                            <table class="history" aria-labelledby="lookup-history-title">
                                <thead><tr>
                                    <th scope="col">"Quando"</th><th scope="col">"Quem"</th><th scope="col">"Código"</th>
                                    <th scope="col">"Campo"</th><th scope="col">"Antes"</th><th scope="col">"Depois"</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|c| view! {
                                        <tr>
                                            <td data-label="Quando">{c.changed_at}</td>
                                            <td data-label="Quem">{c.user_name}</td>
                                            <td data-label="Código">{c.code}</td>
                                            <td data-label="Campo">{c.field}</td>
                                            <td data-label="Antes">{c.old_value}</td>
                                            <td data-label="Depois">{c.new_value}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                        Err(error) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
