//! Server functions of the code + description tables: one set serves every kind, the profile
//! tables and the commercial ones.
//! Reading needs a session; writing needs the table's permission (R-PERM-1): "maintain
//! tables", or "modify ledger account codes" for the chart of accounts.

use leptos::prelude::*;
use rules::lookup::LookupInput;
use rules::sales::table_terms::TermsInput;

use crate::error::AppError;
use crate::lookups::{LookupChangeView, LookupRow};

#[cfg(feature = "ssr")]
fn kind_of(code: &str) -> Result<rules::table_kind::TableKind, AppError> {
    rules::table_kind::TableKind::from_code(code).ok_or(AppError::NotFound)
}

#[server(prefix = "/api", endpoint = "list_lookup", client = crate::api::client::AppClient)]
pub async fn list_lookup(kind: String) -> Result<Vec<LookupRow>, AppError> {
    use crate::server::{auth, context::server_context, lookup_store, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        lookup_store::list(&ctx.pool, &caller, kind_of(&kind)?).await
    })
    .await
}

/// `active` and `copy_to_all` are checkboxes: present ("on") when ticked. `terms` are a price
/// list's or a payment plan's (ignored for the other tables).
#[server(prefix = "/api", endpoint = "save_lookup", client = crate::api::client::AppClient)]
pub async fn save_lookup(
    kind: String,
    id: Option<i64>,
    #[server(default)] version: Option<i32>,
    input: LookupInput,
    #[server(default)] terms: Option<TermsInput>,
    active: Option<String>,
    copy_to_all: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{auth, context::server_context, lookup_store, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        let kind = kind_of(&kind)?;
        caller.require(kind.permission())?;
        lookup_store::save(
            &ctx.pool,
            &caller,
            kind,
            lookup_store::RowInput {
                id,
                version,
                input: &input,
                terms: terms.as_ref(),
                active: active.is_some(),
                copy_to_all: copy_to_all.is_some(),
            },
        )
        .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "delete_lookup", client = crate::api::client::AppClient)]
pub async fn delete_lookup(kind: String, id: i64) -> Result<(), AppError> {
    use crate::server::{auth, context::server_context, lookup_store, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        let kind = kind_of(&kind)?;
        caller.require(kind.permission())?;
        lookup_store::delete(&ctx.pool, &caller, kind, id).await
    })
    .await
}

/// Why the entry may not be deleted, if anything holds it: asked as the delete dialog opens, so
/// that it offers "Excluir" only for what a delete would take.
#[server(prefix = "/api", endpoint = "check_lookup_deletion", client = crate::api::client::AppClient)]
pub async fn check_lookup_deletion(kind: String, id: i64) -> Result<Option<String>, AppError> {
    use crate::server::{auth, context::server_context, lookup_deletion, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        let kind = kind_of(&kind)?;
        caller.require(kind.permission())?;
        lookup_deletion::check(&ctx.pool, &caller, kind, id).await
    })
    .await
}

/// The table's recent changes in the current company: who, when, field, old and new value.
#[server(prefix = "/api", endpoint = "lookup_history", client = crate::api::client::AppClient)]
pub async fn lookup_history(kind: String) -> Result<Vec<LookupChangeView>, AppError> {
    use crate::server::{auth, context::server_context, lookup_history_store, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        lookup_history_store::history(&ctx.pool, &caller, kind_of(&kind)?).await
    })
    .await
}

/// The current company's price lists and payment plans, for the list's set filters.
#[server(prefix = "/api", endpoint = "linked_options", client = crate::api::client::AppClient)]
pub async fn linked_options() -> Result<Vec<crate::customers::sales_types::TableChoices>, AppError>
{
    use crate::server::{auth, context::server_context, own_entries_store, respond::respond};
    respond(async move {
        let ctx = server_context()?;
        let caller = auth::require_caller(&ctx).await?;
        let kinds = rules::table_kind::LinkedKind::COMMERCIAL;
        Ok(
            own_entries_store::choices(&ctx.pool, caller.tenant_id, caller.company_id, &kinds)
                .await?,
        )
    })
    .await
}
