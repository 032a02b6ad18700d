//! Case operations over the database. Every query that returns cases is scoped by the caller's countries.

use crate::accounts::{CountryScope, CurrentUser};
use crate::cases::access;
use crate::cases::parts::CONSULTATIONS;
use crate::cases::{CaseFilter, CaseOverview, CasePage, CaseState};
use crate::error::AppError;
use crate::methodology::draft::{score_draft, Answers, ComponentDraft, Draft};
use crate::methodology::Registry;
use crate::store::cases::{ListRow, NewCaseRow};
use crate::store::query::Where;
use crate::store::{Store, StoreError};
use chrono::{Datelike, Utc};
use serde_json::json;

pub use crate::cases::query::{review_cutoff, today, MAX_PAGE};

/// The case list for `user`: filtered, scoped by country, newest change first, one page of `page_size`.
/// Lists read `case_facts` (the narrow copy of each version's figures), never the answers.
pub async fn list(db: &Store, user: &CurrentUser, filter: &CaseFilter, page_size: u32) -> Result<CasePage, AppError> {
    access::require_reader(user)?;
    let query = filter.parse()?;
    let w = Where::scoped(&user.scope, &query);
    let total = db.case_count(&w, query.counts_suffice()).await?;
    let pages = ((total as u32).div_ceil(page_size)).max(1);
    let page = filter.page.unwrap_or(1).clamp(1, pages);
    let offset = i64::from((page - 1) * page_size);
    let rows = db.case_list(&w, i64::from(page_size), offset).await?;
    let countries = countries(db, user).await?;
    let can_create = user.has(crate::accounts::Role::Assessor);
    Ok(CasePage {
        items: rows.into_iter().map(ListRow::into_item).collect(),
        total,
        page,
        pages,
        countries,
        can_create,
    })
}

/// The countries `user` may filter by: their scope, or every country with cases when "all".
pub async fn countries(db: &Store, user: &CurrentUser) -> Result<Vec<String>, AppError> {
    Ok(match &user.scope {
        CountryScope::Countries(list) => list.clone(),
        CountryScope::All => db.countries_with_cases().await?,
    })
}

/// What an assessor gives to start an assessment; the rest is answered in the wizard.
#[derive(Clone, Debug)]
pub struct NewCase {
    pub country: String,
    pub un_entity: String,
    pub office: String,
    pub programme_title: String,
    pub assessment_type: String,
}

/// The starting answers document: step-1 answers and one empty support component.
fn initial_answers(version: &str, new: &NewCase) -> Draft {
    let mut case = Answers::default();
    for (question, value) in [
        ("country", &new.country),
        ("un_entity", &new.un_entity),
        ("office", &new.office),
        ("programme_title", &new.programme_title),
        ("assessment_type", &new.assessment_type),
    ] {
        case.insert(question, json!(value));
    }
    let mut parts = serde_json::Map::new();
    parts.insert(CONSULTATIONS.key.into(), json!([]));
    Draft { methodology_version: version.to_string(), case, components: vec![ComponentDraft::new("C1")], parts }
}

pub use crate::cases::figures::{figures, Figures};

/// Creates a draft case in one of the assessor's countries and returns its id.
pub async fn create(db: &Store, registry: &Registry, user: &CurrentUser, new: NewCase) -> Result<i64, AppError> {
    if !user.has(crate::accounts::Role::Assessor) {
        return Err(AppError::forbidden("Only assessors start assessments."));
    }
    if !access::can_create(user, &new.country) {
        return Err(AppError::forbidden(format!("{} is not one of your countries.", new.country)));
    }
    let catalogue = registry.current().ok_or_else(|| AppError::internal("no methodology loaded"))?;
    let mut answers = initial_answers(&catalogue.version, &new);
    // Step 2 starts from the country's reference data in force today, the day the assessment is
    // opened; the assessor confirms each value or changes it with a reason (docs/methodology.md 54).
    let basis = prefill_reference(db, &new.country, &mut answers.case).await?;
    insert_draft(db, registry, user, &new.country, &new.programme_title, &answers, None, &basis).await
}

/// Pre-fills a new version's step 2 with the country's reference data in force today; returns the
/// entries used.
pub async fn prefill_reference(
    db: &Store,
    country: &str,
    answers: &mut Answers,
) -> Result<crate::reference::CaseBasis, AppError> {
    let on = crate::methodology::date::Date::parse(&today()).expect("today is a date");
    let in_force = crate::services::reference::in_force_on(db, country, on).await?;
    Ok(crate::reference::CaseBasis::prefill(&in_force, answers))
}

/// Where a new version comes from: the version it re-assesses (spec §10.6).
pub struct Lineage {
    pub previous_id: i64,
    pub version_no: i64,
    /// The reference of the whole series (the first version's), e.g. `KE-2026-0007`.
    pub series_reference: String,
}

/// Stores `answers` as a new draft case (revision 1) with a fresh reference, and opens its audit
/// trail: version 1 gets the next number of its country and year; a re-assessment gets the series
/// reference with `-v{n}`. `basis` names the reference-data entries its step 2 was pre-filled with.
#[allow(clippy::too_many_arguments)]
pub async fn insert_draft(
    db: &Store,
    registry: &Registry,
    author: &CurrentUser,
    country: &str,
    title: &str,
    answers: &Draft,
    lineage: Option<Lineage>,
    basis: &crate::reference::CaseBasis,
) -> Result<i64, AppError> {
    let basis_rows: Vec<(&str, i64)> = basis.items.iter().map(|i| (i.question.as_str(), i.entry.id)).collect();
    let version = answers.methodology_version.clone();
    let outcome = score_draft(registry, answers);
    let figures = figures(&outcome);
    let index = crate::portfolio::index::CaseIndex::build(answers, &outcome, &Default::default());
    let now = Utc::now();
    let text = answers.to_text();
    let version_no = lineage.as_ref().map_or(1, |l| l.version_no);
    let previous_id = lineage.as_ref().map(|l| l.previous_id);
    // References are per country and year; retry on the rare race for the same number.
    for _ in 0..5 {
        let reference = match &lineage {
            Some(l) => format!("{}-v{}", l.series_reference, l.version_no),
            None => {
                let prefix = format!("{country}-{}-", now.year());
                let taken = db.first_versions_with_prefix(&prefix).await?;
                format!("{prefix}{:04}", taken + 1)
            }
        };
        let mut details =
            json!({ "reference": reference, "answers_hash": crate::audit::answers_hash(&answers.to_value()) });
        if let Some(previous) = previous_id {
            details["previous_case_id"] = json!(previous);
        }
        if !basis_rows.is_empty() {
            details["reference_entries"] = json!(basis_rows.iter().map(|(_, id)| id).collect::<Vec<_>>());
        }
        let action =
            if lineage.is_some() { crate::audit::Action::ReassessmentStarted } else { crate::audit::Action::Created };
        let new = NewCaseRow {
            reference: &reference,
            country,
            title,
            methodology_version: &version,
            version_no,
            previous_id,
            answers: &text,
            figures: &figures,
            author: author.id,
            at: now,
        };
        let inserted = async {
            let mut write = db.write().await?;
            let id = write.insert_case(&new).await?;
            write.insert_revision(id, 1, &text, author.id, now, crate::accounts::Role::Assessor.as_str()).await?;
            write.write_case_index(id, &index).await?;
            write.insert_case_reference_basis(id, &basis_rows).await?;
            let role = crate::accounts::Role::Assessor;
            write
                .append_event(&crate::audit::NewEvent::new(id, version_no, author, role, action, details.clone()))
                .await?;
            write.commit().await?;
            Ok::<i64, StoreError>(id)
        }
        .await;
        match inserted {
            Ok(id) => {
                tracing::info!(target: "audit", user = author.id, case = id, reference, "case created");
                return Ok(id);
            }
            Err(StoreError::Duplicate(_)) => continue,
            Err(e) => return Err(AppError::internal(e)),
        }
    }
    Err(AppError::Conflict("Could not allocate a case reference; please try again.".into()))
}

/// One case as the overview page shows it; 403 outside the user's countries.
pub async fn overview(db: &Store, registry: &Registry, user: &CurrentUser, id: i64) -> Result<CaseOverview, AppError> {
    Ok(overview_with_answers(db, registry, user, id).await?.0)
}

/// The overview together with the answers document and its engine outcome, for views that show more
/// of the case (the summary) without reading and scoring it a second time.
pub async fn overview_with_answers(
    db: &Store,
    registry: &Registry,
    user: &CurrentUser,
    id: i64,
) -> Result<(CaseOverview, Draft, crate::methodology::ScoreOutcome), AppError> {
    access::require_reader(user)?;
    let row = db.case_overview(id).await?.ok_or_else(crate::cases::access::not_found)?;
    if !access::can_read(user, &row.list.country) {
        return Err(access::not_found());
    }
    let answers = Draft::parse(&row.answers).map_err(AppError::internal)?;
    let outcome = score_draft(registry, &answers);
    let errors = outcome.errors();
    let open_items: Vec<String> = errors.iter().take(50).map(|e| e.message.clone()).collect();
    let components = answers.component_ids();
    let next_review_date = row.list.next_review_date.clone();
    let item = row.list.into_item();
    let can_edit = item.state.editable() && user.has(crate::accounts::Role::Assessor);
    let last_saved = db.position(user.id, id).await?;
    // A returned case continues where the reviewer's comment points; otherwise at the step this
    // user last saved.
    let returned_to = match item.state {
        CaseState::Returned => latest_return(db, id).await?.and_then(|n| n.segment),
        _ => None,
    };
    let resume_segment = returned_to.or(last_saved);
    let answers_hidden =
        ![crate::accounts::Role::Assessor, crate::accounts::Role::HrAdviser, crate::accounts::Role::Reviewer]
            .iter()
            .any(|r| user.has(*r));
    let overview = CaseOverview {
        resume_segment,
        answers_hidden,
        methodology_version: row.methodology_version,
        created_at: row.created_at.format("%Y-%m-%d").to_string(),
        created_by: row.created_by_name,
        next_review_date,
        components,
        open_items_total: errors.len(),
        open_items,
        can_edit,
        item,
    };
    Ok((overview, answers, outcome))
}

/// The reference of a case the user may read (None otherwise: unknown and out of scope look alike).
pub async fn readable_reference(db: &Store, user: &CurrentUser, id: i64) -> Result<Option<String>, AppError> {
    if access::require_reader(user).is_err() {
        return Ok(None);
    }
    Ok(db
        .reference_and_country(id)
        .await?
        .filter(|(_, country)| access::can_read(user, country))
        .map(|(reference, _)| reference))
}

/// The comment of the latest return of a case, if it was ever returned.
pub async fn latest_return(db: &Store, case_id: i64) -> Result<Option<crate::cases::ReviewNote>, AppError> {
    Ok(review_notes(db, case_id, true).await?.into_iter().next())
}

/// The comments of a case that concern one wizard step (an anchor on a step or a risk area),
/// newest first: shown inside that step.
pub async fn step_notes(db: &Store, case_id: i64) -> Result<Vec<crate::cases::ReviewNote>, AppError> {
    Ok(review_notes(db, case_id, false).await?.into_iter().filter(|n| n.segment.is_some()).collect())
}

/// Comments of a case, newest first: only the latest return with `latest_return_only`.
async fn review_notes(
    db: &Store,
    case_id: i64,
    latest_return_only: bool,
) -> Result<Vec<crate::cases::ReviewNote>, AppError> {
    let rows = db.comments_with_authors(case_id, latest_return_only).await?;
    Ok(rows
        .into_iter()
        .map(|r| crate::cases::ReviewNote {
            kind: crate::cases::ReviewNote::kind_label(&r.kind).to_string(),
            segment: crate::cases::ReviewNote::segment_of_anchor(&r.anchor),
            by: r.name,
            at: r.created_at.format("%Y-%m-%d").to_string(),
            body: r.body,
        })
        .collect())
}
