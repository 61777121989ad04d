//! The change history of one auxiliary table in the current company (R-COMPANY-2): who changed
//! which row, when, and from what to what.

use leptos::prelude::*;

use crate::api::resource::ApiResource;
use crate::components::history_table::HistoryTable;
use crate::lookups::LookupChangeView;

#[component]
pub fn LookupChanges(changes: ApiResource<Vec<LookupChangeView>>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="lookup-history-title">
            <h2 id="lookup-history-title">"Histórico de alterações"</h2>
            <Transition fallback=|| view! { <p class="loading">"Carregando…"</p> }>
                {move || Suspend::new(async move {
                    match changes.await {
                        Ok(rows) if rows.is_empty() => view! { <p class="muted">"Nenhuma alteração registrada."</p> }.into_any(),
                        Ok(rows) => view! {
                            <HistoryTable
                                labelled_by="lookup-history-title"
                                headers=&["Quando", "Quem", "Código", "Campo", "Antes", "Depois"]
                                rows=rows
                                    .into_iter()
                                    .map(|c| vec![c.changed_at, c.user_name, c.code, c.field, c.old_value, c.new_value])
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
