//! The session cookie: `clientela_session=<tenant_id>.<token>`, HttpOnly, SameSite=Lax.

use http::request::Parts;

pub const SESSION_COOKIE: &str = "clientela_session";

/// The (tenant, token) pair carried by the request's session cookie, if well formed.
pub fn session_from_headers(parts: &Parts) -> Option<(i64, String)> {
    parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|header| header.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .and_then(|(_, value)| {
            let (tenant, token) = value.split_once('.')?;
            Some((tenant.parse().ok()?, token.to_string()))
        })
}

pub fn set_cookie_value(tenant_id: i64, token: &str, max_age_secs: i64, secure: bool) -> String {
    format!(
        "{SESSION_COOKIE}={tenant_id}.{token}; Path=/; Max-Age={max_age_secs}; HttpOnly; SameSite=Lax{}",
        if secure { "; Secure" } else { "" }
    )
}

pub fn clear_cookie_value(secure: bool) -> String {
    format!(
        "{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{}",
        if secure { "; Secure" } else { "" }
    )
}

/// Adds a `Set-Cookie` header to the server function's response.
pub fn set_cookie(value: &str) {
    if let (Some(options), Ok(value)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(value),
    ) {
        options.append_header(http::header::SET_COOKIE, value);
    }
}
