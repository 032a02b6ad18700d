//! Validation of an answers document (spec §9): every error is collected, none is fatal.

use super::catalogue::{Catalogue, Condition, Kind, Question, Registry, Scope, Slot};
use super::codes::{code_enum, Area, FinalDecision, OverrideTarget};
use super::date::Date;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

code_enum!(
    /// Validation error codes (§9.2).
    ErrorCode {
        UnsupportedVersion = "UNSUPPORTED_VERSION", UnknownField = "UNKNOWN_FIELD", UnknownQuestion = "UNKNOWN_QUESTION",
        WrongType = "WRONG_TYPE", InvalidEnum = "INVALID_ENUM", InvalidFormat = "INVALID_FORMAT", OutOfRange = "OUT_OF_RANGE",
        MissingRequired = "MISSING_REQUIRED", ConditionNotMet = "CONDITION_NOT_MET", DuplicateValue = "DUPLICATE_VALUE",
        DuplicateId = "DUPLICATE_ID", ExclusiveValue = "EXCLUSIVE_VALUE", InvalidReference = "INVALID_REFERENCE",
    }
);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ValidationError {
    pub code: ErrorCode,
    pub path: String,
    pub question_id: Option<String>,
    pub display: Option<String>,
    pub message: String,
}

/// Collects errors while walking the document.
struct Report<'c> {
    catalogue: &'c Catalogue,
    errors: Vec<ValidationError>,
}

impl Report<'_> {
    fn push(&mut self, code: ErrorCode, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(ValidationError {
            code,
            path: path.into(),
            question_id: None,
            display: None,
            message: message.into(),
        });
    }

    fn push_q(&mut self, code: ErrorCode, path: impl std::fmt::Display, q: &Question, message: impl Into<String>) {
        self.errors.push(ValidationError {
            code,
            path: path.to_string(),
            question_id: Some(q.id.clone()),
            display: Some(q.display.clone()),
            message: message.into(),
        });
    }
}

/// The path of an answer, formatted only when an error needs it (validation is on the hot path).
struct QPath<'a> {
    prefix: &'a str,
    id: &'a str,
}

impl std::fmt::Display for QPath<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.prefix, self.id)
    }
}

/// Non-null value of `key` (the spec treats `null` as absent).
fn get<'v>(obj: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    obj.get(key).filter(|v| !v.is_null())
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

pub fn is_identifier(s: &str) -> bool {
    (1..=40).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

pub fn is_country(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// Validates `doc` against the catalogue of its `methodology_version` (or, when that version is not
/// supported, the newest catalogue, so that the other errors are still reported).
pub fn validate(registry: &Registry, doc: &Value) -> Vec<ValidationError> {
    let requested = doc.get("methodology_version").and_then(Value::as_str);
    let Some(catalogue) = requested.and_then(|v| registry.get(v)).or_else(|| registry.current()) else {
        return vec![ValidationError {
            code: ErrorCode::UnsupportedVersion,
            path: "methodology_version".into(),
            question_id: None,
            display: None,
            message: "no methodology is loaded on this server".into(),
        }];
    };
    let mut report = Report { catalogue, errors: Vec::new() };
    validate_top(&mut report, registry, doc);
    report.errors
}

fn validate_top(r: &mut Report, registry: &Registry, doc: &Value) {
    let Some(top) = doc.as_object() else {
        r.push(ErrorCode::WrongType, "", format!("the answers document must be a JSON object, not {}", json_type(doc)));
        return;
    };
    for key in top.keys() {
        if !["methodology_version", "case", "consultations", "components"].contains(&key.as_str()) {
            r.push(ErrorCode::UnknownField, key.clone(), format!("unknown field `{key}`"));
        }
    }
    match get(top, "methodology_version") {
        None => r.push(ErrorCode::MissingRequired, "methodology_version", "methodology_version is required"),
        Some(Value::String(v)) if registry.get(v).is_some() => {}
        Some(Value::String(v)) => r.push(
            ErrorCode::UnsupportedVersion,
            "methodology_version",
            format!("methodology version {v:?} is not supported (supported: {})", registry.versions().join(", ")),
        ),
        Some(other) => r.push(
            ErrorCode::WrongType,
            "methodology_version",
            format!("methodology_version must be text, not {}", json_type(other)),
        ),
    }
    let mut ongoing: Option<bool> = None;
    match get(top, "case") {
        None => r.push(ErrorCode::MissingRequired, "case", "the case answers are required"),
        Some(Value::Object(case)) => {
            let states = validate_answers(r, case, "case", Scope::Case);
            ongoing = match states.get("implementation_status") {
                Some(Slot::Value(v)) => Some(v.as_str() == Some("ONGOING")),
                Some(Slot::Absent) => Some(false),
                _ => None,
            };
        }
        Some(other) => {
            r.push(ErrorCode::WrongType, "case", format!("case must be an object, not {}", json_type(other)))
        }
    }
    match get(top, "consultations") {
        None => {}
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                check_object(r, item, &format!("consultations[{i}]"), CONSULTATION_FIELDS);
            }
        }
        Some(other) => r.push(
            ErrorCode::WrongType,
            "consultations",
            format!("consultations must be a list, not {}", json_type(other)),
        ),
    }
    match get(top, "components") {
        None => r.push(ErrorCode::MissingRequired, "components", "at least one support component is required"),
        Some(Value::Array(items)) if items.is_empty() => {
            r.push(ErrorCode::MissingRequired, "components", "at least one support component is required")
        }
        Some(Value::Array(items)) => {
            let mut seen = HashSet::new();
            for (i, item) in items.iter().enumerate() {
                validate_component(r, item, i, ongoing, &mut seen);
            }
        }
        Some(other) => {
            r.push(ErrorCode::WrongType, "components", format!("components must be a list, not {}", json_type(other)))
        }
    }
}

/// Validates the answers of one level in table order and returns what later conditions read.
fn validate_answers<'c, 'v>(
    r: &mut Report<'c>,
    answers: &'v Map<String, Value>,
    prefix: &str,
    scope: Scope,
) -> HashMap<&'c str, Slot<'v>> {
    let catalogue = r.catalogue;
    let mut states: HashMap<&'c str, Slot<'v>> = HashMap::with_capacity(catalogue.questions.len());
    for q in catalogue.questions.iter().filter(|q| q.scope == scope) {
        let path = QPath { prefix, id: &q.id };
        let value = get(answers, &q.id);
        let applicable = match &q.condition {
            None => Some(true),
            // Spec §9.1: a condition that reads an answer that is missing-but-required or invalid is
            // undetermined, even when another operand alone would decide it.
            Some(c) if reads_undetermined(catalogue, c, &states) => None,
            Some(c) => c.eval(catalogue, &|id: &str| states.get(id).copied().unwrap_or(Slot::Absent)),
        };
        let state = match (applicable, value) {
            (Some(false), Some(_)) => {
                r.push_q(
                    ErrorCode::ConditionNotMet,
                    &path,
                    q,
                    format!("{} {}: not asked for these answers; remove it", q.display, q.label),
                );
                Slot::Absent
            }
            (Some(false), None) => Slot::Absent,
            (_, None) if q.optional => Slot::Absent,
            (Some(true), None) => {
                r.push_q(ErrorCode::MissingRequired, &path, q, format!("{} {} is required", q.display, q.label));
                Slot::Undetermined
            }
            (None, None) => Slot::Undetermined,
            (applicable, Some(v)) => match check_question(r, q, v, &path) {
                Checked::Valid if applicable == Some(true) => Slot::Value(v),
                Checked::Empty if q.optional => Slot::Absent,
                _ => Slot::Undetermined,
            },
        };
        states.insert(&q.id, state);
    }
    // Every question of this level is in `states`, so any other key is unknown.
    for key in answers.keys().filter(|k| !states.contains_key(k.as_str())) {
        r.push(
            ErrorCode::UnknownQuestion,
            format!("{prefix}.{key}"),
            format!("`{key}` is not a question of this form"),
        );
    }
    states
}

/// True when `condition` reads (directly or through computed values) an undetermined answer.
fn reads_undetermined(catalogue: &Catalogue, condition: &Condition, states: &HashMap<&str, Slot>) -> bool {
    let mut read = Vec::new();
    condition.reads(catalogue, &mut read);
    read.iter().any(|id| matches!(states.get(id.as_str()), Some(Slot::Undetermined)))
}

enum Checked {
    Valid,
    /// Optional text that is blank: the same as absent.
    Empty,
    Invalid,
}

fn check_question(r: &mut Report, q: &Question, v: &Value, path: &QPath) -> Checked {
    let catalogue = r.catalogue;
    let wrong = |r: &mut Report, expected: &str| {
        r.push_q(
            ErrorCode::WrongType,
            path,
            q,
            format!("{} {} must be {expected}, not {}", q.display, q.label, json_type(v)),
        );
        Checked::Invalid
    };
    match q.kind {
        Kind::Text => match v.as_str() {
            None => wrong(r, "text"),
            Some(s) if s.trim().is_empty() && q.optional => Checked::Empty,
            Some(s) if s.trim().is_empty() => {
                r.push_q(ErrorCode::MissingRequired, path, q, format!("{} {} must not be empty", q.display, q.label));
                Checked::Invalid
            }
            Some(_) => Checked::Valid,
        },
        Kind::Bool => {
            if v.is_boolean() {
                Checked::Valid
            } else {
                wrong(r, "yes or no (a boolean)")
            }
        }
        Kind::Int => match v {
            Value::Number(n) if n.is_u64() => Checked::Valid,
            Value::Number(n) if n.is_i64() => {
                r.push_q(ErrorCode::OutOfRange, path, q, format!("{} {} cannot be negative", q.display, q.label));
                Checked::Invalid
            }
            _ => wrong(r, "a whole number"),
        },
        Kind::Date => match v.as_str() {
            None => wrong(r, "a date"),
            Some(s) if Date::parse(s).is_some() => Checked::Valid,
            Some(s) => {
                r.push_q(
                    ErrorCode::InvalidFormat,
                    path,
                    q,
                    format!("{} {}: {s:?} is not a date (YYYY-MM-DD)", q.display, q.label),
                );
                Checked::Invalid
            }
        },
        Kind::Country => match v.as_str() {
            None => wrong(r, "a two-letter country code"),
            Some(s) if is_country(s) => Checked::Valid,
            Some(s) => {
                r.push_q(
                    ErrorCode::InvalidFormat,
                    path,
                    q,
                    format!("{} {}: {s:?} is not a two-letter upper-case country code", q.display, q.label),
                );
                Checked::Invalid
            }
        },
        Kind::Enum => {
            let name = q.enum_name.as_deref().unwrap_or_default();
            match v.as_str() {
                None => wrong(r, "one of the listed options"),
                Some(s) if catalogue.enum_values(name).iter().any(|e| e.code == s) => Checked::Valid,
                Some(s) => {
                    r.push_q(
                        ErrorCode::InvalidEnum,
                        path,
                        q,
                        format!("{} {}: {s:?} is not one of the listed options", q.display, q.label),
                    );
                    Checked::Invalid
                }
            }
        }
        Kind::Multi => check_multi(r, q, v, path),
        Kind::Interventions => match v.as_array() {
            None => wrong(r, "a list"),
            Some(items) => {
                let before = r.errors.len();
                for (i, item) in items.iter().enumerate() {
                    check_object(r, item, &format!("{path}[{i}]"), INTERVENTION_FIELDS);
                }
                if r.errors.len() == before {
                    Checked::Valid
                } else {
                    Checked::Invalid
                }
            }
        },
    }
}

fn check_multi(r: &mut Report, q: &Question, v: &Value, path: &QPath) -> Checked {
    let Some(items) = v.as_array() else {
        r.push_q(
            ErrorCode::WrongType,
            path,
            q,
            format!("{} {} must be a list, not {}", q.display, q.label, json_type(v)),
        );
        return Checked::Invalid;
    };
    let name = q.enum_name.as_deref().unwrap_or_default();
    let allowed = r.catalogue.enum_values(name);
    let mut ok = true;
    let mut seen = HashSet::new();
    for (j, item) in items.iter().enumerate() {
        let item_path = format!("{path}[{j}]");
        match item.as_str() {
            None => {
                r.push_q(
                    ErrorCode::WrongType,
                    item_path,
                    q,
                    format!("{} {}: each item must be text, not {}", q.display, q.label, json_type(item)),
                );
                ok = false;
            }
            Some(s) if !allowed.iter().any(|e| e.code == s) => {
                r.push_q(
                    ErrorCode::InvalidEnum,
                    item_path,
                    q,
                    format!("{} {}: {s:?} is not one of the listed options", q.display, q.label),
                );
                ok = false;
            }
            Some(s) if !seen.insert(s) => {
                r.push_q(
                    ErrorCode::DuplicateValue,
                    item_path,
                    q,
                    format!("{} {}: {s} is selected twice", q.display, q.label),
                );
                ok = false;
            }
            Some(_) => {}
        }
    }
    if items.len() < q.min_items {
        r.push_q(
            ErrorCode::MissingRequired,
            path,
            q,
            format!("{} {}: select at least {}", q.display, q.label, q.min_items),
        );
        ok = false;
    }
    if let Some(ex) = &q.exclusive {
        if items.len() > 1 && items.iter().any(|i| i.as_str() == Some(ex)) {
            r.push_q(
                ErrorCode::ExclusiveValue,
                path,
                q,
                format!("{} {}: {ex} cannot be combined with other options", q.display, q.label),
            );
            ok = false;
        }
    }
    if ok {
        Checked::Valid
    } else {
        Checked::Invalid
    }
}

// ----- structured parts ----------------------------------------------------------------------------

#[derive(Clone, Copy)]
enum Field {
    Text,
    Bool,
    Date,
    Id,
    Enum(&'static str),
    Multi(&'static str, usize),
}

struct FieldSpec {
    name: &'static str,
    field: Field,
    required: bool,
}

const fn req(name: &'static str, field: Field) -> FieldSpec {
    FieldSpec { name, field, required: true }
}
const fn opt(name: &'static str, field: Field) -> FieldSpec {
    FieldSpec { name, field, required: false }
}

const CONSULTATION_FIELDS: &[FieldSpec] = &[
    req("type", Field::Enum("ConsultationType")),
    req("date", Field::Date),
    req("by", Field::Text),
    opt("summary", Field::Text),
];
const INTERVENTION_FIELDS: &[FieldSpec] = &[
    req("date", Field::Date),
    req("level", Field::Enum("InterventionLevel")),
    req("summary", Field::Text),
    req("concern_persisted", Field::Bool),
];
const EVIDENCE_FIELDS: &[FieldSpec] = &[
    req("id", Field::Id),
    req("source_type", Field::Enum("EvidenceSource")),
    req("date", Field::Date),
    req("reference", Field::Text),
    req("reliability", Field::Enum("Reliability")),
];
const MEASURE_FIELDS: &[FieldSpec] = &[
    req("code", Field::Enum("MeasureCode")),
    req("target_areas", Field::Multi("Area", 1)),
    req("status", Field::Enum("MeasureStatus")),
    req("resourced", Field::Bool),
    req("has_indicator", Field::Bool),
    opt("description", Field::Text),
    opt("responsible", Field::Text),
];
const PROPOSED_FIELDS: &[FieldSpec] = &[
    req("decision", Field::Enum("FinalDecision")),
    opt("justification", Field::Text),
    opt("hr_adviser_concurred", Field::Bool),
];
const INTERCESSION_FIELDS: &[FieldSpec] = &[
    req("date", Field::Date),
    req("level", Field::Enum("InterventionLevel")),
    req("requested_action", Field::Text),
    req("deadline", Field::Date),
    req("status", Field::Enum("IntercessionStatus")),
];

/// Checks an object against its field list; returns the object and whether every field was valid.
fn check_object<'v>(
    r: &mut Report,
    v: &'v Value,
    path: &str,
    fields: &[FieldSpec],
) -> (Option<&'v Map<String, Value>>, bool) {
    check_object_with(r, v, path, fields, &[])
}

fn check_object_with<'v>(
    r: &mut Report,
    v: &'v Value,
    path: &str,
    fields: &[FieldSpec],
    extra_keys: &[&str],
) -> (Option<&'v Map<String, Value>>, bool) {
    let Some(obj) = v.as_object() else {
        r.push(ErrorCode::WrongType, path, format!("must be an object, not {}", json_type(v)));
        return (None, false);
    };
    let before = r.errors.len();
    for key in obj.keys() {
        if !fields.iter().any(|f| f.name == key) && !extra_keys.contains(&key.as_str()) {
            r.push(ErrorCode::UnknownField, format!("{path}.{key}"), format!("unknown field `{key}`"));
        }
    }
    for spec in fields {
        let field_path = format!("{path}.{}", spec.name);
        match get(obj, spec.name) {
            None if spec.required => {
                r.push(ErrorCode::MissingRequired, field_path, format!("{} is required", spec.name))
            }
            None => {}
            Some(value) => check_field(r, spec, value, &field_path),
        }
    }
    (Some(obj), r.errors.len() == before)
}

fn check_field(r: &mut Report, spec: &FieldSpec, value: &Value, path: &str) {
    let name = spec.name;
    let wrong = |r: &mut Report, expected: &str| {
        r.push(ErrorCode::WrongType, path, format!("{name} must be {expected}, not {}", json_type(value)))
    };
    match spec.field {
        Field::Text => match value.as_str() {
            None => wrong(r, "text"),
            Some(s) if s.trim().is_empty() && spec.required => {
                r.push(ErrorCode::MissingRequired, path, format!("{name} must not be empty"))
            }
            Some(_) => {}
        },
        Field::Bool => {
            if !value.is_boolean() {
                wrong(r, "a boolean")
            }
        }
        Field::Date => match value.as_str() {
            None => wrong(r, "a date"),
            Some(s) if Date::parse(s).is_none() => {
                r.push(ErrorCode::InvalidFormat, path, format!("{name}: {s:?} is not a date (YYYY-MM-DD)"))
            }
            Some(_) => {}
        },
        Field::Id => match value.as_str() {
            None => wrong(r, "text"),
            Some(s) if !is_identifier(s) => r.push(
                ErrorCode::InvalidFormat,
                path,
                format!("{name}: {s:?} must be 1-40 characters from A-Z a-z 0-9 _ -"),
            ),
            Some(_) => {}
        },
        Field::Enum(enum_name) => match value.as_str() {
            None => wrong(r, "text"),
            Some(s) if !r.catalogue.enum_values(enum_name).iter().any(|e| e.code == s) => {
                r.push(ErrorCode::InvalidEnum, path, format!("{name}: {s:?} is not a valid {enum_name}"))
            }
            Some(_) => {}
        },
        Field::Multi(enum_name, min) => {
            let Some(items) = value.as_array() else {
                return wrong(r, "a list");
            };
            let mut seen = HashSet::new();
            for (j, item) in items.iter().enumerate() {
                match item.as_str() {
                    None => {
                        r.push(ErrorCode::WrongType, format!("{path}[{j}]"), format!("{name}: each item must be text"))
                    }
                    Some(s) if !r.catalogue.enum_values(enum_name).iter().any(|e| e.code == s) => r.push(
                        ErrorCode::InvalidEnum,
                        format!("{path}[{j}]"),
                        format!("{name}: {s:?} is not a valid {enum_name}"),
                    ),
                    Some(s) if !seen.insert(s) => r.push(
                        ErrorCode::DuplicateValue,
                        format!("{path}[{j}]"),
                        format!("{name}: {s} is listed twice"),
                    ),
                    Some(_) => {}
                }
            }
            if items.len() < min {
                r.push(ErrorCode::MissingRequired, path, format!("{name}: at least {min} required"));
            }
        }
    }
}

// ----- components ----------------------------------------------------------------------------------

const COMPONENT_KEYS: &[&str] =
    &["component_id", "answers", "evidence", "measures", "severity", "overrides", "proposed_decision", "intercession"];

fn validate_component(r: &mut Report, v: &Value, i: usize, ongoing: Option<bool>, seen_ids: &mut HashSet<String>) {
    let path = format!("components[{i}]");
    let Some(obj) = v.as_object() else {
        r.push(ErrorCode::WrongType, &path, format!("a component must be an object, not {}", json_type(v)));
        return;
    };
    for key in obj.keys() {
        if !COMPONENT_KEYS.contains(&key.as_str()) {
            r.push(ErrorCode::UnknownField, format!("{path}.{key}"), format!("unknown field `{key}`"));
        }
    }
    match get(obj, "component_id") {
        None => r.push(ErrorCode::MissingRequired, format!("{path}.component_id"), "component_id is required"),
        Some(Value::String(id)) if !is_identifier(id) => r.push(
            ErrorCode::InvalidFormat,
            format!("{path}.component_id"),
            format!("component_id {id:?} must be 1-40 characters from A-Z a-z 0-9 _ -"),
        ),
        Some(Value::String(id)) => {
            if !seen_ids.insert(id.clone()) {
                r.push(
                    ErrorCode::DuplicateId,
                    format!("{path}.component_id"),
                    format!("component_id {id:?} is used twice"),
                );
            }
        }
        Some(other) => r.push(
            ErrorCode::WrongType,
            format!("{path}.component_id"),
            format!("component_id must be text, not {}", json_type(other)),
        ),
    }
    match get(obj, "answers") {
        None => r.push(ErrorCode::MissingRequired, format!("{path}.answers"), "the component's answers are required"),
        Some(Value::Object(answers)) => {
            validate_answers(r, answers, &format!("{path}.answers"), Scope::Component);
        }
        Some(other) => r.push(
            ErrorCode::WrongType,
            format!("{path}.answers"),
            format!("answers must be an object, not {}", json_type(other)),
        ),
    }
    let mut evidence_ids = HashSet::new();
    match get(obj, "evidence") {
        None => r.push(
            ErrorCode::MissingRequired,
            format!("{path}.evidence"),
            "at least one evidence item is required (record a search with SEARCH_NO_FINDINGS when nothing is known)",
        ),
        Some(Value::Array(items)) if items.is_empty() => r.push(
            ErrorCode::MissingRequired,
            format!("{path}.evidence"),
            "at least one evidence item is required (record a search with SEARCH_NO_FINDINGS when nothing is known)",
        ),
        Some(Value::Array(items)) => {
            for (j, item) in items.iter().enumerate() {
                let item_path = format!("{path}.evidence[{j}]");
                let (obj, _) = check_object(r, item, &item_path, EVIDENCE_FIELDS);
                if let Some(id) = obj.and_then(|o| get(o, "id")).and_then(Value::as_str).filter(|s| is_identifier(s)) {
                    if !evidence_ids.insert(id.to_string()) {
                        r.push(
                            ErrorCode::DuplicateId,
                            format!("{item_path}.id"),
                            format!("evidence id {id:?} is used twice"),
                        );
                    }
                }
            }
        }
        Some(other) => r.push(
            ErrorCode::WrongType,
            format!("{path}.evidence"),
            format!("evidence must be a list, not {}", json_type(other)),
        ),
    }
    list_of(r, obj, &path, "measures", |r, item, item_path| {
        check_object(r, item, item_path, MEASURE_FIELDS);
    });
    match get(obj, "severity") {
        None => {}
        Some(Value::Object(map)) => {
            for (key, scores) in map {
                let area_path = format!("{path}.severity.{key}");
                if Area::parse(key).is_none() {
                    r.push(ErrorCode::UnknownField, &area_path, format!("`{key}` is not a risk area code"));
                    continue;
                }
                if scores.is_null() {
                    continue;
                }
                let Some(scores) = scores.as_object() else {
                    r.push(ErrorCode::WrongType, &area_path, "severity scores must be an object");
                    continue;
                };
                for (name, value) in scores {
                    let field_path = format!("{area_path}.{name}");
                    if !["scale", "scope", "irremediability"].contains(&name.as_str()) {
                        r.push(ErrorCode::UnknownField, field_path, format!("unknown field `{name}`"));
                    } else if !value.is_null() {
                        check_int_range(r, value, &field_path, name, 1, 5);
                    }
                }
            }
        }
        Some(other) => r.push(
            ErrorCode::WrongType,
            format!("{path}.severity"),
            format!("severity must be an object keyed by area, not {}", json_type(other)),
        ),
    }
    let mut override_keys = HashSet::new();
    list_of(r, obj, &path, "overrides", |r, item, item_path| {
        validate_override(r, item, item_path, &evidence_ids, &mut override_keys);
    });
    if let Some(pd) = get(obj, "proposed_decision") {
        let pd_path = format!("{path}.proposed_decision");
        let (pd_obj, _) = check_object(r, pd, &pd_path, PROPOSED_FIELDS);
        let decision = pd_obj.and_then(|o| get(o, "decision")).and_then(Value::as_str).and_then(FinalDecision::parse);
        if let (Some(d), Some(false)) = (decision, ongoing) {
            if d.needs_ongoing_support() {
                r.push(
                    ErrorCode::ConditionNotMet,
                    format!("{pd_path}.decision"),
                    format!("{d} applies only to support that is already ongoing (1.8)"),
                );
            }
        }
    }
    if let Some(ic) = get(obj, "intercession") {
        check_object(r, ic, &format!("{path}.intercession"), INTERCESSION_FIELDS);
    }
}

fn list_of(
    r: &mut Report,
    obj: &Map<String, Value>,
    path: &str,
    key: &str,
    mut each: impl FnMut(&mut Report, &Value, &str),
) {
    match get(obj, key) {
        None => {}
        Some(Value::Array(items)) => {
            for (j, item) in items.iter().enumerate() {
                each(r, item, &format!("{path}.{key}[{j}]"));
            }
        }
        Some(other) => r.push(
            ErrorCode::WrongType,
            format!("{path}.{key}"),
            format!("{key} must be a list, not {}", json_type(other)),
        ),
    }
}

fn check_int_range(r: &mut Report, value: &Value, path: &str, name: &str, lo: i64, hi: i64) -> bool {
    match value {
        Value::Number(n) if n.is_i64() || n.is_u64() => {
            let ok = n.as_i64().is_some_and(|x| (lo..=hi).contains(&x));
            if !ok {
                r.push(ErrorCode::OutOfRange, path, format!("{name} must be between {lo} and {hi}"));
            }
            ok
        }
        _ => {
            r.push(
                ErrorCode::WrongType,
                path,
                format!("{name} must be a whole number from {lo} to {hi}, not {}", json_type(value)),
            );
            false
        }
    }
}

fn validate_override(
    r: &mut Report,
    v: &Value,
    path: &str,
    evidence_ids: &HashSet<String>,
    seen: &mut HashSet<(String, String)>,
) {
    let fields = &[
        req("target", Field::Enum("OverrideTarget")),
        req("justification", Field::Text),
        opt("hr_adviser_concurred", Field::Bool),
    ];
    let (Some(obj), _) = check_object_with(r, v, path, fields, &["area", "value", "evidence_ids"]) else {
        return;
    };
    let target = get(obj, "target").and_then(Value::as_str).and_then(OverrideTarget::parse);
    let area_value = get(obj, "area");
    let area = match area_value {
        None => None,
        Some(Value::String(s)) => match Area::parse(s) {
            Some(a) => Some(a),
            None => {
                r.push(ErrorCode::InvalidEnum, format!("{path}.area"), format!("area: {s:?} is not a risk area code"));
                None
            }
        },
        Some(other) => {
            r.push(
                ErrorCode::WrongType,
                format!("{path}.area"),
                format!("area must be text, not {}", json_type(other)),
            );
            None
        }
    };
    match target {
        Some(OverrideTarget::HrddpApplicable) if area_value.is_some() => r.push(
            ErrorCode::ConditionNotMet,
            format!("{path}.area"),
            "an HRDDP_APPLICABLE override applies to the whole component: remove the area",
        ),
        Some(OverrideTarget::Nexus | OverrideTarget::L0) if area_value.is_none() => {
            r.push(ErrorCode::MissingRequired, format!("{path}.area"), "area is required for NEXUS and L0 overrides")
        }
        Some(OverrideTarget::Nexus) if area == Some(Area::Ext) => r.push(
            ErrorCode::ConditionNotMet,
            format!("{path}.area"),
            "a transfer is always direct: EXT cannot take a NEXUS override",
        ),
        _ => {}
    }
    let value_path = format!("{path}.value");
    match (target, get(obj, "value")) {
        (_, None) => r.push(ErrorCode::MissingRequired, value_path, "value is required"),
        (Some(OverrideTarget::Nexus), Some(v)) => match v.as_str() {
            None => r.push(
                ErrorCode::WrongType,
                value_path,
                format!("a NEXUS override value must be text, not {}", json_type(v)),
            ),
            Some(s) if r.catalogue.enum_values("Nexus").iter().all(|e| e.code != s) => r.push(
                ErrorCode::InvalidEnum,
                value_path,
                format!("{s:?} is not a nexus (DIRECT, INDIRECT, REMOTE, NONE)"),
            ),
            Some(_) => {}
        },
        (Some(OverrideTarget::L0), Some(v)) => {
            check_int_range(r, v, &value_path, "an L0 override value", 1, 5);
        }
        (Some(OverrideTarget::HrddpApplicable), Some(v)) => {
            if !v.is_boolean() {
                r.push(
                    ErrorCode::WrongType,
                    value_path,
                    format!("an HRDDP_APPLICABLE override value must be a boolean, not {}", json_type(v)),
                );
            }
        }
        (None, Some(_)) => {}
    }
    let ids_path = format!("{path}.evidence_ids");
    match get(obj, "evidence_ids") {
        None => r.push(ErrorCode::MissingRequired, ids_path, "an override needs at least one evidence id"),
        Some(Value::Array(items)) if items.is_empty() => {
            r.push(ErrorCode::MissingRequired, ids_path, "an override needs at least one evidence id")
        }
        Some(Value::Array(items)) => {
            for (k, item) in items.iter().enumerate() {
                match item.as_str() {
                    None => r.push(ErrorCode::WrongType, format!("{ids_path}[{k}]"), "evidence ids must be text"),
                    Some(id) if !evidence_ids.contains(id) => r.push(
                        ErrorCode::InvalidReference,
                        format!("{ids_path}[{k}]"),
                        format!("{id:?} is not an evidence item of this component"),
                    ),
                    Some(_) => {}
                }
            }
        }
        Some(other) => {
            r.push(ErrorCode::WrongType, ids_path, format!("evidence_ids must be a list, not {}", json_type(other)))
        }
    }
    if let Some(t) = target {
        let key = (t.code().to_string(), area.map(|a| a.code().to_string()).unwrap_or_default());
        if !seen.insert(key) {
            r.push(ErrorCode::DuplicateId, path, format!("a second {t} override for the same area"));
        }
    }
}
