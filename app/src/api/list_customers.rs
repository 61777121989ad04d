use leptos::prelude::*;

use crate::customers::list_types::{CustomerFilter, CustomerPage};
use crate::error::AppError;

/// One page of the tenant's customers matching the filter; profile filters read the current
/// company's profiles. Any signed-in user may list.
#[server(prefix = "/api", endpoint = "list_customers", client = crate::api::client::AppClient)]
pub async fn list_customers(filter: CustomerFilter) -> Result<CustomerPage, AppError> {
    use crate::server::{auth, context::server_context, customer_list, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        let scope = customer_list::Scope {
            tenant_id: caller.tenant_id,
            company_id: caller.company_id,
        };
        Ok(customer_list::list(&ctx.pool, scope, &filter).await?)
    })
    .await
}
