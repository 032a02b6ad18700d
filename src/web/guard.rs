//! Page guard: a signed-out visitor is sent to `/login` from every page but the home page, and a
//! user with a temporary password to the password page. Server functions check again themselves.

use crate::web::session::Principal;
use axum::extract::Request;
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Paths anyone may load: the home page, sign-in, first-run set-up, health, static assets; `/api`
/// guards itself.
fn is_public(path: &str) -> bool {
    matches!(path, "/" | "/login" | "/setup" | "/healthz" | "/favicon.svg" | "/robots.txt")
        || path.starts_with("/pkg/")
        || path.starts_with("/api/")
}

pub async fn page_guard(req: Request, next: Next) -> Response {
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        return next.run(req).await;
    }
    let path = req.uri().path().to_string();
    let user = req.extensions().get::<Principal>().and_then(|p| p.0.clone());
    let target = match &user {
        None if !is_public(&path) => {
            let next_target = req.uri().path_and_query().map(|pq| pq.as_str()).unwrap_or("/");
            Some(format!("/login?next={}", crate::url::encode_component(next_target, true)))
        }
        Some(u) if u.must_change_password && !is_public(&path) && path != "/account/password" => {
            Some("/account/password".to_string())
        }
        _ => None,
    };
    match target {
        Some(location) => (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response(),
        None => next.run(req).await,
    }
}
