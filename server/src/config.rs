use std::env;
use std::time::Duration;

use app::server::passwords::PasswordChecks;
use app::server::timeouts::DbTimeouts;

/// Settings read from the environment at start-up.
#[derive(Clone, Debug)]
pub struct Config {
    pub database_url: String,
    /// `https://erp.example.com` when served behind a proxy; decides the CSRF reference and
    /// whether the session cookie is `Secure`.
    pub public_origin: Option<String>,
    /// Load the demo tenant if it is not there yet.
    pub seed_demo: bool,
    pub max_connections: u32,
    /// `CLIENTELA_LOCK_TIMEOUT_MS` / `CLIENTELA_STATEMENT_TIMEOUT_MS`: how long a request may
    /// wait for a lock / run one statement before it is answered "busy".
    pub timeouts: DbTimeouts,
    /// `CLIENTELA_PASSWORD_CHECKS`: password checks run at once (each holds ~19 MiB).
    pub password_checks: usize,
}

impl Config {
    pub fn from_env() -> Result<Self, String> {
        let database_url = env::var("DATABASE_URL").map_err(|_| {
            "DATABASE_URL não definida (use o comando de execução do README)".to_string()
        })?;
        let public_origin = env::var("CLIENTELA_PUBLIC_ORIGIN")
            .ok()
            .filter(|v| !v.is_empty());
        let seed_demo = env::var("CLIENTELA_DEMO_SEED").is_ok_and(|v| v == "1");
        let max_connections = number("CLIENTELA_DB_CONNECTIONS").unwrap_or(16);
        let defaults = DbTimeouts::default();
        let timeouts = DbTimeouts {
            lock: number("CLIENTELA_LOCK_TIMEOUT_MS")
                .map(Duration::from_millis)
                .unwrap_or(defaults.lock),
            statement: number("CLIENTELA_STATEMENT_TIMEOUT_MS")
                .map(Duration::from_millis)
                .unwrap_or(defaults.statement),
        };
        let password_checks = number("CLIENTELA_PASSWORD_CHECKS")
            .filter(|n| *n > 0)
            .unwrap_or_else(PasswordChecks::default_limit);
        Ok(Self {
            database_url,
            public_origin,
            seed_demo,
            max_connections,
            timeouts,
            password_checks,
        })
    }

    pub fn secure_cookies(&self) -> bool {
        self.public_origin
            .as_deref()
            .is_some_and(|origin| origin.starts_with("https://"))
    }
}

fn number<T: std::str::FromStr>(name: &str) -> Option<T> {
    env::var(name).ok().and_then(|v| v.trim().parse().ok())
}
