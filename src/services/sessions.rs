//! Sessions in the database: created at sign-in, resolved per request, revoked at sign-out.
//!
//! The cookie holds a random token; the database holds only its SHA-256. A session ends after 8 hours
//! without activity or 24 hours after sign-in, whichever comes first, and all sessions of a user end
//! when the user is deactivated or the password changes. The cookie and the request guards built on
//! sessions are the web layer's (`web::session`).

use super::signed_in::SignedInCache;
use crate::accounts::CurrentUser;
use crate::error::AppError;
use crate::store::Store;
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

/// What the session cache keeps per session: its user and the times its timeouts count from.
#[derive(Clone)]
pub struct CachedSession {
    user: CurrentUser,
    created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
}

/// Eight hours without activity, or 24 hours after sign-in.
fn timed_out(created_at: DateTime<Utc>, last_seen_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now - last_seen_at > Duration::hours(IDLE_TIMEOUT_HOURS)
        || now - created_at > Duration::hours(ABSOLUTE_TIMEOUT_HOURS)
}

/// Signed-in users by session, one per server process (see `services::signed_in`).
pub type SessionCache = SignedInCache<CachedSession>;

/// Resolves a token to its user, enforcing the idle and absolute timeouts. Served from `cache` when
/// it holds the session and nothing changed since; the database decides everything else (a session
/// the cache thinks timed out is looked up again: another server may have seen it active).
pub async fn resolve(db: &Store, cache: &SessionCache, token: &str) -> Result<Option<CurrentUser>, AppError> {
    let token_hash = hash_token(token);
    let seen = cache.begin(db).await;
    let now = Utc::now();
    if let Some(cached) = cache.get(&token_hash).filter(|c| !timed_out(c.created_at, c.last_seen_at, now)) {
        return Ok(Some(cached.user));
    }
    let Some(session) = db.session(&token_hash).await? else { return Ok(None) };
    let (created_at, mut last_seen_at) = (session.created_at, session.last_seen_at);
    if timed_out(created_at, last_seen_at, now) {
        db.delete_session(&token_hash).await?;
        return Ok(None);
    }
    let Some(user) = crate::services::accounts::load_user(db, session.user_id).await? else {
        return Ok(None);
    };
    if now - last_seen_at > Duration::seconds(TOUCH_EVERY_SECONDS) {
        db.touch_session(&token_hash, now).await?;
        last_seen_at = now;
    }
    cache.keep(&seen, token_hash, CachedSession { user: user.clone(), created_at, last_seen_at });
    Ok(Some(user))
}
