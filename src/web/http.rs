//! HTTP wiring: the axum router with the Leptos app, `/healthz`, request logging and shutdown.

use crate::app::{shell, App};
use crate::methodology::Registry;
use crate::server::config::Config;
use crate::server::config::DemoMode;
use crate::server::db::Db;
use crate::web::guard::page_guard;
use crate::web::session::{same_origin_middleware, session_middleware, CookiePolicy};
use axum::extract::{FromRef, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use serde::Serialize;
use std::sync::Arc;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

/// Shared state for axum handlers; server functions get the same values through Leptos context.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub registry: Arc<Registry>,
    pub cookies: CookiePolicy,
    pub demo: DemoMode,
    pub portfolio_cache: crate::portfolio::service::PortfolioCache,
    /// The one-time code for creating the first administrator in the browser (first run only).
    pub setup: crate::accounts::setup::SetupCode,
}

pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let context_db = state.db.clone();
    let context_registry = state.registry.clone();
    let (cookies, demo) = (state.cookies, state.demo);
    let portfolio_cache = state.portfolio_cache.clone();
    let setup = state.setup.clone();
    Router::new()
        .route("/healthz", get(healthz))
        .nest("/api/v1", crate::web::api::router())
        // The summary's print header names the case: a stylesheet, not an inline <style>, so that
        // the strict CSP holds on pages rendered in the browser too.
        .route("/cases/{id}/print.css", get(print_stylesheet))
        // The wizard's no-JavaScript path: a step posted as a plain form (the page itself is GET).
        .route("/cases/{id}/edit/{step}", post(crate::web::form::post_step))
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                // The page's scripts carry the nonce that `headers::security_headers` put in its CSP.
                if let Some(nonce) = use_context::<axum::http::request::Parts>()
                    .and_then(|p| p.extensions.get::<crate::web::headers::CspNonce>().cloned())
                {
                    provide_context(leptos::nonce::Nonce::from_value(nonce.0));
                }
                provide_context(context_db.clone());
                provide_context(context_registry.clone());
                provide_context(cookies);
                provide_context(demo);
                provide_context(portfolio_cache.clone());
                provide_context(setup.clone());
            },
            {
                let options = state.leptos_options.clone();
                move || shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn(page_guard))
        // Pages, server-function answers and the API go out compressed when the browser accepts
        // it (a quick level: they are made per request). Static files are already compressed on
        // disk (`--precompress`) and pass through untouched.
        .layer(tower_http::compression::CompressionLayer::new().quality(tower_http::CompressionLevel::Precise(4)))
        .layer(axum::middleware::from_fn(crate::web::headers::security_headers))
        .layer(axum::middleware::from_fn(render_limit))
        .layer(axum::middleware::from_fn_with_state(state.clone(), session_middleware))
        .layer(axum::middleware::from_fn(same_origin_middleware))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(crate::error::MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn(crate::web::headers::explain_refusals))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .with_state(state)
}

/// Pages and server functions build their whole response in memory. On a small server more of them
/// at once add memory, not throughput, so at most [`renders_at_once`] run together; the rest wait
/// their turn in arrival order. Static files, the health check and the streamed exports pass by.
fn render_slots() -> &'static tokio::sync::Semaphore {
    static SLOTS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    SLOTS.get_or_init(|| tokio::sync::Semaphore::new(renders_at_once()))
}

/// Four per CPU core (8 on the 2-core reference machine): enough to keep the cores busy while
/// some requests wait for the database.
pub fn renders_at_once() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get()) * 4
}

async fn render_limit(req: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    use futures::StreamExt;
    let path = req.uri().path();
    if path.starts_with("/pkg/") || path == "/healthz" || path.starts_with("/api/v1/cases/export") {
        return next.run(req).await;
    }
    let slot = render_slots().acquire().await.expect("the render semaphore is never closed");
    let (parts, body) = next.run(req).await.into_parts();
    // A page streams after its handler returns: the slot is held until the body is sent.
    let body = body.into_data_stream().map(move |chunk| {
        let _held = &slot;
        chunk
    });
    axum::response::Response::from_parts(parts, axum::body::Body::from_stream(body))
}

/// `@page` running header with the case reference, for the summary's printed report. Empty for
/// anyone who may not read the case.
async fn print_stylesheet(
    State(db): State<Db>,
    axum::Extension(principal): axum::Extension<crate::web::session::Principal>,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let reference = match (crate::web::session::usable(principal.0), id.parse::<i64>()) {
        (Ok(user), Ok(id)) => crate::cases::service::readable_reference(&db, &user, id).await.ok().flatten(),
        _ => None,
    };
    let css = reference
        .map(|r| {
            let safe: String = r.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
            format!("@page {{ @top-left {{ content: \"HRDD risk summary · {safe}\"; }} }}\n")
        })
        .unwrap_or_default();
    ([(axum::http::header::CONTENT_TYPE, "text/css; charset=utf-8")], css).into_response()
}

#[derive(Serialize)]
pub struct Health {
    pub status: &'static str,
    pub version: &'static str,
    pub database: &'static str,
    pub migrations: i64,
}

async fn healthz(State(db): State<Db>) -> (StatusCode, Json<Health>) {
    let (status, code, migrations) = match db.applied_migrations().await {
        Ok(n) => ("ok", StatusCode::OK, n),
        Err(err) => {
            tracing::error!(error = %err, "health check: database unavailable");
            ("database_unavailable", StatusCode::SERVICE_UNAVAILABLE, 0)
        }
    };
    let body = Health { status, version: crate::VERSION, database: db.backend().as_str(), migrations };
    (code, Json(body))
}

/// Connects, migrates and serves until SIGTERM or Ctrl-C, then drains in-flight requests.
pub async fn serve(config: Config, registry: Registry, demo: DemoMode) -> anyhow::Result<()> {
    // One server per SQLite file; the lock also tells `hrdd restore` that the server is running.
    let _lock = match crate::server::backup::sqlite_file(&config.database_url) {
        Some(file) => {
            if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)?;
            }
            match crate::server::backup::ServerLock::try_take(&file)? {
                Some(lock) => Some(lock),
                None => anyhow::bail!("another HRDD server is already running on {}", file.display()),
            }
        }
        None => None,
    };
    let db = Db::connect(&config.database_url).await?;
    db.migrate().await?;
    crate::audit::seal::seal_unsigned(&db).await?;
    tracing::info!(
        dir = %db.trail().dir().display(),
        key = db.trail().signing().map(|s| s.id().to_string()).unwrap_or_default(),
        "audit record: signing key loaded"
    );
    crate::portfolio::index::backfill(&db, &registry).await?;
    tracing::info!(backend = db.backend().as_str(), "database ready");
    if demo.0 {
        crate::server::demo::seed(&db).await?;
        crate::server::demo::seed_cases(&db, &registry).await?;
        tracing::warn!(
            "DEMO MODE: sample accounts (password {}); do not enter real information",
            crate::accounts::DEMO_PASSWORD
        );
    }
    let setup = if !demo.0 && crate::accounts::service::user_count(&db).await? == 0 {
        let (setup, code) = crate::accounts::setup::SetupCode::issue();
        let url = format!("http://{}/setup", config.addr);
        // Printed on standard output, not only in the log: the operator needs it once.
        println!("\nHRDD has no account yet. Open {url} and enter this one-time set-up code to create the first administrator:\n\n    {code}\n");
        tracing::warn!("{FIRST_ADMIN_HINT}");
        setup
    } else {
        crate::accounts::setup::SetupCode::none()
    };
    let state = AppState {
        leptos_options: config.leptos.clone(),
        db: db.clone(),
        registry: Arc::new(registry),
        cookies: CookiePolicy::from_env(),
        demo,
        portfolio_cache: Default::default(),
        setup,
    };
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    tracing::info!("HRDD {} listening on http://{}", crate::VERSION, listener.local_addr()?);
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await?;
    db.close().await;
    tracing::info!("shut down cleanly");
    Ok(())
}

/// Printed when the database has no user yet.
pub const FIRST_ADMIN_HINT: &str =
    "No users yet. Create the first administrator in the browser with the set-up code above, or here (the password is read from standard input):
    printf '%s\\n' 'a long password' | target/release/hrdd user add --email you@un.org --name 'Your Name' --role admin
or start with `target/release/hrdd serve --demo` to look around with sample accounts.";

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut sig) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            sig.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutdown signal received; finishing in-flight requests");
}
