//! Everything the record screen loads and does, created by the page itself, outside the
//! signed-in gate: a `Suspend` may run more than once while the server renders, and resources
//! created inside it would be created again, with ids the browser cannot match on hydration.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use rules::customer::CustomerInput;

use super::kept_edits::KeptEdits;
use crate::api::resource::{api_resource, ApiResource};
use crate::api::{
    customer_advances, customer_credit, customer_history, customer_receivables,
    find_customer_by_code, get_customer, get_customer_by_code, get_ledger_accounts,
    get_sales_defaults, list_addresses, next_customer_code, profile_options, salesperson_history,
    DeleteCustomer, GenerateDoubtfulDebtAccount, SaveCustomer, SaveLedgerAccounts,
    SaveSalesDefaults,
};
use crate::components::flash::flash_on_arrival;
use crate::customers::address_types::AddressView;
use crate::customers::advance_types::AdvancesView;
use crate::customers::credit_types::{CompanyCreditView, ReceivableRow};
use crate::customers::ledger_types::LedgerAccountsView;
use crate::customers::record_types::{
    ChangeView, CustomerRecord, KindOptions, SalespersonChangeView,
};
use crate::customers::sales_types::SalesDefaultsView;
use crate::error::AppError;

/// A new record starts active, as a company, with the next free code.
fn blank(code: i64) -> CustomerRecord {
    CustomerRecord {
        id: 0,
        version: 0,
        input: CustomerInput {
            code: code.to_string(),
            kind: "legal_entity".into(),
            status: "active".into(),
            ..Default::default()
        },
        last_saved: None,
        profile: Default::default(),
        state_registration_warning: None,
    }
}

/// The record's link: by the customer's code, what the heading and the list show
/// (`/clientes/2002` is "Cliente 2002"), never the internal id (issue 10, item 13).
pub fn record_href(code: impl std::fmt::Display) -> String {
    format!("/clientes/{code}")
}

#[derive(Clone, Copy)]
pub struct EditorData {
    /// The code the URL names; `None` on a new record.
    pub code: Option<i64>,
    /// The customer's id, found by the code (0 on a new record).
    pub customer_id: ApiResource<i64>,
    /// What "Código" holds now: after a save the URL follows it (a new record, a changed code).
    pub typed_code: StoredValue<String>,
    pub save: ServerAction<SaveCustomer>,
    pub remove: ServerAction<DeleteCustomer>,
    /// "2004 - Posto Serra Ltda", the customer being deleted: the list says it was.
    pub removing: StoredValue<String>,
    /// Bumped after a save, or to load the version someone else saved: the record reloads.
    pub reloads: RwSignal<u32>,
    /// What the user typed, carried over a reload after a stale save.
    pub kept: KeptEdits,
    /// Bumped after an address change: refreshes the history, not the record being typed.
    pub address_saves: RwSignal<u32>,
    pub record: ApiResource<CustomerRecord>,
    pub options: ApiResource<Vec<KindOptions>>,
    pub addresses: ApiResource<Vec<AddressView>>,
    pub history: ApiResource<Vec<ChangeView>>,
    pub salesperson_changes: ApiResource<Vec<SalespersonChangeView>>,
    /// The "Padrão para vendas" tab, saved on its own.
    pub save_sales: ServerAction<SaveSalesDefaults>,
    pub sales: ApiResource<SalesDefaultsView>,
    /// The "Contas contábeis" tab: saved, or its doubtful-debt accounts generated, on its own.
    pub save_ledger: ServerAction<SaveLedgerAccounts>,
    pub generate_doubtful_debt: ServerAction<GenerateDoubtfulDebtAccount>,
    pub ledger: ApiResource<LedgerAccountsView>,
    /// The "Financeiro" tab's credit figures, per company (refreshed when a limit is saved).
    pub credit: ApiResource<Vec<CompanyCreditView>>,
    /// The "Financeiro" tab's receivables in the current company (R-HIST-1).
    pub receivables: ApiResource<Vec<ReceivableRow>>,
    /// The "Financeiro" tab's advances in the current company (R-ADV-2).
    pub advances: ApiResource<AdvancesView>,
    /// Bumped after a financial write: credit, receivables and advances reload.
    pub finance_saves: RwSignal<u32>,
}

impl EditorData {
    pub fn new(code: Option<i64>) -> Self {
        let save = ServerAction::<SaveCustomer>::new();
        let remove = ServerAction::<DeleteCustomer>::new();
        let removing = StoredValue::new(String::new());
        let typed_code = StoredValue::new(String::new());
        // Bumped after a successful save: a refused one keeps what the user typed.
        let reloads = RwSignal::new(0u32);
        let kept = KeptEdits::new();
        let address_saves = RwSignal::new(0u32);
        let save_sales = ServerAction::<SaveSalesDefaults>::new();
        let sales_saves = RwSignal::new(0u32);
        Effect::new(move |_| {
            if let Some(Ok(_)) = save.value().get() {
                kept.notice.set(String::new());
                reloads.update(|n| *n += 1);
            }
        });
        Effect::new(move |_| {
            if let Some(Ok(())) = save_sales.value().get() {
                sales_saves.update(|n| *n += 1);
            }
        });
        let save_ledger = ServerAction::<SaveLedgerAccounts>::new();
        let generate_doubtful_debt = ServerAction::<GenerateDoubtfulDebtAccount>::new();
        let ledger_saves = RwSignal::new(0u32);
        Effect::new(move |_| {
            let saved = matches!(save_ledger.value().get(), Some(Ok(())));
            let generated = matches!(generate_doubtful_debt.value().get(), Some(Ok(())));
            if saved || generated {
                ledger_saves.update(|n| *n += 1);
            }
        });
        let customer_id = api_resource(
            || (),
            move |_| async move {
                match code {
                    Some(code) => find_customer_by_code(code).await,
                    None => Ok(0),
                }
            },
        );
        // First by the code, in one request; after a save by the id, so a save that changes the
        // code still reloads this customer (the URL follows it afterwards).
        let record = api_resource(
            move || reloads.get(),
            move |reloaded| async move {
                match code {
                    Some(code) if reloaded == 0 => get_customer_by_code(code).await,
                    Some(_) => get_customer(customer_id.await?).await,
                    None => next_customer_code().await.map(blank),
                }
            },
        );
        // A new record has no addresses nor history yet: these answer empty without a call.
        let addresses = api_resource(
            move || address_saves.get(),
            move |_| async move {
                match code {
                    Some(_) => list_addresses(customer_id.await?).await,
                    None => Ok(Vec::new()),
                }
            },
        );
        let sales = api_resource(
            move || sales_saves.get(),
            move |_| async move {
                match code {
                    Some(_) => get_sales_defaults(customer_id.await?).await,
                    None => Err(AppError::NotFound),
                }
            },
        );
        let ledger = api_resource(
            move || ledger_saves.get(),
            move |_| async move {
                match code {
                    Some(_) => get_ledger_accounts(customer_id.await?).await,
                    None => Err(AppError::NotFound),
                }
            },
        );
        let finance_saves = RwSignal::new(0u32);
        let credit = api_resource(
            move || sales_saves.get() + finance_saves.get(),
            move |_| async move {
                match code {
                    Some(_) => customer_credit(customer_id.await?).await,
                    None => Ok(Vec::new()),
                }
            },
        );
        let receivables = api_resource(
            move || finance_saves.get(),
            move |_| async move {
                match code {
                    Some(_) => customer_receivables(customer_id.await?).await,
                    None => Ok(Vec::new()),
                }
            },
        );
        let advances = api_resource(
            move || finance_saves.get(),
            move |_| async move {
                match code {
                    Some(_) => customer_advances(customer_id.await?).await,
                    None => Err(AppError::NotFound),
                }
            },
        );
        let history = api_resource(
            move || reloads.get() + address_saves.get() + sales_saves.get() + ledger_saves.get(),
            move |_| async move {
                match code {
                    Some(_) => customer_history(customer_id.await?).await,
                    None => Ok(Vec::new()),
                }
            },
        );
        let salesperson_changes = api_resource(
            move || reloads.get(),
            move |_| async move {
                match code {
                    Some(_) => salesperson_history(customer_id.await?).await,
                    None => Ok(Vec::new()),
                }
            },
        );
        let navigate = use_navigate();
        Effect::new({
            let navigate = navigate.clone();
            move |_| {
                if let Some(Ok(_)) = save.value().get() {
                    let saved_code = typed_code.with_value(|c| c.trim().parse::<i64>().ok());
                    if let Some(saved_code) = saved_code.filter(|c| Some(*c) != code) {
                        let options = leptos_router::NavigateOptions {
                            // A changed code replaces the old address; a new record is a new page.
                            replace: code.is_some(),
                            ..Default::default()
                        };
                        let href = record_href(saved_code);
                        if code.is_none() {
                            // The form that said "saved" is left behind: the record says it.
                            flash_on_arrival(&href, format!("Cliente {saved_code} incluído."));
                        }
                        navigate(&href, options);
                    }
                }
            }
        });
        Effect::new(move |_| {
            if let Some(Ok(())) = remove.value().get() {
                let message = format!("Cliente {} excluído.", removing.get_value());
                flash_on_arrival("/clientes", message);
                navigate("/clientes", Default::default());
            }
        });
        Self {
            code,
            customer_id,
            typed_code,
            save,
            remove,
            removing,
            reloads,
            kept,
            address_saves,
            record,
            options: api_resource(|| (), |_| profile_options()),
            addresses,
            history,
            salesperson_changes,
            save_sales,
            sales,
            save_ledger,
            generate_doubtful_debt,
            ledger,
            credit,
            receivables,
            advances,
            finance_saves,
        }
    }
}
