//! Clientela server binary. `server` serves the app; `server seed --customers N` fills the
//! database for benchmarks; `server bench-list` times the customer list at 500,000 customers;
//! `server bench-bulk` times "alter all" on 100,000 of 1,000,000 customers; `server bench-finance`
//! times the list's credit column over 5,000,000 receivables.

mod report_downloads;
mod statement_pdf;

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use app::server::context::ServerContext;
use app::server::passwords::PasswordChecks;
use app::server::{purge, timeouts};
use leptos::config::get_configuration;
use rules::sign_in::{ThrottlePolicy, SESSION_TTL_SECS};
use server::config::Config;
use server::csrf::CsrfPolicy;
use server::{build_app_with, cities, search_names, seed, AppState};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};

/// How often expired sessions and old sign-in attempts are deleted.
const PURGE_EVERY: Duration = Duration::from_secs(10 * 60);

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .init();
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("clientela: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let config = Config::from_env()?;
    let connect_options: PgConnectOptions = config.database_url.parse()?;
    // Start-up work and the command-line tools legitimately run long statements (migrations,
    // seeding a million customers): a pool of their own, without the requests' time limits.
    let pool = PgPoolOptions::new()
        .max_connections(config.max_connections)
        .acquire_timeout(Duration::from_secs(5))
        .connect_with(connect_options.clone())
        .await?;
    sqlx::migrate!("../migrations").run(&pool).await?;
    let added = cities::ensure_loaded(&pool).await?;
    search_names::backfill(&pool).await?;
    if added > 0 {
        tracing::info!(added, "IBGE municipalities loaded");
    }

    match args.first().map(String::as_str) {
        None => {}
        Some("seed") => return seed::cli::run(&pool, &args[1..]).await,
        Some("bench-list") => return server::list_bench::run(&pool, &args[1..]).await,
        Some("bench-bulk") => return server::bulk_bench::run(&pool, &args[1..]).await,
        Some("bench-finance") => return server::finance_bench::run(&pool, &args[1..]).await,
        Some(other) => return Err(format!("comando desconhecido: {other}").into()),
    }

    if config.seed_demo && seed::demo::ensure_demo(&pool).await?.is_some() {
        tracing::info!("demo tenant loaded");
    }

    // Requests get the pool with time limits.
    pool.close().await;
    let pool = timeouts::serving_pool(&connect_options, config.max_connections, config.timeouts);
    let throttle = ThrottlePolicy::default();
    tokio::spawn(purge::run_periodically(
        pool.clone(),
        throttle.window_secs,
        PURGE_EVERY,
    ));

    let mut leptos_options = get_configuration(None)?.leptos_options;
    server::hash_file::detect(&mut leptos_options);
    let addr = leptos_options.site_addr;
    let state = AppState {
        leptos_options,
        context: ServerContext {
            pool,
            secure_cookies: config.secure_cookies(),
            throttle,
            session_ttl_secs: SESSION_TTL_SECS,
            password_checks: PasswordChecks::new(config.password_checks),
        },
        csrf: CsrfPolicy {
            public_origin: config.public_origin.clone(),
        },
    };
    let listener = tokio::net::TcpListener::bind(addr).await?;
    println!("Clientela em http://{addr}");
    if config.seed_demo {
        seed::demo::print_logins();
    }
    axum::serve(
        listener,
        build_app_with(
            state,
            statement_pdf::routes().merge(report_downloads::routes()),
        )
        .into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    Ok(())
}
