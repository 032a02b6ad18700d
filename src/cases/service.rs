//! Case operations over the database. Every query that returns cases is scoped by the caller's countries.

use super::access;
use super::{CaseFilter, CaseListItem, CaseOverview, CasePage, CaseState};
use crate::accounts::{CountryScope, CurrentUser};
use crate::error::AppError;
use crate::methodology::codes::{Band, RecommendedDecision};
use crate::methodology::draft::score_draft;
use crate::methodology::{Registry, ScoreOutcome};
use crate::store::query::{Bind, Where};
use crate::store::Store;
use crate::with_pool;
use chrono::{DateTime, Datelike, Utc};
use serde_json::{json, Value};

#[derive(sqlx::FromRow)]
struct ListRow {
    id: i64,
    reference: String,
    country: String,
    title: String,
    state: String,
    version_no: i64,
    overall_band: Option<String>,
    overall_decision: Option<String>,
    can_submit: bool,
    updated_at: DateTime<Utc>,
    updated_by_name: String,
    submitted_at: Option<DateTime<Utc>>,
    next_review_date: Option<String>,
    reassessment_due: bool,
}

impl ListRow {
    fn into_item(self) -> CaseListItem {
        let state = CaseState::parse(&self.state).unwrap_or(CaseState::Draft);
        let today = Utc::now().date_naive().to_string();
        let attention = match state {
            CaseState::Submitted
                if self
                    .submitted_at
                    .is_some_and(|t| t + chrono::Duration::days(crate::review::REVIEW_DAYS) < Utc::now()) =>
            {
                Some("Review overdue".to_string())
            }
            CaseState::Decided
                if self.reassessment_due || self.next_review_date.as_deref().is_some_and(|d| d <= today.as_str()) =>
            {
                Some("Re-assessment due".to_string())
            }
            _ => None,
        };
        CaseListItem {
            attention,
            id: self.id,
            reference: self.reference,
            country: self.country,
            title: self.title,
            state,
            version_no: self.version_no,
            overall_band: self.overall_band.as_deref().and_then(Band::parse),
            overall_decision: self.overall_decision.as_deref().and_then(RecommendedDecision::parse),
            can_submit: self.can_submit,
            updated_at: self.updated_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            updated_by: self.updated_by_name,
        }
    }
}

const LIST_COLUMNS: &str = "c.id, c.reference, c.country, c.title, c.state, c.version_no, c.overall_band, \
     c.overall_decision, c.can_submit, c.updated_at, u.name AS updated_by_name, c.submitted_at, c.next_review_date, \
     c.reassessment_due";

pub use super::query::{review_cutoff, today, MAX_PAGE};

/// The case list for `user`: filtered, scoped by country, newest change first, one page of `page_size`.
/// Lists read `case_facts` (the narrow copy of each version's figures), never the answers.
pub async fn list(db: &Store, user: &CurrentUser, filter: &CaseFilter, page_size: u32) -> Result<CasePage, AppError> {
    access::require_reader(user)?;
    let w = Where::scoped(&user.scope, &filter.parse()?);
    // Filtered by nothing but country and status (every list's first view): the kept counts answer.
    let count_sql = if filter.pairs().iter().all(|(name, _)| matches!(*name, "state" | "country")) {
        format!("SELECT CAST(COALESCE(SUM(c.n), 0) AS BIGINT) FROM case_counts c{}", w.sql)
    } else {
        format!("SELECT COUNT(*) FROM case_facts c{}", w.sql)
    };
    let total: i64 =
        with_pool!(db, pool => crate::bind_all!(sqlx::query_scalar(&count_sql), &w.binds).fetch_one(pool).await?);
    let pages = ((total as u32).div_ceil(page_size)).max(1);
    let page = filter.page.unwrap_or(1).clamp(1, pages);
    let offset = i64::from((page - 1) * page_size);
    let n = w.next();
    let list_sql = format!(
        "SELECT {LIST_COLUMNS} FROM case_facts c JOIN users u ON u.id = c.updated_by{} ORDER BY c.updated_at DESC, c.id DESC LIMIT ${n} OFFSET ${}",
        w.sql,
        n + 1
    );
    let mut binds = w.binds;
    binds.push(Bind::Int(i64::from(page_size)));
    binds.push(Bind::Int(offset));
    let rows: Vec<ListRow> =
        with_pool!(db, pool => crate::bind_all!(sqlx::query_as(&list_sql), &binds).fetch_all(pool).await?);
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
        CountryScope::All => {
            with_pool!(db, pool => sqlx::query_scalar("SELECT country FROM case_counts GROUP BY country HAVING SUM(n) > 0 ORDER BY country").fetch_all(pool).await?)
        }
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
fn initial_answers(version: &str, new: &NewCase) -> Value {
    json!({
        "methodology_version": version,
        "case": {
            "country": new.country,
            "un_entity": new.un_entity,
            "office": new.office,
            "programme_title": new.programme_title,
            "assessment_type": new.assessment_type,
        },
        "consultations": [],
        "components": [{ "component_id": "C1", "answers": {}, "evidence": [] }]
    })
}

/// Cached figures of a draft for lists, queues and dashboards, recomputed at every save.
pub struct Figures {
    pub valid: bool,
    pub can_submit: bool,
    pub band: Option<String>,
    pub decision: Option<String>,
    pub next_review: Option<String>,
    pub approval_level: Option<i64>,
    /// Blocking item codes, space-separated (the adviser's queue looks for concurrence items).
    pub blocking_codes: String,
}

pub fn figures(outcome: &ScoreOutcome) -> Figures {
    match outcome.result() {
        Some(r) => Figures {
            valid: true,
            can_submit: r.can_submit,
            band: Some(r.overall_band.code().to_string()),
            decision: Some(r.overall_decision.code().to_string()),
            next_review: r.next_review_date.map(|d| d.to_string()),
            approval_level: Some(i64::from(r.approval_level_required)),
            blocking_codes: r.blocking_items.iter().map(|b| b.code.as_str()).collect::<Vec<_>>().join(" "),
        },
        None => Figures {
            valid: false,
            can_submit: false,
            band: None,
            decision: None,
            next_review: None,
            approval_level: None,
            blocking_codes: String::new(),
        },
    }
}

/// Creates a draft case in one of the assessor's countries and returns its id.
pub async fn create(db: &Store, registry: &Registry, user: &CurrentUser, new: NewCase) -> Result<i64, AppError> {
    if !user.has(crate::accounts::Role::Assessor) {
        return Err(AppError::forbidden("Only assessors start assessments."));
    }
    if !access::can_create(user, &new.country) {
        return Err(AppError::forbidden(format!("{} is not one of your countries.", new.country)));
    }
    let catalogue = registry.current().ok_or_else(|| AppError::internal("no methodology loaded"))?;
    let answers = initial_answers(&catalogue.version, &new);
    insert_draft(db, registry, user, &new.country, &new.programme_title, &answers, None).await
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
/// reference with `-v{n}`.
pub async fn insert_draft(
    db: &Store,
    registry: &Registry,
    author: &CurrentUser,
    country: &str,
    title: &str,
    answers: &Value,
    lineage: Option<Lineage>,
) -> Result<i64, AppError> {
    let version = answers["methodology_version"].as_str().unwrap_or_default().to_string();
    let outcome = score_draft(registry, answers);
    let figures = figures(&outcome);
    let index = crate::portfolio::index::CaseIndex::build(answers, &outcome, &Default::default());
    let now = Utc::now();
    let text = answers.to_string();
    let version_no = lineage.as_ref().map_or(1, |l| l.version_no);
    let previous_id = lineage.as_ref().map(|l| l.previous_id);
    // References are per country and year; retry on the rare race for the same number.
    for _ in 0..5 {
        let reference = match &lineage {
            Some(l) => format!("{}-v{}", l.series_reference, l.version_no),
            None => {
                let prefix = format!("{country}-{}-", now.year());
                let taken: i64 = with_pool!(db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE reference LIKE $1 AND version_no = 1").bind(format!("{prefix}%")).fetch_one(pool).await?);
                format!("{prefix}{:04}", taken + 1)
            }
        };
        let mut details = json!({ "reference": reference, "answers_hash": crate::audit::answers_hash(answers) });
        if let Some(previous) = previous_id {
            details["previous_case_id"] = json!(previous);
        }
        let action =
            if lineage.is_some() { crate::audit::Action::ReassessmentStarted } else { crate::audit::Action::Created };
        let inserted: Result<i64, sqlx::Error> = async {
            with_pool!(db, pool => {
                let mut tx = db.begin_write(pool).await?;
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO cases (reference, country, title, methodology_version, state, version_no, previous_id, revision, answers, valid, can_submit, overall_band, overall_decision, next_review_date, approval_level, blocking_codes, created_by, created_at, updated_by, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $16, $17) RETURNING id",
                )
                .bind(&reference).bind(country).bind(title).bind(&version).bind(CaseState::Draft.as_str()).bind(version_no).bind(previous_id)
                .bind(&text).bind(figures.valid).bind(figures.can_submit).bind(&figures.band).bind(&figures.decision).bind(&figures.next_review)
                .bind(figures.approval_level).bind(&figures.blocking_codes)
                .bind(author.id).bind(now)
                .fetch_one(&mut *tx).await?;
                sqlx::query("INSERT INTO case_revisions (case_id, revision, answers, saved_by, saved_at) VALUES ($1, 1, $2, $3, $4)")
                    .bind(id).bind(&text).bind(author.id).bind(now).execute(&mut *tx).await?;
                crate::write_case_index!(tx, id, &index);
                let event = crate::audit::NewEvent::new(id, version_no, author, crate::accounts::Role::Assessor, action, details.clone());
                crate::append_event!(tx, &event);
                tx.commit().await?;
                Ok(id)
            })
        }
        .await;
        match inserted {
            Ok(id) => {
                tracing::info!(target: "audit", user = author.id, case = id, reference, "case created");
                return Ok(id);
            }
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => continue,
            Err(e) => return Err(AppError::internal(e)),
        }
    }
    Err(AppError::Conflict("Could not allocate a case reference; please try again.".into()))
}

#[derive(sqlx::FromRow)]
struct OverviewRow {
    #[sqlx(flatten)]
    list: ListRow,
    methodology_version: String,
    answers: String,
    created_at: DateTime<Utc>,
    created_by_name: String,
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
) -> Result<(CaseOverview, Value, crate::methodology::ScoreOutcome), AppError> {
    access::require_reader(user)?;
    let sql = format!(
        "SELECT {LIST_COLUMNS}, c.methodology_version, c.answers, c.created_at, cu.name AS created_by_name
         FROM cases c JOIN users u ON u.id = c.updated_by JOIN users cu ON cu.id = c.created_by WHERE c.id = $1"
    );
    let row: Option<OverviewRow> = with_pool!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?);
    let row = row.ok_or_else(crate::cases::access::not_found)?;
    if !access::can_read(user, &row.list.country) {
        return Err(access::not_found());
    }
    let answers: Value = serde_json::from_str(&row.answers).map_err(AppError::internal)?;
    let outcome = score_draft(registry, &answers);
    let errors = outcome.errors();
    let open_items: Vec<String> = errors.iter().take(50).map(|e| e.message.clone()).collect();
    let components = answers["components"]
        .as_array()
        .map(|c| c.iter().filter_map(|c| c["component_id"].as_str().map(String::from)).collect())
        .unwrap_or_default();
    let next_review_date = row.list.next_review_date.clone();
    let item = row.list.into_item();
    let can_edit = item.state.editable() && user.has(crate::accounts::Role::Assessor);
    let last_saved: Option<String> = with_pool!(db, pool => sqlx::query_scalar("SELECT segment FROM case_positions WHERE user_id = $1 AND case_id = $2").bind(user.id).bind(id).fetch_optional(pool).await?);
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
    let row: Option<(String, String)> = with_pool!(db, pool => sqlx::query_as("SELECT reference, country FROM cases WHERE id = $1").bind(id).fetch_optional(pool).await?);
    Ok(row.filter(|(_, country)| access::can_read(user, country)).map(|(reference, _)| reference))
}

/// The comment of the latest return of a case, if it was ever returned.
pub async fn latest_return(db: &Store, case_id: i64) -> Result<Option<super::ReviewNote>, AppError> {
    Ok(review_notes(db, case_id, true).await?.into_iter().next())
}

/// The comments of a case that concern one wizard step (an anchor on a step or a risk area),
/// newest first: shown inside that step.
pub async fn step_notes(db: &Store, case_id: i64) -> Result<Vec<super::ReviewNote>, AppError> {
    Ok(review_notes(db, case_id, false).await?.into_iter().filter(|n| n.segment.is_some()).collect())
}

/// Comments of a case, newest first: only the latest return with `latest_return_only`.
async fn review_notes(db: &Store, case_id: i64, latest_return_only: bool) -> Result<Vec<super::ReviewNote>, AppError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        kind: String,
        name: String,
        created_at: DateTime<Utc>,
        body: String,
        anchor: String,
    }
    let filter =
        if latest_return_only { "AND c.kind = 'RETURN' ORDER BY c.id DESC LIMIT 1" } else { "ORDER BY c.id DESC" };
    let sql = format!(
        "SELECT c.kind, u.name, c.created_at, c.body, c.anchor FROM case_comments c JOIN users u ON u.id = c.author_id
         WHERE c.case_id = $1 {filter}"
    );
    let rows: Vec<Row> = with_pool!(db, pool => sqlx::query_as(&sql).bind(case_id).fetch_all(pool).await?);
    Ok(rows
        .into_iter()
        .map(|r| super::ReviewNote {
            kind: super::ReviewNote::kind_label(&r.kind).to_string(),
            segment: super::ReviewNote::segment_of_anchor(&r.anchor),
            by: r.name,
            at: r.created_at.format("%Y-%m-%d").to_string(),
            body: r.body,
        })
        .collect())
}
