//! Security headers on every response (docs/SECURITY.md): a strict Content-Security-Policy with a
//! fresh nonce per response, no framing by other sites, no MIME sniffing, no referrer to other
//! sites, no caching of anything but static assets, and HSTS when the browser came over HTTPS.

use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The nonce of this response's scripts and styles; the pages' Leptos context gets the same value
/// (`serve::router`), so the hydration scripts carry it.
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

/// The policy for HTML pages. Scripts and styles only from this site and, inline, with the nonce;
/// WebAssembly may be compiled (`wasm-unsafe-eval`), nothing else is evaluated; no plugins, no
/// `<base>`, forms post only here, and no other site may frame a page (the sign-off form included).
pub fn page_policy(nonce: &str, dev_reload: bool) -> String {
    let connect = if dev_reload { "'self' ws: wss:" } else { "'self'" };
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self' 'nonce-{nonce}'; \
         img-src 'self' data:; font-src 'self'; connect-src {connect}; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// Everything that is not a page (JSON, CSV, files) runs nothing and may not be framed.
pub const OTHER_POLICY: &str = "default-src 'none'; frame-ancestors 'none'; sandbox";

/// How long a static file may be kept: a file named by its content hash (`/pkg/hrdd.<hash>.wasm`)
/// never changes, so for a year; any other static file is checked again each time. None: not a
/// static file.
fn static_cache(path: &str) -> Option<&'static str> {
    let name = path.strip_prefix("/pkg/").map(|n| n.rsplit('/').next().unwrap_or(n));
    match name {
        Some(name) if is_hashed_name(name) => Some("public, max-age=31536000, immutable"),
        Some(_) => Some("no-cache"),
        None if path == "/favicon.svg" || path == "/robots.txt" => Some("public, max-age=86400"),
        None => None,
    }
}

/// `name.<hash>.ext` with a hash of at least 8 letters and digits (what `cargo leptos` writes).
fn is_hashed_name(name: &str) -> bool {
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() >= 3 && {
        let hash = parts[parts.len() - 2];
        hash.len() >= 8 && hash.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    }
}

/// The browser reached HRDD over HTTPS: the trusted proxy says so.
fn came_over_https(headers: &HeaderMap) -> bool {
    crate::server::config::proxy_hops() > 0
        && headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("https"))
}

pub async fn security_headers(mut req: Request, next: Next) -> Response {
    let nonce = hex::encode(rand::random::<[u8; 16]>());
    req.extensions_mut().insert(CspNonce(nonce.clone()));
    let path = req.uri().path().to_string();
    let https = came_over_https(req.headers());
    let mut response = next.run(req).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    // An error (a missing file, a refused book) is never kept; a 304 keeps the file's lifetime.
    let failed = response.status().is_client_error() || response.status().is_server_error();
    let h = response.headers_mut();
    let policy = if is_html {
        page_policy(&nonce, std::env::var("LEPTOS_ENV").is_ok_and(|e| e.eq_ignore_ascii_case("dev")))
    } else {
        OTHER_POLICY.to_string()
    };
    if let Ok(v) = HeaderValue::from_str(&policy) {
        h.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // Pages and API answers hold case data: never kept by the browser or a shared cache.
    let cache = static_cache(&path).filter(|_| !failed).unwrap_or("no-store");
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if https {
        h.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    }
    response
}

/// True when a raw query string carries a control character (percent-encoded or not) other than
/// tab and line breaks: no filter or parameter of HRDD takes one, and PostgreSQL cannot hold a NUL.
pub fn query_has_control_characters(query: &str) -> bool {
    let bytes = query.as_bytes();
    bytes.iter().enumerate().any(|(i, b)| {
        let decoded = if *b == b'%' && i + 2 < bytes.len() {
            std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok())
        } else {
            Some(*b).filter(|b| *b != b'%')
        };
        decoded.is_some_and(|c| (c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r')) || c == 0x7f)
    })
}

fn refusal(api: bool, status: StatusCode, code: &str, message: String) -> Response {
    if api {
        let body = serde_json::json!({ "kind": code, "detail": message, "error": { "code": code, "message": message, "field": null } });
        (status, axum::Json(body)).into_response()
    } else {
        (status, message).into_response()
    }
}

/// Refuses what no handler should see (control characters in the query string, 400) and puts words
/// on refusals made before any handler ran (a body over the limit, 413): JSON for the API, plain
/// text elsewhere.
pub async fn explain_refusals(req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    if req.uri().query().is_some_and(query_has_control_characters) {
        let message = format!("The address {}.", crate::text::CONTROL_CHARACTERS);
        return refusal(api, StatusCode::BAD_REQUEST, "bad_request", message);
    }
    let response = next.run(req).await;
    if response.status() != StatusCode::PAYLOAD_TOO_LARGE
        || response.headers().get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"application/json"))
    {
        return response;
    }
    let message =
        format!("The request is larger than the {} MB the server accepts.", crate::error::MAX_BODY_BYTES >> 20);
    refusal(api, StatusCode::PAYLOAD_TOO_LARGE, "too_large", message)
}

#[cfg(test)]
mod tests {
    #[test]
    fn control_characters_in_a_query_are_found_encoded_or_not() {
        use super::query_has_control_characters as bad;
        assert!(bad("q=a%00b") && bad("q=%1b") && bad("q=%7F") && bad("x=\u{1}"));
        assert!(!bad("q=a%20b&state=DRAFT") && !bad("q=line%0Abreak%09tab") && !bad("q=100%") && !bad("q=%zz"));
    }

    #[test]
    fn only_files_named_by_their_hash_are_kept_for_a_year() {
        use super::static_cache;
        assert_eq!(static_cache("/pkg/hrdd.4e1c9a0b2f3d5e6a.wasm"), Some("public, max-age=31536000, immutable"));
        assert_eq!(static_cache("/pkg/hrdd.css"), Some("no-cache"));
        assert_eq!(static_cache("/pkg/hrdd_bg.wasm"), Some("no-cache"));
        assert_eq!(static_cache("/favicon.svg"), Some("public, max-age=86400"));
        assert_eq!(static_cache("/cases/1"), None);
        assert_eq!(static_cache("/cases/1/print.css"), None);
    }
}
