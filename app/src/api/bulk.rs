//! Server functions of batch maintenance (R-BULK). Each one checks the session and "bulk
//! update" plus each field's own permission (R-PERM-1) through `rules::bulk::check_changes`.

use leptos::prelude::*;
use rules::bulk::BulkChangeInput;

#[cfg(feature = "ssr")]
use crate::customers::bulk_types::BulkInput;
use crate::customers::bulk_types::{
    BatchProgress, BatchView, BulkFieldView, BulkPreview, UndoDone, UndoPreview,
};
use crate::customers::list_types::CustomerFilter;
use crate::error::AppError;

#[cfg(feature = "ssr")]
fn checked(
    caller: &crate::server::auth::Caller,
    changes: &[BulkChangeInput],
) -> Result<Vec<rules::bulk::BulkChange>, AppError> {
    use rules::bulk::{check_changes, BulkRefusal};
    check_changes(&caller.permissions, changes).map_err(|refusal| match refusal {
        BulkRefusal::Forbidden => AppError::Forbidden,
        BulkRefusal::Invalid(errors) => AppError::Invalid(
            errors
                .into_iter()
                .map(|(field, message)| crate::error::FieldMessage { field, message })
                .collect(),
        ),
    })
}

/// The fields this user may set in bulk, with their choices in the current company.
#[server(prefix = "/api", endpoint = "bulk_fields", client = crate::api::client::AppClient)]
pub async fn bulk_fields() -> Result<Vec<BulkFieldView>, AppError> {
    use crate::server::{auth, context::server_context, profile_store, respond::respond};
    use rules::bulk::{offered_fields, BulkTarget};
    use rules::customer::Status;
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        let options = profile_store::options(&ctx.pool, &caller).await?;
        let (tenant, company) = (caller.tenant_id, caller.company_id);
        let mut sales_choices =
            crate::server::commercial_tables::choices(&ctx.pool, tenant, company).await?;
        sales_choices.extend(
            crate::server::own_entries_store::choices(
                &ctx.pool,
                tenant,
                company,
                &rules::table_kind::LinkedKind::COMMERCIAL,
            )
            .await?,
        );
        let table = |code: &str| {
            sales_choices
                .iter()
                .filter(|c| c.kind == code)
                .flat_map(|c| c.options.iter())
                .map(|o| (o.id.to_string(), o.label.clone()))
                .collect::<Vec<_>>()
        };
        Ok(offered_fields(&caller.permissions)
            .into_iter()
            .map(|spec| {
                let choices = match spec.target {
                    BulkTarget::Profile(kind) => {
                        std::iter::once((String::new(), "(nenhum)".to_string()))
                            .chain(
                                options
                                    .iter()
                                    .filter(|o| o.kind == kind)
                                    .flat_map(|o| o.options.iter())
                                    .map(|o| (o.id.to_string(), o.label.clone())),
                            )
                            .collect()
                    }
                    BulkTarget::SalesTable(kind) => {
                        std::iter::once((String::new(), "(nenhum)".to_string()))
                            .chain(table(kind.code()))
                            .collect()
                    }
                    BulkTarget::OwnSet(kind) => table(kind.code()),
                    BulkTarget::City | BulkTarget::District | BulkTarget::SalesNumber(_) => {
                        Vec::new()
                    }
                    BulkTarget::Status => [Status::Active, Status::Pending, Status::Inactive]
                        .into_iter()
                        .map(|s| {
                            (
                                s.code().to_string(),
                                rules::display::status_label(s.code()).to_string(),
                            )
                        })
                        .collect(),
                };
                let input = match spec.target {
                    BulkTarget::City => BulkInput::City,
                    BulkTarget::District => BulkInput::Text,
                    BulkTarget::OwnSet(_) => BulkInput::Several,
                    BulkTarget::SalesNumber(_) => BulkInput::Number,
                    _ => BulkInput::Choice,
                };
                BulkFieldView {
                    input,
                    code: spec.code.to_string(),
                    label: spec.label().to_string(),
                    asks_for_notes: spec.asks_for_notes,
                    choices,
                }
            })
            .collect())
    })
    .await
}

#[server(prefix = "/api", endpoint = "preview_bulk", client = crate::api::client::AppClient)]
pub async fn preview_bulk(
    filter: CustomerFilter,
    changes: Vec<BulkChangeInput>,
) -> Result<BulkPreview, AppError> {
    use crate::server::{auth, bulk_store, context::server_context, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        let changes = checked(&caller, &changes)?;
        bulk_store::preview(&ctx.pool, &caller, &filter, &changes).await
    })
    .await
}

/// Applies the batch to every customer the filter matches, refusing (or, with
/// `skip_changed_since`, leaving out) customers saved by others after the preview named by
/// `preview_token`. Answers the
/// batch id and how many customers changed. Its steps can be followed under `progress_token`
/// with `bulk_progress` while it runs.
#[server(prefix = "/api", endpoint = "apply_bulk", client = crate::api::client::AppClient)]
pub async fn apply_bulk(
    filter: CustomerFilter,
    changes: Vec<BulkChangeInput>,
    preview_token: String,
    skip_changed_since: bool,
    #[server(default)] progress_token: String,
) -> Result<(i64, i64), AppError> {
    use crate::server::bulk_progress::Progress;
    use crate::server::{auth, bulk_store, context::server_context, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        let changes = checked(&caller, &changes)?;
        let progress = Progress::new(
            &ctx.pool,
            caller.tenant_id,
            caller.user_id,
            &progress_token,
            bulk_store::apply_steps(changes.len()),
        );
        let applied = bulk_store::apply(
            &ctx.pool,
            &caller,
            &filter,
            &changes,
            &preview_token,
            skip_changed_since,
            &progress,
        )
        .await?;
        Ok((applied.batch_id, applied.changed))
    })
    .await
}

/// The step of this user's batch running under `token`; `None` once it ended (or never ran).
#[server(prefix = "/api", endpoint = "bulk_progress", client = crate::api::client::AppClient)]
pub async fn bulk_progress(token: String) -> Result<Option<BatchProgress>, AppError> {
    use crate::server::{auth, bulk_progress, context::server_context, respond::respond};
    use rules::permission::Permission;
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        caller.require(Permission::BulkUpdate)?;
        Ok(bulk_progress::read(&ctx.pool, caller.tenant_id, caller.user_id, &token).await?)
    })
    .await
}

#[server(prefix = "/api", endpoint = "list_batches", client = crate::api::client::AppClient)]
pub async fn list_batches() -> Result<Vec<BatchView>, AppError> {
    use crate::server::{auth, bulk_undo, context::server_context, respond::respond};
    use rules::permission::Permission;
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        caller.require(Permission::BulkUpdate)?;
        bulk_undo::batches(&ctx.pool, &caller).await
    })
    .await
}

/// What undoing the batch would do now: the confirmation's text. Undo itself re-checks.
#[server(prefix = "/api", endpoint = "preview_undo", client = crate::api::client::AppClient)]
pub async fn preview_undo(batch_id: i64) -> Result<UndoPreview, AppError> {
    use crate::server::{auth, bulk_undo, context::server_context, respond::respond};
    use rules::permission::Permission;
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        caller.require(Permission::BulkUpdate)?;
        caller.require(Permission::AlterCustomer)?;
        bulk_undo::preview(&ctx.pool, &caller, batch_id).await
    })
    .await
}

/// Undoes the batch; with `keep_changed`, customers whose batch fields changed since keep
/// their values and the others go back (without it, such customers refuse the whole undo).
/// Each field's own permission is checked again, as on apply.
#[server(prefix = "/api", endpoint = "undo_batch", client = crate::api::client::AppClient)]
pub async fn undo_batch(
    batch_id: i64,
    #[server(default)] keep_changed: bool,
) -> Result<UndoDone, AppError> {
    use crate::server::{auth, bulk_undo, context::server_context, respond::respond};
    use rules::permission::Permission;
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        caller.require(Permission::BulkUpdate)?;
        caller.require(Permission::AlterCustomer)?;
        bulk_undo::undo(&ctx.pool, &caller, batch_id, keep_changed).await
    })
    .await
}
