//! The record's two histories: every field change, and the salesperson changes with notes.

use leptos::prelude::*;

use crate::api::resource::ApiResource;
use crate::components::history_table::HistoryTable;
use crate::customers::record_types::{ChangeView, SalespersonChangeView};

#[component]
pub fn ChangeHistory(history: ApiResource<Vec<ChangeView>>) -> impl IntoView {
    view! {
        <section class="card">
            <h2 id="history-title">"Histórico de alterações"</h2>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match history.await {
                        Ok(rows) if rows.is_empty() => view! { <p class="muted">"Nenhuma alteração registrada."</p> }.into_any(),
                        Ok(rows) => view! {
                            <HistoryTable
                                labelled_by="history-title"
                                headers=&["Quando", "Quem", "Campo", "Antes", "Depois"]
                                rows=rows
                                    .into_iter()
                                    .map(|c| vec![c.changed_at, c.user_name, c.field, c.old_value, c.new_value])
                                    .collect()
                            />
                        }.into_any(),
                        Err(error) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
pub fn SalespersonHistory(changes: ApiResource<Vec<SalespersonChangeView>>) -> impl IntoView {
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let rows = changes.await.unwrap_or_default();
                (!rows.is_empty()).then(|| view! {
                    <section class="card">
                        <h2 id="salesperson-changes-title">"Trocas de vendedor"</h2>
                        <HistoryTable
                            labelled_by="salesperson-changes-title"
                            class="salesperson-changes"
                            headers=&["Quando", "Quem", "De", "Para", "Observação"]
                            rows=rows
                                .into_iter()
                                .map(|c| vec![c.changed_at, c.user_name, c.old_salesperson, c.new_salesperson, c.notes])
                                .collect()
                        />
                    </section>
                })
            })}
        </Transition>
    }
}
