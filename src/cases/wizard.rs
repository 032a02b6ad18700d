//! Saving one wizard step: merge the step's answers into the stored draft, with optimistic
//! concurrency (spec §10.2: "an edit based on a stale revision is rejected, never merged silently").

use super::access;
use super::steps::{parse_segment, StepRef};
pub use super::wizard_types::{FieldChange, SaveOutcome};
use super::CaseState;
use crate::accounts::{CurrentUser, Role};
use crate::error::AppError;
use crate::methodology::draft::score_draft;
use crate::methodology::Registry;
use crate::server::db::Db;
use crate::with_pool;
use chrono::Utc;
use serde_json::{Map, Value};

/// Longest text answer accepted (characters); a whole draft is limited to [`MAX_DRAFT_BYTES`].
pub const MAX_TEXT_CHARS: usize = 10_000;
pub const MAX_DRAFT_BYTES: usize = 1_000_000;

#[derive(sqlx::FromRow)]
struct DraftRow {
    country: String,
    state: String,
    revision: i64,
    answers: String,
}

/// Merges `values` (question id → JSON value; `null` clears) into the step's answers and saves.
pub async fn save_step(
    db: &Db,
    registry: &Registry,
    user: &CurrentUser,
    case_id: i64,
    base_revision: i64,
    segment: &str,
    values: &Map<String, Value>,
) -> Result<SaveOutcome, AppError> {
    let row: Option<DraftRow> = with_pool!(db, pool => sqlx::query_as("SELECT country, state, revision, answers FROM cases WHERE id = $1").bind(case_id).fetch_optional(pool).await?);
    let row = row.ok_or_else(|| AppError::NotFound("No such assessment.".into()))?;
    if !access::can_read(user, &row.country) {
        return Err(access::outside_scope());
    }
    if !user.has(Role::Assessor) {
        return Err(AppError::forbidden("Only assessors edit answers."));
    }
    if !CaseState::parse(&row.state).is_some_and(CaseState::editable) {
        return Err(AppError::Conflict("This assessment has been submitted and is read-only.".into()));
    }
    let mut draft: Value = serde_json::from_str(&row.answers).map_err(AppError::internal)?;
    let version = draft["methodology_version"].as_str().unwrap_or_default().to_string();
    let catalogue =
        registry.get(&version).ok_or_else(|| AppError::internal(format!("methodology {version} not loaded")))?;
    let components = component_ids(&draft);
    let step =
        parse_segment(catalogue, &components, segment).ok_or_else(|| AppError::NotFound("No such step.".into()))?;

    if row.revision != base_revision {
        return conflict(db, catalogue, case_id, base_revision, row.revision, &draft, &step).await;
    }
    apply(catalogue, &mut draft, &step, values)?;
    let text = draft.to_string();
    if text.len() > MAX_DRAFT_BYTES {
        return Err(AppError::invalid("", "This assessment has grown beyond 1 MB; shorten the longest texts."));
    }
    let outcome = score_draft(registry, &draft);
    let result = outcome.result();
    let now = Utc::now();
    let title = draft["case"]["programme_title"].as_str().filter(|t| !t.trim().is_empty()).map(str::to_string);
    let updated: u64 = with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let n = sqlx::query(
            "UPDATE cases SET answers = $1, revision = revision + 1, valid = $2, can_submit = $3, overall_band = $4,
                 overall_decision = $5, next_review_date = $6, title = COALESCE($7, title), updated_by = $8, updated_at = $9
             WHERE id = $10 AND revision = $11",
        )
        .bind(&text)
        .bind(result.is_some())
        .bind(result.is_some_and(|r| r.can_submit))
        .bind(result.map(|r| r.overall_band.code()))
        .bind(result.map(|r| r.overall_decision.code()))
        .bind(result.and_then(|r| r.next_review_date).map(|d| d.to_string()))
        .bind(&title)
        .bind(user.id)
        .bind(now)
        .bind(case_id)
        .bind(base_revision)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 1 {
            sqlx::query("INSERT INTO case_revisions (case_id, revision, answers, saved_by, saved_at) VALUES ($1, $2, $3, $4, $5)")
                .bind(case_id).bind(base_revision + 1).bind(&text).bind(user.id).bind(now).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        n
    });
    if updated == 0 {
        // Lost the race between our read and our write: report it like any other conflict.
        let current: i64 = with_pool!(db, pool => sqlx::query_scalar("SELECT revision FROM cases WHERE id = $1").bind(case_id).fetch_one(pool).await?);
        let stored: String = with_pool!(db, pool => sqlx::query_scalar("SELECT answers FROM cases WHERE id = $1").bind(case_id).fetch_one(pool).await?);
        let stored: Value = serde_json::from_str(&stored).map_err(AppError::internal)?;
        return conflict(db, catalogue, case_id, base_revision, current, &stored, &step).await;
    }
    let errors = step_errors(&outcome, &step, &components);
    Ok(SaveOutcome::Saved { revision: base_revision + 1, errors })
}

fn component_ids(draft: &Value) -> Vec<String> {
    draft["components"]
        .as_array()
        .map(|c| c.iter().filter_map(|c| c["component_id"].as_str().map(String::from)).collect())
        .unwrap_or_default()
}

/// The answers object a step edits: the case's, or its component's.
fn answers_of<'d>(draft: &'d mut Value, step: &StepRef) -> Option<&'d mut Map<String, Value>> {
    match &step.component {
        None => draft.get_mut("case")?.as_object_mut(),
        Some(id) => draft
            .get_mut("components")?
            .as_array_mut()?
            .iter_mut()
            .find(|c| c["component_id"].as_str() == Some(id))?
            .get_mut("answers")?
            .as_object_mut(),
    }
}

/// Sets the step's questions; keys of other steps are refused. Over-long text is refused with its
/// field. Types are not checked here: validation runs on the merged draft, so a mistyped answer is kept
/// and shown with its message instead of being lost.
fn apply(
    catalogue: &crate::methodology::Catalogue,
    draft: &mut Value,
    step: &StepRef,
    values: &Map<String, Value>,
) -> Result<(), AppError> {
    let on_step = catalogue.step(step.number).map(|s| s.questions.clone()).unwrap_or_default();
    for (id, value) in values {
        if !on_step.contains(id) {
            return Err(AppError::invalid(id, format!("`{id}` is not a question of this step.")));
        }
        let q = catalogue.question(id).expect("step questions exist (catalogue check)");
        let too_long = |v: &Value| v.as_str().is_some_and(|s| s.chars().count() > MAX_TEXT_CHARS);
        if too_long(value) || value.as_array().is_some_and(|items| items.iter().any(too_long)) {
            return Err(AppError::invalid(
                id,
                format!("{} {}: at most {MAX_TEXT_CHARS} characters; this answer was not saved (your earlier answer is kept).", q.display, q.label),
            ));
        }
    }
    let answers = answers_of(draft, step).ok_or_else(|| AppError::NotFound("No such step.".into()))?;
    for (id, value) in values {
        let empty = value.is_null() || value.as_str().is_some_and(|s| s.trim().is_empty());
        if empty {
            answers.remove(id);
        } else {
            answers.insert(id.clone(), value.clone());
        }
    }
    Ok(())
}

/// Validation messages for this step's questions, as (question id, message).
fn step_errors(
    outcome: &crate::methodology::ScoreOutcome,
    step: &StepRef,
    components: &[String],
) -> Vec<(String, String)> {
    let prefix = match &step.component {
        None => "case.".to_string(),
        Some(c) => match components.iter().position(|x| x == c) {
            Some(i) => format!("components[{i}].answers."),
            None => return Vec::new(),
        },
    };
    outcome
        .errors()
        .iter()
        .filter(|e| e.path.starts_with(&prefix))
        .filter_map(|e| e.question_id.clone().map(|q| (q, e.message.clone())))
        .collect()
}

/// What changed on this step between the editor's base revision and the current one.
async fn conflict(
    db: &Db,
    catalogue: &crate::methodology::Catalogue,
    case_id: i64,
    base_revision: i64,
    current_revision: i64,
    current: &Value,
    step: &StepRef,
) -> Result<SaveOutcome, AppError> {
    let base: Option<String> = with_pool!(db, pool => sqlx::query_scalar("SELECT answers FROM case_revisions WHERE case_id = $1 AND revision = $2").bind(case_id).bind(base_revision).fetch_optional(pool).await?);
    let mut base: Value = match base {
        Some(text) => serde_json::from_str(&text).map_err(AppError::internal)?,
        None => return Err(AppError::Conflict("This page is out of date; reload it to continue.".into())),
    };
    let saved_by: String = with_pool!(db, pool => sqlx::query_scalar("SELECT u.name FROM case_revisions r JOIN users u ON u.id = r.saved_by WHERE r.case_id = $1 AND r.revision = $2").bind(case_id).bind(current_revision).fetch_optional(pool).await?).unwrap_or_else(|| "another user".into());
    let mut current = current.clone();
    let empty = Map::new();
    let before = answers_of(&mut base, step).cloned().unwrap_or_default();
    let after = answers_of(&mut current, step).cloned().unwrap_or_else(|| empty.clone());
    let questions = catalogue.step(step.number).map(|s| s.questions.clone()).unwrap_or_default();
    let changes = questions
        .iter()
        .filter_map(|id| {
            let b = before.get(id).cloned().unwrap_or(Value::Null);
            let t = after.get(id).cloned().unwrap_or(Value::Null);
            (b != t).then(|| FieldChange {
                question_id: id.clone(),
                label: catalogue
                    .question(id)
                    .map(|q| format!("{} {}", q.display, q.label))
                    .unwrap_or_else(|| id.clone()),
                base: b,
                theirs: t,
            })
        })
        .collect();
    Ok(SaveOutcome::Conflict { current_revision, saved_by, changes })
}
