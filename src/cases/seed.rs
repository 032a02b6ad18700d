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

use super::wizard::{content_hash, submission_record};
use super::CaseState;
use crate::accounts::Role;
use crate::audit::{self, Action, NewEvent};
use crate::error::AppError;
use crate::methodology::codes::FinalDecision;
use crate::methodology::draft::score_draft;
use crate::methodology::Registry;
use crate::store::Store;
use crate::with_pool;
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
        let id: Option<i64> = with_pool!(db, pool => sqlx::query_scalar("SELECT id FROM users WHERE email = $1").bind(email).fetch_optional(pool).await?);
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
    let templates: Vec<Value> =
        EXAMPLES.iter().map(|t| serde_json::from_str(t).expect("bundled examples are JSON")).collect();
    let components: Vec<Value> =
        templates.iter().flat_map(|t| t["components"].as_array().cloned().unwrap_or_default()).collect();
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
    answers: String,
    valid: bool,
    can_submit: bool,
    band: Option<String>,
    decision: Option<String>,
    next_review: Option<String>,
    at: chrono::DateTime<Utc>,
    /// The result to freeze for a case that was submitted at some point.
    snapshot: Option<Box<crate::methodology::ResultDocument>>,
    doc: Value,
    approval_level: Option<i64>,
    blocking_codes: String,
    index: crate::portfolio::index::CaseIndex,
}

/// The next free reference number per `CC-YYYY-` prefix.
async fn next_reference_numbers(db: &Store) -> Result<HashMap<String, u64>, AppError> {
    let refs: Vec<String> =
        with_pool!(db, pool => sqlx::query_scalar("SELECT reference FROM cases").fetch_all(pool).await?);
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
    templates: &[Value],
    components: &[Value],
    counters: &mut HashMap<String, u64>,
    now: chrono::DateTime<Utc>,
    n: u64,
) -> Result<SeedCase, AppError> {
    let country = COUNTRIES.choose_weighted(rng, |c| c.1).map(|c| c.0).unwrap_or("KE").to_string();
    let mut doc = pick(rng, templates).clone();
    let at = now - Duration::minutes(rng.gen_range(0..(60 * 24 * 540)));
    let title = format!("{} {} — {}", pick(rng, TOPICS), pick(rng, PHASES), n + 1);
    doc["case"]["country"] = json!(country);
    doc["case"]["office"] = json!(pick(rng, OFFICES));
    doc["case"]["programme_title"] = json!(title);
    doc["case"]["assessment_date"] = json!(at.date_naive().to_string());
    let extra = rng.gen_range(0..3);
    if let Some(list) = doc["components"].as_array_mut() {
        for i in 0..extra {
            let mut c = pick(rng, components).clone();
            c["component_id"] = json!(format!("C{}", i + 2));
            list.push(c);
        }
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
        if let Some(c) = doc["components"][0].as_object_mut() {
            c.insert("evidence".into(), json!([]));
            c.remove("measures");
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
    let version = doc["methodology_version"].as_str().unwrap_or_default().to_string();
    let snapshot = match (state, result) {
        (CaseState::Draft, _) | (_, None) => None,
        (_, Some(r)) => Some(Box::new(r.clone())),
    };
    let figures = super::service::figures(&outcome);
    let index = crate::portfolio::index::CaseIndex::build(&doc, &outcome, &HashMap::new());
    Ok(SeedCase {
        index,
        reference,
        country,
        title,
        version,
        state,
        answers: doc.to_string(),
        doc,
        valid: result.is_some(),
        can_submit: result.is_some_and(|r| r.can_submit),
        band: result.map(|r| r.overall_band.code().to_string()),
        decision: result.map(|r| r.overall_decision.code().to_string()),
        next_review: result.and_then(|r| r.next_review_date).map(|d| d.to_string()),
        at,
        snapshot,
        approval_level: figures.approval_level,
        blocking_codes: figures.blocking_codes,
    })
}

/// Varies the answers within their closed lists so cases differ in band, rules and decisions.
fn vary(rng: &mut StdRng, doc: &mut Value) {
    if let Some(list) = doc["components"].as_array_mut() {
        for c in list {
            let answers = &mut c["answers"];
            if answers.get("violation_record").is_some() && rng.gen_bool(0.5) {
                let record = *pick(rng, RECORDS);
                answers["violation_record"] = json!(record);
                if matches!(record, "NONE_KNOWN" | "UNKNOWN") {
                    answers.as_object_mut().map(|a| a.remove("violation_types"));
                } else if answers.get("violation_types").is_none() {
                    answers["violation_types"] = json!(["ARBITRARY_DETENTION"]);
                }
            }
            if answers.get("accountability").is_some() && rng.gen_bool(0.5) {
                answers["accountability"] = json!(pick(rng, ACCOUNTABILITY));
            }
            if let Some(measures) = c["measures"].as_array_mut() {
                for m in measures {
                    if rng.gen_bool(0.4) {
                        m["status"] = json!(pick(rng, MEASURE_STATUS));
                    }
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
    doc: &Value,
    result: &crate::methodology::ResultDocument,
    signer: &Actor,
    at: chrono::DateTime<Utc>,
) -> (Value, String, Option<&'static str>) {
    use crate::review::rules::allowed_decisions;
    let status = doc["case"]["implementation_status"]
        .as_str()
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
            crate::review::service::decision_entry(comp, d, conditions)
        })
        .collect();
    let methodology = doc["methodology_version"].as_str().unwrap_or_default();
    let catalogue = registry.get(methodology).expect("seeded with a loaded methodology");
    let answers = crate::methodology::draft::applicable(catalogue, doc);
    let record = crate::review::service::sign_off_record(
        case_id,
        version,
        &answers,
        result,
        decisions,
        &signer.email,
        result.approval_level_required,
        at,
        None,
    );
    let hash = content_hash(&record).unwrap_or_default();
    (record, hash, overall.map(|d| d.code()))
}

async fn write_batch(db: &Store, registry: &Registry, cast: &Cast, batch: &[SeedCase]) -> Result<(), AppError> {
    let assessor = &cast.assessor;
    with_pool!(db, pool => {
        let mut tx = db.begin_write(pool).await?;
        for c in batch {
            // A superseded case is version 1 of a series whose version 2 is decided.
            let v1_state = if c.state == CaseState::Superseded { CaseState::Superseded } else { c.state };
            let submitted_at = c.snapshot.as_ref().map(|_| later(c, 2));
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO cases (reference, country, title, methodology_version, state, version_no, revision, answers, valid, can_submit, overall_band, overall_decision, next_review_date, approval_level, blocking_codes, created_by, created_at, updated_by, updated_at, submitted_at)
                 VALUES ($1, $2, $3, $4, $5, 1, 1, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $14, $15, $16) RETURNING id",
            )
            .bind(&c.reference).bind(&c.country).bind(&c.title).bind(&c.version).bind(v1_state.as_str())
            .bind(&c.answers).bind(c.valid).bind(c.can_submit).bind(&c.band).bind(&c.decision).bind(&c.next_review)
            .bind(c.approval_level).bind(&c.blocking_codes)
            .bind(assessor.id).bind(c.at).bind(submitted_at)
            .fetch_one(&mut *tx).await?;
            sqlx::query("INSERT INTO case_revisions (case_id, revision, answers, saved_by, saved_at) VALUES ($1, 1, $2, $3, $4)")
                .bind(id).bind(&c.answers).bind(assessor.id).bind(c.at).execute(&mut *tx).await?;
            crate::write_case_index!(tx, id, &c.index);
            let hash = audit::answers_hash(&c.doc);
            let created = event(id, 1, assessor, Role::Assessor, Action::Created, c.at, json!({ "reference": c.reference, "answers_hash": hash }));
            crate::append_event!(tx, &created);
            let Some(result) = &c.snapshot else { continue };
            let at = later(c, 2);
            let record = submission_record(id, &c.reference, 1, &c.doc, result, &assessor.email, at);
            let snapshot_hash = content_hash(&record).map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
            crate::insert_snapshot!(tx, case: id, kind: "SUBMISSION", revision: 1i64, record: &record.to_string(), hash: &snapshot_hash, by: assessor.id, at: at);
            let submitted = event(id, 1, assessor, Role::Assessor, Action::Submitted, at, json!({ "revision": 1, "content_hash": snapshot_hash, "answers_hash": hash }));
            crate::append_event!(tx, &submitted);
            match c.state {
                CaseState::Returned => {
                    let reviewer = signer(cast, 1, &c.country);
                    let at = later(c, 5);
                    let comment = "Please add the source of the violation record and confirm the monitoring indicator.";
                    sqlx::query("UPDATE cases SET state = 'RETURNED', updated_by = $1, updated_at = $2 WHERE id = $3")
                        .bind(reviewer.id).bind(at).bind(id).execute(&mut *tx).await?;
                    let comment_id: i64 = sqlx::query_scalar("INSERT INTO case_comments (case_id, anchor, body, kind, author_id, author_role, created_at) VALUES ($1, '', $2, 'RETURN', $3, 'reviewer', $4) RETURNING id")
                        .bind(id).bind(comment).bind(reviewer.id).bind(at).fetch_one(&mut *tx).await?;
                    let entry = crate::review::service::comment_entry(comment_id, "", "RETURN", comment);
                    let returned = event(id, 1, reviewer, Role::Reviewer, Action::Returned, at, json!({ "anchor": "", "comment": entry }));
                    crate::append_event!(tx, &returned);
                }
                CaseState::Decided | CaseState::Superseded => {
                    let reviewer = signer(cast, result.approval_level_required, &c.country);
                    let at = later(c, 9);
                    let (record, sign_hash, overall) = seeded_sign_off(registry, id, 1, &c.doc, result, reviewer, at);
                    sqlx::query("UPDATE cases SET final_decision = $1, decided_by = $2, decided_at = $3, updated_by = $2, updated_at = $3 WHERE id = $4")
                        .bind(overall).bind(reviewer.id).bind(at).bind(id).execute(&mut *tx).await?;
                    crate::write_final_decisions!(tx, id, &crate::portfolio::index::finals_from_record(&record));
                    crate::insert_snapshot!(tx, case: id, kind: "SIGN_OFF", revision: 1i64, record: &record.to_string(), hash: &sign_hash, by: reviewer.id, at: at);
                    let signed = event(id, 1, reviewer, Role::Reviewer, Action::SignedOff, at, json!({ "content_hash": sign_hash, "decisions": record["decisions"].as_array().map(|d| d.iter().map(|x| format!("{}: {}", x["component_id"].as_str().unwrap_or_default(), x["final_decision"].as_str().unwrap_or_default())).collect::<Vec<_>>()) }));
                    crate::append_event!(tx, &signed);
                    if c.state == CaseState::Superseded {
                        // A periodic re-assessment (version 2), decided, which superseded version 1.
                        let mut doc = c.doc.clone();
                        doc["case"]["assessment_type"] = json!("PERIODIC");
                        let text = doc.to_string();
                        let outcome = score_draft(registry, &doc);
                        let Some(result2) = outcome.result().filter(|r| r.can_submit) else {
                            // Not expected (only 1.6 changed); version 1 then simply stays decided.
                            sqlx::query("UPDATE cases SET state = 'DECIDED' WHERE id = $1").bind(id).execute(&mut *tx).await?;
                            continue;
                        };
                        let figures = super::service::figures(&outcome);
                        let reference = format!("{}-v2", c.reference);
                        let (start, submit, decide) = (later(c, 200), later(c, 203), later(c, 210));
                        let reviewer = signer(cast, result2.approval_level_required, &c.country);
                        let id2: i64 = sqlx::query_scalar(
                            "INSERT INTO cases (reference, country, title, methodology_version, state, version_no, previous_id, revision, answers, valid, can_submit, overall_band, overall_decision, next_review_date, approval_level, blocking_codes, created_by, created_at, updated_by, updated_at, submitted_at, decided_by, decided_at)
                             VALUES ($1, $2, $3, $4, 'DECIDED', 2, $5, 1, $6, TRUE, TRUE, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $14, $15) RETURNING id",
                        )
                        .bind(&reference).bind(&c.country).bind(&c.title).bind(&c.version).bind(id)
                        .bind(&text).bind(&figures.band).bind(&figures.decision).bind(&figures.next_review).bind(figures.approval_level).bind(&figures.blocking_codes)
                        .bind(assessor.id).bind(start).bind(reviewer.id).bind(decide).bind(submit)
                        .fetch_one(&mut *tx).await?;
                        sqlx::query("INSERT INTO case_revisions (case_id, revision, answers, saved_by, saved_at) VALUES ($1, 1, $2, $3, $4)")
                            .bind(id2).bind(&text).bind(assessor.id).bind(start).execute(&mut *tx).await?;
                        crate::write_case_index!(tx, id2, &crate::portfolio::index::CaseIndex::build(&doc, &outcome, &HashMap::new()));
                        let hash2 = audit::answers_hash(&doc);
                        let started = event(id2, 2, assessor, Role::Assessor, Action::ReassessmentStarted, start, json!({ "reference": reference, "answers_hash": hash2, "previous_case_id": id }));
                        crate::append_event!(tx, &started);
                        let record = submission_record(id2, &reference, 1, &doc, result2, &assessor.email, submit);
                        let submission_hash = content_hash(&record).map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
                        crate::insert_snapshot!(tx, case: id2, kind: "SUBMISSION", revision: 1i64, record: &record.to_string(), hash: &submission_hash, by: assessor.id, at: submit);
                        let submitted = event(id2, 2, assessor, Role::Assessor, Action::Submitted, submit, json!({ "revision": 1, "content_hash": submission_hash, "answers_hash": hash2 }));
                        crate::append_event!(tx, &submitted);
                        let (record, sign_hash, overall) = seeded_sign_off(registry, id2, 2, &doc, result2, reviewer, decide);
                        sqlx::query("UPDATE cases SET final_decision = $1 WHERE id = $2").bind(overall).bind(id2).execute(&mut *tx).await?;
                        crate::write_final_decisions!(tx, id2, &crate::portfolio::index::finals_from_record(&record));
                        crate::insert_snapshot!(tx, case: id2, kind: "SIGN_OFF", revision: 1i64, record: &record.to_string(), hash: &sign_hash, by: reviewer.id, at: decide);
                        let signed = event(id2, 2, reviewer, Role::Reviewer, Action::SignedOff, decide, json!({ "content_hash": sign_hash }));
                        crate::append_event!(tx, &signed);
                        let superseded = event(id, 1, reviewer, Role::Reviewer, Action::Superseded, decide, json!({ "reference": reference, "case_id": id2 }));
                        crate::append_event!(tx, &superseded);
                    }
                }
                _ => {}
            }
        }
        tx.commit().await?;
        Ok::<(), sqlx::Error>(())
    })?;
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
        let doc: serde_json::Value = serde_json::from_str(&text).expect("json");
        let result = crate::methodology::draft::score_draft(&registry, &doc).result().cloned().expect("scores");
        let c = &result.components[0];
        let allowed = crate::review::rules::allowed_decisions(c, ImplementationStatus::NotStarted);
        assert_eq!(likely_decision(c, &allowed), FinalDecision::ProceedWithConditions);
        assert_eq!(likely_decision(c, &[FinalDecision::DoNotProceed]), FinalDecision::DoNotProceed);
    }
}
