//! What a wizard save returns (shared with the browser).

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A field another person changed since the revision the editor started from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    pub question_id: String,
    pub label: String,
    pub base: Value,
    pub theirs: Value,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SaveOutcome {
    /// Stored as `revision`; `errors` are the validation messages for this step's questions.
    Saved { revision: i64, errors: Vec<(String, String)> },
    /// Someone saved first. Nothing was stored; the editor keeps their input and chooses.
    Conflict { current_revision: i64, saved_by: String, changes: Vec<FieldChange> },
}
