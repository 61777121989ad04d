//! The record's credit figures, per company the user acts in (R-CREDIT-1..2, R-COMPANY-3).
//! Seeing them is every profile's right, like seeing the record: the field salesperson sells
//! on what is available.

use leptos::prelude::*;

use crate::customers::credit_types::{CompanyCreditView, ReceivableRow};
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "customer_credit", client = crate::api::client::AppClient)]
pub async fn customer_credit(customer_id: i64) -> Result<Vec<CompanyCreditView>, AppError> {
    use crate::server::brasilia_time::today;
    use crate::server::{auth, context::server_context, credit_store, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        credit_store::require_customer(&ctx.pool, caller.tenant_id, customer_id).await?;
        let companies =
            credit_store::user_company_ids(&ctx.pool, caller.tenant_id, caller.user_id).await?;
        let today = today();
        credit_store::for_customer(
            &ctx.pool,
            caller.tenant_id,
            &companies,
            caller.company_id,
            customer_id,
            today,
        )
        .await
    })
    .await
}

/// The customer's receivables in the company the user acts in, newest due first (R-HIST-1).
#[server(prefix = "/api", endpoint = "customer_receivables", client = crate::api::client::AppClient)]
pub async fn customer_receivables(customer_id: i64) -> Result<Vec<ReceivableRow>, AppError> {
    use crate::server::brasilia_time::today;
    use crate::server::{
        auth, context::server_context, credit_store, receivable_list_store, respond::respond,
    };
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        credit_store::require_customer(&ctx.pool, caller.tenant_id, customer_id).await?;
        let today = today();
        receivable_list_store::for_customer(
            &ctx.pool,
            caller.tenant_id,
            caller.company_id,
            customer_id,
            today,
        )
        .await
    })
    .await
}
