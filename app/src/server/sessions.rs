//! Server-side sessions in PostgreSQL. The browser holds a random token; the table holds
//! its SHA-256 only.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};
use sqlx::PgPool;

use crate::session::CompanyOption;

pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn hash_token(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// One session with its user, profile and permissions, read in one statement.
#[derive(Debug, Clone)]
pub struct SessionRow {
    pub tenant_id: i64,
    pub user_id: i64,
    pub company_id: i64,
    pub expires_at: DateTime<Utc>,
    pub user_name: String,
    pub email: String,
    pub profile_name: String,
    pub permissions: Vec<String>,
    /// False when the session's company was taken off the user's list after sign-in.
    pub company_allowed: bool,
}

pub async fn create(
    pool: &PgPool,
    tenant_id: i64,
    user_id: i64,
    company_id: i64,
    ttl_secs: i64,
) -> Result<String, sqlx::Error> {
    let token = new_token();
    sqlx::query!(
        "insert into sessions (tenant_id, token_hash, user_id, company_id, expires_at)
         values ($1, $2, $3, $4, now() + make_interval(secs => $5))",
        tenant_id,
        hash_token(&token),
        user_id,
        company_id,
        ttl_secs as f64,
    )
    .execute(pool)
    .await?;
    Ok(token)
}

pub async fn load(
    pool: &PgPool,
    tenant_id: i64,
    token: &str,
) -> Result<Option<SessionRow>, sqlx::Error> {
    sqlx::query_as!(
        SessionRow,
        r#"select s.tenant_id, s.user_id, s.company_id, s.expires_at,
                  u.name as user_name, u.email, p.name as profile_name,
                  array(select pp.permission from profile_permissions pp
                        where pp.tenant_id = s.tenant_id and pp.profile_id = u.profile_id
                        order by pp.permission) as "permissions!",
                  exists(select 1 from user_companies uc
                         where uc.tenant_id = s.tenant_id and uc.user_id = s.user_id
                           and uc.company_id = s.company_id) as "company_allowed!"
           from sessions s
           join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
           join profiles p on p.tenant_id = u.tenant_id and p.id = u.profile_id
           where s.tenant_id = $1 and s.token_hash = $2 and u.active"#,
        tenant_id,
        hash_token(token),
    )
    .fetch_optional(pool)
    .await
}

pub async fn delete(pool: &PgPool, tenant_id: i64, token: &str) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "delete from sessions where tenant_id = $1 and token_hash = $2",
        tenant_id,
        hash_token(token),
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// Deletes sessions that expired, of every tenant, a slice at a time so that no statement
/// runs long. Returns how many went.
pub async fn delete_expired(pool: &PgPool) -> Result<u64, sqlx::Error> {
    const SLICE: i64 = 10_000;
    let mut deleted = 0;
    loop {
        let slice = sqlx::query(
            "delete from sessions
             where (tenant_id, token_hash) in (
                 select tenant_id, token_hash from sessions
                 where expires_at <= now()
                 limit $1
                 for update skip locked)",
        )
        .bind(SLICE)
        .execute(pool)
        .await?
        .rows_affected();
        deleted += slice;
        if slice < SLICE as u64 {
            return Ok(deleted);
        }
    }
}

/// Moves the session to another company, only if that company is on the user's list.
/// Returns false (and changes nothing) otherwise.
pub async fn switch_company(
    pool: &PgPool,
    tenant_id: i64,
    token: &str,
    company_id: i64,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query!(
        "update sessions s set company_id = $3
         where s.tenant_id = $1 and s.token_hash = $2
           and exists (select 1 from user_companies uc
                       where uc.tenant_id = $1 and uc.user_id = s.user_id and uc.company_id = $3)",
        tenant_id,
        hash_token(token),
        company_id,
    )
    .execute(pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn user_companies(
    pool: &PgPool,
    tenant_id: i64,
    user_id: i64,
) -> Result<Vec<CompanyOption>, sqlx::Error> {
    sqlx::query_as!(
        CompanyOption,
        "select c.id, c.code, c.trade_name as name
         from user_companies uc
         join companies c on c.tenant_id = uc.tenant_id and c.id = uc.company_id
         where uc.tenant_id = $1 and uc.user_id = $2
         order by c.code",
        tenant_id,
        user_id,
    )
    .fetch_all(pool)
    .await
}

/// The account behind a sign-in e-mail, with the company a new session starts in.
pub struct SignInAccount {
    pub tenant_id: i64,
    pub user_id: i64,
    pub password_hash: String,
    pub first_company_id: Option<i64>,
}

pub async fn find_account(
    pool: &PgPool,
    email: &str,
) -> Result<Option<SignInAccount>, sqlx::Error> {
    sqlx::query_as!(
        SignInAccount,
        r#"select u.tenant_id, u.id as user_id, u.password_hash,
                  (select uc.company_id from user_companies uc
                   join companies c on c.tenant_id = uc.tenant_id and c.id = uc.company_id
                   where uc.tenant_id = u.tenant_id and uc.user_id = u.id
                   order by c.code limit 1) as first_company_id
           from users u
           where lower(u.email) = lower($1) and u.active"#,
        email.trim(),
    )
    .fetch_optional(pool)
    .await
}
