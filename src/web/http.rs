//! HTTP wiring: the axum router with the Leptos app, `/healthz`, request logging and shutdown.

use crate::methodology::Registry;
use crate::server::config::DemoMode;
use crate::store::Store;
use crate::web::session::CookiePolicy;
use axum::extract::{FromRef, State};
use axum::http::StatusCode;
use axum::Json;
use leptos::prelude::*;
use serde::Serialize;
use std::sync::Arc;

/// Shared state for axum handlers; server functions get the same values through Leptos context.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Store,
    pub registry: Arc<Registry>,
    pub cookies: CookiePolicy,
    pub demo: DemoMode,
    pub portfolio_cache: crate::services::portfolio::PortfolioCache,
    /// Signed-in users by session and by access token (`services::signed_in`).
    pub sessions: crate::services::sessions::SessionCache,
    pub tokens: crate::services::tokens::TokenCache,
    /// Rendered summaries of versions that no longer change (`web::page_cache`).
    pub pages: crate::web::page_cache::PageCache,
    /// The wizard's shared catalogue and words, made once per version and language.
    pub books: crate::services::wizard::Books,
    /// The one-time code for creating the first administrator in the browser (first run only).
    pub setup: crate::accounts::setup::SetupCode,
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

pub async fn render_limit(req: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
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
pub async fn print_stylesheet(
    State(db): State<Store>,
    axum::Extension(principal): axum::Extension<crate::web::session::Principal>,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let reference = match (crate::web::session::usable(principal.0), id.parse::<i64>()) {
        (Ok(user), Ok(id)) => crate::services::cases::readable_reference(&db, &user, id).await.ok().flatten(),
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

pub async fn healthz(State(db): State<Store>) -> (StatusCode, Json<Health>) {
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
