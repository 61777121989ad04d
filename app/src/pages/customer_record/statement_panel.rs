//! The statement of the customer's advances over a period (R-ADV-3): opening balance, each
//! movement with the running balance, closing balance — on screen, and as a PDF the server
//! renders from the same figures (`/relatorios/extrato-adiantamentos.pdf`).

use leptos::prelude::*;
use rules::finance::statement::TO_FIELD;
use rules::money::format_brl;

use super::finance_fields::DateField;
use super::finance_tab::FinanceContext;
use crate::api::AdvanceStatement;
use crate::components::refusal::Refusal;
use crate::customers::advance_types::StatementView;

/// Where the PDF of `view` is downloaded from.
pub fn statement_pdf_href(customer_id: i64, view: &StatementView) -> String {
    format!(
        "/relatorios/extrato-adiantamentos.pdf?cliente={customer_id}&de={}&ate={}",
        view.from, view.to
    )
}

#[component]
pub fn StatementPanel(finance: FinanceContext) -> impl IntoView {
    let load = ServerAction::<AdvanceStatement>::new();
    let refusal = Refusal::of(load.value(), "statement");
    // The first of January of today's year to today, once today is known.
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    Effect::new(move |_| {
        let today = finance.today.get();
        if today.len() == 10 && to.get_untracked().is_empty() {
            from.set(format!("01/01/{}", &today[6..]));
            to.set(today);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        load.dispatch(AdvanceStatement {
            customer_id: finance.customer_id,
            from: from.get_untracked(),
            to: to.get_untracked(),
        });
    };
    let customer_id = finance.customer_id;
    view! {
        <section class="card" aria-labelledby="statement-title">
            <h2 id="statement-title">"Extrato de adiantamentos"</h2>
            <form class="record-form statement-period" aria-label="Período do extrato" on:submit=submit>
                <DateField id="statement-from".into() label="De" field="from" value=from refusal />
                <DateField id="statement-to".into() label="Até" field=TO_FIELD value=to refusal />
                <div class="actions">
                    {refusal.general(&["from", TO_FIELD])}
                    <button type="submit" disabled=move || load.pending().get()>"Ver extrato"</button>
                </div>
            </form>
            {move || {
                load.value()
                    .get()
                    .and_then(Result::ok)
                    .map(|view| view! { <StatementTable view customer_id /> })
            }}
        </section>
    }
}

#[component]
fn StatementTable(view: StatementView, customer_id: i64) -> impl IntoView {
    let href = statement_pdf_href(customer_id, &view);
    let lines = if view.lines.is_empty() {
        view! { <tr><td colspan="6">"Nenhum movimento no período."</td></tr> }.into_any()
    } else {
        view.lines
            .into_iter()
            .map(|line| {
                view! {
                    <tr>
                        <td class="date" data-label="Data">{line.date}</td>
                        <td data-label="Movimento">{line.label}</td>
                        <td data-label="Detalhe">{line.detail}</td>
                        <td class="money" data-label="Entrada">{line.credit.map(format_brl)}</td>
                        <td class="money" data-label="Saída">{line.debit.map(format_brl)}</td>
                        <td class="money" data-label="Saldo">{format_brl(line.balance)}</td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <p class="totals" role="status">
            {format!(
                "De {} a {}: saldo inicial {} · entradas {} · saídas {} · saldo final {}",
                view.from,
                view.to,
                format_brl(view.opening),
                format_brl(view.total_in),
                format_brl(view.total_out),
                format_brl(view.closing),
            )}
        </p>
        <table class="ledger statement">
            <caption class="visually-hidden">"Movimentos dos adiantamentos no período"</caption>
            <thead>
                <tr>
                    <th scope="col">"Data"</th>
                    <th scope="col">"Movimento"</th>
                    <th scope="col">"Detalhe"</th>
                    <th scope="col" class="money">"Entrada"</th>
                    <th scope="col" class="money">"Saída"</th>
                    <th scope="col" class="money">"Saldo"</th>
                </tr>
            </thead>
            <tbody>
                <tr class="opening">
                    <td class="date" data-label="Data">{view.from.clone()}</td>
                    <td data-label="Movimento" colspan="4">"Saldo inicial"</td>
                    <td class="money" data-label="Saldo">{format_brl(view.opening)}</td>
                </tr>
                {lines}
            </tbody>
        </table>
        <a class="button" href=href download rel="external">"Exportar PDF"</a>
    }
}
