//! Password hashing with argon2id. Hashing is CPU-bound, so it runs off the async workers,
//! and each check holds ~19 MiB: a process checks at most a fixed number at once.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

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

/// The cap on password checks running at once in this process. Beyond it a sign-in is
/// answered "busy" at once instead of queueing: a queue of checks would grow memory without
/// bound under a flood of sign-ins. Clones share one count.
#[derive(Clone, Debug)]
pub struct PasswordChecks {
    limit: usize,
    running: Arc<AtomicUsize>,
}

impl PasswordChecks {
    pub fn new(limit: usize) -> Self {
        Self {
            limit,
            running: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// Two per CPU: enough to keep the CPUs busy, a few dozen MiB at most.
    pub fn default_limit() -> usize {
        std::thread::available_parallelism()
            .map(|cpus| cpus.get() * 2)
            .unwrap_or(4)
            .clamp(2, 32)
    }

    pub fn limit(&self) -> usize {
        self.limit
    }

    /// A place for one check, or `None` when all are taken.
    pub fn try_acquire(&self) -> Option<PasswordCheckPermit> {
        self.running
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |running| {
                (running < self.limit).then_some(running + 1)
            })
            .ok()
            .map(|_| PasswordCheckPermit {
                running: Arc::clone(&self.running),
            })
    }
}

/// One running password check; its place is given back when this is dropped.
#[derive(Debug)]
pub struct PasswordCheckPermit {
    running: Arc<AtomicUsize>,
}

impl Drop for PasswordCheckPermit {
    fn drop(&mut self) {
        self.running.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Checks a password against a stored hash. With no stored hash (unknown e-mail) it still
/// spends the same work on a fixed hash, so response time does not reveal which e-mails exist.
/// The permit is held until the hashing itself ends, even if the request is abandoned.
pub async fn verify_password(
    permit: PasswordCheckPermit,
    password: String,
    stored_hash: Option<String>,
) -> Result<bool, AppError> {
    tokio_blocking(move || {
        let _permit = permit;
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
