//! Who is calling: every server function starts here. A call is served only for a live
//! session, in a company on the user's list, with the permission the operation needs.

use chrono::Utc;
use http::request::Parts;
use leptos::prelude::use_context;
use rules::permission::Permission;
use sqlx::PgPool;

use super::context::ServerContext;
use super::cookie::session_from_headers;
use super::sessions;
use crate::error::AppError;

/// The caller of one server function: tenant, user and the company they act in.
#[derive(Debug, Clone)]
pub struct Caller {
    pub tenant_id: i64,
    pub user_id: i64,
    pub company_id: i64,
    pub user_name: String,
    pub email: String,
    pub profile_name: String,
    pub permissions: Vec<Permission>,
    token: String,
}

impl Caller {
    /// Refuses the call unless the user's profile grants `permission` (R-PERM-1).
    pub fn require(&self, permission: Permission) -> Result<(), AppError> {
        if self.permissions.contains(&permission) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    pub fn token(&self) -> &str {
        &self.token
    }

    /// A caller outside any request, for command-line tools (benchmarks) that drive the same
    /// store code the server functions do. It has no session token.
    pub fn for_tool(
        tenant_id: i64,
        user_id: i64,
        company_id: i64,
        user_name: &str,
        permissions: Vec<Permission>,
    ) -> Self {
        Self {
            tenant_id,
            user_id,
            company_id,
            user_name: user_name.to_string(),
            email: String::new(),
            profile_name: String::new(),
            permissions,
            token: String::new(),
        }
    }
}

/// The caller behind the request's session cookie; `None` without a live session.
/// A session whose company was taken off the user's list is refused outright.
pub async fn optional_caller(ctx: &ServerContext) -> Result<Option<Caller>, AppError> {
    let Some(parts) = use_context::<Parts>() else {
        return Ok(None);
    };
    caller_of_request(&ctx.pool, &parts).await
}

/// The caller behind a request's session cookie, for plain HTTP handlers (downloads) as well
/// as server functions.
pub async fn caller_of_request(pool: &PgPool, parts: &Parts) -> Result<Option<Caller>, AppError> {
    let Some((tenant_id, token)) = session_from_headers(parts) else {
        return Ok(None);
    };
    let Some(row) = sessions::load(pool, tenant_id, &token).await? else {
        return Ok(None);
    };
    if row.expires_at <= Utc::now() {
        sessions::delete(pool, tenant_id, &token).await?;
        return Ok(None);
    }
    if !row.company_allowed {
        return Err(AppError::Forbidden);
    }
    let mut permissions: Vec<Permission> = row
        .permissions
        .iter()
        .filter_map(|code| Permission::from_code(code))
        .collect();
    permissions.sort();
    Ok(Some(Caller {
        tenant_id: row.tenant_id,
        user_id: row.user_id,
        company_id: row.company_id,
        user_name: row.user_name,
        email: row.email,
        profile_name: row.profile_name,
        permissions,
        token,
    }))
}

pub async fn require_caller(ctx: &ServerContext) -> Result<Caller, AppError> {
    optional_caller(ctx).await?.ok_or(AppError::Unauthenticated)
}
