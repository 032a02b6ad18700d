//! One data-access layer over two backends.
//!
//! SQLite (the default, a file under `data/`) and PostgreSQL (when `DATABASE_URL` says so) share every
//! query: SQL is written once with `$1` placeholders, which both accept, and [`with_pool!`] runs the
//! same code against whichever pool is configured. Only migrations differ per backend, where DDL must.

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
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
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs `$body` with `$pool` bound to the concrete pool, so one query text serves both backends.
#[macro_export]
macro_rules! with_pool {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::server::db::Db::Sqlite($pool) => $body,
            $crate::server::db::Db::Postgres($pool) => $body,
        }
    };
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot create the database directory {path}: {source}")]
    CreateDir { path: String, source: std::io::Error },
    #[error("bad database URL: {0}")]
    BadUrl(String),
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// SQLite has one writer at a time. Write transactions queue here, in arrival order, rather than in
/// SQLite's busy handler, which sleeps in growing steps (up to 100 ms) and made saves under
/// contention wait up to 0.7 s (docs/BENCHMARKS.md). One process, one gate: tests that open several
/// SQLite files in one process merely share it.
static SQLITE_WRITER: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

impl Db {
    /// Waits for this process's turn to write (SQLite); PostgreSQL needs no gate.
    pub async fn write_gate(&self) -> Option<tokio::sync::MutexGuard<'static, ()>> {
        match self {
            Db::Sqlite(_) => Some(SQLITE_WRITER.lock().await),
            Db::Postgres(_) => None,
        }
    }

    /// Connects to `url` (`sqlite://…` or `postgres://…`). SQLite files and their directory are created.
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url).map_err(|e| DbError::BadUrl(e.to_string()))?;
            if let Some(dir) = options.get_filename().parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .map_err(|source| DbError::CreateDir { path: dir.display().to_string(), source })?;
            }
            Self::connect_sqlite(options).await
        } else {
            let options = PgConnectOptions::from_str(url).map_err(|e| DbError::BadUrl(e.to_string()))?;
            Self::connect_postgres(options).await
        }
    }

    pub async fn connect_sqlite(options: SqliteConnectOptions) -> Result<Db, DbError> {
        let options = options
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new().max_connections(8).connect_with(options).await?;
        Ok(Db::Sqlite(pool))
    }

    pub async fn connect_postgres(options: PgConnectOptions) -> Result<Db, DbError> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        Ok(Db::Postgres(pool))
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Applies pending migrations for this backend. Safe to call on every start.
    pub async fn migrate(&self) -> Result<(), DbError> {
        match self {
            Db::Sqlite(pool) => SQLITE_MIGRATIONS.run(pool).await?,
            Db::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        Ok(())
    }

    /// How many migrations this database has applied successfully.
    pub async fn applied_migrations(&self) -> Result<i64, DbError> {
        let sql = "SELECT COUNT(*) FROM _sqlx_migrations WHERE success = $1";
        let count: i64 = with_pool!(self, pool => sqlx::query_scalar(sql).bind(true).fetch_one(pool).await?);
        Ok(count)
    }

    /// How many migrations this build ships for the configured backend.
    pub fn known_migrations(&self) -> usize {
        match self {
            Db::Sqlite(_) => SQLITE_MIGRATIONS.iter().count(),
            Db::Postgres(_) => POSTGRES_MIGRATIONS.iter().count(),
        }
    }

    pub async fn close(&self) {
        with_pool!(self, pool => pool.close().await)
    }
}
