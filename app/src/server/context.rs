use leptos::prelude::use_context;
use rules::sign_in::ThrottlePolicy;
use sqlx::PgPool;

use super::passwords::PasswordChecks;
use super::timeouts;
use crate::error::AppError;

/// What every server function may need from the running server, provided as Leptos context.
#[derive(Clone, Debug)]
pub struct ServerContext {
    pub pool: PgPool,
    /// Adds `Secure` to the session cookie; on when the app is served over https.
    pub secure_cookies: bool,
    pub throttle: ThrottlePolicy,
    pub session_ttl_secs: i64,
    /// Password checks this process runs at once; beyond them sign-in answers "busy".
    pub password_checks: PasswordChecks,
}

pub fn server_context() -> Result<ServerContext, AppError> {
    use_context::<ServerContext>().ok_or_else(|| {
        tracing::error!("ServerContext missing from the server function context");
        AppError::Internal
    })
}

impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        // The text stays in the log: it may name tables, constraints or values.
        if timeouts::is_busy(&error) {
            // Load, not a fault: the request gave up waiting and changed nothing.
            tracing::warn!(%error, "database busy");
            return AppError::Busy;
        }
        tracing::error!(%error, "database error");
        AppError::Internal
    }
}
