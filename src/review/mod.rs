//! Review and sign-off (spec §10): the risk summary of a case, the reviewers' and advisers' queues,
//! comments, the adviser's concurrence, return, sign-off with its immutable record, trigger events
//! and re-assessment.
//!
//! The types here are shared with the browser; `service` (and `rules`' database side) is server-only.

#[cfg(feature = "ssr")]
pub mod record;
pub mod rules;
pub mod workflow;

use crate::cases::diff::VersionChange;
use crate::cases::{CaseOverview, CaseState};
use crate::methodology::codes::{Band, FinalDecision, RecommendedDecision};
use crate::methodology::ResultDocument;
use serde::{Deserialize, Serialize};

pub use crate::cases::REVIEW_DAYS;
/// Longest comment accepted (characters).
pub const COMMENT_MAX: usize = 5_000;

/// One component's final decision as the reviewer chose it (form fields
/// `decisions[i][component_id]`, `decisions[i][final_decision]`, `decisions[i][conditions]`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionInput {
    pub component_id: String,
    pub final_decision: String,
    #[serde(default)]
    pub conditions: String,
}

/// Everything the summary page of one case version shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseSummary {
    pub overview: CaseOverview,
    /// The engine result recomputed from the stored answers (None while the draft is incomplete).
    pub result: Option<ResultDocument>,
    /// Hard-rule titles by id, for the list of rules fired.
    pub hard_rule_titles: Vec<(String, String)>,
    /// Plain words for the codes that explanations quote (`Catalogue::code_labels`).
    pub code_labels: Vec<(String, String)>,
    /// (code, label) of the trigger events (question 1.7), for the trigger and re-assessment forms.
    pub trigger_events: Vec<(String, String)>,
    /// (code, label) of the assessment types a re-assessment can have (question 1.6 without NEW).
    pub reassessment_types: Vec<(String, String)>,
    pub mitigation: Vec<MeasureRow>,
    pub monitoring: Vec<MonitoringRow>,
    pub consultations: Vec<ConsultationRow>,
    pub submission: Option<SnapshotView>,
    pub sign_off: Option<SignOffView>,
    pub comments: Vec<CommentView>,
    pub events: Vec<EventView>,
    /// The first problem in this version's audit chain or snapshots; None when everything verifies.
    /// What the audit check found wrong with this version's record (empty when intact).
    pub integrity_problems: Vec<String>,
    pub versions: Vec<VersionLink>,
    /// What changed since the previous version (empty for version 1).
    pub changes: Vec<VersionChange>,
    pub previous_reference: Option<String>,
    pub review_due: Option<String>,
    pub review_overdue: bool,
    pub reassessment_due: bool,
    /// When the next review date computed from the assessment date is already past (an old
    /// assessment date): what that means, in a sentence. Shown above the sign-off controls and on
    /// the summary of a decided version.
    pub review_date_warning: Option<String>,
    pub triggers: Vec<TriggerView>,
    /// Step 2 (4.1–4.8) beside the country reference data it was pre-filled with (empty for
    /// readers who do not see answers).
    pub country_context: Vec<ContextRow>,
    /// Whether the assessor confirmed the pre-filled country context (false also when nothing was
    /// pre-filled).
    pub country_context_confirmed: bool,
    pub actions: Actions,
    /// Places a comment can be anchored to: (anchor, label).
    pub anchors: Vec<(String, String)>,
}

/// One country-context answer and the reference value it started from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContextRow {
    pub question: String,
    pub label: String,
    pub answer: String,
    /// The reference value in words, its effective date and source (None: not pre-filled).
    pub reference: Option<(String, String, String)>,
    /// The assessor's answer is not the pre-filled value.
    pub changed: bool,
    /// Why the assessor changed it (step 2's confirmation).
    pub reason: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeasureRow {
    pub component_id: String,
    pub code: String,
    pub name: String,
    pub target_areas: Vec<String>,
    pub status: String,
    /// The status in the reader's language.
    pub status_label: String,
    pub responsible: Option<String>,
    pub has_indicator: bool,
    pub resourced: bool,
    /// Managers see no answer text (spec §10.1): None for them.
    pub description: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonitoringRow {
    pub component_id: String,
    /// The plan's text (8.2); None for readers who see no answer text (managers).
    pub plan: Option<String>,
    /// Whether a plan was written (what managers see instead of its text).
    pub has_plan: bool,
    pub frequency_months: Option<u8>,
    pub next_review_date: Option<String>,
    pub watch_triggers: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConsultationRow {
    pub kind: String,
    pub label: String,
    pub required: bool,
    pub records: Vec<(String, String, Option<String>)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SnapshotView {
    pub by: String,
    pub at: String,
    pub content_hash: String,
    pub verified: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionView {
    pub component_id: String,
    pub recommended: RecommendedDecision,
    pub final_decision: FinalDecision,
    pub conditions: Option<String>,
    pub approval_level_required: u8,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignOffView {
    pub signed_by: String,
    pub signer_level: u8,
    pub signed_at: String,
    pub comment: Option<String>,
    pub decisions: Vec<DecisionView>,
    pub content_hash: String,
    pub verified: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommentView {
    pub id: i64,
    pub anchor: String,
    pub anchor_label: String,
    pub kind: String,
    pub body: String,
    pub author: String,
    pub role: String,
    pub at: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventView {
    /// The event's number within this case version.
    pub seq: i64,
    /// Its number in the installation's audit record.
    pub record_seq: i64,
    pub at: String,
    pub actor: String,
    pub role: String,
    pub action: String,
    pub summary: String,
    pub hash: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VersionLink {
    pub id: i64,
    pub reference: String,
    pub version_no: i64,
    pub state: CaseState,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TriggerView {
    pub trigger: String,
    pub date: String,
    pub description: String,
    pub by: String,
}

/// A lowering override or an override request the adviser can concur with or refuse.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConcurrenceItem {
    pub component_id: String,
    /// `override.<index>` (position in the component's overrides) or `proposed_decision`.
    pub target: String,
    pub description: String,
    pub justification: String,
    /// Some(true) concurred, Some(false) refused, None not yet.
    pub concurred: Option<bool>,
}

/// The final decisions one component may receive (spec §10.4).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionChoice {
    pub component_id: String,
    pub recommended: RecommendedDecision,
    pub approval_level_required: u8,
    pub allowed: Vec<FinalDecision>,
    /// The assessor's proposed decision (8.3) when it is allowed. Shown as a hint, never
    /// preselected: the reviewer chooses every final decision deliberately.
    pub proposed: Option<FinalDecision>,
}

/// What the signed-in user may do on this case now; reasons say why not.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Actions {
    pub can_comment: bool,
    pub can_return: bool,
    /// Shown to reviewers: Ok when they may sign, else the reason (level, segregation, state).
    pub sign_off: Option<Result<(), String>>,
    pub decision_choices: Vec<DecisionChoice>,
    pub concurrences: Vec<ConcurrenceItem>,
    /// Why the adviser may not concur (segregation), if so.
    pub concurrence_blocked: Option<String>,
    pub can_record_trigger: bool,
    pub can_reassess: bool,
    pub revision: i64,
}

/// One case in a review queue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueueItem {
    pub id: i64,
    pub reference: String,
    pub country: String,
    pub title: String,
    pub version_no: i64,
    pub state: CaseState,
    pub band: Option<Band>,
    pub decision: Option<RecommendedDecision>,
    pub approval_level: Option<u8>,
    pub since: String,
    pub due: Option<String>,
    pub overdue: bool,
    /// Why it is in this queue (the page puts it in the reader's words).
    pub reason: QueueReason,
    /// Where to act on it: the summary, or the wizard step a return comment concerns.
    pub open: String,
}

/// Why a case stands in a queue of the inbox.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum QueueReason {
    /// A reviewer returned it with this comment (the first words of it).
    ReturnedWith {
        by: String,
        excerpt: String,
    },
    /// Returned, with no comment found.
    Returned,
    /// A draft with required answers still missing (no band yet).
    AnswersMissing,
    /// A rated draft that something still keeps from submission.
    Blocked,
    ReadyToSubmit,
    /// Submitted; needs a reviewer of this level.
    NeedsLevel(u8),
    /// Submitted; waits for a reviewer of this (higher) level.
    WaitsForLevel(u8),
    /// What the human-rights adviser is asked for.
    NeedsAdvice {
        consultation: bool,
        lowering_override: bool,
        override_request: bool,
    },
    TriggerRecorded,
    ReviewDatePassed,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReviewQueue {
    pub level: Option<u8>,
    pub is_reviewer: bool,
    pub is_adviser: bool,
    pub is_assessor: bool,
    /// Returned cases in the assessor's countries, with the reviewer's comment, newest first.
    pub returned: Vec<QueueItem>,
    /// Drafts the assessor started, most recently changed first.
    pub drafts: Vec<QueueItem>,
    /// Submitted cases at or below the reviewer's level, oldest first.
    pub decidable: Vec<QueueItem>,
    /// Submitted cases that need a higher level than the reviewer's.
    pub waiting: Vec<QueueItem>,
    /// Drafts and returned cases that need the adviser's advice or concurrence.
    pub advice: Vec<QueueItem>,
    /// Decided versions due (or overdue) for re-assessment.
    pub reassessment: Vec<QueueItem>,
}
