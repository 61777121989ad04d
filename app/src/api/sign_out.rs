use leptos::prelude::*;

use crate::error::AppError;

/// Ends the session on the server and clears its cookie.
#[server(prefix = "/api", endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::server::{auth, context::server_context, cookie, respond::respond, sessions};

    respond(async move {
        let ctx = server_context()?;
        if let Ok(Some(caller)) = auth::optional_caller(&ctx).await {
            sessions::delete(&ctx.pool, caller.tenant_id, caller.token()).await?;
        }
        cookie::set_cookie(&cookie::clear_cookie_value(ctx.secure_cookies));
        leptos_axum::redirect("/entrar");
        Ok(())
    })
    .await
}
