//! The receivables screen's server function (issue 12, "Financeiro → Contas a receber"): one
//! page of the current company's receivables matching the filters and the totals by status of
//! all that match. Seeing receivables is every profile's right, as on the record.

use leptos::prelude::*;
use rules::finance::receivable_filter::ReceivableFilterInput;

use crate::customers::receivable_list_types::ReceivablesPage;
use crate::error::AppError;

/// `after`: where the page starts (the previous page's `next`), empty for the first.
#[server(prefix = "/api", endpoint = "list_receivables", client = crate::api::client::AppClient)]
pub async fn list_receivables(
    #[server(default)] filter: ReceivableFilterInput,
    #[server(default)] after: String,
) -> Result<ReceivablesPage, AppError> {
    use crate::server::brasilia_time::today;
    use crate::server::{
        auth, context::server_context, receivables_screen_store, respond::respond,
    };
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        let filter = rules::finance::receivable_filter::read(&filter).map_err(AppError::invalid)?;
        receivables_screen_store::page(&ctx.pool, &caller, &filter, &after, today()).await
    })
    .await
}
