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

/// What the wizard's preview shows while the draft does not score yet (issue #17 item 9: the
/// preview never goes blank): the figures of the components that can be rated, marked provisional.
#[derive(Clone, Debug, PartialEq)]
pub struct Provisional {
    /// The result computed without the unfinished records and unrated components; None when
    /// nothing can be rated yet (a case-level answer is missing, or no component is complete).
    pub result: Option<super::ResultDocument>,
    /// How many half-filled list records (measures, evidence, consultations …) were left out.
    pub records_left_out: usize,
    /// Components that cannot be rated yet, with how many of their answers are missing or invalid.
    pub unrated_components: Vec<(String, usize)>,
    /// How many case-level answers (steps 1–2, 4) are missing or invalid.
    pub case_problems: usize,
}

/// Where a validation error points: inside a list record, at one component, or at the case.
enum Place {
    Record(String, usize),
    Component(usize),
    Case,
}

fn place_of(path: &str) -> Place {
    if let Some((list, index)) = record_of(path) {
        return Place::Record(list, index);
    }
    if let Some(rest) = path.strip_prefix("components[") {
        if let Some(index) = rest.split(']').next().and_then(|i| i.parse().ok()) {
            return Place::Component(index);
        }
    }
    Place::Case
}

/// The provisional figures for a draft whose outcome has `errors` (the wizard already holds them,
/// so nothing is validated twice): the draft scored without the records that have a problem and
/// without the components that still miss answers. Scoring never guesses a missing answer — a
/// component with a gap is named as unrated rather than given a figure built on an assumption.
pub fn provisional(registry: &super::Registry, draft: &Value, errors: &[super::ValidationError]) -> Provisional {
    let component_ids: Vec<String> = draft
        .get("components")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .enumerate()
                .map(|(i, c)| {
                    c.get("component_id")
                        .and_then(Value::as_str)
                        .map(str::to_string)
                        .unwrap_or_else(|| format!("C{}", i + 1))
                })
                .collect()
        })
        .unwrap_or_default();
    let mut records: Vec<(String, usize)> = Vec::new();
    let mut unrated: Vec<(usize, usize)> = Vec::new();
    let mut case_problems = 0;
    for e in errors {
        match place_of(&e.path) {
            Place::Record(list, index) => {
                if !records.contains(&(list.clone(), index)) {
                    records.push((list, index));
                }
            }
            Place::Component(index) => match unrated.iter_mut().find(|(i, _)| *i == index) {
                Some((_, n)) => *n += 1,
                None => unrated.push((index, 1)),
            },
            Place::Case => case_problems += 1,
        }
    }
    unrated.sort();
    let unrated_components = unrated
        .iter()
        .map(|(i, n)| (component_ids.get(*i).cloned().unwrap_or_else(|| format!("C{}", i + 1)), *n))
        .collect();
    let records_left_out = records.len();
    let rateable = case_problems == 0 && unrated.len() < component_ids.len();
    let result = rateable.then(|| score_without(registry, draft, records, &unrated)).flatten();
    Provisional { result, records_left_out, unrated_components, case_problems }
}

/// Scores `draft` without the given records and components; records inside a removed component go
/// with it. None if the rest still does not score (e.g. a consultation names a removed component).
fn score_without(
    registry: &super::Registry,
    draft: &Value,
    mut records: Vec<(String, usize)>,
    components: &[(usize, usize)],
) -> Option<super::ResultDocument> {
    let mut doc = draft.clone();
    // Highest index first, so removing one record does not move the others.
    records.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    for (list, index) in &records {
        if let Some(Value::Array(items)) = value_at(&mut doc, list) {
            if *index < items.len() {
                items.remove(*index);
            }
        }
    }
    if let Some(Value::Array(list)) = doc.get_mut("components") {
        for (index, _) in components.iter().rev() {
            if *index < list.len() {
                list.remove(*index);
            }
        }
    }
    score_draft(registry, &doc).result().cloned()
}

#[cfg(test)]
mod tests {
    use super::{place_of, record_of, Place};

    #[test]
    fn errors_inside_records_name_their_record() {
        assert_eq!(record_of("components[0].measures[1].status"), Some(("components[0].measures".into(), 1)));
        assert_eq!(record_of("consultations[2].date"), Some(("consultations".into(), 2)));
        assert_eq!(record_of("components[1].answers.support_types"), None);
    }

    #[test]
    fn errors_outside_records_name_their_component_or_the_case() {
        assert!(matches!(place_of("components[1].answers.support_types"), Place::Component(1)));
        assert!(matches!(place_of("components[0].proposed_decision.decision"), Place::Component(0)));
        assert!(matches!(place_of("case.recipient_name"), Place::Case));
        assert!(matches!(place_of("components[0].measures[2].status"), Place::Record(_, 2)));
    }
}
