//! Backups of the embedded SQLite database (`hrdd backup`, `hrdd restore`) and the lock that tells a
//! restore the server is still running. PostgreSQL is backed up with its own tools (docs/SECURITY.md).

use crate::audit::anchor::Head;
use crate::store::{Pool, Store};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} already exists; choose a new file name (a backup never overwrites)")]
    Exists(String),
    #[error(
        "hrdd backup copies the embedded SQLite database; for PostgreSQL use pg_dump (docs/SECURITY.md, \"Backups\")"
    )]
    NotSqlite,
    #[error("the server is still running on {0}; stop it first (a restore replaces the database file)")]
    InUse(String),
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{0} is not a usable HRDD database: {1}")]
    NotADatabase(String, String),
    #[error(transparent)]
    Store(#[from] sqlx::Error),
    #[error(transparent)]
    Open(#[from] crate::store::OpenError),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BackupError + '_ {
    move |source| BackupError::Io { path: path.display().to_string(), source }
}

/// The SQLite file behind a `sqlite://` URL.
pub fn sqlite_file(url: &str) -> Option<PathBuf> {
    use std::str::FromStr;
    url.starts_with("sqlite:")
        .then(|| sqlx::sqlite::SqliteConnectOptions::from_str(url).ok())
        .flatten()
        .map(|o| o.get_filename().to_path_buf())
}

/// Held by `hrdd serve` for as long as it runs on a SQLite file (an advisory `flock` on
/// `<database>.lock`); released by the operating system when the process ends, even by `kill -9`.
pub struct ServerLock {
    _file: std::fs::File,
}

impl ServerLock {
    fn path(database: &Path) -> PathBuf {
        let mut name = database.as_os_str().to_owned();
        name.push(".lock");
        PathBuf::from(name)
    }

    /// Takes the lock; `Ok(None)` when another process holds it.
    pub fn try_take(database: &Path) -> Result<Option<ServerLock>, BackupError> {
        use std::os::unix::io::AsRawFd;
        let path = Self::path(database);
        let file =
            std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(io(&path))?;
        // SAFETY: flock on a file descriptor we own; it only takes an advisory lock.
        let taken = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0;
        Ok(taken.then_some(ServerLock { _file: file }))
    }
}

/// A consistent copy of the live database at `target` (SQLite's `VACUUM INTO`: one read
/// transaction, so writes continue while it runs and the copy holds everything committed before it
/// started). Returns the copy's newest audit event.
pub async fn backup(db: &Store, target: &Path) -> Result<Head, BackupError> {
    let Pool::Sqlite(pool) = &db.pool else { return Err(BackupError::NotSqlite) };
    if target.exists() {
        return Err(BackupError::Exists(target.display().to_string()));
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io(dir))?;
    }
    sqlx::query("VACUUM INTO $1").bind(target.display().to_string()).execute(pool).await?;
    head_of(target).await
}

/// The newest audit event of a SQLite file (opened read-only).
async fn head_of(file: &Path) -> Result<Head, BackupError> {
    use sqlx::ConnectOptions;
    let not_db = |e: String| BackupError::NotADatabase(file.display().to_string(), e);
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(file).read_only(true);
    let mut conn = options.connect().await.map_err(|e| not_db(e.to_string()))?;
    let check: String =
        sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&mut conn).await.map_err(|e| not_db(e.to_string()))?;
    if check != "ok" {
        return Err(not_db(format!("SQLite integrity check: {check}")));
    }
    let row: Option<(i64, Option<String>)> = sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
        .fetch_optional(&mut conn)
        .await
        .map_err(|e| not_db(e.to_string()))?;
    let (seq, hash) = row.ok_or_else(|| not_db("it has no audit record".into()))?;
    Ok(Head { seq, hash: hash.unwrap_or_default() })
}

/// Replaces the stopped server's database file with the backup at `source` and records the restore
/// in the audit anchor. Returns the restored head. The caller verifies the result.
pub async fn restore(url: &str, source: &Path, anchor: &crate::audit::anchor::AnchorLog) -> Result<Head, BackupError> {
    let target = sqlite_file(url).ok_or(BackupError::NotSqlite)?;
    let head = head_of(source).await?;
    let Some(_lock) = ServerLock::try_take(&target)? else {
        return Err(BackupError::InUse(target.display().to_string()));
    };
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    // Copy beside the target, then rename over it: the database is either the old or the new file.
    let staged = dir.join(".hrdd-restore.sqlite");
    std::fs::copy(source, &staged).map_err(io(&staged))?;
    for suffix in ["-wal", "-shm"] {
        let mut side = target.as_os_str().to_owned();
        side.push(suffix);
        match std::fs::remove_file(PathBuf::from(&side)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io(Path::new(&side))(e)),
        }
    }
    std::fs::rename(&staged, &target).map_err(io(&target))?;
    anchor.record_restore(&head).map_err(io(anchor.path()))?;
    Ok(head)
}
