//! Cache-Control on every answer. cargo-leptos (`hash-files = true`) names the bundle
//! `clientela.<md5 in base64url>.wasm` and so on: such a name never changes content, so the
//! browser keeps it a year without asking again. Pages carry the signed-in user's customers
//! and change with every save: never stored (nor shown again from cache after sign-out).
//! Anything else (public files under their own name, server functions) is revalidated.

use axum::body::Body;
use axum::http::{header, HeaderValue, Request};
use axum::middleware::Next;
use axum::response::Response;

pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
pub const PAGE: &str = "no-store";
pub const REVALIDATE: &str = "no-cache";

/// Length of cargo-leptos's file hash: an MD5 digest in unpadded base64url.
const HASH_LEN: usize = 22;

pub async fn add_cache_control(req: Request<Body>, next: Next) -> Response {
    let hashed = is_hashed_asset(req.uri().path());
    let mut response = next.run(req).await;
    if response.headers().contains_key(header::CACHE_CONTROL) {
        return response;
    }
    let policy = if hashed && response.status().is_success() {
        IMMUTABLE
    } else if is_html(&response) {
        PAGE
    } else {
        REVALIDATE
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

/// Whether the answer is a page.
pub fn is_html(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"))
}

/// `/pkg/<name>.<hash>.<ext>`, as cargo-leptos writes hashed files (also the lazily loaded
/// parts of a split build, whose names it hashes the same way).
pub fn is_hashed_asset(path: &str) -> bool {
    let Some(file) = path.strip_prefix("/pkg/") else {
        return false;
    };
    if file.contains('/') {
        return false;
    }
    let mut parts = file.rsplit('.');
    let (Some(_ext), Some(hash), Some(stem)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    // `__wasm_split.______________________.js` is the placeholder of an unhashed build.
    !stem.is_empty()
        && hash.len() == HASH_LEN
        && hash.bytes().any(|b| b != b'_')
        && hash
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::is_hashed_asset;

    #[test]
    fn only_pkg_files_named_with_a_cargo_leptos_hash_are_immutable() {
        assert!(is_hashed_asset(
            "/pkg/clientela.G0b7fOkrZ_xv5Qd2-1lsYA.wasm"
        ));
        assert!(is_hashed_asset("/pkg/clientela.G0b7fOkrZ_xv5Qd2-1lsYA.js"));
        assert!(!is_hashed_asset("/pkg/clientela.wasm"));
        assert!(!is_hashed_asset("/pkg/clientela_bg.wasm"));
        assert!(!is_hashed_asset("/favicon.svg"));
        assert!(!is_hashed_asset("/clientes.G0b7fOkrZ_xv5Qd2-1lsYA.js"));
        assert!(!is_hashed_asset(
            "/pkg/a/clientela.G0b7fOkrZ_xv5Qd2-1lsYA.js"
        ));
        assert!(!is_hashed_asset("/pkg/clientela.G0b7fOkrZ_xv5Qd2-1ls.js"));
        assert!(!is_hashed_asset(
            "/pkg/__wasm_split.______________________.js"
        ));
    }
}
