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
        auth, context::server_context, receivable_filter_codes, receivables_screen_store,
        respond::respond,
    };
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        let filter = rules::finance::receivable_filter::read(&filter).map_err(AppError::invalid)?;
        receivable_filter_codes::check(&ctx.pool, &caller, &filter).await?;
        receivables_screen_store::page(&ctx.pool, &caller, &filter, &after, today()).await
    })
    .await
}

/// R-HIST-3: the subtotals by customer group or region (`agrupar`) of what the filters match.
#[server(prefix = "/api", endpoint = "receivables_report", client = crate::api::client::AppClient)]
pub async fn receivables_report(
    #[server(default)] filter: ReceivableFilterInput,
    #[server(default)] grouping: String,
) -> Result<crate::customers::receivable_list_types::ReportView, AppError> {
    use crate::server::brasilia_time::today;
    use crate::server::{
        auth, context::server_context, receivable_filter_codes, receivables_report_store,
        respond::respond,
    };
    use rules::finance::report_grouping::ReportGrouping;
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        let filter = rules::finance::receivable_filter::read(&filter).map_err(AppError::invalid)?;
        receivable_filter_codes::check(&ctx.pool, &caller, &filter).await?;
        let grouping = ReportGrouping::from_code(&grouping);
        receivables_report_store::summary(&ctx.pool, &caller, &filter, grouping, today()).await
    })
    .await
}
