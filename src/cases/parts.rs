//! The structured parts of an answers document (spec §3.5) as the wizard edits them: evidence,
//! severity, overrides, measures, consultations, the proposed decision, the intercession record and the
//! list of prior interventions (question 1.9).
//!
//! One description per part drives the browser's editors, the no-JavaScript form decoding and the
//! server's checks, so the three cannot drift apart. The engine's own validation (spec §9) stays the
//! judge of what is valid; this module only says what the fields are and how form text becomes JSON.

use serde_json::{Map, Value};

/// What kind of input a field of a part is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    LongText,
    Bool,
    Date,
    /// An identifier (evidence `id`): 1–40 characters from `A-Z a-z 0-9 _ -`.
    Id,
    /// One code of the named catalogue enum.
    Enum(&'static str),
    /// Several codes of the named catalogue enum (check boxes).
    Multi(&'static str),
    /// Evidence ids of the same component (check boxes).
    EvidenceIds,
    /// An override's value: a nexus code, a likelihood 1–5 or yes/no, depending on the target.
    OverrideValue,
    /// Read-only here: set by the human-rights adviser (spec §3.5, §10.1).
    AdviserFlag,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartField {
    pub key: &'static str,
    pub label: &'static str,
    pub kind: FieldKind,
    pub optional: bool,
    /// For an optional field that another field can make required: when, in plain words.
    pub required_when: Option<&'static str>,
}

impl PartField {
    /// What the form says after the label: "(optional)" only where the field may always be left
    /// empty; "(required when …)" where another answer decides. The adviser's flag says neither:
    /// the assessor never fills it in.
    pub fn label_marker(&self) -> Option<String> {
        match (self.optional, self.required_when, self.kind) {
            (_, _, FieldKind::AdviserFlag) | (false, _, _) => None,
            (true, Some(when), _) => Some(format!(" (required when {when})")),
            (true, None, _) => Some(" (optional)".into()),
        }
    }
}

const fn req(key: &'static str, label: &'static str, kind: FieldKind) -> PartField {
    PartField { key, label, kind, optional: false, required_when: None }
}
const fn opt(key: &'static str, label: &'static str, kind: FieldKind) -> PartField {
    PartField { key, label, kind, optional: true, required_when: None }
}
const fn required_when(key: &'static str, label: &'static str, kind: FieldKind, when: &'static str) -> PartField {
    PartField { key, label, kind, optional: true, required_when: Some(when) }
}

pub use crate::methodology::draft::{Holder, Slot, COUNTRY_CONTEXT_KEY};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part {
    pub key: &'static str,
    pub display: &'static str,
    pub title: &'static str,
    pub help: &'static str,
    pub holder: Holder,
    /// A list of records (true) or one optional record (false).
    pub list: bool,
    pub item_name: &'static str,
    pub fields: &'static [PartField],
}

impl Part {
    pub fn field(&self, key: &str) -> Option<&'static PartField> {
        self.fields.iter().find(|f| f.key == key)
    }
}

pub const PRIOR_INTERVENTIONS: Part = Part {
    key: "prior_interventions",
    display: "1.9",
    title: "Prior interventions on the concern",
    help: "Each time the office raised this concern with the authorities: when, at what level, what was said and whether the concern persisted. Leave the list empty if there were none.",
    holder: Holder::CaseAnswers,
    list: true,
    item_name: "intervention",
    fields: &[
        req("date", "Date", FieldKind::Date),
        req("level", "Level", FieldKind::Enum("InterventionLevel")),
        req("summary", "Summary", FieldKind::LongText),
        req("concern_persisted", "The concern persisted", FieldKind::Bool),
    ],
};

pub const EVIDENCE: Part = Part {
    key: "evidence",
    display: "3.8",
    title: "Evidence on the recipient",
    help: "Sources consulted about this recipient's record. At least one item; when nothing is known, record what was searched (where and when) as \"Search made, nothing found\".",
    holder: Holder::Component,
    list: true,
    item_name: "evidence item",
    fields: &[
        req("id", "Id (e.g. E1)", FieldKind::Id),
        req("source_type", "Source type", FieldKind::Enum("EvidenceSource")),
        req("reference", "Title or reference (link or note)", FieldKind::Text),
        req("date", "Date", FieldKind::Date),
        req("reliability", "Reliability", FieldKind::Enum("Reliability")),
    ],
};

pub const OVERRIDES: Part = Part {
    key: "overrides",
    display: "5.2",
    title: "Overrides (assessor judgement)",
    help: "Change the engine's nexus or inherent likelihood for one area, or whether the HRDDP applies, with a justification and the evidence it rests on. An override that lowers a risk needs the human-rights adviser's concurrence before submission.",
    holder: Holder::Component,
    list: true,
    item_name: "override",
    fields: &[
        req("target", "What to override", FieldKind::Enum("OverrideTarget")),
        required_when("area", "Risk area", FieldKind::Enum("Area"), "overriding a nexus or a likelihood; leave empty for the HRDDP"),
        req("value", "New value", FieldKind::OverrideValue),
        req("justification", "Justification", FieldKind::LongText),
        req("evidence_ids", "Evidence relied on", FieldKind::EvidenceIds),
        opt("hr_adviser_concurred", "Human-rights adviser concurred", FieldKind::AdviserFlag),
    ],
};

pub const MEASURES: Part = Part {
    key: "measures",
    display: "6.1",
    title: "Mitigation measures",
    help: "A measure lowers the residual likelihood of the areas it targets only when it is at least agreed in writing, resourced (budget line or named responsible) and has a monitoring indicator.",
    holder: Holder::Component,
    list: true,
    item_name: "measure",
    fields: &[
        req("code", "Measure", FieldKind::Enum("MeasureCode")),
        req("target_areas", "Risk areas it addresses", FieldKind::Multi("Area")),
        req("status", "Status", FieldKind::Enum("MeasureStatus")),
        req("resourced", "Resourced (budget line or named responsible)", FieldKind::Bool),
        req("has_indicator", "Monitoring indicator defined", FieldKind::Bool),
        opt("description", "Description", FieldKind::LongText),
        opt("responsible", "Responsible", FieldKind::Text),
    ],
};

pub const CONSULTATIONS: Part = Part {
    key: "consultations",
    display: "7.x",
    title: "Consultation records",
    help: "Who was consulted or informed, when, and what they said. OHCHR / human-rights adviser advice is recorded by the adviser.",
    holder: Holder::Document,
    list: true,
    item_name: "consultation",
    fields: &[
        req("type", "Type", FieldKind::Enum("ConsultationType")),
        req("date", "Date", FieldKind::Date),
        req("by", "By (name and function)", FieldKind::Text),
        opt("summary", "Summary of the advice", FieldKind::LongText),
    ],
};

pub const PROPOSED_DECISION: Part = Part {
    key: "proposed_decision",
    display: "8.3",
    title: "Proposed decision",
    help: "The decision the office proposes. A proposal below the recommended decision is an override request: it needs a justification and the human-rights adviser's concurrence, and raises the approval level.",
    holder: Holder::Component,
    list: false,
    item_name: "proposed decision",
    fields: &[
        req("decision", "Decision", FieldKind::Enum("FinalDecision")),
        opt("justification", "Justification or conditions", FieldKind::LongText),
        opt("hr_adviser_concurred", "Human-rights adviser concurred", FieldKind::AdviserFlag),
    ],
};

pub const INTERCESSION: Part = Part {
    key: "intercession",
    display: "8.4",
    title: "Intercession record",
    help: "When the office has interceded with the authorities about a violation: when, at what level, what it asked for, by when, and the outcome so far.",
    holder: Holder::Component,
    list: false,
    item_name: "intercession",
    fields: &[
        req("date", "Date", FieldKind::Date),
        req("level", "Level", FieldKind::Enum("InterventionLevel")),
        req("requested_action", "Requested action", FieldKind::LongText),
        req("deadline", "Deadline", FieldKind::Date),
        req("status", "Status", FieldKind::Enum("IntercessionStatus")),
    ],
};

/// Severity sub-scores (5.1): an object keyed by area code, each with optional 1–5 scores.
/// Form value of the explicit "None of these" choice of a multi-choice question whose empty list
/// is an answer (2.6): it posts this marker, which decodes to `[]`; no box ticked decodes to
/// "not answered".
pub const NONE_OF_THESE: &str = "_none";

pub const SEVERITY_KEY: &str = "severity";
pub const SEVERITY_FIELDS: [(&str, &str); 3] =
    [("scale", "Scale"), ("scope", "Scope"), ("irremediability", "Irremediability")];

/// The parts a step edits besides its questions (1.9 is a question of step 1 and listed there).
pub fn parts_of_step(number: u8) -> &'static [Part] {
    match number {
        4 => &[EVIDENCE],
        5 => &[OVERRIDES],
        6 => &[MEASURES],
        7 => &[CONSULTATIONS],
        8 => &[PROPOSED_DECISION, INTERCESSION],
        _ => &[],
    }
}

/// The part stored under `key`, whichever step edits it (step 5 reads the evidence of step 4).
pub fn part(key: &str) -> Option<&'static Part> {
    (1..=9).flat_map(parts_of_step).find(|p| p.key == key)
}

/// Every key a step may save that is not a question id.
pub fn part_keys_of_step(number: u8) -> Vec<&'static str> {
    let mut keys: Vec<&str> = parts_of_step(number).iter().map(|p| p.key).collect();
    match number {
        2 => keys.push(COUNTRY_CONTEXT_KEY),
        5 => keys.push(SEVERITY_KEY),
        _ => {}
    }
    keys
}

/// Where the value saved under `key` is kept: a part's holder, or among the answers of the step's
/// level (every question, 1.9's list of records included).
pub fn slot_of(key: &str) -> Slot {
    if let Some(p) = part(key) {
        Slot::Part(p.holder)
    } else if key == SEVERITY_KEY {
        Slot::Part(Holder::Component)
    } else if key == COUNTRY_CONTEXT_KEY {
        Slot::Part(Holder::Document)
    } else {
        Slot::Answers
    }
}

/// The part a question's value is made of (1.9), if any.
pub fn part_for_question(id: &str) -> Option<&'static Part> {
    (id == PRIOR_INTERVENTIONS.key).then_some(&PRIOR_INTERVENTIONS)
}

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
