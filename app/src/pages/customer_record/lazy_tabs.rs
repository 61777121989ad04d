//! The record's "Padrão para vendas", "Contas contábeis" and "Financeiro" tabs are parts of the
//! WebAssembly of their own (issue 10, item 2: what a screen does not show at once is not in
//! its download). Opening a customer, or the new-customer form, downloads none of their code,
//! and the server does not look up their figures: each tab's code and data are fetched when the
//! user first opens it (`LazyPart`), and it stays drawn from then on.

use leptos::prelude::*;

use super::finance_tab::{FinancePermissions, FinanceTab};
use super::ledger_tab::LedgerAccountsTab;
use super::sales_tab::SalesDefaultsTab;
use crate::api::resource::api_resource;
use crate::api::{
    customer_advances, customer_credit, customer_receivables, get_ledger_accounts,
    get_sales_defaults, GenerateDoubtfulDebtAccount, SaveLedgerAccounts, SaveSalesDefaults,
};

/// What the user may change on the sales tab; the server checks each again.
#[derive(Debug, Clone, Copy)]
pub struct SalesPermissions {
    /// R-PERM-1 "alter sales defaults": every field but the credit limit.
    pub alter: bool,
    pub alter_limit: bool,
    /// R-SALES-11: mortgage and bail have a permission of their own.
    pub alter_guarantees: bool,
    /// R-SALES-10: the allowed carriers and the allowed fleet of pickup orders.
    pub register_allowed: bool,
    pub register_fleet: bool,
}

fn loading() -> impl IntoView {
    view! { <p class="loading">"Carregando…"</p> }
}

fn refusal(error: impl ToString) -> AnyView {
    view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any()
}

/// "Padrão para vendas", saved on its own; `saves` is bumped after each save (the history and
/// the credit figures follow it).
#[lazy]
pub async fn sales_part(customer_id: i64, may: SalesPermissions, saves: RwSignal<u32>) -> AnyView {
    let save = ServerAction::<SaveSalesDefaults>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = save.value().get() {
            saves.update(|n| *n += 1);
        }
    });
    let sales = api_resource(
        move || saves.get(),
        move |_| get_sales_defaults(customer_id),
    );
    view! {
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match sales.await {
                    Ok(view) => view! {
                        <SalesDefaultsTab customer_id view save
                            may_alter=may.alter may_alter_limit=may.alter_limit
                            may_alter_guarantees=may.alter_guarantees
                            may_register_allowed=may.register_allowed
                            may_register_fleet=may.register_fleet />
                    }.into_any(),
                    Err(error) => refusal(error),
                }
            })}
        </Transition>
    }
    .into_any()
}

/// "Contas contábeis": saved, or its doubtful-debt accounts generated, on its own; `saves` is
/// bumped after each (the history follows it).
#[lazy]
pub async fn ledger_part(customer_id: i64, may_modify: bool, saves: RwSignal<u32>) -> AnyView {
    let save = ServerAction::<SaveLedgerAccounts>::new();
    let generate = ServerAction::<GenerateDoubtfulDebtAccount>::new();
    Effect::new(move |_| {
        let saved = matches!(save.value().get(), Some(Ok(())));
        let generated = matches!(generate.value().get(), Some(Ok(())));
        if saved || generated {
            saves.update(|n| *n += 1);
        }
    });
    let ledger = api_resource(
        move || saves.get(),
        move |_| get_ledger_accounts(customer_id),
    );
    view! {
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match ledger.await {
                    Ok(view) => view! {
                        <LedgerAccountsTab customer_id view save generate may_modify />
                    }.into_any(),
                    Err(error) => refusal(error),
                }
            })}
        </Transition>
    }
    .into_any()
}

/// "Financeiro": credit, receivables and advances; `limit_saves` is bumped when the sales tab
/// saves (it holds the credit limit), and the credit figures reload.
#[lazy]
pub async fn finance_part(
    customer_id: i64,
    may: FinancePermissions,
    limit_saves: RwSignal<u32>,
) -> AnyView {
    // Bumped after a financial write: credit, receivables and advances reload.
    let finance_saves = RwSignal::new(0u32);
    let credit = api_resource(
        move || limit_saves.get() + finance_saves.get(),
        move |_| customer_credit(customer_id),
    );
    let receivables = api_resource(
        move || finance_saves.get(),
        move |_| customer_receivables(customer_id),
    );
    let advances = api_resource(
        move || finance_saves.get(),
        move |_| customer_advances(customer_id),
    );
    view! { <FinanceTab customer_id may credit receivables advances finance_saves /> }.into_any()
}
