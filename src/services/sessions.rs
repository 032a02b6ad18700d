//! Sessions in the database: created at sign-in, resolved per request, revoked at sign-out.
//!
//! The cookie holds a random token; the database holds only its SHA-256. A session ends after 8 hours
//! without activity or 24 hours after sign-in, whichever comes first, and all sessions of a user end
//! when the user is deactivated or the password changes. The cookie and the request guards built on
//! sessions are the web layer's (`web::session`).

use crate::accounts::CurrentUser;
use crate::error::AppError;
use crate::store::Store;
use chrono::{Duration, Utc};
use sha2::{Digest, Sha256};

pub const IDLE_TIMEOUT_HOURS: i64 = 8;
pub const ABSOLUTE_TIMEOUT_HOURS: i64 = 24;
/// Skip rewriting `last_seen_at` more often than this, so page views do not all write.
const TOUCH_EVERY_SECONDS: i64 = 60;

fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Creates a session and returns the new token (a fresh one at every sign-in).
pub async fn create(db: &Store, user_id: i64, ip: &str, user_agent: &str) -> Result<String, AppError> {
    let token = hex::encode(rand::random::<[u8; 32]>());
    let now = Utc::now();
    let ua: String = user_agent.chars().take(300).collect();
    db.insert_session(&hash_token(&token), user_id, now, ip, &ua).await?;
    Ok(token)
}

pub async fn revoke(db: &Store, token: &str) -> Result<(), AppError> {
    Ok(db.delete_session(&hash_token(token)).await?)
}

/// Resolves a token to its user, enforcing the idle and absolute timeouts.
pub async fn resolve(db: &Store, token: &str) -> Result<Option<CurrentUser>, AppError> {
    let token_hash = hash_token(token);
    let Some(session) = db.session(&token_hash).await? else { return Ok(None) };
    let (created, seen) = (session.created_at, session.last_seen_at);
    let now = Utc::now();
    if now - seen > Duration::hours(IDLE_TIMEOUT_HOURS) || now - created > Duration::hours(ABSOLUTE_TIMEOUT_HOURS) {
        db.delete_session(&token_hash).await?;
        return Ok(None);
    }
    let Some(user) = crate::services::accounts::load_user(db, session.user_id).await? else {
        return Ok(None);
    };
    if now - seen > Duration::seconds(TOUCH_EVERY_SECONDS) {
        db.touch_session(&token_hash, now).await?;
    }
    Ok(Some(user))
}
