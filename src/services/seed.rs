//! `hrdd seed --cases N`: realistic cases for demos and benchmarks.
//!
//! Each case starts from one of the methodology's worked examples (spec `examples/`), gets a country,
//! office, title, dates and one to three support components drawn from the examples, and then has
//! its answers varied within the closed lists (records, accountability, measure statuses…). The engine
//! scores every draft exactly as the wizard would; a variation that makes the document invalid is
//! dropped for the unvaried answers. Complete cases that nothing blocks are spread over every
//! workflow state (spec §10.2) with the history that state implies: submission snapshots, returns
//! with the reviewer's comment, sign-offs by a reviewer of the required level with their immutable
//! record, re-assessed versions that superseded their predecessor — and the hash-chained audit
//! events of all of it, so `hrdd audit verify` passes on a seeded database. The actors are the demo
//! accounts. Rows are written in batched transactions.

use crate::accounts::Role;
use crate::audit::{self, Action, NewEvent};
use crate::cases::figures::Figures;
use crate::cases::parts::{EVIDENCE, MEASURES};
use crate::cases::CaseState;
use crate::error::AppError;
use crate::methodology::codes::FinalDecision;
use crate::methodology::draft::{score_draft, ComponentDraft, Draft};
use crate::methodology::Registry;
use crate::review::record::{record_time, sealed, SignOffRecord, SignedDecision, SubmissionRecord};
use crate::store::cases::{NewCaseRow, NewSnapshot};
use crate::store::review::{Decision, NewComment};
use crate::store::{Store, Write};
use chrono::{Datelike, Duration, Utc};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};
use std::collections::HashMap;

const EXAMPLES: [&str; 5] = [
    include_str!("../../tests/fixtures/examples/01_low_forensic_lab_police.answers.json"),
    include_str!("../../tests/fixtures/examples/02_moderate_womens_prison.answers.json"),
    include_str!("../../tests/fixtures/examples/03_substantial_gendarmerie_vehicles.answers.json"),
    include_str!("../../tests/fixtures/examples/04_high_drafting_mandatory_detention.answers.json"),
    include_str!("../../tests/fixtures/examples/05_hard_rule_executing_state_case_management.answers.json"),
];

/// Countries with their weight: most cases where the demo accounts work (KE, UG).
const COUNTRIES: &[(&str, u32)] = &[
    ("KE", 30),
    ("UG", 25),
    ("TZ", 6),
    ("ET", 6),
    ("NG", 5),
    ("ML", 4),
    ("CO", 6),
    ("PE", 4),
    ("MM", 4),
    ("PH", 5),
    ("KG", 3),
    ("XK", 2),
];
const OFFICES: &[&str] = &["Country Office", "Programme Office", "Regional Office", "Field Office", "Liaison Office"];
const TOPICS: &[&str] = &[
    "Border management",
    "Forensic capacity",
    "Prison reform",
    "Drug-law reform",
    "Port control",
    "Community policing",
    "Alternatives to incarceration",
    "Case-management systems",
    "Airport interdiction",
    "Treatment and care",
    "Anti-money-laundering",
    "Juvenile justice",
];
const PHASES: &[&str] = &["phase I", "phase II", "pilot", "scale-up", "2026–2027", "extension"];
const RECORDS: &[&str] =
    &["NONE_KNOWN", "ISOLATED_INVESTIGATED", "CREDIBLE_NOT_INVESTIGATED", "CREDIBLE_PATTERN", "UNKNOWN"];
const ACCOUNTABILITY: &[&str] = &["EFFECTIVE", "PARTIAL", "NONE_IMPUNITY", "UNKNOWN"];
const MEASURE_STATUS: &[&str] = &["PROPOSED", "AGREED_IN_WRITING", "IN_PLACE", "VERIFIED"];

/// How many case versions of each state were written (`superseded` versions come with the decided
/// re-assessment that replaced them, so rows = the requested count + `superseded`).
#[derive(Debug, Default, Clone, Copy)]
pub struct SeedReport {
    pub drafts: u64,
    pub submitted: u64,
    pub returned: u64,
    pub decided: u64,
    pub superseded: u64,
}

impl SeedReport {
    pub fn rows(&self) -> u64 {
        self.drafts + self.submitted + self.returned + self.decided + self.superseded
    }
}

/// A demo account acting in the seeded history.
#[derive(Clone, Debug)]
struct Actor {
    id: i64,
    email: String,
}

/// The demo accounts that create, advise on and decide the seeded cases.
struct Cast {
    assessor: Actor,
    reviewers: [Actor; 3],
}

async fn cast(db: &Store) -> Result<Cast, AppError> {
    let actor = |email: &'static str| async move {
        let id = db.user_id_by_email(email, false).await?;
        id.map(|id| Actor { id, email: email.to_string() })
            .ok_or_else(|| AppError::internal(format!("the demo account {email} is missing (run the demo seed first)")))
    };
    Ok(Cast {
        assessor: actor("assessor@demo.hrdd").await?,
        reviewers: [
            actor("reviewer1@demo.hrdd").await?,
            actor("reviewer2@demo.hrdd").await?,
            actor("reviewer3@demo.hrdd").await?,
        ],
    })
}

/// Creates `count` cases (by the demo assessor), reproducibly from `seed`.
pub async fn seed_cases(db: &Store, registry: &Registry, count: u64, seed: u64) -> Result<SeedReport, AppError> {
    let cast = cast(db).await?;
    let mut rng = StdRng::seed_from_u64(seed);
    let templates: Vec<Draft> =
        EXAMPLES.iter().map(|t| Draft::parse(t).expect("bundled examples are answers documents")).collect();
    let components: Vec<ComponentDraft> = templates.iter().flat_map(|t| t.components.iter().cloned()).collect();
    let mut counters = next_reference_numbers(db).await?;
    let mut report = SeedReport::default();
    let now = Utc::now();
    let mut batch = Vec::with_capacity(500);
    for n in 0..count {
        batch.push(make_case(&mut rng, registry, &templates, &components, &mut counters, now, n)?);
        if batch.len() == 500 || n + 1 == count {
            for case in &batch {
                match case.state {
                    CaseState::Draft => report.drafts += 1,
                    CaseState::Submitted => report.submitted += 1,
                    CaseState::Returned => report.returned += 1,
                    CaseState::Decided => report.decided += 1,
                    CaseState::Superseded => {
                        report.superseded += 1;
                        report.decided += 1;
                    }
                }
            }
            write_batch(db, registry, &cast, &batch).await?;
            batch.clear();
        }
    }
    Ok(report)
}

struct SeedCase {
    reference: String,
    country: String,
    title: String,
    version: String,
    state: CaseState,
    figures: Figures,
    at: chrono::DateTime<Utc>,
    /// The result to freeze for a case that was submitted at some point.
    snapshot: Option<Box<crate::methodology::ResultDocument>>,
    doc: Draft,
    index: crate::portfolio::index::CaseIndex,
}

/// The next free reference number per `CC-YYYY-` prefix.
async fn next_reference_numbers(db: &Store) -> Result<HashMap<String, u64>, AppError> {
    let refs: Vec<String> = db.case_references().await?.into_values().collect();
    let mut out: HashMap<String, u64> = HashMap::new();
    for r in refs {
        if let Some((prefix, number)) = r.rsplit_once('-') {
            let n = number.parse::<u64>().unwrap_or(0);
            let slot = out.entry(format!("{prefix}-")).or_insert(0);
            *slot = (*slot).max(n);
        }
    }
    Ok(out)
}

fn pick<'a, T>(rng: &mut StdRng, items: &'a [T]) -> &'a T {
    items.choose(rng).expect("non-empty list")
}

fn make_case(
    rng: &mut StdRng,
    registry: &Registry,
    templates: &[Draft],
    components: &[ComponentDraft],
    counters: &mut HashMap<String, u64>,
    now: chrono::DateTime<Utc>,
    n: u64,
) -> Result<SeedCase, AppError> {
    let country = COUNTRIES.choose_weighted(rng, |c| c.1).map(|c| c.0).unwrap_or("KE").to_string();
    let mut doc = pick(rng, templates).clone();
    let at = now - Duration::minutes(rng.gen_range(0..(60 * 24 * 540)));
    let title = format!("{} {} — {}", pick(rng, TOPICS), pick(rng, PHASES), n + 1);
    doc.case.insert("country", json!(country));
    doc.case.insert("office", json!(pick(rng, OFFICES)));
    doc.case.insert("programme_title", json!(title));
    doc.case.insert("assessment_date", json!(at.date_naive().to_string()));
    let extra = rng.gen_range(0..3);
    for i in 0..extra {
        let mut c = pick(rng, components).clone();
        c.component_id = format!("C{}", i + 2);
        doc.components.push(c);
    }
    let plain = doc.clone();
    vary(rng, &mut doc);
    let mut outcome = score_draft(registry, &doc);
    if !outcome.is_valid() {
        doc = plain;
        outcome = score_draft(registry, &doc);
    }
    // About a third of the cases are left half-done, as drafts are in real life.
    let half_done = rng.gen_bool(0.3);
    if half_done {
        if let Some(c) = doc.components.first_mut() {
            c.parts.insert(EVIDENCE.key.into(), json!([]));
            c.parts.remove(MEASURES.key);
        }
        outcome = score_draft(registry, &doc);
    }
    let result = outcome.result();
    let state = match (result.is_some_and(|r| r.can_submit), rng.gen_range(0..100)) {
        (false, _) | (true, 0..25) => CaseState::Draft,
        (true, 25..45) => CaseState::Submitted,
        (true, 45..55) => CaseState::Returned,
        (true, 55..90) => CaseState::Decided,
        (true, _) => CaseState::Superseded,
    };
    let prefix = format!("{country}-{}-", at.year());
    let number = counters.entry(prefix.clone()).or_insert(0);
    *number += 1;
    let reference = format!("{prefix}{:04}", number);
    let version = doc.methodology_version.clone();
    let snapshot = match (state, result) {
        (CaseState::Draft, _) | (_, None) => None,
        (_, Some(r)) => Some(Box::new(r.clone())),
    };
    let figures = crate::cases::figures::figures(&outcome);
    let index = crate::portfolio::index::CaseIndex::build(&doc, &outcome, &HashMap::new());
    Ok(SeedCase { index, reference, country, title, version, state, doc, figures, at, snapshot })
}

/// Varies the answers within their closed lists so cases differ in band, rules and decisions.
fn vary(rng: &mut StdRng, doc: &mut Draft) {
    for c in &mut doc.components {
        let answers = &mut c.answers;
        if answers.get("violation_record").is_some() && rng.gen_bool(0.5) {
            let record = *pick(rng, RECORDS);
            answers.insert("violation_record", json!(record));
            if matches!(record, "NONE_KNOWN" | "UNKNOWN") {
                answers.remove("violation_types");
            } else if answers.get("violation_types").is_none() {
                answers.insert("violation_types", json!(["ARBITRARY_DETENTION"]));
            }
        }
        if answers.get("accountability").is_some() && rng.gen_bool(0.5) {
            answers.insert("accountability", json!(pick(rng, ACCOUNTABILITY)));
        }
        for m in c.parts.get_mut(MEASURES.key).and_then(Value::as_array_mut).into_iter().flatten() {
            if rng.gen_bool(0.4) {
                if let Some(m) = m.as_object_mut() {
                    m.insert("status".into(), json!(pick(rng, MEASURE_STATUS)));
                }
            }
        }
    }
}

/// A point in a seeded case's history: `days` after it was created, never in the future.
fn later(c: &SeedCase, days: i64) -> chrono::DateTime<Utc> {
    (c.at + Duration::days(days)).min(Utc::now())
}

fn event(
    case_id: i64,
    version: i64,
    actor: &Actor,
    role: Role,
    action: Action,
    at: chrono::DateTime<Utc>,
    details: Value,
) -> NewEvent {
    NewEvent {
        subject: audit::Subject::Case { id: case_id, version },
        actor: audit::Actor { id: Some(actor.id), name: actor.email.clone() },
        role: role.as_str(),
        action,
        at: audit::timestamp(at),
        details,
    }
}

/// The reviewer who signs: the lowest demo level that suffices and covers the country
/// (the level-1 demo reviewer works in KE and UG only).
fn signer<'c>(cast: &'c Cast, level: u8, country: &str) -> &'c Actor {
    match level {
        1 if matches!(country, "KE" | "UG") => &cast.reviewers[0],
        0..=2 => &cast.reviewers[1],
        _ => &cast.reviewers[2],
    }
}

/// Final decisions as a reviewer of the required level would choose them: the recommendation's
/// own counterpart (conditions written where they are required).
fn seeded_sign_off(
    registry: &Registry,
    case_id: i64,
    version: i64,
    doc: &Draft,
    result: &crate::methodology::ResultDocument,
    signer: &Actor,
    at: chrono::DateTime<Utc>,
) -> Result<(SignOffRecord, String, String, Option<&'static str>), AppError> {
    use crate::review::rules::allowed_decisions;
    let status = doc
        .case
        .text("implementation_status")
        .and_then(crate::methodology::codes::ImplementationStatus::parse)
        .unwrap_or(crate::methodology::codes::ImplementationStatus::NotStarted);
    let mut overall: Option<FinalDecision> = None;
    let decisions = result
        .components
        .iter()
        .map(|comp| {
            let d = likely_decision(comp, &allowed_decisions(comp, status));
            if overall.is_none_or(|o| (d.rank(), d) > (o.rank(), o)) {
                overall = Some(d);
            }
            let conditions = (d == FinalDecision::ProceedWithConditions)
                .then_some("Quarterly monitoring reports shared with the human-rights adviser; suspension clause in the agreement.");
            SignedDecision::new(comp, d, conditions)
        })
        .collect();
    let catalogue = registry.get(&doc.methodology_version).expect("seeded with a loaded methodology");
    let answers = crate::methodology::draft::applicable(catalogue, doc);
    let record = SignOffRecord {
        case_id,
        version,
        methodology_version: answers.methodology_version.clone(),
        answers,
        result: result.clone(),
        decisions,
        signed_by: signer.email.clone(),
        signer_level: result.approval_level_required,
        signed_at: record_time(at),
        comment: None,
    };
    let (text, hash) = sealed(&record).map_err(AppError::internal)?;
    Ok((record, text, hash, overall.map(|d| d.code())))
}

/// Writes a batch of cases in one transaction, through the same store operations as the app's
/// create, submit, return and sign-off, with the sample's own (past) times.
async fn write_batch(db: &Store, registry: &Registry, cast: &Cast, batch: &[SeedCase]) -> Result<(), AppError> {
    let assessor = &cast.assessor;
    let mut write = db.write().await?;
    for c in batch {
        let v1 = Version { reference: &c.reference, number: 1, previous: None, doc: &c.doc };
        let created = json!({ "reference": c.reference, "answers_hash": audit::answers_hash(&c.doc.to_value()) });
        let id =
            start_version(&mut write, c, &v1, &c.figures, &c.index, Action::Created, created, assessor, c.at).await?;
        let Some(result) = &c.snapshot else { continue };
        submit_version(&mut write, id, &v1, result, assessor, later(c, 2)).await?;
        match c.state {
            CaseState::Returned => {
                let reviewer = signer(cast, 1, &c.country);
                let at = later(c, 5);
                let body = "Please add the source of the violation record and confirm the monitoring indicator.";
                write.mark_returned(id, reviewer.id, at).await?;
                let comment = NewComment {
                    case_id: id,
                    anchor: "",
                    body,
                    kind: "RETURN",
                    author: reviewer.id,
                    author_role: Role::Reviewer.as_str(),
                    at,
                };
                let comment_id = write.insert_comment(&comment).await?;
                let entry = crate::services::review::comment_entry(comment_id, "", "RETURN", body);
                let details = json!({ "anchor": "", "comment": entry });
                write.append_event(&event(id, 1, reviewer, Role::Reviewer, Action::Returned, at, details)).await?;
            }
            CaseState::Decided | CaseState::Superseded => {
                let reviewer = signer(cast, result.approval_level_required, &c.country);
                sign_version(&mut write, registry, id, &v1, result, reviewer, later(c, 9)).await?;
                if c.state == CaseState::Superseded {
                    write_reassessment(&mut write, registry, cast, c, id).await?;
                }
            }
            _ => {}
        }
    }
    write.commit().await?;
    Ok(())
}

/// One version of a seeded series.
struct Version<'a> {
    reference: &'a str,
    number: i64,
    previous: Option<i64>,
    doc: &'a Draft,
}

/// Inserts a version as a draft with its first revision, index rows and opening event.
#[allow(clippy::too_many_arguments)]
async fn start_version(
    write: &mut Write,
    c: &SeedCase,
    v: &Version<'_>,
    figures: &Figures,
    index: &crate::portfolio::index::CaseIndex,
    action: Action,
    details: Value,
    assessor: &Actor,
    at: chrono::DateTime<Utc>,
) -> Result<i64, AppError> {
    let answers = v.doc.to_text();
    let row = NewCaseRow {
        reference: v.reference,
        country: &c.country,
        title: &c.title,
        methodology_version: &c.version,
        version_no: v.number,
        previous_id: v.previous,
        answers: &answers,
        figures,
        author: assessor.id,
        at,
    };
    let id = write.insert_case(&row).await?;
    write.insert_revision(id, 1, &answers, assessor.id, at, Role::Assessor.as_str()).await?;
    write.write_case_index(id, index).await?;
    write.append_event(&event(id, v.number, assessor, Role::Assessor, action, at, details)).await?;
    Ok(id)
}

/// Submits revision 1 of a version: its snapshot and event.
async fn submit_version(
    write: &mut Write,
    id: i64,
    v: &Version<'_>,
    result: &crate::methodology::ResultDocument,
    assessor: &Actor,
    at: chrono::DateTime<Utc>,
) -> Result<(), AppError> {
    write.mark_submitted(id, 1, assessor.id, at).await?;
    let record = SubmissionRecord::new(id, v.reference, 1, v.doc.clone(), result, &assessor.email, at);
    let (text, hash) = sealed(&record).map_err(AppError::internal)?;
    let snapshot =
        NewSnapshot { case_id: id, kind: "SUBMISSION", revision: 1, record: &text, hash: &hash, by: assessor.id, at };
    write.insert_snapshot(&snapshot).await?;
    let details =
        json!({ "revision": 1, "content_hash": hash, "answers_hash": audit::answers_hash(&v.doc.to_value()) });
    write.append_event(&event(id, v.number, assessor, Role::Assessor, Action::Submitted, at, details)).await?;
    Ok(())
}

/// Signs a submitted version off with the decisions a reviewer most likely takes.
async fn sign_version(
    write: &mut Write,
    registry: &Registry,
    id: i64,
    v: &Version<'_>,
    result: &crate::methodology::ResultDocument,
    reviewer: &Actor,
    at: chrono::DateTime<Utc>,
) -> Result<(), AppError> {
    let (record, text, hash, overall) = seeded_sign_off(registry, id, v.number, v.doc, result, reviewer, at)?;
    write.mark_decided(&Decision { case_id: id, revision: 1, final_decision: overall, by: reviewer.id, at }).await?;
    write.write_final_decisions(id, &crate::portfolio::index::finals(&record.decisions)).await?;
    let snapshot =
        NewSnapshot { case_id: id, kind: "SIGN_OFF", revision: 1, record: &text, hash: &hash, by: reviewer.id, at };
    write.insert_snapshot(&snapshot).await?;
    let decisions: Vec<String> =
        record.decisions.iter().map(|d| format!("{}: {}", d.component_id, d.final_decision.code())).collect();
    let details = json!({ "content_hash": hash, "decisions": decisions });
    write.append_event(&event(id, v.number, reviewer, Role::Reviewer, Action::SignedOff, at, details)).await?;
    Ok(())
}

/// A periodic re-assessment (version 2) of a decided case, decided, which supersedes version 1.
async fn write_reassessment(
    write: &mut Write,
    registry: &Registry,
    cast: &Cast,
    c: &SeedCase,
    id: i64,
) -> Result<(), AppError> {
    let mut doc = c.doc.clone();
    doc.case.insert("assessment_type", json!("PERIODIC"));
    let outcome = score_draft(registry, &doc);
    // Not expected (only 1.6 changed); version 1 then simply stays decided.
    let Some(result) = outcome.result().filter(|r| r.can_submit) else { return Ok(()) };
    let reference = format!("{}-v2", c.reference);
    let v2 = Version { reference: &reference, number: 2, previous: Some(id), doc: &doc };
    let (start, submit, decide) = (later(c, 200), later(c, 203), later(c, 210));
    let reviewer = signer(cast, result.approval_level_required, &c.country);
    let figures = crate::cases::figures::figures(&outcome);
    let index = crate::portfolio::index::CaseIndex::build(&doc, &outcome, &HashMap::new());
    let started =
        json!({ "reference": reference, "answers_hash": audit::answers_hash(&doc.to_value()), "previous_case_id": id });
    let id2 =
        start_version(write, c, &v2, &figures, &index, Action::ReassessmentStarted, started, &cast.assessor, start)
            .await?;
    submit_version(write, id2, &v2, result, &cast.assessor, submit).await?;
    sign_version(write, registry, id2, &v2, result, reviewer, decide).await?;
    write.mark_superseded(id).await?;
    let details = json!({ "reference": reference, "case_id": id2 });
    write.append_event(&event(id, 1, reviewer, Role::Reviewer, Action::Superseded, decide, details)).await?;
    Ok(())
}

/// The decision a reviewer most likely takes: the proposed decision when allowed, else the
/// recommendation's own counterpart (ESCALATE → PROCEED_WITH_CONDITIONS), else the first allowed.
/// Sample data only: the sign-off form preselects nothing.
fn likely_decision(
    component: &crate::methodology::result::ComponentResult,
    allowed: &[FinalDecision],
) -> FinalDecision {
    use crate::methodology::codes::RecommendedDecision;
    let own = match component.recommended_decision {
        RecommendedDecision::Proceed => Some(FinalDecision::Proceed),
        RecommendedDecision::ProceedWithMitigation => Some(FinalDecision::ProceedWithMitigation),
        RecommendedDecision::Escalate => Some(FinalDecision::ProceedWithConditions),
        RecommendedDecision::DoNotProceed => Some(FinalDecision::DoNotProceed),
        RecommendedDecision::Suspend => Some(FinalDecision::Suspend),
        RecommendedDecision::TemporaryFreeze => Some(FinalDecision::TemporaryFreeze),
    };
    [component.proposed_decision, own]
        .into_iter()
        .flatten()
        .find(|d| allowed.contains(d))
        .or_else(|| allowed.first().copied())
        .unwrap_or(FinalDecision::DoNotProceed)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sample_sign_offs_take_the_recommendations_counterpart_when_allowed() {
        use super::{likely_decision, FinalDecision};
        use crate::methodology::codes::ImplementationStatus;
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/methodology");
        let registry = crate::methodology::load_registry_from_dir(std::path::Path::new(dir)).expect("methodology");
        let example = "/tests/fixtures/examples/03_substantial_gendarmerie_vehicles.answers.json";
        let text = std::fs::read_to_string(format!("{}{example}", env!("CARGO_MANIFEST_DIR"))).expect("example 3");
        let doc = crate::methodology::draft::Draft::parse(&text).expect("json");
        let result = crate::methodology::draft::score_draft(&registry, &doc).result().cloned().expect("scores");
        let c = &result.components[0];
        let allowed = crate::review::rules::allowed_decisions(c, ImplementationStatus::NotStarted);
        assert_eq!(likely_decision(c, &allowed), FinalDecision::ProceedWithConditions);
        assert_eq!(likely_decision(c, &[FinalDecision::DoNotProceed]), FinalDecision::DoNotProceed);
    }
}
