//! The forms of a receivable in the "Financeiro" tab (issue 12): register one by hand, settle
//! it (full or partial, interest and late fee computed by the server from the customer's
//! terms), cancel it with a reason. Each names the receivable it acts on; the server decides
//! and answers each refusal beside its field. `done` runs with what to tell the user.

use leptos::prelude::*;
use rules::finance::collection_route::{CollectionLocation, CollectionOperation};
use rules::finance::receivable::{EntryKind, ReceivableInput};
use rules::finance::settlement::{DISCOUNT_FIELD, PRINCIPAL_FIELD};
use rules::finance::settlement_input::{SettlementInput, MEANS_FIELD, PAID_ON_FIELD};
use rules::finance::settlement_preview::{preview, Settleable};
use rules::money::{format_brl, format_plain};

use super::finance_fields::{ChoiceField, DateField, MeansField, TextField};
use crate::api::{CancelReceivable, RegisterReceivable, SettleReceivable};
use crate::components::focus::focus_first_invalid;
use crate::components::refusal::Refusal;
use crate::customers::credit_types::ReceivableRow;
use crate::error::AppError;

const RECEIVABLE_FIELDS: &[&str] = &[
    "document",
    "installment",
    "kind",
    "issue_date",
    "due_date",
    "amount",
    "sale_code",
    "location",
    "operation",
    "bearer",
];

#[component]
pub fn NewReceivableForm(
    customer_id: i64,
    today: String,
    done: Callback<String>,
    close: Callback<()>,
) -> impl IntoView {
    let register = ServerAction::<RegisterReceivable>::new();
    let refusal = Refusal::of(register.value(), "receivable");
    let document = RwSignal::new(String::new());
    let installment = RwSignal::new("1".to_string());
    let kind = RwSignal::new(EntryKind::Invoice.code().to_string());
    let issue_date = RwSignal::new(today.clone());
    let due_date = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let sale_code = RwSignal::new(String::new());
    let location = RwSignal::new(CollectionLocation::default().code().to_string());
    let operation = RwSignal::new(CollectionOperation::default().code().to_string());
    let bearer = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(Ok(_)) = register.value().get() {
            done.run(format!(
                "Título {}/{} registrado.",
                document.get_untracked().trim(),
                installment.get_untracked().trim()
            ));
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        register.dispatch(RegisterReceivable {
            customer_id,
            input: ReceivableInput {
                document: document.get_untracked(),
                installment: installment.get_untracked(),
                kind: kind.get_untracked(),
                issue_date: issue_date.get_untracked(),
                due_date: due_date.get_untracked(),
                amount: amount.get_untracked(),
                sale_code: sale_code.get_untracked(),
                location: location.get_untracked(),
                operation: operation.get_untracked(),
                bearer: bearer.get_untracked(),
            },
        });
    };
    view! {
        <form class="record-form finance-form" aria-labelledby="new-receivable-title" on:submit=submit>
            <h3 id="new-receivable-title" tabindex="-1" class="wide">"Novo título a receber"</h3>
            <TextField id="receivable-document".into() label="Documento" field="document" value=document refusal placeholder="NF 12345" />
            <TextField id="receivable-installment".into() label="Parcela" field="installment" value=installment refusal inputmode="numeric" />
            <ChoiceField
                id="receivable-kind".into()
                label="Tipo"
                field="kind"
                value=kind
                refusal
                options=EntryKind::ALL.into_iter().map(|k| (k.code(), k.label())).collect()
            />
            <DateField id="receivable-issue".into() label="Emissão" field="issue_date" value=issue_date refusal />
            <DateField id="receivable-due".into() label="Vencimento" field="due_date" value=due_date refusal />
            <TextField id="receivable-amount".into() label="Valor (R$)" field="amount" value=amount refusal inputmode="decimal" placeholder="0,00" />
            <TextField id="receivable-sale".into() label="Código da venda" field="sale_code" value=sale_code refusal />
            <ChoiceField
                id="receivable-location".into()
                label="Localização da cobrança"
                field="location"
                value=location
                refusal
                options=CollectionLocation::ALL.into_iter().map(|l| (l.code(), l.label())).collect()
            />
            <ChoiceField
                id="receivable-operation".into()
                label="Operação de cobrança"
                field="operation"
                value=operation
                refusal
                options=CollectionOperation::ALL.into_iter().map(|o| (o.code(), o.label())).collect()
            />
            <TextField id="receivable-bearer".into() label="Portador" field="bearer" value=bearer refusal placeholder="código; vazio: o do cliente" />
            <div class="actions wide">
                {refusal.general(RECEIVABLE_FIELDS)}
                <button type="submit" class="primary" disabled=move || register.pending().get()>"Registrar título"</button>
                <button type="button" on:click=move |_| close.run(())>"Fechar"</button>
            </div>
        </form>
    }
}

/// What the user reads when the server refused a write because someone else changed the
/// receivable first: the forms close and the receivables reload (`done`), so the row shows what
/// is there now and a new form starts from it.
pub fn reloaded_after(conflict: &str) -> String {
    format!("{conflict} Os títulos foram recarregados: confira e tente de novo.")
}

/// After a refusal: a stale receivable reloads everything (see `reloaded_after`); a refused
/// field takes the focus.
pub(crate) fn follow_refusal(error: &AppError, form_id: &'static str, done: Callback<String>) {
    match error {
        AppError::Conflict(message) => done.run(reloaded_after(message)),
        _ => focus_first_invalid(form_id),
    }
}

/// Escape closes an inline form, as it closes a dialog.
fn close_on_escape(close: Callback<()>) -> impl Fn(leptos::ev::KeyboardEvent) {
    move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close.run(());
        }
    }
}

const SETTLE_FIELDS: &[&str] = &[PAID_ON_FIELD, MEANS_FIELD, PRINCIPAL_FIELD, DISCOUNT_FIELD];

#[component]
pub fn SettleForm(
    row: ReceivableRow,
    today: String,
    done: Callback<String>,
    close: Callback<()>,
) -> impl IntoView {
    let settle = ServerAction::<SettleReceivable>::new();
    let refusal = Refusal::of(settle.value(), "settle");
    let paid_on = RwSignal::new(today.clone());
    let means = RwSignal::new("pix".to_string());
    let principal = RwSignal::new(format_plain(row.balance));
    let discount = RwSignal::new(String::new());
    let document = row.document.clone();
    let (issued, due) = (row.issue_date.clone(), row.due_date.clone());
    let (balance, terms) = (row.balance, row.terms);
    // Once the server has answered beside a field, the field says it (not twice).
    let figures = move || {
        if refusal.shown_beside(SETTLE_FIELDS) {
            return None;
        }
        let receivable = Settleable {
            issued: &issued,
            due: &due,
            today: &today,
            balance,
            terms,
        };
        preview(
            &receivable,
            &SettlementInput {
                paid_on: paid_on.get(),
                means: means.get(),
                principal: principal.get(),
                discount: discount.get(),
            },
        )
    };
    Effect::new(move |_| {
        if let Some(Ok(settled)) = settle.value().get() {
            done.run(settled.summary(&document, &paid_on.get_untracked()));
        }
        if let Some(Err(error)) = settle.value().get() {
            follow_refusal(&error, "settle-form", done);
        }
    });
    let (id, version) = (row.id, row.version);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if settle.pending().get_untracked() {
            return;
        }
        settle.dispatch(SettleReceivable {
            receivable_id: id,
            version,
            input: SettlementInput {
                paid_on: paid_on.get_untracked(),
                means: means.get_untracked(),
                principal: principal.get_untracked(),
                discount: discount.get_untracked(),
            },
        });
    };
    let title = format!(
        "Baixar {} (saldo {})",
        row.document,
        format_brl(row.balance)
    );
    view! {
        <form id="settle-form" class="record-form finance-form" aria-labelledby="settle-title" on:submit=submit on:keydown=close_on_escape(close)>
            <h3 id="settle-title" tabindex="-1" class="wide">{title}</h3>
            <p class="hint wide">"Juros e multa por atraso são calculados pelas condições do cliente. O desconto sai do total devido (valor baixado, juros e multa)."</p>
            <DateField id="settle-paid-on".into() label="Data do pagamento" field=PAID_ON_FIELD value=paid_on refusal />
            <MeansField id="settle-means".into() label="Recebido em" field=MEANS_FIELD value=means refusal />
            <TextField id="settle-principal".into() label="Valor baixado (R$)" field=PRINCIPAL_FIELD value=principal refusal inputmode="decimal" />
            <TextField id="settle-discount".into() label="Desconto (R$)" field=DISCOUNT_FIELD value=discount refusal inputmode="decimal" placeholder="0,00" />
            <p id="settle-preview" class="settle-preview wide" role="status">{figures}</p>
            <div class="actions wide">
                {refusal.general(SETTLE_FIELDS)}
                // aria-disabled, not disabled: a disabled button drops the keyboard's focus.
                <button type="submit" class="primary" aria-disabled=move || settle.pending().get().then_some("true")>"Registrar baixa"</button>
                <button type="button" on:click=move |_| close.run(())>"Fechar"</button>
            </div>
        </form>
    }
}

#[component]
pub fn CancelForm(
    row: ReceivableRow,
    done: Callback<String>,
    close: Callback<()>,
) -> impl IntoView {
    let cancel = ServerAction::<CancelReceivable>::new();
    let refusal = Refusal::of(cancel.value(), "cancel");
    let reason = RwSignal::new(String::new());
    let document = row.document.clone();
    Effect::new(move |_| {
        if let Some(Ok(())) = cancel.value().get() {
            done.run(format!("Título {document} cancelado."));
        }
        if let Some(Err(error)) = cancel.value().get() {
            follow_refusal(&error, "cancel-form", done);
        }
    });
    let (id, version) = (row.id, row.version);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if cancel.pending().get_untracked() {
            return;
        }
        cancel.dispatch(CancelReceivable {
            receivable_id: id,
            version,
            reason: reason.get_untracked(),
        });
    };
    view! {
        <form id="cancel-form" class="record-form finance-form" aria-labelledby="cancel-title" on:submit=submit on:keydown=close_on_escape(close)>
            <h3 id="cancel-title" tabindex="-1" class="wide">{format!("Cancelar o título {}?", row.document)}</h3>
            <p class="hint wide">
                "O título deixa de contar como valor a receber. O cancelamento fica registrado com "
                "seu nome e o motivo."
            </p>
            <TextField id="cancel-reason".into() label="Motivo do cancelamento" field="reason" value=reason refusal wide=true />
            <div class="actions wide">
                {refusal.general(&["reason"])}
                <button type="submit" class="danger" aria-disabled=move || cancel.pending().get().then_some("true")>"Cancelar título"</button>
                <button type="button" on:click=move |_| close.run(())>"Voltar"</button>
            </div>
        </form>
    }
}
