//! The list's commercial profile filters (group, branch, region, salesperson, category), one
//! per auxiliary table of the current company, each a plain GET field too. The select covers
//! "equal to", "is empty" and "is not empty"; "is one of" and "is none of" (R-BULK-2) are typed
//! as codes with commas under "Vários códigos", e.g. `A, B` or `não: A, B`.

use std::sync::Arc;

use leptos::prelude::*;
use rules::lookup::LookupKind;

use crate::api::resource::ApiResource;
use crate::customers::filter_conditions::{
    choice_from_typed_codes, typed_codes_for, LookupChoice, LookupOp,
};
use crate::customers::list_types::{lookup_param, CustomerFilter};
use crate::customers::record_types::KindOptions;

const EMPTY: &str = "vazio";
const NOT_EMPTY: &str = "preenchido";
/// Shown (and selected) when the condition is a list: the select cannot show it itself.
const SEVERAL: &str = "varios";

type Go = Arc<dyn Fn(CustomerFilter) + Send + Sync>;

/// What the select shows for the current condition.
fn select_value(filter: &CustomerFilter, kind: LookupKind) -> String {
    match filter.choice(kind) {
        None => String::new(),
        Some(c) if c.op == LookupOp::Empty => EMPTY.to_string(),
        Some(c) if c.op == LookupOp::NotEmpty => NOT_EMPTY.to_string(),
        Some(c) if c.op == LookupOp::AnyOf && c.ids.len() == 1 => c.ids[0].to_string(),
        Some(_) => SEVERAL.to_string(),
    }
}

fn code_entries(options: &KindOptions) -> Vec<(String, i64)> {
    options
        .options
        .iter()
        .map(|o| (o.code.clone(), o.id))
        .collect()
}

#[component]
pub fn ProfileFilters(
    filter: Memo<CustomerFilter>,
    go: impl Fn(CustomerFilter) + Clone + Send + Sync + 'static,
    options: ApiResource<Vec<KindOptions>>,
) -> impl IntoView {
    let go: Go = Arc::new(go);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new({
                let go = go.clone();
                async move {
                    let kinds = options.await.unwrap_or_default();
                    // Opened already when a list of codes is the condition, e.g. after a reload.
                    let listed = kinds
                        .iter()
                        .any(|k| select_value(&filter.get_untracked(), k.kind) == SEVERAL);
                    let selects = kinds
                        .iter()
                        .map(|k| view! { <ProfileSelect filter go=go.clone() options=k.clone() /> })
                        .collect_view();
                    let boxes = kinds
                        .into_iter()
                        .map(|k| view! { <CodesBox filter go=go.clone() options=k /> })
                        .collect_view();
                    view! {
                        {selects}
                        <details class="advanced wide" open=listed>
                            <summary>"Vários códigos (é um de / não é nenhum de)"</summary>
                            <div class="filters">{boxes}</div>
                        </details>
                    }
                }
            })}
        </Suspense>
    }
}

/// One table's select: all, one entry, empty, not empty.
#[component]
fn ProfileSelect(filter: Memo<CustomerFilter>, go: Go, options: KindOptions) -> impl IntoView {
    let kind = options.kind;
    let param = lookup_param(kind);
    let on_change = move |ev: leptos::ev::Event| {
        let choice = LookupChoice::from_param(kind, &event_target_value(&ev));
        go(filter.get_untracked().with_choice(kind, choice));
    };
    let current = select_value(&filter.get_untracked(), kind);
    // The list option is always there, shown only while a list is the condition, so the select
    // can show it after a filter typed in the codes box too.
    let several = move || select_value(&filter.get(), kind) == SEVERAL;
    let entries = options
        .options
        .iter()
        .map(|option| {
            let value = option.id.to_string();
            let selected = current == value;
            view! { <option value=value selected=selected>{option.label.clone()}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=param>{options.label.clone()}</label>
            <select
                id=param
                name=move || (!several()).then_some(param)
                on:change=on_change
                prop:value=move || select_value(&filter.get(), kind)
            >
                <option value="" selected=current.is_empty()>{kind.any_label()}</option>
                <option value=SEVERAL selected=current == SEVERAL disabled=true hidden=move || !several()>
                    "(vários códigos)"
                </option>
                {entries}
                <option value=EMPTY selected=current == EMPTY>"(vazio)"</option>
                <option value=NOT_EMPTY selected=current == NOT_EMPTY>"(preenchido)"</option>
            </select>
            // The list condition, which the select cannot hold, goes with the form too: "Filtrar"
            // keeps it.
            {move || several().then(|| {
                let value = filter.with(|f| f.choice(kind).map(|c| c.param_value()).unwrap_or_default());
                view! { <input type="hidden" name=param value=value /> }
            })}
        </div>
    }
}

/// One table's codes box: `A, B` (is one of) or `não: A, B` (is none of).
#[component]
fn CodesBox(filter: Memo<CustomerFilter>, go: Go, options: KindOptions) -> impl IntoView {
    let kind = options.kind;
    let id = format!("codigos-{}", lookup_param(kind));
    let entries = code_entries(&options);
    let initial = filter
        .get_untracked()
        .choice(kind)
        .map(|c| typed_codes_for(c, &entries))
        .unwrap_or_default();
    let text = RwSignal::new(initial);
    let problem = RwSignal::new(None::<String>);
    let apply = move || match choice_from_typed_codes(kind, &text.get_untracked(), &entries) {
        Err(unknown) => problem.set(Some(format!(
            "Código não encontrado: {}.",
            unknown.join(", ")
        ))),
        Ok(choice) => {
            problem.set(None);
            go(filter.get_untracked().with_choice(kind, choice));
        }
    };
    let apply_on_enter = apply.clone();
    view! {
        <div class="field">
            <label for=id.clone()>{format!("{}: códigos", options.label)}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                placeholder="A, B ou não: A, B"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
                on:change=move |_| apply()
                // Enter applies the codes here instead of submitting the search form.
                on:keydown=move |ev| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        apply_on_enter();
                    }
                }
            />
            {move || problem.get().map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
        </div>
    }
}
