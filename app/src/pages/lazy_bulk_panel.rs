//! The list's batch panel ("Manutenção em lote") is the largest part of the list's code, and
//! most visits to the list never use it: its WebAssembly is a part of its own (issue 10, item 2:
//! without it the list's download is about 116 KB brotli smaller), fetched when the panel opens —
//! from the menu or the list's "Alterar em lote" (`?lote=1`), or by picking rows in the grid.
//! Once open it stays open while the user narrows the filter; asked for by the address
//! (`?lote=1`), the list keeps it in the address as the filter and the page change.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::bulk_fields;
use crate::components::lazy_part::LazyPart;
use crate::customers::list_types::CustomerFilter;
use crate::pages::bulk_alter::BulkAlter;

#[lazy]
async fn batch_panel(
    filter: Memo<CustomerFilter>,
    selected: RwSignal<Vec<i64>>,
    on_applied: Callback<()>,
) -> AnyView {
    // The fields the user may change are asked for here, with the part: the list itself
    // never needs them (and neither its download nor its page carry them).
    let fields = bulk_fields().await.unwrap_or_default();
    (!fields.is_empty())
        .then(|| view! { <BulkAlter filter selected fields on_applied /> })
        .into_any()
}

/// `?lote=1` on the list: the panel is asked for.
pub fn bulk_panel_asked() -> Memo<bool> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| q.get("lote").is_some()))
}

/// The list's address with the panel asked for, keeping the filter.
pub fn bulk_panel_href(filter: &CustomerFilter) -> String {
    let query = filter.to_query();
    if query.is_empty() {
        "/clientes?lote=1".to_string()
    } else {
        format!("/clientes{query}&lote=1")
    }
}

#[component]
pub fn LazyBulkPanel(
    filter: Memo<CustomerFilter>,
    selected: RwSignal<Vec<i64>>,
    on_applied: Callback<()>,
) -> impl IntoView {
    let asked = bulk_panel_asked();
    view! {
        <LazyPart
            asked=Signal::derive(move || asked.get() || !selected.with(Vec::is_empty))
            loading="Carregando a manutenção em lote…"
            part=move || batch_panel(filter, selected, on_applied)
        />
    }
}
