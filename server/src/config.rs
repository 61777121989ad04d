use std::env;

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
        let max_connections = env::var("CLIENTELA_DB_CONNECTIONS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(16);
        Ok(Self {
            database_url,
            public_origin,
            seed_demo,
            max_connections,
        })
    }

    pub fn secure_cookies(&self) -> bool {
        self.public_origin
            .as_deref()
            .is_some_and(|origin| origin.starts_with("https://"))
    }
}
