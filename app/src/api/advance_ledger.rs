//! Server functions that read a customer's advances and a receivable's settlements in the
//! company the user acts in (R-ADV-2..3, R-COMPANY-3). Reading is every profile's right, like
//! the record's credit figures; the writers are in `advances` and `receivables`.

use leptos::prelude::*;

use crate::customers::advance_types::{AdvancesView, SettlementRow, StatementView};
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "customer_advances", client = crate::api::client::AppClient)]
pub async fn customer_advances(customer_id: i64) -> Result<AdvancesView, AppError> {
    use crate::server::{
        advance_ledger_store, auth, context::server_context, credit_store, respond::respond,
    };
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        credit_store::require_customer(&ctx.pool, caller.tenant_id, customer_id).await?;
        advance_ledger_store::advances(&ctx.pool, &caller, customer_id).await
    })
    .await
}

/// The statement from `from` to `to`, typed `dd/mm/aaaa`, both inclusive.
#[server(prefix = "/api", endpoint = "advance_statement", client = crate::api::client::AppClient)]
pub async fn advance_statement(
    customer_id: i64,
    from: String,
    to: String,
) -> Result<StatementView, AppError> {
    use crate::server::{advance_ledger_store, auth, context::server_context, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        advance_ledger_store::statement(&ctx.pool, &caller, customer_id, &from, &to).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "receivable_settlements", client = crate::api::client::AppClient)]
pub async fn receivable_settlements(receivable_id: i64) -> Result<Vec<SettlementRow>, AppError> {
    use crate::server::{advance_ledger_store, auth, context::server_context, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        advance_ledger_store::settlements(&ctx.pool, &caller, receivable_id).await
    })
    .await
}
