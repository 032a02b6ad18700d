//! The command line: `hrdd` (serve), `hrdd score FILE`, `hrdd methodology`, `hrdd seed`,
//! `hrdd audit verify|anchor|keys|rotate-key`, `hrdd backup|restore`, `hrdd user …`, `hrdd token create`.

use crate::methodology::{self, Catalogue, Registry};
use crate::server::config::Config;
use clap::{Parser, Subcommand};
use std::io::Read;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "hrdd", version, about = "Human-rights due diligence assessments")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web application (the default when no command is given).
    Serve {
        /// Demo mode: seed one sample account per role; the UI says so on every page. `HRDD_DEMO`
        /// takes 1/0, true/false, yes/no or on/off (the README says `HRDD_DEMO=1`).
        #[arg(long, env = "HRDD_DEMO", value_parser = clap::builder::BoolishValueParser::new())]
        demo: bool,
    },
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
    /// Create realistic sample cases (drafts and submitted) for demos and benchmarks. Also creates the
    /// demo accounts (known password) that own them: never run this on a production database.
    Seed {
        /// How many cases to create.
        #[arg(long)]
        cases: u64,
        /// Random seed: the same seed gives the same cases.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// Check the audit trail: every case's hash chain and every submission and sign-off record.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Manage user accounts (the first administrator is created here).
    #[command(subcommand)]
    User(UserCommand),
    /// Personal access tokens for the read API (`/api/v1`).
    #[command(subcommand)]
    Token(TokenCommand),
    /// Copy the SQLite database to PATH while the server runs (a consistent snapshot). Back up the
    /// audit key files separately (docs/SECURITY.md).
    Backup { path: String },
    /// Replace the database of a stopped server with the backup at PATH, then verify the record.
    Restore { path: String },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create a token for an existing user and print it (the only time it is shown). The token acts
    /// with the user's roles and countries.
    Create {
        #[arg(long)]
        email: String,
        /// What the token is for, e.g. "Nightly portfolio export".
        #[arg(long)]
        name: String,
        /// Days until it expires (1-90).
        #[arg(long, default_value_t = 90)]
        days: i64,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check the whole record: the gap-free sequence, every hash and signature, the anchor file, every
    /// snapshot and comment, and every case row against its signed history. Exit status 1 with each
    /// problem on its own line.
    Verify {
        /// A head exported earlier with `hrdd audit anchor` (or a copy of the anchor file) that the
        /// database must still contain. Repeatable.
        #[arg(long = "anchor")]
        anchors: Vec<String>,
    },
    /// Print the newest event's number and hash as JSON, to keep outside the server (for
    /// `hrdd audit verify --anchor`).
    Anchor,
    /// List the trusted public keys (publish them: anyone can check an exported record with them).
    Keys,
    /// Replace the signing key with a new one. Stop the server first. The old secret is destroyed; its
    /// public key stays trusted, so what it signed still verifies.
    RotateKey,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a user. The password is read from standard input (never from the command line).
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// assessor, hr_adviser, reviewer, manager or admin; repeat for several roles.
        #[arg(long = "role", required = true)]
        roles: Vec<String>,
        /// Approval level 1-3 (reviewers).
        #[arg(long)]
        level: Option<u8>,
        /// ISO 3166 alpha-2 country code; repeat for several countries.
        #[arg(long = "country")]
        countries: Vec<String>,
        /// Give access to all countries.
        #[arg(long)]
        all_countries: bool,
    },
    /// List users.
    List,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command.unwrap_or(Command::Serve { demo: false }) {
        Command::Serve { demo } => serve(demo),
        Command::User(cmd) => user(cmd),
        Command::Score { file } => score(&file),
        Command::Methodology { version } => print_methodology(version.as_deref()),
        Command::Seed { cases, seed } => seed_cases(cases, seed),
        Command::Audit(AuditCommand::Verify { anchors }) => audit_verify(&anchors),
        Command::Audit(AuditCommand::Anchor) => audit_anchor(),
        Command::Audit(AuditCommand::Keys) => audit_keys(),
        Command::Audit(AuditCommand::RotateKey) => audit_rotate_key(),
        Command::Backup { path } => backup(&path),
        Command::Restore { path } => restore(&path),
        Command::Token(TokenCommand::Create { email, name, days }) => token_create(&email, &name, days),
    }
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("hrdd: {message}");
    ExitCode::from(2)
}

fn load_registry() -> Result<Registry, ExitCode> {
    methodology::load_registry_from_dir(&methodology::methodology_dir()).map_err(|e| fail(format!("methodology: {e}")))
}

fn serve(demo: bool) -> ExitCode {
    crate::server::telemetry::init();
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    let registry = match load_registry() {
        Ok(r) => r,
        Err(code) => return code,
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => return fail(format!("cannot start the async runtime: {e}")),
    };
    let demo = crate::server::config::DemoMode(demo);
    match runtime.block_on(crate::serve::serve(config, registry, demo)) {
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
    let code = if outcome.is_valid() { ExitCode::SUCCESS } else { ExitCode::from(2) };
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

/// Runs `work` against the configured database (connected, migrated and its record sealed) on a
/// one-thread runtime.
fn with_database<F, Fut>(work: F) -> ExitCode
where
    F: FnOnce(crate::store::Store) -> Fut,
    Fut: std::future::Future<Output = ExitCode>,
{
    open_database(true, work)
}

/// As [`with_database`]; `writes` = false opens it for checking only: no signing key is created and
/// nothing is sealed (verification must not change what it verifies).
fn open_database<F, Fut>(writes: bool, work: F) -> ExitCode
where
    F: FnOnce(crate::store::Store) -> Fut,
    Fut: std::future::Future<Output = ExitCode>,
{
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => return fail(e),
    };
    runtime.block_on(async move {
        let mut settings = crate::audit::AuditSettings::for_database(&config.database_url);
        settings.create_key = writes;
        let db = match crate::store::Store::connect_with(&config.database_url, &settings).await {
            Ok(db) => db,
            Err(e) => return fail(e),
        };
        if let Err(e) = db.migrate().await {
            return fail(e);
        }
        if writes {
            if let Err(e) = crate::services::seal::seal_unsigned(&db).await {
                return fail(e);
            }
        }
        work(db).await
    })
}

/// Prints a verification report; exit 1 when anything is broken.
fn print_report(report: &crate::services::verify::VerifyReport) -> ExitCode {
    let head = report.head.as_ref().map_or_else(|| "none".to_string(), |h| format!("event {} {}", h.seq, h.hash));
    if report.breaches.is_empty() {
        println!(
            "audit record intact: {} events (head: {head}), {} cases, {} snapshots, {} comments verified",
            report.events, report.cases, report.snapshots, report.comments
        );
        return ExitCode::SUCCESS;
    }
    for b in &report.breaches {
        println!("BROKEN {b}");
    }
    println!(
        "audit record BROKEN: {} problems ({} events, {} cases, {} snapshots, {} comments checked)",
        report.breaches.len(),
        report.events,
        report.cases,
        report.snapshots,
        report.comments
    );
    ExitCode::from(1)
}

/// `hrdd audit verify`: the whole record; exit 1 naming every problem.
fn audit_verify(anchor_files: &[String]) -> ExitCode {
    let mut extra = Vec::new();
    for file in anchor_files {
        let text = match std::fs::read_to_string(file) {
            Ok(t) => t,
            Err(e) => return fail(format!("--anchor {file}: {e}")),
        };
        match crate::services::verify::parse_exported_anchors(&text) {
            Ok(heads) => extra.extend(heads),
            Err(e) => return fail(format!("--anchor {file}: {e}")),
        }
    }
    open_database(false, |db| async move {
        match crate::services::verify::verify_all(&db, &extra).await {
            Ok(report) => print_report(&report),
            Err(e) => fail(e),
        }
    })
}

/// `hrdd audit anchor`: the current head as one line of JSON.
fn audit_anchor() -> ExitCode {
    open_database(false, |db| async move {
        match crate::services::verify::export_anchor(&db).await {
            Ok(v) => {
                println!("{v}");
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        }
    })
}

/// `hrdd audit keys`: the trusted public keys.
fn audit_keys() -> ExitCode {
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    let settings = crate::audit::AuditSettings::for_database(&config.database_url);
    match crate::audit::keys::Keyring::load(&settings.dir) {
        Ok(ring) if ring.is_empty() => fail(format!("no trusted keys in {}", settings.dir.display())),
        Ok(ring) => {
            for (id, public, added) in ring.list() {
                println!("{id} ed25519 {public} added {added}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}

/// `hrdd audit rotate-key`: a new signing key (the server must be stopped).
fn audit_rotate_key() -> ExitCode {
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    if let Some(file) = crate::store::backup::sqlite_file(&config.database_url) {
        match crate::store::backup::ServerLock::try_take(&file) {
            Ok(Some(_)) => {}
            Ok(None) => return fail("the server is running on this database; stop it before rotating the key"),
            Err(e) => return fail(e),
        }
    }
    let settings = crate::audit::AuditSettings::for_database(&config.database_url);
    let rotated = crate::audit::keys::Signing::rotate(&settings.dir).and_then(|s| {
        let mut ring = crate::audit::keys::Keyring::load(&settings.dir)?;
        ring.trust(&settings.dir, &s.public_key())?;
        Ok(s)
    });
    match rotated {
        Ok(s) => {
            println!(
                "new audit signing key {} in {}; back it up with audit-keys.pub (the old key's signatures still verify)",
                s.id(),
                settings.dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}

/// `hrdd backup PATH`: a consistent copy of the SQLite database, taken while the server runs.
fn backup(path: &str) -> ExitCode {
    let target = std::path::PathBuf::from(path);
    with_database(|db| async move {
        match crate::store::backup::backup(&db, &target).await {
            Ok(head) => {
                println!(
                    "backup written to {} (audit record up to event {} {}); keep the audit key files ({}) backed up separately",
                    target.display(),
                    head.seq,
                    head.hash,
                    db.trail().dir().display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        }
    })
}

/// `hrdd restore PATH`: replaces the stopped server's database with a backup, then verifies it.
fn restore(path: &str) -> ExitCode {
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    let source = std::path::PathBuf::from(path);
    let settings = crate::audit::AuditSettings::for_database(&config.database_url);
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => return fail(e),
    };
    let restored = runtime.block_on(async {
        let anchor = crate::audit::anchor::AnchorLog::new(&settings.dir);
        crate::store::backup::restore(&config.database_url, &source, &anchor).await
    });
    match restored {
        Ok(head) => println!("restored {} (audit record up to event {}); verifying …", source.display(), head.seq),
        Err(e) => return fail(e),
    }
    audit_verify(&[])
}

fn seed_cases(count: u64, seed: u64) -> ExitCode {
    let registry = match load_registry() {
        Ok(r) => r,
        Err(code) => return code,
    };
    with_database(|db| async move {
        let started = std::time::Instant::now();
        if let Err(e) = crate::server::demo::seed(&db).await {
            return fail(e);
        }
        match crate::services::seed::seed_cases(&db, &registry, count, seed).await {
            Ok(r) => {
                println!(
                    "seeded {count} cases, {} versions ({} drafts, {} submitted, {} returned, {} decided, {} superseded) in {:.1} s; demo accounts use the password {}",
                    r.rows(),
                    r.drafts,
                    r.submitted,
                    r.returned,
                    r.decided,
                    r.superseded,
                    started.elapsed().as_secs_f64(),
                    crate::accounts::DEMO_PASSWORD
                );
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        }
    })
}

/// `hrdd token create`: prints the new token alone on standard output (for scripts).
fn token_create(email: &str, name: &str, days: i64) -> ExitCode {
    let email = email.trim().to_lowercase();
    let name = name.to_string();
    with_database(|db| async move {
        let id: Option<i64> = match db.user_id_by_email(&email, true).await {
            Ok(id) => id,
            Err(e) => return fail(e),
        };
        let user = match id {
            Some(id) => crate::services::accounts::load_user(&db, id).await,
            None => return fail(format!("--email: no active user {email}")),
        };
        let user = match user {
            Ok(Some(u)) => u,
            Ok(None) => return fail(format!("--email: no active user {email}")),
            Err(e) => return fail(e),
        };
        if !crate::cases::CASE_READERS.iter().any(|r| user.has(*r)) {
            return fail(format!("{email} holds no role that reads assessments; a token would give no access"));
        }
        match crate::services::tokens::create(&db, &user, &name, days).await {
            Ok(t) => {
                eprintln!(
                    "token {:?} for {email} (id {}), valid until {}; it is shown only now:",
                    t.name, t.id, t.expires_at
                );
                println!("{}", t.token);
                ExitCode::SUCCESS
            }
            Err(e) => fail(match e.for_field("days").or_else(|| e.for_field("name")) {
                Some(m) => m,
                None => e.to_string(),
            }),
        }
    })
}

fn user(cmd: UserCommand) -> ExitCode {
    use crate::accounts::{parse_countries, parse_name, CountryScope, Email, NewPassword, Role};
    use crate::services::accounts as service;
    with_database(|db| async move {
        match cmd {
            UserCommand::Add { email, name, roles, level, countries, all_countries } => {
                let email = match Email::parse(&email) {
                    Ok(e) => e,
                    Err(m) => return fail(format!("--email: {m}")),
                };
                let name = match parse_name(&name) {
                    Ok(n) => n,
                    Err(m) => return fail(format!("--name: {m}")),
                };
                let mut parsed = Vec::new();
                for r in &roles {
                    match Role::parse(r) {
                        Some(role) => parsed.push(role),
                        None => {
                            return fail(format!(
                                "--role: {r:?} is not one of assessor, hr_adviser, reviewer, manager, admin"
                            ))
                        }
                    }
                }
                let scope = if all_countries {
                    CountryScope::All
                } else {
                    match parse_countries(&countries.join(",")) {
                        Ok(list) => CountryScope::Countries(list),
                        Err(m) => return fail(format!("--country: {m}")),
                    }
                };
                let mut line = String::new();
                if std::io::stdin().read_line(&mut line).is_err() || line.trim_end_matches(['\n', '\r']).is_empty() {
                    return fail("give the new password on standard input, e.g. printf '%s\\n' 'a long password' | hrdd user add ...");
                }
                let password = match NewPassword::parse(line.trim_end_matches(['\n', '\r'])) {
                    Ok(p) => p,
                    Err(m) => return fail(format!("password: {m}")),
                };
                let spec = crate::accounts::UserSpec { name, roles: parsed, approval_level: level, scope };
                match service::create_user(
                    &db,
                    &email,
                    spec,
                    &password,
                    false,
                    &service::ChangedBy::command_line("hrdd user add"),
                )
                .await
                {
                    Ok(id) => {
                        println!("created user {} (id {id})", email.as_str());
                        ExitCode::SUCCESS
                    }
                    Err(e) => fail(e),
                }
            }
            UserCommand::List => match service::list_users(&db).await {
                Ok(users) => {
                    println!("{:<5} {:<32} {:<28} {:<28} {:<20} STATUS", "ID", "EMAIL", "NAME", "ROLES", "COUNTRIES");
                    for summary in users {
                        let u = &summary.user;
                        let roles: Vec<String> = u
                            .roles
                            .iter()
                            .map(|r| match (r, u.approval_level) {
                                (Role::Reviewer, Some(l)) => format!("reviewer:{l}"),
                                _ => r.as_str().to_string(),
                            })
                            .collect();
                        let status = if !summary.active {
                            "deactivated"
                        } else if u.must_change_password {
                            "temporary-password"
                        } else {
                            "active"
                        };
                        println!(
                            "{:<5} {:<32} {:<28} {:<28} {:<20} {status}",
                            u.id,
                            u.email,
                            u.name,
                            roles.join(","),
                            u.scope.describe()
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            },
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_mode_is_read_from_the_environment_as_the_readme_writes_it() {
        // The only test that touches HRDD_DEMO.
        for (value, demo) in [("1", true), ("true", true), ("0", false), ("off", false)] {
            std::env::set_var("HRDD_DEMO", value);
            let cli = Cli::try_parse_from(["hrdd", "serve"]).expect("parses");
            assert!(matches!(cli.command, Some(Command::Serve { demo: d }) if d == demo), "HRDD_DEMO={value}");
        }
        std::env::remove_var("HRDD_DEMO");
        assert!(matches!(
            Cli::try_parse_from(["hrdd", "serve", "--demo"]).unwrap().command,
            Some(Command::Serve { demo: true })
        ));
        assert!(matches!(
            Cli::try_parse_from(["hrdd", "serve"]).unwrap().command,
            Some(Command::Serve { demo: false })
        ));
    }
}
