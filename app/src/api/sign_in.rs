use leptos::prelude::*;

use crate::error::AppError;

/// Checks e-mail and password, opens a server-side session and sets its cookie.
/// An address or an account that keeps failing is answered 429 until its burst ages out;
/// when this process already runs as many password checks as it may, 503 at once.
#[server(prefix = "/api", endpoint = "sign_in", client = crate::api::client::AppClient)]
pub async fn sign_in(
    email: String,
    password: String,
    // The page asked for before signing in (`volta` on the sign-in page's address), gone on
    // to once signed in; only a path of this site is followed.
    #[server(default)] volta: Option<String>,
) -> Result<(), AppError> {
    use crate::pages::sign_in_address::{
        invalid_email, missing_email, missing_password, retry_path, return_path,
    };
    use crate::server::respond::{is_plain_form_post, respond};
    use crate::server::{context::server_context, cookie, sessions, throttle};
    use rules::sign_in::MAX_EMAIL_CHARS;

    let typed_email = email.clone();
    let asked = volta.clone();
    let result = respond(async move {
        let ctx = server_context()?;
        let email = email.trim();
        if email.is_empty() {
            return Err(missing_email());
        }
        if email.chars().count() > MAX_EMAIL_CHARS {
            return Err(invalid_email());
        }
        if password.is_empty() {
            return Err(missing_password());
        }
        let address = client_address().await;
        let attempt = throttle::reserve(&ctx.pool, &address, email, ctx.throttle).await?;
        let account = match check_password(&ctx, email, password).await {
            Ok(Some(account)) => {
                throttle::succeed(&ctx.pool, &attempt).await?;
                account
            }
            Ok(None) => {
                throttle::fail(&ctx.pool, &attempt).await?;
                return Err(AppError::BadCredentials);
            }
            Err(error) => {
                // The password was not checked: the attempt must not count.
                if let Err(release_error) = throttle::release(&ctx.pool, &attempt).await {
                    tracing::warn!(%release_error, "sign-in attempt not released");
                }
                return Err(error);
            }
        };
        let Some(company_id) = account.first_company_id else {
            // A user with no company on their list has nowhere to act.
            return Err(AppError::Forbidden);
        };
        let token = sessions::create(
            &ctx.pool,
            account.tenant_id,
            account.user_id,
            company_id,
            ctx.session_ttl_secs,
        )
        .await?;
        cookie::set_cookie(&cookie::set_cookie_value(
            account.tenant_id,
            &token,
            ctx.session_ttl_secs,
            ctx.secure_cookies,
        ));
        leptos_axum::redirect(volta.as_deref().and_then(return_path).unwrap_or("/"));
        Ok(())
    })
    .await;
    if let Err(error) = &result {
        // The page posted itself (it has no WebAssembly): back to it with the e-mail kept
        // and the refusal, where the default redirect would lose the e-mail.
        if is_plain_form_post() {
            leptos_axum::redirect(&retry_path(typed_email.trim(), error, asked.as_deref()));
        }
    }
    result
}

/// The account behind `email` if `password` is its password; `None` for a wrong password or
/// an unknown e-mail. `Busy` when every password-check place of this process is taken.
#[cfg(feature = "ssr")]
async fn check_password(
    ctx: &crate::server::context::ServerContext,
    email: &str,
    password: String,
) -> Result<Option<crate::server::sessions::SignInAccount>, AppError> {
    use crate::server::{passwords, sessions};

    let account = sessions::find_account(&ctx.pool, email).await?;
    let permit = ctx.password_checks.try_acquire().ok_or_else(|| {
        tracing::warn!("password checks at their cap: sign-in answered busy");
        AppError::Busy
    })?;
    let stored_hash = account.as_ref().map(|a| a.password_hash.clone());
    let valid = passwords::verify_password(permit, password, stored_hash).await?;
    Ok(account.filter(|_| valid))
}

#[cfg(feature = "ssr")]
async fn client_address() -> String {
    use axum::extract::ConnectInfo;
    use std::net::SocketAddr;
    match leptos_axum::extract::<ConnectInfo<SocketAddr>>().await {
        Ok(ConnectInfo(addr)) => addr.ip().to_string(),
        Err(_) => "unknown".to_string(),
    }
}
