//! The methodology as data: steps, questions, enums with labels, risk areas, measures and hard rules.
//!
//! One catalogue per methodology version is kept in `methodology/<version>.toml` and loaded at start-up
//! ([`Registry`]); the browser receives the same catalogue as JSON. Labels, help texts, citations,
//! question types, applicability conditions and measure effects are data; the scoring arithmetic of
//! the spec is code ([`super::engine`]). [`Catalogue::check`] verifies that the two agree.

use super::codes::*;
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::Arc;

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub version: String,
    pub title: String,
    pub summary: String,
    /// Closed lists by name (`SupportType`, `Record`, …), each value with a plain-language label.
    pub enums: IndexMap<String, Vec<EnumValue>>,
    pub steps: Vec<Step>,
    pub questions: Vec<Question>,
    /// Computed values that conditions may read (`hrddp_applicable`, spec §4.3).
    pub computed: IndexMap<String, Condition>,
    pub areas: Vec<AreaInfo>,
    pub measures: Vec<MeasureInfo>,
    pub hard_rules: Vec<HardRuleInfo>,
    /// The words of the structured parts (evidence, measures, …), by part key; what they are made
    /// of is [`super::parts`].
    pub parts: IndexMap<String, PartWords>,
}

/// What a structured part and its fields are called (spec §3.5).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PartWords {
    pub title: String,
    pub help: String,
    /// The heading of one record of a list, numbered after it: "Evidence item" → "Evidence item 2".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub item: String,
    /// The heading of a list's blank record: "Add an evidence item".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub add: String,
    /// The box that removes a record: "Remove this evidence item".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub remove: String,
    /// Field labels by field key.
    pub fields: IndexMap<String, String>,
    /// For a field that another answer can make required: when, in plain words.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub required_when: IndexMap<String, String>,
}

impl PartWords {
    /// The label of field `key` (the key itself if the catalogue lacks it, which `check` refuses).
    pub fn label<'a>(&'a self, key: &'a str) -> &'a str {
        self.fields.get(key).map(String::as_str).unwrap_or(key)
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct EnumValue {
    pub code: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub number: u8,
    pub slug: String,
    pub title: String,
    pub per_component: bool,
    pub intro: String,
    /// Question ids shown on this step, in display order.
    #[serde(default)]
    pub questions: Vec<String>,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Case,
    Component,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Text,
    Bool,
    Enum,
    Multi,
    Date,
    Country,
    Int,
    /// 1.9: a list of `{date, level, summary, concern_persisted}`.
    Interventions,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub display: String,
    pub scope: Scope,
    pub label: String,
    pub help: String,
    #[serde(default)]
    pub references: Vec<String>,
    pub kind: Kind,
    /// Enum name for `enum` and `multi` questions.
    #[serde(default, rename = "enum", skip_serializing_if = "Option::is_none")]
    pub enum_name: Option<String>,
    #[serde(default)]
    pub min_items: usize,
    /// A value that cannot be combined with others (2.7 `NONE_OF_THESE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclusive: Option<String>,
    #[serde(default)]
    pub optional: bool,
    /// For an optional question that a rule can still make required (8.1, 8.2): when, in plain
    /// words. The form then says "required when …" instead of "optional".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_when: Option<String>,
    /// False for answers that are recorded but never scored (4.3, 4.8).
    #[serde(default = "yes")]
    pub scored: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    /// Plain-language wording of the condition, shown when a question appears.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition_text: Option<String>,
}

/// Notes the engine writes into explanations, in words (spec §5.7).
const ENGINE_NOTES: [(&str, &str); 2] = [
    ("NO_EFFECT_BY_RULE", "training and dialogue never lower a risk figure (rule H9)"),
    ("NOT_APPLICABLE_TO_AREA", "not a measure for this risk area"),
];

/// `text` with every multi-word code it quotes replaced by its plain words. Unknown codes and
/// one-word codes (area codes, `H1a`, `BAND`) stay as they are.
pub fn plain_words(text: &str, labels: &[(String, String)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut token = String::new();
    let flush = |token: &mut String, out: &mut String| {
        if token.contains('_') {
            if let Some((_, label)) = labels.iter().find(|(c, _)| c == token) {
                out.push_str(label);
                token.clear();
                return;
            }
        }
        out.push_str(token);
        token.clear();
    };
    for ch in text.chars() {
        if ch.is_ascii_uppercase() || ch.is_ascii_digit() || ch == '_' {
            token.push(ch);
        } else {
            flush(&mut token, &mut out);
            out.push(ch);
        }
    }
    flush(&mut token, &mut out);
    out
}

impl Question {
    /// A multi-choice question whose empty list is a real answer (2.6 "none of these groups"),
    /// as opposed to an untouched question, which is missing (spec §3.2). The form offers an
    /// explicit "None of these" choice for it.
    pub fn empty_list_is_an_answer(&self) -> bool {
        self.kind == Kind::Multi && self.min_items == 0 && !self.optional && self.exclusive.is_none()
    }

    /// Whether the form may call the question "optional": only when the spec says so and no
    /// rule can make it required.
    pub fn shown_as_optional(&self) -> bool {
        self.optional && self.required_when.is_none()
    }
}

fn yes() -> bool {
    true
}

/// An applicability condition (spec §3.3/§3.4), evaluated with three-valued logic.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// The answer equals `value` (a code or a boolean).
    Equals {
        question: String,
        value: Value,
    },
    /// The answer is one of `values`.
    OneOf {
        question: String,
        values: Vec<String>,
    },
    /// The (multi) answer contains at least one of `values`.
    Includes {
        question: String,
        values: Vec<String>,
    },
    Any {
        of: Vec<Condition>,
    },
    All {
        of: Vec<Condition>,
    },
    /// A computed value from the catalogue's `computed` table.
    Computed {
        name: String,
    },
}

/// What a condition sees when it reads an answer.
#[derive(Clone, Copy, Debug)]
pub enum Slot<'a> {
    /// Applicable and well-formed.
    Value(&'a Value),
    /// Not given, or not applicable: reads as absent (false / empty).
    Absent,
    /// Missing-but-required, invalid, or itself undetermined: the condition cannot be decided.
    Undetermined,
}

impl Condition {
    /// `Some(true/false)` when decided, `None` when it depends on an undetermined answer.
    /// Kleene logic: `any` is true as soon as one branch is true, `all` false as soon as one is false.
    pub fn eval<'a>(&self, catalogue: &Catalogue, read: &dyn Fn(&str) -> Slot<'a>) -> Option<bool> {
        match self {
            Condition::Equals { question, value } => match read(question) {
                Slot::Value(v) => Some(v == value),
                Slot::Absent => Some(false),
                Slot::Undetermined => None,
            },
            Condition::OneOf { question, values } => match read(question) {
                Slot::Value(v) => Some(v.as_str().is_some_and(|s| values.iter().any(|x| x == s))),
                Slot::Absent => Some(false),
                Slot::Undetermined => None,
            },
            Condition::Includes { question, values } => match read(question) {
                Slot::Value(v) => Some(v.as_array().is_some_and(|items| {
                    items.iter().filter_map(Value::as_str).any(|s| values.iter().any(|x| x == s))
                })),
                Slot::Absent => Some(false),
                Slot::Undetermined => None,
            },
            Condition::Any { of } => {
                let mut undetermined = false;
                for c in of {
                    match c.eval(catalogue, read) {
                        Some(true) => return Some(true),
                        Some(false) => {}
                        None => undetermined = true,
                    }
                }
                if undetermined {
                    None
                } else {
                    Some(false)
                }
            }
            Condition::All { of } => {
                let mut undetermined = false;
                for c in of {
                    match c.eval(catalogue, read) {
                        Some(false) => return Some(false),
                        Some(true) => {}
                        None => undetermined = true,
                    }
                }
                if undetermined {
                    None
                } else {
                    Some(true)
                }
            }
            Condition::Computed { name } => catalogue.computed.get(name)?.eval(catalogue, read),
        }
    }

    /// Question ids this condition reads (directly or through computed values).
    pub fn reads(&self, catalogue: &Catalogue, out: &mut Vec<String>) {
        match self {
            Condition::Equals { question, .. }
            | Condition::OneOf { question, .. }
            | Condition::Includes { question, .. } => out.push(question.clone()),
            Condition::Any { of } | Condition::All { of } => of.iter().for_each(|c| c.reads(catalogue, out)),
            Condition::Computed { name } => {
                if let Some(c) = catalogue.computed.get(name) {
                    c.reads(catalogue, out)
                }
            }
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AreaInfo {
    pub code: Area,
    /// Shared (`Arc`) because every result document repeats it for every component.
    pub name: Arc<str>,
    pub short_name: String,
    pub description: String,
    pub standards: Arc<[String]>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MeasureInfo {
    pub code: MeasureCode,
    pub name: String,
    pub description: String,
    /// Likelihood effect per area code; the key `all` means every area except EXT (spec §5.7).
    pub effects: IndexMap<String, i32>,
}

impl MeasureInfo {
    /// The table effect of this measure on `area` (0 when the measure does not act on it).
    pub fn effect_on(&self, area: Area) -> i32 {
        if let Some(e) = self.effects.get(area.code()) {
            return *e;
        }
        match self.effects.get("all") {
            Some(e) if area != Area::Ext => *e,
            _ => 0,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct HardRuleInfo {
    pub id: HardRule,
    pub title: String,
    pub effect: Arc<str>,
    pub sources: Arc<[String]>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
#[error("{entry}: {problem}")]
pub struct CatalogueError {
    /// Which entry is wrong, e.g. `questions[3] (max_penalty)`.
    pub entry: String,
    pub problem: String,
}

fn err(entry: impl Into<String>, problem: impl Into<String>) -> CatalogueError {
    CatalogueError { entry: entry.into(), problem: problem.into() }
}

/// The closed lists whose codes the engine knows, to check the catalogue against.
fn known_enums() -> Vec<(&'static str, Vec<&'static str>)> {
    fn codes<T: Copy>(all: &[T], code: fn(T) -> &'static str) -> Vec<&'static str> {
        all.iter().map(|v| code(*v)).collect()
    }
    vec![
        (UnEntity::NAME, codes(UnEntity::ALL, UnEntity::code)),
        (AssessmentType::NAME, codes(AssessmentType::ALL, AssessmentType::code)),
        (TriggerEvent::NAME, codes(TriggerEvent::ALL, TriggerEvent::code)),
        (ImplementationStatus::NAME, codes(ImplementationStatus::ALL, ImplementationStatus::code)),
        (InterventionLevel::NAME, codes(InterventionLevel::ALL, InterventionLevel::code)),
        (DpStatus::NAME, codes(DpStatus::ALL, DpStatus::code)),
        (SupportType::NAME, codes(SupportType::ALL, SupportType::code)),
        (MaxPenalty::NAME, codes(MaxPenalty::ALL, MaxPenalty::code)),
        (Record::NAME, codes(Record::ALL, Record::code)),
        (Equipment::NAME, codes(Equipment::ALL, Equipment::code)),
        (Facility::NAME, codes(Facility::ALL, Facility::code)),
        (Group::NAME, codes(Group::ALL, Group::code)),
        (LawContent::NAME, codes(LawContent::ALL, LawContent::code)),
        (TreatmentModality::NAME, codes(TreatmentModality::ALL, TreatmentModality::code)),
        (Recipient::NAME, codes(Recipient::ALL, Recipient::code)),
        (ViolationType::NAME, codes(ViolationType::ALL, ViolationType::code)),
        (Accountability::NAME, codes(Accountability::ALL, Accountability::code)),
        (Commitment::NAME, codes(Commitment::ALL, Commitment::code)),
        (MonitoringAccess::NAME, codes(MonitoringAccess::ALL, MonitoringAccess::code)),
        (ResponseAction::NAME, codes(ResponseAction::ALL, ResponseAction::code)),
        (EvidenceSource::NAME, codes(EvidenceSource::ALL, EvidenceSource::code)),
        (Reliability::NAME, codes(Reliability::ALL, Reliability::code)),
        (MeasureCode::NAME, codes(MeasureCode::ALL, MeasureCode::code)),
        (MeasureStatus::NAME, codes(MeasureStatus::ALL, MeasureStatus::code)),
        (ConsultationType::NAME, codes(ConsultationType::ALL, ConsultationType::code)),
        (OverrideTarget::NAME, codes(OverrideTarget::ALL, OverrideTarget::code)),
        (Nexus::NAME, codes(Nexus::ALL, Nexus::code)),
        (Band::NAME, codes(Band::ALL, Band::code)),
        (RecommendedDecision::NAME, codes(RecommendedDecision::ALL, RecommendedDecision::code)),
        (FinalDecision::NAME, codes(FinalDecision::ALL, FinalDecision::code)),
        (IntercessionStatus::NAME, codes(IntercessionStatus::ALL, IntercessionStatus::code)),
        (Area::NAME, codes(Area::ALL, Area::code)),
    ]
}

impl Catalogue {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// Plain words for the multi-word codes that engine explanations and reasons quote
    /// (`CREDIBLE_PATTERN` → "Credible pattern"), plus the engine's own notes. Feed it to
    /// [`plain_words`].
    pub fn code_labels(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = ENGINE_NOTES.iter().map(|(c, l)| (c.to_string(), l.to_string())).collect();
        for v in self.enums.values().flatten().filter(|v| v.code.contains('_')) {
            if !out.iter().any(|(c, _)| *c == v.code) {
                out.push((v.code.clone(), v.label.clone()));
            }
        }
        out
    }

    /// Hard-rule titles by id (`H1a` → "Capital case").
    pub fn hard_rule_titles(&self) -> Vec<(String, String)> {
        self.hard_rules.iter().map(|h| (h.id.code().to_string(), h.title.clone())).collect()
    }

    pub fn enum_values(&self, name: &str) -> &[EnumValue] {
        self.enums.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    /// (code, label) of every value of enum `name`, in the catalogue's order (a form's options).
    pub fn enum_options(&self, name: &str) -> Vec<(String, String)> {
        self.enum_values(name).iter().map(|v| (v.code.clone(), v.label.clone())).collect()
    }

    /// The label of `code` in enum `name`, or the code itself.
    pub fn label<'a>(&'a self, name: &str, code: &'a str) -> &'a str {
        self.enum_values(name).iter().find(|v| v.code == code).map(|v| v.label.as_str()).unwrap_or(code)
    }

    pub fn area(&self, area: Area) -> &AreaInfo {
        // `check` guarantees one entry per area, in order.
        &self.areas[area as usize]
    }

    pub fn measure(&self, code: MeasureCode) -> &MeasureInfo {
        &self.measures[code as usize]
    }

    pub fn hard_rule(&self, id: HardRule) -> &HardRuleInfo {
        &self.hard_rules[id as usize]
    }

    /// The words of part `key` (`evidence`, `severity`, …); `check` guarantees them for every part.
    pub fn part_words(&self, key: &str) -> &PartWords {
        static NONE: std::sync::OnceLock<PartWords> = std::sync::OnceLock::new();
        self.parts.get(key).unwrap_or_else(|| NONE.get_or_init(PartWords::default))
    }

    pub fn step(&self, number: u8) -> Option<&Step> {
        self.steps.iter().find(|s| s.number == number)
    }

    /// Verifies that the data agrees with the engine; the error names the first bad entry.
    pub fn check(&self) -> Result<(), CatalogueError> {
        if self.version.trim().is_empty() {
            return Err(err("version", "must not be empty"));
        }
        for (name, codes) in known_enums() {
            let Some(values) = self.enums.get(name) else {
                return Err(err(format!("enums.{name}"), "is missing"));
            };
            let given: Vec<&str> = values.iter().map(|v| v.code.as_str()).collect();
            if given != codes {
                return Err(err(
                    format!("enums.{name}"),
                    format!("codes must be exactly {codes:?} in this order, found {given:?}"),
                ));
            }
            if let Some(v) = values.iter().find(|v| v.label.trim().is_empty()) {
                return Err(err(format!("enums.{name}.{}", v.code), "label must not be empty"));
            }
        }
        // The questions the engine reads (the fields of its typed answers) must all be there, at their
        // level and in spec table order (§3.3, §3.4). Other questions may be added in the catalogue
        // alone: they are validated, kept and shown like any other, and the engine does not read them.
        let expected = super::answers::engine_questions(Scope::Case)
            .into_iter()
            .map(|q| (q, Scope::Case))
            .chain(super::answers::engine_questions(Scope::Component).into_iter().map(|q| (q, Scope::Component)));
        let mut next = 0;
        for (id, scope) in expected {
            match self.questions[next..].iter().position(|q| q.id == id) {
                Some(k) if self.questions[next + k].scope == scope => next += k + 1,
                found => {
                    let at = next + found.unwrap_or(0);
                    let entry = self
                        .questions
                        .get(at)
                        .map_or_else(|| "questions".to_string(), |q| format!("questions[{at}] ({})", q.id));
                    return Err(err(entry, format!("expected question `{id}` ({scope:?}) at this position")));
                }
            }
        }
        for (i, q) in self.questions.iter().enumerate() {
            let entry = format!("questions[{i}] ({})", q.id);
            if self.questions[..i].iter().any(|o| o.id == q.id) {
                return Err(err(entry, "the same id is used twice"));
            }
            if q.label.trim().is_empty() || q.help.trim().is_empty() {
                return Err(err(entry, "label and help must not be empty"));
            }
            match (q.kind, &q.enum_name) {
                (Kind::Enum | Kind::Multi, Some(name)) if !self.enums.contains_key(name) => {
                    return Err(err(entry, format!("enum `{name}` is not defined")));
                }
                (Kind::Enum | Kind::Multi, None) => return Err(err(entry, "enum and multi questions need `enum`")),
                _ => {}
            }
            if let Some(ex) = &q.exclusive {
                let name = q.enum_name.as_deref().unwrap_or_default();
                if !self.enum_values(name).iter().any(|v| &v.code == ex) {
                    return Err(err(entry, format!("exclusive value `{ex}` is not in `{name}`")));
                }
            }
            if let Some(c) = &q.condition {
                let mut reads = Vec::new();
                c.reads(self, &mut reads);
                for r in reads {
                    let pos = self.questions.iter().position(|o| o.id == r);
                    match pos {
                        Some(p) if p < i && self.questions[p].scope == q.scope => {}
                        Some(_) => {
                            return Err(err(
                                entry,
                                format!("condition reads `{r}`, which is not an earlier question of the same level"),
                            ))
                        }
                        None => return Err(err(entry, format!("condition reads unknown question `{r}`"))),
                    }
                }
                self.check_condition_names(c, &entry)?;
            }
        }
        for (i, step) in self.steps.iter().enumerate() {
            if step.number as usize != i + 1 {
                return Err(err(format!("steps[{i}] ({})", step.slug), format!("must be step number {}", i + 1)));
            }
            for id in &step.questions {
                if self.question(id).is_none() {
                    return Err(err(format!("steps[{i}] ({})", step.slug), format!("unknown question `{id}`")));
                }
            }
        }
        for q in &self.questions {
            let count = self.steps.iter().filter(|s| s.questions.contains(&q.id)).count();
            if count != 1 {
                return Err(err(
                    format!("questions ({})", q.id),
                    format!("must appear on exactly one step, appears on {count}"),
                ));
            }
        }
        for (i, area) in Area::ALL.iter().enumerate() {
            match self.areas.get(i) {
                Some(a) if a.code == *area => {
                    if a.standards.is_empty() || a.name.trim().is_empty() {
                        return Err(err(format!("areas[{i}] ({area})"), "needs a name and standards"));
                    }
                }
                _ => return Err(err(format!("areas[{i}]"), format!("expected area {area} at this position"))),
            }
        }
        if self.areas.len() != Area::ALL.len() {
            return Err(err("areas", "more areas than the engine knows"));
        }
        for (i, code) in MeasureCode::ALL.iter().enumerate() {
            let Some(m) = self.measures.get(i).filter(|m| m.code == *code) else {
                return Err(err(format!("measures[{i}]"), format!("expected measure {code} at this position")));
            };
            for (key, effect) in &m.effects {
                if key != "all" && Area::parse(key).is_none() {
                    return Err(err(
                        format!("measures[{i}] ({code})"),
                        format!("effect key `{key}` is not `all` or an area code"),
                    ));
                }
                if !(-2..=0).contains(effect) {
                    return Err(err(
                        format!("measures[{i}] ({code})"),
                        format!("effect {effect} must be between -2 and 0"),
                    ));
                }
            }
        }
        if self.measures.len() != MeasureCode::ALL.len() {
            return Err(err("measures", "more measures than the engine knows"));
        }
        for (i, id) in HardRule::ALL.iter().enumerate() {
            match self.hard_rules.get(i) {
                Some(h) if h.id == *id && !h.sources.is_empty() => {}
                _ => {
                    return Err(err(
                        format!("hard_rules[{i}]"),
                        format!("expected hard rule {id} with sources at this position"),
                    ))
                }
            }
        }
        if self.hard_rules.len() != HardRule::ALL.len() {
            return Err(err("hard_rules", "more hard rules than the engine knows"));
        }
        self.check_part_words()
    }

    /// Words for exactly the parts and fields of [`super::parts`]: a title and help for each part,
    /// record headings for the lists, a label for each field and a "required when" for each
    /// field another answer can make required.
    fn check_part_words(&self) -> Result<(), CatalogueError> {
        use super::parts::{Need, ALL, SEVERITY_KEY, SEVERITY_SCORES};
        let shapes = ALL
            .iter()
            .map(|p| (p.key, p.list, p.fields.iter().map(|f| (f.key, f.need)).collect::<Vec<_>>()))
            .chain([(SEVERITY_KEY, false, SEVERITY_SCORES.iter().map(|k| (*k, Need::Optional)).collect())]);
        let mut expected = Vec::new();
        for (key, list, fields) in shapes {
            expected.push(key);
            let entry = format!("parts.{key}");
            let Some(words) = self.parts.get(key) else { return Err(err(entry, "is missing")) };
            let mut texts = vec![("title", &words.title), ("help", &words.help)];
            if list {
                texts.extend([("item", &words.item), ("add", &words.add), ("remove", &words.remove)]);
            }
            if let Some((name, _)) = texts.iter().find(|(_, t)| t.trim().is_empty()) {
                return Err(err(format!("{entry}.{name}"), "must not be empty"));
            }
            let keys: Vec<&str> = fields.iter().map(|(k, _)| *k).collect();
            let labelled: Vec<&str> = words.fields.keys().map(String::as_str).collect();
            if labelled != keys {
                return Err(err(format!("{entry}.fields"), format!("must label exactly {keys:?} in this order")));
            }
            if let Some((k, _)) = words.fields.iter().find(|(_, l)| l.trim().is_empty()) {
                return Err(err(format!("{entry}.fields.{k}"), "must not be empty"));
            }
            let conditional: Vec<&str> =
                fields.iter().filter(|(_, need)| *need == Need::RequiredWhen).map(|(k, _)| *k).collect();
            let said: Vec<&str> = words.required_when.keys().map(String::as_str).collect();
            if said != conditional {
                return Err(err(
                    format!("{entry}.required_when"),
                    format!("must say when for exactly {conditional:?}"),
                ));
            }
        }
        match self.parts.keys().find(|k| !expected.contains(&k.as_str())) {
            Some(k) => Err(err(format!("parts.{k}"), "is not a part the wizard knows")),
            None => Ok(()),
        }
    }

    fn check_condition_names(&self, c: &Condition, entry: &str) -> Result<(), CatalogueError> {
        match c {
            Condition::Computed { name } if !self.computed.contains_key(name) => {
                Err(err(entry, format!("condition uses unknown computed value `{name}`")))
            }
            Condition::Any { of } | Condition::All { of } => {
                of.iter().try_for_each(|c| self.check_condition_names(c, entry))
            }
            _ => Ok(()),
        }
    }
}

/// All methodology versions the server knows, side by side; cases are pinned to one of them.
/// Each catalogue is shared (`Arc`): the wizard hands one to every page that scores with it
/// instead of copying it.
#[derive(Clone, Debug, Default)]
pub struct Registry {
    catalogues: Vec<Arc<Catalogue>>,
    /// Catalogues with their texts in another language, by language code: for reading only (the
    /// engine and stored data use the English ones).
    translated: Vec<(String, Arc<Catalogue>)>,
}

impl Registry {
    pub fn new(catalogues: Vec<Catalogue>) -> Registry {
        Registry::shared(catalogues.into_iter().map(Arc::new).collect())
    }

    /// A registry of catalogues already shared elsewhere (the wizard in the browser).
    pub fn shared(mut catalogues: Vec<Arc<Catalogue>>) -> Registry {
        catalogues.sort_by(|a, b| a.version.cmp(&b.version));
        Registry { catalogues, translated: Vec::new() }
    }

    pub fn get(&self, version: &str) -> Option<&Catalogue> {
        self.catalogues.iter().find(|c| c.version == version).map(|c| &**c)
    }

    /// Adds a translation of a loaded version; an unknown version or key is an error.
    pub fn add_translation(&mut self, translation: &super::translation::Translation) -> Result<(), CatalogueError> {
        let english = self.get(&translation.version).ok_or_else(|| CatalogueError {
            entry: format!("translation {}", translation.lang),
            problem: format!("methodology {} is not loaded", translation.version),
        })?;
        let translated = translation.apply(english)?;
        self.translated.retain(|(lang, c)| !(lang == &translation.lang && c.version == translation.version));
        self.translated.push((translation.lang.clone(), Arc::new(translated)));
        Ok(())
    }

    /// Version `version` with its texts in `lang` (a language code), or in English when there is no
    /// translation. For showing; score with [`Registry::get`].
    pub fn get_in(&self, version: &str, lang: &str) -> Option<&Catalogue> {
        self.shared_in(version, lang).map(|c| &**c)
    }

    /// [`Registry::get_in`], as a handle to the shared catalogue.
    pub fn shared_in(&self, version: &str, lang: &str) -> Option<&Arc<Catalogue>> {
        self.translated
            .iter()
            .find(|(l, c)| l == lang && c.version == version)
            .map(|(_, c)| c)
            .or_else(|| self.catalogues.iter().find(|c| c.version == version))
    }

    /// The newest version in `lang` (English without a translation).
    pub fn current_in(&self, lang: &str) -> Option<&Catalogue> {
        self.current().and_then(|c| self.get_in(&c.version, lang))
    }

    /// The newest version: what new cases are started under.
    pub fn current(&self) -> Option<&Catalogue> {
        self.catalogues.last().map(|c| &**c)
    }

    pub fn all(&self) -> impl Iterator<Item = &Catalogue> {
        self.catalogues.iter().map(|c| &**c)
    }

    pub fn versions(&self) -> Vec<&str> {
        self.catalogues.iter().map(|c| c.version.as_str()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::plain_words;

    #[test]
    fn codes_in_explanations_become_words() {
        let labels = vec![
            ("CREDIBLE_PATTERN".to_string(), "Credible pattern".to_string()),
            ("NO_EFFECT_BY_RULE".to_string(), "never lowers a figure".to_string()),
        ];
        assert_eq!(
            plain_words("3.4 = CREDIBLE_PATTERN; M9 no effect (NO_EFFECT_BY_RULE).", &labels),
            "3.4 = Credible pattern; M9 no effect (never lowers a figure)."
        );
        assert_eq!(plain_words("DP and UNKNOWN_CODE stay", &labels), "DP and UNKNOWN_CODE stay");
    }
}
