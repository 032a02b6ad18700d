//! `hrdd seed --cases N`: realistic cases for demos and benchmarks.
//!
//! Each case starts from one of the methodology's worked examples (spec `examples/`), gets a country,
//! office, title, dates and one to three support components drawn from the examples, and then has
//! its answers varied within the closed lists (records, accountability, measure statuses…). The engine
//! scores every draft exactly as the wizard would; a variation that makes the document invalid is
//! dropped for the unvaried answers. Complete cases that nothing blocks are submitted (with their
//! submission snapshot), the others stay drafts. Rows are written in batched transactions.

use super::wizard::{content_hash, submission_record};
use super::CaseState;
use crate::error::AppError;
use crate::methodology::draft::score_draft;
use crate::methodology::Registry;
use crate::server::db::Db;
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

#[derive(Debug, Default, Clone, Copy)]
pub struct SeedReport {
    pub drafts: u64,
    pub submitted: u64,
}

/// Creates `count` cases created by the user `creator` (an assessor), reproducibly from `seed`.
pub async fn seed_cases(
    db: &Db,
    registry: &Registry,
    creator: i64,
    count: u64,
    seed: u64,
) -> Result<SeedReport, AppError> {
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
                if case.state == CaseState::Submitted {
                    report.submitted += 1;
                } else {
                    report.drafts += 1;
                }
            }
            write_batch(db, creator, &batch).await?;
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
    /// The result to freeze for a submitted case.
    snapshot: Option<Box<crate::methodology::ResultDocument>>,
    doc: Value,
}

/// The next free reference number per `CC-YYYY-` prefix.
async fn next_reference_numbers(db: &Db) -> Result<HashMap<String, u64>, AppError> {
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
    let state =
        if result.is_some_and(|r| r.can_submit) && rng.gen_bool(0.6) { CaseState::Submitted } else { CaseState::Draft };
    let prefix = format!("{country}-{}-", at.year());
    let number = counters.entry(prefix.clone()).or_insert(0);
    *number += 1;
    let reference = format!("{prefix}{:04}", number);
    let version = doc["methodology_version"].as_str().unwrap_or_default().to_string();
    let snapshot = match (state, result) {
        (CaseState::Submitted, Some(r)) => Some(Box::new(r.clone())),
        _ => None,
    };
    Ok(SeedCase {
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

async fn write_batch(db: &Db, creator: i64, batch: &[SeedCase]) -> Result<(), AppError> {
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        for c in batch {
            let submitted_at = (c.state == CaseState::Submitted).then_some(c.at);
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO cases (reference, country, title, methodology_version, state, version_no, revision, answers, valid, can_submit, overall_band, overall_decision, next_review_date, created_by, created_at, updated_by, updated_at, submitted_at)
                 VALUES ($1, $2, $3, $4, $5, 1, 1, $6, $7, $8, $9, $10, $11, $12, $13, $12, $13, $14) RETURNING id",
            )
            .bind(&c.reference).bind(&c.country).bind(&c.title).bind(&c.version).bind(c.state.as_str())
            .bind(&c.answers).bind(c.valid).bind(c.can_submit).bind(&c.band).bind(&c.decision).bind(&c.next_review)
            .bind(creator).bind(c.at).bind(submitted_at)
            .fetch_one(&mut *tx).await?;
            sqlx::query("INSERT INTO case_revisions (case_id, revision, answers, saved_by, saved_at) VALUES ($1, 1, $2, $3, $4)")
                .bind(id).bind(&c.answers).bind(creator).bind(c.at).execute(&mut *tx).await?;
            if let Some(result) = &c.snapshot {
                let record = submission_record(id, &c.reference, 1, &c.doc, result, "seed", c.at);
                let hash = content_hash(&record).map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
                let record = record.to_string();
                sqlx::query("INSERT INTO case_snapshots (case_id, kind, revision, record, content_hash, created_by, created_at) VALUES ($1, 'SUBMISSION', 1, $2, $3, $4, $5)")
                    .bind(id).bind(&record).bind(&hash).bind(creator).bind(c.at).execute(&mut *tx).await?;
            }
        }
        tx.commit().await?;
        Ok::<(), sqlx::Error>(())
    })?;
    Ok(())
}
