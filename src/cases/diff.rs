//! What changed between two answers documents: for the audit trail (which answers an edit touched)
//! and for a re-assessment's summary (what is different from the previous version).

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

fn object<'v>(value: &'v Value, key: &str) -> Option<&'v Map<String, Value>> {
    value.get(key).and_then(Value::as_object)
}

fn components(doc: &Value) -> Vec<(String, &Value)> {
    doc["components"]
        .as_array()
        .map(|list| list.iter().map(|c| (c["component_id"].as_str().unwrap_or_default().to_string(), c)).collect())
        .unwrap_or_default()
}

/// Keys whose values differ between two objects, in the order they appear (before's keys first).
fn differing_keys(before: Option<&Map<String, Value>>, after: Option<&Map<String, Value>>) -> Vec<String> {
    let empty = Map::new();
    let (b, a) = (before.unwrap_or(&empty), after.unwrap_or(&empty));
    let mut keys: Vec<String> = Vec::new();
    for k in b.keys().chain(a.keys()) {
        if !keys.contains(k) && b.get(k).unwrap_or(&Value::Null) != a.get(k).unwrap_or(&Value::Null) {
            keys.push(k.clone());
        }
    }
    keys
}

/// The paths of every answer that differs (see [`VersionChange::path`]).
pub fn changed_paths(before: &Value, after: &Value) -> Vec<String> {
    let mut out: Vec<String> = differing_keys(object(before, "case"), object(after, "case"))
        .into_iter()
        .map(|k| format!("case.{k}"))
        .collect();
    if before["consultations"] != after["consultations"] {
        out.push("consultations".into());
    }
    let (old, new) = (components(before), components(after));
    for (id, c) in &new {
        match old.iter().find(|(o, _)| o == id) {
            None => out.push(id.clone()),
            Some((_, prev)) => {
                out.extend(
                    differing_keys(object(prev, "answers"), object(c, "answers"))
                        .into_iter()
                        .map(|k| format!("{id}.{k}")),
                );
                let parts = differing_keys(prev.as_object(), c.as_object());
                out.extend(parts.into_iter().filter(|k| k != "answers").map(|k| format!("{id}.{k}")));
            }
        }
    }
    out.extend(old.iter().filter(|(id, _)| !new.iter().any(|(n, _)| n == id)).map(|(id, _)| id.clone()));
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
pub fn describe_changes(catalogue: &Catalogue, before: &Value, after: &Value) -> Vec<VersionChange> {
    let (old, new) = (components(before), components(after));
    let question_label = |id: &str| {
        catalogue.question(id).map_or_else(|| id.replace('_', " "), |q| format!("{} {}", q.display, q.label))
    };
    changed_paths(before, after)
        .into_iter()
        .map(|path| {
            let (label, b, a) = if let Some(q) = path.strip_prefix("case.") {
                (
                    question_label(q),
                    show(catalogue, Some(q), before["case"].get(q)),
                    show(catalogue, Some(q), after["case"].get(q)),
                )
            } else if path == "consultations" {
                (
                    "Consultations".into(),
                    show(catalogue, None, before.get("consultations")),
                    show(catalogue, None, after.get("consultations")),
                )
            } else if let Some((component, key)) = path.split_once('.') {
                let find = |list: &[(String, &Value)], k: &str| -> Option<Value> {
                    let c = list.iter().find(|(id, _)| id == component)?.1;
                    c["answers"].get(k).or_else(|| c.get(k)).cloned()
                };
                let is_question = catalogue.question(key).is_some();
                (
                    format!("{component} · {}", question_label(key)),
                    show(catalogue, is_question.then_some(key), find(&old, key).as_ref()),
                    show(catalogue, is_question.then_some(key), find(&new, key).as_ref()),
                )
            } else {
                let existed = old.iter().any(|(id, _)| *id == path);
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
        let before = json!({
            "case": { "office": "Nairobi", "country": "KE" },
            "consultations": [],
            "components": [{ "component_id": "C1", "answers": { "record_torture": "NONE_KNOWN" }, "evidence": [] }]
        });
        let after = json!({
            "case": { "office": "Kisumu", "country": "KE" },
            "consultations": [],
            "components": [
                { "component_id": "C1", "answers": { "record_torture": "SYSTEMATIC" }, "evidence": [{ "id": "E1" }] },
                { "component_id": "C2", "answers": {} }
            ]
        });
        assert_eq!(changed_paths(&before, &after), ["case.office", "C1.record_torture", "C1.evidence", "C2"]);
        assert!(changed_paths(&after, &after).is_empty());
        assert_eq!(changed_paths(&after, &before), ["case.office", "C1.record_torture", "C1.evidence", "C2"]);
    }
}
