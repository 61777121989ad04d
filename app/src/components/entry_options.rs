//! The options of a select of table entries (a commercial table's, on the sales tab and in the
//! company's settings): each entry by id, the stored one selected.

use leptos::prelude::*;

use crate::customers::record_types::OptionItem;

pub fn entry_options(options: Vec<OptionItem>, selected: &str) -> impl IntoView {
    options
        .into_iter()
        .map(|o| {
            let code = o.id.to_string();
            let is_selected = code == selected;
            view! { <option value=code selected=is_selected>{o.label}</option> }
        })
        .collect_view()
}
