//! A date field that reads and writes `dd/mm/aaaa` whatever the browser's language: a text
//! input masked as typed, not the browser's date input, which shows `mm/dd/yyyy` in English
//! (issue 10, item 14). The form sends what was typed; the server reads it with
//! `rules::date_input` and answers beside the field what it cannot read ("Data inválida: use dd/mm/aaaa.", "Data inexistente: …").

use leptos::prelude::*;

#[component]
pub fn DateInput(
    id: &'static str,
    name: &'static str,
    /// The stored date, `aaaa-mm-dd`, or empty.
    stored: String,
    #[prop(into)] invalid: Signal<Option<&'static str>>,
    #[prop(into)] described_by: Signal<Option<String>>,
    #[prop(optional)] readonly: bool,
) -> impl IntoView {
    let text = RwSignal::new(if stored.is_empty() {
        String::new()
    } else {
        rules::display::date(&stored)
    });
    view! {
        <input
            id=id
            name=name
            type="text"
            inputmode="numeric"
            autocomplete="off"
            // Read-only, an empty date is shown empty, not as a format to follow.
            placeholder=if readonly { "—" } else { "dd/mm/aaaa" }
            maxlength="10"
            readonly=readonly
            aria-invalid=move || invalid.get()
            aria-describedby=move || described_by.get()
            prop:value=move || text.get()
            on:input=move |ev| text.set(rules::date_input::mask_as_typed(&event_target_value(&ev)))
            // Left with a short year (01/03/26): written out, as it will be saved.
            on:change=move |ev| text.set(rules::date_input::written_out(&event_target_value(&ev)))
        />
    }
}
