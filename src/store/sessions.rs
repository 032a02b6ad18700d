//! Signed-in sessions (table `sessions`): only the SHA-256 of each cookie token is stored.

use super::{on_pool, Store, StoreError};
use chrono::{DateTime, Utc};

/// A stored session: whose, and the times its timeouts are counted from.
pub struct SessionRow {
    pub user_id: i64,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

impl Store {
    pub async fn insert_session(
        &self,
        token_hash: &str,
        user_id: i64,
        at: DateTime<Utc>,
        ip: &str,
        user_agent: &str,
    ) -> Result<(), StoreError> {
        let _gate = self.write_gate().await;
        on_pool!(self, pool => sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, ip, user_agent) VALUES ($1, $2, $3, $3, $4, $5)",
        ).bind(token_hash).bind(user_id).bind(at).bind(ip).bind(user_agent).execute(pool).await?.rows_affected());
        Ok(())
    }

    pub async fn session(&self, token_hash: &str) -> Result<Option<SessionRow>, StoreError> {
        let row: Option<(i64, DateTime<Utc>, DateTime<Utc>)> = on_pool!(self, pool => sqlx::query_as(
            "SELECT user_id, created_at, last_seen_at FROM sessions WHERE token_hash = $1",
        ).bind(token_hash).fetch_optional(pool).await?);
        Ok(row.map(|(user_id, created_at, last_seen_at)| SessionRow { user_id, created_at, last_seen_at }))
    }

    /// Ends one session (sign-out, or a timeout found on use). Other servers learn of it through
    /// `auth_epoch`, bumped in the same transaction.
    pub async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        let _gate = self.write_gate().await;
        let deleted = on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let n = sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(&mut *tx).await?.rows_affected();
            if n > 0 {
                sqlx::query(super::BUMP_AUTH_EPOCH).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            n
        });
        if deleted > 0 {
            self.auth_changes.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
        Ok(())
    }

    pub async fn touch_session(&self, token_hash: &str, at: DateTime<Utc>) -> Result<(), StoreError> {
        let _gate = self.write_gate().await;
        on_pool!(self, pool => sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2").bind(at).bind(token_hash).execute(pool).await?.rows_affected());
        Ok(())
    }
}
