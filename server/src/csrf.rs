//! Cross-site request forgery guard. Leptos server functions have none of their own, so
//! every request that may change something must come from a page of this app.

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Where the app's own pages are served from. Without a configured public origin (a proxy
/// in front), the request's own `Host` is the reference.
#[derive(Clone, Debug, Default)]
pub struct CsrfPolicy {
    pub public_origin: Option<String>,
}

impl CsrfPolicy {
    /// Whether the app's public origin is https: the session cookie is then `Secure` and
    /// `__Host-` prefixed, and responses carry HSTS.
    pub fn is_https(&self) -> bool {
        self.public_origin
            .as_deref()
            .is_some_and(|origin| origin.starts_with("https://"))
    }
}

pub async fn reject_cross_origin(policy: CsrfPolicy, req: Request<Body>, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && !same_origin(&policy, req.headers()) {
        tracing::warn!(path = %req.uri().path(), "refused a request from a foreign origin");
        return (StatusCode::FORBIDDEN, "Origem da requisição não permitida.").into_response();
    }
    next.run(req).await
}

/// True when the request's `Origin` (or, lacking it, its `Referer`) is the app itself.
/// A request with neither is refused: browsers send `Origin` on every POST.
fn same_origin(policy: &CsrfPolicy, headers: &HeaderMap) -> bool {
    let claimed = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|value| value.to_str().ok());
    let Some(claimed) = claimed else {
        return false;
    };
    match &policy.public_origin {
        Some(public) => origin_of(claimed) == Some(public.trim_end_matches('/')),
        None => {
            let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
            match (origin_of(claimed), host) {
                (Some(origin), Some(host)) => authority_of(origin) == Some(host),
                _ => false,
            }
        }
    }
}

/// `scheme://authority` of a URL, without path, query or fragment.
fn origin_of(url: &str) -> Option<&str> {
    let scheme_end = url.find("://")? + 3;
    let rest = &url[scheme_end..];
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let origin = &url[..scheme_end + end];
    (end > 0 && (url.starts_with("http://") || url.starts_with("https://"))).then_some(origin)
}

fn authority_of(origin: &str) -> Option<&str> {
    origin.split_once("://").map(|(_, authority)| authority)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(name.clone(), value.parse().unwrap());
        }
        map
    }

    #[test]
    fn origin_equal_to_host_passes() {
        let h = headers(&[
            (header::HOST, "127.0.0.1:3000"),
            (header::ORIGIN, "http://127.0.0.1:3000"),
        ]);
        assert!(same_origin(&CsrfPolicy::default(), &h));
    }

    #[test]
    fn foreign_origin_or_none_is_refused() {
        let policy = CsrfPolicy::default();
        let foreign = headers(&[
            (header::HOST, "127.0.0.1:3000"),
            (header::ORIGIN, "http://evil.example"),
        ]);
        assert!(!same_origin(&policy, &foreign));
        let lookalike = headers(&[
            (header::HOST, "127.0.0.1:3000"),
            (header::ORIGIN, "http://127.0.0.1:3000.evil.example"),
        ]);
        assert!(!same_origin(&policy, &lookalike));
        let none = headers(&[(header::HOST, "127.0.0.1:3000")]);
        assert!(!same_origin(&policy, &none));
        let opaque = headers(&[(header::HOST, "127.0.0.1:3000"), (header::ORIGIN, "null")]);
        assert!(!same_origin(&policy, &opaque));
    }

    #[test]
    fn referer_stands_in_for_a_missing_origin() {
        let h = headers(&[
            (header::HOST, "app.local"),
            (header::REFERER, "https://app.local/entrar?x=1"),
        ]);
        assert!(same_origin(&CsrfPolicy::default(), &h));
    }

    #[test]
    fn configured_public_origin_wins_over_host() {
        let policy = CsrfPolicy {
            public_origin: Some("https://erp.example.com".into()),
        };
        let proxied = headers(&[
            (header::HOST, "10.0.0.5:3000"),
            (header::ORIGIN, "https://erp.example.com"),
        ]);
        assert!(same_origin(&policy, &proxied));
        let http = headers(&[
            (header::HOST, "erp.example.com"),
            (header::ORIGIN, "http://erp.example.com"),
        ]);
        assert!(!same_origin(&policy, &http));
    }
}
