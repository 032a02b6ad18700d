//! Account operations over the database: users, passwords, sign-in with throttling.

use crate::accounts::{CountryScope, CurrentUser, Email, NewPassword, Role, UserSpec, UserSummary};
use crate::audit::{Action, Actor, NewEvent};
use crate::error::AppError;
use crate::notify::Kind;
use crate::store::accounts::{NewUser, SignInAttempt};
use crate::store::{Store, StoreError};
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

pub async fn user_count(db: &Store) -> Result<i64, AppError> {
    Ok(db.user_count().await?)
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

pub async fn create_user(
    db: &Store,
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
    let new = NewUser { email: email.as_str(), spec: &spec, password_hash: &hash, must_change_password, at: now };
    let mut write = db.write().await?;
    let id = write.insert_user(&new).await.map_err(|e| match e {
        StoreError::Duplicate(_) => {
            AppError::invalid("email", format!("A user with the e-mail address {} already exists.", email.as_str()))
        }
        e => AppError::from(e),
    })?;
    write.append_event(&NewEvent::account(id, by.actor.clone(), by.role, Action::UserCreated, details)).await?;
    // An administrator's new account is told to its holder (set-up, demo and command line are not:
    // whoever runs them tells the person).
    if by.role == Role::Admin.as_str() {
        let notice = crate::services::notify::plan_account(db, Kind::AccountCreated, id, email.as_str(), &by.actor);
        notice.write(&mut write, now).await?;
    }
    write.commit().await?;
    Ok(id)
}

/// Replaces name, roles, level and countries of a user; the change is an audit event with the
/// account before and after. Nobody changes their own roles, level or countries (spec §10.1: an
/// administrator cannot make themself an approver).
pub async fn update_user(db: &Store, id: i64, spec: UserSpec, by: &ChangedBy) -> Result<(), AppError> {
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
    let mut write = db.write().await?;
    write.update_user(id, &spec, now).await?;
    write.append_event(&NewEvent::account(id, by.actor.clone(), by.role, Action::UserUpdated, details)).await?;
    write.commit().await?;
    Ok(())
}

/// Activates or deactivates a user. Deactivation ends all their sessions and revokes their access
/// tokens at once (a reactivated account starts without any).
pub async fn set_active(db: &Store, id: i64, active: bool, by: &ChangedBy) -> Result<(), AppError> {
    if by.is(id) && !active {
        return Err(AppError::forbidden("You cannot deactivate your own account."));
    }
    let user = load_any_user(db, id).await?.ok_or_else(|| AppError::NotFound("No such user.".into()))?;
    let now = Utc::now();
    let action = if active { Action::UserReactivated } else { Action::UserDeactivated };
    let mut details =
        json!({ "email": user.user.email, "before": { "active": user.active }, "after": { "active": active } });
    let mut write = db.write().await?;
    write.set_user_active(id, active, now).await?;
    if !active {
        details["tokens_revoked"] = json!(write.end_sessions_and_tokens(id, now).await?);
    }
    write.append_event(&NewEvent::account(id, by.actor.clone(), by.role, action, details)).await?;
    write.commit().await?;
    Ok(())
}

/// Sets a new password, ends all sessions of the user and revokes their access tokens (a stolen
/// session or token dies with the old password). An audit event names who did it.
pub async fn set_password(
    db: &Store,
    id: i64,
    password: &NewPassword,
    must_change: bool,
    by: &ChangedBy,
) -> Result<(), AppError> {
    let hash = hash_password(password)?;
    let user = load_any_user(db, id).await?.ok_or_else(|| AppError::NotFound("No such user.".into()))?;
    let now = Utc::now();
    let action = if by.is(id) { Action::PasswordChanged } else { Action::PasswordReset };
    let mut write = db.write().await?;
    write.set_password_hash(id, &hash, must_change, now).await?;
    let revoked = write.end_sessions_and_tokens(id, now).await?;
    let details = json!({ "email": user.user.email, "temporary": must_change, "sessions_ended": true, "tokens_revoked": revoked });
    write.append_event(&NewEvent::account(id, by.actor.clone(), by.role, action, details)).await?;
    if action == Action::PasswordReset {
        let notice = crate::services::notify::plan_account(db, Kind::PasswordReset, id, &user.user.email, &by.actor);
        notice.write(&mut write, now).await?;
    }
    write.commit().await?;
    Ok(())
}

pub async fn check_password(db: &Store, id: i64, password: &str) -> Result<bool, AppError> {
    Ok(db.password_hash(id).await?.is_some_and(|h| verify_password(password, &h)))
}

/// The signed-in user's own language choice (no role needed: it changes only what they read).
pub async fn set_language(db: &Store, user: &CurrentUser, lang: crate::i18n::Lang) -> Result<(), AppError> {
    if user.lang == Some(lang) {
        return Ok(());
    }
    let mut write = db.write().await?;
    write.set_user_lang(user.id, lang).await?;
    write.commit().await?;
    Ok(())
}

/// Loads an active user with roles and countries.
pub async fn load_user(db: &Store, id: i64) -> Result<Option<CurrentUser>, AppError> {
    Ok(load_any_user(db, id).await?.filter(|u| u.active).map(|u| u.user))
}

/// Loads a user, active or not, with roles, countries and status.
pub async fn load_any_user(db: &Store, id: i64) -> Result<Option<UserSummary>, AppError> {
    Ok(db.user(id).await?)
}

pub async fn list_users(db: &Store) -> Result<Vec<UserSummary>, AppError> {
    Ok(db.users().await?)
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
pub async fn authenticate(db: &Store, email_raw: &str, password: &str, ip: &str) -> Result<i64, AppError> {
    let email = email_raw.trim().to_lowercase();
    if email.is_empty() {
        return Err(AppError::invalid("email", "Enter your e-mail address."));
    }
    if email.len() > crate::accounts::EMAIL_MAX {
        return Err(AppError::invalid("email", "This e-mail address is too long."));
    }
    if email.chars().any(char::is_control) {
        return Err(AppError::invalid("email", "Enter an e-mail address such as name@un.org."));
    }
    if password.is_empty() {
        return Err(AppError::invalid("password", "Enter your password."));
    }
    if password.len() > crate::accounts::PASSWORD_MAX * 4 {
        return Err(AppError::invalid("password", "This password is too long."));
    }
    let now = Utc::now();
    let since = now - Duration::seconds(MAX_WAIT_SECONDS);
    let pair = db.recent_sign_in_attempts(since, Some(&email), ip).await?;
    let address = db.recent_sign_in_attempts(since, None, ip).await?;
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
    let (user_id, ok) = match db.credentials(&email).await? {
        Some(account) => (Some(account.user_id), verify_password(password, &account.password_hash) && account.active),
        None => {
            verify_password(password, dummy_hash());
            (None, false)
        }
    };
    record_attempt(db, &email, ip, user_id, ok, false).await?;
    match (ok, user_id) {
        (true, Some(id)) => {
            db.mark_signed_in(id, now).await?;
            Ok(id)
        }
        _ => Err(AppError::Invalid { field: None, message: BAD_CREDENTIALS.into() }),
    }
}

async fn record_attempt(
    db: &Store,
    email: &str,
    ip: &str,
    user_id: Option<i64>,
    success: bool,
    throttled: bool,
) -> Result<(), AppError> {
    db.record_sign_in_attempt(&SignInAttempt { at: Utc::now(), email, ip, user_id, success, throttled }).await?;
    if success {
        tracing::info!(target: "audit", email, ip, "sign-in succeeded");
    } else {
        tracing::warn!(target: "audit", email, ip, throttled, "sign-in failed");
    }
    Ok(())
}

/// The account and its recorded changes, each with what changed before → after.
pub async fn account_history(db: &Store, id: i64) -> Result<crate::accounts::AccountHistory, AppError> {
    let user = load_any_user(db, id).await?.ok_or_else(|| AppError::NotFound("No such user.".into()))?;
    let keyring = db.trail().keyring();
    let events = crate::services::verify::events_of_account(db, id)
        .await?
        .into_iter()
        .map(|e| {
            let details = e.details_value();
            crate::accounts::AccountEvent {
                seq: e.seq,
                at: e.at.replace('T', " ").chars().take(16).collect::<String>() + " UTC",
                actor: e.actor.clone(),
                action: account_change(&e.action),
                changes: account_changes(&details),
                verified: crate::audit::check::event_problem(&e, keyring).is_none(),
                hash: e.hash,
            }
        })
        .collect();
    Ok(crate::accounts::AccountHistory { user, events })
}

fn account_change(action: &str) -> crate::accounts::AccountChange {
    use crate::accounts::AccountChange as Change;
    use crate::audit::Action;
    match Action::parse(action) {
        Some(Action::UserCreated) => Change::Created,
        Some(Action::UserUpdated) => Change::Updated,
        Some(Action::UserDeactivated) => Change::Deactivated,
        Some(Action::UserReactivated) => Change::Reactivated,
        Some(Action::PasswordReset) => Change::PasswordReset,
        Some(Action::PasswordChanged) => Change::PasswordChanged,
        Some(Action::TokenCreated) => Change::TokenCreated,
        Some(Action::TokenRevoked) => Change::TokenRevoked,
        Some(Action::MailRetried) => Change::MailRetried,
        _ => Change::Other,
    }
}

/// `(field, before, after)` for every field that differs between `before` and `after` (or every
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
                out.push((k.clone(), before.get(k).map(show).unwrap_or_default(), show(v)));
            }
        }
    }
    for key in ["tokens_revoked", "name", "prefix", "expires_at", "token_id", "temporary"] {
        if let Some(v) = details.get(key) {
            out.push((key.to_string(), String::new(), show(v)));
        }
    }
    out
}
