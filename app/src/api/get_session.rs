use leptos::prelude::*;

use crate::error::AppError;
use crate::session::SessionView;

/// The signed-in user, or `None` when nobody is (the screens then show the sign-in page).
#[server(prefix = "/api", endpoint = "get_session", client = crate::api::client::AppClient)]
pub async fn get_session() -> Result<Option<SessionView>, AppError> {
    use crate::server::{auth, context::server_context, respond::respond, sessions};
    respond(async move {
        let ctx = server_context()?;
        let Some(caller) = auth::optional_caller(&ctx).await? else {
            return Ok(None);
        };
        let companies =
            sessions::user_companies(&ctx.pool, caller.tenant_id, caller.user_id).await?;
        Ok(Some(SessionView {
            user_name: caller.user_name,
            email: caller.email,
            profile_name: caller.profile_name,
            permissions: caller.permissions,
            companies,
            current_company_id: caller.company_id,
        }))
    })
    .await
}
