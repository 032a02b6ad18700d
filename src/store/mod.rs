//! The store: the database behind typed methods, over two backends.
//!
//! SQLite (the default, a file under `data/`) and PostgreSQL (when `DATABASE_URL` says so) share every
//! query: SQL is written once with `$1` placeholders, which both accept, and the store's private
//! `on_pool!`/`on_write!` run the same code against whichever backend is configured. Only migrations
//! differ per backend, where DDL must.
//!
//! Reads are methods of [`Store`]; writes are methods of [`Write`], a transaction opened by
//! [`Store::write`] that holds the SQLite write gate (one writer per process, in arrival order), takes
//! the audit sequence's lock first (PostgreSQL), and writes the audit anchor after the commit. The
//! few single-statement writes outside a record change (sessions, sign-in attempts, token use) take
//! the same gate. One module per table family: [`accounts`] (users, roles, countries, sign-in
//! attempts), [`sessions`], [`tokens`] (and the API access log), [`audit`] (the signed record), [`cases`] (versions, revisions
//! kept compactly by [`packed`], positions, comments), [`review`] (comments, decisions,
//! queues), [`portfolio`] (index tables, aggregates, export), [`reference`] (country reference data), and [`query`] (`WHERE` clauses from a checked case filter).
//!
//! `backup` copies and restores the embedded SQLite file.

pub mod accounts;
pub mod audit;
pub mod backup;
pub mod cases;
pub mod notify;
pub mod packed;
pub mod portfolio;
pub mod query;
pub mod reference;
pub mod review;
pub mod sessions;
pub mod tokens;

use crate::audit::anchor::Head;
use crate::audit::{AuditSettings, Trail};
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// A connection pool to whichever database is configured.
#[derive(Clone, Debug)]
pub enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// The database: its pool and its audit keys and anchor (kept outside the database).
#[derive(Clone, Debug)]
pub struct Store {
    pub pool: Pool,
    trail: Arc<Trail>,
    /// How many sign-in changes this process has committed (see [`Store::auth_changes`]).
    auth_changes: Arc<AtomicU64>,
    /// The SMTP server notices are mailed through (password hidden), when one is configured: then
    /// notices also go into the e-mail outbox ([`Store::with_mail`]). Without it nothing is queued
    /// that no server would send.
    mail: Option<Arc<str>>,
}

/// A failed store operation. Duplicates are told apart, so a service can say which value is taken.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("a row with this {0} already exists")]
    Duplicate(&'static str),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    /// Stored bytes that do not read back (a damaged packed revision).
    #[error("{0}")]
    Unreadable(String),
}

impl StoreError {
    /// `e`, or [`StoreError::Duplicate`] of `what` when it broke a unique constraint.
    fn unique(e: sqlx::Error, what: &'static str) -> StoreError {
        match &e {
            sqlx::Error::Database(d) if d.is_unique_violation() => StoreError::Duplicate(what),
            _ => StoreError::Database(e),
        }
    }
}

/// A store failure the service did not turn into a user-facing message (a duplicate it expected is
/// mapped where it knows which field to name) is an internal error.
impl From<StoreError> for crate::error::AppError {
    fn from(e: StoreError) -> Self {
        crate::error::AppError::internal(e)
    }
}

/// Runs `$body` with `$pool` bound to the concrete pool of a [`Store`] (store-internal).
macro_rules! on_pool {
    ($store:expr, $pool:ident => $body:expr) => {
        match &$store.pool {
            $crate::store::Pool::Sqlite($pool) => $body,
            $crate::store::Pool::Postgres($pool) => $body,
        }
    };
}
use on_pool;

/// Runs `$body` with `$tx` bound to the concrete transaction (`&mut WriteTx<_>`) of a [`Write`]
/// (store-internal).
macro_rules! on_write {
    ($write:expr, $tx:ident => $body:expr) => {
        match &mut $write.0 {
            $crate::store::Backed::Sqlite($tx) => $body,
            $crate::store::Backed::Postgres($tx) => $body,
        }
    };
}
use on_write;

/// A write transaction on whichever backend is configured ([`Store::write`]): every change to the
/// database goes through one, or, for a single statement outside the record (sessions, sign-in
/// attempts, token use, reading positions), through the same SQLite write gate. Only the store can
/// open one or run SQL on it.
pub struct Write(Backed, AuthMark);

/// Whether a write transaction changed who is signed in or what they may do (an ended session, a
/// revoked token, an account's activity, password, roles, level or countries): then its commit bumps
/// the process's counter, so this server's session cache drops what it holds at once.
/// The statement that tells other servers a sign-in or permission changed (see `services::signed_in`).
const BUMP_AUTH_EPOCH: &str = "UPDATE auth_epoch SET epoch = epoch + 1 WHERE id = 1";

struct AuthMark {
    counter: Arc<AtomicU64>,
    changed: bool,
}

enum Backed {
    Sqlite(WriteTx<sqlx::Sqlite>),
    Postgres(WriteTx<sqlx::Postgres>),
}

impl Write {
    /// Commits, then writes the audit anchor, then lets the next writer in.
    pub async fn commit(self) -> Result<(), StoreError> {
        match self.0 {
            Backed::Sqlite(tx) => tx.commit().await?,
            Backed::Postgres(tx) => tx.commit().await?,
        }
        if self.1.changed {
            self.1.counter.fetch_add(1, Ordering::SeqCst);
        }
        Ok(())
    }

    /// Records that this transaction changes who is signed in or what they may do: bumps the
    /// database's `auth_epoch` (which other servers compare) and, on commit, this process's counter.
    async fn auth_changed(&mut self) -> Result<(), StoreError> {
        if !self.1.changed {
            on_write!(self, tx => sqlx::query(BUMP_AUTH_EPOCH).execute(&mut **tx).await?.rows_affected());
            self.1.changed = true;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("cannot create the database directory {path}: {source}")]
    CreateDir { path: String, source: std::io::Error },
    #[error("bad database URL: {0}")]
    BadUrl(String),
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error(transparent)]
    AuditKey(#[from] crate::audit::keys::KeyError),
}

/// SQLite has one writer at a time. Write transactions queue here, in arrival order, rather than in
/// SQLite's busy handler, which sleeps in growing steps (up to 100 ms) and made saves under
/// contention wait up to 0.7 s (docs/BENCHMARKS.md). One process, one gate: tests that open several
/// SQLite files in one process merely share it.
static SQLITE_WRITER: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A write transaction: holds the SQLite write gate (one writer per process, in arrival order),
/// collects the audit head its events reach, and records that head in the anchor after committing.
/// Queries run on it as on a transaction (`&mut *tx`).
struct WriteTx<DB: sqlx::Database> {
    tx: sqlx::Transaction<'static, DB>,
    trail: Arc<Trail>,
    head: Option<Head>,
    _gate: Option<tokio::sync::MutexGuard<'static, ()>>,
}

impl<DB: sqlx::Database> WriteTx<DB> {
    pub fn trail(&self) -> &Trail {
        &self.trail
    }

    /// The newest event appended in this transaction (set by `Write::append_events` in `store::audit`).
    pub fn set_head(&mut self, head: Head) {
        self.head = Some(head);
    }

    /// Commits, then writes the audit anchor, then lets the next writer in.
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        let WriteTx { tx, trail, head, _gate } = self;
        tx.commit().await?;
        if let Some(head) = head {
            trail.anchor.record(&head);
        }
        drop(_gate);
        Ok(())
    }
}

impl<DB: sqlx::Database> std::ops::Deref for WriteTx<DB> {
    type Target = DB::Connection;
    fn deref(&self) -> &DB::Connection {
        &self.tx
    }
}

impl<DB: sqlx::Database> std::ops::DerefMut for WriteTx<DB> {
    fn deref_mut(&mut self) -> &mut DB::Connection {
        &mut self.tx
    }
}

/// Opening a [`WriteTx`] on a concrete pool (see [`Store::begin_write`]).
trait BeginWrite {
    type Database: sqlx::Database;
    fn begin_write<'a>(
        &'a self,
        db: &'a Store,
    ) -> impl std::future::Future<Output = Result<WriteTx<Self::Database>, sqlx::Error>> + Send + 'a;
}

impl BeginWrite for SqlitePool {
    type Database = sqlx::Sqlite;
    async fn begin_write<'a>(&'a self, db: &'a Store) -> Result<WriteTx<sqlx::Sqlite>, sqlx::Error> {
        let gate = SQLITE_WRITER.lock().await;
        let tx = self.begin().await?;
        Ok(WriteTx { tx, trail: db.trail.clone(), head: None, _gate: Some(gate) })
    }
}

impl BeginWrite for PgPool {
    type Database = sqlx::Postgres;
    async fn begin_write<'a>(&'a self, db: &'a Store) -> Result<WriteTx<sqlx::Postgres>, sqlx::Error> {
        let mut tx = self.begin().await?;
        // The audit head first, before any case row: every writer takes its locks in this order,
        // so two transactions that touch the same cases cannot deadlock on the head.
        sqlx::query("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE").execute(&mut *tx).await?;
        Ok(WriteTx { tx, trail: db.trail.clone(), head: None, _gate: None })
    }
}

impl Store {
    /// Waits for this process's turn to write one statement outside a [`WriteTx`] (SQLite);
    /// PostgreSQL needs no gate.
    async fn write_gate(&self) -> Option<tokio::sync::MutexGuard<'static, ()>> {
        match &self.pool {
            Pool::Sqlite(_) => Some(SQLITE_WRITER.lock().await),
            Pool::Postgres(_) => None,
        }
    }

    /// Opens a write transaction (waiting for the SQLite write gate).
    pub async fn write(&self) -> Result<Write, StoreError> {
        let mark = AuthMark { counter: self.auth_changes.clone(), changed: false };
        Ok(match &self.pool {
            Pool::Sqlite(pool) => Write(Backed::Sqlite(BeginWrite::begin_write(pool, self).await?), mark),
            Pool::Postgres(pool) => Write(Backed::Postgres(BeginWrite::begin_write(pool, self).await?), mark),
        })
    }

    /// This store, queueing e-mail for notices (the server sends mail through `smtp`, named without
    /// its password).
    pub fn with_mail(mut self, smtp: Option<&str>) -> Store {
        self.mail = smtp.map(Arc::from);
        self
    }

    /// Whether notices are queued for e-mail.
    pub fn queues_mail(&self) -> bool {
        self.mail.is_some()
    }

    /// The SMTP server mail goes through, if any.
    pub fn mail_server(&self) -> Option<&str> {
        self.mail.as_deref()
    }

    /// How many changes to sign-ins and permissions this process has committed since it started.
    /// Reading it costs no query; a session cache compares it on every request.
    pub fn auth_changes(&self) -> u64 {
        self.auth_changes.load(Ordering::SeqCst)
    }

    /// The database's count of such changes, by every server sharing it (`auth_epoch`).
    pub async fn auth_epoch(&self) -> Result<i64, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_scalar("SELECT epoch FROM auth_epoch WHERE id = 1").fetch_one(pool).await?),
        )
    }

    /// The audit keys and anchor of this database.
    pub fn trail(&self) -> &Trail {
        &self.trail
    }

    /// Connects to `url` (`sqlite://…` or `postgres://…`). SQLite files and their directory are created;
    /// the audit files are where [`AuditSettings::for_database`] says.
    pub async fn connect(url: &str) -> Result<Store, OpenError> {
        Self::connect_with(url, &AuditSettings::for_database(url)).await
    }

    pub async fn connect_with(url: &str, audit: &AuditSettings) -> Result<Store, OpenError> {
        if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url).map_err(|e| OpenError::BadUrl(e.to_string()))?;
            if let Some(dir) = options.get_filename().parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .map_err(|source| OpenError::CreateDir { path: dir.display().to_string(), source })?;
            }
            Self::connect_sqlite(options, audit).await
        } else {
            let options = PgConnectOptions::from_str(url).map_err(|e| OpenError::BadUrl(e.to_string()))?;
            Self::connect_postgres(options, audit).await
        }
    }

    /// A database over an existing pool with the audit files of `audit` (tools and tests that look at
    /// one database with another set of keys).
    pub fn from_pool(pool: Pool, audit: &AuditSettings) -> Result<Store, OpenError> {
        Ok(Store { pool, trail: Arc::new(Trail::open(audit)?), auth_changes: Default::default(), mail: None })
    }

    pub async fn connect_sqlite(options: SqliteConnectOptions, audit: &AuditSettings) -> Result<Store, OpenError> {
        let trail = Arc::new(Trail::open(audit)?);
        let options = options
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new().max_connections(8).connect_with(options).await?;
        Ok(Store { pool: Pool::Sqlite(pool), trail, auth_changes: Default::default(), mail: None })
    }

    pub async fn connect_postgres(options: PgConnectOptions, audit: &AuditSettings) -> Result<Store, OpenError> {
        let trail = Arc::new(Trail::open(audit)?);
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        Ok(Store { pool: Pool::Postgres(pool), trail, auth_changes: Default::default(), mail: None })
    }

    pub fn backend(&self) -> Backend {
        match &self.pool {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Postgres(_) => Backend::Postgres,
        }
    }

    /// Applies pending migrations for this backend. Safe to call on every start.
    pub async fn migrate(&self) -> Result<(), OpenError> {
        match &self.pool {
            Pool::Sqlite(pool) => SQLITE_MIGRATIONS.run(pool).await?,
            Pool::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        Ok(())
    }

    /// How many migrations this database has applied successfully.
    pub async fn applied_migrations(&self) -> Result<i64, OpenError> {
        let sql = "SELECT COUNT(*) FROM _sqlx_migrations WHERE success = $1";
        let count: i64 = on_pool!(self, pool => sqlx::query_scalar(sql).bind(true).fetch_one(pool).await?);
        Ok(count)
    }

    /// How many migrations this build ships for the configured backend.
    pub fn known_migrations(&self) -> usize {
        match &self.pool {
            Pool::Sqlite(_) => SQLITE_MIGRATIONS.iter().count(),
            Pool::Postgres(_) => POSTGRES_MIGRATIONS.iter().count(),
        }
    }

    pub async fn close(&self) {
        on_pool!(self, pool => pool.close().await)
    }
}
