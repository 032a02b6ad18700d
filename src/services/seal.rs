//! Signing the record written before events were signed (databases from before migration 0008).
//!
//! Migration 0008 moved the per-case events into the global sequence unsigned. At the first start
//! afterwards — recognised by the missing anchor file — they are re-hashed in the global chain and
//! signed, their snapshots signed, and one RECORD_SEALED event per case takes its comments into the
//! signed record. Later, an unsigned row can only have been written outside HRDD: it is never sealed,
//! and `hrdd audit verify` reports it. Run the previous version's `hrdd audit verify` before upgrading:
//! sealing vouches for the record as it stands.

use crate::audit::{Action, Actor, NewEvent, StoredEvent};
use crate::error::AppError;
use crate::store::Store;
use serde_json::json;

/// Seals what needs it; returns how many events were signed (0 on every later start).
pub async fn seal_unsigned(db: &Store) -> Result<usize, AppError> {
    let unsigned = db.unsigned_count().await?;
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
    let events = db.all_events().await?;
    let comments = db.comments_to_seal().await?;
    let snapshots = db.unsigned_snapshots().await?;
    let versions = db.case_versions().await?;
    let count = events.len();
    let mut write = db.write().await?;
    let mut prev: Option<String> = None;
    for (i, e) in events.into_iter().enumerate() {
        let mut e = StoredEvent { seq: i as i64 + 1, prev_hash: prev.clone(), ..e };
        e.hash = e.recomputed_hash();
        let (key_id, signature) = write.trail().sign("event", &e.hash)?;
        let e = StoredEvent { key_id: Some(key_id), signature: Some(signature), ..e };
        write.reseal_event(&e).await?;
        prev = Some(e.hash);
    }
    write.set_audit_head(count as i64, prev.as_deref()).await?;
    for (id, hash) in &snapshots {
        let (key_id, signature) = write.trail().sign("snapshot", hash)?;
        write.sign_snapshot(*id, &key_id, &signature).await?;
    }
    let mut case_ids: Vec<i64> = comments.iter().map(|c| c.case_id).collect();
    case_ids.dedup();
    for case_id in case_ids {
        let list: Vec<serde_json::Value> = comments
            .iter()
            .filter(|c| c.case_id == case_id)
            .map(
                |c| json!({ "id": c.id, "anchor": c.anchor, "kind": c.kind, "body": c.body, "author_id": c.author_id }),
            )
            .collect();
        let version = versions.iter().find(|(id, _)| *id == case_id).map_or(1, |(_, v)| *v);
        let mut event = NewEvent::account(
            0,
            Actor::command_line("upgrade"),
            "system",
            Action::RecordSealed,
            json!({ "comments": list }),
        );
        event.subject = crate::audit::Subject::Case { id: case_id, version };
        write.append_event(&event).await?;
    }
    write.commit().await?;
    // The anchor file now exists (the commit recorded the head): this never runs again.
    if !db.trail().anchor.exists() {
        let head = crate::services::verify::head(db).await?.filter(|h| h.seq > 0);
        if let Some(h) = head {
            db.trail().anchor.record(&h);
        }
    }
    tracing::warn!(events = count, snapshots = snapshots.len(), "signed the audit record written before this version");
    Ok(count)
}
