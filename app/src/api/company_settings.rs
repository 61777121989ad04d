//! Server functions of the company settings screen: the company the user acts in, for who
//! holds "alter company settings" (R-PERM-1) — reading them too, as the screen is theirs.

use leptos::prelude::*;
use rules::sales::company_settings::CompanySettingsInput;

use crate::customers::company_settings_types::CompanySettingsView;
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "get_company_settings", client = crate::api::client::AppClient)]
pub async fn get_company_settings() -> Result<CompanySettingsView, AppError> {
    use crate::server::{auth, company_settings_store, context::server_context, respond::respond};
    use rules::permission::Permission;
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        caller.require(Permission::AlterCompanySettings)?;
        company_settings_store::load(&ctx.pool, &caller).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "save_company_settings", client = crate::api::client::AppClient)]
pub async fn save_company_settings(
    version: i32,
    input: CompanySettingsInput,
) -> Result<(), AppError> {
    use crate::server::{auth, company_settings_store, context::server_context, respond::respond};
    use rules::permission::Permission;
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        caller.require(Permission::AlterCompanySettings)?;
        company_settings_store::save(&ctx.pool, &caller, version, &input).await
    })
    .await
}
