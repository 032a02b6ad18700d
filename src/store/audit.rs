//! The audit record (tables `audit_events`, `audit_head`, `case_snapshots`, `case_comments` as the
//! record reads them): appending events, reading a case's or an account's history for display and
//! verification, and re-signing the record written before events were signed.

use super::{on_pool, on_write, Store, StoreError, Write};
use crate::audit::anchor::Head;
use crate::audit::check::{CommentRow, LiveCase, SnapshotRow};
use crate::audit::{NewEvent, StoredEvent, Trail, EVENT_COLUMNS};
use futures::TryStreamExt;
use serde_json::Value;
use std::collections::HashMap;

/// A comment as the sealing of an old record takes it into the signed record.
#[derive(sqlx::FromRow)]
pub struct CommentToSeal {
    pub id: i64,
    pub case_id: i64,
    pub anchor: String,
    pub kind: String,
    pub body: String,
    pub author_id: i64,
}

#[derive(sqlx::FromRow)]
struct LiveRow {
    reference: String,
    state: String,
    answers: String,
    final_decision: Option<String>,
    overall_band: Option<String>,
    decided_by: Option<i64>,
    event_count: i64,
}

impl Store {
    /// The events of one case version, in its own order.
    pub async fn events_of_case(&self, case_id: i64) -> Result<Vec<StoredEvent>, StoreError> {
        let sql = format!("SELECT {EVENT_COLUMNS} FROM audit_events WHERE case_id = $1 ORDER BY case_seq");
        Ok(on_pool!(self, pool => sqlx::query_as::<_, StoredEvent>(&sql).bind(case_id).fetch_all(pool).await?))
    }

    /// The events of one account, oldest first.
    pub async fn events_of_account(&self, user_id: i64) -> Result<Vec<StoredEvent>, StoreError> {
        let sql = format!("SELECT {EVENT_COLUMNS} FROM audit_events WHERE subject_user_id = $1 ORDER BY seq");
        Ok(on_pool!(self, pool => sqlx::query_as::<_, StoredEvent>(&sql).bind(user_id).fetch_all(pool).await?))
    }

    /// Every event in sequence order, streamed to `each` (the record can be large).
    pub async fn for_each_event(&self, mut each: impl FnMut(StoredEvent) + Send) -> Result<usize, StoreError> {
        let sql = format!("SELECT {EVENT_COLUMNS} FROM audit_events ORDER BY seq");
        let mut n = 0;
        on_pool!(self, pool => {
            let mut rows = sqlx::query_as::<_, StoredEvent>(&sql).fetch(pool);
            while let Some(e) = rows.try_next().await? {
                each(e);
                n += 1;
            }
        });
        Ok(n)
    }

    pub async fn snapshots_of(&self, case_id: i64) -> Result<Vec<SnapshotRow>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT id, kind, record, content_hash, created_by, key_id, signature FROM case_snapshots WHERE case_id = $1 ORDER BY id"
        ).bind(case_id).fetch_all(pool).await?))
    }

    pub async fn comments_of(&self, case_id: i64) -> Result<Vec<CommentRow>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT id, anchor, kind, body, author_id FROM case_comments WHERE case_id = $1 ORDER BY id"
        ).bind(case_id).fetch_all(pool).await?))
    }

    /// A case version's reference and the columns of its row that the signed record determines.
    pub async fn live_case(&self, case_id: i64) -> Result<Option<(String, LiveCase)>, StoreError> {
        let row: Option<LiveRow> = on_pool!(self, pool => sqlx::query_as(
            "SELECT reference, state, answers, final_decision, overall_band, decided_by, event_count FROM cases WHERE id = $1"
        ).bind(case_id).fetch_optional(pool).await?);
        Ok(row.map(|r| {
            let answers = serde_json::from_str(&r.answers).unwrap_or(Value::String(r.answers));
            let live = LiveCase {
                state: r.state,
                answers,
                final_decision: r.final_decision,
                overall_band: r.overall_band,
                decided_by: r.decided_by,
                event_count: r.event_count,
            };
            (r.reference, live)
        }))
    }

    /// The head row of the sequence.
    pub async fn audit_head(&self) -> Result<Option<Head>, StoreError> {
        let row: Option<(i64, Option<String>)> = on_pool!(self, pool => sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1").fetch_optional(pool).await?);
        Ok(row.map(|(seq, hash)| Head { seq, hash: hash.unwrap_or_default() }))
    }

    /// Every case version's reference, by id.
    pub async fn case_references(&self) -> Result<HashMap<i64, String>, StoreError> {
        let rows: Vec<(i64, String)> =
            on_pool!(self, pool => sqlx::query_as("SELECT id, reference FROM cases").fetch_all(pool).await?);
        Ok(rows.into_iter().collect())
    }

    /// Every case version: (id, version number), by id.
    pub async fn case_versions(&self) -> Result<Vec<(i64, i64)>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_as("SELECT id, version_no FROM cases ORDER BY id").fetch_all(pool).await?),
        )
    }

    /// Events and snapshots without a signature.
    pub async fn unsigned_count(&self) -> Result<i64, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "SELECT (SELECT COUNT(*) FROM audit_events WHERE signature IS NULL) + (SELECT COUNT(*) FROM case_snapshots WHERE signature IS NULL)"
        ).fetch_one(pool).await?))
    }

    /// Every event, in sequence order.
    pub async fn all_events(&self) -> Result<Vec<StoredEvent>, StoreError> {
        let sql = format!("SELECT {EVENT_COLUMNS} FROM audit_events ORDER BY seq");
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).fetch_all(pool).await?))
    }

    /// Every comment, by case and id.
    pub async fn comments_to_seal(&self) -> Result<Vec<CommentToSeal>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT id, case_id, anchor, kind, body, author_id FROM case_comments ORDER BY case_id, id"
        ).fetch_all(pool).await?))
    }

    /// Snapshots without a signature: (id, content hash).
    pub async fn unsigned_snapshots(&self) -> Result<Vec<(i64, String)>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_as("SELECT id, content_hash FROM case_snapshots WHERE signature IS NULL").fetch_all(pool).await?),
        )
    }
}

impl Write {
    /// The audit keys and anchor this transaction signs with.
    pub fn trail(&self) -> &Trail {
        match &self.0 {
            super::Backed::Sqlite(tx) => tx.trail(),
            super::Backed::Postgres(tx) => tx.trail(),
        }
    }

    /// Appends an audit event to the record in this transaction; returns its hash. The head row is
    /// updated in the same transaction, which serialises appends: numbers are gap-free and the chain
    /// cannot fork.
    pub async fn append_event(&mut self, event: &NewEvent) -> Result<String, StoreError> {
        let hash = self.append_events(std::slice::from_ref(event)).await?;
        Ok(hash.expect("one event was appended"))
    }

    /// Appends events in order (one, or a change that concerns many cases at once); returns the last
    /// one's hash. Each event gets the next number, its case's next position, the hash of the one
    /// before it and its signature; the head row moves once for all, which serialises appends.
    pub async fn append_events(&mut self, events: &[NewEvent]) -> Result<Option<String>, StoreError> {
        if events.is_empty() {
            return Ok(None);
        }
        let n = events.len() as i64;
        on_write!(self, tx => {
            let (last_seq, mut prev): (i64, Option<String>) =
                sqlx::query_as("UPDATE audit_head SET seq = seq + $1 WHERE id = 1 RETURNING seq, hash")
                    .bind(n)
                    .fetch_one(&mut **tx)
                    .await?;
            let mut head = None;
            for (i, event) in events.iter().enumerate() {
                let case_seq: Option<i64> = match event.case_id() {
                    Some(case_id) => Some(
                        sqlx::query_scalar("UPDATE cases SET event_count = event_count + 1 WHERE id = $1 RETURNING event_count")
                            .bind(case_id)
                            .fetch_one(&mut **tx)
                            .await?,
                    ),
                    None => None,
                };
                let mut stored = event.seal(last_seq - n + 1 + i as i64, case_seq, prev.take());
                let (key_id, signature) = tx.trail().sign("event", &stored.hash)?;
                stored.key_id = Some(key_id);
                stored.signature = Some(signature);
                sqlx::query(
                    "INSERT INTO audit_events (seq, case_id, case_seq, version, subject_user_id, actor_id, actor, role, action, at, details, prev_hash, hash, key_id, signature)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
                )
                .bind(stored.seq).bind(stored.case_id).bind(stored.case_seq).bind(stored.version)
                .bind(stored.subject_user_id).bind(stored.actor_id).bind(&stored.actor).bind(&stored.role)
                .bind(&stored.action).bind(&stored.at).bind(&stored.details).bind(&stored.prev_hash)
                .bind(&stored.hash).bind(&stored.key_id).bind(&stored.signature)
                .execute(&mut **tx)
                .await?;
                prev = Some(stored.hash.clone());
                head = Some(stored.head());
            }
            sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1").bind(&prev).execute(&mut **tx).await?;
            if let Some(head) = head {
                tx.set_head(head);
            }
            Ok(prev)
        })
    }

    /// Rewrites one event's place in the chain and its signature (sealing an old record only).
    pub async fn reseal_event(&mut self, e: &StoredEvent) -> Result<(), StoreError> {
        on_write!(self, tx => sqlx::query("UPDATE audit_events SET prev_hash = $1, hash = $2, key_id = $3, signature = $4 WHERE seq = $5")
            .bind(&e.prev_hash).bind(&e.hash).bind(&e.key_id).bind(&e.signature).bind(e.seq)
            .execute(&mut **tx).await?.rows_affected());
        Ok(())
    }

    /// Sets the head of the sequence (sealing an old record only; appends move it themselves).
    pub async fn set_audit_head(&mut self, seq: i64, hash: Option<&str>) -> Result<(), StoreError> {
        on_write!(self, tx => sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
            .bind(seq).bind(hash).execute(&mut **tx).await?.rows_affected());
        Ok(())
    }

    pub async fn sign_snapshot(&mut self, id: i64, key_id: &str, signature: &str) -> Result<(), StoreError> {
        on_write!(self, tx => sqlx::query("UPDATE case_snapshots SET key_id = $1, signature = $2 WHERE id = $3")
            .bind(key_id).bind(signature).bind(id).execute(&mut **tx).await?.rows_affected());
        Ok(())
    }
}
