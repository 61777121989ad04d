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
        let headers = use_context::<http::request::Parts>().map(|parts| parts.headers);
        let (status, refusal) = answer_status(error, headers.as_ref());
        options.set_status(status);
        if let Some(refused_with) = refusal {
            options.insert_header(
                http::HeaderName::from_static(REFUSAL_STATUS_HEADER),
                refused_with,
            );
        }
        if let AppError::TooManyRequests { retry_after_secs } = error {
            if let Ok(value) = http::HeaderValue::from_str(&retry_after_secs.to_string()) {
                options.insert_header(http::header::RETRY_AFTER, value);
            }
        }
    }
}

/// The status to answer `error` with, and the value of the refusal-status header when there is
/// one: our own pages ask for an expected refusal as 200 with its status in a header (given
/// the request's `headers`), so the browser's console does not report a wrong CPF or a session
/// that ended as a failed load (api/client.rs).
pub fn answer_status(
    error: &AppError,
    headers: Option<&http::HeaderMap>,
) -> (StatusCode, Option<http::HeaderValue>) {
    let status =
        StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let in_body = headers.is_some_and(|h| h.contains_key(REFUSAL_IN_BODY_HEADER));
    if error.is_expected_refusal() && in_body {
        (
            StatusCode::OK,
            Some(http::HeaderValue::from(status.as_u16())),
        )
    } else {
        (status, None)
    }
}

/// Whether the request is an HTML form the browser posted itself (a page without WebAssembly):
/// it asks for a page back, which the server function's redirect gives it.
pub fn is_plain_form_post() -> bool {
    use_context::<http::request::Parts>().is_some_and(|parts| asks_for_a_page(&parts.headers))
}

/// Whether a request's `Accept` asks for an HTML page, as a browser's own form post does (our
/// pages' client asks for JSON).
pub fn asks_for_a_page(headers: &http::HeaderMap) -> bool {
    headers
        .get(http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"))
}
