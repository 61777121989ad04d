//! The record's credit figures, per company the user acts in (R-CREDIT-1..2, R-COMPANY-3).
//! Seeing them is every profile's right, like seeing the record: the field salesperson sells
//! on what is available.

use leptos::prelude::*;

use crate::customers::credit_types::{CompanyCreditView, ReceivableRow};
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "customer_credit", client = crate::api::client::AppClient)]
pub async fn customer_credit(customer_id: i64) -> Result<Vec<CompanyCreditView>, AppError> {
    use crate::server::brasilia_time::brasilia;
    use crate::server::{auth, context::server_context, credit_store, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        let exists: bool = sqlx::query_scalar(
            "select exists(select 1 from customers where tenant_id = $1 and id = $2)",
        )
        .bind(caller.tenant_id)
        .bind(customer_id)
        .fetch_one(&ctx.pool)
        .await?;
        if !exists {
            return Err(AppError::NotFound);
        }
        let companies =
            credit_store::user_company_ids(&ctx.pool, caller.tenant_id, caller.user_id).await?;
        let today = brasilia(chrono::Utc::now()).date_naive();
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
    use crate::server::brasilia_time::brasilia;
    use crate::server::{auth, context::server_context, receivable_list_store, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        let exists: bool = sqlx::query_scalar(
            "select exists(select 1 from customers where tenant_id = $1 and id = $2)",
        )
        .bind(caller.tenant_id)
        .bind(customer_id)
        .fetch_one(&ctx.pool)
        .await?;
        if !exists {
            return Err(AppError::NotFound);
        }
        let today = brasilia(chrono::Utc::now()).date_naive();
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
