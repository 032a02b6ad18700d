//! Country reference data (spec §3.3, §3.6 step 2; issue 20): the country context of questions
//! 4.1–4.8 as an administrator keeps it per country, with the date each value took effect and its
//! source. A new assessment is pre-filled with the values in force on its assessment date; the
//! assessor confirms them, and the engine reads only the confirmed answers.
//!
//! History is never overwritten: every change is a new dated entry. An entry without a value says
//! that the question no longer applies from that date (4.2 after 4.1 became abolitionist) or that
//! the value is no longer known. Pure rules: no I/O, compiled for the server and the browser.

use crate::methodology::date::Date;
use crate::methodology::draft::Draft;
use crate::methodology::Registry;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The questions the reference data answers, in spec order (the catalogue's step 2, "Country
/// context"; a test keeps the two the same).
pub const QUESTIONS: [&str; 8] = [
    "dp_status_drugs",
    "dp_mandatory_for_drugs",
    "drug_executions_5y",
    "compulsory_drug_detention_centres",
    "corporal_punishment_drug_offences",
    "mandatory_pretrial_detention_drugs",
    "drug_trial_safeguard_gaps",
    "armed_conflict_or_peace_operation",
];

/// Changes to these questions matter to decided cases that watch DEATH_PENALTY_CHANGE (spec §7.5).
pub const DEATH_PENALTY_QUESTIONS: [&str; 2] = ["dp_status_drugs", "dp_mandatory_for_drugs"];

/// The officially assigned ISO 3166-1 alpha-2 codes (249), space-separated and sorted, plus `XK`
/// (Kosovo: a user-assigned code that UN data and this app's seed use).
const ISO_3166_ALPHA_2: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK";

/// Whether `code` is a country code HRDD knows (ISO 3166-1 alpha-2, upper case, or `XK`).
pub fn is_iso_country(code: &str) -> bool {
    code.len() == 2 && ISO_3166_ALPHA_2.split(' ').any(|c| c == code)
}

pub fn is_reference_question(id: &str) -> bool {
    QUESTIONS.contains(&id)
}

/// Where a value comes from: an instrument, report or law, with a citation and optionally a link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub citation: String,
    pub url: Option<String>,
}

/// Longest citation kept (a citation names an instrument, report or law; not an essay) and link.
pub const MAX_CITATION: usize = 500;
pub const MAX_URL: usize = 1000;

/// A source as an editor gives it: a citation (required) and an optional web address (http or
/// https, no spaces). Every problem, by field (`citation`, `url`).
pub fn parse_source(citation: &str, url: &str) -> Result<Source, Vec<(&'static str, String)>> {
    let mut problems = Vec::new();
    let citation = citation.trim();
    if citation.is_empty() {
        problems.push((
            "citation",
            "Name the source: the law, instrument or report, with its citation (e.g. \"Narcotic Drugs Act 1994, s. 4\").".to_string(),
        ));
    } else if citation.chars().count() > MAX_CITATION || citation.chars().any(char::is_control) {
        problems.push(("citation", format!("Keep the citation to one line under {MAX_CITATION} characters.")));
    }
    let url = url.trim();
    let web = (url.starts_with("https://") || url.starts_with("http://")) && url.len() > "https://".len();
    if !url.is_empty() && (!web || url.len() > MAX_URL || url.contains(char::is_whitespace)) {
        problems.push(("url", "Enter a web address starting with https:// (or leave it blank).".to_string()));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Source { citation: citation.to_string(), url: (!url.is_empty()).then(|| url.to_string()) })
}

/// One recorded value of one question for one country, in force from `effective_from`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: i64,
    pub country: String,
    pub question: String,
    /// The answer exactly as the wizard stores it; `None`: no value from this date on.
    pub value: Option<Value>,
    pub effective_from: Date,
    pub source: Source,
    pub recorded_by: String,
    /// When it was recorded (RFC 3339, UTC).
    pub recorded_at: String,
}

/// The entry of each question in force on a date (`None` where nothing is recorded yet).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InForce {
    pub on: Option<Date>,
    /// One per [`QUESTIONS`], in that order.
    pub entries: Vec<(String, Option<Entry>)>,
}

impl InForce {
    pub fn entry(&self, question: &str) -> Option<&Entry> {
        self.entries.iter().find(|(q, _)| q == question).and_then(|(_, e)| e.as_ref())
    }

    /// The value in force of `question` (`None` when nothing applies).
    pub fn value(&self, question: &str) -> Option<&Value> {
        self.entry(question).and_then(|e| e.value.as_ref())
    }

    /// The entries that give a value: what a new assessment is pre-filled with.
    pub fn values(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter_map(|(_, e)| e.as_ref()).filter(|e| e.value.is_some())
    }
}

/// The entries in force on `on`: per question, the one with the latest effective date not after
/// `on`; of several taking effect the same day, the one recorded last (the highest id), so a
/// correction made the same day wins. Entries of other countries must not be passed.
pub fn in_force(entries: &[Entry], on: Date) -> InForce {
    let pick = |question: &str| {
        entries
            .iter()
            .filter(|e| e.question == question && e.effective_from <= on)
            .max_by_key(|e| (e.effective_from, e.id))
            .cloned()
    };
    InForce { on: Some(on), entries: QUESTIONS.iter().map(|q| (q.to_string(), pick(q))).collect() }
}

/// A wrong value, named by the question it belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub question: String,
    pub message: String,
}

/// Checks a whole country table (the values that will be in force together) exactly as the
/// wizard checks step 2: types, allowed codes and the conditions between the questions (4.2 only
/// when 4.1 allows a death penalty, 4.3 only when executing). A question without a value is not
/// a problem here: the assessor answers it in the wizard.
pub fn check_values(registry: &Registry, values: &Map<String, Value>) -> Vec<FieldProblem> {
    let Some(catalogue) = registry.current() else {
        return vec![FieldProblem { question: String::new(), message: "No methodology is loaded.".into() }];
    };
    let mut draft = Draft { methodology_version: catalogue.version.clone(), ..Draft::default() };
    for (question, value) in values.iter().filter(|(q, v)| is_reference_question(q) && !v.is_null()) {
        draft.case.insert(question.clone(), value.clone());
    }
    use crate::methodology::validate::{validate, ErrorCode};
    validate(registry, &draft.to_value())
        .into_iter()
        .filter(|e| e.code != ErrorCode::MissingRequired)
        .filter_map(|e| {
            let question = e.question_id.filter(|q| is_reference_question(q))?;
            let message = match (e.code, catalogue.question(&question).and_then(|q| q.condition_text.clone())) {
                (ErrorCode::ConditionNotMet, Some(when)) => {
                    format!("Leave this blank for this 4.1 value. {when}")
                }
                _ => sentence(&e.message),
            };
            Some(FieldProblem { question, message })
        })
        .collect()
}

/// `text` with a capital first letter and a final full stop.
fn sentence(text: &str) -> String {
    let mut out = crate::text::capitalised(text);
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

/// A value to record: `None` ends the question's value from the effective date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub question: String,
    pub value: Option<Value>,
}

/// The changes a posted table makes to what is in force on its effective date: every question
/// whose posted value differs (a blank posted where a value is in force ends it).
pub fn changes(current: &InForce, posted: &Map<String, Value>) -> Vec<Change> {
    QUESTIONS
        .iter()
        .filter_map(|q| {
            let new = posted.get(*q).filter(|v| !v.is_null());
            (new != current.value(q)).then(|| Change { question: q.to_string(), value: new.cloned() })
        })
        .collect()
}

/// Whether a change can matter to decided cases that watch DEATH_PENALTY_CHANGE (spec §7.5).
pub fn touches_death_penalty(changes: &[Change]) -> bool {
    changes.iter().any(|c| DEATH_PENALTY_QUESTIONS.contains(&c.question.as_str()))
}

/// The reference data a case version was pre-filled with (shown in step 2, on the summary and to
/// reviewers), and the assessor's reasons where a confirmed answer differs from it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CaseBasis {
    pub items: Vec<BasisItem>,
}

/// One pre-filled answer: the entry it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BasisItem {
    pub question: String,
    pub entry: Entry,
}

impl CaseBasis {
    pub fn from_in_force(in_force: &InForce) -> CaseBasis {
        CaseBasis {
            items: in_force.values().map(|e| BasisItem { question: e.question.clone(), entry: e.clone() }).collect(),
        }
    }

    pub fn item(&self, question: &str) -> Option<&BasisItem> {
        self.items.iter().find(|i| i.question == question)
    }

    /// Pre-fills `answers` (a new version's step 2) with the values in force: each value is set, and
    /// an answer whose question no longer has a value (an ending entry) is removed. Returns the
    /// entries used.
    pub fn prefill(in_force: &InForce, answers: &mut crate::methodology::draft::Answers) -> CaseBasis {
        for (question, entry) in &in_force.entries {
            match entry.as_ref().map(|e| &e.value) {
                Some(Some(v)) => answers.insert(question.clone(), v.clone()),
                Some(None) => {
                    answers.remove(question);
                }
                None => {}
            }
        }
        CaseBasis::from_in_force(in_force)
    }
}

/// The assessor's confirmation of step 2, kept in the draft under
/// [`crate::methodology::draft::COUNTRY_CONTEXT_KEY`]: whether they checked the pre-filled values,
/// and why they changed any of them (spec §3.6 step 2: "the assessor confirms"). Shown on the
/// summary and to reviewers; never read by the engine.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confirmation {
    #[serde(default)]
    pub confirmed: bool,
    /// Question id → the reason the answer differs from the reference value.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub reasons: BTreeMap<String, String>,
}

impl Confirmation {
    /// The confirmation a draft holds (none: not confirmed, no reasons). A record of another shape
    /// reads as none; saving one is refused by [`Confirmation::parse`].
    pub fn of(draft: &Draft) -> Confirmation {
        // As stored, text untrimmed (the wizard reads back what is being typed).
        draft
            .parts
            .get(crate::methodology::draft::COUNTRY_CONTEXT_KEY)
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .unwrap_or_default()
    }

    /// Reads a saved record: `{"confirmed": true|false, "reasons": {"<question>": "text"}}` (or
    /// null). Reasons are only for the questions 4.1–4.8; blank ones are dropped.
    pub fn parse(value: &Value) -> Result<Confirmation, String> {
        if value.is_null() {
            return Ok(Confirmation::default());
        }
        let mut c: Confirmation = serde_json::from_value(value.clone()).map_err(|_| {
            "The confirmation of the country context must be {\"confirmed\": true or false, \"reasons\": {question: text}}."
                .to_string()
        })?;
        if let Some(q) = c.reasons.keys().find(|q| !is_reference_question(q)) {
            return Err(format!("`{q}` is not a country-context question (4.1–4.8)."));
        }
        c.reasons.retain(|_, reason| !reason.trim().is_empty());
        for reason in c.reasons.values_mut() {
            *reason = reason.trim().to_string();
        }
        Ok(c)
    }

    /// The record as saved: null when there is nothing to keep.
    pub fn to_value(&self) -> Value {
        if *self == Confirmation::default() {
            Value::Null
        } else {
            serde_json::to_value(self).expect("plain data")
        }
    }

    /// The reason given for `question`, if any (blank is none).
    pub fn reason(&self, question: &str) -> Option<&str> {
        self.reasons.get(question).map(String::as_str).filter(|r| !r.trim().is_empty())
    }
}

/// Which shown answers of step 2 differ from the value the reference data pre-filled (a question
/// hidden by another answer needs no reason of its own; one the reference data left without a value
/// is the assessor's to answer).
pub fn changed_from_reference(
    catalogue: &crate::methodology::Catalogue,
    basis: &CaseBasis,
    draft: &Draft,
) -> Vec<String> {
    use crate::methodology::catalogue::Scope;
    let shown = crate::methodology::draft::shown_questions(catalogue, &draft.case, Scope::Case);
    basis
        .items
        .iter()
        .filter(|i| i.entry.value.is_some() && shown.contains(&i.question.as_str()))
        .filter(|i| draft.case.get(&i.question) != i.entry.value.as_ref())
        .map(|i| i.question.clone())
        .collect()
}

/// What still stops a pre-filled case from being submitted: the country context not confirmed, a
/// changed value without its reason. Validation errors at `country_context.…` paths (step 2), so
/// the wizard lists them with the other problems and submission refuses them.
pub fn confirmation_problems(
    catalogue: &crate::methodology::Catalogue,
    basis: &CaseBasis,
    draft: &Draft,
) -> Vec<crate::methodology::ValidationError> {
    use crate::methodology::{ErrorCode, ValidationError};
    if basis.items.iter().all(|i| i.entry.value.is_none()) {
        return Vec::new();
    }
    let key = crate::methodology::draft::COUNTRY_CONTEXT_KEY;
    let confirmation = Confirmation::of(draft);
    let mut problems = Vec::new();
    for question in changed_from_reference(catalogue, basis, draft) {
        if confirmation.reason(&question).is_some() {
            continue;
        }
        let q = catalogue.question(&question);
        let display = q.map(|q| q.display.clone()).unwrap_or_default();
        let label = q.map(|q| q.label.clone()).unwrap_or_default();
        problems.push(ValidationError {
            code: ErrorCode::MissingRequired,
            path: format!("{key}.reasons.{question}"),
            question_id: Some(question.clone()),
            display: Some(display.clone()),
            message: format!(
                "{display} {label}: your answer differs from the country reference data; say why (reviewers see the reason)."
            ),
        });
    }
    if !confirmation.confirmed {
        problems.push(ValidationError {
            code: ErrorCode::MissingRequired,
            path: format!("{key}.confirmed"),
            question_id: None,
            display: Some("4.x".into()),
            message: "Confirm the country context: check each value pre-filled from the reference data, change what is no longer right (with a reason), then tick \"I have checked the country context\".".into(),
        });
    }
    problems
}

/// The wizard's outcome: the engine's, plus the confirmation problems of step 2. A draft whose
/// country context is not confirmed does not count as complete — the engine reads only confirmed
/// answers (spec §3.6).
pub fn score_confirmed(registry: &Registry, draft: &Draft, basis: &CaseBasis) -> crate::methodology::ScoreOutcome {
    let outcome = crate::methodology::draft::score_draft(registry, draft);
    match registry.get(&draft.methodology_version) {
        Some(catalogue) => with_confirmation(outcome, catalogue, basis, draft),
        None => outcome,
    }
}

/// [`score_confirmed`] for a draft the engine has already scored (`outcome`): the scoring is the
/// expensive part, and a save scores once.
pub fn with_confirmation(
    outcome: crate::methodology::ScoreOutcome,
    catalogue: &crate::methodology::Catalogue,
    basis: &CaseBasis,
    draft: &Draft,
) -> crate::methodology::ScoreOutcome {
    use crate::methodology::result::InvalidDocument;
    use crate::methodology::ScoreOutcome;
    let problems = confirmation_problems(catalogue, basis, draft);
    if problems.is_empty() {
        return outcome;
    }
    match outcome {
        ScoreOutcome::Valid(_) => ScoreOutcome::Invalid(InvalidDocument {
            methodology_version: Some(draft.methodology_version.clone()),
            valid: false,
            errors: problems,
        }),
        ScoreOutcome::Invalid(mut invalid) => {
            invalid.errors.extend(problems);
            ScoreOutcome::Invalid(invalid)
        }
    }
}

/// The columns of an imported or exported table, in order.
pub const CSV_COLUMNS: [&str; 6] = ["country", "question", "value", "effective_from", "citation", "url"];

/// One line of an imported table as read (line 1 is the header).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportLine {
    pub line: usize,
    pub country: String,
    pub question: String,
    pub value: String,
    pub effective_from: String,
    pub citation: String,
    pub url: String,
}

/// A checked line: an entry to record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportEntry {
    pub line: usize,
    pub country: String,
    pub question: String,
    pub value: Option<Value>,
    pub effective_from: Date,
    pub source: Source,
}

/// What is wrong with a line of an import.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineProblem {
    pub line: usize,
    pub message: String,
}

/// Checks one imported line on its own: a known country code, one of the questions 4.1–4.8, a value
/// of the question's kind (a code of its list, true/false, a whole number, or blank for "no value"),
/// a date, a source, and a web address when one is given.
pub fn check_line(catalogue: &crate::methodology::Catalogue, l: &ImportLine) -> Result<ImportEntry, Vec<LineProblem>> {
    use crate::methodology::catalogue::Kind;
    let mut problems = Vec::new();
    let mut problem = |message: String| problems.push(LineProblem { line: l.line, message });
    let country = l.country.trim().to_ascii_uppercase();
    if !is_iso_country(&country) {
        problem(format!("unknown country code {:?} (ISO 3166 alpha-2, e.g. KE)", l.country.trim()));
    }
    let question = l.question.trim();
    let q = catalogue.question(question).filter(|_| is_reference_question(question));
    if q.is_none() {
        problem(format!("unknown question {question:?} (one of {})", QUESTIONS.join(", ")));
    }
    let raw = l.value.trim();
    let value = match q {
        _ if raw.is_empty() => None,
        None => None,
        Some(q) => match q.kind {
            Kind::Enum => {
                let name = q.enum_name.as_deref().unwrap_or_default();
                let codes = catalogue.enum_values(name);
                match codes.iter().find(|v| v.code == raw) {
                    Some(v) => Some(Value::String(v.code.clone())),
                    None => {
                        let allowed: Vec<&str> = codes.iter().map(|v| v.code.as_str()).collect();
                        problem(format!("unknown value {raw:?} for {} (one of {})", q.display, allowed.join(", ")));
                        None
                    }
                }
            }
            Kind::Bool => match raw.to_ascii_lowercase().as_str() {
                "true" | "yes" => Some(Value::Bool(true)),
                "false" | "no" => Some(Value::Bool(false)),
                _ => {
                    problem(format!("{} takes true or false, not {raw:?}", q.display));
                    None
                }
            },
            Kind::Int => match raw.parse::<u32>() {
                Ok(n) => Some(Value::from(n)),
                Err(_) => {
                    problem(format!("{} takes a whole number, not {raw:?}", q.display));
                    None
                }
            },
            _ => Some(Value::String(raw.to_string())),
        },
    };
    let effective_from = Date::parse(l.effective_from.trim());
    if effective_from.is_none() {
        let what = if l.effective_from.trim().is_empty() {
            "missing date".to_string()
        } else {
            format!("{:?} is not a date", l.effective_from.trim())
        };
        problem(format!("{what}: effective_from is YYYY-MM-DD"));
    }
    let source = parse_source(&l.citation, &l.url).map_err(|wrong| {
        for (field, message) in wrong {
            problem(format!("{field}: {message}"));
        }
    });
    match (source, effective_from) {
        (Ok(source), Some(effective_from)) if problems.is_empty() => {
            Ok(ImportEntry { line: l.line, country, question: question.to_string(), value, effective_from, source })
        }
        _ => Err(problems),
    }
}

/// Whether `existing` already records exactly what `new` says (a re-import skips it).
pub fn same_entry(existing: &Entry, new: &ImportEntry) -> bool {
    existing.country == new.country
        && existing.question == new.question
        && existing.value == new.value
        && existing.effective_from == new.effective_from
        && existing.source == new.source
}

/// The tables an import leaves behind, checked as the wizard checks step 2: for each country and
/// each date from the earliest new entry on, the values in force then. A problem is reported on the
/// imported line of that country and question in force by then (or its first imported line).
pub fn check_tables(registry: &Registry, existing: &[Entry], new: &[ImportEntry]) -> Vec<LineProblem> {
    let mut problems = Vec::new();
    let mut countries: Vec<&str> = new.iter().map(|e| e.country.as_str()).collect();
    countries.sort();
    countries.dedup();
    // New entries get ids after every existing one, in file order.
    let next = existing.iter().map(|e| e.id).max().unwrap_or(0) + 1;
    for country in countries {
        let mut all: Vec<Entry> = existing.iter().filter(|e| e.country == country).cloned().collect();
        let mine: Vec<&ImportEntry> = new.iter().filter(|e| e.country == country).collect();
        for (i, e) in mine.iter().enumerate() {
            all.push(Entry {
                id: next + i as i64,
                country: e.country.clone(),
                question: e.question.clone(),
                value: e.value.clone(),
                effective_from: e.effective_from,
                source: e.source.clone(),
                recorded_by: String::new(),
                recorded_at: String::new(),
            });
        }
        // Every date from the earliest new entry on: an old-dated value stays in force until a later
        // entry of its question, so it meets the later values too.
        let earliest = mine.iter().map(|e| e.effective_from).min().expect("a country with new entries");
        let mut dates: Vec<Date> = all.iter().map(|e| e.effective_from).filter(|d| *d >= earliest).collect();
        dates.sort();
        dates.dedup();
        for date in dates {
            let table = in_force(&all, date);
            let values: Map<String, Value> =
                table.entries.iter().filter_map(|(q, e)| Some((q.clone(), e.as_ref()?.value.clone()?))).collect();
            for p in check_values(registry, &values) {
                let by_then: Vec<&&ImportEntry> = mine.iter().filter(|e| e.effective_from <= date).collect();
                let line =
                    by_then.iter().rev().find(|e| e.question == p.question).or(by_then.first()).map_or(0, |e| e.line);
                problems
                    .push(LineProblem { line, message: format!("{country} on {date}, {}: {}", p.question, p.message) });
            }
        }
    }
    problems.sort_by_key(|p| p.line);
    problems.dedup();
    problems
}

/// An import checked against the database, before anything is recorded.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportPreview {
    pub lines: Vec<PreviewLine>,
    /// Every problem, by line; the import is refused while there is one.
    pub problems: Vec<LineProblem>,
    /// Lines not recorded yet (the others are skipped).
    pub new_entries: usize,
    /// Per country with a new death-penalty value: the decided cases whose trigger it records.
    pub triggers: Vec<(String, i64)>,
    /// The newest entry id when the preview was made (apply refuses if it moved).
    pub based_on: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreviewLine {
    pub line: usize,
    pub country: String,
    pub question: String,
    pub value: String,
    pub effective_from: String,
    pub citation: String,
    /// False: already recorded exactly so (skipped).
    pub new: bool,
}

/// A change of one country's table as the editor posts it: every question's value (the whole table
/// as it will stand), the date it takes effect, its source, and the newest entry the form showed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReferenceForm {
    pub effective_from: String,
    pub citation: String,
    pub url: String,
    pub based_on: i64,
    pub values: Map<String, Value>,
}

/// One question of 4.1–4.8 as the reference pages show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionInfo {
    pub id: String,
    pub display: String,
    pub label: String,
    pub help: String,
    pub kind: crate::methodology::catalogue::Kind,
    /// (code, label) of an enum question.
    pub options: Vec<(String, String)>,
    pub condition_text: Option<String>,
}

/// `/reference/countries`: the countries the user may read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReferenceIndex {
    pub countries: Vec<CountrySummary>,
    /// An administrator of every country may start a country's table.
    pub can_add: bool,
    /// Administrators import tables (for the countries in their scope).
    pub can_import: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CountrySummary {
    pub code: String,
    pub entries: i64,
    pub last_recorded: Option<String>,
}

/// `/reference/countries/{code}`: one country's table in force today and its whole history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CountryPage {
    pub code: String,
    pub today: String,
    pub questions: Vec<QuestionInfo>,
    pub in_force: InForce,
    /// Newest first.
    pub history: Vec<Entry>,
    pub can_edit: bool,
    /// The newest entry id (the edit form's base for the concurrency check).
    pub latest_id: i64,
    /// Decided cases of this country that watch DEATH_PENALTY_CHANGE (editors only).
    pub dp_watchers: i64,
}

/// An answer in words: the label of its code, Yes or No, the number; `none` without a value.
pub fn value_in_words(
    catalogue: &crate::methodology::Catalogue,
    question: &str,
    value: Option<&Value>,
    none: &str,
) -> String {
    match value {
        None | Some(Value::Null) => none.to_string(),
        Some(Value::Bool(b)) => if *b { "Yes" } else { "No" }.to_string(),
        Some(Value::String(code)) => match catalogue.question(question).and_then(|q| q.enum_name.as_deref()) {
            Some(e) => catalogue.label(e, code).to_string(),
            None => code.clone(),
        },
        Some(other) => other.to_string(),
    }
}

/// What a posted text gives for an answer of `kind`, as the wizard's form decoding reads it.
pub fn value_from_form(kind: crate::methodology::catalogue::Kind, text: &str) -> Value {
    use crate::cases::parts::{int_from_form, FieldKind};
    use crate::methodology::catalogue::Kind;
    match kind {
        Kind::Int => int_from_form(text),
        Kind::Bool => FieldKind::Bool.from_form(text),
        _ => FieldKind::Text.from_form(text),
    }
}

/// An answer as the form shows it (the inverse of [`value_from_form`]).
pub fn value_to_form(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn entry(id: i64, question: &str, value: Option<Value>, from: &str) -> Entry {
        Entry {
            id,
            country: "KE".into(),
            question: question.into(),
            value,
            effective_from: Date::parse(from).unwrap(),
            source: Source { citation: "test".into(), url: None },
            recorded_by: "admin@test".into(),
            recorded_at: "2026-01-01T00:00:00.000Z".into(),
        }
    }

    fn on(d: &str) -> Date {
        Date::parse(d).unwrap()
    }

    #[test]
    fn country_codes_are_checked_against_iso_3166() {
        assert_eq!(ISO_3166_ALPHA_2.split(' ').count(), 250);
        for code in ["KE", "UG", "TZ", "XK", "ZW", "AD"] {
            assert!(is_iso_country(code), "{code}");
        }
        for code in ["QQ", "ke", "K", "KEN", "", "UK", "EU"] {
            assert!(!is_iso_country(code), "{code}");
        }
    }

    #[test]
    fn the_value_in_force_is_the_latest_that_took_effect_by_that_date() {
        let entries = vec![
            entry(1, "dp_status_drugs", Some(json!("DRUG_DP_EXECUTING")), "2020-01-01"),
            entry(2, "dp_status_drugs", Some(json!("DRUG_DP_SENTENCING")), "2024-06-01"),
            // Recorded later but effective earlier: a correction of the past.
            entry(3, "dp_status_drugs", Some(json!("DRUG_DP_ABOLITIONIST_IN_PRACTICE")), "2022-01-01"),
        ];
        let value = |d: &str| in_force(&entries, on(d)).value("dp_status_drugs").cloned();
        assert_eq!(value("2019-12-31"), None, "before any entry nothing is in force");
        assert_eq!(value("2020-01-01"), Some(json!("DRUG_DP_EXECUTING")), "an entry is in force on its own date");
        assert_eq!(value("2021-12-31"), Some(json!("DRUG_DP_EXECUTING")));
        assert_eq!(value("2022-01-01"), Some(json!("DRUG_DP_ABOLITIONIST_IN_PRACTICE")));
        assert_eq!(value("2024-05-31"), Some(json!("DRUG_DP_ABOLITIONIST_IN_PRACTICE")));
        assert_eq!(value("2030-01-01"), Some(json!("DRUG_DP_SENTENCING")));
        assert_eq!(in_force(&entries, on("2030-01-01")).value("dp_mandatory_for_drugs"), None, "other questions");
    }

    #[test]
    fn of_two_changes_on_the_same_day_the_one_recorded_last_is_in_force() {
        let entries = vec![
            entry(7, "compulsory_drug_detention_centres", Some(json!(false)), "2025-03-01"),
            entry(5, "compulsory_drug_detention_centres", Some(json!(true)), "2025-03-01"),
        ];
        let now = in_force(&entries, on("2025-03-01"));
        assert_eq!(now.value("compulsory_drug_detention_centres"), Some(&json!(false)));
        assert_eq!(now.entry("compulsory_drug_detention_centres").unwrap().id, 7);
    }

    #[test]
    fn an_entry_without_a_value_ends_the_value_in_force() {
        let entries = vec![
            entry(1, "dp_mandatory_for_drugs", Some(json!(true)), "2020-01-01"),
            entry(2, "dp_mandatory_for_drugs", None, "2023-01-01"),
        ];
        assert_eq!(in_force(&entries, on("2022-12-31")).value("dp_mandatory_for_drugs"), Some(&json!(true)));
        let later = in_force(&entries, on("2023-01-01"));
        assert_eq!(later.value("dp_mandatory_for_drugs"), None);
        assert_eq!(later.entry("dp_mandatory_for_drugs").map(|e| e.id), Some(2), "the ending entry is still shown");
        assert_eq!(CaseBasis::from_in_force(&later).items.len(), 0, "nothing to pre-fill");
    }

    #[test]
    fn changes_are_the_questions_whose_posted_value_differs() {
        let entries = vec![
            entry(1, "dp_status_drugs", Some(json!("DRUG_DP_EXECUTING")), "2020-01-01"),
            entry(2, "dp_mandatory_for_drugs", Some(json!(true)), "2020-01-01"),
            entry(3, "armed_conflict_or_peace_operation", Some(json!(false)), "2020-01-01"),
        ];
        let current = in_force(&entries, on("2026-01-01"));
        let posted = json!({
            "dp_status_drugs": "DRUG_DP_ABOLITIONIST_IN_PRACTICE",
            "dp_mandatory_for_drugs": null,
            "armed_conflict_or_peace_operation": false,
            "compulsory_drug_detention_centres": true,
        });
        let found = changes(&current, posted.as_object().unwrap());
        let questions: Vec<&str> = found.iter().map(|c| c.question.as_str()).collect();
        assert_eq!(questions, ["dp_status_drugs", "dp_mandatory_for_drugs", "compulsory_drug_detention_centres"]);
        assert_eq!(found[1].value, None);
        assert!(touches_death_penalty(&found));
        assert!(!touches_death_penalty(&found[2..]));
    }

    #[cfg(feature = "ssr")]
    fn registry() -> Registry {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/methodology");
        crate::methodology::load_registry_from_dir(std::path::Path::new(dir)).expect("catalogue")
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_reference_questions_are_the_catalogues_country_step() {
        let registry = registry();
        let catalogue = registry.current().unwrap();
        let step = catalogue.steps.iter().find(|s| s.slug == "country").expect("a country step");
        assert_eq!(step.questions, QUESTIONS);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn values_are_checked_as_the_wizard_checks_step_two() {
        let registry = registry();
        let check = |v: Value| check_values(&registry, v.as_object().unwrap());
        assert_eq!(check(json!({})), vec![], "an empty table is allowed");
        assert_eq!(
            check(
                json!({"dp_status_drugs": "DRUG_DP_EXECUTING", "dp_mandatory_for_drugs": true, "drug_executions_5y": 3})
            ),
            vec![]
        );
        let wrong = check(json!({"dp_status_drugs": "DP_BUT_NOT_FOR_DRUGS", "dp_mandatory_for_drugs": true}));
        assert_eq!(wrong.len(), 1, "{wrong:?}");
        assert_eq!(wrong[0].question, "dp_mandatory_for_drugs", "4.2 only when 4.1 allows it");
        let wrong = check(json!({"dp_status_drugs": "DRUG_DP_SENTENCING", "drug_executions_5y": 2}));
        assert_eq!(wrong.iter().map(|p| p.question.as_str()).collect::<Vec<_>>(), ["drug_executions_5y"]);
        let wrong = check(json!({"dp_status_drugs": "SOMETIMES", "compulsory_drug_detention_centres": "yes"}));
        let questions: Vec<&str> = wrong.iter().map(|p| p.question.as_str()).collect();
        assert!(questions.contains(&"dp_status_drugs") && questions.contains(&"compulsory_drug_detention_centres"));
    }
}
