//! Server functions that write receivables (issue 12), in the company the user acts in
//! (R-COMPANY-3), each behind its own permission (R-PERM): register by hand, settle, reverse a
//! settlement, cancel. The store locks the customer, then the receivable.

use leptos::prelude::*;
use rules::finance::receivable::ReceivableInput;
use rules::finance::settlement::Settlement;
use rules::finance::settlement_input::SettlementInput;

use crate::error::AppError;

#[server(prefix = "/api", endpoint = "register_receivable", client = crate::api::client::AppClient)]
pub async fn register_receivable(
    customer_id: i64,
    input: ReceivableInput,
) -> Result<i64, AppError> {
    use crate::server::{auth, context::server_context, receivable_store, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        receivable_store::register(&ctx.pool, &caller, customer_id, &input).await
    })
    .await
}

/// Settles part or all of the receivable opened at `version`; returns what was charged.
#[server(prefix = "/api", endpoint = "settle_receivable", client = crate::api::client::AppClient)]
pub async fn settle_receivable(
    receivable_id: i64,
    version: i32,
    input: SettlementInput,
) -> Result<Settlement, AppError> {
    use crate::server::{auth, context::server_context, receivable_store, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        receivable_store::settle(&ctx.pool, &caller, receivable_id, version, &input).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "reverse_settlement", client = crate::api::client::AppClient)]
pub async fn reverse_settlement(settlement_id: i64) -> Result<(), AppError> {
    use crate::server::{auth, context::server_context, receivable_store, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        receivable_store::reverse(&ctx.pool, &caller, settlement_id).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "cancel_receivable", client = crate::api::client::AppClient)]
pub async fn cancel_receivable(
    receivable_id: i64,
    version: i32,
    reason: String,
) -> Result<(), AppError> {
    use crate::server::{auth, context::server_context, receivable_store, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        receivable_store::cancel(&ctx.pool, &caller, receivable_id, version, &reason).await
    })
    .await
}
