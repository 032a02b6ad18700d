//! The checks of the audit record, over rows already loaded (no I/O): the global sequence, each
//! event's hash and signature, and each case version — its own events, its snapshots, its comments
//! and its live row against what the signed record says. Every problem is a sentence that names
//! what differs.

use super::anchor::Head;
use super::keys::Keyring;
use super::{Action, StoredEvent};
use crate::methodology::canonical;
use crate::methodology::draft::Draft;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// At most this many problems are listed per check; the rest are counted.
const MAX_PROBLEMS: usize = 50;

fn action_of(e: &StoredEvent) -> Option<Action> {
    Action::parse(&e.action)
}

/// Why an event is not authentic (None when its hash and signature hold).
pub fn event_problem(e: &StoredEvent, keyring: &Keyring) -> Option<String> {
    if e.recomputed_hash() != e.hash {
        return Some(format!("event {} ({}) was changed after it was written", e.seq, e.action));
    }
    keyring
        .check("event", &e.hash, e.key_id.as_deref(), e.signature.as_deref())
        .map(|why| format!("event {} ({}) {why}", e.seq, e.action))
}

/// The global sequence, fed one event at a time in `seq` order.
#[derive(Default)]
pub struct SequenceCheck {
    expected: i64,
    last: Option<Head>,
    pub events: usize,
    problems: Vec<String>,
    more: usize,
}

impl SequenceCheck {
    pub fn new() -> SequenceCheck {
        SequenceCheck { expected: 1, ..SequenceCheck::default() }
    }

    fn problem(&mut self, p: String) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(p);
        } else {
            self.more += 1;
        }
    }

    /// Takes the next event: its place in the sequence and its link to the one before (its own hash
    /// and signature are checked by [`event_problem`]).
    pub fn push(&mut self, e: &StoredEvent) {
        self.events += 1;
        let mut after_gap = false;
        if e.seq != self.expected {
            let (from, to) = (self.expected, e.seq - 1);
            self.problem(if from == to {
                format!("event {from} is missing from the record (deleted)")
            } else {
                format!("events {from} to {to} are missing from the record (deleted)")
            });
            after_gap = true;
        }
        let prev = self.last.as_ref().map(|h| h.hash.clone());
        if !after_gap && e.prev_hash != prev {
            self.problem(format!("event {} ({}) does not follow the event before it", e.seq, e.action));
        }
        self.expected = e.seq + 1;
        self.last = Some(e.head());
    }

    /// The problems, with the head row and the anchored heads checked against what was read.
    /// `stored` maps an anchored sequence number to the hash the database holds for it.
    pub fn finish(
        mut self,
        head_row: Option<Head>,
        anchored: &[Head],
        stored: impl Fn(i64) -> Option<String>,
    ) -> Vec<String> {
        match (&head_row, &self.last) {
            (Some(h), Some(last)) if h != last => self.problem(format!(
                "the record's head says event {} ({}), but the newest event is {} ({})",
                h.seq,
                short(&h.hash),
                last.seq,
                short(&last.hash)
            )),
            (Some(h), None) if h.seq != 0 => {
                self.problem(format!("the record's head says event {}, but no event is left", h.seq))
            }
            (None, _) => self.problem("the record's head row is missing".into()),
            _ => {}
        }
        let newest = self.last.as_ref().map_or(0, |h| h.seq);
        if let Some(top) = anchored.iter().map(|h| h.seq).max().filter(|top| *top > newest) {
            self.problem(format!(
                "the anchor file records event {top}, but the database ends at event {newest}: the newest events were removed"
            ));
        }
        let mismatched: Vec<&Head> = anchored
            .iter()
            .filter(|h| h.seq <= newest)
            .filter(|h| stored(h.seq).is_none_or(|hash| hash != h.hash))
            .collect();
        if let Some(first) = mismatched.first() {
            self.problem(format!(
                "event {} is not the one the anchor file recorded ({} anchored heads differ): the record was rewritten",
                first.seq,
                mismatched.len()
            ));
        }
        if self.more > 0 {
            self.problems.push(format!("… and {} more problems", self.more));
        }
        self.problems
    }
}

fn short(hash: &str) -> String {
    hash.chars().take(19).collect()
}

/// A snapshot row as loaded.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SnapshotRow {
    pub id: i64,
    pub kind: String,
    pub record: String,
    pub content_hash: String,
    pub created_by: i64,
    pub key_id: Option<String>,
    pub signature: Option<String>,
}

/// A comment row as loaded.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CommentRow {
    pub id: i64,
    pub anchor: String,
    pub kind: String,
    pub body: String,
    pub author_id: i64,
}

/// The case row's columns that the signed record determines.
#[derive(Clone, Debug)]
pub struct LiveCase {
    pub state: String,
    pub answers: Value,
    pub final_decision: Option<String>,
    pub overall_band: Option<String>,
    pub decided_by: Option<i64>,
    pub event_count: i64,
}

/// `sha256:` + SHA-256 of a snapshot record's canonical JSON (spec §10.5); None if unreadable.
pub fn record_hash(record: &str) -> Option<String> {
    serde_json::from_str::<Value>(record)
        .ok()
        .and_then(|v| canonical::to_canonical_json(&v).ok())
        .map(|text| format!("sha256:{}", hex::encode(Sha256::digest(text.as_bytes()))))
}

fn snapshot_name(s: &SnapshotRow) -> String {
    format!("{} record {}", s.kind.to_lowercase().replace('_', "-"), s.id)
}

/// Why a snapshot is not authentic (None when its content hash and signature hold).
pub fn snapshot_problem(s: &SnapshotRow, keyring: &Keyring) -> Option<String> {
    if record_hash(&s.record).as_deref() != Some(s.content_hash.as_str()) {
        return Some(format!("{} does not match its content hash (it was changed)", snapshot_name(s)));
    }
    // The signature covers the content hash, so a record rewritten with a recomputed hash fails here.
    keyring
        .check("snapshot", &s.content_hash, s.key_id.as_deref(), s.signature.as_deref())
        .map(|why| format!("{} {why}", snapshot_name(s)))
}

/// The state a case version is in after these events.
fn state_after(events: &[StoredEvent]) -> Option<(&'static str, &StoredEvent)> {
    events.iter().rev().find_map(|e| {
        let state = match action_of(e)? {
            Action::Created | Action::ReassessmentStarted => "DRAFT",
            Action::Submitted => "SUBMITTED",
            Action::Returned => "RETURNED",
            Action::SignedOff => "DECIDED",
            Action::Superseded => "SUPERSEDED",
            _ => return None,
        };
        Some((state, e))
    })
}

/// The hash of the answers as last recorded, and the event that recorded it.
fn answers_after(events: &[StoredEvent]) -> Option<(String, &StoredEvent)> {
    events.iter().rev().find_map(|e| {
        let d = e.details_value();
        let key = match action_of(e)? {
            Action::Created | Action::ReassessmentStarted | Action::Submitted => "answers_hash",
            Action::AnswersEdited | Action::ComponentsChanged | Action::Concurred | Action::ConcurrenceRefused => {
                "after"
            }
            _ => return None,
        };
        Some((d[key].as_str()?.to_string(), e))
    })
}

/// The comments the signed record holds: `(comment id, anchor, kind, body, author id)`.
fn recorded_comments(events: &[StoredEvent]) -> Vec<(i64, String, String, String, Option<i64>)> {
    let mut out = Vec::new();
    for e in events {
        let d = e.details_value();
        let entries: Vec<&Value> = match action_of(e) {
            Some(Action::RecordSealed) => d["comments"].as_array().map(|l| l.iter().collect()).unwrap_or_default(),
            _ => d.get("comment").filter(|c| c.is_object()).into_iter().collect(),
        };
        for c in entries {
            let Some(id) = c["id"].as_i64() else { continue };
            let author = c["author_id"].as_i64().or(e.actor_id);
            let text = |k: &str| c[k].as_str().unwrap_or_default().to_string();
            out.push((id, text("anchor"), text("kind"), text("body"), author));
        }
    }
    out
}

/// The snapshot content hashes the signed record names.
fn recorded_snapshots(events: &[StoredEvent]) -> Vec<String> {
    let mut out = Vec::new();
    for e in events {
        let d = e.details_value();
        match action_of(e) {
            Some(Action::Submitted | Action::SignedOff) => out.extend(d["content_hash"].as_str().map(String::from)),
            Some(Action::RecordSealed) => {
                out.extend(d["snapshots"].as_array().into_iter().flatten().filter_map(|h| h.as_str().map(String::from)))
            }
            _ => {}
        }
    }
    out
}

/// The most restrictive final decision of a sign-off record (what `cases.final_decision` holds).
pub fn overall_final(record: &Value) -> Option<String> {
    use crate::methodology::codes::FinalDecision;
    record["decisions"]
        .as_array()?
        .iter()
        .filter_map(|d| FinalDecision::parse(d["final_decision"].as_str()?))
        .max_by_key(|d| (d.rank(), *d))
        .map(|d| d.code().to_string())
}

fn shown(v: Option<&str>) -> String {
    v.map_or_else(|| "nothing".to_string(), |s| s.to_string())
}

/// Everything of one case version, loaded.
pub struct CaseRecord<'a> {
    pub live: &'a LiveCase,
    /// The version's events in `case_seq` order.
    pub events: &'a [StoredEvent],
    pub snapshots: &'a [SnapshotRow],
    pub comments: &'a [CommentRow],
}

/// Problems of one case version (empty when intact). Snapshots are checked against the keyring;
/// with `check_events`, each event's hash and signature too (the global pass of [`super::verify`]
/// does that once for all events).
pub fn check_case_and_snapshots(
    rec: &CaseRecord<'_>,
    keyring: &Keyring,
    check_events: bool,
    applicable_answers: Option<&Draft>,
) -> (Vec<String>, Vec<i64>) {
    let mut problems = Vec::new();
    let mut broken_snapshots = Vec::new();
    // Its own history: numbered 1..n, as many as were written, each authentic.
    for (i, e) in rec.events.iter().enumerate() {
        let n = i as i64 + 1;
        if e.case_seq != Some(n) {
            problems.push(format!(
                "event {n} of this case is missing (found event {} in its place)",
                e.case_seq.unwrap_or(0)
            ));
            break;
        }
    }
    if rec.events.len() as i64 != rec.live.event_count {
        problems.push(format!(
            "{} events were written for this case but {} remain",
            rec.live.event_count,
            rec.events.len()
        ));
    }
    if check_events {
        problems.extend(rec.events.iter().filter_map(|e| event_problem(e, keyring)));
    }
    for s in rec.snapshots {
        if let Some(problem) = snapshot_problem(s, keyring) {
            problems.push(problem);
            broken_snapshots.push(s.id);
        }
    }
    // Snapshots are the ones the signed events name.
    let named = recorded_snapshots(rec.events);
    for s in rec.snapshots.iter().filter(|s| !named.contains(&s.content_hash)) {
        problems.push(format!("{} is not the one recorded in the audit trail", snapshot_name(s)));
    }
    // Comments are exactly the ones in the signed record, word for word.
    let recorded = recorded_comments(rec.events);
    for c in rec.comments {
        match recorded.iter().find(|r| r.0 == c.id) {
            None => problems.push(format!("comment {} is not in the audit record (it was added outside HRDD)", c.id)),
            Some((_, anchor, kind, body, author)) => {
                if body != &c.body {
                    problems.push(format!(
                        "comment {} was changed after it was written (its text differs from the signed record)",
                        c.id
                    ));
                } else if anchor != &c.anchor || kind != &c.kind || *author != Some(c.author_id) {
                    problems.push(format!(
                        "comment {} was changed after it was written (its author, kind or anchor differs)",
                        c.id
                    ));
                }
            }
        }
    }
    for (id, ..) in recorded.iter().filter(|r| !rec.comments.iter().any(|c| c.id == r.0)) {
        problems.push(format!("comment {id} was deleted"));
    }
    problems.extend(live_problems(rec, applicable_answers));
    (problems, broken_snapshots)
}

/// The live row against the signed record: state, answers, and once decided the final decision,
/// band and signer.
fn live_problems(rec: &CaseRecord<'_>, applicable_answers: Option<&Draft>) -> Vec<String> {
    let mut problems = Vec::new();
    let live = rec.live;
    if rec.events.is_empty() {
        return problems;
    }
    if let Some((state, e)) = state_after(rec.events) {
        if state != live.state {
            problems.push(format!(
                "the case row says state {}, but the signed record ends with {} (event {}), which leaves it {state}",
                live.state, e.action, e.seq
            ));
        }
    }
    let latest = |kind: &str| rec.snapshots.iter().rev().find(|s| s.kind == kind);
    let snapshot_of_state = match live.state.as_str() {
        "DECIDED" | "SUPERSEDED" => latest("SIGN_OFF"),
        "SUBMITTED" => latest("SUBMISSION"),
        _ => None,
    };
    if let Some((hash, e)) = answers_after(rec.events) {
        if super::answers_hash(&live.answers) != hash {
            let detail = match (snapshot_of_state, applicable_answers) {
                (Some(s), Some(now)) => serde_json::from_str::<Value>(&s.record)
                    .ok()
                    .and_then(|r| Draft::from_value(r.get("answers")?.clone()).ok())
                    .map(|signed| crate::cases::diff::changed_paths(&signed, now))
                    .filter(|paths| !paths.is_empty())
                    .map(|paths| format!(": changed at {}", paths.join(", ")))
                    .unwrap_or_default(),
                _ => String::new(),
            };
            problems.push(format!(
                "the case row's answers are not the ones last recorded (event {}, {}){detail}",
                e.seq, e.action
            ));
        }
    }
    match live.state.as_str() {
        "DECIDED" | "SUPERSEDED" => match latest("SIGN_OFF") {
            None => problems.push("the case row says it was decided, but there is no sign-off record".into()),
            Some(s) => {
                let record: Value = serde_json::from_str(&s.record).unwrap_or(Value::Null);
                let signed = overall_final(&record);
                if signed != live.final_decision {
                    problems.push(format!(
                        "the case row's final decision is {}, but the signed-off record says {}",
                        shown(live.final_decision.as_deref()),
                        shown(signed.as_deref())
                    ));
                }
                let band = record["result"]["overall_band"].as_str();
                if band != live.overall_band.as_deref() {
                    problems.push(format!(
                        "the case row's overall band is {}, but the signed-off record says {}",
                        shown(live.overall_band.as_deref()),
                        shown(band)
                    ));
                }
                if live.decided_by != Some(s.created_by) {
                    problems.push("the case row names another signer than the signed-off record".into());
                }
            }
        },
        "SUBMITTED" => match latest("SUBMISSION") {
            None => problems.push("the case row says it was submitted, but there is no submission record".into()),
            Some(s) => {
                let record: Value = serde_json::from_str(&s.record).unwrap_or(Value::Null);
                let band = record["result"]["overall_band"].as_str();
                if band != live.overall_band.as_deref() {
                    problems.push(format!(
                        "the case row's overall band is {}, but the submission record says {}",
                        shown(live.overall_band.as_deref()),
                        shown(band)
                    ));
                }
            }
        },
        _ => {}
    }
    if !matches!(live.state.as_str(), "DECIDED" | "SUPERSEDED") && live.final_decision.is_some() {
        problems.push(format!(
            "the case row holds a final decision ({}) although it was never signed off",
            shown(live.final_decision.as_deref())
        ));
    }
    problems
}
