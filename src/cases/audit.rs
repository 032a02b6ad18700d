//! The audit trail (spec §10.7): an append-only, hash-chained log of events per case version, and
//! the check that every chain and every frozen snapshot is still what was written.
//!
//! An event's hash is `sha256:` + SHA-256 of the canonical JSON of
//! `{seq, case_id, version, actor_id, actor, role, action, at, details, prev_hash}`; `prev_hash` is the
//! hash of the event before it in the same case version (`null` for the first). Changing, removing or
//! reordering any stored event breaks the chain from there on.

use crate::accounts::{CurrentUser, Role};
use crate::error::AppError;
use crate::methodology::canonical;
use crate::server::db::Db;
use crate::with_pool;
use chrono::{DateTime, Utc};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

/// What happened; stored as the event's `action`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Created,
    AnswersEdited,
    ComponentsChanged,
    Submitted,
    Returned,
    Concurred,
    ConcurrenceRefused,
    Commented,
    SignedOff,
    Superseded,
    TriggerRecorded,
    ReassessmentStarted,
    /// The summary was downloaded (sensitive content left the system).
    Exported,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Created => "CREATED",
            Action::AnswersEdited => "ANSWERS_EDITED",
            Action::ComponentsChanged => "COMPONENTS_CHANGED",
            Action::Submitted => "SUBMITTED",
            Action::Returned => "RETURNED",
            Action::Concurred => "CONCURRED",
            Action::ConcurrenceRefused => "CONCURRENCE_REFUSED",
            Action::Commented => "COMMENTED",
            Action::SignedOff => "SIGNED_OFF",
            Action::Superseded => "SUPERSEDED",
            Action::TriggerRecorded => "TRIGGER_RECORDED",
            Action::ReassessmentStarted => "REASSESSMENT_STARTED",
            Action::Exported => "EXPORTED",
        }
    }
}

/// An event about to be appended; `seq` and `prev_hash` are assigned inside the writing transaction.
pub struct NewEvent {
    pub case_id: i64,
    pub version: i64,
    pub actor_id: i64,
    pub actor: String,
    pub role: &'static str,
    pub action: Action,
    pub at: String,
    pub details: Value,
}

impl NewEvent {
    pub fn new(case_id: i64, version: i64, user: &CurrentUser, role: Role, action: Action, details: Value) -> NewEvent {
        NewEvent {
            case_id,
            version,
            actor_id: user.id,
            actor: user.email.clone(),
            role: role.as_str(),
            action,
            at: timestamp(Utc::now()),
            details,
        }
    }

    /// The hash this event gets at position `seq` after `prev_hash`.
    pub fn seal(&self, seq: i64, prev_hash: Option<&str>) -> String {
        event_hash(&json!({
            "seq": seq,
            "case_id": self.case_id,
            "version": self.version,
            "actor_id": self.actor_id,
            "actor": self.actor,
            "role": self.role,
            "action": self.action.as_str(),
            "at": self.at,
            "details": self.details,
            "prev_hash": prev_hash,
        }))
    }
}

/// RFC 3339 in UTC to the millisecond: the exact text that is stored and hashed.
pub fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn event_hash(event: &Value) -> String {
    // Events are built here from integers and strings, so canonical JSON cannot fail; the fallback
    // keeps verification consistent with writing even if it ever did.
    let text = canonical::to_canonical_json(event).unwrap_or_else(|_| event.to_string());
    format!("sha256:{}", hex::encode(Sha256::digest(text.as_bytes())))
}

/// The content hash of an answers document, for an event's before/after (canonical JSON when the
/// document allows it, its plain JSON text otherwise).
pub fn answers_hash(answers: &Value) -> String {
    event_hash(answers)
}

/// Appends `$event` (a `&NewEvent`) to its case's chain inside the open transaction `$tx`, and
/// evaluates to the new event's hash. Incrementing `cases.event_count` first locks the case row, so
/// concurrent appends to the same chain queue up instead of forking it.
#[macro_export]
macro_rules! append_event {
    ($tx:expr, $event:expr) => {{
        let event: &$crate::cases::audit::NewEvent = $event;
        let seq: i64 =
            sqlx::query_scalar("UPDATE cases SET event_count = event_count + 1 WHERE id = $1 RETURNING event_count")
                .bind(event.case_id)
                .fetch_one(&mut *$tx)
                .await?;
        let prev: Option<String> = sqlx::query_scalar("SELECT hash FROM case_events WHERE case_id = $1 AND seq = $2")
            .bind(event.case_id)
            .bind(seq - 1)
            .fetch_optional(&mut *$tx)
            .await?;
        let hash = event.seal(seq, prev.as_deref());
        sqlx::query(
            "INSERT INTO case_events (case_id, seq, version, actor_id, actor, role, action, at, details, prev_hash, hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(event.case_id)
        .bind(seq)
        .bind(event.version)
        .bind(event.actor_id)
        .bind(&event.actor)
        .bind(event.role)
        .bind(event.action.as_str())
        .bind(&event.at)
        .bind(event.details.to_string())
        .bind(&prev)
        .bind(&hash)
        .execute(&mut *$tx)
        .await?;
        hash
    }};
}

/// Appends one event in its own transaction (for actions that change nothing else).
pub async fn append(db: &Db, event: &NewEvent) -> Result<String, AppError> {
    let writer = db.write_gate().await;
    let hash = with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let hash = append_event!(tx, event);
        tx.commit().await?;
        hash
    });
    drop(writer);
    Ok(hash)
}

/// One stored event, as read back for display and verification.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StoredEvent {
    pub case_id: i64,
    pub seq: i64,
    pub version: i64,
    pub actor_id: i64,
    pub actor: String,
    pub role: String,
    pub action: String,
    pub at: String,
    pub details: String,
    pub prev_hash: Option<String>,
    pub hash: String,
}

impl StoredEvent {
    fn recomputed_hash(&self) -> String {
        let details: Value = serde_json::from_str(&self.details).unwrap_or(Value::String(self.details.clone()));
        event_hash(&json!({
            "seq": self.seq,
            "case_id": self.case_id,
            "version": self.version,
            "actor_id": self.actor_id,
            "actor": self.actor,
            "role": self.role,
            "action": self.action,
            "at": self.at,
            "details": details,
            "prev_hash": self.prev_hash,
        }))
    }
}

pub async fn events_of(db: &Db, case_id: i64) -> Result<Vec<StoredEvent>, AppError> {
    let rows = with_pool!(db, pool => sqlx::query_as::<_, StoredEvent>(
        "SELECT case_id, seq, version, actor_id, actor, role, action, at, details, prev_hash, hash FROM case_events WHERE case_id = $1 ORDER BY seq"
    ).bind(case_id).fetch_all(pool).await?);
    Ok(rows)
}

/// The first problem in a case's chain, in words (None when intact). `expected_count` is the
/// case's `event_count`, which catches events removed from the end.
pub fn check_chain(events: &[StoredEvent], expected_count: i64) -> Option<String> {
    let mut prev: Option<&str> = None;
    for (i, e) in events.iter().enumerate() {
        let seq = i as i64 + 1;
        if e.seq != seq {
            return Some(format!("event {seq} is missing (found event {} in its place)", e.seq));
        }
        if e.prev_hash.as_deref() != prev {
            return Some(format!("event {seq} ({}) does not follow the event before it", e.action));
        }
        if e.recomputed_hash() != e.hash {
            return Some(format!("event {seq} ({}) was changed after it was written", e.action));
        }
        prev = Some(&e.hash);
    }
    if events.len() as i64 != expected_count {
        return Some(format!("{expected_count} events were written but {} remain", events.len()));
    }
    None
}

/// One broken chain or snapshot found by [`verify_all`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Breach {
    pub case_id: i64,
    pub reference: String,
    pub problem: String,
}

impl std::fmt::Display for Breach {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "case {} (id {}): {}", self.reference, self.case_id, self.problem)
    }
}

#[derive(Clone, Debug, Default)]
pub struct VerifyReport {
    pub cases: usize,
    pub events: usize,
    pub snapshots: usize,
    pub breaches: Vec<Breach>,
}

#[derive(sqlx::FromRow)]
struct SnapshotRow {
    id: i64,
    kind: String,
    record: String,
    content_hash: String,
}

/// Re-verifies a snapshot's stored hash against its record; the problem in words if they differ.
pub fn check_snapshot(kind: &str, id: i64, record: &str, stored_hash: &str) -> Option<String> {
    let recomputed = serde_json::from_str::<Value>(record)
        .ok()
        .and_then(|v| canonical::to_canonical_json(&v).ok())
        .map(|text| format!("sha256:{}", hex::encode(Sha256::digest(text.as_bytes()))));
    match recomputed {
        Some(h) if h == stored_hash => None,
        _ => Some(format!("{} record {id} does not match its content hash", kind.to_lowercase().replace('_', "-"))),
    }
}

/// Problems of one case: its event chain, then its snapshots (empty when all is intact).
pub async fn verify_case(db: &Db, case_id: i64, event_count: i64) -> Result<(usize, usize, Vec<String>), AppError> {
    let events = events_of(db, case_id).await?;
    let snapshots: Vec<SnapshotRow> = with_pool!(db, pool => sqlx::query_as("SELECT id, kind, record, content_hash FROM case_snapshots WHERE case_id = $1 ORDER BY id").bind(case_id).fetch_all(pool).await?);
    let stored: Vec<StoredSnapshot<'_>> = snapshots
        .iter()
        .map(|s| StoredSnapshot { id: s.id, kind: &s.kind, record: &s.record, content_hash: &s.content_hash })
        .collect();
    Ok((events.len(), snapshots.len(), check_case(&events, &stored, event_count)))
}

/// A snapshot as stored, borrowed from whatever row type the caller read it into.
pub struct StoredSnapshot<'a> {
    pub id: i64,
    pub kind: &'a str,
    pub record: &'a str,
    pub content_hash: &'a str,
}

/// Problems of one case from its loaded events and snapshots (empty when all is intact): the chain,
/// each snapshot's hash, and that each snapshot is the one its audit event recorded.
pub fn check_case(events: &[StoredEvent], snapshots: &[StoredSnapshot<'_>], event_count: i64) -> Vec<String> {
    let mut problems: Vec<String> = check_chain(events, event_count).into_iter().collect();
    problems.extend(snapshots.iter().filter_map(|s| check_snapshot(s.kind, s.id, s.record, s.content_hash)));
    // Each snapshot's hash was also written into the chain when it was made; a snapshot replaced
    // together with its stored hash is caught here.
    let chained: Vec<String> = events
        .iter()
        .filter(|e| e.action == Action::Submitted.as_str() || e.action == Action::SignedOff.as_str())
        .filter_map(|e| serde_json::from_str::<Value>(&e.details).ok()?["content_hash"].as_str().map(String::from))
        .collect();
    if !events.is_empty() {
        for s in snapshots {
            if !chained.iter().any(|h| h == s.content_hash) {
                problems.push(format!(
                    "{} record {} is not the one recorded in the audit trail",
                    s.kind.to_lowercase().replace('_', "-"),
                    s.id
                ));
            }
        }
    }
    problems
}

/// Checks every case's chain and every snapshot; names the first problem of each broken case.
pub async fn verify_all(db: &Db) -> Result<VerifyReport, AppError> {
    #[derive(sqlx::FromRow)]
    struct CaseRow {
        id: i64,
        reference: String,
        event_count: i64,
    }
    let cases: Vec<CaseRow> = with_pool!(db, pool => sqlx::query_as("SELECT id, reference, event_count FROM cases ORDER BY id").fetch_all(pool).await?);
    let mut report = VerifyReport { cases: cases.len(), ..VerifyReport::default() };
    for c in cases {
        let (events, snapshots, problems) = verify_case(db, c.id, c.event_count).await?;
        report.events += events;
        report.snapshots += snapshots;
        if let Some(problem) = problems.into_iter().next() {
            report.breaches.push(Breach { case_id: c.id, reference: c.reference, problem });
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(seq: i64, prev: Option<String>) -> StoredEvent {
        let e = NewEvent {
            case_id: 7,
            version: 1,
            actor_id: 3,
            actor: "a@example.org".into(),
            role: "assessor",
            action: Action::AnswersEdited,
            at: "2026-11-23T10:00:00.000Z".into(),
            details: json!({ "changed": ["case.office"], "n": seq }),
        };
        let hash = e.seal(seq, prev.as_deref());
        StoredEvent {
            case_id: 7,
            seq,
            version: 1,
            actor_id: 3,
            actor: e.actor,
            role: e.role.into(),
            action: e.action.as_str().into(),
            at: e.at,
            details: e.details.to_string(),
            prev_hash: prev,
            hash,
        }
    }

    fn chain(n: i64) -> Vec<StoredEvent> {
        let mut out: Vec<StoredEvent> = Vec::new();
        for seq in 1..=n {
            let prev = out.last().map(|e| e.hash.clone());
            out.push(stored(seq, prev));
        }
        out
    }

    #[test]
    fn an_intact_chain_verifies_and_each_kind_of_tampering_is_named() {
        assert_eq!(check_chain(&chain(3), 3), None);
        let mut edited = chain(3);
        edited[1].details = r#"{"changed":["case.title"],"n":2}"#.into();
        assert_eq!(check_chain(&edited, 3).unwrap(), "event 2 (ANSWERS_EDITED) was changed after it was written");
        let mut removed = chain(3);
        removed.remove(1);
        assert!(check_chain(&removed, 3).unwrap().starts_with("event 2 is missing"));
        let truncated = chain(2);
        assert_eq!(check_chain(&truncated, 3).unwrap(), "3 events were written but 2 remain");
        let mut rehashed = chain(3);
        rehashed[1].actor = "b@example.org".into();
        rehashed[1].hash = rehashed[1].recomputed_hash();
        assert!(check_chain(&rehashed, 3).unwrap().starts_with("event 3"));
    }
}
