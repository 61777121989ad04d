//! Fields of the receivables filters that need more than a text box: the group, region and
//! salesperson as selects of the company's entries (the filter's value, in the address, is the
//! entry's code, so nobody has to know one by heart), and each filter's refusal beside it.

use leptos::prelude::*;
use rules::lookup::LookupKind;

use crate::api::resource::ApiResource;
use crate::components::refusal::Refusal;
use crate::customers::receivable_list_types::ReceivablesPage;
use crate::customers::record_types::KindOptions;

/// The select of one table's entries of the current company, by code: "Todos" first, inactive
/// entries too (their customers still owe). A code the company has no entry for, from an
/// address typed or shared, stays shown as it is, with its refusal beside it (`FilterMessage`).
#[component]
pub fn CodeSelect(
    name: &'static str,
    label: &'static str,
    kind: LookupKind,
    typed: Signal<String>,
    options: ApiResource<Vec<KindOptions>>,
    refusal: Refusal,
    page: ApiResource<ReceivablesPage>,
) -> impl IntoView {
    let id = format!("receivables-{name}");
    let select = move |entries: Vec<(String, String)>| {
        let current = typed.get_untracked();
        let unknown = (!current.is_empty() && !entries.iter().any(|(code, _)| *code == current))
            .then(
                || view! { <option value=current.clone() selected=true>{current.clone()}</option> },
            );
        let entries = entries
            .into_iter()
            .map(|(code, label)| {
                let selected = code == current;
                view! { <option value=code selected=selected>{label}</option> }
            })
            .collect_view();
        view! {
            <select
                id=id.clone()
                name=name
                prop:value=typed
                aria-invalid=refusal.invalid(name)
                aria-describedby=refusal.described(name)
            >
                <option value="" selected=current.is_empty()>"Todos"</option>
                {unknown}
                {entries}
            </select>
        }
    };
    let waiting = select.clone();
    view! {
        <div class="field">
            <label for=format!("receivables-{name}")>{label}</label>
            <Transition fallback=move || waiting(Vec::new())>
                {
                    let select = select.clone();
                    move || {
                        let select = select.clone();
                        Suspend::new(async move {
                            let kinds = options.await.unwrap_or_default();
                            select(entries_of(&kinds, kind))
                        })
                    }
                }
            </Transition>
            <FilterMessage page name />
        </div>
    }
}

/// Code and label ("A01 - Atacado") of each entry of `kind`.
fn entries_of(kinds: &[KindOptions], kind: LookupKind) -> Vec<(String, String)> {
    kinds
        .iter()
        .filter(|k| k.kind == kind)
        .flat_map(|k| k.options.iter())
        .map(|o| (o.code.clone(), o.label.clone()))
        .collect()
}

/// The refusal of filter `name`, beside it. Read inside a Transition, unlike the field's
/// `aria-invalid`: a resource read outside one renders on the browser whatever has arrived by
/// then, and a refused filter's page (the only one where this message is there) came up dead
/// about one time in seven, its HTML not what the browser expected to hydrate.
#[component]
pub fn FilterMessage(page: ApiResource<ReceivablesPage>, name: &'static str) -> impl IntoView {
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                page.await.err().and_then(|error| error.message_for(name)).map(|message| {
                    view! {
                        <span id=format!("receivables-filter-{name}-error") class="field-error" role="alert">
                            {message}
                        </span>
                    }
                })
            })}
        </Transition>
    }
}
