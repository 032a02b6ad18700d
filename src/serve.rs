//! Serving: the axum router that puts the Leptos app, the read API and the web layer's middleware
//! together, and the server's start-up and graceful shutdown. It sits above `app` and `web`
//! (it needs both), so that nothing in `web` imports the app it serves.

use crate::app::{shell, App};
use crate::methodology::Registry;
use crate::server::config::{Config, DemoMode};
use crate::store::Store;
use crate::web::guard::page_guard;
use crate::web::http::{healthz, print_stylesheet, render_limit, AppState};
use crate::web::session::{same_origin_middleware, session_middleware, CookiePolicy};
use axum::routing::{get, post};
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::sync::Arc;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

/// The app's routes, listed once per process. Listing runs the whole app with resource loading
/// switched off by a process-wide flag in `leptos_server`; a resource first polled on another
/// thread while that flag is up waits forever (leptos-rs/leptos#4773). The test suite builds a
/// router per test while other tests render pages, and one page in a few hundred runs never
/// answered; listing once, before any router exists, leaves no render to overlap with.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub fn router(state: AppState) -> Router {
    let routes = route_list();
    let context_db = state.db.clone();
    let context_registry = state.registry.clone();
    let (cookies, demo) = (state.cookies, state.demo);
    let portfolio_cache = state.portfolio_cache.clone();
    let pages = state.pages.clone();
    let setup = state.setup.clone();
    let books = state.books.clone();
    Router::new()
        .route("/healthz", get(healthz))
        .nest("/api/v1", crate::web::api::router())
        // The summary's print header names the case: a stylesheet, not an inline <style>, so that
        // the strict CSP holds on pages rendered in the browser too.
        .route("/cases/{id}/print.css", get(print_stylesheet))
        // The wizard's no-JavaScript path: a step posted as a plain form (the page itself is GET).
        .route("/cases/{id}/edit/{step}", post(crate::web::form::post_step))
        .route("/reference/countries/open", get(crate::web::reference::open_country))
        .route("/reference/countries/{code}", post(crate::web::reference::post_reference))
        .route("/reference/import", post(crate::web::reference::post_import))
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
                provide_context(pages.clone());
                provide_context(setup.clone());
                provide_context(books.clone());
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

/// Connects, migrates and serves until SIGTERM or Ctrl-C, then drains in-flight requests.
pub async fn serve(config: Config, registry: Registry, demo: DemoMode) -> anyhow::Result<()> {
    // One server per SQLite file; the lock also tells `hrdd restore` that the server is running.
    let _lock = match crate::store::backup::sqlite_file(&config.database_url) {
        Some(file) => {
            if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)?;
            }
            match crate::store::backup::ServerLock::try_take(&file)? {
                Some(lock) => Some(lock),
                None => anyhow::bail!("another HRDD server is already running on {}", file.display()),
            }
        }
        None => None,
    };
    let db = Store::connect(&config.database_url).await?;
    db.migrate().await?;
    // E-mail: the sender task empties the outbox; without SMTP notices are queued for nobody.
    let db = match &config.mail {
        Some(settings) => {
            let mailer = crate::services::mail::Mailer::new(settings)?;
            tracing::info!(
                smtp = settings.server(),
                from = %settings.from,
                links = settings.site,
                "e-mail notifications: on"
            );
            let db = db.with_mail(Some(&settings.server()));
            tokio::spawn(crate::services::mail::run_sender(db.clone(), mailer));
            db
        }
        None => {
            tracing::info!(
                "e-mail notifications: off (HRDD_SMTP_URL is not set); notifications are shown in the app only"
            );
            db
        }
    };
    crate::services::seal::seal_unsigned(&db).await?;
    tracing::info!(
        dir = %db.trail().dir().display(),
        key = db.trail().signing().map(|s| s.id().to_string()).unwrap_or_default(),
        "audit record: signing key loaded"
    );
    crate::services::portfolio::backfill(&db, &registry).await?;
    tokio::spawn(pack_text_revisions(db.clone()));
    tracing::info!(backend = db.backend().as_str(), "database ready");
    tokio::spawn(crate::services::notify::run_daily(db.clone()));
    if demo.0 {
        crate::server::demo::seed(&db).await?;
        // A demo database from before reference data has an administrator without countries, who
        // may not import: the demo then starts without the example table rather than not at all.
        if let Err(e) = crate::server::demo::seed_reference(&db, &registry).await {
            tracing::warn!(error = %e, "demo reference data not recorded");
        }
        crate::server::demo::seed_cases(&db, &registry).await?;
        tracing::warn!(
            "DEMO MODE: sample accounts (password {}); do not enter real information",
            crate::accounts::DEMO_PASSWORD
        );
    }
    let setup = if !demo.0 && crate::services::accounts::user_count(&db).await? == 0 {
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
        sessions: Default::default(),
        tokens: Default::default(),
        pages: crate::web::page_cache::PageCache::from_env(),
        books: Default::default(),
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

/// Packs the revisions kept as text before migration 0014 in the background, a batch at a time with
/// a pause between batches so that requests keep the write gate; ends when none is left.
async fn pack_text_revisions(db: Store) {
    let mut total = 0;
    loop {
        match db.pack_text_revisions(200).await {
            Ok(0) => break,
            Ok(n) => total += n,
            Err(e) => {
                tracing::warn!(error = %e, "packing kept revisions stopped; the rest stay as text and read as before");
                break;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    if total > 0 {
        tracing::info!(revisions = total, "kept revisions packed");
    }
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
