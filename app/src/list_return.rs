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

/// The address "Voltar à lista" leads to.
pub fn list_href() -> Signal<String> {
    match use_context::<ListReturn>() {
        Some(ListReturn(last)) => last.into(),
        None => Signal::stored(WHOLE_LIST.to_string()),
    }
}
