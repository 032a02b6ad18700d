//! Personal access tokens (table `api_tokens`, only each token's SHA-256 and first characters) and
//! the log of reads made with them (`api_access_log`).

use super::{on_pool, on_write, Store, StoreError, Write};
use chrono::{DateTime, Utc};

/// A token as stored (never the token itself).
#[derive(sqlx::FromRow)]
pub struct TokenRow {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub prefix: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

const TOKEN_COLUMNS: &str = "id, user_id, name, prefix, created_at, expires_at, last_used_at, revoked_at";

/// A new token as stored.
pub struct NewToken<'a> {
    pub user_id: i64,
    pub name: &'a str,
    pub token_hash: &'a str,
    pub prefix: &'a str,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// One read made with a token, for the access log.
pub struct TokenRead<'a> {
    pub user_id: i64,
    pub token_id: i64,
    pub method: &'a str,
    pub path: &'a str,
    pub case_id: Option<i64>,
}

impl Store {
    pub async fn active_token_count(&self, user_id: i64) -> Result<i64, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_scalar("SELECT COUNT(*) FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL").bind(user_id).fetch_one(pool).await?),
        )
    }

    /// The user's tokens, newest first.
    pub async fn tokens_of(&self, user_id: i64) -> Result<Vec<TokenRow>, StoreError> {
        let sql = format!("SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY id DESC");
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).bind(user_id).fetch_all(pool).await?))
    }

    pub async fn token_by_hash(&self, token_hash: &str) -> Result<Option<TokenRow>, StoreError> {
        let sql = format!("SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = $1");
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).bind(token_hash).fetch_optional(pool).await?))
    }

    pub async fn touch_token(&self, id: i64, at: DateTime<Utc>) -> Result<(), StoreError> {
        let _gate = self.write_gate().await;
        on_pool!(self, pool => sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2").bind(at).bind(id).execute(pool).await?.rows_affected());
        Ok(())
    }

    pub async fn log_token_read(&self, read: &TokenRead<'_>, at: DateTime<Utc>) -> Result<(), StoreError> {
        let _gate = self.write_gate().await;
        on_pool!(self, pool => sqlx::query(
            "INSERT INTO api_access_log (at, user_id, token_id, method, path, case_id) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(at).bind(read.user_id).bind(read.token_id).bind(read.method).bind(read.path).bind(read.case_id)
        .execute(pool).await?.rows_affected());
        Ok(())
    }

    /// The access log of one case, newest first: (when, user id, path).
    pub async fn token_reads_of_case(&self, case_id: i64) -> Result<Vec<(DateTime<Utc>, i64, String)>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT at, user_id, path FROM api_access_log WHERE case_id = $1 ORDER BY id DESC",
        ).bind(case_id).fetch_all(pool).await?))
    }
}

impl Write {
    pub async fn insert_token(&mut self, new: &NewToken<'_>) -> Result<i64, StoreError> {
        Ok(on_write!(self, tx => sqlx::query_scalar(
            "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        ).bind(new.user_id).bind(new.name).bind(new.token_hash).bind(new.prefix).bind(new.created_at).bind(new.expires_at)
        .fetch_one(&mut **tx).await?))
    }

    /// Revokes one of the user's active tokens; false when there is no such token.
    pub async fn revoke_token(&mut self, id: i64, user_id: i64, at: DateTime<Utc>) -> Result<bool, StoreError> {
        let n = on_write!(self, tx => sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL")
            .bind(at).bind(id).bind(user_id).execute(&mut **tx).await?.rows_affected());
        if n == 1 {
            self.auth_changed().await?;
        }
        Ok(n == 1)
    }
}
