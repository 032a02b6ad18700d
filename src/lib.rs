//! HRDD — human-rights due diligence for UN support to national authorities.
//!
//! Layout (by domain):
//! * [`methodology`] — the pure rules engine (no I/O; compiled into the server and the WASM bundle).
//! * [`accounts`] — users, roles, country scopes, sessions and their server functions.
//! * [`reference`] — country reference data (the pre-filled country context, 4.1–4.8).
//! * [`notify`] — who is told what when the workflow moves (notices; no I/O).
//! * [`cases`] — assessments: the case list, creation, overview; scoped by country.
//! * `audit` (feature `ssr`) — the signed, gap-free audit record and its verification.
//! * [`app`] / [`ui`] — the Leptos application: routes, pages and shared components.
//! * [`web`] — the HTTP edge: router, middleware, session guards, server functions, read API.
//! * `services` (feature `ssr`) — the use cases: check who asks, read and write through the store.
//! * `store` (feature `ssr`) — the database: connection, migrations, and every SQL statement.
//! * `server` (feature `ssr`) — configuration, backup, demo data, logging.
//! * `serve` (feature `ssr`) — the router that joins the app and the web layer; start-up, shutdown.
//! * `cli` (feature `ssr`) — the `hrdd` command line: `serve`, `user`, `backup`, `audit`, `score`…

// Leptos view types nest deeply; the admin and wizard pages need more than the default 128.
#![recursion_limit = "256"]

pub mod accounts;
pub mod app;
#[cfg(feature = "ssr")]
pub mod audit;
pub mod cases;
pub mod error;
pub mod i18n;
pub mod methodology;
pub mod notify;
pub mod portfolio;
pub mod preload;
pub mod reference;
pub mod review;
pub mod text;
pub mod ui;
pub mod url;
pub mod web;

#[cfg(feature = "ssr")]
pub mod cli;
#[cfg(feature = "ssr")]
pub mod serve;
#[cfg(feature = "ssr")]
pub mod server;
#[cfg(feature = "ssr")]
pub mod services;
#[cfg(feature = "ssr")]
pub mod store;

/// The crate version, shown in the footer and reported by `/healthz`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Islands: only the `#[island]` components run in the browser (the wizard); every other page is
    // plain server-rendered HTML. A server function that answers with a redirect (submit, change of
    // components) loads the page it names, as the same form does without JavaScript.
    let _ = leptos::server_fn::redirect::set_redirect_hook(|location: &str| {
        let _ = leptos::prelude::window().location().set_href(location);
    });
    // The wizard's catalogue and words stand in the page beside the island (`preload`): keep them
    // before the islands are woken (the island script does that right after this returns).
    preload::read_all();
    leptos::mount::hydrate_islands();
}
