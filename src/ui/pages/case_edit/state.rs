//! The wizard's client state: the draft being edited, its revision, which steps have unsaved changes,
//! and the save queue that sends them to the server one at a time (so two saves of the same user
//! never race each other into a conflict).

use crate::cases::parts;
use crate::cases::steps::StepRef;
use crate::cases::wizard_types::{CaseEditor, FieldChange, SaveOutcome};
use crate::methodology::draft::{Draft, Slot};
use crate::methodology::{Catalogue, Registry, ScoreOutcome};
use crate::web::server_fns::cases::save_step;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Idle,
    Saving,
    Saved,
    Failed(String),
    Conflict,
}

/// A refused save: the other person's changes and the draft as it is now on the server.
#[derive(Clone, Debug, PartialEq)]
pub struct ConflictState {
    pub step: StepRef,
    pub saved_by: String,
    pub changes: Vec<FieldChange>,
    pub current: Draft,
    pub current_revision: i64,
}

#[derive(Clone, Copy)]
pub struct Wizard {
    pub case_id: i64,
    pub registry: StoredValue<Arc<Registry>>,
    pub draft: RwSignal<Draft>,
    /// The draft as last read from or written to the server (what "unchanged" means in a conflict).
    pub base: RwSignal<Draft>,
    pub revision: RwSignal<i64>,
    /// Segments with changes not yet sent.
    pub dirty: RwSignal<BTreeSet<String>>,
    pub status: RwSignal<SaveStatus>,
    pub conflict: RwSignal<Option<ConflictState>>,
    /// A message the server gave for one field (e.g. a text over the length limit), by key.
    pub server_error: RwSignal<Option<(String, String)>>,
    /// Set once the user asked to save or move on: from then on missing answers are flagged.
    pub attempted: RwSignal<bool>,
    pub outcome: Memo<Arc<ScoreOutcome>>,
    pub can_edit: bool,
    pub can_advise: bool,
    /// The step on screen (the last part of `/cases/{id}/edit/{step}`). The wizard moves between
    /// steps in the browser: the address changes through the history API, the page stays.
    pub segment: RwSignal<String>,
    /// The country reference data step 2 was pre-filled with.
    pub reference: StoredValue<crate::reference::CaseBasis>,
    saving: StoredValue<bool>,
}

impl Wizard {
    pub fn new(editor: &CaseEditor, segment: String) -> Wizard {
        let registry = Arc::new(Registry::shared(vec![editor.book.catalogue.clone()]));
        let draft = RwSignal::new(editor.draft.clone());
        let scoring = registry.clone();
        // The engine's outcome plus step 2's confirmation (what submission checks too).
        let basis = editor.reference_basis.clone();
        let outcome =
            Memo::new(move |_| Arc::new(draft.with(|d| crate::reference::score_confirmed(&scoring, d, &basis))));
        Wizard {
            case_id: editor.id,
            registry: StoredValue::new(registry),
            draft,
            base: RwSignal::new(editor.draft.clone()),
            revision: RwSignal::new(editor.revision),
            dirty: RwSignal::new(BTreeSet::new()),
            status: RwSignal::new(SaveStatus::Idle),
            conflict: RwSignal::new(None),
            server_error: RwSignal::new(None),
            attempted: RwSignal::new(false),
            outcome,
            can_edit: editor.can_edit,
            can_advise: editor.can_advise,
            segment: RwSignal::new(segment),
            reference: StoredValue::new(editor.reference_basis.clone()),
            saving: StoredValue::new(false),
        }
    }

    pub fn with_catalogue<T>(&self, f: impl FnOnce(&Catalogue) -> T) -> T {
        self.registry.with_value(|r| f(r.current().expect("the editor's catalogue")))
    }

    /// Records an edit: the new value of a question (or part) of `step`.
    pub fn set(&self, step: &StepRef, key: &str, value: Value) {
        self.draft.update(|d| d.set(slot_of(key), step.component.as_deref(), key, value));
        self.dirty.update(|s| {
            s.insert(step.segment());
        });
        if matches!(self.status.get_untracked(), SaveStatus::Saved | SaveStatus::Idle) {
            self.status.set(SaveStatus::Idle);
        }
    }

    /// The address of a step of this case.
    pub fn step_href(&self, segment: &str) -> String {
        format!("/cases/{}/edit/{segment}", self.case_id)
    }

    /// The step named by an address of this case's wizard (`/cases/{id}/edit/{step}`), if it is one.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))] // read by browser event handlers only
    pub fn segment_of(&self, href: &str) -> Option<String> {
        let path = href.split(['?', '#']).next()?;
        let segment = path.strip_prefix(&self.step_href(""))?.trim_end_matches('/');
        (!segment.is_empty() && !segment.contains('/')).then(|| segment.to_string())
    }

    /// Shows another step: a new history entry, the page scrolled to the top. Leaving a step saves
    /// it (see the watcher in `WizardBody`).
    pub fn go(&self, segment: String) {
        if segment == self.segment.get_untracked() {
            return;
        }
        #[cfg(feature = "hydrate")]
        {
            let window = window();
            if let Ok(history) = window.history() {
                let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&self.step_href(&segment)));
            }
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
        self.segment.set(segment);
    }

    pub fn has_unsaved(&self) -> bool {
        self.dirty.with(|d| !d.is_empty())
    }

    /// Sends every step with unsaved changes, one after the other, each on the latest revision.
    /// Stops at a conflict or failure, keeping the step marked unsaved.
    pub fn flush(self, steps: Arc<Vec<StepRef>>) {
        if self.saving.get_value() || self.conflict.with_untracked(Option::is_some) {
            return;
        }
        let Some(segment) = self.dirty.with_untracked(|d| d.iter().next().cloned()) else { return };
        let Some(step) = steps.iter().find(|s| s.segment() == segment).cloned() else {
            // The step no longer exists (its component was removed): nothing to send.
            self.dirty.update(|d| {
                d.remove(&segment);
            });
            return self.flush(steps);
        };
        let values = self.draft.with_untracked(|d| self.with_catalogue(|c| step_values(c, d, &step)));
        let revision = self.revision.get_untracked();
        self.saving.set_value(true);
        self.status.set(SaveStatus::Saving);
        self.dirty.update(|d| {
            d.remove(&segment);
        });
        spawn_local(async move {
            let result = save_step(self.case_id, revision, segment.clone(), values).await;
            self.saving.set_value(false);
            match result {
                Ok(SaveOutcome::Saved { revision, .. }) => {
                    self.revision.set(revision);
                    self.base.set(self.draft.get_untracked());
                    self.server_error.set(None);
                    self.status.set(SaveStatus::Saved);
                    self.flush(steps);
                }
                Ok(SaveOutcome::Conflict { current_revision, saved_by, changes, current }) => {
                    self.dirty.update(|d| {
                        d.insert(segment);
                    });
                    self.conflict.set(Some(ConflictState {
                        step,
                        saved_by,
                        changes,
                        current: *current,
                        current_revision,
                    }));
                    self.status.set(SaveStatus::Conflict);
                }
                Err(e) => {
                    self.dirty.update(|d| {
                        d.insert(segment);
                    });
                    if let crate::error::AppError::Invalid { field: Some(field), message } = &e {
                        self.server_error.set(Some((field.clone(), message.clone())));
                    }
                    self.status.set(SaveStatus::Failed(e.to_string()));
                }
            }
        });
    }

    /// Resolves a conflict: the server's current draft, with this step's values taken from `mine`
    /// where the user chose theirs-or-mine per field (`take_theirs` lists the keys to take from them).
    pub fn resolve(self, take_theirs: &[String], steps: Arc<Vec<StepRef>>) {
        let Some(c) = self.conflict.get_untracked() else { return };
        let mine = self.draft.get_untracked();
        let mut merged = c.current.clone();
        self.with_catalogue(|cat| {
            let my_values = step_values(cat, &mine, &c.step);
            for (key, value) in my_values {
                if !take_theirs.contains(&key) {
                    merged.set(slot_of(&key), c.step.component.as_deref(), &key, value);
                }
            }
        });
        self.base.set(c.current.clone());
        self.draft.set(merged);
        self.revision.set(c.current_revision);
        self.conflict.set(None);
        self.status.set(SaveStatus::Idle);
        self.flush(steps);
    }

    /// Drops the user's unsaved changes and loads the server's current draft.
    pub fn discard_mine(self) {
        let Some(c) = self.conflict.get_untracked() else { return };
        self.base.set(c.current.clone());
        self.draft.set(c.current);
        self.revision.set(c.current_revision);
        self.dirty.set(BTreeSet::new());
        self.conflict.set(None);
        self.status.set(SaveStatus::Saved);
    }
}

pub use parts::slot_of;

/// Reads the value of a key of a step (question answer or part).
pub fn read<'d>(draft: &'d Draft, step: &StepRef, key: &str) -> Option<&'d Value> {
    draft.get(slot_of(key), step.component.as_deref(), key)
}

/// Everything one step saves: each question of the step and each part, `null` when absent.
pub fn step_values(catalogue: &Catalogue, draft: &Draft, step: &StepRef) -> Map<String, Value> {
    let mut out = Map::new();
    for id in catalogue.step(step.number).map(|s| s.questions.clone()).unwrap_or_default() {
        let v = read(draft, step, &id).cloned().unwrap_or(Value::Null);
        out.insert(id, v);
    }
    for key in parts::part_keys_of_step(step.number) {
        let v = read(draft, step, key).cloned().unwrap_or(Value::Null);
        out.insert(key.to_string(), v);
    }
    out
}

/// The validation path prefix of a step's holder: `case`, `components[0]`, or the document.
pub fn path_prefix(draft: &Draft, step: &StepRef, slot: Slot) -> String {
    draft.path_prefix(slot, step.component.as_deref())
}

impl Wizard {
    /// The first validation message at `path` or inside it (`path[…]`, `path.…`), once the user
    /// has tried to save or the field holds an answer.
    pub fn error_at(&self, path: &str, answered: bool) -> Option<String> {
        if !answered && !self.attempted.get() {
            return None;
        }
        self.outcome.with(|o| {
            o.errors()
                .iter()
                .find(|e| {
                    e.path == path
                        || e.path.strip_prefix(path).is_some_and(|rest| rest.starts_with('[') || rest.starts_with('.'))
                })
                .map(|e| e.message.clone())
        })
    }

    /// The message for exactly this path (a field inside a record).
    pub fn error_exact(&self, path: &str, answered: bool) -> Option<String> {
        if !answered && !self.attempted.get() {
            return None;
        }
        self.outcome.with(|o| o.errors().iter().find(|e| e.path == path).map(|e| e.message.clone()))
    }
}
