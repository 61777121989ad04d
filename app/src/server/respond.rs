use std::future::Future;

use http::StatusCode;
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

use crate::api::client::{REFUSAL_IN_BODY_HEADER, REFUSAL_STATUS_HEADER};
use crate::error::AppError;

/// Runs a server function's body and gives a failure its HTTP status (401, 403, 429 …), so
/// that clients other than our own pages can tell a refusal from a crash.
pub async fn respond<T>(body: impl Future<Output = Result<T, AppError>>) -> Result<T, AppError> {
    let result = body.await;
    if let Err(error) = &result {
        give_status(error);
    }
    result
}

/// Sets the response's status (and `Retry-After`) for `error`. Also called for a request
/// refused before any body runs, while its arguments are decoded (a malformed request: 400).
pub fn give_status(error: &AppError) {
    // A plain HTML form post (no WebAssembly yet) is sent back to its page by a redirect;
    // an error status would replace that redirect with a bare error body.
    if is_plain_form_post() {
        return;
    }
    if let Some(options) = use_context::<ResponseOptions>() {
        let status =
            StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        // Our own pages ask for an expected refusal as 200 + its status in a header, so the
        // browser's console does not report a wrong CPF as a failed load (api/client.rs).
        if error.is_expected_refusal() && asks_refusal_in_body() {
            options.set_status(StatusCode::OK);
            options.insert_header(
                http::HeaderName::from_static(REFUSAL_STATUS_HEADER),
                http::HeaderValue::from(status.as_u16()),
            );
            return;
        }
        options.set_status(status);
        if let AppError::TooManyRequests { retry_after_secs } = error {
            if let Ok(value) = http::HeaderValue::from_str(&retry_after_secs.to_string()) {
                options.insert_header(http::header::RETRY_AFTER, value);
            }
        }
    }
}

/// Whether the request is an HTML form the browser posted itself (a page without WebAssembly):
/// it asks for a page back, which the server function's redirect gives it.
pub fn is_plain_form_post() -> bool {
    use_context::<http::request::Parts>().is_some_and(|parts| {
        parts
            .headers
            .get(http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|accept| accept.contains("text/html"))
    })
}

/// Whether the request came from our pages' server-function client (`api/client.rs`).
fn asks_refusal_in_body() -> bool {
    use_context::<http::request::Parts>()
        .is_some_and(|parts| parts.headers.contains_key(REFUSAL_IN_BODY_HEADER))
}
