//! Server functions of customer advances (R-ADV-1..2), in the company the user acts in:
//! register one, settle receivables with it, refund what is left — each behind its permission.

use leptos::prelude::*;
use rules::finance::advance::AdvanceUse;
use rules::finance::advance_input::{AdvanceInput, RefundInput};
use rust_decimal::Decimal;

use crate::error::AppError;

#[server(prefix = "/api", endpoint = "register_advance", client = crate::api::client::AppClient)]
pub async fn register_advance(customer_id: i64, input: AdvanceInput) -> Result<i64, AppError> {
    use crate::server::{advance_store, auth, context::server_context, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        advance_store::register(&ctx.pool, &caller, customer_id, &input).await
    })
    .await
}

/// Settles the receivables, in the order given, with the advance; `amount` empty uses as much
/// as the advance and the receivables allow. Returns the advance's balance after and how many
/// receivables it settled.
#[server(prefix = "/api", endpoint = "settle_with_advance", client = crate::api::client::AppClient)]
pub async fn settle_with_advance(
    advance_id: i64,
    receivable_ids: Vec<i64>,
    paid_on: String,
    #[server(default)] amount: String,
) -> Result<AdvanceUse, AppError> {
    use crate::server::{advance_store, auth, context::server_context, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        advance_store::settle_with(
            &ctx.pool,
            &caller,
            advance_id,
            &receivable_ids,
            &paid_on,
            &amount,
        )
        .await
    })
    .await
}

/// Refunds part or all of what is left of the advance; returns its balance after.
#[server(prefix = "/api", endpoint = "refund_advance", client = crate::api::client::AppClient)]
pub async fn refund_advance(advance_id: i64, input: RefundInput) -> Result<Decimal, AppError> {
    use crate::server::{advance_store, auth, context::server_context, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        advance_store::refund(&ctx.pool, &caller, advance_id, &input).await
    })
    .await
}
