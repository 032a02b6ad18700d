//! Personal access tokens for the read API (`/api/v1`).
//!
//! A token is `hrdd_` followed by 40 random hex characters. It is shown once, when created; the
//! database keeps only its SHA-256 and the first characters (so the owner can tell tokens apart). A
//! token acts as its owner with the owner's current roles and countries, nothing more: when the owner
//! is deactivated or loses a role, the token loses it too. Tokens expire (at most 90 days), can be
//! revoked at any time, and are revoked with every password change or reset and every deactivation
//! (`service::set_password`, `service::set_active`). Creating and revoking one are audit events.

use crate::accounts::{ApiToken, CreatedToken, CurrentUser, TOKEN_NAME_MAX};
use crate::audit::{Action, Actor, NewEvent};
use crate::error::AppError;
use crate::store::tokens::{NewToken, TokenRow};
use crate::store::Store;

pub use crate::store::tokens::TokenRead;
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
pub async fn create(db: &Store, user: &CurrentUser, name: &str, days: i64) -> Result<CreatedToken, AppError> {
    let name = parse_name(name)?;
    if !(1..=MAX_DAYS).contains(&days) {
        return Err(AppError::invalid("days", format!("Choose between 1 and {MAX_DAYS} days.")));
    }
    if db.active_token_count(user.id).await? >= 20 {
        return Err(AppError::invalid("name", "You have 20 active tokens; revoke one you no longer use first."));
    }
    let token = format!("{PREFIX}{}", hex::encode(rand::random::<[u8; 20]>()));
    let prefix: String = token.chars().take(PREFIX.len() + 6).collect();
    let now = Utc::now();
    let expires = now + Duration::days(days);
    let token_hash = hash(&token);
    let new = NewToken {
        user_id: user.id,
        name: &name,
        token_hash: &token_hash,
        prefix: &prefix,
        created_at: now,
        expires_at: expires,
    };
    let mut write = db.write().await?;
    let id = write.insert_token(&new).await?;
    let details =
        json!({ "token_id": id, "name": name, "prefix": prefix, "expires_at": expires.format("%Y-%m-%d").to_string() });
    write.append_event(&NewEvent::account(user.id, Actor::user(user), "self", Action::TokenCreated, details)).await?;
    write.commit().await?;
    Ok(CreatedToken { id, name, token, expires_at: expires.format("%Y-%m-%d").to_string() })
}

/// The user's tokens, newest first (never the tokens themselves).
pub async fn list(db: &Store, user_id: i64) -> Result<Vec<ApiToken>, AppError> {
    let rows: Vec<TokenRow> = db.tokens_of(user_id).await?;
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
pub async fn revoke(db: &Store, user: &CurrentUser, id: i64) -> Result<(), AppError> {
    let mut write = db.write().await?;
    let revoked = write.revoke_token(id, user.id, Utc::now()).await?;
    if revoked {
        let event =
            NewEvent::account(user.id, Actor::user(user), "self", Action::TokenRevoked, json!({ "token_id": id }));
        write.append_event(&event).await?;
    }
    write.commit().await?;
    if !revoked {
        return Err(AppError::NotFound("No such active token of yours.".into()));
    }
    Ok(())
}

/// The user a bearer token acts for: `None` when unknown, revoked, expired or the owner inactive.
/// (Without a cache: the command line and tests.)
pub async fn resolve(db: &Store, token: &str) -> Result<Option<CurrentUser>, AppError> {
    Ok(resolve_with_id(db, &TokenCache::default(), token).await?.map(|(user, _)| user))
}

/// What the token cache keeps per token: its owner, its id and when it expires or was last used.
#[derive(Clone)]
pub struct CachedToken {
    user: CurrentUser,
    id: i64,
    expires_at: Option<DateTime<Utc>>,
    last_used_at: DateTime<Utc>,
}

/// Access tokens' owners, one per server process (see `services::signed_in`).
pub type TokenCache = super::signed_in::SignedInCache<CachedToken>;

/// [`resolve`], with the token's id (for the access log).
/// Served from `cache` while the token has not expired and its last use was recorded less than a
/// minute ago; revocation and every account change empty the cache (`services::signed_in`).
pub async fn resolve_with_id(
    db: &Store,
    cache: &TokenCache,
    token: &str,
) -> Result<Option<(CurrentUser, i64)>, AppError> {
    if !token.starts_with(PREFIX) || token.len() > 100 {
        return Ok(None);
    }
    let token_hash = hash(token);
    let seen = cache.begin(db).await;
    let now = Utc::now();
    let touch_due =
        |last_used: Option<DateTime<Utc>>| last_used.is_none_or(|t| now - t > Duration::seconds(TOUCH_EVERY_SECONDS));
    let fresh = |c: &CachedToken| c.expires_at.is_none_or(|e| e > now) && !touch_due(Some(c.last_used_at));
    if let Some(cached) = cache.get(&token_hash).filter(fresh) {
        return Ok(Some((cached.user, cached.id)));
    }
    let Some(TokenRow { id, user_id, expires_at, last_used_at, revoked_at, .. }) =
        db.token_by_hash(&token_hash).await?
    else {
        return Ok(None);
    };
    if revoked_at.is_some() || expires_at.is_some_and(|e| e <= now) {
        return Ok(None);
    }
    let Some(user) = crate::services::accounts::load_user(db, user_id).await? else { return Ok(None) };
    let last_used_at = match last_used_at {
        Some(t) if !touch_due(Some(t)) => t,
        _ => {
            db.touch_token(id, now).await?;
            now
        }
    };
    cache.keep(&seen, token_hash, CachedToken { user: user.clone(), id, expires_at, last_used_at });
    Ok(Some((user, id)))
}

/// Records one request made with an access token in the access log (`api_access_log`): who read
/// what, when. Not part of a case's signed record — reading changes nothing.
pub async fn log_read(db: &Store, read: &TokenRead<'_>) -> Result<(), AppError> {
    Ok(db.log_token_read(read, Utc::now()).await?)
}

/// The access log of one case, newest first: (when, user id, path).
pub async fn reads_of_case(db: &Store, case_id: i64) -> Result<Vec<(DateTime<Utc>, i64, String)>, AppError> {
    Ok(db.token_reads_of_case(case_id).await?)
}
