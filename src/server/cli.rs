//! The command line: `hrdd` (serve), `hrdd score FILE`, `hrdd methodology`.

use crate::methodology::{self, Catalogue, Registry};
use crate::server::config::Config;
use clap::{Parser, Subcommand};
use std::io::Read;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "hrdd",
    version,
    about = "Human-rights due diligence assessments"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web application (the default when no command is given).
    Serve,
    /// Score an answers document (JSON; `-` reads standard input) and print the result document.
    Score {
        /// Path of the answers document, or `-` for standard input.
        file: String,
    },
    /// Print the loaded methodology catalogue(s) as JSON.
    Methodology {
        /// Only this version (for example hrdd-2026.1); default: every loaded version.
        #[arg(long)]
        version: Option<String>,
    },
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(),
        Command::Score { file } => score(&file),
        Command::Methodology { version } => print_methodology(version.as_deref()),
    }
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("hrdd: {message}");
    ExitCode::from(2)
}

fn load_registry() -> Result<Registry, ExitCode> {
    methodology::load_registry_from_dir(&methodology::methodology_dir())
        .map_err(|e| fail(format!("methodology: {e}")))
}

fn serve() -> ExitCode {
    crate::server::telemetry::init();
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    let registry = match load_registry() {
        Ok(r) => r,
        Err(code) => return code,
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => return fail(format!("cannot start the async runtime: {e}")),
    };
    match runtime.block_on(crate::server::http::serve(config, registry)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(format!("{e:#}")),
    }
}

fn score(file: &str) -> ExitCode {
    let registry = match load_registry() {
        Ok(r) => r,
        Err(code) => return code,
    };
    let mut text = String::new();
    let read = if file == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(file).map(|t| text = t)
    };
    if let Err(e) = read {
        return fail(format!("cannot read {file}: {e}"));
    }
    let value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => return fail(format!("{file} is not valid JSON: {e}")),
    };
    let outcome = methodology::score_value(&registry, &value);
    let code = if outcome.is_valid() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    };
    match serde_json::to_string_pretty(&outcome) {
        Ok(json) => println!("{json}"),
        Err(e) => return fail(format!("cannot print the result: {e}")),
    }
    code
}

fn print_methodology(version: Option<&str>) -> ExitCode {
    let registry = match load_registry() {
        Ok(r) => r,
        Err(code) => return code,
    };
    let selected: Vec<&Catalogue> = match version {
        Some(v) => match registry.get(v) {
            Some(c) => vec![c],
            None => return fail(format!("unknown methodology version {v:?}")),
        },
        None => registry.all().collect(),
    };
    match serde_json::to_string_pretty(&selected) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}
