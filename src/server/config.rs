//! Server configuration, read from the environment (see README "Configuration").

use leptos::config::{Env, LeptosOptions};
use std::net::SocketAddr;

/// Default database: an embedded SQLite file created on first start.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/hrdd.sqlite";

#[derive(Clone, Debug)]
pub struct Config {
    pub database_url: String,
    pub addr: SocketAddr,
    pub leptos: LeptosOptions,
    /// E-mail notifications (`HRDD_SMTP_URL` …); `None`: notices stay in the app.
    pub mail: Option<crate::services::mail::MailSettings>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("LEPTOS_SITE_ADDR must be host:port (for example 127.0.0.1:3000), got {0:?}")]
    BadAddr(String),
    #[error("DATABASE_URL must start with sqlite:// or postgres://, got {0:?}")]
    BadDatabaseUrl(String),
    #[error("Leptos configuration: {0}")]
    Leptos(String),
    #[error("HRDD_TRUST_PROXY must be the number of reverse proxies in front of HRDD (0, 1, 2 …), got {0:?}")]
    BadProxyHops(String),
    #[error(transparent)]
    Mail(#[from] crate::services::mail::MailConfigError),
}

/// How many reverse proxies in front of HRDD each add the address they saw to `X-Forwarded-For`
/// (`HRDD_TRUST_PROXY`; 0 or unset = none: the connection's own address is the client's). Only that
/// many entries from the right are trusted; `X-Forwarded-Host` and `X-Forwarded-Proto` are read only
/// when it is at least 1.
pub fn parse_proxy_hops(raw: Option<&str>) -> Result<usize, ConfigError> {
    match raw.map(str::trim) {
        None | Some("") => Ok(0),
        Some(v) if v.eq_ignore_ascii_case("true") => Ok(1),
        Some(v) => v.parse::<usize>().ok().filter(|n| *n <= 10).ok_or_else(|| ConfigError::BadProxyHops(v.to_string())),
    }
}

/// [`parse_proxy_hops`] of the environment, read once (an invalid value was refused at start).
pub fn proxy_hops() -> usize {
    static HOPS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *HOPS.get_or_init(|| parse_proxy_hops(std::env::var("HRDD_TRUST_PROXY").ok().as_deref()).unwrap_or(0))
}

impl Config {
    /// Reads `DATABASE_URL`, `LEPTOS_SITE_ADDR`, `LEPTOS_SITE_ROOT` and friends. Every value has a default
    /// so that `target/release/hrdd` started from the project root serves the app with no variables set.
    pub fn from_env() -> Result<Self, ConfigError> {
        let database_url = std::env::var("DATABASE_URL").unwrap_or_else(|_| DEFAULT_DATABASE_URL.to_string());
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(ConfigError::BadDatabaseUrl(database_url));
        }
        parse_proxy_hops(std::env::var("HRDD_TRUST_PROXY").ok().as_deref())?;
        if let Ok(raw) = std::env::var("LEPTOS_SITE_ADDR") {
            raw.parse::<SocketAddr>().map_err(|_| ConfigError::BadAddr(raw.clone()))?;
        }
        let mut leptos =
            leptos::config::get_configuration(None).map_err(|e| ConfigError::Leptos(e.to_string()))?.leptos_options;
        // `cargo leptos build` names the JS, WASM and CSS by their hashes and lists them in
        // `hash.txt` beside the server binary; the pages link those names.
        leptos.hash_files = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|dir| dir.join(leptos.hash_file.as_ref())))
            .is_some_and(|file| file.exists());
        remember_stylesheet(&leptos);
        // A release binary started by hand is a deployment, not a dev session: no live-reload script.
        if std::env::var("LEPTOS_ENV").is_err() && !cfg!(debug_assertions) {
            leptos.env = Env::PROD;
        }
        let mail = crate::services::mail::MailSettings::from_env(&format!("http://{}", leptos.site_addr))?;
        Ok(Config { database_url, addr: leptos.site_addr, leptos, mail })
    }
}

/// Demo mode: sample accounts and cases, loudly labelled in the UI. Off unless asked for.
#[derive(Clone, Copy, Debug, Default)]
pub struct DemoMode(pub bool);

/// The stylesheet's URL for pages rendered outside Leptos (the no-JavaScript problem pages):
/// `/pkg/hrdd.<hash>.css` after a hashed release build, else `/pkg/hrdd.css`. Set once at start-up
/// from the same options `HashedStylesheet` reads (Leptos has no public helper for this).
pub fn stylesheet_href() -> &'static str {
    STYLESHEET.get().map(String::as_str).unwrap_or("/pkg/hrdd.css")
}

static STYLESHEET: std::sync::OnceLock<String> = std::sync::OnceLock::new();

fn remember_stylesheet(leptos: &leptos::config::LeptosOptions) {
    let hash = leptos
        .hash_files
        .then(|| std::env::current_exe().ok()?.parent().map(|dir| dir.join(leptos.hash_file.as_ref())))
        .flatten()
        .and_then(|file| std::fs::read_to_string(file).ok())
        .and_then(|hashes| {
            hashes
                .lines()
                .filter_map(|l| l.split_once(':'))
                .find(|(k, _)| k.trim() == "css")
                .map(|(_, h)| h.trim().to_string())
        });
    let name = match hash {
        Some(hash) => format!("{}.{hash}.css", leptos.output_name),
        None => format!("{}.css", leptos.output_name),
    };
    let _ = STYLESHEET.set(format!("/{}/{name}", leptos.site_pkg_dir));
}
