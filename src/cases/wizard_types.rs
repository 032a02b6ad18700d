//! What the wizard's server functions exchange with the browser.

use super::CaseState;
use crate::methodology::draft::Draft;
use crate::methodology::Catalogue;
use crate::preload::Preloaded;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::Arc;

/// A case opened in the wizard: its draft, revision and catalogue, and what the user may change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseEditor {
    pub id: i64,
    pub reference: String,
    pub title: String,
    pub country: String,
    pub state: CaseState,
    /// The revision the draft was read at; saves are made against it.
    pub revision: i64,
    pub draft: Draft,
    /// The catalogue of the case's methodology version in the reader's language (the browser
    /// scores the draft with it) and the island's words: the same for every case of that version
    /// in that language, so the page carries only their address.
    pub book: Preloaded<WizardBook>,
    /// Assessor on an editable case: may change answers.
    pub can_edit: bool,
    /// Human-rights adviser on an editable case: may record OHCHR advice on the consultations step.
    pub can_advise: bool,
    /// The step this user last saved, for "continue where you left off".
    pub last_segment: Option<String>,
    /// Why the case was returned, while it is (shown above every step).
    pub return_note: Option<super::ReviewNote>,
    /// Reviewers' and advisers' comments that concern a step (shown inside it), newest first.
    pub step_notes: Vec<super::ReviewNote>,
    /// The country reference data step 2 was pre-filled with (shown beside each answer).
    #[serde(default)]
    pub reference_basis: crate::reference::CaseBasis,
}

/// What every wizard page of one methodology version in one language shares.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WizardBook {
    /// The catalogue, its texts in the reader's language.
    pub catalogue: Arc<Catalogue>,
    /// The words the island shows, in the reader's language: the WASM has no translations
    /// (`crate::i18n::island_text`).
    pub words: Arc<crate::i18n::IslandText>,
}

/// A field another person changed since the revision the editor started from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    /// The question id or part key (`evidence`, `measures`, …).
    pub question_id: String,
    pub label: String,
    pub base: Value,
    pub theirs: Value,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SaveOutcome {
    /// Stored as `revision`; `errors` are the validation messages (path, message) for this step.
    Saved { revision: i64, errors: Vec<(String, String)> },
    /// Someone saved first. Nothing was stored; the editor keeps their input and chooses, field by
    /// field, with the other person's changes and the current draft at hand.
    Conflict { current_revision: i64, saved_by: String, changes: Vec<FieldChange>, current: Box<Draft> },
}

/// A change to the list of support components.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ComponentAction {
    Add {
        new_id: String,
    },
    Rename {
        component: String,
        new_id: String,
    },
    Duplicate {
        component: String,
        new_id: String,
    },
    /// `confirmed` is the "yes, remove it and its answers" box.
    Remove {
        component: String,
        confirmed: bool,
    },
}
