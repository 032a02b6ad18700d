//! Drafts: answers as the wizard stores them, before they form a valid document.
//!
//! The wizard keeps answers to questions that a later change made inapplicable (so they come back if
//! the condition returns, spec §3.6 / issue "wizard"), but the engine must ignore them. [`applicable`]
//! returns the document the engine sees: every answer whose condition is false is left out.

use super::catalogue::{Catalogue, Scope, Slot};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// A copy of `draft` without answers to inapplicable questions (case level and every component).
pub fn applicable(catalogue: &Catalogue, draft: &Value) -> Value {
    let mut doc = draft.clone();
    if let Some(case) = doc.get_mut("case").and_then(Value::as_object_mut) {
        prune(catalogue, case, Scope::Case);
    }
    if let Some(components) = doc.get_mut("components").and_then(Value::as_array_mut) {
        for component in components {
            if let Some(answers) = component.get_mut("answers").and_then(Value::as_object_mut) {
                prune(catalogue, answers, Scope::Component);
            }
        }
    }
    doc
}

/// Removes, in table order, each answer whose condition is false given the answers kept so far.
/// An undetermined condition keeps the answer: validation then reports what is missing or wrong.
fn prune(catalogue: &Catalogue, answers: &mut Map<String, Value>, scope: Scope) {
    let mut hidden: Vec<&str> = Vec::new();
    {
        let mut states: HashMap<&str, Slot> = HashMap::new();
        for q in catalogue.questions.iter().filter(|q| q.scope == scope) {
            let value = answers.get(&q.id).filter(|v| !v.is_null());
            let shown = match &q.condition {
                None => Some(true),
                Some(c) => c.eval(catalogue, &|id: &str| states.get(id).copied().unwrap_or(Slot::Absent)),
            };
            let state = match (shown, value) {
                (Some(false), _) => {
                    if value.is_some() {
                        hidden.push(&q.id);
                    }
                    Slot::Absent
                }
                (_, Some(v)) => Slot::Value(v),
                (_, None) => Slot::Absent,
            };
            states.insert(&q.id, state);
        }
    }
    for id in hidden {
        answers.remove(id);
    }
}

/// Which questions of one level are shown for these answers (the wizard's conditional display).
pub fn shown_questions<'c>(catalogue: &'c Catalogue, answers: &Map<String, Value>, scope: Scope) -> Vec<&'c str> {
    let mut states: HashMap<&str, Slot> = HashMap::new();
    let mut shown_ids = Vec::new();
    for q in catalogue.questions.iter().filter(|q| q.scope == scope) {
        let value = answers.get(&q.id).filter(|v| !v.is_null());
        let shown = match &q.condition {
            None => true,
            Some(c) => c.eval(catalogue, &|id: &str| states.get(id).copied().unwrap_or(Slot::Absent)) != Some(false),
        };
        states.insert(&q.id, if shown { value.map(Slot::Value).unwrap_or(Slot::Absent) } else { Slot::Absent });
        if shown {
            shown_ids.push(q.id.as_str());
        }
    }
    shown_ids
}

/// Scores a draft as the engine sees it: hidden answers left out, then validated and scored.
pub fn score_draft(registry: &super::Registry, draft: &Value) -> super::ScoreOutcome {
    let version = draft.get("methodology_version").and_then(Value::as_str);
    match version.and_then(|v| registry.get(v)) {
        Some(catalogue) => super::score_value(registry, &applicable(catalogue, draft)),
        None => super::score_value(registry, draft),
    }
}

/// The list records (of a component or of the document) that a validation error points into:
/// `components[0].measures[1].status` → (`components[0].measures`, 1).
fn record_of(path: &str) -> Option<(String, usize)> {
    const LISTS: [&str; 5] = ["measures", "overrides", "evidence", "consultations", "prior_interventions"];
    for list in LISTS {
        let marker = format!("{list}[");
        let Some(at) = path.find(&marker) else { continue };
        let start = at + marker.len();
        let end = start + path[start..].find(']')?;
        let index = path[start..end].parse().ok()?;
        return Some((path[..at + list.len()].to_string(), index));
    }
    None
}

/// The value at a simple path (`components[0].measures`, `case.prior_interventions`, `consultations`).
fn value_at<'d>(doc: &'d mut Value, path: &str) -> Option<&'d mut Value> {
    let mut here = doc;
    for segment in path.split('.') {
        match segment.split_once('[') {
            Some((key, rest)) => {
                let index: usize = rest.trim_end_matches(']').parse().ok()?;
                here = here.get_mut(key)?.get_mut(index)?;
            }
            None => here = here.get_mut(segment)?,
        }
    }
    Some(here)
}

/// A provisional score while records are still being filled in (the wizard's preview never goes
/// blank because of one half-typed measure): the draft scored without the list records that have a
/// problem. Returns the result and how many records were left out; None when the draft scores as it
/// is, or when something other than an unfinished record (a missing answer) still stops it.
pub fn score_without_unfinished_records(
    registry: &super::Registry,
    draft: &Value,
) -> Option<(super::ResultDocument, usize)> {
    let outcome = score_draft(registry, draft);
    let errors = outcome.errors();
    if errors.is_empty() {
        return None;
    }
    let mut records: Vec<(String, usize)> = Vec::new();
    for e in errors {
        let record = record_of(&e.path)?;
        if !records.contains(&record) {
            records.push(record);
        }
    }
    // Highest index first, so removing one record does not move the others.
    records.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut doc = draft.clone();
    for (list, index) in &records {
        if let Some(Value::Array(items)) = value_at(&mut doc, list) {
            if *index < items.len() {
                items.remove(*index);
            }
        }
    }
    score_draft(registry, &doc).result().cloned().map(|r| (r, records.len()))
}

#[cfg(test)]
mod tests {
    use super::record_of;

    #[test]
    fn errors_inside_records_name_their_record() {
        assert_eq!(record_of("components[0].measures[1].status"), Some(("components[0].measures".into(), 1)));
        assert_eq!(record_of("consultations[2].date"), Some(("consultations".into(), 2)));
        assert_eq!(record_of("components[1].answers.support_types"), None);
    }
}
