//! The customer list's grid: sortable columns (links, so they work before WebAssembly loads),
//! rows picked one by one for a batch, and arrow keys moving between rows.

use leptos::prelude::*;

use rules::display;

use crate::customers::list_types::{CustomerFilter, CustomerRow, SortOrder};

#[component]
pub fn CustomerGrid(
    rows: Vec<CustomerRow>,
    current: CustomerFilter,
    /// `None` when the user may not run batches: no selection column then.
    selected: Option<RwSignal<Vec<i64>>>,
) -> impl IntoView {
    let page_ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let header_box = selected.map(|selected| {
        let ids = page_ids.clone();
        let all_picked = {
            let ids = ids.clone();
            move || !ids.is_empty() && selected.with(|s| ids.iter().all(|id| s.contains(id)))
        };
        let toggle_page = move |ev: leptos::ev::Event| {
            let pick = event_target_checked(&ev);
            selected.update(|s| {
                s.retain(|id| !ids.contains(id));
                if pick {
                    s.extend(ids.iter().copied());
                }
            });
        };
        view! {
            <th scope="col" class="pick">
                <input type="checkbox" aria-label="Selecionar os clientes desta página" prop:checked=all_picked on:change=toggle_page />
            </th>
        }
    });
    view! {
        <table class="customers" aria-label="Clientes" on:keydown=move_between_rows>
            <thead>
                <tr>
                    {header_box}
                    <SortHeader label="Código" order=SortOrder::Code current=current.clone() />
                    <SortHeader label="Razão social / Nome" order=SortOrder::Name current=current.clone() />
                    <th scope="col">"CPF/CNPJ"</th>
                    <th scope="col">"Cidade"</th>
                    <th scope="col">"Situação"</th>
                    <th scope="col" class="money">"Crédito disponível"</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|row| view! { <GridRow row selected /> }).collect_view()}
            </tbody>
        </table>
    }
}

/// A column header that sorts by its column; clicked again, the other way round.
#[component]
fn SortHeader(label: &'static str, order: SortOrder, current: CustomerFilter) -> impl IntoView {
    let ascending = current.sort == order;
    let descending = current.sort == order.reversed();
    let href = format!(
        "/clientes{}",
        CustomerFilter {
            sort: if ascending { order.reversed() } else { order },
            ..current.first_page()
        }
        .to_query()
    );
    let (aria, arrow) = match (ascending, descending) {
        (true, _) => ("ascending", " ▲"),
        (_, true) => ("descending", " ▼"),
        _ => ("none", ""),
    };
    view! {
        <th scope="col" aria-sort=aria>
            <a href=href class="sort" class:active=ascending || descending>{label}{arrow}</a>
        </th>
    }
}

#[component]
fn GridRow(row: CustomerRow, selected: Option<RwSignal<Vec<i64>>>) -> impl IntoView {
    let id = row.id;
    let pick = selected.map(|selected| {
        let toggle = move |ev: leptos::ev::Event| {
            let pick = event_target_checked(&ev);
            selected.update(|s| {
                s.retain(|other| *other != id);
                if pick {
                    s.push(id);
                }
            });
        };
        view! {
            <td class="pick" data-label="Selecionar">
                <input
                    type="checkbox"
                    aria-label=format!("Selecionar cliente {}", row.code)
                    prop:checked=move || selected.with(|s| s.contains(&id))
                    on:change=toggle
                />
            </td>
        }
    });
    view! {
        <tr class:picked=move || selected.is_some_and(|s| s.with(|s| s.contains(&id)))>
            {pick}
            <td class="code" data-label="Código">
                <a href=crate::pages::customer_record::record_href(row.code)>{row.code}</a>
            </td>
            <td data-label="Nome">
                <strong>{row.legal_name.clone()}</strong>
                {(row.trade_name != row.legal_name).then(|| view! { <span class="trade-name">{row.trade_name.clone()}</span> })}
            </td>
            <td class="doc" data-label="CPF/CNPJ">{display::document(&row.document)}</td>
            <td data-label="Cidade">{row.city.clone().unwrap_or_default()}</td>
            <td data-label="Situação">{display::status_label(&row.status).to_string()}</td>
            <td class="money" class:over-limit=row.over_limit data-label="Crédito disponível">
                {row.available_credit.clone()}
            </td>
        </tr>
    }
}

/// ↑ and ↓ move the focus to the same control (link or checkbox) of the row above or below.
#[cfg(feature = "hydrate")]
fn move_between_rows(ev: leptos::ev::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let forward = match ev.key().as_str() {
        "ArrowDown" => true,
        "ArrowUp" => false,
        _ => return,
    };
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Ok(Some(row)) = target.closest("tbody tr") else {
        return;
    };
    let control = if target.tag_name().eq_ignore_ascii_case("input") {
        "input"
    } else {
        "a"
    };
    let next = if forward {
        row.next_element_sibling()
    } else {
        row.previous_element_sibling()
    };
    if let Some(element) = next
        .and_then(|r| r.query_selector(control).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        ev.prevent_default();
        let _ = element.focus();
    }
}

#[cfg(not(feature = "hydrate"))]
fn move_between_rows(_: leptos::ev::KeyboardEvent) {}
