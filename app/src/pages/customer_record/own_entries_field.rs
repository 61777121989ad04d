//! The customer's price lists or payment plans on the sales tab (R-SALES-4/5): one check box
//! per entry of the company; the ticked ones are the customer's set, saved with replace
//! semantics. Read-only, the boxes are shown disabled and the ticked ones still sent.

use std::collections::BTreeMap;

use leptos::prelude::*;
use rules::sales::own_entries::own_field;
use rules::table_kind::LinkedKind;

use super::sales_tab::Errors;
use crate::customers::sales_types::TableChoices;

#[component]
pub fn OwnEntriesField(
    choices: TableChoices,
    /// The ticked ids, as the form sends them.
    ticked: BTreeMap<String, String>,
    may_alter: bool,
    errors: Errors,
    /// Shown under the boxes: where the entries come from, what an empty set means.
    hint: &'static str,
) -> impl IntoView {
    let field = LinkedKind::from_code(&choices.kind)
        .map(own_field)
        .unwrap_or("own");
    let group_id = format!("sales-own-{}", choices.kind);
    let hint_id = format!("{group_id}-hint");
    let error_id = format!("{group_id}-error");
    let boxes = choices
        .options
        .iter()
        .map(|option| {
            let id = format!("{group_id}-{}", option.id);
            let name = format!("input[own][{}][{}]", choices.kind, option.id);
            let checked = ticked.contains_key(&option.id.to_string());
            let label_for = id.clone();
            view! {
                <label class="check" for=label_for>
                    <input type="checkbox" id=id name=may_alter.then(|| name.clone()) checked=checked disabled=!may_alter />
                    {option.label.clone()}
                </label>
                {(!may_alter && checked).then(|| view! { <input type="hidden" name=name value="on" /> })}
            }
        })
        .collect_view();
    let empty = choices.options.is_empty().then(|| {
        view! { <p class="muted">"Nenhuma cadastrada nesta empresa (Tabelas)."</p> }
    });
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || match errors.message(field) {
            Some(_) => format!("{hint_id} {error_id}"),
            None => hint_id.clone(),
        }
    };
    view! {
        <fieldset class="field wide own-entries" id=group_id aria-describedby=described>
            <legend>{choices.label.clone()}</legend>
            <div class="check-list">{boxes}</div>
            {empty}
            <span class="hint" id=hint_id>{hint}</span>
            {move || errors.message(field).map(|m| view! { <span class="field-error" role="alert" id=error_id.clone()>{m}</span> })}
        </fieldset>
    }
}
