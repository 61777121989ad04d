//! No server function runs for a caller without a live session, except the few a signed-out
//! visitor needs. This holds by construction: the guarded set is every server function
//! registered, so one added later is covered without being listed anywhere. Each function
//! still checks its caller, tenant, company and permission itself; this only refuses early,
//! before the arguments are even decoded.

use std::collections::HashSet;
use std::sync::Arc;

use app::api::client::REFUSAL_STATUS_HEADER;
use app::error::AppError;
use app::server::cookie::session_from_cookies;
use app::server::respond::{answer_status, asks_for_a_page};
use app::server::sessions::hash_token;
use axum::body::Body;
use axum::http::{header, HeaderValue, Method, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::server_fn::error::FromServerFnError;
use sqlx::PgPool;

/// Server functions a signed-out visitor may call: signing in, asking whether one is signed
/// in, and signing out (harmless without a session).
pub const PUBLIC_SERVER_FNS: &[&str] = &["/api/get_session", "/api/sign_in", "/api/sign_out"];

#[derive(Clone)]
pub struct SessionGuard {
    pool: PgPool,
    secure_cookies: bool,
    guarded: Arc<HashSet<&'static str>>,
}

impl SessionGuard {
    pub fn new(pool: PgPool, secure_cookies: bool) -> Self {
        let guarded = leptos::server_fn::axum::server_fn_paths()
            .map(|(path, _)| path)
            .filter(|path| !PUBLIC_SERVER_FNS.contains(path))
            .collect();
        Self {
            pool,
            secure_cookies,
            guarded: Arc::new(guarded),
        }
    }

    /// Whether a call to `path` needs a session.
    pub fn guards(&self, path: &str) -> bool {
        self.guarded.contains(path)
    }
}

pub async fn require_session(guard: SessionGuard, req: Request<Body>, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || !guard.guards(req.uri().path()) {
        return next.run(req).await;
    }
    let Some((tenant_id, token)) = session_from_cookies(req.headers(), guard.secure_cookies) else {
        return refuse(&req, AppError::Unauthenticated);
    };
    let live: Result<bool, sqlx::Error> = sqlx::query_scalar(
        "select exists (select 1 from sessions
                         where tenant_id = $1 and token_hash = $2 and expires_at > now())",
    )
    .bind(tenant_id)
    .bind(hash_token(&token))
    .fetch_one(&guard.pool)
    .await;
    match live {
        Ok(true) => next.run(req).await,
        Ok(false) => refuse(&req, AppError::Unauthenticated),
        Err(error) => {
            tracing::error!(%error, "session check failed");
            refuse(&req, AppError::Internal)
        }
    }
}

/// The refusal as a server function would give it: the error JSON-encoded with its status, so
/// our pages decode it; a plain HTML form post is sent to the sign-in page instead.
fn refuse(req: &Request<Body>, error: AppError) -> Response {
    if asks_for_a_page(req.headers()) && error == AppError::Unauthenticated {
        return (StatusCode::FOUND, [(header::LOCATION, "/entrar")]).into_response();
    }
    let (status, refusal) = answer_status(&error, Some(req.headers()));
    let mut response = (status, error.ser()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Some(refused_with) = refusal {
        response
            .headers_mut()
            .insert(REFUSAL_STATUS_HEADER, refused_with);
    }
    response
}
