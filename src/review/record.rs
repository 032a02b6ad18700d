//! The immutable records of a case version (spec §10.2, §10.5): the submission snapshot and the
//! sign-off record. Each is written once, stored as JSON text and hashed as canonical JSON; the
//! audit check re-reads the text and recomputes the hash, so these types only decide the content.

use crate::methodology::codes::{FinalDecision, RecommendedDecision};
use crate::methodology::draft::Draft;
use crate::methodology::result::ComponentResult;
use crate::methodology::{canonical, ResultDocument};
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// One component's entry in a sign-off record's `decisions`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignedDecision {
    pub component_id: String,
    pub recommended_decision: RecommendedDecision,
    pub final_decision: FinalDecision,
    pub conditions: Option<String>,
    pub approval_level_required: u8,
}

impl SignedDecision {
    pub fn new(c: &ComponentResult, decision: FinalDecision, conditions: Option<&str>) -> SignedDecision {
        SignedDecision {
            component_id: c.component_id.clone(),
            recommended_decision: c.recommended_decision,
            final_decision: decision,
            conditions: conditions.map(str::to_string),
            approval_level_required: c.approval_level_required,
        }
    }
}

/// The sign-off record: the answers the engine used, its result, the final decisions, who signed at
/// which level and when.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SignOffRecord {
    pub case_id: i64,
    pub version: i64,
    pub methodology_version: String,
    pub answers: Draft,
    pub result: ResultDocument,
    pub decisions: Vec<SignedDecision>,
    pub signed_by: String,
    pub signer_level: u8,
    pub signed_at: String,
    pub comment: Option<String>,
}

/// What a summary or the portfolio reads back from a stored sign-off record: the decisions and who
/// signed (the answers and result stay in the text, for verification).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct SignOffHeader {
    #[serde(default)]
    pub decisions: Vec<SignedDecision>,
    #[serde(default)]
    pub signed_by: String,
    #[serde(default)]
    pub signer_level: u8,
    #[serde(default)]
    pub signed_at: String,
    #[serde(default)]
    pub comment: Option<String>,
}

impl SignOffHeader {
    /// Reads a stored record; None when the text is not a sign-off record.
    pub fn read(text: &str) -> Option<SignOffHeader> {
        serde_json::from_str(text).ok()
    }
    pub fn decision_of(&self, component_id: &str) -> Option<&SignedDecision> {
        self.decisions.iter().find(|d| d.component_id == component_id)
    }
}

/// The submission snapshot: the answers the engine used, its result, who submitted and when.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SubmissionRecord {
    pub case_id: i64,
    pub reference: String,
    pub revision: i64,
    pub methodology_version: String,
    pub answers: Draft,
    pub result: ResultDocument,
    pub submitted_by: String,
    pub submitted_at: String,
}

impl SubmissionRecord {
    pub fn new(
        case_id: i64,
        reference: &str,
        revision: i64,
        answers: Draft,
        result: &ResultDocument,
        submitted_by: &str,
        at: DateTime<Utc>,
    ) -> SubmissionRecord {
        SubmissionRecord {
            case_id,
            reference: reference.to_string(),
            revision,
            methodology_version: answers.methodology_version.clone(),
            answers,
            result: result.clone(),
            submitted_by: submitted_by.to_string(),
            submitted_at: record_time(at),
        }
    }
}

/// The time as records write it: RFC 3339 in whole seconds, UTC.
pub fn record_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A record as stored (JSON text) and its content hash: `sha256:` + hex SHA-256 of the canonical JSON.
pub fn sealed<T: Serialize>(record: &T) -> Result<(String, String), RecordError> {
    let value = serde_json::to_value(record).map_err(|e| RecordError(e.to_string()))?;
    let canonical = canonical::to_canonical_json(&value).map_err(|e| RecordError(e.to_string()))?;
    Ok((value.to_string(), format!("sha256:{}", hex::encode(Sha256::digest(canonical.as_bytes())))))
}

/// A record that cannot be written as canonical JSON (a fraction where the spec admits integers).
#[derive(Debug, thiserror::Error)]
#[error("the record cannot be hashed: {0}")]
pub struct RecordError(String);
