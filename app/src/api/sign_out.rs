use leptos::prelude::*;

use crate::error::AppError;

/// Ends the session on the server and clears its cookie. The session the cookie names is
/// deleted whatever else is wrong with the caller (its company left the user's list, the
/// user was deactivated…): a refused caller signing out must not leave a live session behind.
#[server(prefix = "/api", endpoint = "sign_out", client = crate::api::client::AppClient)]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::server::{context::server_context, cookie, respond::respond, sessions};

    respond(async move {
        let ctx = server_context()?;
        let named = use_context::<http::request::Parts>()
            .and_then(|parts| cookie::session_from_headers(&parts));
        if let Some((tenant_id, token)) = named {
            sessions::delete(&ctx.pool, tenant_id, &token).await?;
        }
        cookie::set_cookie(&cookie::clear_cookie_value(ctx.secure_cookies));
        leptos_axum::redirect("/entrar");
        Ok(())
    })
    .await
}
