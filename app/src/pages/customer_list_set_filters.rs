//! The list's filters on the customer's own price lists and payment plans in the current
//! company (R-BULK-2): an operator — equal to (these only), is one of, is none of, is empty,
//! is not empty — and, for the first three, the entries' codes typed with commas.

use std::sync::Arc;

use leptos::prelude::*;
use rules::table_kind::LinkedKind;

use crate::api::linked_options;
use crate::customers::filter_conditions::ids_for_codes;
use crate::customers::list_types::CustomerFilter;
use crate::customers::sales_types::TableChoices;
use crate::customers::set_filter::{set_param, SetChoice, SetOp};

type Go = Arc<dyn Fn(CustomerFilter) + Send + Sync>;

/// The price-list and payment-plan filters live in a part of the WebAssembly of their own,
/// with the entries they offer: most visits to the list never open them, and the part the
/// list loads first is the one every user waits for (issue 10, the bundle). The part and the
/// entries are fetched when the section opens — or at once when the URL already filters by
/// them. Without WebAssembly the section is there, closed, as before (these fields never had
/// a plain GET form of their own).
#[lazy]
async fn set_filter_fields(filter: Memo<CustomerFilter>, go: Go) -> AnyView {
    let sets = linked_options().await.unwrap_or_default();
    sets.into_iter()
        .filter_map(|choices| {
            let kind = LinkedKind::from_code(&choices.kind)?;
            Some(view! { <SetFilter kind choices filter go=go.clone() /> })
        })
        .collect_view()
        .into_any()
}

#[component]
pub fn SetFilters(
    filter: Memo<CustomerFilter>,
    go: impl Fn(CustomerFilter) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let go: Go = Arc::new(go);
    let open = !filter.get_untracked().sets.is_empty();
    let wanted = RwSignal::new(false);
    // Effects run in the browser only: the fields never are in the server's HTML, since
    // hydration cannot wait for a part of the WebAssembly inside the page.
    Effect::new(move |_| {
        if open {
            wanted.set(true);
        }
    });
    let on_toggle = move |ev: leptos::ev::Event| {
        use leptos::wasm_bindgen::JsCast;
        let opened = ev
            .target()
            .and_then(|t| t.dyn_into::<leptos::web_sys::HtmlDetailsElement>().ok())
            .is_some_and(|details| details.open());
        if opened && !wanted.get_untracked() {
            wanted.set(true);
        }
    };
    let wanted = Memo::new(move |_| wanted.get());
    view! {
        <details class="advanced wide" open=open on:toggle=on_toggle>
            <summary>"Listas de preço e planos de pagamento"</summary>
            <div class="filters">
                {move || {
                    let go = go.clone();
                    wanted.get().then(move || view! {
                        <Suspense fallback=|| view! { <p class="loading">"Carregando…"</p> }>
                            {move || Suspend::new({
                                let go = go.clone();
                                async move { set_filter_fields(filter, go).await }
                            })}
                        </Suspense>
                    })
                }}
            </div>
        </details>
    }
}

#[component]
fn SetFilter(
    kind: LinkedKind,
    choices: TableChoices,
    filter: Memo<CustomerFilter>,
    go: Go,
) -> impl IntoView {
    let param = set_param(kind);
    let (op_id, codes_id) = (format!("{param}-operador"), format!("{param}-codigos"));
    let entries: Vec<(String, i64)> = choices
        .options
        .iter()
        .map(|o| (o.code.clone(), o.id))
        .collect();
    let current = filter.get_untracked().set_choice(kind).cloned();
    let op = RwSignal::new(
        current
            .as_ref()
            .map(|c| c.op.code().to_string())
            .unwrap_or_default(),
    );
    let typed = current
        .as_ref()
        .map(|c| {
            c.ids
                .iter()
                .filter_map(|id| entries.iter().find(|(_, e)| e == id))
                .map(|(code, _)| code.clone())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    let text = RwSignal::new(typed);
    let problem = RwSignal::new(None::<String>);
    let apply = move || {
        let chosen = SetOp::from_code(&op.get_untracked());
        let choice = match chosen {
            None => Ok(None),
            Some(op) if !op.listed() => Ok(SetChoice::new(kind, op, "")),
            Some(op) => ids_for_codes(&text.get_untracked(), &entries).map(|ids| {
                let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
                SetChoice::new(kind, op, &ids.join(","))
            }),
        };
        match choice {
            // The list must not go on filtering by codes the box no longer shows.
            Err(unknown) => {
                problem.set(Some(format!(
                    "Código não encontrado: {}.",
                    unknown.join(", ")
                )));
                if filter.get_untracked().set_choice(kind).is_some() {
                    go(filter.get_untracked().with_set(kind, None));
                }
            }
            // A listed operator waits for its codes.
            Ok(None) if chosen.is_some_and(SetOp::listed) => problem.set(None),
            Ok(choice) => {
                problem.set(None);
                go(filter.get_untracked().with_set(kind, choice));
            }
        }
    };
    let (apply_op, apply_codes, apply_enter) = (apply.clone(), apply.clone(), apply);
    let listed = move || SetOp::from_code(&op.get()).is_some_and(SetOp::listed);
    let known = choices
        .options
        .iter()
        .map(|o| o.code.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let hint_id = format!("{codes_id}-dica");
    view! {
        <div class="field">
            <label for=op_id.clone()>{choices.label.clone()}</label>
            <select id=op_id prop:value=move || op.get() on:change=move |ev| {
                op.set(event_target_value(&ev));
                apply_op();
            }>
                <option value="">{if kind == LinkedKind::PaymentPlan { "Todos" } else { "Todas" }}</option>
                {SetOp::ALL.map(|o| view! { <option value=o.code()>{o.label()}</option> })}
            </select>
        </div>
        <div class="field" hidden=move || !listed()>
            <label for=codes_id.clone()>{format!("{}: códigos", choices.label)}</label>
            <input
                id=codes_id
                type="text"
                autocomplete="off"
                placeholder=match kind {
                    LinkedKind::PriceList => "VAREJO-RS, ATACADO-SC",
                    LinkedKind::PaymentPlan => "30-60-90, AV",
                    _ => "",
                }
                aria-describedby=hint_id.clone()
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
                on:change=move |_| apply_codes()
                on:keydown=move |ev| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        apply_enter();
                    }
                }
            />
            <span class="hint" id=hint_id>{format!("As do próprio cliente (as públicas valem para todos). Códigos: {known}.")}</span>
            {move || problem.get().map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
        </div>
    }
}
