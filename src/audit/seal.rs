//! Signing the record written before events were signed (databases from before migration 0008).
//!
//! Migration 0008 moved the per-case events into the global sequence unsigned. At the first start
//! afterwards — recognised by the missing anchor file — they are re-hashed in the global chain and
//! signed, their snapshots signed, and one RECORD_SEALED event per case takes its comments into the
//! signed record. Later, an unsigned row can only have been written outside HRDD: it is never sealed,
//! and `hrdd audit verify` reports it. Run the previous version's `hrdd audit verify` before upgrading:
//! sealing vouches for the record as it stands.

use super::{Action, Actor, NewEvent, StoredEvent, EVENT_COLUMNS};
use crate::error::AppError;
use crate::store::Store;
use crate::with_pool;
use serde_json::json;

/// Seals what needs it; returns how many events were signed (0 on every later start).
pub async fn seal_unsigned(db: &Store) -> Result<usize, AppError> {
    let unsigned: i64 = with_pool!(db, pool => sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM audit_events WHERE signature IS NULL) + (SELECT COUNT(*) FROM case_snapshots WHERE signature IS NULL)"
    ).fetch_one(pool).await?);
    if unsigned == 0 {
        return Ok(0);
    }
    if db.trail().anchor.exists() {
        tracing::error!(
            unsigned,
            "the audit record holds unsigned rows although it was sealed before: they were written outside HRDD; run `hrdd audit verify`"
        );
        return Ok(0);
    }
    let sql = format!("SELECT {EVENT_COLUMNS} FROM audit_events ORDER BY seq");
    let events: Vec<StoredEvent> = with_pool!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await?);
    #[derive(sqlx::FromRow)]
    struct Comment {
        id: i64,
        case_id: i64,
        anchor: String,
        kind: String,
        body: String,
        author_id: i64,
    }
    let comments: Vec<Comment> = with_pool!(db, pool => sqlx::query_as(
        "SELECT id, case_id, anchor, kind, body, author_id FROM case_comments ORDER BY case_id, id"
    ).fetch_all(pool).await?);
    let snapshots: Vec<(i64, String)> = with_pool!(db, pool => sqlx::query_as("SELECT id, content_hash FROM case_snapshots WHERE signature IS NULL").fetch_all(pool).await?);
    let versions: Vec<(i64, i64)> =
        with_pool!(db, pool => sqlx::query_as("SELECT id, version_no FROM cases").fetch_all(pool).await?);
    let count = events.len();
    with_pool!(db, pool => {
        let mut tx = db.begin_write(pool).await?;
        let mut prev: Option<String> = None;
        for (i, e) in events.into_iter().enumerate() {
            let mut e = StoredEvent { seq: i as i64 + 1, prev_hash: prev.clone(), ..e };
            e.hash = e.recomputed_hash();
            let (key_id, signature) = tx.trail().sign("event", &e.hash)?;
            sqlx::query("UPDATE audit_events SET prev_hash = $1, hash = $2, key_id = $3, signature = $4 WHERE seq = $5")
                .bind(&e.prev_hash).bind(&e.hash).bind(&key_id).bind(&signature).bind(e.seq)
                .execute(&mut *tx).await?;
            prev = Some(e.hash);
        }
        sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1").bind(count as i64).bind(&prev).execute(&mut *tx).await?;
        for (id, hash) in &snapshots {
            let (key_id, signature) = tx.trail().sign("snapshot", hash)?;
            sqlx::query("UPDATE case_snapshots SET key_id = $1, signature = $2 WHERE id = $3")
                .bind(&key_id).bind(&signature).bind(id).execute(&mut *tx).await?;
        }
        let mut case_ids: Vec<i64> = comments.iter().map(|c| c.case_id).collect();
        case_ids.dedup();
        for case_id in case_ids {
            let list: Vec<serde_json::Value> = comments
                .iter()
                .filter(|c| c.case_id == case_id)
                .map(|c| json!({ "id": c.id, "anchor": c.anchor, "kind": c.kind, "body": c.body, "author_id": c.author_id }))
                .collect();
            let version = versions.iter().find(|(id, _)| *id == case_id).map_or(1, |(_, v)| *v);
            let mut event = NewEvent::account(0, Actor::command_line("upgrade"), "system", Action::RecordSealed, json!({ "comments": list }));
            event.subject = super::Subject::Case { id: case_id, version };
            crate::append_event!(tx, &event);
        }
        tx.commit().await?;
    });
    // The anchor file now exists (the commit recorded the head): this never runs again.
    if !db.trail().anchor.exists() {
        let head = super::verify::head(db).await?.filter(|h| h.seq > 0);
        if let Some(h) = head {
            db.trail().anchor.record(&h);
        }
    }
    tracing::warn!(events = count, snapshots = snapshots.len(), "signed the audit record written before this version");
    Ok(count)
}
