//! What changed between two answers documents: for the audit trail (which answers an edit touched)
//! and for a re-assessment's summary (what is different from the previous version).

use crate::cases::parts::CONSULTATIONS;
use crate::methodology::draft::{ComponentDraft, Draft};
use crate::methodology::Catalogue;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One changed answer between two versions, in words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VersionChange {
    /// `case.<question>`, `consultations`, `<component>.<question or part>`, or `<component>` when the
    /// component was added or removed.
    pub path: String,
    pub label: String,
    pub before: String,
    pub after: String,
}

/// Keys whose values differ between two objects, in the order they appear (before's keys first).
fn differing_keys(b: &Map<String, Value>, a: &Map<String, Value>) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for k in b.keys().chain(a.keys()) {
        if !keys.contains(k) && b.get(k).unwrap_or(&Value::Null) != a.get(k).unwrap_or(&Value::Null) {
            keys.push(k.clone());
        }
    }
    keys
}

/// The paths of every answer that differs (see [`VersionChange::path`]).
pub fn changed_paths(before: &Draft, after: &Draft) -> Vec<String> {
    let mut out: Vec<String> =
        differing_keys(before.case.as_map(), after.case.as_map()).into_iter().map(|k| format!("case.{k}")).collect();
    // Document-level parts: the consultations.
    out.extend(differing_keys(&before.parts, &after.parts));
    for c in &after.components {
        let id = &c.component_id;
        match before.component(id) {
            None => out.push(id.clone()),
            Some(prev) => {
                out.extend(
                    differing_keys(prev.answers.as_map(), c.answers.as_map()).into_iter().map(|k| format!("{id}.{k}")),
                );
                out.extend(differing_keys(&prev.parts, &c.parts).into_iter().map(|k| format!("{id}.{k}")));
            }
        }
    }
    out.extend(
        before.components.iter().filter(|c| after.component(&c.component_id).is_none()).map(|c| c.component_id.clone()),
    );
    out
}

/// A short text for an answer value: the catalogue's label for a code, list items joined.
fn show(catalogue: &Catalogue, question: Option<&str>, value: Option<&Value>) -> String {
    let label = |code: &str| -> String {
        question
            .and_then(|q| catalogue.question(q))
            .and_then(|q| q.enum_name.as_deref())
            .and_then(|e| catalogue.enum_values(e).iter().find(|v| v.code == code))
            .map_or_else(|| code.to_string(), |v| v.label.clone())
    };
    match value {
        None | Some(Value::Null) => "—".into(),
        Some(Value::String(s)) if s.is_empty() => "—".into(),
        Some(Value::String(s)) => label(s),
        Some(Value::Bool(b)) => if *b { "Yes" } else { "No" }.into(),
        Some(Value::Array(items)) if items.is_empty() => "None of these".into(),
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => {
            items.iter().filter_map(Value::as_str).map(label).collect::<Vec<_>>().join(", ")
        }
        Some(Value::Array(items)) => format!("{} record(s)", items.len()),
        Some(v) => v.to_string(),
    }
}

/// Every changed answer with its question label and both values, for the summary of a re-assessment.
pub fn describe_changes(catalogue: &Catalogue, before: &Draft, after: &Draft) -> Vec<VersionChange> {
    let question_label = |id: &str| {
        catalogue.question(id).map_or_else(|| id.replace('_', " "), |q| format!("{} {}", q.display, q.label))
    };
    changed_paths(before, after)
        .into_iter()
        .map(|path| {
            let (label, b, a) = if let Some(q) = path.strip_prefix("case.") {
                (
                    question_label(q),
                    show(catalogue, Some(q), before.case.get(q)),
                    show(catalogue, Some(q), after.case.get(q)),
                )
            } else if path == CONSULTATIONS.key {
                (
                    "Consultations".into(),
                    show(catalogue, None, before.parts.get(&path)),
                    show(catalogue, None, after.parts.get(&path)),
                )
            } else if let Some((component, key)) = path.split_once('.') {
                let find = |doc: &'_ Draft| -> Option<Value> {
                    let c: &ComponentDraft = doc.component(component)?;
                    c.answers.get(key).or_else(|| c.part(key)).cloned()
                };
                let is_question = catalogue.question(key).is_some();
                (
                    format!("{component} · {}", question_label(key)),
                    show(catalogue, is_question.then_some(key), find(before).as_ref()),
                    show(catalogue, is_question.then_some(key), find(after).as_ref()),
                )
            } else {
                let existed = before.component(&path).is_some();
                let (b, a) = if existed { ("present", "removed") } else { ("—", "added") };
                (format!("Support component {path}"), b.into(), a.into())
            };
            VersionChange { path, label, before: b, after: a }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_name_case_answers_component_answers_parts_and_added_components() {
        let before = Draft::from_value(json!({
            "methodology_version": "hrdd-2026.1",
            "case": { "office": "Nairobi", "country": "KE" },
            "consultations": [],
            "components": [{ "component_id": "C1", "answers": { "record_torture": "NONE_KNOWN" }, "evidence": [] }]
        }))
        .unwrap();
        let after = Draft::from_value(json!({
            "methodology_version": "hrdd-2026.1",
            "case": { "office": "Kisumu", "country": "KE" },
            "consultations": [],
            "components": [
                { "component_id": "C1", "answers": { "record_torture": "SYSTEMATIC" }, "evidence": [{ "id": "E1" }] },
                { "component_id": "C2", "answers": {} }
            ]
        }))
        .unwrap();
        assert_eq!(changed_paths(&before, &after), ["case.office", "C1.record_torture", "C1.evidence", "C2"]);
        assert!(changed_paths(&after, &after).is_empty());
        assert_eq!(changed_paths(&after, &before), ["case.office", "C1.record_torture", "C1.evidence", "C2"]);
    }
}
