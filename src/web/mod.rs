//! The HTTP edge: everything that knows about requests and responses, and nothing below it knows
//! about it.
//!
//! * [`server_fns`] — the Leptos server functions, thin and grouped by domain (their browser-side
//!   stubs are compiled into the WASM bundle; everything else here is server-only).
//! * `http` — [`http::AppState`], the render limit, `/healthz` and the print stylesheet (the
//!   router that joins them with the app is `crate::serve`).
//! * `session` — the session cookie and middleware, the same-origin check and the guards
//!   (`require_user`, `require_role`, `fail`).
//! * `guard` — the page guard (signed-out visitors to `/login`).
//! * `headers` — security headers, CSP nonce, static-file caching, plain-text refusals.
//! * `context` — what server functions take from the request context; redirects and refusals of
//!   plain form posts.
//! * `form` — the wizard's no-JavaScript step post, and the plain problem and conflict pages.
//! * `reference` — the country reference pages' form posts: a change of a table, a CSV import.
//! * `page_cache` — rendered summaries of decided and superseded versions, kept per server.
//! * `api` — the read API under `/api/v1` with its OpenAPI document.
//!
//! Imports point one way: `web` uses the domain modules and their services; nothing there uses `web`.

pub mod server_fns;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod context;
#[cfg(feature = "ssr")]
pub mod form;
#[cfg(feature = "ssr")]
pub mod guard;
#[cfg(feature = "ssr")]
pub mod headers;
#[cfg(feature = "ssr")]
pub mod http;
#[cfg(feature = "ssr")]
pub mod page_cache;
#[cfg(feature = "ssr")]
pub mod reference;
#[cfg(feature = "ssr")]
pub mod session;
