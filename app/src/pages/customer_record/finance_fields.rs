//! The fields the financial forms share: a labelled text field, a date typed `dd/mm/aaaa` and
//! the means of payment — each showing its refusal beside it (`components::refusal`).

use leptos::prelude::*;
use rules::finance::settlement::SettlementMeans;

use crate::components::refusal::Refusal;

#[component]
pub fn TextField(
    /// Unique on the page.
    id: String,
    label: &'static str,
    /// The name the server gives the field in its refusals.
    field: &'static str,
    value: RwSignal<String>,
    refusal: Refusal,
    #[prop(optional)] inputmode: &'static str,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] wide: bool,
) -> impl IntoView {
    let inputmode = (!inputmode.is_empty()).then_some(inputmode);
    let placeholder = (!placeholder.is_empty()).then_some(placeholder);
    view! {
        <div class="field" class:wide=wide>
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                inputmode=inputmode
                placeholder=placeholder
                aria-invalid=refusal.invalid(field)
                aria-describedby=refusal.described(field)
                prop:value=move || value.get()
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    refusal.corrected(field);
                }
            />
            {refusal.beside(field)}
        </div>
    }
}

/// One of a fixed list, `(code, label)` each.
#[component]
pub fn ChoiceField(
    id: String,
    label: &'static str,
    field: &'static str,
    value: RwSignal<String>,
    refusal: Refusal,
    options: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                aria-invalid=refusal.invalid(field)
                aria-describedby=refusal.described(field)
                prop:value=move || value.get()
                on:change=move |ev| {
                    value.set(event_target_value(&ev));
                    refusal.corrected(field);
                }
            >
                {options
                    .into_iter()
                    .map(|(code, label)| view! { <option value=code>{label}</option> })
                    .collect_view()}
            </select>
            {refusal.beside(field)}
        </div>
    }
}

/// A date typed `dd/mm/aaaa`, masked as typed whatever the browser's language.
#[component]
pub fn DateField(
    id: String,
    label: &'static str,
    field: &'static str,
    value: RwSignal<String>,
    refusal: Refusal,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="text"
                inputmode="numeric"
                autocomplete="off"
                placeholder="dd/mm/aaaa"
                maxlength="10"
                aria-invalid=refusal.invalid(field)
                aria-describedby=refusal.described(field)
                prop:value=move || value.get()
                on:input=move |ev| {
                    value.set(rules::date_input::mask_as_typed(&event_target_value(&ev)));
                    refusal.corrected(field);
                }
            />
            {refusal.beside(field)}
        </div>
    }
}

/// How money came in or went back: every means but an advance (the advance's own step).
#[component]
pub fn MeansField(
    id: String,
    label: &'static str,
    field: &'static str,
    value: RwSignal<String>,
    refusal: Refusal,
) -> impl IntoView {
    let choices = [
        SettlementMeans::Pix,
        SettlementMeans::Cash,
        SettlementMeans::Bank,
        SettlementMeans::Check,
        SettlementMeans::DebitCard,
        SettlementMeans::CreditCard,
    ];
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                aria-invalid=refusal.invalid(field)
                aria-describedby=refusal.described(field)
                prop:value=move || value.get()
                on:change=move |ev| {
                    value.set(event_target_value(&ev));
                    refusal.corrected(field);
                }
            >
                {choices
                    .into_iter()
                    .map(|m| view! { <option value=m.code()>{m.label()}</option> })
                    .collect_view()}
            </select>
            {refusal.beside(field)}
        </div>
    }
}
