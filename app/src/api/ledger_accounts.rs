//! Server functions of the record's "Contas contábeis" tab, in the company the user acts in.
//! Reading needs a session; changing an account or generating the doubtful-debt accounts needs
//! "modify ledger accounts" (R-PERM-1), checked by the store.

use leptos::prelude::*;
use rules::sales::ledger_accounts::LedgerAccountsInput;

use crate::customers::ledger_types::LedgerAccountsView;
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "get_ledger_accounts", client = crate::api::client::AppClient)]
pub async fn get_ledger_accounts(customer_id: i64) -> Result<LedgerAccountsView, AppError> {
    use crate::server::{auth, context::server_context, ledger_store, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        ledger_store::load(&ctx.pool, &caller, customer_id).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "save_ledger_accounts", client = crate::api::client::AppClient)]
pub async fn save_ledger_accounts(
    customer_id: i64,
    version: i32,
    input: LedgerAccountsInput,
) -> Result<(), AppError> {
    use crate::server::{auth, context::server_context, ledger_store, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        ledger_store::save(&ctx.pool, &caller, customer_id, version, &input).await
    })
    .await
}

/// R-SALES-12: the customer's doubtful-debt accounts, with the company's next sequence.
#[server(prefix = "/api", endpoint = "generate_doubtful_debt_account", client = crate::api::client::AppClient)]
pub async fn generate_doubtful_debt_account(
    customer_id: i64,
    version: i32,
) -> Result<(), AppError> {
    use crate::server::{auth, context::server_context, ledger_store, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        ledger_store::generate_doubtful_debt(&ctx.pool, &caller, customer_id, version).await
    })
    .await
}
