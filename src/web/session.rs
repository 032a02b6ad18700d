//! The session cookie, the middleware that attaches the signed-in user to every request, the
//! same-origin (CSRF) check, and the guards that server functions and handlers call first.

use crate::accounts::{CurrentUser, Role};
use crate::error::AppError;
use crate::services::sessions::{resolve, SessionCache, ABSOLUTE_TIMEOUT_HOURS};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub const COOKIE: &str = "hrdd_session";

/// The principal for one request: who is signed in (if anyone), set by [`session_middleware`].
#[derive(Clone, Debug, Default)]
pub struct Principal(pub Option<CurrentUser>);

/// Cookie policy. `Secure` is on unless `HRDD_INSECURE_COOKIES=1` (plain-http use off localhost).
#[derive(Clone, Copy, Debug)]
pub struct CookiePolicy {
    pub secure: bool,
}

impl CookiePolicy {
    pub fn from_env() -> CookiePolicy {
        let insecure = std::env::var("HRDD_INSECURE_COOKIES").is_ok_and(|v| v == "1" || v.eq_ignore_ascii_case("true"));
        CookiePolicy { secure: !insecure }
    }

    pub fn set_cookie(&self, token: &str) -> HeaderValue {
        let secure = if self.secure { "; Secure" } else { "" };
        let max_age = ABSOLUTE_TIMEOUT_HOURS * 3600;
        HeaderValue::from_str(&format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"))
            .expect("token is hex")
    }

    pub fn clear_cookie(&self) -> HeaderValue {
        let secure = if self.secure { "; Secure" } else { "" };
        HeaderValue::from_str(&format!("{COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}")).expect("static")
    }
}

/// The once-only display of a new API token after a plain form post (no JavaScript): the token
/// travels to the same browser in a short-lived cookie limited to `/account`, which the profile page
/// reads and clears at once. It is never stored on the server and never appears in an address.
pub const NEW_TOKEN_COOKIE: &str = "hrdd_new_token";

impl CookiePolicy {
    /// `value` is hex (the cookie's payload is encoded by its writer).
    pub fn set_new_token(&self, value: &str) -> HeaderValue {
        let secure = if self.secure { "; Secure" } else { "" };
        HeaderValue::from_str(&format!(
            "{NEW_TOKEN_COOKIE}={value}; Path=/account; HttpOnly; SameSite=Strict; Max-Age=300{secure}"
        ))
        .expect("hex value")
    }

    pub fn clear_new_token(&self) -> HeaderValue {
        let secure = if self.secure { "; Secure" } else { "" };
        HeaderValue::from_str(&format!(
            "{NEW_TOKEN_COOKIE}=; Path=/account; HttpOnly; SameSite=Strict; Max-Age=0{secure}"
        ))
        .expect("static")
    }
}

/// The language chosen with the switcher (`en`, `fr`, `es`, `ar`): it decides signed-out pages, and
/// a sign-in saves it to the profile (so the choice survives sign-in). Not a secret.
pub const LANG_COOKIE: &str = "hrdd_lang";

impl CookiePolicy {
    pub fn set_lang(&self, lang: crate::i18n::Lang) -> HeaderValue {
        let secure = if self.secure { "; Secure" } else { "" };
        HeaderValue::from_str(&format!("{LANG_COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000{secure}", lang.code()))
            .expect("a language code")
    }
}

/// The language the cookie names, if it names one of ours.
pub fn cookie_lang(headers: &HeaderMap) -> Option<crate::i18n::Lang> {
    cookie_value(headers, LANG_COOKIE).and_then(|code| crate::i18n::Lang::from_code(&code))
}

/// The reader's language: the signed-in user's choice, else the switcher's cookie, else the
/// browser's `Accept-Language`, else English.
pub fn request_lang(user: Option<&CurrentUser>, headers: &HeaderMap) -> crate::i18n::Lang {
    user.and_then(|u| u.lang)
        .or_else(|| cookie_lang(headers))
        .or_else(|| {
            headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(crate::i18n::Lang::negotiate)
        })
        .unwrap_or_default()
}

/// The value of the cookie `name`, when the request sends a non-empty one.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, value)| *n == name && !value.is_empty())
        .map(|(_, value)| value.to_string())
}

pub fn cookie_token(headers: &HeaderMap) -> Option<String> {
    cookie_value(headers, COOKIE)
}

/// Attaches the [`Principal`] and the reader's [`crate::i18n::Lang`] to every request; clears a
/// cookie whose session is gone.
pub async fn session_middleware(
    State(db): State<crate::store::Store>,
    State(cookies): State<CookiePolicy>,
    State(sessions): State<SessionCache>,
    mut req: Request,
    next: Next,
) -> Response {
    // Static assets need no session: skip the database for them.
    let path = req.uri().path();
    let is_asset = path.starts_with("/pkg/") || path == "/favicon.svg" || path == "/robots.txt";
    let token = if is_asset { None } else { cookie_token(req.headers()) };
    let user = match &token {
        Some(t) => resolve(&db, &sessions, t).await.unwrap_or_default(),
        None => None,
    };
    let stale_cookie = token.is_some() && user.is_none();
    let lang = request_lang(user.as_ref(), req.headers());
    req.extensions_mut().insert(lang);
    req.extensions_mut().insert(Principal(user));
    let mut response = next.run(req).await;
    if stale_cookie && !response.headers().contains_key(header::SET_COOKIE) {
        response.headers_mut().append(header::SET_COOKIE, cookies.clear_cookie());
    }
    response
}

/// The client's address: the connection's own, or — behind `hops` trusted reverse proxies — the
/// `X-Forwarded-For` entry that the outermost of them added (the `hops`-th from the right). Entries
/// further left were written by the client and are never trusted.
pub fn client_address(forwarded_for: Option<&str>, peer: Option<std::net::IpAddr>, hops: usize) -> String {
    let peer_text = || peer.map_or_else(|| "unknown".to_string(), |p| p.to_string());
    if hops == 0 {
        return peer_text();
    }
    let entries: Vec<&str> =
        forwarded_for.unwrap_or_default().split(',').map(str::trim).filter(|e| !e.is_empty()).collect();
    entries
        .len()
        .checked_sub(hops)
        .and_then(|i| entries[i].parse::<std::net::IpAddr>().ok())
        .map_or_else(peer_text, |ip| ip.to_string())
}

/// The request's client address (see [`client_address`]).
pub fn request_client_address(parts: &axum::http::request::Parts) -> String {
    let peer = parts.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip());
    let forwarded = parts.headers.get("x-forwarded-for").and_then(|v| v.to_str().ok());
    client_address(forwarded, peer, crate::server::config::proxy_hops())
}

/// The host the browser addressed: `X-Forwarded-Host` behind a trusted proxy, `Host` otherwise.
pub fn public_host(headers: &HeaderMap, hops: usize) -> Option<String> {
    let forwarded = if hops > 0 { headers.get("x-forwarded-host") } else { None };
    forwarded.or_else(|| headers.get(header::HOST)).and_then(|h| h.to_str().ok()).map(str::to_ascii_lowercase)
}

/// Refuses state-changing requests whose `Origin` (or `Referer`) is another site (CSRF).
///
/// Browsers send `Origin` on every cross-site POST; a request with neither header is allowed only when
/// it carries no session cookie (API clients authenticate with tokens, which a forged page cannot send).
/// `Sec-Fetch-Site: cross-site` is refused for cookie-carrying requests whatever the method when the
/// request writes to the record (a GET of an audited download).
pub async fn same_origin_middleware(req: Request, next: Next) -> Response {
    let headers = req.headers();
    let cross_site = headers.get("sec-fetch-site").is_some_and(|v| v.as_bytes() == b"cross-site");
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        if cross_site && cookie_token(headers).is_some() && writes_on_get(req.uri().path()) {
            tracing::warn!(path = req.uri().path(), "refused a cross-site request for an audited download");
            return (StatusCode::FORBIDDEN, "Refused: open this download from an HRDD page (cross-site request).")
                .into_response();
        }
        return next.run(req).await;
    }
    let host = public_host(headers, crate::server::config::proxy_hops());
    let claimed = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok())
        .map(|v| v.to_ascii_lowercase());
    let allowed = match (&claimed, &host) {
        (Some(origin), Some(host)) => origin_host(origin).is_some_and(|h| h == host),
        (Some(_), None) => false,
        (None, _) => cookie_token(headers).is_none(),
    };
    if allowed {
        next.run(req).await
    } else {
        tracing::warn!(origin = ?claimed, host = ?host, "refused cross-site request");
        (StatusCode::FORBIDDEN, "Refused: this request did not come from an HRDD page (cross-site request).")
            .into_response()
    }
}

/// GET requests that write to the record (the audited summary download).
fn writes_on_get(path: &str) -> bool {
    path.starts_with("/api/v1/cases/") && path.ends_with("/summary.json")
}

/// `https://host:port/path` → `host:port`.
fn origin_host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    Some(rest.split(['/', '?', '#']).next().unwrap_or(rest))
}

// ----- guards for server functions and pages ---------------------------------------------------------

/// The signed-in user of the current request, if any.
pub fn principal() -> Option<CurrentUser> {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Principal>().cloned())
        .and_then(|p| p.0)
}

fn set_status(status: StatusCode) {
    if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(status);
    }
}

/// Fails with 401 unless someone is signed in; returns an [`AppError`] with the matching status set.
pub fn fail(err: AppError) -> AppError {
    set_status(StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR));
    err
}

/// The one rule for every request that acts as a user (server functions, plain form posts, the API
/// with a session): someone is signed in (401) and has no temporary password left to change (403).
pub fn usable(user: Option<CurrentUser>) -> Result<CurrentUser, AppError> {
    let user = user.ok_or(AppError::Unauthenticated)?;
    if user.must_change_password {
        return Err(AppError::forbidden(MUST_CHANGE_PASSWORD));
    }
    Ok(user)
}

pub const MUST_CHANGE_PASSWORD: &str = "Choose a new password first (your administrator set a temporary one).";

/// The signed-in user; 401 if nobody is, 403 while a temporary password must be changed.
pub fn require_user() -> Result<CurrentUser, AppError> {
    usable(principal()).map_err(fail)
}

/// The signed-in user if they hold one of `roles`; 401 / 403 otherwise.
pub fn require_role(roles: &[Role]) -> Result<CurrentUser, AppError> {
    let user = require_user()?;
    if roles.iter().any(|r| user.has(*r)) {
        Ok(user)
    } else {
        let names: Vec<&str> = roles.iter().map(|r| r.label()).collect();
        Err(fail(AppError::forbidden(format!("This needs the role {}.", names.join(" or ")))))
    }
}
