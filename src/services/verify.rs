//! Verification of the stored record: `hrdd audit verify` (everything) and one case at a time (the
//! summary page). The checks themselves are in [`crate::audit::check`]; this module reads the rows.

use crate::audit::anchor::{self, Head};
use crate::audit::check::{self, CaseRecord, CommentRow, SequenceCheck, SnapshotRow};
use crate::audit::StoredEvent;
use crate::error::AppError;
use crate::methodology::draft::Draft;
use crate::methodology::Catalogue;
use crate::store::Store;
use serde_json::Value;
use std::collections::HashMap;

/// One problem found: what it concerns (`case KE-2026-0001 (id 4)`, `the record`) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Breach {
    pub subject: String,
    pub problem: String,
}

impl std::fmt::Display for Breach {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.subject, self.problem)
    }
}

#[derive(Clone, Debug, Default)]
pub struct VerifyReport {
    pub cases: usize,
    pub events: usize,
    pub snapshots: usize,
    pub comments: usize,
    pub head: Option<Head>,
    pub breaches: Vec<Breach>,
}

/// The events of one case version, in its own order.
pub async fn events_of_case(db: &Store, case_id: i64) -> Result<Vec<StoredEvent>, AppError> {
    Ok(db.events_of_case(case_id).await?)
}

/// The events of one account, oldest first.
pub async fn events_of_account(db: &Store, user_id: i64) -> Result<Vec<StoredEvent>, AppError> {
    Ok(db.events_of_account(user_id).await?)
}

pub async fn snapshots_of(db: &Store, case_id: i64) -> Result<Vec<SnapshotRow>, AppError> {
    Ok(db.snapshots_of(case_id).await?)
}

pub async fn comments_of(db: &Store, case_id: i64) -> Result<Vec<CommentRow>, AppError> {
    Ok(db.comments_of(case_id).await?)
}

/// Everything of one case version and its problems. With the case's `catalogue`, the problems name
/// which applicable answers differ from a snapshot; `verify_signatures` checks each event's hash and
/// signature too.
pub async fn check_one_case(
    db: &Store,
    case_id: i64,
    catalogue: Option<&Catalogue>,
    verify_signatures: bool,
) -> Result<CaseCheck, AppError> {
    let (reference, live) = db.live_case(case_id).await?.ok_or_else(crate::cases::access::not_found)?;
    let events = events_of_case(db, case_id).await?;
    let snapshots = snapshots_of(db, case_id).await?;
    let comments = comments_of(db, case_id).await?;
    let applicable_answers = catalogue.and_then(|c| {
        let draft = Draft::from_value(live.answers.clone()).ok()?;
        Some(crate::methodology::draft::applicable(c, &draft))
    });
    let record = CaseRecord { live: &live, events: &events, snapshots: &snapshots, comments: &comments };
    let (problems, broken_snapshots) =
        check::check_case_and_snapshots(&record, db.trail().keyring(), verify_signatures, applicable_answers.as_ref());
    Ok(CaseCheck { reference, events, snapshots, comments, problems, broken_snapshots })
}

/// One case version as checked: its rows (for display) and its problems.
pub struct CaseCheck {
    pub reference: String,
    pub events: Vec<StoredEvent>,
    pub snapshots: Vec<SnapshotRow>,
    pub comments: Vec<CommentRow>,
    pub problems: Vec<String>,
    /// Snapshots whose content hash or signature does not hold.
    pub broken_snapshots: Vec<i64>,
}

/// The head row of the sequence.
pub async fn head(db: &Store) -> Result<Option<Head>, AppError> {
    Ok(db.audit_head().await?)
}

/// Checks everything: the global sequence (every event's place, hash and signature), the head row,
/// the anchor file and `extra_anchors` (heads exported earlier with `hrdd audit anchor`), and every
/// case version. Lists the problems of each broken case and of the record as a whole.
pub async fn verify_all(db: &Store, extra_anchors: &[Head]) -> Result<VerifyReport, AppError> {
    let mut report = VerifyReport::default();
    let record = "the record".to_string();
    let keyring = db.trail().keyring();
    if keyring.is_empty() {
        report.breaches.push(Breach {
            subject: record.clone(),
            problem: format!(
                "no trusted public key in {}: restore audit-keys.pub from your backup",
                crate::audit::keys::Keyring::path(db.trail().dir()).display()
            ),
        });
    }
    // 1. The global sequence, streamed in order; the hashes of anchored events are kept.
    let (lines, bad_lines) = db.trail().anchor.read().map_err(AppError::internal)?;
    let mut anchored = anchor::current_heads(&lines);
    anchored.extend(extra_anchors.iter().cloned());
    let wanted: std::collections::HashSet<i64> = anchored.iter().map(|h| h.seq).collect();
    let mut stored_hashes: HashMap<i64, String> = HashMap::new();
    let mut sequence = SequenceCheck::new();
    let references: HashMap<i64, String> = db.case_references().await?;
    let subject_of = |e: &StoredEvent| match (e.case_id, e.subject_user_id) {
        (Some(id), _) => format!("case {} (id {id})", references.get(&id).map_or("(deleted)", String::as_str)),
        (None, Some(user)) => format!("account {user}"),
        _ => record.clone(),
    };
    let mut forged: Vec<Breach> = Vec::new();
    db.for_each_event(|e| {
        if wanted.contains(&e.seq) {
            stored_hashes.insert(e.seq, e.hash.clone());
        }
        sequence.push(&e);
        if let Some(problem) = check::event_problem(&e, keyring) {
            forged.push(Breach { subject: subject_of(&e), problem });
        }
    })
    .await?;
    report.events = sequence.events;
    report.head = head(db).await?;
    let global = sequence.finish(report.head.clone(), &anchored, |seq| stored_hashes.get(&seq).cloned());
    report.breaches.extend(global.into_iter().map(|problem| Breach { subject: record.clone(), problem }));
    report.breaches.extend(forged);
    report.breaches.extend(bad_lines.into_iter().map(|problem| Breach { subject: "the anchor file".into(), problem }));
    // 2. Every case version: its own history, snapshots, comments and live row.
    let versions = db.case_versions().await?;
    report.cases = versions.len();
    for (id, _) in versions {
        let c = check_one_case(db, id, None, false).await?;
        report.snapshots += c.snapshots.len();
        report.comments += c.comments.len();
        let subject = format!("case {} (id {id})", c.reference);
        report.breaches.extend(c.problems.into_iter().map(|problem| Breach { subject: subject.clone(), problem }));
    }
    Ok(report)
}

/// The current head, for `hrdd audit anchor`: what to keep somewhere the database's users cannot
/// reach (printed, mailed, committed elsewhere) and give to `hrdd audit verify --anchor` later.
pub async fn export_anchor(db: &Store) -> Result<Value, AppError> {
    let head = head(db).await?.unwrap_or(Head { seq: 0, hash: String::new() });
    let signing = db.trail().signing().map(|s| (s.id().to_string(), s.sign("anchor", &head.hash)));
    Ok(serde_json::json!({
        "hrdd_audit_anchor": 1,
        "seq": head.seq,
        "hash": head.hash,
        "exported_at": crate::audit::timestamp(chrono::Utc::now()),
        "key_id": signing.as_ref().map(|s| s.0.clone()),
        "signature": signing.map(|s| s.1.1),
    }))
}

/// Reads heads exported by `hrdd audit anchor` (one JSON object per file, or several per line) or
/// anchor-file lines.
pub fn parse_exported_anchors(text: &str) -> Result<Vec<Head>, String> {
    let mut heads = Vec::new();
    for value in serde_json::Deserializer::from_str(text).into_iter::<Value>() {
        match value {
            Ok(v) => match (v["seq"].as_i64(), v["hash"].as_str()) {
                (Some(seq), Some(hash)) => heads.push(Head { seq, hash: hash.to_string() }),
                _ => return Err("an anchor needs \"seq\" and \"hash\"".into()),
            },
            Err(_) if heads.is_empty() => {
                let (lines, bad) = anchor::parse(text);
                if let Some(b) = bad.first() {
                    return Err(b.clone());
                }
                return Ok(anchor::current_heads(&lines));
            }
            Err(e) => return Err(e.to_string()),
        }
    }
    Ok(heads)
}
