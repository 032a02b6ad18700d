//! The structured parts of an answers document (spec §3.5): evidence, severity, overrides, measures,
//! consultations, the proposed decision, the intercession record and the list of prior interventions
//! (question 1.9). What each part is made of (its fields, their kinds, where it is kept) is code,
//! because the engine and validation read it; what it is called (titles, help, field labels) is in
//! the catalogue's `[parts.*]` tables, so it can be translated ([`super::catalogue::PartWords`]).
//! [`super::Catalogue::check`] requires words for every part and field listed here.

pub use super::draft::{Holder, Slot, COUNTRY_CONTEXT_KEY};

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

/// When a field must be filled in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    Required,
    Optional,
    /// Optional unless another answer makes it required; the catalogue says when, in words.
    RequiredWhen,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartField {
    pub key: &'static str,
    pub kind: FieldKind,
    pub need: Need,
}

const fn req(key: &'static str, kind: FieldKind) -> PartField {
    PartField { key, kind, need: Need::Required }
}
const fn opt(key: &'static str, kind: FieldKind) -> PartField {
    PartField { key, kind, need: Need::Optional }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part {
    pub key: &'static str,
    pub display: &'static str,
    pub holder: Holder,
    /// A list of records (true) or one optional record (false).
    pub list: bool,
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
    holder: Holder::CaseAnswers,
    list: true,
    fields: &[
        req("date", FieldKind::Date),
        req("level", FieldKind::Enum("InterventionLevel")),
        req("summary", FieldKind::LongText),
        req("concern_persisted", FieldKind::Bool),
    ],
};

pub const EVIDENCE: Part = Part {
    key: "evidence",
    display: "3.8",
    holder: Holder::Component,
    list: true,
    fields: &[
        req("id", FieldKind::Id),
        req("source_type", FieldKind::Enum("EvidenceSource")),
        req("reference", FieldKind::Text),
        req("date", FieldKind::Date),
        req("reliability", FieldKind::Enum("Reliability")),
    ],
};

pub const OVERRIDES: Part = Part {
    key: "overrides",
    display: "5.2",
    holder: Holder::Component,
    list: true,
    fields: &[
        req("target", FieldKind::Enum("OverrideTarget")),
        PartField { key: "area", kind: FieldKind::Enum("Area"), need: Need::RequiredWhen },
        req("value", FieldKind::OverrideValue),
        req("justification", FieldKind::LongText),
        req("evidence_ids", FieldKind::EvidenceIds),
        opt("hr_adviser_concurred", FieldKind::AdviserFlag),
    ],
};

pub const MEASURES: Part = Part {
    key: "measures",
    display: "6.1",
    holder: Holder::Component,
    list: true,
    fields: &[
        req("code", FieldKind::Enum("MeasureCode")),
        req("target_areas", FieldKind::Multi("Area")),
        req("status", FieldKind::Enum("MeasureStatus")),
        req("resourced", FieldKind::Bool),
        req("has_indicator", FieldKind::Bool),
        opt("description", FieldKind::LongText),
        opt("responsible", FieldKind::Text),
    ],
};

pub const CONSULTATIONS: Part = Part {
    key: "consultations",
    display: "7.x",
    holder: Holder::Document,
    list: true,
    fields: &[
        req("type", FieldKind::Enum("ConsultationType")),
        req("date", FieldKind::Date),
        req("by", FieldKind::Text),
        opt("summary", FieldKind::LongText),
    ],
};

pub const PROPOSED_DECISION: Part = Part {
    key: "proposed_decision",
    display: "8.3",
    holder: Holder::Component,
    list: false,
    fields: &[
        req("decision", FieldKind::Enum("FinalDecision")),
        opt("justification", FieldKind::LongText),
        opt("hr_adviser_concurred", FieldKind::AdviserFlag),
    ],
};

pub const INTERCESSION: Part = Part {
    key: "intercession",
    display: "8.4",
    holder: Holder::Component,
    list: false,
    fields: &[
        req("date", FieldKind::Date),
        req("level", FieldKind::Enum("InterventionLevel")),
        req("requested_action", FieldKind::LongText),
        req("deadline", FieldKind::Date),
        req("status", FieldKind::Enum("IntercessionStatus")),
    ],
};

/// Every part, in the order of the steps that edit them.
pub const ALL: [Part; 7] =
    [PRIOR_INTERVENTIONS, EVIDENCE, OVERRIDES, MEASURES, CONSULTATIONS, PROPOSED_DECISION, INTERCESSION];

/// Form value of the explicit "None of these" choice of a multi-choice question whose empty list
/// is an answer (2.6): it posts this marker, which decodes to `[]`; no box ticked decodes to
/// "not answered".
pub const NONE_OF_THESE: &str = "_none";

/// Severity sub-scores (5.1): an object keyed by area code, each with optional 1–5 scores. Its
/// words are the catalogue's `[parts.severity]`.
pub const SEVERITY_KEY: &str = "severity";
pub const SEVERITY_SCORES: [&str; 3] = ["scale", "scope", "irremediability"];

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
