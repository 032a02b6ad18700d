//! What server functions take from the Leptos context (provided per request in `http::router`).

use crate::methodology::Registry;
use crate::server::db::Db;
use std::sync::Arc;

pub fn db() -> Db {
    leptos::prelude::expect_context::<Db>()
}

pub fn registry() -> Arc<Registry> {
    leptos::prelude::expect_context::<Arc<Registry>>()
}

/// Redirects the browser (a plain form post follows it) to `target` if it is a plain same-site path,
/// else to the start page. Never panics on what a request supplied (`leptos_axum::redirect` would,
/// on a control character).
pub fn redirect(target: &str) {
    leptos_axum::redirect(crate::url::safe_local_path(target).unwrap_or("/"));
}

/// A plain HTML form post (no JavaScript): the browser shows whatever is answered, so errors must
/// come back as a redirect to the form page.
pub fn is_plain_form_post() -> bool {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|p| {
            p.headers.get(axum::http::header::ACCEPT).and_then(|v| v.to_str().ok()).map(|v| v.contains("text/html"))
        })
        .unwrap_or(false)
}
