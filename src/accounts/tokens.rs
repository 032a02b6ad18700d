//! Personal access tokens for the read API (`/api/v1`).
//!
//! A token is `hrdd_` followed by 40 random hex characters. It is shown once, when created; the
//! database keeps only its SHA-256 and the first characters (so the owner can tell tokens apart). A
//! token acts as its owner with the owner's current roles and countries, nothing more: when the owner
//! is deactivated or loses a role, the token loses it too. Tokens expire (at most 90 days), can be
//! revoked at any time, and are revoked with every password change or reset and every deactivation
//! (`service::set_password`, `service::set_active`). Creating and revoking one are audit events.

use super::{ApiToken, CreatedToken, CurrentUser, TOKEN_NAME_MAX};
use crate::audit::{Action, Actor, NewEvent};
use crate::error::AppError;
use crate::server::db::Db;
use crate::with_pool;
use chrono::{DateTime, Duration, Utc};
use serde_json::json;
use sha2::{Digest, Sha256};

pub const PREFIX: &str = "hrdd_";
/// Longest lifetime a token may have.
pub const MAX_DAYS: i64 = 90;
/// Skip rewriting `last_used_at` more often than this.
const TOUCH_EVERY_SECONDS: i64 = 60;

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A validated token name: 1–80 characters of text.
pub fn parse_name(raw: &str) -> Result<String, AppError> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(AppError::invalid("name", "Give the token a name, e.g. what will use it."));
    }
    if name.chars().count() > TOKEN_NAME_MAX {
        return Err(AppError::invalid("name", format!("Use at most {TOKEN_NAME_MAX} characters.")));
    }
    if name.chars().any(char::is_control) {
        return Err(AppError::invalid("name", "The name cannot contain control characters."));
    }
    Ok(name.to_string())
}

/// Creates a token for `user`, valid for `days` (1–90), and returns it — the only time it is seen.
pub async fn create(db: &Db, user: &CurrentUser, name: &str, days: i64) -> Result<CreatedToken, AppError> {
    let name = parse_name(name)?;
    if !(1..=MAX_DAYS).contains(&days) {
        return Err(AppError::invalid("days", format!("Choose between 1 and {MAX_DAYS} days.")));
    }
    let active: i64 = with_pool!(db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL").bind(user.id).fetch_one(pool).await?);
    if active >= 20 {
        return Err(AppError::invalid("name", "You have 20 active tokens; revoke one you no longer use first."));
    }
    let token = format!("{PREFIX}{}", hex::encode(rand::random::<[u8; 20]>()));
    let prefix: String = token.chars().take(PREFIX.len() + 6).collect();
    let now = Utc::now();
    let expires = now + Duration::days(days);
    let id: i64 = with_pool!(db, pool => {
        let mut tx = db.begin_write(pool).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        ).bind(user.id).bind(&name).bind(hash(&token)).bind(&prefix).bind(now).bind(expires).fetch_one(&mut *tx).await?;
        let details = json!({ "token_id": id, "name": name, "prefix": prefix, "expires_at": expires.format("%Y-%m-%d").to_string() });
        let event = NewEvent::account(user.id, Actor::user(user), "self", Action::TokenCreated, details);
        crate::append_event!(tx, &event);
        tx.commit().await?;
        id
    });
    Ok(CreatedToken { id, name, token, expires_at: expires.format("%Y-%m-%d").to_string() })
}

#[derive(sqlx::FromRow)]
struct TokenRow {
    id: i64,
    name: String,
    prefix: String,
    created_at: DateTime<Utc>,
    expires_at: Option<DateTime<Utc>>,
    last_used_at: Option<DateTime<Utc>>,
    revoked_at: Option<DateTime<Utc>>,
}

/// The user's tokens, newest first (never the tokens themselves).
pub async fn list(db: &Db, user_id: i64) -> Result<Vec<ApiToken>, AppError> {
    let rows: Vec<TokenRow> = with_pool!(db, pool => sqlx::query_as(
        "SELECT id, name, prefix, created_at, expires_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = $1 ORDER BY id DESC",
    ).bind(user_id).fetch_all(pool).await?);
    let now = Utc::now();
    let day = |t: DateTime<Utc>| t.format("%Y-%m-%d").to_string();
    Ok(rows
        .into_iter()
        .map(|r| ApiToken {
            id: r.id,
            name: r.name,
            prefix: r.prefix,
            created_at: day(r.created_at),
            expires_at: r.expires_at.map(day),
            last_used_at: r.last_used_at.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()),
            active: r.revoked_at.is_none() && r.expires_at.is_none_or(|e| e > now),
            revoked: r.revoked_at.is_some(),
        })
        .collect())
}

/// Revokes one of the user's own tokens (404 for anyone else's: their ids are not revealed).
pub async fn revoke(db: &Db, user: &CurrentUser, id: i64) -> Result<(), AppError> {
    let n: u64 = with_pool!(db, pool => {
        let mut tx = db.begin_write(pool).await?;
        let n = sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL")
            .bind(Utc::now()).bind(id).bind(user.id).execute(&mut *tx).await?.rows_affected();
        if n == 1 {
            let event = NewEvent::account(user.id, Actor::user(user), "self", Action::TokenRevoked, json!({ "token_id": id }));
            crate::append_event!(tx, &event);
        }
        tx.commit().await?;
        n
    });
    if n == 0 {
        return Err(AppError::NotFound("No such active token of yours.".into()));
    }
    Ok(())
}

/// The user a bearer token acts for: `None` when unknown, revoked, expired or the owner inactive.
pub async fn resolve(db: &Db, token: &str) -> Result<Option<CurrentUser>, AppError> {
    Ok(resolve_with_id(db, token).await?.map(|(user, _)| user))
}

/// [`resolve`], with the token's id (for the access log).
pub async fn resolve_with_id(db: &Db, token: &str) -> Result<Option<(CurrentUser, i64)>, AppError> {
    if !token.starts_with(PREFIX) || token.len() > 100 {
        return Ok(None);
    }
    #[derive(sqlx::FromRow)]
    struct Found {
        id: i64,
        user_id: i64,
        expires_at: Option<DateTime<Utc>>,
        last_used_at: Option<DateTime<Utc>>,
        revoked_at: Option<DateTime<Utc>>,
    }
    let token_hash = hash(token);
    let row: Option<Found> = with_pool!(db, pool => sqlx::query_as(
        "SELECT id, user_id, expires_at, last_used_at, revoked_at FROM api_tokens WHERE token_hash = $1",
    ).bind(&token_hash).fetch_optional(pool).await?);
    let Some(Found { id, user_id, expires_at: expires, last_used_at: last_used, revoked_at: revoked }) = row else {
        return Ok(None);
    };
    let now = Utc::now();
    if revoked.is_some() || expires.is_some_and(|e| e <= now) {
        return Ok(None);
    }
    let Some(user) = super::service::load_user(db, user_id).await? else { return Ok(None) };
    if last_used.is_none_or(|t| now - t > Duration::seconds(TOUCH_EVERY_SECONDS)) {
        with_pool!(db, pool => sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2").bind(now).bind(id).execute(pool).await?.rows_affected());
    }
    Ok(Some((user, id)))
}

/// One request made with an access token, for the access log (`api_access_log`): who read what,
/// when. Not part of a case's signed record — reading changes nothing.
pub struct TokenRead<'a> {
    pub user_id: i64,
    pub token_id: i64,
    pub method: &'a str,
    pub path: &'a str,
    pub case_id: Option<i64>,
}

pub async fn log_read(db: &Db, read: &TokenRead<'_>) -> Result<(), AppError> {
    let now = Utc::now();
    with_pool!(db, pool => sqlx::query(
        "INSERT INTO api_access_log (at, user_id, token_id, method, path, case_id) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(now).bind(read.user_id).bind(read.token_id).bind(read.method).bind(read.path).bind(read.case_id)
    .execute(pool).await?.rows_affected());
    Ok(())
}

/// The access log of one case, newest first: (when, user id, path).
pub async fn reads_of_case(db: &Db, case_id: i64) -> Result<Vec<(DateTime<Utc>, i64, String)>, AppError> {
    Ok(with_pool!(db, pool => sqlx::query_as(
        "SELECT at, user_id, path FROM api_access_log WHERE case_id = $1 ORDER BY id DESC",
    ).bind(case_id).fetch_all(pool).await?))
}
