//! The "Financeiro" tab's credit figures (R-CREDIT-1..2): one row per company the user acts in
//! (R-COMPANY-3), the current one first in the user's eye by its mark. On a phone the table
//! becomes one card per company (style/main.css), every figure with its label.

use leptos::prelude::*;
use rules::finance::credit::Available;
use rules::money::format_brl;

use crate::api::resource::ApiResource;
use crate::customers::credit_types::CompanyCreditView;

#[component]
pub fn CreditPanel(credit: ApiResource<Vec<CompanyCreditView>>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="credit-title">
            <h2 id="credit-title">"Crédito"</h2>
            <p class="hint">
                "Disponível = limite − títulos a receber em aberto e vencidos + créditos "
                "(devoluções de vendas e saldo de adiantamentos)."
            </p>
            <Transition fallback=|| view! { <p class="loading">"Carregando…"</p> }>
                {move || Suspend::new(async move {
                    match credit.await {
                        Ok(rows) => view! { <CreditTable rows /> }.into_any(),
                        Err(error) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn CreditTable(rows: Vec<CompanyCreditView>) -> impl IntoView {
    let rows = rows
        .into_iter()
        .map(|row| {
            let limit = match row.limit {
                Some(limit) => format_brl(limit),
                None => "Ilimitado".to_string(),
            };
            let source = row
                .limit
                .is_some()
                .then(|| view! { <span class="limit-source">{format!(" ({})", row.limit_source.label())}</span> });
            let over =
                matches!(row.available, Available::Amount(a) if a < rust_decimal::Decimal::ZERO);
            let company = if row.current {
                format!("{} (atual)", row.company)
            } else {
                row.company.clone()
            };
            view! {
                <tr>
                    <th scope="row" data-label="Empresa">{company}</th>
                    <td class="money" data-label="Limite">{limit}{source}</td>
                    <td class="money" data-label="A vencer">{format_brl(row.not_yet_due)}</td>
                    <td class="money" class:overdue=!row.overdue.is_zero() data-label="Vencido">
                        {format_brl(row.overdue)}
                    </td>
                    <td class="money" data-label="Créditos">{format_brl(row.credits)}</td>
                    <td class="money available" class:over-limit=over data-label="Disponível">
                        {row.available.label()}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="ledger credit-table">
            <caption class="visually-hidden">"Crédito do cliente por empresa"</caption>
            <thead>
                <tr>
                    <th scope="col">"Empresa"</th>
                    <th scope="col">"Limite"</th>
                    <th scope="col">"A vencer"</th>
                    <th scope="col">"Vencido"</th>
                    <th scope="col">"Créditos"</th>
                    <th scope="col">"Disponível"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
