//! The record's two histories: every field change, and the salesperson changes with notes.

use leptos::prelude::*;

use crate::customers::record_types::{ChangeView, SalespersonChangeView};
use crate::error::AppError;

#[component]
pub fn ChangeHistory(history: Resource<Result<Vec<ChangeView>, AppError>>) -> impl IntoView {
    view! {
        <section class="card">
            <h2 id="history-title">"Histórico de alterações"</h2>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match history.await {
                        Ok(rows) if rows.is_empty() => view! { <p class="muted">"Nenhuma alteração registrada."</p> }.into_any(),
                        Ok(rows) => view! {
                            <table class="history" aria-labelledby="history-title">
                                <thead><tr><th scope="col">"Quando"</th><th scope="col">"Quem"</th><th scope="col">"Campo"</th><th scope="col">"Antes"</th><th scope="col">"Depois"</th></tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|c| view! {
                                        <tr>
                                            <td data-label="Quando">{c.changed_at}</td>
                                            <td data-label="Quem">{c.user_name}</td>
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

#[component]
pub fn SalespersonHistory(
    changes: Resource<Result<Vec<SalespersonChangeView>, AppError>>,
) -> impl IntoView {
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let rows = changes.await.unwrap_or_default();
                (!rows.is_empty()).then(|| view! {
                    <section class="card">
                        <h2 id="salesperson-changes-title">"Trocas de vendedor"</h2>
                        <table class="history salesperson-changes" aria-labelledby="salesperson-changes-title">
                            <thead><tr><th scope="col">"Quando"</th><th scope="col">"Quem"</th><th scope="col">"De"</th><th scope="col">"Para"</th><th scope="col">"Observação"</th></tr></thead>
                            <tbody>
                                {rows.into_iter().map(|c| view! {
                                    <tr>
                                        <td data-label="Quando">{c.changed_at}</td>
                                        <td data-label="Quem">{c.user_name}</td>
                                        <td data-label="De">{c.old_salesperson}</td>
                                        <td data-label="Para">{c.new_salesperson}</td>
                                        <td data-label="Observação">{c.notes}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </section>
                })
            })}
        </Transition>
    }
}
