//! The customer's advances in the current company (R-ADV-1..2): each with its value and what is
//! left; with the permissions, register one, use one on the customer's receivables (checked in
//! the order they are to be paid, partial allowed) and refund what is left with a reason.

use leptos::prelude::*;
use rules::finance::advance::{AMOUNT_FIELD, RECEIVABLES_FIELD, VALUE_FIELD};
use rules::finance::advance_input::{AdvanceInput, DATE_FIELD, MEANS_FIELD};
use rules::money::format_brl;

use super::finance_fields::{DateField, MeansField, TextField};
use super::finance_tab::{FinanceContext, RowAction};
use super::receivable_forms::follow_refusal;
use super::refund_form::RefundForm;
use crate::api::resource::ApiResource;
use crate::api::{RegisterAdvance, SettleWithAdvance};
use crate::components::refusal::Refusal;
use crate::customers::advance_types::{AdvanceRow, AdvancesView};
use crate::customers::credit_types::ReceivableRow;

#[component]
pub fn AdvancesPanel(
    advances: ApiResource<AdvancesView>,
    receivables: ApiResource<Vec<ReceivableRow>>,
    finance: FinanceContext,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="advances-title">
            <h2 id="advances-title">"Adiantamentos nesta empresa"</h2>
            <Transition fallback=|| view! { <p class="loading">"Carregando…"</p> }>
                {move || Suspend::new(async move {
                    match advances.await {
                        Ok(view) => view! { <AdvancesTable view finance /> }.into_any(),
                        Err(error) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
            <AdvanceForms receivables finance />
        </section>
    }
}

#[component]
fn AdvancesTable(view: AdvancesView, finance: FinanceContext) -> impl IntoView {
    let open = move |action: RowAction| finance.acting.set(Some(action));
    let register = (view.enabled && finance.may.advance).then(|| {
        view! {
            <button type="button" on:click=move |_| open(RowAction::RegisterAdvance)>"Registrar adiantamento"</button>
        }
    });
    let disabled_note = (!view.enabled).then(|| {
        view! { <p class="hint">"Esta empresa não trabalha com adiantamentos de clientes."</p> }
    });
    let table = if view.rows.is_empty() {
        view! { <p>"Nenhum adiantamento deste cliente nesta empresa."</p> }.into_any()
    } else {
        let rows = view
            .rows
            .into_iter()
            .map(|a| {
                let left = !a.balance.is_zero();
                let use_it = (left && finance.may.settle).then(|| {
                    let a = a.clone();
                    view! {
                        <button type="button" aria-label=format!("Usar o adiantamento nº {} em títulos", a.id) on:click=move |_| open(RowAction::UseAdvance(a.clone()))>
                            "Usar em títulos"
                        </button>
                    }
                });
                let refund = (left && finance.may.refund).then(|| {
                    let a = a.clone();
                    view! {
                        <button type="button" aria-label=format!("Devolver o adiantamento nº {}", a.id) on:click=move |_| open(RowAction::Refund(a.clone()))>
                            "Devolver"
                        </button>
                    }
                });
                view! {
                    <tr>
                        <th scope="row" data-label="Nº">{a.id}</th>
                        <td class="date" data-label="Data">{a.date.clone()}</td>
                        <td data-label="Meio">{a.means.clone()}</td>
                        <td class="money" data-label="Valor">{format_brl(a.amount)}</td>
                        <td class="money" data-label="Saldo">{format_brl(a.balance)}</td>
                        <td data-label="Observação">{a.notes.clone()}</td>
                        <td data-label="Ações"><div class="row-actions">{use_it}{refund}</div></td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="ledger advances">
                <caption class="visually-hidden">"Adiantamentos do cliente"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Nº"</th>
                        <th scope="col">"Data"</th>
                        <th scope="col">"Meio"</th>
                        <th scope="col" class="money">"Valor"</th>
                        <th scope="col" class="money">"Saldo"</th>
                        <th scope="col">"Observação"</th>
                        <th scope="col">"Ações"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! { {disabled_note} {table} {register} }
}

#[component]
fn AdvanceForms(
    receivables: ApiResource<Vec<ReceivableRow>>,
    finance: FinanceContext,
) -> impl IntoView {
    let close = Callback::new(move |()| finance.acting.set(None));
    move || match finance.acting.get() {
        Some(RowAction::RegisterAdvance) => {
            view! { <RegisterAdvanceForm finance close /> }.into_any()
        }
        Some(RowAction::UseAdvance(advance)) => {
            view! { <UseAdvanceForm advance receivables finance close /> }.into_any()
        }
        Some(RowAction::Refund(advance)) => {
            view! { <RefundForm advance finance close /> }.into_any()
        }
        _ => ().into_any(),
    }
}

#[component]
fn RegisterAdvanceForm(finance: FinanceContext, close: Callback<()>) -> impl IntoView {
    let register = ServerAction::<RegisterAdvance>::new();
    let refusal = Refusal::of(register.value(), "advance");
    let date = RwSignal::new(finance.today.get_untracked());
    let value = RwSignal::new(String::new());
    let means = RwSignal::new("pix".to_string());
    let notes = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(Ok(id)) = register.value().get() {
            // Said as money ("R$ 500,00"), whatever was typed ("500"): the server took it.
            let typed = value.get_untracked();
            let amount = rules::money::parse_brl(&typed)
                .map(format_brl)
                .unwrap_or_else(|_| format!("R$ {}", typed.trim()));
            finance
                .done
                .run(format!("Adiantamento nº {id} de {amount} registrado."));
        }
        if let Some(Err(error)) = register.value().get() {
            follow_refusal(&error, "register-advance-form", finance.done);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if register.pending().get_untracked() {
            return;
        }
        register.dispatch(RegisterAdvance {
            customer_id: finance.customer_id,
            input: AdvanceInput {
                date: date.get_untracked(),
                value: value.get_untracked(),
                means: means.get_untracked(),
                notes: notes.get_untracked(),
            },
        });
    };
    view! {
        <form id="register-advance-form" class="record-form finance-form" aria-labelledby="register-advance-title" on:submit=submit>
            <h3 id="register-advance-title" tabindex="-1" class="wide">"Registrar adiantamento"</h3>
            <DateField id="advance-date".into() label="Data" field=DATE_FIELD value=date refusal />
            <TextField id="advance-value".into() label="Valor (R$)" field=VALUE_FIELD value refusal inputmode="decimal" placeholder="0,00" />
            <MeansField id="advance-means".into() label="Recebido em" field=MEANS_FIELD value=means refusal />
            <TextField id="advance-notes".into() label="Observação" field="notes" value=notes refusal wide=true />
            <div class="actions wide">
                {refusal.general(&[DATE_FIELD, VALUE_FIELD, MEANS_FIELD, "notes"])}
                // aria-disabled, not disabled: a disabled button drops the keyboard's focus.
                <button type="submit" class="primary" aria-disabled=move || register.pending().get().then_some("true")>"Registrar adiantamento"</button>
                <button type="button" on:click=move |_| close.run(())>"Fechar"</button>
            </div>
        </form>
    }
}

#[component]
fn UseAdvanceForm(
    advance: AdvanceRow,
    receivables: ApiResource<Vec<ReceivableRow>>,
    finance: FinanceContext,
    close: Callback<()>,
) -> impl IntoView {
    let settle = ServerAction::<SettleWithAdvance>::new();
    let refusal = Refusal::of(settle.value(), "use-advance");
    let paid_on = RwSignal::new(finance.today.get_untracked());
    let amount = RwSignal::new(String::new());
    // In the order checked: the advance pays the first one first.
    let chosen = RwSignal::new(Vec::<i64>::new());
    let advance_id = advance.id;
    Effect::new(move |_| {
        if let Some(Ok(used)) = settle.value().get() {
            finance.done.run(used.summary(advance_id));
        }
        // Someone changed a chosen receivable or the advance first: the figures reload.
        if let Some(Err(error)) = settle.value().get() {
            follow_refusal(&error, "use-advance-form", finance.done);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if settle.pending().get_untracked() {
            return;
        }
        settle.dispatch(SettleWithAdvance {
            advance_id,
            receivable_ids: chosen.get_untracked(),
            paid_on: paid_on.get_untracked(),
            amount: amount.get_untracked(),
        });
    };
    let toggle = move |id: i64, on: bool| {
        chosen.update(|ids| {
            ids.retain(|x| *x != id);
            if on {
                ids.push(id);
            }
        })
    };
    let choices = move || {
        receivables.get().and_then(Result::ok).map(|rows| {
            let mut open: Vec<ReceivableRow> = rows
                .into_iter()
                .filter(|r| r.status.is_outstanding())
                .collect();
            // Oldest due first: ticked from the top, the advance pays the overdue ones first.
            crate::customers::credit_types::oldest_due_first(&mut open);
            if open.is_empty() {
                return view! { <p>"Este cliente não tem títulos em aberto nesta empresa."</p> }.into_any();
            }
            open.into_iter()
                .map(|r| {
                    let id = r.id;
                    let order = move || {
                        chosen.with(|ids| ids.iter().position(|x| *x == id).map(|p| format!("{}º", p + 1)))
                    };
                    view! {
                        <label class="choice">
                            <input type="checkbox" on:change=move |ev| toggle(id, event_target_checked(&ev)) />
                            {format!(" {} · vence {} · saldo {} ", r.document, r.due_date, format_brl(r.balance))}
                            <span class="order">{order}</span>
                        </label>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <form id="use-advance-form" class="record-form finance-form" aria-labelledby="use-advance-title" on:submit=submit>
            <h3 id="use-advance-title" tabindex="-1" class="wide">
                {format!("Usar o adiantamento nº {} (saldo {})", advance.id, format_brl(advance.balance))}
            </h3>
            <p class="hint wide">"O adiantamento baixa o valor principal: não cobra juros nem multa, pois o dinheiro já estava com a empresa."</p>
            <fieldset class="wide" aria-describedby=refusal.described(RECEIVABLES_FIELD)>
                <legend>"Títulos a baixar, na ordem em que serão pagos"</legend>
                {choices}
                {refusal.beside(RECEIVABLES_FIELD)}
            </fieldset>
            <DateField id="use-advance-date".into() label="Data da baixa" field=DATE_FIELD value=paid_on refusal />
            <TextField id="use-advance-amount".into() label="Valor a usar (R$)" field=AMOUNT_FIELD value=amount refusal inputmode="decimal" placeholder="todo o possível" />
            <div class="actions wide">
                {refusal.general(&[RECEIVABLES_FIELD, DATE_FIELD, AMOUNT_FIELD])}
                <button type="submit" class="primary" aria-disabled=move || settle.pending().get().then_some("true")>"Baixar com o adiantamento"</button>
                <button type="button" on:click=move |_| close.run(())>"Fechar"</button>
            </div>
        </form>
    }
}
