//! Structured logging. `RUST_LOG` sets the level (default `info`); `HRDD_LOG_FORMAT=json` emits JSON lines.

use tracing_subscriber::{fmt, EnvFilter};

pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let json = std::env::var("HRDD_LOG_FORMAT").is_ok_and(|v| v.eq_ignore_ascii_case("json"));
    let builder = fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()));
    // `try_init` so tests that build several servers in one process do not panic.
    let _ = if json { builder.json().try_init() } else { builder.try_init() };
}
