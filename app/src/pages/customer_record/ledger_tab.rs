//! The record's "Contas contábeis" tab (seed 003, R-SALES-12) in the company the user acts in:
//! the accounts suggested from the company's chart, changed only by who may modify ledger
//! accounts (R-PERM-1), and the doubtful-debt accounts generated with the company's sequence.

use leptos::prelude::*;

use crate::api::{GenerateDoubtfulDebtAccount, SaveLedgerAccounts};
use crate::customers::ledger_types::LedgerAccountsView;
use crate::error::AppError;

const FORM_ID: &str = "ledger-accounts-form";

#[component]
pub fn LedgerAccountsTab(
    customer_id: i64,
    view: LedgerAccountsView,
    save: ServerAction<SaveLedgerAccounts>,
    generate: ServerAction<GenerateDoubtfulDebtAccount>,
    may_modify: bool,
) -> impl IntoView {
    let message = move |field: &'static str| {
        save.value().with(|r| {
            r.as_ref()
                .and_then(|r| r.as_ref().err())
                .and_then(|e| e.message_for(field))
        })
    };
    let account = move |name: &'static str,
                        label: &'static str,
                        value: String,
                        suggested: String| {
        let id = format!("ledger-{name}");
        let error_id = format!("{id}-error");
        let hint_id = format!("{id}-hint");
        let hint = (!suggested.is_empty() && suggested != value)
            .then(|| format!("Sugerida pela empresa: {suggested}."));
        let has_hint = hint.is_some();
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id name=format!("input[{name}]") autocomplete="off" autocapitalize="characters"
                    value=value readonly=!may_modify placeholder=(!may_modify).then_some("—")
                    aria-invalid=move || message(name).map(|_| "true")
                    aria-describedby={
                        let (e, h) = (error_id.clone(), hint_id.clone());
                        move || {
                            let ids: Vec<String> = has_hint.then(|| h.clone()).into_iter()
                                .chain(message(name).map(|_| e.clone())).collect();
                            (!ids.is_empty()).then(|| ids.join(" "))
                        }
                    } />
                {hint.map(|hint| view! { <span class="hint" id=hint_id>{hint}</span> })}
                {move || message(name).map(|m| view! { <span class="field-error" role="alert" id=error_id.clone()>{m}</span> })}
            </div>
        }
    };
    let refusal = move || {
        let save_error = save.value().get().and_then(|r| r.err());
        let generate_error = generate.value().get().and_then(|r| r.err());
        save_error
            .or(generate_error)
            .filter(|e| !matches!(e, AppError::Invalid(_)))
            .map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })
    };
    let saved = move || {
        matches!(save.value().get(), Some(Ok(())))
            .then(|| view! { <p class="notice" role="status">"Contas contábeis gravadas."</p> })
    };
    let generated = move || {
        matches!(generate.value().get(), Some(Ok(()))).then(
            || view! { <p class="notice" role="status">"Conta de devedores duvidosos gerada."</p> },
        )
    };
    let input = view.input;
    let suggested = view.suggested;
    let shown = |value: String| {
        if value.is_empty() {
            "—".to_string()
        } else {
            value
        }
    };
    crate::components::focus::refocus_when_drawn_after_save(save.value(), "ledger-save");
    if may_modify {
        crate::components::leave_guard::guard_form_while_mounted(
            FORM_ID,
            super::LEAVE_QUESTION,
            || (),
        );
    }
    let version = view.version.to_string();
    let generate_version = version.clone();
    view! {
        <section class="card" aria-label="Contas contábeis">
            {view.last_saved.map(|s| view! { <p class="muted">"Última alteração das contas contábeis: " {s}</p> })}
            {(!may_modify).then(|| view! {
                <p class="notice read-only-note" role="note">"Somente leitura: seu perfil não permite modificar contas contábeis."</p>
            })}
            <ActionForm action=save attr:id=FORM_ID attr:class=if may_modify { "record-form" } else { "record-form read-only" } attr:aria-label="Contas contábeis">
                <input type="hidden" name="customer_id" value=customer_id.to_string() />
                <input type="hidden" name="version" value=version />
                {account("ledger_account", "Conta contábil", input.ledger_account, suggested.ledger_account)}
                {account("real_ledger_account", "Conta contábil real", input.real_ledger_account, suggested.real_ledger_account)}
                {account("expense_revenue_account", "Conta despesa/receita", input.expense_revenue_account, suggested.expense_revenue_account)}
                <div class="actions wide">
                    {saved}
                    {may_modify.then(|| view! { <button type="submit" class="primary" id="ledger-save">"Gravar contas contábeis"</button> })}
                </div>
            </ActionForm>
            <h2>"Devedores duvidosos"</h2>
            <dl class="ledger-doubtful">
                <dt>"Conta gerencial"</dt>
                <dd>{shown(view.doubtful_debt_account)}</dd>
                <dt>"Conta real"</dt>
                <dd>{shown(view.doubtful_debt_real_account)}</dd>
            </dl>
            {refusal}
            {generated}
            {match (may_modify, view.cannot_generate) {
                (true, None) => view! {
                    <ActionForm action=generate attr:aria-label="Gerar conta de devedores duvidosos">
                        <input type="hidden" name="customer_id" value=customer_id.to_string() />
                        <input type="hidden" name="version" value=generate_version />
                        <button type="submit">"Gerar conta de devedores duvidosos"</button>
                    </ActionForm>
                }.into_any(),
                // Not under "gerada" (it would read as a refusal of what just worked).
                (true, Some(why)) => (move || {
                    let just_generated = matches!(generate.value().get(), Some(Ok(())));
                    (!just_generated).then(|| view! { <p class="muted">{why.clone()}</p> })
                })
                .into_any(),
                (false, _) => ().into_any(),
            }}
        </section>
    }
}
