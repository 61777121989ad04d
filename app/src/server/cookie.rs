//! The session cookie: `clientela_session=<tenant_id>.<token>`, HttpOnly, SameSite=Lax.
//! Served over https it is `__Host-clientela_session` and `Secure`: the prefix makes the
//! browser refuse one set by a sibling subdomain or over plain http (cookie tossing).

use http::request::Parts;
use http::HeaderMap;
use leptos::prelude::use_context;

use super::context::ServerContext;

pub const SESSION_COOKIE: &str = "clientela_session";
pub const SECURE_SESSION_COOKIE: &str = "__Host-clientela_session";

/// The cookie's name in force: the `__Host-` one whenever cookies are `Secure`.
pub fn cookie_name(secure: bool) -> &'static str {
    if secure {
        SECURE_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}

/// The (tenant, token) pair carried by the request's session cookie, if well formed. Only
/// the name in force counts: over https a plain `clientela_session` may have been planted.
pub fn session_from_headers(parts: &Parts) -> Option<(i64, String)> {
    let secure = use_context::<ServerContext>().is_some_and(|ctx| ctx.secure_cookies);
    session_from_cookies(&parts.headers, secure)
}

/// As [`session_from_headers`], for code outside a server function (the server's layers).
pub fn session_from_cookies(headers: &HeaderMap, secure: bool) -> Option<(i64, String)> {
    let name = cookie_name(secure);
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|header| header.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(found, _)| *found == name)
        .and_then(|(_, value)| {
            let (tenant, token) = value.split_once('.')?;
            Some((tenant.parse().ok()?, token.to_string()))
        })
}

/// `__Host-` demands `Secure`, `Path=/` and no `Domain`: all three hold here.
pub fn set_cookie_value(tenant_id: i64, token: &str, max_age_secs: i64, secure: bool) -> String {
    format!(
        "{}={tenant_id}.{token}; Path=/; Max-Age={max_age_secs}; HttpOnly; SameSite=Lax{}",
        cookie_name(secure),
        if secure { "; Secure" } else { "" }
    )
}

pub fn clear_cookie_value(secure: bool) -> String {
    format!(
        "{}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{}",
        cookie_name(secure),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn cookies(value: &str) -> HeaderMap {
        let mut map = HeaderMap::new();
        map.insert(http::header::COOKIE, value.parse().unwrap());
        map
    }

    #[test]
    fn over_https_the_cookie_is_host_prefixed_and_secure() {
        let value = set_cookie_value(7, "tok", 60, true);
        assert!(value.starts_with("__Host-clientela_session=7.tok; Path=/;"));
        assert!(value.ends_with("; Secure"));
        assert!(!value.contains("Domain"));
        let plain = set_cookie_value(7, "tok", 60, false);
        assert!(plain.starts_with("clientela_session=7.tok;"));
        assert!(!plain.contains("Secure"));
    }

    #[test]
    fn only_the_cookie_name_in_force_is_read() {
        let both = cookies("clientela_session=1.planted; __Host-clientela_session=2.real");
        assert_eq!(session_from_cookies(&both, true), Some((2, "real".into())));
        assert_eq!(
            session_from_cookies(&both, false),
            Some((1, "planted".into()))
        );
        let planted = cookies("clientela_session=1.planted");
        assert_eq!(session_from_cookies(&planted, true), None);
    }
}
