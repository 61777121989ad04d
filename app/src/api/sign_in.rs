use leptos::prelude::*;

use crate::error::AppError;

/// Checks e-mail and password, opens a server-side session and sets its cookie.
/// An address that keeps failing is answered 429 until its burst ages out.
#[server(prefix = "/api", endpoint = "sign_in")]
pub async fn sign_in(email: String, password: String) -> Result<(), AppError> {
    use crate::server::{
        context::server_context, cookie, passwords, respond::respond, sessions, throttle,
    };
    use rules::sign_in::{gate, Gate};

    respond(async move {
        let ctx = server_context()?;
        if email.trim().is_empty() {
            return Err(AppError::field("email", "Informe o e-mail."));
        }
        if password.is_empty() {
            return Err(AppError::field("password", "Informe a senha."));
        }
        let address = client_address().await;
        let ages = throttle::failure_ages(&ctx.pool, &address, ctx.throttle.window_secs).await?;
        if let Gate::Closed { retry_after_secs } = gate(ctx.throttle, &ages) {
            return Err(AppError::TooManyRequests { retry_after_secs });
        }

        let account = sessions::find_account(&ctx.pool, &email).await?;
        let stored_hash = account.as_ref().map(|a| a.password_hash.clone());
        let valid = passwords::verify_password(password, stored_hash).await?;
        let account = match account {
            Some(account) if valid => account,
            _ => {
                throttle::record_failure(&ctx.pool, &address, ctx.throttle.window_secs).await?;
                return Err(AppError::BadCredentials);
            }
        };
        let Some(company_id) = account.first_company_id else {
            // A user with no company on their list has nowhere to act.
            return Err(AppError::Forbidden);
        };
        throttle::clear(&ctx.pool, &address).await?;
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
        leptos_axum::redirect("/");
        Ok(())
    })
    .await
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
