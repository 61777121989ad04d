//! The "Financeiro" tab's receivables in the current company (R-HIST-1, seed 002): total
//! receivable and overdue, a status filter (overdue, open, cancelled, received, negative-listed,
//! in collection) and the grid — document, kind, issue, due date, amount, balance, status.
//! The customer's whole history is loaded once; the filter works on it in the browser, and is
//! kept in the address (`?aba=financeiro&situacao=todas`), so Back and a shared link keep it.
//! Each row opens its settlements; with the permissions, "Baixar" and "Cancelar" open their
//! forms under the grid, and "Novo título" registers one by hand (issue 12).

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use rules::finance::receivable_filter::{OWED, OWED_LABEL};
use rules::finance::status::ReceivableStatus;
use rules::money::format_brl;
use rust_decimal::Decimal;

use super::finance_tab::{
    close_to_opener, opener_id, FinanceContext, FinancePermissions, RowAction,
};
use super::receivable_forms::{CancelForm, NewReceivableForm, SettleForm};
use super::settlements_list::SettlementsList;
use super::tabs::Tab;
use crate::api::resource::ApiResource;
use crate::customers::credit_types::ReceivableRow;

#[component]
pub fn ReceivablesPanel(
    receivables: ApiResource<Vec<ReceivableRow>>,
    finance: FinanceContext,
) -> impl IntoView {
    let query = use_query_map();
    let shown = Signal::derive(move || query.with(|q| shown_status(q.get("situacao").as_deref())));
    let navigate = use_navigate();
    let path = use_location().pathname;
    // Another status: the address says it, and a form or the settlements of a row that may no
    // longer be listed close.
    let choose = Callback::new(move |status: String| {
        finance.acting.set(None);
        navigate(
            &format!(
                "{}?aba={}&situacao={}",
                path.get_untracked(),
                Tab::Finance.slug().unwrap_or_default(),
                status_in_url(&status)
            ),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    });
    view! {
        <section class="card" aria-labelledby="receivables-title">
            <h2 id="receivables-title">"Títulos a receber nesta empresa"</h2>
            <Transition fallback=|| view! { <p class="loading">"Carregando…"</p> }>
                {move || Suspend::new(async move {
                    match receivables.await {
                        Ok(rows) => view! { <ReceivablesGrid rows shown choose finance /> }.into_any(),
                        Err(error) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
            <RowForms finance />
        </section>
    }
}

/// The form the user opened on a row, or the new-receivable form, under the grid.
#[component]
fn RowForms(finance: FinanceContext) -> impl IntoView {
    let close = Callback::new(move |()| close_to_opener(finance.acting));
    move || {
        let today = finance.today.get();
        match finance.acting.get() {
            None
            | Some(RowAction::RegisterAdvance)
            | Some(RowAction::UseAdvance(_))
            | Some(RowAction::Refund(_)) => finance
                .may
                .register
                .then(|| {
                    view! {
                        <button type="button" class="new-receivable" on:click=move |_| finance.acting.set(Some(RowAction::New))>
                            "Novo título"
                        </button>
                    }
                })
                .into_any(),
            Some(RowAction::New) => view! {
                <NewReceivableForm customer_id=finance.customer_id today done=finance.done close />
            }
            .into_any(),
            Some(RowAction::Settle(row)) => view! { <SettleForm row today done=finance.done close /> }.into_any(),
            Some(RowAction::Cancel(row)) => view! { <CancelForm row done=finance.done close /> }.into_any(),
            Some(RowAction::Settlements(row)) => view! {
                <SettlementsList row may_reverse=finance.may.settle done=finance.done close />
            }
            .into_any(),
        }
    }
}

/// What is owed unless the address says otherwise ("Todas" is `todas`; a status, its code).
fn shown_status(in_url: Option<&str>) -> String {
    match in_url {
        None => OWED.to_string(),
        Some("todas") => String::new(),
        Some(status) => status.to_string(),
    }
}

fn status_in_url(status: &str) -> &str {
    if status.is_empty() {
        "todas"
    } else {
        status
    }
}

fn total(rows: &[ReceivableRow], keep: impl Fn(ReceivableStatus) -> bool) -> Decimal {
    rows.iter()
        .filter(|r| keep(r.status))
        .map(|r| r.balance)
        .sum()
}

#[component]
fn ReceivablesGrid(
    rows: Vec<ReceivableRow>,
    shown: Signal<String>,
    choose: Callback<String>,
    finance: FinanceContext,
) -> impl IntoView {
    let receivable = total(&rows, ReceivableStatus::is_outstanding);
    let overdue = total(&rows, |s| s == ReceivableStatus::Overdue);
    let rows = StoredValue::new(rows);
    let visible = move || {
        let chosen = shown.get();
        let wanted = ReceivableStatus::from_code(&chosen);
        let owed_only = chosen == OWED;
        let mut rows = rows.with_value(|rows| {
            rows.iter()
                .filter(|r| {
                    if owed_only {
                        r.status.is_outstanding()
                    } else {
                        wanted.is_none_or(|w| r.status == w)
                    }
                })
                .cloned()
                .collect::<Vec<_>>()
        });
        // What is owed reads oldest due first, as a collector works; the rest newest first.
        if owed_only {
            crate::customers::credit_types::oldest_due_first(&mut rows);
        }
        rows
    };
    view! {
        <p class="totals" role="status">
            {format!("Total a receber: {} · Vencido: {}", format_brl(receivable), format_brl(overdue))}
        </p>
        <div class="field">
            <label for="receivable-status">"Situação do título"</label>
            <select id="receivable-status" on:change=move |ev| choose.run(event_target_value(&ev)) prop:value=move || shown.get()>
                <option value=OWED>{OWED_LABEL}</option>
                <option value="">"Todas"</option>
                {ReceivableStatus::ALL
                    .iter()
                    .map(|s| view! { <option value=s.code()>{s.label()}</option> })
                    .collect_view()}
            </select>
        </div>
        {move || {
            let rows = visible();
            if rows.is_empty() {
                return view! { <p>"Nenhum título nesta situação."</p> }.into_any();
            }
            view! {
                <table class="ledger receivables">
                    <caption class="visually-hidden">"Títulos a receber do cliente"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Documento"</th>
                            <th scope="col">"Tipo"</th>
                                <th scope="col">"Cobrança (" <abbr title="Localização, operação e portador">"LOP"</abbr> ")"</th>
                            <th scope="col">"Emissão"</th>
                            <th scope="col">"Vencimento"</th>
                            <th scope="col" class="money">"Valor"</th>
                            <th scope="col" class="money">"Saldo"</th>
                            <th scope="col">"Situação"</th>
                            <th scope="col">"Ações"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|r| {
                                let actions = row_actions(&r, finance.may, finance.acting);
                                view! {
                                <tr>
                                    <th scope="row" data-label="Documento">{r.document}</th>
                                    <td data-label="Tipo">{r.kind}</td>
                                    <td data-label="Cobrança (LOP)">{r.collection}</td>
                                    <td class="date" data-label="Emissão">{r.issue_date}</td>
                                    <td class="date" data-label="Vencimento">{r.due_date}</td>
                                    <td class="money" data-label="Valor">{format_brl(r.amount)}</td>
                                    <td class="money" data-label="Saldo">{format_brl(r.balance)}</td>
                                    <td data-label="Situação" class:overdue=r.status == ReceivableStatus::Overdue>
                                        {r.status.label()}
                                    </td>
                                    <td data-label="Ações"><div class="row-actions">{actions}</div></td>
                                </tr>
                            }})
                            .collect_view()}
                    </tbody>
                </table>
            }
            .into_any()
        }}
    }
}

/// "Ver baixas" for everyone; "Baixar" and "Cancelar" where the user may and the title allows.
/// Also the actions of the rows of "Contas a receber".
pub(crate) fn row_actions(
    row: &ReceivableRow,
    may: FinancePermissions,
    acting: RwSignal<Option<RowAction>>,
) -> impl IntoView {
    let open = move |action: RowAction| acting.set(Some(action));
    let settlements = {
        let row = row.clone();
        view! {
            <button type="button" id=opener_id(row.id, "settlements") aria-label=format!("Ver baixas de {}", row.document) on:click=move |_| open(RowAction::Settlements(row.clone()))>
                "Ver baixas"
            </button>
        }
    };
    let settle = (may.settle && row.status.is_outstanding()).then(|| {
        let row = row.clone();
        view! {
            <button type="button" id=opener_id(row.id, "settle") aria-label=format!("Baixar {}", row.document) on:click=move |_| open(RowAction::Settle(row.clone()))>
                "Baixar"
            </button>
        }
    });
    // A title paid in part is not offered: its settlements are reversed first (the server says so).
    let cancel = (may.cancel && row.status.may_cancel(row.amount, row.balance))
        .then(|| {
            let row = row.clone();
            view! {
                <button type="button" class="danger" id=opener_id(row.id, "cancel") aria-label=format!("Cancelar {}", row.document) on:click=move |_| open(RowAction::Cancel(row.clone()))>
                    "Cancelar"
                </button>
            }
        });
    (settlements, settle, cancel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_keeps_the_status_shown_and_opens_on_what_is_owed() {
        assert_eq!(shown_status(None), OWED);
        assert_eq!(shown_status(Some("todas")), "");
        assert_eq!(shown_status(Some("overdue")), "overdue");
        for status in ["", OWED, "overdue", "received"] {
            assert_eq!(shown_status(Some(status_in_url(status))), status);
        }
    }
}
