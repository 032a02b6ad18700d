//! The structured parts of an answers document as the wizard's forms handle them: how form text
//! becomes the JSON stored and back. What the parts are made of is the methodology's
//! ([`crate::methodology::parts`], re-exported here); their words are in the catalogue. The
//! engine's own validation (spec §9) stays the judge of what is valid.

pub use crate::methodology::parts::*;
use serde_json::{Map, Value};

impl FieldKind {
    /// Turns what a form field holds into the JSON value stored. Text that does not parse (a
    /// non-number for a number) is kept as text, so validation names it and nothing typed is lost.
    pub fn from_form(self, raw: &str) -> Value {
        let raw = raw.trim();
        if raw.is_empty() {
            return Value::Null;
        }
        match self {
            FieldKind::Bool | FieldKind::AdviserFlag => match raw {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                other => Value::String(other.to_string()),
            },
            FieldKind::OverrideValue => match raw {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                other => other.parse::<i64>().map(Value::from).unwrap_or_else(|_| Value::String(other.to_string())),
            },
            _ => Value::String(raw.to_string()),
        }
    }

    /// How a stored value shows in a single-value input (the inverse of [`FieldKind::from_form`]).
    pub fn to_form(value: &Value) -> String {
        match value {
            Value::Null => String::new(),
            Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    }

    pub fn is_multi(self) -> bool {
        matches!(self, FieldKind::Multi(_) | FieldKind::EvidenceIds)
    }
}

/// An integer from a number field (severity 1–5, 4.3 executions); other text is kept as text.
pub fn int_from_form(raw: &str) -> Value {
    let raw = raw.trim();
    if raw.is_empty() {
        Value::Null
    } else {
        raw.parse::<i64>().map(Value::from).unwrap_or_else(|_| Value::String(raw.to_string()))
    }
}

/// A record with no field filled in (the blank row of a no-JavaScript form, or a row just added).
pub fn is_blank(record: &Value) -> bool {
    match record {
        Value::Object(map) => map.values().all(|v| match v {
            Value::Null => true,
            Value::String(s) => s.trim().is_empty(),
            Value::Array(items) => items.is_empty(),
            _ => false,
        }),
        Value::Null => true,
        _ => false,
    }
}

/// Drops empty fields from a record so absent and empty read the same way (spec §3.2).
pub fn compact(record: &mut Map<String, Value>) {
    record.retain(|_, v| !(v.is_null() || v.as_str().is_some_and(|s| s.trim().is_empty())));
}
