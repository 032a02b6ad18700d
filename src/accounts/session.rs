//! Sessions in the database: created at sign-in, resolved per request, revoked at sign-out.
//!
//! The cookie holds a random token; the database holds only its SHA-256. A session ends after 8 hours
//! without activity or 24 hours after sign-in, whichever comes first, and all sessions of a user end
//! when the user is deactivated or the password changes. The cookie and the request guards built on
//! sessions are the web layer's (`web::session`).

use super::CurrentUser;
use crate::error::AppError;
use crate::server::db::Db;
use crate::with_pool;
use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};

pub const IDLE_TIMEOUT_HOURS: i64 = 8;
pub const ABSOLUTE_TIMEOUT_HOURS: i64 = 24;
/// Skip rewriting `last_seen_at` more often than this, so page views do not all write.
const TOUCH_EVERY_SECONDS: i64 = 60;

fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Creates a session and returns the new token (a fresh one at every sign-in).
pub async fn create(db: &Db, user_id: i64, ip: &str, user_agent: &str) -> Result<String, AppError> {
    let token = hex::encode(rand::random::<[u8; 32]>());
    let now = Utc::now();
    let ua: String = user_agent.chars().take(300).collect();
    with_pool!(db, pool => sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, ip, user_agent) VALUES ($1, $2, $3, $3, $4, $5)",
    ).bind(hash_token(&token)).bind(user_id).bind(now).bind(ip).bind(ua).execute(pool).await?.rows_affected());
    Ok(token)
}

pub async fn revoke(db: &Db, token: &str) -> Result<(), AppError> {
    with_pool!(db, pool => sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(hash_token(token)).execute(pool).await?.rows_affected());
    Ok(())
}

/// Resolves a token to its user, enforcing the idle and absolute timeouts.
pub async fn resolve(db: &Db, token: &str) -> Result<Option<CurrentUser>, AppError> {
    let token_hash = hash_token(token);
    let row: Option<(i64, DateTime<Utc>, DateTime<Utc>)> = with_pool!(db, pool => sqlx::query_as("SELECT user_id, created_at, last_seen_at FROM sessions WHERE token_hash = $1")
        .bind(&token_hash).fetch_optional(pool).await?);
    let Some((user_id, created, seen)) = row else { return Ok(None) };
    let now = Utc::now();
    if now - seen > Duration::hours(IDLE_TIMEOUT_HOURS) || now - created > Duration::hours(ABSOLUTE_TIMEOUT_HOURS) {
        with_pool!(db, pool => sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(&token_hash).execute(pool).await?.rows_affected());
        return Ok(None);
    }
    let Some(user) = super::service::load_user(db, user_id).await? else {
        return Ok(None);
    };
    if now - seen > Duration::seconds(TOUCH_EVERY_SECONDS) {
        with_pool!(db, pool => sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2").bind(now).bind(&token_hash).execute(pool).await?.rows_affected());
    }
    Ok(Some(user))
}
