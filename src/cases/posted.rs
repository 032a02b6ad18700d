//! Decoding a wizard step's form fields (posted without JavaScript, or read from the page before
//! it became interactive) into the same question id → JSON map that the browser's editor sends,
//! so all go through one `save_step`. Pure: compiled for the server and the browser.
//!
//! Field names: `q.<question>` (repeated for multi-choice), `p.<part>.<row>.<field>` for list parts,
//! `p.<part>.<field>` for single records, `p.severity.<AREA>.<score>`; `_shown` / `_parts` name what the
//! page rendered (an unticked box or a hidden question posts nothing), `_revision` the editor's base.

use super::parts::{self, int_from_form, FieldKind, Part};
use crate::methodology::catalogue::{Catalogue, Kind};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub struct PostedStep {
    pub revision: Option<i64>,
    /// Where to go after saving: a step segment, or empty to stay.
    pub go: String,
    pub values: Map<String, Value>,
}

fn values_of<'a>(pairs: &'a [(String, String)], name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    pairs.iter().filter(move |(k, _)| k == name).map(|(_, v)| v.as_str())
}

pub fn decode(catalogue: &Catalogue, step_number: u8, pairs: &[(String, String)]) -> PostedStep {
    let mut out = PostedStep::default();
    let all = |name: &'static str| values_of(pairs, name);
    out.revision = all("_revision").next().and_then(|v| v.trim().parse().ok());
    out.go = all("_go").next().unwrap_or_default().to_string();
    let on_step = catalogue.step(step_number).map(|s| s.questions.clone()).unwrap_or_default();

    for id in all("_shown").filter(|id| on_step.iter().any(|q| q == id)) {
        let Some(q) = catalogue.question(id) else { continue };
        let name = format!("q.{id}");
        let first = values_of(pairs, &name).next().unwrap_or_default();
        let value = match q.kind {
            Kind::Multi => decode_multi(values_of(pairs, &name)),
            Kind::Interventions => decode_part(&parts::PRIOR_INTERVENTIONS, pairs),
            Kind::Int => int_from_form(first),
            Kind::Bool => FieldKind::Bool.from_form(first),
            Kind::Country => FieldKind::Text.from_form(&first.to_ascii_uppercase()),
            Kind::Text | Kind::Enum | Kind::Date => FieldKind::Text.from_form(first),
        };
        out.values.insert(id.to_string(), value);
    }
    let allowed = parts::part_keys_of_step(step_number);
    for key in all("_parts").filter(|k| allowed.contains(k)) {
        let value = match parts::parts_of_step(step_number).iter().find(|p| p.key == key) {
            Some(part) => decode_part(part, pairs),
            None if key == parts::COUNTRY_CONTEXT_KEY => decode_country_context(pairs),
            None => decode_severity(pairs),
        };
        out.values.insert(key.to_string(), value);
    }
    out
}

/// Ticked boxes of one multi-choice question: nothing ticked is "not answered"; the explicit
/// "None of these" choice is the empty list.
fn decode_multi<'a>(ticked: impl Iterator<Item = &'a str>) -> Value {
    let mut none_of_these = false;
    let mut list = Vec::new();
    for code in ticked {
        if code == parts::NONE_OF_THESE {
            none_of_these = true;
        } else if !code.trim().is_empty() {
            list.push(Value::String(code.to_string()));
        }
    }
    match (list.is_empty(), none_of_these) {
        (false, _) => Value::Array(list),
        (true, true) => Value::Array(Vec::new()),
        (true, false) => Value::Null,
    }
}

/// One part from `p.<key>.…` pairs: a list of non-blank rows not marked for removal, or one record.
fn decode_part(part: &Part, pairs: &[(String, String)]) -> Value {
    let prefix = format!("p.{}.", part.key);
    let mut rows: BTreeMap<usize, Map<String, Value>> = BTreeMap::new();
    let mut single = Map::new();
    let mut removed = Vec::new();
    for (name, raw) in pairs {
        let Some(rest) = name.strip_prefix(&prefix) else { continue };
        let (record, field_key) = if part.list {
            let Some((row, field)) = rest.split_once('.') else { continue };
            let Ok(row) = row.parse::<usize>() else { continue };
            if field == "_remove" {
                removed.push(row);
                continue;
            }
            (rows.entry(row).or_default(), field)
        } else {
            (&mut single, rest)
        };
        let Some(field) = part.field(field_key) else { continue };
        if field.kind.is_multi() {
            let list = record.entry(field.key).or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(items) = list {
                if !raw.trim().is_empty() {
                    items.push(Value::String(raw.trim().to_string()));
                }
            }
        } else {
            record.insert(field.key.to_string(), field.kind.from_form(raw));
        }
    }
    if part.list {
        let items = rows
            .into_iter()
            .filter(|(row, _)| !removed.contains(row))
            .map(|(_, mut record)| {
                parts::compact(&mut record);
                Value::Object(record)
            })
            .filter(|r| !parts::is_blank(r))
            .collect();
        Value::Array(items)
    } else {
        parts::compact(&mut single);
        if single.is_empty() {
            Value::Null
        } else {
            Value::Object(single)
        }
    }
}

/// Step 2's confirmation: `p.country_context.confirmed` (a ticked box posts `true`) and one
/// `p.country_context.reason.<question>` text per pre-filled question.
fn decode_country_context(pairs: &[(String, String)]) -> Value {
    let mut confirmation = crate::reference::Confirmation::default();
    for (name, raw) in pairs {
        let Some(rest) = name.strip_prefix("p.country_context.") else { continue };
        if rest == "confirmed" {
            confirmation.confirmed = raw.trim() == "true";
        } else if let Some(question) = rest.strip_prefix("reason.") {
            if !raw.trim().is_empty() {
                confirmation.reasons.insert(question.to_string(), raw.trim().to_string());
            }
        }
    }
    confirmation.to_value()
}

fn decode_severity(pairs: &[(String, String)]) -> Value {
    let mut areas: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
    for (name, raw) in pairs {
        let Some(rest) = name.strip_prefix("p.severity.") else { continue };
        let Some((area, score)) = rest.split_once('.') else { continue };
        if parts::SEVERITY_SCORES.contains(&score) {
            let value = int_from_form(raw);
            if !value.is_null() {
                areas.entry(area.to_string()).or_default().insert(score.to_string(), value);
            }
        }
    }
    Value::Object(areas.into_iter().map(|(k, v)| (k, Value::Object(v))).collect())
}

/// A value as far as "did the user change it" goes: text trimmed, blank and empty records
/// absent, lists of codes in any order (the form posts them in its own order).
fn normal(v: &Value, empty_list_is_absent: bool) -> Value {
    match v {
        Value::String(s) if s.trim().is_empty() => Value::Null,
        Value::String(s) => Value::String(s.trim().to_string()),
        Value::Array(a) if a.is_empty() && empty_list_is_absent => Value::Null,
        Value::Array(a) if a.iter().all(Value::is_string) => {
            let mut codes: Vec<Value> = a.clone();
            codes.sort_by(|x, y| x.as_str().cmp(&y.as_str()));
            Value::Array(codes)
        }
        Value::Array(a) => Value::Array(a.iter().map(|x| normal(x, true)).collect()),
        Value::Object(o) => {
            let kept: Map<String, Value> =
                o.iter().map(|(k, x)| (k.clone(), normal(x, true))).filter(|(_, x)| !x.is_null()).collect();
            if kept.is_empty() {
                Value::Null
            } else {
                Value::Object(kept)
            }
        }
        v => v.clone(),
    }
}

/// Whether a value read from the form is the stored one (what the page rendered), so that only
/// what the user really typed counts as a change. For a question an empty list is an answer of
/// its own ("None of these"); for a part it is the same as nothing.
pub fn same_answer(key: &str, stored: &Value, posted: &Value) -> bool {
    let is_part = parts::slot_of(key) != parts::Slot::Answers;
    normal(stored, is_part) == normal(posted, is_part)
}

#[cfg(test)]
mod tests {
    use super::same_answer;
    use serde_json::json;

    #[test]
    fn the_rendered_form_reads_back_as_the_stored_answers() {
        // Codes in the form's own order, trimmed text, no severity sub-score, a blank record.
        assert!(same_answer("support_types", &json!(["ST4", "ST1"]), &json!(["ST1", "ST4"])));
        assert!(same_answer("office", &json!("Nairobi "), &json!("Nairobi")));
        assert!(same_answer("severity", &json!(null), &json!({})));
        assert!(same_answer(
            "measures",
            &json!([{ "code": "M3", "target_areas": ["ARB", "TOR"], "resourced": true }]),
            &json!([{ "code": "M3", "target_areas": ["TOR", "ARB"], "resourced": true, "responsible": "" }])
        ));
        assert!(same_answer("overrides", &json!(null), &json!([])));
        // What the user did: "None of these" is an answer; a changed text is a change.
        assert!(!same_answer("affected_groups", &json!(null), &json!([])));
        assert!(!same_answer("office", &json!("Nairobi"), &json!("Mombasa")));
    }
}
