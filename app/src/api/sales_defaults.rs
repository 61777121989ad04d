//! Server functions of the record's "Padrão para vendas" tab, in the company the user acts in.
//! Reading needs a session (seeing a record is every profile's right); a save is checked field
//! by field against the user's permissions (R-PERM-1) by the store.

use leptos::prelude::*;
use rules::sales::defaults::SalesDefaultsInput;

use crate::customers::sales_types::SalesDefaultsView;
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "get_sales_defaults", client = crate::api::client::AppClient)]
pub async fn get_sales_defaults(customer_id: i64) -> Result<SalesDefaultsView, AppError> {
    use crate::server::{auth, context::server_context, respond::respond, sales_defaults_store};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        sales_defaults_store::load(&ctx.pool, &caller, customer_id).await
    })
    .await
}

/// Saves the tab opened at `version`; a save by someone else since is refused as stale.
#[server(prefix = "/api", endpoint = "save_sales_defaults", client = crate::api::client::AppClient)]
pub async fn save_sales_defaults(
    customer_id: i64,
    version: i32,
    input: SalesDefaultsInput,
) -> Result<(), AppError> {
    use crate::server::{auth, context::server_context, respond::respond, sales_defaults_store};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        sales_defaults_store::save(&ctx.pool, &caller, customer_id, version, &input).await
    })
    .await
}
