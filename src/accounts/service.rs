//! Account operations over the database: users, passwords, sign-in with throttling.

use super::{CountryScope, CurrentUser, Email, NewPassword, Role, UserSummary};
use crate::audit::{Action, Actor, NewEvent};
use crate::error::AppError;
use crate::server::db::Db;
use crate::with_pool;
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};

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

impl UserRow {
    /// The account with its status, as the admin pages show it.
    fn into_summary(self, roles: Vec<Role>, countries: Vec<String>) -> UserSummary {
        let (active, created, last) = (self.active, self.created_at, self.last_sign_in_at);
        UserSummary {
            user: self.into_user(roles, countries),
            active,
            last_sign_in: last.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()),
            created_at: created.format("%Y-%m-%d").to_string(),
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
    /// needs at least one country (or all countries). Every problem at once.
    pub fn check(self) -> Result<UserSpec, AppError> {
        let problems = self.problems();
        AppError::from_fields(problems)?;
        Ok(self.normalized())
    }

    /// The roles sorted without repeats, and no approval level unless the user reviews.
    fn normalized(mut self) -> UserSpec {
        self.roles.sort();
        self.roles.dedup();
        if !self.roles.contains(&Role::Reviewer) {
            self.approval_level = None;
        }
        self
    }

    /// Each (field, message) the combination breaks.
    pub fn problems(&self) -> Vec<(String, String)> {
        let mut problems = Vec::new();
        let mut problem = |field: &str, message: &str| problems.push((field.to_string(), message.to_string()));
        if self.roles.is_empty() {
            problem("roles", "Choose at least one role.");
        }
        // Spec §10.1: administrators see no case content and sign nothing. Holding another role as
        // well would let an administrator grant themself what the separation is there to prevent.
        if self.roles.contains(&Role::Admin) && self.roles.iter().any(|r| *r != Role::Admin) {
            problem(
                "roles",
                "The administrator role stands alone: an administrator cannot also assess, advise, review or manage cases. Use a second account for that work.",
            );
        }
        if self.roles.contains(&Role::Reviewer) && !matches!(self.approval_level, Some(1..=3)) {
            problem("approval_level", "A reviewer needs an approval level of 1, 2 or 3.");
        }
        let sees_cases = self.roles.iter().any(|r| *r != Role::Admin);
        if sees_cases && self.scope == CountryScope::Countries(Vec::new()) {
            problem("countries", "Give at least one country, or all countries.");
        }
        problems
    }
}

pub async fn user_count(db: &Db) -> Result<i64, AppError> {
    Ok(with_pool!(db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(pool).await?))
}

/// Who changes an account, in which capacity: written into the account's audit event.
#[derive(Clone, Debug)]
pub struct ChangedBy {
    pub actor: Actor,
    pub role: &'static str,
}

impl ChangedBy {
    /// An administrator through the admin pages.
    pub fn admin(user: &CurrentUser) -> ChangedBy {
        ChangedBy { actor: Actor::user(user), role: Role::Admin.as_str() }
    }

    /// The user on their own account.
    pub fn own(user: &CurrentUser) -> ChangedBy {
        ChangedBy { actor: Actor::user(user), role: "self" }
    }

    /// An operator on the server (`hrdd user add`).
    pub fn command_line(what: &str) -> ChangedBy {
        ChangedBy { actor: Actor::command_line(what), role: "system" }
    }

    fn is(&self, id: i64) -> bool {
        self.actor.id == Some(id)
    }
}

/// What an account event records of the account: everything an administrator sets.
fn account_json(email: &str, spec: &UserSpec) -> Value {
    json!({
        "email": email,
        "name": spec.name,
        "roles": spec.roles.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        "approval_level": spec.approval_level,
        "countries": match &spec.scope {
            CountryScope::All => json!("ALL"),
            CountryScope::Countries(list) => json!(list),
        },
    })
}

impl From<&CurrentUser> for UserSpec {
    fn from(u: &CurrentUser) -> UserSpec {
        UserSpec {
            name: u.name.clone(),
            roles: u.roles.clone(),
            approval_level: u.approval_level,
            scope: u.scope.clone(),
        }
    }
}

pub async fn create_user(
    db: &Db,
    email: &Email,
    spec: UserSpec,
    password: &NewPassword,
    must_change_password: bool,
    by: &ChangedBy,
) -> Result<i64, AppError> {
    let spec = spec.check()?;
    let hash = hash_password(password)?;
    let now = Utc::now();
    let details = json!({ "after": account_json(email.as_str(), &spec), "temporary_password": must_change_password });
    // An async block, so `?` yields the raw sqlx error and a duplicate e-mail can be told apart.
    let result: Result<i64, sqlx::Error> = async { with_pool!(db, pool => {
        let mut tx = db.begin_write(pool).await?;
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
        let event = NewEvent::account(id, by.actor.clone(), by.role, Action::UserCreated, details.clone());
        crate::append_event!(tx, &event);
        tx.commit().await?;
        Ok(id)
    }) }
    .await;
    result.map_err(|e| match &e {
        sqlx::Error::Database(d) if d.is_unique_violation() => {
            AppError::invalid("email", format!("A user with the e-mail address {} already exists.", email.as_str()))
        }
        _ => AppError::internal(e),
    })
}

/// Replaces name, roles, level and countries of a user; the change is an audit event with the
/// account before and after. Nobody changes their own roles, level or countries (spec §10.1: an
/// administrator cannot make themself an approver).
pub async fn update_user(db: &Db, id: i64, spec: UserSpec, by: &ChangedBy) -> Result<(), AppError> {
    let spec = spec.check()?;
    let before = load_any_user(db, id).await?.ok_or_else(|| AppError::NotFound("No such user.".into()))?;
    let old = UserSpec::from(&before.user);
    if by.is(id) && (old.roles != spec.roles || old.approval_level != spec.approval_level || old.scope != spec.scope) {
        return Err(AppError::invalid(
            "roles",
            "You cannot change your own roles, approval level or countries; another administrator must do it.",
        ));
    }
    let now = Utc::now();
    let details =
        json!({ "before": account_json(&before.user.email, &old), "after": account_json(&before.user.email, &spec) });
    with_pool!(db, pool => {
        let mut tx = db.begin_write(pool).await?;
        sqlx::query("UPDATE users SET name = $1, approval_level = $2, all_countries = $3, updated_at = $4 WHERE id = $5")
            .bind(&spec.name)
            .bind(spec.approval_level.map(i32::from))
            .bind(spec.scope == CountryScope::All)
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM user_roles WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM user_countries WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
        insert_memberships!(tx, id, spec);
        let event = NewEvent::account(id, by.actor.clone(), by.role, Action::UserUpdated, details);
        crate::append_event!(tx, &event);
        tx.commit().await?;
    });
    Ok(())
}

/// Activates or deactivates a user. Deactivation ends all their sessions and revokes their access
/// tokens at once (a reactivated account starts without any).
pub async fn set_active(db: &Db, id: i64, active: bool, by: &ChangedBy) -> Result<(), AppError> {
    if by.is(id) && !active {
        return Err(AppError::forbidden("You cannot deactivate your own account."));
    }
    let user = load_any_user(db, id).await?.ok_or_else(|| AppError::NotFound("No such user.".into()))?;
    let now = Utc::now();
    let action = if active { Action::UserReactivated } else { Action::UserDeactivated };
    with_pool!(db, pool => {
        let mut tx = db.begin_write(pool).await?;
        sqlx::query("UPDATE users SET active = $1, updated_at = $2 WHERE id = $3")
            .bind(active).bind(now).bind(id).execute(&mut *tx).await?;
        let mut details = json!({ "email": user.user.email, "before": { "active": user.active }, "after": { "active": active } });
        if !active {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
            let revoked = sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
                .bind(now).bind(id).execute(&mut *tx).await?.rows_affected();
            details["tokens_revoked"] = json!(revoked);
        }
        let event = NewEvent::account(id, by.actor.clone(), by.role, action, details);
        crate::append_event!(tx, &event);
        tx.commit().await?;
    });
    Ok(())
}

/// Sets a new password, ends all sessions of the user and revokes their access tokens (a stolen
/// session or token dies with the old password). An audit event names who did it.
pub async fn set_password(
    db: &Db,
    id: i64,
    password: &NewPassword,
    must_change: bool,
    by: &ChangedBy,
) -> Result<(), AppError> {
    let hash = hash_password(password)?;
    let user = load_any_user(db, id).await?.ok_or_else(|| AppError::NotFound("No such user.".into()))?;
    let now = Utc::now();
    let action = if by.is(id) { Action::PasswordChanged } else { Action::PasswordReset };
    with_pool!(db, pool => {
        let mut tx = db.begin_write(pool).await?;
        sqlx::query("UPDATE users SET password_hash = $1, must_change_password = $2, updated_at = $3 WHERE id = $4")
            .bind(&hash).bind(must_change).bind(now).bind(id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
        let revoked = sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
            .bind(now).bind(id).execute(&mut *tx).await?.rows_affected();
        let details = json!({ "email": user.user.email, "temporary": must_change, "sessions_ended": true, "tokens_revoked": revoked });
        let event = NewEvent::account(id, by.actor.clone(), by.role, action, details);
        crate::append_event!(tx, &event);
        tx.commit().await?;
    });
    Ok(())
}

pub async fn check_password(db: &Db, id: i64, password: &str) -> Result<bool, AppError> {
    let hash: Option<String> = with_pool!(db, pool => sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1").bind(id).fetch_optional(pool).await?);
    Ok(hash.is_some_and(|h| verify_password(password, &h)))
}

/// Loads an active user with roles and countries.
pub async fn load_user(db: &Db, id: i64) -> Result<Option<CurrentUser>, AppError> {
    Ok(load_any_user(db, id).await?.filter(|u| u.active).map(|u| u.user))
}

/// Loads a user, active or not, with roles, countries and status.
pub async fn load_any_user(db: &Db, id: i64) -> Result<Option<UserSummary>, AppError> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
    let row: Option<UserRow> = with_pool!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?);
    let Some(row) = row else { return Ok(None) };
    let roles: Vec<String> = with_pool!(db, pool => sqlx::query_scalar("SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role").bind(id).fetch_all(pool).await?);
    let countries: Vec<String> = with_pool!(db, pool => sqlx::query_scalar("SELECT country FROM user_countries WHERE user_id = $1 ORDER BY country").bind(id).fetch_all(pool).await?);
    let roles: Vec<Role> = roles.iter().filter_map(|r| Role::parse(r)).collect();
    Ok(Some(row.into_summary(roles, countries)))
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
            row.into_summary(roles, countries)
        })
        .collect())
}

/// Failed sign-ins for one account from one address before each further attempt must wait.
pub const FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS: usize = 3;
/// Failed sign-ins from one address (all accounts) before each further attempt must wait.
pub const FREE_FAILURES_PER_ADDRESS: usize = 30;
/// The longest wait; failures older than this are forgotten.
pub const MAX_WAIT_SECONDS: i64 = 15 * 60;

/// How long to wait after the newest failure, given `failures` counted against `free` ones: none
/// up to `free`, then `base` seconds doubling with each further failure, at most [`MAX_WAIT_SECONDS`].
pub fn backoff_seconds(failures: usize, free: usize, base: i64) -> i64 {
    if failures < free {
        return 0;
    }
    let doublings = (failures - free).min(20) as u32;
    (base.saturating_mul(1_i64 << doublings)).min(MAX_WAIT_SECONDS)
}

/// Failures since the last success, newest first (at most 64 are looked at).
fn failures_since_success(attempts: &[(bool, DateTime<Utc>)]) -> Vec<DateTime<Utc>> {
    attempts.iter().take_while(|(success, _)| !success).map(|(_, at)| *at).collect()
}

/// Checks the credentials with throttling and records the attempt. Returns the user id on success.
///
/// Throttling slows guessing without locking people out: after 3 failures for one account from one
/// address, each further attempt from that address waits 5 s, then 10 s, 20 s … (at most 15 min); an
/// address with 30 failures across accounts waits 1 s, 2 s, 4 s …. The owner signing in from another
/// address is never affected, and a success clears the count for that account and address.
pub async fn authenticate(db: &Db, email_raw: &str, password: &str, ip: &str) -> Result<i64, AppError> {
    let email = email_raw.trim().to_lowercase();
    if email.is_empty() {
        return Err(AppError::invalid("email", "Enter your e-mail address."));
    }
    if email.len() > super::EMAIL_MAX {
        return Err(AppError::invalid("email", "This e-mail address is too long."));
    }
    if email.chars().any(char::is_control) {
        return Err(AppError::invalid("email", "Enter an e-mail address such as name@un.org."));
    }
    if password.is_empty() {
        return Err(AppError::invalid("password", "Enter your password."));
    }
    if password.len() > super::PASSWORD_MAX * 4 {
        return Err(AppError::invalid("password", "This password is too long."));
    }
    let now = Utc::now();
    let since = now - Duration::seconds(MAX_WAIT_SECONDS);
    let recent = "SELECT success, at FROM sign_in_attempts WHERE throttled = $1 AND at > $2 AND ";
    let pair: Vec<(bool, DateTime<Utc>)> = with_pool!(db, pool => sqlx::query_as(&format!("{recent} email = $3 AND ip = $4 ORDER BY at DESC LIMIT 64"))
        .bind(false).bind(since).bind(&email).bind(ip).fetch_all(pool).await?);
    let address: Vec<(bool, DateTime<Utc>)> = with_pool!(db, pool => sqlx::query_as(&format!("{recent} ip = $3 AND success = $1 ORDER BY at DESC LIMIT 64"))
        .bind(false).bind(since).bind(ip).fetch_all(pool).await?);
    let pair_failures = failures_since_success(&pair);
    let address_failures = failures_since_success(&address);
    let wait_until = |failures: &[DateTime<Utc>], free: usize, base: i64| {
        failures.first().map(|newest| *newest + Duration::seconds(backoff_seconds(failures.len(), free, base)))
    };
    let until = [
        wait_until(&pair_failures, FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS, 5),
        wait_until(&address_failures, FREE_FAILURES_PER_ADDRESS, 1),
    ]
    .into_iter()
    .flatten()
    .max()
    .filter(|t| *t > now);
    if let Some(until) = until {
        record_attempt(db, &email, ip, None, false, true).await?;
        let seconds = ((until - now).num_milliseconds() + 999).div_euclid(1000).max(1);
        let wait = if seconds < 90 { format!("{seconds} seconds") } else { format!("{} minutes", (seconds + 59) / 60) };
        return Err(AppError::TooManyAttempts(format!(
            "Too many failed sign-ins from this network. For your security, wait {wait} before trying again. If you forgot your password, ask an administrator for a temporary one."
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

/// The account and its recorded changes, each with what changed before → after.
pub async fn account_history(db: &Db, id: i64) -> Result<super::AccountHistory, AppError> {
    let user = load_any_user(db, id).await?.ok_or_else(|| AppError::NotFound("No such user.".into()))?;
    let keyring = db.trail().keyring();
    let events = crate::audit::verify::events_of_account(db, id)
        .await?
        .into_iter()
        .map(|e| {
            let details = e.details_value();
            super::AccountEvent {
                seq: e.seq,
                at: e.at.replace('T', " ").chars().take(16).collect::<String>() + " UTC",
                actor: e.actor.clone(),
                action: account_action_label(&e.action).to_string(),
                changes: account_changes(&details),
                verified: crate::audit::check::event_problem(&e, keyring).is_none(),
                hash: e.hash,
            }
        })
        .collect();
    Ok(super::AccountHistory { user, events })
}

fn account_action_label(action: &str) -> &'static str {
    match action {
        "USER_CREATED" => "Account created",
        "USER_UPDATED" => "Account changed",
        "USER_DEACTIVATED" => "Deactivated",
        "USER_REACTIVATED" => "Reactivated",
        "PASSWORD_RESET" => "Temporary password set by an administrator",
        "PASSWORD_CHANGED" => "Password changed by the user",
        "TOKEN_CREATED" => "Access token created",
        "TOKEN_REVOKED" => "Access token revoked",
        _ => "Other change",
    }
}

/// `(what, before, after)` for every field that differs between `before` and `after` (or every
/// field of `after` for a creation), plus the plain facts of the other events.
fn account_changes(details: &Value) -> Vec<(String, String, String)> {
    let show = |v: &Value| match v {
        Value::Null => "—".to_string(),
        Value::String(s) => s.clone(),
        Value::Array(items) => {
            items.iter().map(|i| i.as_str().map_or_else(|| i.to_string(), String::from)).collect::<Vec<_>>().join(", ")
        }
        other => other.to_string(),
    };
    let (before, after) = (&details["before"], &details["after"]);
    let mut out = Vec::new();
    if let Some(fields) = after.as_object() {
        for (k, v) in fields {
            if before.get(k) != Some(v) {
                out.push((k.replace('_', " "), before.get(k).map(show).unwrap_or_default(), show(v)));
            }
        }
    }
    for key in ["tokens_revoked", "name", "prefix", "expires_at", "token_id", "temporary"] {
        if let Some(v) = details.get(key) {
            out.push((key.replace('_', " "), String::new(), show(v)));
        }
    }
    out
}
