//! Paying an advance back (R-ADV-2): date, amount (empty: all that is left), means and reason.
//! Money leaves the company, so a refund that reads well is asked once more before it is sent;
//! one that does not goes straight to the server, which says what is wrong beside each field.

use leptos::prelude::*;
use rules::finance::advance::refund_question;
use rules::finance::advance::AMOUNT_FIELD;
use rules::finance::advance_input::{
    read_refund, RefundInput, DATE_FIELD, MEANS_FIELD, REASON_FIELD,
};
use rules::money::format_brl;

use super::finance_fields::{DateField, MeansField, TextField};
use super::finance_tab::FinanceContext;
use super::receivable_forms::follow_refusal;
use crate::api::RefundAdvance;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::refusal::Refusal;
use crate::customers::advance_types::AdvanceRow;

#[component]
pub fn RefundForm(
    advance: AdvanceRow,
    finance: FinanceContext,
    close: Callback<()>,
) -> impl IntoView {
    let refund = ServerAction::<RefundAdvance>::new();
    let refusal = Refusal::of(refund.value(), "refund");
    let date = RwSignal::new(finance.today.get_untracked());
    let amount = RwSignal::new(String::new());
    let means = RwSignal::new("pix".to_string());
    let reason = RwSignal::new(String::new());
    let advance_id = advance.id;
    Effect::new(move |_| {
        if let Some(Ok(left)) = refund.value().get() {
            finance.done.run(format!(
                "Devolução do adiantamento nº {advance_id} registrada; saldo: {}.",
                format_brl(left)
            ));
        }
        if let Some(Err(error)) = refund.value().get() {
            follow_refusal(&error, "refund-form", finance.done);
        }
    });
    let typed = move || RefundInput {
        date: date.get_untracked(),
        amount: amount.get_untracked(),
        means: means.get_untracked(),
        reason: reason.get_untracked(),
    };
    let send = Callback::new(move |()| {
        if !refund.pending().get_untracked() {
            refund.dispatch(RefundAdvance {
                advance_id,
                input: typed(),
            });
        }
    });
    let asking = RwSignal::new(false);
    let question = RwSignal::new(String::new());
    let balance = advance.balance;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Asked only about a refund that can go through: one above the balance (or that does
        // not read) goes straight to the server, whose messages name the field.
        match read_refund(&typed()) {
            Ok((_, refunded, _, _)) if refunded.is_none_or(|amount| amount <= balance) => {
                question.set(refund_question(advance_id, balance, refunded));
                asking.set(true);
            }
            _ => send.run(()),
        }
    };
    view! {
        <form id="refund-form" class="record-form finance-form" aria-labelledby="refund-title" on:submit=submit>
            <h3 id="refund-title" tabindex="-1" class="wide">
                {format!("Devolver o adiantamento nº {} (saldo {})", advance.id, format_brl(advance.balance))}
            </h3>
            <DateField id="refund-date".into() label="Data" field=DATE_FIELD value=date refusal />
            <TextField id="refund-amount".into() label="Valor (R$)" field=AMOUNT_FIELD value=amount refusal inputmode="decimal" placeholder="todo o saldo" />
            <MeansField id="refund-means".into() label="Devolvido em" field=MEANS_FIELD value=means refusal />
            <TextField id="refund-reason".into() label="Motivo" field=REASON_FIELD value=reason refusal wide=true />
            <div class="actions wide">
                {refusal.general(&[DATE_FIELD, AMOUNT_FIELD, MEANS_FIELD, REASON_FIELD])}
                <button type="submit" class="primary" aria-disabled=move || refund.pending().get().then_some("true")>"Registrar devolução"</button>
                <button type="button" on:click=move |_| close.run(())>"Fechar"</button>
            </div>
        </form>
        <ConfirmDialog
            id="refund-advance"
            open=asking
            question=question
            detail="A devolução fica registrada com o seu nome e o motivo, e tira o valor do saldo do adiantamento.".to_string()
            confirm_label="Devolver"
            on_confirm=send
        />
    }
}
