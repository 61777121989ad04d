//! Security headers on every response. The Content-Security-Policy admits only the app's
//! own scripts: files from this origin, and the inline hydration and resource scripts Leptos
//! writes into a page, which carry a nonce drawn afresh for each response.

use axum::body::Body;
use axum::http::{header, HeaderName, HeaderValue, Request};
use axum::middleware::Next;
use axum::response::Response;
use http::request::Parts;
use leptos::nonce::Nonce;
use leptos::prelude::{provide_context, use_context};

#[derive(Clone, Debug, Default)]
pub struct SecurityHeaders {
    /// Served over https (the public origin says so): add HSTS.
    pub https: bool,
    /// cargo-leptos watch mode: the reload script's websocket on this port is allowed.
    pub dev_reload_port: Option<u32>,
}

impl SecurityHeaders {
    /// The policy for a response whose inline scripts carry `nonce`.
    pub fn content_security_policy(&self, nonce: &str) -> String {
        let connect = match self.dev_reload_port {
            Some(port) => format!("'self' ws://*:{port} wss://*:{port}"),
            None => "'self'".to_string(),
        };
        // 'wasm-unsafe-eval' lets the page compile WebAssembly; it allows no JS eval.
        format!(
            "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
             style-src 'self'; img-src 'self' data:; connect-src {connect}; \
             object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
        )
    }
}

pub async fn add_security_headers(
    policy: SecurityHeaders,
    mut req: Request<Body>,
    next: Next,
) -> Response {
    let nonce = Nonce::new();
    req.extensions_mut().insert(nonce.clone());
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    let mut set = |name: HeaderName, value: &str| {
        if let Ok(value) = HeaderValue::from_str(value) {
            headers.insert(name, value);
        }
    };
    set(
        header::CONTENT_SECURITY_POLICY,
        &policy.content_security_policy(&nonce),
    );
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::X_FRAME_OPTIONS, "DENY");
    set(header::REFERRER_POLICY, "same-origin");
    if policy.https {
        set(header::STRICT_TRANSPORT_SECURITY, "max-age=31536000");
    }
    response
}

/// Hands the response's nonce to the Leptos context of the request being rendered, in place
/// of the one leptos_axum drew, so the scripts in the page match the header. Called from the
/// context closure of the Leptos routes and of the fallback.
pub fn provide_request_nonce() {
    let nonce = use_context::<Parts>().and_then(|parts| parts.extensions.get::<Nonce>().cloned());
    if let Some(nonce) = nonce {
        provide_context(nonce);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_names_the_nonce_and_allows_no_inline_script_otherwise() {
        let csp = SecurityHeaders::default().content_security_policy("abc");
        assert!(csp.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval';"));
        assert!(!csp.contains("unsafe-inline"));
        assert!(csp.contains("frame-ancestors 'none'"));
        assert!(csp.contains("connect-src 'self';"));
    }

    #[test]
    fn watch_mode_allows_the_reload_websocket_only() {
        let policy = SecurityHeaders {
            https: false,
            dev_reload_port: Some(3001),
        };
        let csp = policy.content_security_policy("abc");
        assert!(csp.contains("connect-src 'self' ws://*:3001 wss://*:3001;"));
    }
}
