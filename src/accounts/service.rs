//! Account operations over the database: users, passwords, sign-in with throttling.

use super::{CountryScope, CurrentUser, Email, NewPassword, Role, UserSummary};
use crate::error::AppError;
use crate::server::db::Db;
use crate::with_pool;
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use chrono::{DateTime, Duration, Utc};

/// Failed sign-ins allowed per account or per client address within [`THROTTLE_WINDOW_MINUTES`].
pub const MAX_FAILED_SIGN_INS: i64 = 5;
pub const THROTTLE_WINDOW_MINUTES: i64 = 15;

/// The same message for an unknown e-mail and a wrong password, so sign-in does not reveal accounts.
pub const BAD_CREDENTIALS: &str = "The e-mail address or password is not correct.";

pub fn hash_password(password: &NewPassword) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.expose().as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(AppError::internal)
}

fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A hash verified when the e-mail is unknown, so both failures take the same time.
fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(b"no such user, no such password", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

/// Writes a user's roles and countries inside an open transaction (either backend).
macro_rules! insert_memberships {
    ($tx:ident, $id:expr, $spec:expr) => {
        for role in &$spec.roles {
            sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)")
                .bind($id)
                .bind(role.as_str())
                .execute(&mut *$tx)
                .await?;
        }
        if let CountryScope::Countries(list) = &$spec.scope {
            for c in list {
                sqlx::query("INSERT INTO user_countries (user_id, country) VALUES ($1, $2)")
                    .bind($id)
                    .bind(c)
                    .execute(&mut *$tx)
                    .await?;
            }
        }
    };
}

#[derive(sqlx::FromRow)]
struct UserRow {
    id: i64,
    email: String,
    name: String,
    approval_level: Option<i32>,
    all_countries: bool,
    active: bool,
    must_change_password: bool,
    created_at: DateTime<Utc>,
    last_sign_in_at: Option<DateTime<Utc>>,
}

const USER_COLUMNS: &str =
    "id, email, name, approval_level, all_countries, active, must_change_password, created_at, last_sign_in_at";

impl UserRow {
    /// The account with its roles and countries.
    fn into_user(self, mut roles: Vec<Role>, countries: Vec<String>) -> CurrentUser {
        roles.sort();
        CurrentUser {
            id: self.id,
            email: self.email,
            name: self.name,
            roles,
            approval_level: self.approval_level.map(|l| l as u8),
            scope: if self.all_countries { CountryScope::All } else { CountryScope::Countries(countries) },
            must_change_password: self.must_change_password,
        }
    }
}

/// Everything an admin (or the CLI) sets when creating or editing a user.
#[derive(Clone, Debug)]
pub struct UserSpec {
    pub name: String,
    pub roles: Vec<Role>,
    pub approval_level: Option<u8>,
    pub scope: CountryScope,
}

impl UserSpec {
    /// Checks the combination: at least one role; reviewers need a level 1–3; anyone who sees cases
    /// needs at least one country (or all countries).
    pub fn check(mut self) -> Result<UserSpec, AppError> {
        self.roles.sort();
        self.roles.dedup();
        if self.roles.is_empty() {
            return Err(AppError::invalid("roles", "Choose at least one role."));
        }
        if self.roles.contains(&Role::Reviewer) {
            match self.approval_level {
                Some(1..=3) => {}
                _ => {
                    return Err(AppError::invalid("approval_level", "A reviewer needs an approval level of 1, 2 or 3."))
                }
            }
        } else {
            self.approval_level = None;
        }
        let sees_cases = self.roles.iter().any(|r| *r != Role::Admin);
        if sees_cases && self.scope == CountryScope::Countries(Vec::new()) {
            return Err(AppError::invalid("countries", "Give at least one country, or all countries."));
        }
        Ok(self)
    }
}

pub async fn user_count(db: &Db) -> Result<i64, AppError> {
    Ok(with_pool!(db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(pool).await?))
}

pub async fn create_user(
    db: &Db,
    email: &Email,
    spec: UserSpec,
    password: &NewPassword,
    must_change_password: bool,
) -> Result<i64, AppError> {
    let spec = spec.check()?;
    let hash = hash_password(password)?;
    let now = Utc::now();
    // An async block, so `?` yields the raw sqlx error and a duplicate e-mail can be told apart.
    let writer = db.write_gate().await;
    let result: Result<i64, sqlx::Error> = async { with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (email, name, password_hash, approval_level, all_countries, active, must_change_password, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
        )
        .bind(email.as_str())
        .bind(&spec.name)
        .bind(&hash)
        .bind(spec.approval_level.map(i32::from))
        .bind(spec.scope == CountryScope::All)
        .bind(true)
        .bind(must_change_password)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        insert_memberships!(tx, id, spec);
        tx.commit().await?;
        Ok(id)
    }) }
    .await;
    drop(writer);
    result.map_err(|e| match &e {
        sqlx::Error::Database(d) if d.is_unique_violation() => {
            AppError::invalid("email", format!("A user with the e-mail address {} already exists.", email.as_str()))
        }
        _ => AppError::internal(e),
    })
}

/// Replaces name, roles, level and countries of a user.
pub async fn update_user(db: &Db, id: i64, spec: UserSpec) -> Result<(), AppError> {
    let spec = spec.check()?;
    let now = Utc::now();
    let writer = db.write_gate().await;
    let found: bool = with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let updated = sqlx::query("UPDATE users SET name = $1, approval_level = $2, all_countries = $3, updated_at = $4 WHERE id = $5")
            .bind(&spec.name)
            .bind(spec.approval_level.map(i32::from))
            .bind(spec.scope == CountryScope::All)
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        sqlx::query("DELETE FROM user_roles WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM user_countries WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
        insert_memberships!(tx, id, spec);
        tx.commit().await?;
        updated == 1
    });
    drop(writer);
    if found {
        Ok(())
    } else {
        Err(AppError::NotFound("No such user.".into()))
    }
}

/// Activates or deactivates a user; deactivation ends all their sessions at once.
pub async fn set_active(db: &Db, id: i64, active: bool) -> Result<(), AppError> {
    let now = Utc::now();
    let n = with_pool!(db, pool => sqlx::query("UPDATE users SET active = $1, updated_at = $2 WHERE id = $3")
        .bind(active).bind(now).bind(id).execute(pool).await?.rows_affected());
    if n == 0 {
        return Err(AppError::NotFound("No such user.".into()));
    }
    if !active {
        super::session::revoke_all(db, id).await?;
    }
    Ok(())
}

/// Sets a new password and ends all sessions of the user (a stolen session dies with the old password).
pub async fn set_password(db: &Db, id: i64, password: &NewPassword, must_change: bool) -> Result<(), AppError> {
    let hash = hash_password(password)?;
    let now = Utc::now();
    let n = with_pool!(db, pool => sqlx::query("UPDATE users SET password_hash = $1, must_change_password = $2, updated_at = $3 WHERE id = $4")
        .bind(&hash).bind(must_change).bind(now).bind(id).execute(pool).await?.rows_affected());
    if n == 0 {
        return Err(AppError::NotFound("No such user.".into()));
    }
    super::session::revoke_all(db, id).await
}

pub async fn check_password(db: &Db, id: i64, password: &str) -> Result<bool, AppError> {
    let hash: Option<String> = with_pool!(db, pool => sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1").bind(id).fetch_optional(pool).await?);
    Ok(hash.is_some_and(|h| verify_password(password, &h)))
}

/// Loads an active user with roles and countries.
pub async fn load_user(db: &Db, id: i64) -> Result<Option<CurrentUser>, AppError> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1 AND active = $2");
    let row: Option<UserRow> =
        with_pool!(db, pool => sqlx::query_as(&sql).bind(id).bind(true).fetch_optional(pool).await?);
    let Some(row) = row else { return Ok(None) };
    let roles: Vec<String> = with_pool!(db, pool => sqlx::query_scalar("SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role").bind(id).fetch_all(pool).await?);
    let countries: Vec<String> = with_pool!(db, pool => sqlx::query_scalar("SELECT country FROM user_countries WHERE user_id = $1 ORDER BY country").bind(id).fetch_all(pool).await?);
    let roles: Vec<Role> = roles.iter().filter_map(|r| Role::parse(r)).collect();
    Ok(Some(row.into_user(roles, countries)))
}

pub async fn list_users(db: &Db) -> Result<Vec<UserSummary>, AppError> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users ORDER BY active DESC, name");
    let rows: Vec<UserRow> = with_pool!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await?);
    let role_rows: Vec<(i64, String)> =
        with_pool!(db, pool => sqlx::query_as("SELECT user_id, role FROM user_roles").fetch_all(pool).await?);
    let country_rows: Vec<(i64, String)> = with_pool!(db, pool => sqlx::query_as("SELECT user_id, country FROM user_countries ORDER BY country").fetch_all(pool).await?);
    Ok(rows
        .into_iter()
        .map(|row| {
            let roles: Vec<Role> =
                role_rows.iter().filter(|(uid, _)| *uid == row.id).filter_map(|(_, r)| Role::parse(r)).collect();
            let countries = country_rows.iter().filter(|(uid, _)| *uid == row.id).map(|(_, c)| c.clone()).collect();
            let (active, created, last) = (row.active, row.created_at, row.last_sign_in_at);
            UserSummary {
                user: row.into_user(roles, countries),
                active,
                last_sign_in: last.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()),
                created_at: created.format("%Y-%m-%d").to_string(),
            }
        })
        .collect())
}

/// Checks the credentials with throttling and records the attempt. Returns the user id on success.
pub async fn authenticate(db: &Db, email_raw: &str, password: &str, ip: &str) -> Result<i64, AppError> {
    let email = email_raw.trim().to_lowercase();
    if email.is_empty() {
        return Err(AppError::invalid("email", "Enter your e-mail address."));
    }
    if email.len() > super::EMAIL_MAX {
        return Err(AppError::invalid("email", "This e-mail address is too long."));
    }
    if password.is_empty() {
        return Err(AppError::invalid("password", "Enter your password."));
    }
    if password.len() > super::PASSWORD_MAX * 4 {
        return Err(AppError::invalid("password", "This password is too long."));
    }
    let now = Utc::now();
    let since = now - Duration::minutes(THROTTLE_WINDOW_MINUTES);
    let failures_sql = "SELECT COUNT(*) FROM sign_in_attempts WHERE success = $1 AND throttled = $1 AND at > $2 AND ";
    let by_email: i64 = with_pool!(db, pool => sqlx::query_scalar(&format!("{failures_sql} email = $3")).bind(false).bind(since).bind(&email).fetch_one(pool).await?);
    let by_ip: i64 = with_pool!(db, pool => sqlx::query_scalar(&format!("{failures_sql} ip = $3")).bind(false).bind(since).bind(ip).fetch_one(pool).await?);
    if by_email >= MAX_FAILED_SIGN_INS || by_ip >= MAX_FAILED_SIGN_INS {
        record_attempt(db, &email, ip, None, false, true).await?;
        return Err(AppError::TooManyAttempts(format!(
            "Too many failed sign-ins. For your security, sign-in is paused for {THROTTLE_WINDOW_MINUTES} minutes. If you forgot your password, ask an administrator for a temporary one."
        )));
    }
    let row: Option<(i64, String, bool)> = with_pool!(db, pool => sqlx::query_as("SELECT id, password_hash, active FROM users WHERE email = $1").bind(&email).fetch_optional(pool).await?);
    let (user_id, ok) = match row {
        Some((id, hash, active)) => (Some(id), verify_password(password, &hash) && active),
        None => {
            verify_password(password, dummy_hash());
            (None, false)
        }
    };
    record_attempt(db, &email, ip, user_id, ok, false).await?;
    match (ok, user_id) {
        (true, Some(id)) => {
            with_pool!(db, pool => sqlx::query("UPDATE users SET last_sign_in_at = $1 WHERE id = $2").bind(now).bind(id).execute(pool).await?.rows_affected());
            Ok(id)
        }
        _ => Err(AppError::Invalid { field: None, message: BAD_CREDENTIALS.into() }),
    }
}

async fn record_attempt(
    db: &Db,
    email: &str,
    ip: &str,
    user_id: Option<i64>,
    success: bool,
    throttled: bool,
) -> Result<(), AppError> {
    let now = Utc::now();
    with_pool!(db, pool => sqlx::query("INSERT INTO sign_in_attempts (at, email, ip, user_id, success, throttled) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(now).bind(email).bind(ip).bind(user_id).bind(success).bind(throttled).execute(pool).await?.rows_affected());
    if success {
        tracing::info!(target: "audit", email, ip, "sign-in succeeded");
    } else {
        tracing::warn!(target: "audit", email, ip, throttled, "sign-in failed");
    }
    Ok(())
}
