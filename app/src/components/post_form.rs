//! A form for a server action that needs no WebAssembly to work: before the page has hydrated
//! (or with scripts off) the browser posts it to the server function's URL; once hydrated, the
//! submit is taken over and the action is dispatched from the named fields.
//!
//! Leptos' `ActionForm` does the same by decoding the form through `serde_qs` into the
//! arguments; on the top bar (and the sign-in page, before it ran no WebAssembly) that decoder
//! alone weighed about 35 KB of the WebAssembly every visitor loads first (issue 10, the
//! bundle). Each use here names its fields instead.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{FormData, HtmlFormElement};

/// The values of a submitted form, by field name.
pub struct FormFields(Option<FormData>);

impl FormFields {
    /// The fields of the form `ev` submits.
    pub fn of_submit(ev: &SubmitEvent) -> Self {
        Self(
            ev.target()
                .and_then(|target| target.dyn_into::<HtmlFormElement>().ok())
                .and_then(|form| FormData::new_with_form(&form).ok()),
        )
    }

    /// The field's value; `None` when the form has no such field.
    pub fn get(&self, name: &str) -> Option<String> {
        self.0.as_ref().and_then(|data| data.get(name).as_string())
    }

    /// The field's value; empty when the form has no such field.
    pub fn text(&self, name: &str) -> String {
        self.get(name).unwrap_or_default()
    }
}

#[component]
pub fn PostForm<F>(
    /// The server function's URL (`ServerFn::url()`), where the browser posts without scripts.
    url: &'static str,
    /// Dispatches the action from the fields.
    on_submit: F,
    #[prop(optional)] class: Option<&'static str>,
    children: Children,
) -> impl IntoView
where
    F: Fn(FormFields) + 'static,
{
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        on_submit(FormFields::of_submit(&ev));
    };
    view! {
        <form action=url method="post" class=class on:submit=submit>
            {children()}
        </form>
    }
}
