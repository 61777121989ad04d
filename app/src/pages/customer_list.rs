use std::time::Duration;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use rules::customer::Status;

use crate::api::resource::{api_resource, ApiResource};
use crate::api::{list_customers, profile_options};
use crate::components::post_form::FormFields;
use crate::components::protected::protected;
use crate::customers::list_types::{count_label, CustomerFilter, CustomerPage, SortOrder};
use crate::customers::record_types::KindOptions;
use crate::lazy_routes::prefetch_record_when_idle;
use crate::pages::customer_grid::CustomerGrid;
use crate::pages::customer_list_profile_filters::ProfileFilters;
use crate::pages::customer_list_set_filters::SetFilters;
use crate::pages::lazy_bulk_panel::{bulk_panel_asked, bulk_panel_href, LazyBulkPanel};

/// Typing pauses this long before the list follows, so each keystroke is not a query.
const TYPING_PAUSE: Duration = Duration::from_millis(300);

#[component]
pub fn CustomerListPage() -> impl IntoView {
    // The page's resources are made here, once, outside the signed-in gate (see `protected`).
    let filter = filter_from_query();
    let page = api_resource(move || filter.get(), list_customers);
    let options = api_resource(|| (), |_| profile_options());
    prefetch_record_when_idle();
    view! {
        <Title text="Clientes · Clientela" />
        {protected(move |session| {
            let may_include = session.can(rules::permission::Permission::IncludeCustomer);
            let may_bulk = session.can(rules::permission::Permission::BulkUpdate);
            view! {
                <p class="page-actions">
                    {may_include.then(|| view! { <a class="button" href="/clientes/novo">"Novo cliente"</a> })}
                    {may_bulk.then(|| view! {
                        <a href=move || bulk_panel_href(&filter.get())>"Alterar em lote"</a>
                        <a href="/clientes/lotes">"Lotes de alteração"</a>
                    })}
                </p>
                <CustomerList filter page options may_bulk />
            }
        })}
    }
}

/// The list's address as it now stands (`/clientes?q=…`).
fn list_address(filter: Memo<CustomerFilter>) -> String {
    format!("/clientes{}", filter.get_untracked().to_query())
}

fn filter_from_query() -> Memo<CustomerFilter> {
    let query = use_query_map();
    Memo::new(move |_| {
        let query = query.read();
        CustomerFilter::from_params(|name| query.get(name))
    })
}

#[component]
fn CustomerList(
    filter: Memo<CustomerFilter>,
    page: ApiResource<CustomerPage>,
    options: ApiResource<Vec<KindOptions>>,
    may_bulk: bool,
) -> impl IntoView {
    let navigate = use_navigate();
    // Rows picked for a batch; a new filter (not a new page of it) starts over.
    let selected = RwSignal::new(Vec::<i64>::new());
    let scope = Memo::new(move |_| filter.get().first_page());
    Effect::new(move |_| {
        scope.track();
        selected.set(Vec::new());
    });
    // "Voltar à lista" on a record comes back to this search and these filters.
    Effect::new(move |_| {
        filter.track();
        crate::list_return::remember_list(list_address(filter))
    });
    let pickable = may_bulk.then_some(selected);
    show_bulk_panel_when_asked();
    // Asked for by the address, the batch panel stays asked for as the filter or the page
    // changes: a reload or a shared link keeps it open.
    let panel_asked = bulk_panel_asked();
    let href = move |filter: &CustomerFilter| {
        if panel_asked.get_untracked() {
            bulk_panel_href(filter)
        } else {
            format!("/clientes{}", filter.to_query())
        }
    };
    let go = move |next: CustomerFilter| {
        navigate(
            &href(&next),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    // The text boxes keep what is typed; the URL follows after a pause in typing.
    let text = RwSignal::new(filter.get_untracked().text);
    let city = RwSignal::new(filter.get_untracked().city);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let follow_typing = {
        let go = go.clone();
        move || {
            if let Some(handle) = pending.get_value() {
                handle.clear();
            }
            let go = go.clone();
            let handle = set_timeout_with_handle(
                move || {
                    let current = filter.get_untracked();
                    go(CustomerFilter {
                        text: text.get_untracked(),
                        city: city.get_untracked(),
                        after: String::new(),
                        ..current
                    })
                },
                TYPING_PAUSE,
            )
            .ok();
            pending.set_value(handle);
        }
    };
    let on_status = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            go(CustomerFilter {
                status: event_target_value(&ev),
                after: String::new(),
                ..filter.get_untracked()
            })
        }
    };
    let on_sort = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            go(CustomerFilter {
                sort: SortOrder::from_param(&event_target_value(&ev)),
                after: String::new(),
                ..filter.get_untracked()
            })
        }
    };
    // Filtrar (or Enter in a box) applies the whole form at once, without reloading the page.
    let on_submit = {
        let go = go.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            if let Some(handle) = pending.get_value() {
                handle.clear();
            }
            let fields = FormFields::of_submit(&ev);
            go(CustomerFilter {
                after: String::new(),
                ..CustomerFilter::from_params(|name| fields.get(name))
            })
        }
    };
    let typing_text = follow_typing.clone();
    let typing_city = follow_typing;

    view! {
        <section class="card">
            <h1>"Clientes"</h1>
            // A plain GET form: without WebAssembly it still filters, by reloading.
            <form method="get" action="/clientes" role="search" class="filters" on:submit=on_submit>
                <div class="field search">
                    <label for="q">"Buscar"</label>
                    <input
                        id="q"
                        name="q"
                        type="search"
                        placeholder="Código, nome, CPF ou CNPJ"
                        prop:value=move || text.get()
                        on:input=move |ev| {
                            text.set(event_target_value(&ev));
                            typing_text();
                        }
                    />
                </div>
                <div class="field">
                    <label for="situacao">"Situação"</label>
                    <select id="situacao" name="situacao" on:change=on_status prop:value=move || filter.get().status>
                        <option value="">"Todas"</option>
                        {Status::ALL.map(|s| view! { <option value=s.code()>{s.label()}</option> })}
                    </select>
                </div>
                <div class="field">
                    <label for="cidade">"Cidade"</label>
                    <input
                        id="cidade"
                        name="cidade"
                        type="search"
                        placeholder="CANOAS, SAO LEO · não: … · vazio"
                        title="Início do nome da cidade; várias separadas por vírgula; não: para excluir; vazio ou preenchido"
                        prop:value=move || city.get()
                        on:input=move |ev| {
                            city.set(event_target_value(&ev));
                            typing_city();
                        }
                    />
                </div>
                <ProfileFilters filter=filter go=go.clone() options />
                <SetFilters filter=filter go=go.clone() />
                <div class="field">
                    <label for="ordem">"Ordenar por"</label>
                    <select id="ordem" name="ordem" on:change=on_sort prop:value=move || filter.get().sort.param()>
                        <option value="codigo">"Código"</option>
                        <option value="codigo-desc">"Código (decrescente)"</option>
                        <option value="nome">"Razão social"</option>
                        <option value="nome-desc">"Razão social (Z–A)"</option>
                    </select>
                </div>
                <button type="submit">"Filtrar"</button>
            </form>
        </section>
        // A tap here may leave for a record: Back should find the list where it was.
        <section class="card" on:click=move |_| crate::list_scroll::remember(&list_address(filter))>
            <Transition fallback=|| view! { <p class="loading">"Carregando…"</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => {
                            crate::list_scroll::restore_after_history_move(&list_address(filter));
                            let current = filter.get_untracked();
                            let next_link = page.next.clone().map(|after| {
                                let next = CustomerFilter { after, ..current.clone() };
                                view! { <a href=href(&next)>"Próxima página →"</a> }
                            });
                            let first_link = (!current.after.is_empty()).then(|| {
                                view! { <a href=href(&current.first_page())>"← Primeira página"</a> }
                            });
                            view! {
                                <p class="count" role="status">{count_label(page.count)}</p>
                                <SelectionBar selected />
                                <CustomerGrid rows=page.rows current selected=pickable />
                                <nav class="pager" aria-label="Páginas">{first_link}{next_link}</nav>
                            }
                                .into_any()
                        }
                        Err(error) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
        {may_bulk.then(|| view! {
            <LazyBulkPanel filter selected on_applied=Callback::new(move |()| page.refetch()) />
        })}
    }
}

/// `?lote=1` (the menu's "Manutenção em lote") brings the "alterar todos" panel into view with
/// its first field focused, once the panel is there.
fn show_bulk_panel_when_asked() {
    let asked = bulk_panel_asked();
    Effect::new(move |_| {
        if asked.get() {
            focus_bulk_panel(0);
        }
    });
}

/// The panel renders after its fields load: look for it on the next frames, a bounded number.
#[cfg(feature = "hydrate")]
fn focus_bulk_panel(attempt: u32) {
    use leptos::wasm_bindgen::JsCast;
    request_animation_frame(move || {
        let panel = document()
            .get_element_by_id("bulk-title")
            .and_then(|title| title.closest("section").ok().flatten());
        match panel {
            Some(panel) => {
                panel.scroll_into_view();
                if let Some(first) = panel
                    .query_selector("select")
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok())
                {
                    let _ = first.focus();
                }
            }
            // Up to about 15 s: the panel's part of the WebAssembly and its fields may still be
            // on their way over a slow phone connection.
            None if attempt < 900 => focus_bulk_panel(attempt + 1),
            None => {}
        }
    });
}

#[cfg(not(feature = "hydrate"))]
fn focus_bulk_panel(_: u32) {}

/// Says how many rows are picked and lets the user go back to every match of the filter.
#[component]
fn SelectionBar(selected: RwSignal<Vec<i64>>) -> impl IntoView {
    move || {
        let picked = selected.with(Vec::len);
        (picked > 0).then(|| {
            view! {
                <p class="selection" role="status">
                    {if picked == 1 {
                        "1 cliente selecionado: a alteração em lote vale só para ele. ".to_string()
                    } else {
                        format!("{picked} clientes selecionados: a alteração em lote vale só para eles. ")
                    }}
                    <button type="button" class="link-button" on:click=move |_| selected.set(Vec::new())>
                        "Usar todos os do filtro"
                    </button>
                </p>
            }
        })
    }
}
