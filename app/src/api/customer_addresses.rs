//! Server functions of a customer's addresses (R-CUST-5). Reading needs a session; writing
//! needs "alter customers" (R-PERM-1), checked here whatever the screen shows.

use leptos::prelude::*;
use rules::address::AddressInput;

use crate::customers::address_types::AddressView;
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "list_addresses", client = crate::api::client::AppClient)]
pub async fn list_addresses(customer_id: i64) -> Result<Vec<AddressView>, AppError> {
    use crate::server::{address_store, auth, context::server_context, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        address_store::list(&ctx.pool, &caller, customer_id).await
    })
    .await
}

/// Adds (no `address_id`) or alters (with the `version` the form was opened at) an address.
#[server(prefix = "/api", endpoint = "save_address", client = crate::api::client::AppClient)]
pub async fn save_address(
    customer_id: i64,
    address_id: Option<i64>,
    version: Option<i32>,
    input: AddressInput,
) -> Result<i64, AppError> {
    use crate::server::{address_store, auth, context::server_context, respond::respond};
    use rules::permission::Permission;
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        caller.require(Permission::AlterCustomer)?;
        address_store::save(&ctx.pool, &caller, customer_id, address_id, version, &input).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "delete_address", client = crate::api::client::AppClient)]
pub async fn delete_address(
    customer_id: i64,
    address_id: i64,
    version: i32,
) -> Result<(), AppError> {
    use crate::server::{address_store, auth, context::server_context, respond::respond};
    use rules::permission::Permission;
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        caller.require(Permission::AlterCustomer)?;
        address_store::delete(&ctx.pool, &caller, customer_id, address_id, version).await
    })
    .await
}

/// IBGE identifications starting with what was typed: `sao leo` → `SAO LEOPOLDO - RS`.
#[server(prefix = "/api", endpoint = "search_cities", client = crate::api::client::AppClient)]
pub async fn search_cities(typed: String) -> Result<Vec<String>, AppError> {
    use crate::server::{address_store, auth, context::server_context, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        auth::require_caller(&ctx).await?;
        address_store::search_cities(&ctx.pool, &typed).await
    })
    .await
}
