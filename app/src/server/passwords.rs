//! Password hashing with argon2id. Hashing is CPU-bound, so it runs off the async workers.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use std::sync::OnceLock;

use crate::error::AppError;

pub fn hash_password(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| {
            tracing::error!(%error, "password hashing failed");
            AppError::Internal
        })
}

/// Checks a password against a stored hash. With no stored hash (unknown e-mail) it still
/// spends the same work on a fixed hash, so response time does not reveal which e-mails exist.
pub async fn verify_password(
    password: String,
    stored_hash: Option<String>,
) -> Result<bool, AppError> {
    tokio_blocking(move || {
        let (hash, known) = match stored_hash {
            Some(hash) => (hash, true),
            None => (decoy_hash().to_string(), false),
        };
        let parsed = PasswordHash::new(&hash).map_err(|error| {
            tracing::error!(%error, "stored password hash is malformed");
            AppError::Internal
        })?;
        let matches = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(known && matches)
    })
    .await
}

async fn tokio_blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    tokio::task::spawn_blocking(work).await.map_err(|error| {
        tracing::error!(%error, "password check task failed");
        AppError::Internal
    })?
}

/// An argon2id hash of a random secret, with the same parameters as real ones.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| {
        let secret = SaltString::generate(&mut OsRng);
        hash_password(secret.as_str()).unwrap_or_default()
    })
}
