use leptos::prelude::*;

use crate::error::AppError;

/// Makes another company the one the user acts in (R-COMPANY-3): only one on their list.
#[server(prefix = "/api", endpoint = "switch_company", client = crate::api::client::AppClient)]
pub async fn switch_company(company_id: i64) -> Result<(), AppError> {
    use crate::server::{auth, context::server_context, respond::respond, sessions};

    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        if !sessions::switch_company(&ctx.pool, caller.tenant_id, caller.token(), company_id)
            .await?
        {
            return Err(AppError::Forbidden);
        }
        Ok(())
    })
    .await
}
