//! Server functions of the customer record. Each checks the session and its permission
//! (R-PERM-1) itself; the screens hiding a button is not what protects the data.

use leptos::prelude::*;
use rules::customer::CustomerInput;
use rules::profile::ProfileInput;

use crate::customers::record_types::{
    ChangeView, CustomerRecord, KindOptions, SalespersonChangeView,
};
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "get_customer", client = crate::api::client::AppClient)]
pub async fn get_customer(id: i64) -> Result<CustomerRecord, AppError> {
    use crate::server::{auth, context::server_context, customer_store, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        customer_store::load(&ctx.pool, &caller, id)
            .await?
            .ok_or(AppError::NotFound)
    })
    .await
}

/// The id of the customer with this code, the number the record's URL carries
/// (`/clientes/2002` is customer 2002, whatever its internal id).
#[server(prefix = "/api", endpoint = "find_customer_by_code", client = crate::api::client::AppClient)]
pub async fn find_customer_by_code(code: i64) -> Result<i64, AppError> {
    use crate::server::{auth, context::server_context, customer_store, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        customer_store::id_by_code(&ctx.pool, caller.tenant_id, code)
            .await?
            .ok_or(AppError::NotFound)
    })
    .await
}

/// The record whose code the URL names, in one request: the page shows the form after one
/// round trip rather than two (code → id, then the record), which a phone on a slow network
/// feels.
#[server(prefix = "/api", endpoint = "get_customer_by_code", client = crate::api::client::AppClient)]
pub async fn get_customer_by_code(code: i64) -> Result<CustomerRecord, AppError> {
    use crate::server::{auth, context::server_context, customer_store, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        let id = customer_store::id_by_code(&ctx.pool, caller.tenant_id, code)
            .await?
            .ok_or(AppError::NotFound)?;
        customer_store::load(&ctx.pool, &caller, id)
            .await?
            .ok_or(AppError::NotFound)
    })
    .await
}

/// The next free code, suggested on a new record (the user may change it).
#[server(prefix = "/api", endpoint = "next_customer_code", client = crate::api::client::AppClient)]
pub async fn next_customer_code() -> Result<i64, AppError> {
    use crate::server::{auth, context::server_context, customer_store, respond::respond};
    use rules::permission::Permission;
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        caller.require(Permission::IncludeCustomer)?;
        customer_store::next_code(&ctx.pool, caller.tenant_id).await
    })
    .await
}

/// Creates (no `id`) or alters (with `id` and the `version` the form was opened at).
/// Answers the customer's id.
#[server(prefix = "/api", endpoint = "save_customer", client = crate::api::client::AppClient)]
pub async fn save_customer(
    id: Option<i64>,
    version: Option<i32>,
    input: CustomerInput,
    profile: Option<ProfileInput>,
    salesperson_notes: Option<String>,
) -> Result<i64, AppError> {
    use crate::server::{auth, context::server_context, customer_store, respond::respond};
    use rules::permission::Permission;
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        let profile = customer_store::profile_edit(profile.as_ref(), salesperson_notes)?;
        match id {
            None => {
                caller.require(Permission::IncludeCustomer)?;
                customer_store::create(&ctx.pool, &caller, &input, profile).await
            }
            Some(id) => {
                caller.require(Permission::AlterCustomer)?;
                let version = version
                    .ok_or_else(|| AppError::field("version", "Versão do registro ausente."))?;
                customer_store::update(&ctx.pool, &caller, id, version, &input, profile).await?;
                Ok(id)
            }
        }
    })
    .await
}

#[server(prefix = "/api", endpoint = "delete_customer", client = crate::api::client::AppClient)]
pub async fn delete_customer(id: i64, version: i32) -> Result<(), AppError> {
    use crate::server::{auth, context::server_context, customer_store, respond::respond};
    use rules::permission::Permission;
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        caller.require(Permission::DeleteCustomer)?;
        customer_store::delete(&ctx.pool, &caller, id, version).await
    })
    .await
}

/// Who changed what and when, newest first.
#[server(prefix = "/api", endpoint = "customer_history", client = crate::api::client::AppClient)]
pub async fn customer_history(id: i64) -> Result<Vec<ChangeView>, AppError> {
    use crate::server::{auth, context::server_context, customer_history_store, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        customer_history_store::history(&ctx.pool, &caller, id).await
    })
    .await
}

/// The choices for the profile fields in the company the user acts in.
#[server(prefix = "/api", endpoint = "profile_options", client = crate::api::client::AppClient)]
pub async fn profile_options() -> Result<Vec<KindOptions>, AppError> {
    use crate::server::{auth, context::server_context, profile_store, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        profile_store::options(&ctx.pool, &caller).await
    })
    .await
}

/// R-SELLER-1: the salesperson changes of this customer in the current company, newest first.
#[server(prefix = "/api", endpoint = "salesperson_history", client = crate::api::client::AppClient)]
pub async fn salesperson_history(id: i64) -> Result<Vec<SalespersonChangeView>, AppError> {
    use crate::server::{auth, context::server_context, profile_store, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        profile_store::salesperson_history(&ctx.pool, &caller, id).await
    })
    .await
}
