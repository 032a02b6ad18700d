//! Drafts: answers as the wizard stores them, before they form a valid document.
//!
//! A [`Draft`] is the answers document of spec §3 with its shape typed (the case's answers, the
//! support components with their answers and parts, the document-level parts) and each answer kept
//! as the JSON value the user gave: a draft must hold a half-typed or invalid answer so that nothing
//! typed is lost; validation ([`super::validate`]) says what is wrong with it, and only a valid
//! document becomes the fully typed [`super::answers::AnswersDocument`] the engine reads.
//!
//! [`Draft::get`] and [`Draft::fields_mut`] are the one key lookup that the server and the browser
//! share: where the answer to a question or a part of a step is kept.
//!
//! The wizard keeps answers to questions that a later change made inapplicable (so they come back if
//! the condition returns, spec §3.6 / issue "wizard"), but the engine must ignore them. [`applicable`]
//! returns the document the engine sees: every answer whose condition is false is left out.

use super::catalogue::{Catalogue, Scope, Slot as Reading};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// The answers of one level (the case, or one support component), keyed by question id. Parts kept
/// among the case's answers (1.9 prior interventions) are here too, as the spec places them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(Map<String, Value>);

impl Answers {
    /// The answer to `question`; None when absent or null (spec §3: null is absent).
    pub fn get(&self, question: &str) -> Option<&Value> {
        self.0.get(question).filter(|v| !v.is_null())
    }
    /// The answer as text, when it is text.
    pub fn text(&self, question: &str) -> Option<&str> {
        self.get(question).and_then(Value::as_str)
    }
    /// The codes of a multiple-choice answer (an empty list when absent); non-text items are skipped.
    pub fn codes(&self, question: &str) -> Vec<String> {
        self.get(question)
            .and_then(Value::as_array)
            .map(|list| list.iter().filter_map(Value::as_str).map(String::from).collect())
            .unwrap_or_default()
    }
    pub fn insert(&mut self, question: impl Into<String>, value: Value) {
        self.0.insert(question.into(), value);
    }
    pub fn remove(&mut self, question: &str) -> Option<Value> {
        self.0.remove(question)
    }
    /// All stored keys and values, nulls included (for comparisons and diffs).
    pub fn as_map(&self) -> &Map<String, Value> {
        &self.0
    }
    pub fn as_map_mut(&mut self) -> &mut Map<String, Value> {
        &mut self.0
    }
}

impl From<Map<String, Value>> for Answers {
    fn from(map: Map<String, Value>) -> Self {
        Answers(map)
    }
}

/// One support component of a draft: its id, its answers (steps 3–7) and its parts (evidence,
/// severity, overrides, measures, proposed decision, intercession, …) under their spec keys.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ComponentDraft {
    #[serde(default)]
    pub component_id: String,
    #[serde(default)]
    pub answers: Answers,
    #[serde(flatten)]
    pub parts: Map<String, Value>,
}

impl ComponentDraft {
    /// An empty component: no answers, an empty evidence list (the wizard's starting point).
    pub fn new(component_id: impl Into<String>) -> ComponentDraft {
        let mut parts = Map::new();
        parts.insert("evidence".into(), Value::Array(Vec::new()));
        ComponentDraft { component_id: component_id.into(), answers: Answers::default(), parts }
    }
    /// A part of the component (`evidence`, `proposed_decision`, …); None when absent or null.
    pub fn part(&self, key: &str) -> Option<&Value> {
        self.parts.get(key).filter(|v| !v.is_null())
    }
}

/// Where a key of a step is kept: among the answers of the step's level, or as a part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    Answers,
    Part(Holder),
}

/// Where a part is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holder {
    /// In the case-level answers (a question whose value is a list of records, 1.9).
    CaseAnswers,
    /// On the support component object, next to its answers.
    Component,
    /// At the top of the document (consultations).
    Document,
}

/// An answers document in the making (spec §3), as stored for each revision of a case.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub methodology_version: String,
    #[serde(default)]
    pub case: Answers,
    #[serde(default)]
    pub components: Vec<ComponentDraft>,
    /// Document-level parts (consultations) under their spec keys.
    #[serde(flatten)]
    pub parts: Map<String, Value>,
}

impl Draft {
    /// Reads a stored or received draft.
    pub fn from_value(value: Value) -> Result<Draft, serde_json::Error> {
        serde_json::from_value(value)
    }
    pub fn parse(text: &str) -> Result<Draft, serde_json::Error> {
        serde_json::from_str(text)
    }
    /// The document as JSON (what validation, hashing and storage read).
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).expect("a draft is plain JSON")
    }
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).expect("a draft is plain JSON")
    }

    pub fn component(&self, id: &str) -> Option<&ComponentDraft> {
        self.components.iter().find(|c| c.component_id == id)
    }
    pub fn component_mut(&mut self, id: &str) -> Option<&mut ComponentDraft> {
        self.components.iter_mut().find(|c| c.component_id == id)
    }
    /// The component's position, which validation paths use (`components[1]…`).
    pub fn component_index(&self, id: &str) -> Option<usize> {
        self.components.iter().position(|c| c.component_id == id)
    }
    pub fn component_ids(&self) -> Vec<String> {
        self.components.iter().map(|c| c.component_id.clone()).collect()
    }

    /// The answers of the case (`component` None) or of one component.
    pub fn answers(&self, component: Option<&str>) -> Option<&Answers> {
        match component {
            None => Some(&self.case),
            Some(id) => self.component(id).map(|c| &c.answers),
        }
    }
    pub fn answers_mut(&mut self, component: Option<&str>) -> Option<&mut Answers> {
        match component {
            None => Some(&mut self.case),
            Some(id) => self.component_mut(id).map(|c| &mut c.answers),
        }
    }

    /// The value kept under `key` in `slot` of the step's level (`component` None: the case);
    /// None when absent or null, or when a component part is asked of the case level.
    pub fn get(&self, slot: Slot, component: Option<&str>, key: &str) -> Option<&Value> {
        let value = match (slot, component) {
            (Slot::Part(Holder::Document), _) => self.parts.get(key),
            (Slot::Answers, None) | (Slot::Part(Holder::CaseAnswers), _) => self.case.0.get(key),
            (Slot::Answers, Some(c)) => self.component(c)?.answers.0.get(key),
            (Slot::Part(Holder::Component), Some(c)) => self.component(c)?.parts.get(key),
            (Slot::Part(Holder::Component), None) => None,
        };
        value.filter(|v| !v.is_null())
    }

    /// The object that holds the keys of `slot` at the step's level, for writing.
    pub fn fields_mut(&mut self, slot: Slot, component: Option<&str>) -> Option<&mut Map<String, Value>> {
        match (slot, component) {
            (Slot::Part(Holder::Document), _) => Some(&mut self.parts),
            (Slot::Answers, None) | (Slot::Part(Holder::CaseAnswers), _) => Some(&mut self.case.0),
            (Slot::Answers, Some(c)) => Some(&mut self.component_mut(c)?.answers.0),
            (Slot::Part(Holder::Component), Some(c)) => Some(&mut self.component_mut(c)?.parts),
            (Slot::Part(Holder::Component), None) => None,
        }
    }

    /// Sets `key` in `slot`; a null or blank value removes it (an emptied field is no answer).
    pub fn set(&mut self, slot: Slot, component: Option<&str>, key: &str, value: Value) {
        if let Some(fields) = self.fields_mut(slot, component) {
            let empty = value.is_null() || value.as_str().is_some_and(|s| s.trim().is_empty());
            if empty {
                fields.remove(key);
            } else {
                fields.insert(key.to_string(), value);
            }
        }
    }

    /// The validation path prefix of `slot` at the step's level: `case.`, `components[0].answers.`,
    /// `components[0].`, or nothing (the document).
    pub fn path_prefix(&self, slot: Slot, component: Option<&str>) -> String {
        let index = component.and_then(|c| self.component_index(c));
        match (slot, index) {
            (Slot::Part(Holder::Document), _) => String::new(),
            (Slot::Answers, None) | (Slot::Part(Holder::CaseAnswers), _) => "case.".into(),
            (Slot::Answers, Some(i)) => format!("components[{i}].answers."),
            (Slot::Part(Holder::Component), Some(i)) => format!("components[{i}]."),
            (Slot::Part(Holder::Component), None) => String::new(),
        }
    }
}

/// The document-level key under which a draft keeps the assessor's confirmation of step 2 (the
/// country context pre-filled from reference data) and the reasons for each changed value. It is
/// the wizard's record, not an answer of spec §3: [`applicable`] leaves it out of the engine's
/// document, and [`crate::reference::Confirmation`] reads it.
pub const COUNTRY_CONTEXT_KEY: &str = "country_context";

/// A copy of `draft` without answers to inapplicable questions (case level and every component)
/// and without the wizard's own records (the country-context confirmation): what the engine reads.
pub fn applicable(catalogue: &Catalogue, draft: &Draft) -> Draft {
    let mut doc = draft.clone();
    doc.parts.remove(COUNTRY_CONTEXT_KEY);
    prune(catalogue, &mut doc.case, Scope::Case);
    for component in &mut doc.components {
        prune(catalogue, &mut component.answers, Scope::Component);
    }
    doc
}

/// Removes, in table order, each answer whose condition is false given the answers kept so far.
/// An undetermined condition keeps the answer: validation then reports what is missing or wrong.
fn prune(catalogue: &Catalogue, answers: &mut Answers, scope: Scope) {
    let hidden: Vec<String> = {
        walk(catalogue, answers, scope).into_iter().filter(|(_, shown)| !shown).map(|(id, _)| id.to_string()).collect()
    };
    for id in hidden {
        answers.remove(&id);
    }
}

/// Walks the questions of one level in table order: for each answered or shown question, whether
/// it is shown (a false condition hides it; an undetermined one does not).
fn walk<'c>(catalogue: &'c Catalogue, answers: &Answers, scope: Scope) -> Vec<(&'c str, bool)> {
    let mut states: HashMap<&str, Reading> = HashMap::new();
    let mut out = Vec::new();
    for q in catalogue.questions.iter().filter(|q| q.scope == scope) {
        let value = answers.get(&q.id);
        let shown = match &q.condition {
            None => true,
            Some(c) => c.eval(catalogue, &|id: &str| states.get(id).copied().unwrap_or(Reading::Absent)) != Some(false),
        };
        states
            .insert(&q.id, if shown { value.map(Reading::Value).unwrap_or(Reading::Absent) } else { Reading::Absent });
        if shown || value.is_some() {
            out.push((q.id.as_str(), shown));
        }
    }
    out
}

/// Which questions of one level are shown for these answers (the wizard's conditional display).
pub fn shown_questions<'c>(catalogue: &'c Catalogue, answers: &Answers, scope: Scope) -> Vec<&'c str> {
    walk(catalogue, answers, scope).into_iter().filter(|(_, shown)| *shown).map(|(id, _)| id).collect()
}

/// Scores a draft as the engine sees it: hidden answers left out, then validated and scored.
pub fn score_draft(registry: &super::Registry, draft: &Draft) -> super::ScoreOutcome {
    match registry.get(&draft.methodology_version) {
        Some(catalogue) => super::score_value(registry, &applicable(catalogue, draft).to_value()),
        None => super::score_value(registry, &draft.to_value()),
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
pub fn provisional(registry: &super::Registry, draft: &Draft, errors: &[super::ValidationError]) -> Provisional {
    let component_ids = draft.component_ids();
    let mut records: Vec<(String, usize)> = Vec::new();
    let mut unrated: Vec<(usize, usize)> = Vec::new();
    let mut case_problems = 0;
    // An unconfirmed country context (or a missing reason) stops submission, not the preview: the
    // pre-filled values are there, and the figures are marked provisional anyway.
    for e in errors.iter().filter(|e| !e.path.starts_with(COUNTRY_CONTEXT_KEY)) {
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
        .map(|(i, n)| {
            (component_ids.get(*i).filter(|id| !id.is_empty()).cloned().unwrap_or_else(|| format!("C{}", i + 1)), *n)
        })
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
    draft: &Draft,
    mut records: Vec<(String, usize)>,
    components: &[(usize, usize)],
) -> Option<super::ResultDocument> {
    // The records are named by validation paths, so they are removed from the document as JSON.
    let mut value = draft.to_value();
    // Highest index first, so removing one record does not move the others.
    records.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    for (list, index) in &records {
        if let Some(Value::Array(items)) = value_at(&mut value, list) {
            if *index < items.len() {
                items.remove(*index);
            }
        }
    }
    let mut doc = Draft::from_value(value).ok()?;
    for (index, _) in components.iter().rev() {
        if *index < doc.components.len() {
            doc.components.remove(*index);
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
