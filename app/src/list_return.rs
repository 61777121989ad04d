//! Where "Voltar à lista" leads: the customer list as the user last left it, search and
//! filters included. Held by the running app in the browser (set by the list's effects, which
//! never run on the server), so a page loaded afresh starts from the whole list.

use leptos::prelude::*;

#[derive(Clone, Copy)]
struct ListReturn(RwSignal<String>);

const WHOLE_LIST: &str = "/clientes";

pub fn provide_list_return() {
    provide_context(ListReturn(RwSignal::new(WHOLE_LIST.to_string())));
}

/// The list's address as it now stands (`/clientes?busca=…`).
pub fn remember_list(href: String) {
    if let Some(ListReturn(last)) = use_context::<ListReturn>() {
        last.set(href);
    }
}

/// The address "Voltar à lista" leads to, read once: the list's address cannot change while a
/// record is open, and a link that followed the signal would be told of the list's next
/// address after the record that drew it was gone (a panic on every way out of a record).
pub fn list_href() -> String {
    use_context::<ListReturn>()
        .map(|ListReturn(last)| last.get_untracked())
        .unwrap_or_else(|| WHOLE_LIST.to_string())
}
