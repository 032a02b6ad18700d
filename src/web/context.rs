//! What server functions take from the Leptos context (provided per request in `serve::router`).

use crate::methodology::Registry;
use crate::store::Store;
use std::sync::Arc;

pub fn db() -> Store {
    leptos::prelude::expect_context::<Store>()
}

pub fn registry() -> Arc<Registry> {
    leptos::prelude::expect_context::<Arc<Registry>>()
}

pub fn books() -> crate::services::wizard::Books {
    leptos::prelude::expect_context::<crate::services::wizard::Books>()
}

/// The language the session middleware chose for this request (English outside one).
pub fn request_lang() -> crate::i18n::Lang {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<crate::i18n::Lang>().copied())
        .unwrap_or_default()
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

/// Refuses a form post. Without JavaScript the browser shows whatever is answered, so a refused
/// plain post goes back to `page` with every message and the field it belongs to (`form=<form>`,
/// `error=…`, `error.<field>=…`, see `AppError::to_query`) plus what should stay filled in; the page
/// shows them at the form named. With JavaScript the error goes to the action as it is, with its
/// status. (No error status for the plain post: it would replace the redirect.) `page` may end in
/// a `#fragment`, which stays last.
pub fn refuse(err: crate::error::AppError, form: &str, page: &str, keep: &[(&str, &str)]) -> crate::error::AppError {
    if !is_plain_form_post() {
        return crate::web::session::fail(err);
    }
    let (path, fragment) = page.split_once('#').map_or((page, String::new()), |(p, f)| (p, format!("#{f}")));
    let pair = |k: &str, v: &str| format!("{}={}", crate::url::encode(k), crate::url::encode(v));
    let mut query: Vec<String> = vec![pair("form", form)];
    query.extend(err.to_query().iter().map(|(k, v)| pair(k, v)));
    let messages = format!("{path}?{}", query.join("&"));
    query.extend(keep.iter().map(|(k, v)| pair(k, v.trim())));
    let with_input = format!("{path}?{}{fragment}", query.join("&"));
    // A very long input does not fit an address; the messages always come back.
    let target = if with_input.len() <= 2000 { with_input } else { format!("{messages}{fragment}") };
    redirect(&target);
    err
}
