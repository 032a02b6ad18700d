//! Nothing a user types is lost (issue 17, item 3):
//! * what was typed while the page was still loading is taken into the draft when the page
//!   becomes interactive, instead of being replaced by the values the server rendered;
//! * changes not yet confirmed by the server wait in this browser's local storage, and are
//!   restored (with a notice) after a reload or a dropped connection.
//!
//! Browser-only; on the server every function does nothing.

use super::state::Wizard;
use crate::cases::steps::StepRef;
use crate::cases::wizard_types::CaseEditor;

/// What happened to earlier input when the page opened, for the notice above the form.
#[derive(Clone, Debug, PartialEq, Eq)]
// Restored is only made in the browser build.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
pub enum Kept {
    /// Fields typed into before the page was interactive (their count).
    Typed(usize),
    /// Unsent changes restored from this browser (the steps they belong to).
    Restored(usize),
}

impl Kept {
    pub fn message(&self) -> String {
        match self {
            Kept::Typed(n) => crate::ui::i18n::t_count("wizard-kept-typed", *n, &[]),
            Kept::Restored(n) => crate::ui::i18n::t_count("wizard-kept-restored", *n, &[]),
        }
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::*;
    use crate::cases::parts::{self, FieldKind};
    use crate::cases::posted;
    use crate::methodology::draft::Draft;
    use crate::ui::pages::case_edit::state::{step_values, SaveStatus};
    use leptos::prelude::*;
    use serde::{Deserialize, Serialize};
    use serde_json::Value;
    use std::collections::BTreeSet;
    use wasm_bindgen::JsCast;

    /// Unsent changes of one case, as kept in local storage.
    #[derive(Serialize, Deserialize)]
    struct Unsent {
        /// The revision the changes were made on.
        revision: i64,
        draft: Draft,
        dirty: Vec<String>,
    }

    fn storage_key(case_id: i64) -> String {
        format!("hrdd.unsent.{case_id}")
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    /// The step form as the server rendered it, with what the user has typed into it so far:
    /// its fields as (name, value) pairs, or None when the page holds no form of this step.
    fn form_pairs(case_id: i64, step: &StepRef) -> Option<Vec<(String, String)>> {
        let document = web_sys::window()?.document()?;
        let form: web_sys::HtmlFormElement =
            document.query_selector("form[data-testid=step-form]").ok()??.dyn_into().ok()?;
        let action = form.get_attribute("action")?;
        if action != format!("/cases/{case_id}/edit/{}", step.segment()) {
            return None;
        }
        let data = web_sys::FormData::new_with_form(&form).ok()?;
        let mut pairs = Vec::new();
        let entries = js_sys::try_iter(&data).ok()??;
        for entry in entries {
            let entry: js_sys::Array = entry.ok()?.dyn_into().ok()?;
            let (Some(name), Some(value)) = (entry.get(0).as_string(), entry.get(1).as_string()) else { continue };
            pairs.push((name, value));
        }
        Some(pairs)
    }

    /// Copies the adviser's flags (which the form does not post) from the stored records into
    /// the records read from the form, so that they never count as a change.
    fn carry_adviser_flags(key: &str, stored: &Value, typed: &mut Value) {
        let Some(part) = parts::part(key) else { return };
        let flags: Vec<&str> = part.fields.iter().filter(|f| f.kind == FieldKind::AdviserFlag).map(|f| f.key).collect();
        let copy = |from: &Value, to: &mut Value| {
            for flag in &flags {
                if let (Some(v), Some(obj)) = (from.get(*flag), to.as_object_mut()) {
                    obj.insert(flag.to_string(), v.clone());
                }
            }
        };
        match (stored, typed) {
            (Value::Array(old), Value::Array(new)) => {
                for (o, n) in old.iter().zip(new.iter_mut()) {
                    copy(o, n);
                }
            }
            (old @ Value::Object(_), new @ Value::Object(_)) => copy(old, new),
            _ => {}
        }
    }

    /// What the user typed into the step form before the page became interactive: the fields
    /// whose value differs from the draft. Read while the page hydrates, before the inputs are
    /// bound to the draft (binding them puts the rendered values back).
    pub fn read_typed(w: &Wizard, editor: &CaseEditor, step: &StepRef) -> Option<Typed> {
        // Only an assessor's form is all theirs; read-only fields post nothing, so the fixed
        // country and the consultation records (partly the adviser's) are left out.
        if !w.can_edit {
            return None;
        }
        let pairs = form_pairs(editor.id, step)?;
        let posted = w.with_catalogue(|c| posted::decode(c, step.number, &pairs));
        if posted.revision != Some(editor.revision) {
            return None;
        }
        let stored = w.draft.with_untracked(|d| w.with_catalogue(|c| step_values(c, d, step)));
        let mut values = Vec::new();
        for (key, mut value) in posted.values.into_iter().filter(|(k, _)| k != "country" && k != "consultations") {
            let before = stored.get(&key).cloned().unwrap_or(Value::Null);
            carry_adviser_flags(&key, &before, &mut value);
            // An empty list means "None of these" for a question, but nothing for a part.
            if !posted::same_answer(&key, &before, &value) {
                values.push((key, value));
            }
        }
        (!values.is_empty()).then(|| Typed { step: step.clone(), values })
    }

    /// Restores unsent changes kept by an earlier visit, if the server does not have them yet.
    pub fn restore(w: &Wizard, editor_revision: i64, editor_draft: &Draft) -> Option<Kept> {
        let storage = storage()?;
        let key = storage_key(w.case_id);
        let text = storage.get_item(&key).ok()??;
        let Ok(unsent) = serde_json::from_str::<Unsent>(&text) else {
            let _ = storage.remove_item(&key);
            return None;
        };
        if &unsent.draft == editor_draft || unsent.dirty.is_empty() || !(w.can_edit || w.can_advise) {
            let _ = storage.remove_item(&key);
            return None;
        }
        // Made on an older revision: sending them on that revision lets the server name what
        // someone else changed meanwhile, and the user chooses per field (never overwritten).
        if unsent.revision != editor_revision {
            w.revision.set(unsent.revision);
        }
        w.draft.set(unsent.draft);
        let n = unsent.dirty.len();
        w.dirty.set(unsent.dirty.into_iter().collect::<BTreeSet<_>>());
        Some(Kept::Restored(n))
    }

    /// Keeps the unsent changes in local storage until the server confirmed them.
    pub fn remember(w: &Wizard) {
        let Some(storage) = storage() else { return };
        let key = storage_key(w.case_id);
        let dirty = w.dirty.with(|d| d.clone());
        // In flight or refused: not confirmed yet, so kept.
        let unconfirmed =
            w.status.with(|s| matches!(s, SaveStatus::Saving | SaveStatus::Failed(_) | SaveStatus::Conflict));
        if dirty.is_empty() && !unconfirmed {
            let _ = storage.remove_item(&key);
            return;
        }
        let unsent = Unsent { revision: w.revision.get(), draft: w.draft.get(), dirty: dirty.into_iter().collect() };
        if let Ok(text) = serde_json::to_string(&unsent) {
            let _ = storage.set_item(&key, &text);
        }
    }
}

/// Fields typed before the page became interactive, to take into the draft once it is.
#[derive(Clone, Debug)]
pub struct Typed {
    step: StepRef,
    values: Vec<(String, serde_json::Value)>,
}

impl Typed {
    /// Puts the typed values into the draft (marked unsaved, so they are sent like any edit).
    pub fn apply(self, w: &Wizard) -> Kept {
        let n = self.values.len();
        for (key, value) in self.values {
            w.set(&self.step, &key, value);
        }
        Kept::Typed(n)
    }
}

/// See [`browser::read_typed`].
pub fn read_typed(_w: &Wizard, _editor: &CaseEditor, _step: &StepRef) -> Option<Typed> {
    #[cfg(feature = "hydrate")]
    return browser::read_typed(_w, _editor, _step);
    #[cfg(not(feature = "hydrate"))]
    None
}

/// See [`browser::restore`].
pub fn restore(_w: &Wizard, _editor_revision: i64, _editor_draft: &crate::methodology::draft::Draft) -> Option<Kept> {
    #[cfg(feature = "hydrate")]
    return browser::restore(_w, _editor_revision, _editor_draft);
    #[cfg(not(feature = "hydrate"))]
    None
}

/// See [`browser::remember`]; call it inside an effect (it tracks the draft and the save state).
pub fn remember(_w: &Wizard) {
    #[cfg(feature = "hydrate")]
    browser::remember(_w);
}
