//! The wizard's server side: loading a case for editing, saving one step, managing support
//! components and submitting, all with optimistic concurrency (spec §10.2: "an edit based on a stale
//! revision is rejected, never merged silently").

use crate::accounts::{CurrentUser, Role};
use crate::audit::{self, Action};
use crate::cases::access;
use crate::cases::parts::{self, Part, CONSULTATIONS};
use crate::cases::steps::{parse_segment, StepRef};
pub use crate::cases::wizard_types::{CaseEditor, ComponentAction, FieldChange, SaveOutcome, WizardBook};
use crate::cases::CaseState;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::methodology::draft::{score_draft, ComponentDraft, Draft};
use crate::methodology::{canonical, Catalogue, Registry, ScoreOutcome};
use crate::preload::Preloaded;
use crate::review::record::{sealed, SubmissionRecord};
use crate::review::workflow::{self, Act};
pub(crate) use crate::store::cases::DraftRow;
use crate::store::cases::{DraftUpdate, NewSnapshot};
use crate::store::Store;
use chrono::Utc;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Longest text answer accepted (characters); a whole draft is limited to [`MAX_DRAFT_BYTES`].
pub const MAX_TEXT_CHARS: usize = 10_000;
pub const MAX_DRAFT_BYTES: usize = 1_000_000;
/// Most support components one case may have.
pub const MAX_COMPONENTS: usize = 30;

const ADVISER_CONSULTATION: &str = "OHCHR_HR_ADVISER";

/// A case loaded for a change: its row, its draft and its catalogue, after the scope check.
pub(crate) struct Loaded<'r> {
    pub row: DraftRow,
    pub state: CaseState,
    pub draft: Draft,
    pub catalogue: &'r Catalogue,
}

pub(crate) async fn load<'r>(
    db: &Store,
    registry: &'r Registry,
    user: &CurrentUser,
    case_id: i64,
) -> Result<Loaded<'r>, AppError> {
    access::require_reader(user)?;
    let row = db.draft_row(case_id).await?.ok_or_else(crate::cases::access::not_found)?;
    if !access::can_read(user, &row.country) {
        return Err(access::not_found());
    }
    let state = CaseState::parse(&row.state).ok_or_else(|| AppError::internal(format!("case state {}", row.state)))?;
    let draft = Draft::parse(&row.answers).map_err(AppError::internal)?;
    let version = &draft.methodology_version;
    let catalogue =
        registry.get(version).ok_or_else(|| AppError::internal(format!("methodology {version} not loaded")))?;
    Ok(Loaded { row, state, draft, catalogue })
}

/// Who may change what while a case is a draft (spec §10.1): assessors the answers, human-rights
/// advisers their own consultation records. Everyone else reads.
fn require_writer(
    user: &CurrentUser,
    row: &DraftRow,
    state: CaseState,
    step_number: Option<u8>,
) -> Result<(), AppError> {
    let act = Act::EditAnswers { consultations_step: step_number == Some(7) };
    workflow::decide(state, &row.country, act, user)?;
    Ok(())
}

/// Everything the wizard page needs, its catalogue's texts in `lang`; read access suffices (the page
/// shows read-only when needed).
pub async fn editor(
    db: &Store,
    registry: &Registry,
    books: &Books,
    user: &CurrentUser,
    case_id: i64,
    lang: Lang,
) -> Result<CaseEditor, AppError> {
    // Managers read summaries, never the answers themselves (spec §10.1).
    if ![Role::Assessor, Role::HrAdviser, Role::Reviewer].iter().any(|r| user.has(*r)) {
        return Err(AppError::forbidden("Your role reads assessment summaries, not the answers."));
    }
    let l = load(db, registry, user, case_id).await?;
    let position = db.position(user.id, case_id).await?;
    let book = books
        .book(registry, &l.draft.methodology_version, lang)
        .ok_or_else(|| AppError::internal(format!("methodology {} not loaded", l.draft.methodology_version)))?;
    Ok(CaseEditor {
        id: case_id,
        reference: l.row.reference,
        title: l.row.title,
        country: l.row.country,
        state: l.state,
        revision: l.row.revision,
        can_edit: l.state.editable() && user.has(Role::Assessor),
        can_advise: l.state.editable() && user.has(Role::HrAdviser),
        draft: l.draft,
        book,
        last_segment: position,
        return_note: match l.state {
            CaseState::Returned => crate::services::cases::latest_return(db, case_id).await?,
            _ => None,
        },
        step_notes: crate::services::cases::step_notes(db, case_id).await?,
        reference_basis: crate::services::reference::case_basis(db, case_id).await?,
    })
}

/// The wizard's books (catalogue in one language plus the island's words), one per methodology
/// version and language, made once with their JSON text: every wizard page shares one and copies
/// the text into the page as it is (`crate::preload`).
#[derive(Clone, Default)]
pub struct Books(Arc<Mutex<HashMap<BookKey, Preloaded<WizardBook>>>>);

/// A book's methodology version and language.
type BookKey = (String, Lang);

impl Books {
    /// The book of `version` in `lang` (English texts where there is no translation).
    pub fn book(&self, registry: &Registry, version: &str, lang: Lang) -> Option<Preloaded<WizardBook>> {
        let key = (version.to_string(), lang);
        let mut shelf = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(found) = shelf.get(&key) {
            return Some(found.clone());
        }
        let book = WizardBook {
            catalogue: registry.shared_in(version, lang.code())?.clone(),
            words: crate::i18n::island_text(lang),
        };
        let json = crate::preload::script_safe(&serde_json::to_string(&book).expect("a book serialises"));
        let hash = hex::encode(&Sha256::digest(json.as_bytes())[..8]);
        let made = Preloaded::new(format!("wizard-{}-{version}-{hash}", lang.code()), Arc::new(book), json.into());
        shelf.insert(key, made.clone());
        Some(made)
    }
}

/// Merges `values` (question id or part key → JSON value; `null` clears) into the step and saves.
pub async fn save_step(
    db: &Store,
    registry: &Registry,
    user: &CurrentUser,
    case_id: i64,
    base_revision: i64,
    segment: &str,
    values: &Map<String, Value>,
) -> Result<SaveOutcome, AppError> {
    let Loaded { row, state, mut draft, catalogue } = load(db, registry, user, case_id).await?;
    let components = draft.component_ids();
    let step =
        parse_segment(catalogue, &components, segment).ok_or_else(|| AppError::NotFound("No such step.".into()))?;
    require_writer(user, &row, state, Some(step.number))?;
    if row.revision != base_revision {
        return conflict(db, catalogue, case_id, base_revision, row.revision, &draft, &step).await;
    }
    let before = draft.clone();
    apply(catalogue, user, &mut draft, &step, values)?;
    // Advisers' saves are their advice, not edits of the assessment (segregation, spec §10.3).
    let saved_as = if user.has(Role::Assessor) { Role::Assessor } else { Role::HrAdviser };
    let change = Change::edit(row.version_no, saved_as, &before, &draft, json!({ "step": segment }));
    let outcome = score_draft(registry, &draft);
    let revision =
        NewRevision { case_id, base_revision, draft: &draft, outcome: &outcome, change, position: Some(segment) };
    match store(db, user, revision).await? {
        Stored::Saved(revision) => {
            // The step's problems as the wizard shows them; step 2 adds its confirmation's (the
            // only step they belong to, so only its saves read the case's reference basis).
            let errors = if step.number == 2 {
                let basis = crate::services::reference::case_basis(db, case_id).await?;
                let checked = crate::reference::with_confirmation(outcome, catalogue, &basis, &draft);
                step_errors(catalogue, &checked, &step, &components)
            } else {
                step_errors(catalogue, &outcome, &step, &components)
            };
            Ok(SaveOutcome::Saved { revision, errors })
        }
        Stored::Stale { current, stored } => {
            conflict(db, catalogue, case_id, base_revision, current, &stored, &step).await
        }
    }
}

pub enum Stored {
    Saved(i64),
    /// Someone saved between our read and our write.
    Stale {
        current: i64,
        stored: Draft,
    },
}

/// A change to the answers as the audit trail records it.
pub struct Change {
    pub version_no: i64,
    /// The role the user acts in: an assessor edits, an HR adviser advises or concurs.
    pub saved_as: Role,
    pub action: Action,
    pub details: Value,
}

impl Change {
    /// An edit of the answers: which answers changed, and the content hashes before and after.
    pub fn edit(version_no: i64, saved_as: Role, before: &Draft, after: &Draft, mut details: Value) -> Change {
        details["changed"] = json!(crate::cases::diff::changed_paths(before, after));
        details["before"] = json!(audit::answers_hash(&before.to_value()));
        details["after"] = json!(audit::answers_hash(&after.to_value()));
        Change { version_no, saved_as, action: Action::AnswersEdited, details }
    }
}

/// A new revision of a case's draft, as the wizard (or an adviser's concurrence) saves it.
pub struct NewRevision<'a> {
    pub case_id: i64,
    /// The revision the change was made on; the save is refused if the case moved on since.
    pub base_revision: i64,
    pub draft: &'a Draft,
    /// The engine's outcome on `draft` (computed once by the caller, who also reports its errors).
    pub outcome: &'a ScoreOutcome,
    pub change: Change,
    /// The step saved, remembered as the user's place in the case ("continue where you left off").
    pub position: Option<&'a str>,
}

/// Writes a new revision of the draft if the case is still at `base_revision`, with its cached
/// figures, keeps the revision for later conflict reports, appends the audit event and remembers
/// the user's place — in one transaction.
pub async fn store(db: &Store, user: &CurrentUser, new: NewRevision<'_>) -> Result<Stored, AppError> {
    let NewRevision { case_id, base_revision, draft, outcome, change, position } = new;
    let text = draft.to_text();
    if text.len() > MAX_DRAFT_BYTES {
        return Err(AppError::invalid("", "This assessment has grown beyond 1 MB; shorten the longest texts."));
    }
    let figures = crate::services::cases::figures(outcome);
    let index = crate::portfolio::index::CaseIndex::build(draft, outcome, &Default::default());
    let now = Utc::now();
    let mut details = change.details;
    details["revision"] = json!(base_revision + 1);
    let event = audit::NewEvent::new(case_id, change.version_no, user, change.saved_as, change.action, details);
    let title = draft.case.text("programme_title").filter(|t| !t.trim().is_empty()).map(str::to_string);
    let update = DraftUpdate {
        case_id,
        base_revision,
        answers: &text,
        figures: &figures,
        title: title.as_deref(),
        by: user.id,
        at: now,
    };
    let mut write = db.write().await?;
    let saved = write.update_draft(&update).await?;
    if saved {
        write.insert_revision(case_id, base_revision + 1, &text, user.id, now, change.saved_as.as_str()).await?;
        write.write_case_index(case_id, &index).await?;
        write.append_event(&event).await?;
        if let Some(segment) = position {
            write.record_position(user.id, case_id, segment, now).await?;
        }
    }
    write.commit().await?;
    if saved {
        return Ok(Stored::Saved(base_revision + 1));
    }
    let (revision, answers) = db.current_answers(case_id).await?;
    let stored = Draft::parse(&answers).map_err(AppError::internal)?;
    Ok(Stored::Stale { current: revision, stored })
}

fn too_long(value: &Value) -> bool {
    match value {
        Value::String(s) => s.chars().count() > MAX_TEXT_CHARS,
        Value::Array(items) => items.iter().any(too_long),
        Value::Object(map) => map.values().any(too_long),
        _ => false,
    }
}

/// Sets the step's questions and parts; keys of other steps are refused, and so is over-long text
/// (with its field). Types are not checked here: validation runs on the merged draft, so a mistyped
/// answer is kept and shown with its message instead of being lost.
fn apply(
    catalogue: &Catalogue,
    user: &CurrentUser,
    draft: &mut Draft,
    step: &StepRef,
    values: &Map<String, Value>,
) -> Result<(), AppError> {
    let on_step = catalogue.step(step.number).map(|s| s.questions.clone()).unwrap_or_default();
    let part_keys = parts::part_keys_of_step(step.number);
    // Text is stored as typed, minus control characters (refused, the same on both databases).
    let mut cleaned = values.clone();
    for (key, value) in cleaned.iter_mut() {
        crate::text::clean_json(value).map_err(|m| AppError::invalid(key, format!("This answer {m}.")))?;
    }
    let values = &cleaned;
    for (key, value) in values {
        let label = if on_step.contains(key) {
            catalogue.question(key).map(|q| format!("{} {}", q.display, q.label)).unwrap_or_default()
        } else if let Some(k) = part_keys.iter().find(|k| *k == key) {
            parts::parts_of_step(step.number)
                .iter()
                .find(|p| p.key == *k)
                .map(|p| format!("{} {}", p.display, catalogue.part_words(p.key).title))
                .unwrap_or_else(|| {
                    if *k == parts::COUNTRY_CONTEXT_KEY {
                        "Confirmation of the country context"
                    } else {
                        "5.1 Severity"
                    }
                    .into()
                })
        } else {
            return Err(AppError::invalid(key, format!("`{key}` is not part of this step.")));
        };
        if too_long(value) {
            return Err(AppError::invalid(
                key,
                format!("{label}: at most {MAX_TEXT_CHARS} characters per text; this answer was not saved (your earlier answer is kept)."),
            ));
        }
    }
    if !user.has(Role::Assessor) && values.keys().any(|k| k != CONSULTATIONS.key) {
        return Err(AppError::forbidden("Human-rights advisers record consultation advice only."));
    }
    for (key, value) in values.iter().filter(|(k, _)| !on_step.contains(k)) {
        let holder = draft
            .fields_mut(parts::slot_of(key), step.component.as_deref())
            .ok_or_else(|| AppError::NotFound("No such step.".into()))?;
        let stored = holder.get(key).cloned().unwrap_or(Value::Null);
        let mut value = value.clone();
        if key == CONSULTATIONS.key {
            value = merge_consultations(user, &stored, &value)?;
        } else if key == parts::COUNTRY_CONTEXT_KEY {
            value = crate::reference::Confirmation::parse(&value).map_err(|m| AppError::invalid(key, m))?.to_value();
        } else if let Some(part) = parts::parts_of_step(step.number).iter().find(|p| p.key == key) {
            keep_adviser_flags(part, &stored, &mut value);
        }
        let empty = value.is_null() || value.as_object().is_some_and(Map::is_empty);
        if empty && key != parts::EVIDENCE.key {
            holder.remove(key);
        } else {
            holder.insert(key.clone(), if value.is_null() { json!([]) } else { value });
        }
    }
    let answers =
        draft.answers_mut(step.component.as_deref()).ok_or_else(|| AppError::NotFound("No such step.".into()))?;
    // The country decides who may see the case; it is chosen once, at creation.
    // A form without the (read-only) country field posts nothing for it: that leaves it unchanged.
    if let Some(country) = values.get("country").filter(|v| step.component.is_none() && !v.is_null()) {
        if Some(country) != answers.get("country") {
            return Err(AppError::invalid(
                "country",
                "The country is fixed when the assessment is created; start a new assessment for another country.",
            ));
        }
    }
    for (id, value) in values.iter().filter(|(k, v)| on_step.contains(k) && !(*k == "country" && v.is_null())) {
        let empty = value.is_null() || value.as_str().is_some_and(|s| s.trim().is_empty());
        if empty {
            answers.remove(id);
        } else {
            answers.insert(id.clone(), value.clone());
        }
    }
    Ok(())
}

/// Consultation records: OHCHR / human-rights adviser records belong to advisers, the others to
/// assessors (spec §3.5, §10.1). Each keeps the other's records as stored; a change to a record
/// that is not theirs is refused with a message, never dropped silently.
fn merge_consultations(user: &CurrentUser, stored: &Value, incoming: &Value) -> Result<Value, AppError> {
    let is_adviser_record = |r: &Value| r["type"].as_str() == Some(ADVISER_CONSULTATION);
    let split = |v: &Value| -> (Vec<Value>, Vec<Value>) {
        v.as_array().cloned().unwrap_or_default().into_iter().partition(is_adviser_record)
    };
    let (stored_adviser, stored_other) = split(stored);
    let (incoming_adviser, incoming_other) = split(incoming);
    let may_advise = user.has(Role::HrAdviser);
    let may_assess = user.has(Role::Assessor);
    if !may_advise && incoming_adviser != stored_adviser {
        return Err(AppError::invalid(
            "consultations",
            "Only a human-rights adviser records OHCHR / human-rights adviser advice; ask the adviser to add it.",
        ));
    }
    if !may_assess && incoming_other != stored_other {
        return Err(AppError::invalid("consultations", "Human-rights advisers record their own advice only."));
    }
    let mut merged = if may_assess { incoming_other } else { stored_other };
    merged.extend(if may_advise { incoming_adviser } else { stored_adviser });
    Ok(Value::Array(merged))
}

/// `hr_adviser_concurred` is the adviser's to set (spec §3.5). A record the editor left unchanged keeps
/// its stored flag; a changed record loses it (the adviser concurred with something else).
fn keep_adviser_flags(part: &Part, stored: &Value, incoming: &mut Value) {
    let flag_keys: Vec<&str> =
        part.fields.iter().filter(|f| f.kind == parts::FieldKind::AdviserFlag).map(|f| f.key).collect();
    if flag_keys.is_empty() {
        return;
    }
    let without_flags = |v: &Value| {
        let mut v = v.clone();
        if let Some(o) = v.as_object_mut() {
            o.retain(|k, _| !flag_keys.contains(&k.as_str()));
        }
        v
    };
    let stored_items: Vec<Value> = match stored {
        Value::Array(items) => items.clone(),
        Value::Null => Vec::new(),
        one => vec![one.clone()],
    };
    let mut fix = |record: &mut Value| {
        let bare = without_flags(record);
        let kept = stored_items.iter().find(|s| without_flags(s) == bare);
        if let Some(o) = record.as_object_mut() {
            for key in &flag_keys {
                match kept.and_then(|s| s.get(*key)).filter(|v| !v.is_null()) {
                    Some(v) => o.insert(key.to_string(), v.clone()),
                    None => o.remove(*key),
                };
            }
        }
    };
    match incoming {
        Value::Array(items) => items.iter_mut().for_each(&mut fix),
        Value::Object(_) => fix(incoming),
        _ => {}
    }
}

/// Validation messages for this step, as (path, message).
fn step_errors(
    catalogue: &Catalogue,
    outcome: &crate::methodology::ScoreOutcome,
    step: &StepRef,
    components: &[String],
) -> Vec<(String, String)> {
    let index = step.component.as_ref().and_then(|c| components.iter().position(|x| x == c));
    outcome
        .errors()
        .iter()
        .filter(|e| crate::cases::steps::step_of_path(catalogue, &e.path) == (step.number, index))
        .map(|e| (e.path.clone(), e.message.clone()))
        .collect()
}

/// What changed on this step between the editor's base revision and the current one.
async fn conflict(
    db: &Store,
    catalogue: &Catalogue,
    case_id: i64,
    base_revision: i64,
    current_revision: i64,
    current: &Draft,
    step: &StepRef,
) -> Result<SaveOutcome, AppError> {
    let base = match db.revision_answers(case_id, base_revision).await? {
        Some(text) => Draft::parse(&text).map_err(AppError::internal)?,
        None => return Err(AppError::Conflict("This page is out of date; reload it to continue.".into())),
    };
    let saved_by = db.revision_saved_by(case_id, current_revision).await?.unwrap_or_else(|| "another user".into());
    let mut changes = Vec::new();
    let component = step.component.as_deref();
    let empty = Default::default();
    let before = base.answers(component).unwrap_or(&empty);
    let after = current.answers(component).unwrap_or(&empty);
    for id in catalogue.step(step.number).map(|s| s.questions.clone()).unwrap_or_default() {
        let label = catalogue.question(&id).map(|q| format!("{} {}", q.display, q.label)).unwrap_or_else(|| id.clone());
        // For a question an empty list is an answer of its own (2.6 "None of these").
        push_change(&mut changes, &id, label, before.get(&id), after.get(&id), false);
    }
    for key in parts::part_keys_of_step(step.number) {
        let label = parts::parts_of_step(step.number)
            .iter()
            .find(|p| p.key == key)
            .map(|p| format!("{} {}", p.display, catalogue.part_words(p.key).title))
            .unwrap_or_else(|| format!("5.1 {}", catalogue.part_words(parts::SEVERITY_KEY).title));
        let slot = parts::slot_of(key);
        push_change(&mut changes, key, label, base.get(slot, component, key), current.get(slot, component, key), true);
    }
    Ok(SaveOutcome::Conflict { current_revision, saved_by, changes, current: Box::new(current.clone()) })
}

fn push_change(
    changes: &mut Vec<FieldChange>,
    key: &str,
    label: String,
    base: Option<&Value>,
    theirs: Option<&Value>,
    empty_list_is_absent: bool,
) {
    let normalise = |v: Option<&Value>| match v {
        None | Some(Value::Null) => Value::Null,
        Some(Value::Array(a)) if a.is_empty() && empty_list_is_absent => Value::Null,
        Some(v) => v.clone(),
    };
    let (b, t) = (normalise(base), normalise(theirs));
    if b != t {
        changes.push(FieldChange { question_id: key.to_string(), label, base: b, theirs: t });
    }
}

/// Adds, renames, duplicates or removes a support component (assessors, editable cases only).
pub async fn change_component(
    db: &Store,
    registry: &Registry,
    user: &CurrentUser,
    case_id: i64,
    base_revision: i64,
    action: &ComponentAction,
) -> Result<i64, AppError> {
    let Loaded { row, state, mut draft, .. } = load(db, registry, user, case_id).await?;
    require_writer(user, &row, state, None)?;
    if row.revision != base_revision {
        return Err(stale_page());
    }
    let before = draft.clone();
    let ids = draft.component_ids();
    // A readable name ("Forensic lab") is turned into an id (FORENSIC-LAB).
    let fresh = |typed: &str| -> Result<String, AppError> {
        let id = crate::cases::steps::component_id_from(typed);
        let name = id.as_str();
        if !crate::methodology::validate::is_identifier(name) {
            return Err(AppError::invalid(
                "new_id",
                "Give the component a name with at least one letter or digit (for example Vehicles or C2).",
            ));
        }
        if ids.iter().any(|x| x == name) {
            return Err(AppError::invalid("new_id", format!("This case already has a component {name}.")));
        }
        Ok(name.to_string())
    };
    let existing = |name: &str| -> Result<usize, AppError> {
        ids.iter().position(|x| x == name).ok_or_else(|| AppError::NotFound(format!("No component {name}.")))
    };
    let list = &mut draft.components;
    match action {
        ComponentAction::Add { new_id } => {
            if ids.len() >= MAX_COMPONENTS {
                return Err(AppError::invalid("new_id", format!("A case has at most {MAX_COMPONENTS} components.")));
            }
            list.push(ComponentDraft::new(fresh(new_id)?));
        }
        ComponentAction::Rename { component, new_id } => {
            let i = existing(component)?;
            list[i].component_id = fresh(new_id)?;
        }
        ComponentAction::Duplicate { component, new_id } => {
            if ids.len() >= MAX_COMPONENTS {
                return Err(AppError::invalid("new_id", format!("A case has at most {MAX_COMPONENTS} components.")));
            }
            let i = existing(component)?;
            let mut copy = list[i].clone();
            copy.component_id = fresh(new_id)?;
            // A copy is a new proposal: the adviser's concurrences do not carry over.
            for part in [&parts::OVERRIDES, &parts::PROPOSED_DECISION] {
                if let Some(value) = copy.parts.get_mut(part.key).filter(|v| !v.is_null()) {
                    keep_adviser_flags(part, &Value::Null, value);
                }
            }
            list.insert(i + 1, copy);
        }
        ComponentAction::Remove { component, confirmed } => {
            let i = existing(component)?;
            if !confirmed {
                return Err(AppError::invalid("confirm", "Tick the box to confirm the removal."));
            }
            if ids.len() == 1 {
                return Err(AppError::invalid("confirm", "A case needs at least one support component."));
            }
            list.remove(i);
        }
    }
    let mut change =
        Change::edit(row.version_no, Role::Assessor, &before, &draft, json!({ "components": draft.component_ids() }));
    change.action = Action::ComponentsChanged;
    let outcome = score_draft(registry, &draft);
    let revision = NewRevision { case_id, base_revision, draft: &draft, outcome: &outcome, change, position: None };
    match store(db, user, revision).await? {
        Stored::Saved(revision) => Ok(revision),
        Stored::Stale { .. } => Err(stale_page()),
    }
}

pub(crate) fn stale_page() -> AppError {
    AppError::Conflict("Someone saved this assessment after you opened it; reload the page and try again.".into())
}

/// Submits a draft for review (spec §10.2): valid, nothing blocking, at the revision the assessor saw.
/// Stores the submission snapshot with its content hash; the answers are read-only from then on.
pub async fn submit(
    db: &Store,
    registry: &Registry,
    user: &CurrentUser,
    case_id: i64,
    base_revision: i64,
) -> Result<String, AppError> {
    let Loaded { row, state, draft, .. } = load(db, registry, user, case_id).await?;
    workflow::decide(state, &row.country, Act::Submit, user)?;
    if row.revision != base_revision {
        return Err(stale_page());
    }
    let basis = crate::services::reference::case_basis(db, case_id).await?;
    let outcome = crate::reference::score_confirmed(registry, &draft, &basis);
    let Some(result) = outcome.result() else {
        let errors = outcome.errors();
        // Name the country context when that is what remains: it is easy to overlook on step 2.
        let context: Vec<&str> = errors
            .iter()
            .filter(|e| e.path.starts_with(crate::methodology::draft::COUNTRY_CONTEXT_KEY))
            .map(|e| e.message.as_str())
            .collect();
        let message = match (errors.len(), context.first()) {
            (n, Some(first)) if n == context.len() => format!("Step 2: {first}"),
            (n, _) => format!("{n} answers are still missing or invalid; the review step lists them."),
        };
        return Err(AppError::invalid("submit", message));
    };
    if !result.can_submit {
        return Err(AppError::invalid(
            "submit",
            format!("{} item(s) still block submission; the review step lists them.", result.blocking_items.len()),
        ));
    }
    let now = Utc::now();
    let applicable =
        crate::methodology::draft::applicable(registry.get(&draft.methodology_version).expect("loaded above"), &draft);
    let record = SubmissionRecord::new(case_id, &row.reference, base_revision, applicable, result, &user.email, now);
    let (text, hash) = sealed(&record).map_err(AppError::internal)?;
    let event = audit::NewEvent::new(
        case_id,
        row.version_no,
        user,
        Role::Assessor,
        Action::Submitted,
        json!({ "revision": base_revision, "content_hash": hash, "answers_hash": audit::answers_hash(&draft.to_value()) }),
    );
    let subject = crate::services::notify::Subject {
        case_id,
        reference: &row.reference,
        title: &row.title,
        country: &row.country,
        state_after: CaseState::Submitted,
    };
    let notices = crate::services::notify::plan(db, crate::notify::Kind::Submitted, &subject, user, None).await?;
    let mut write = db.write().await?;
    let submitted = write.mark_submitted(case_id, base_revision, user.id, now).await?;
    if submitted {
        let snapshot = NewSnapshot {
            case_id,
            kind: "SUBMISSION",
            revision: base_revision,
            record: &text,
            hash: &hash,
            by: user.id,
            at: now,
        };
        write.insert_snapshot(&snapshot).await?;
        write.append_event(&event).await?;
        notices.write(&mut write, now).await?;
    }
    write.commit().await?;
    if !submitted {
        return Err(stale_page());
    }
    tracing::info!(target: "audit", user = user.id, case = case_id, reference = row.reference, hash, "case submitted");
    Ok(hash)
}

/// `sha256:` + hex SHA-256 of the canonical JSON (spec §10.5).
pub fn content_hash(record: &Value) -> Result<String, AppError> {
    let canonical =
        canonical::to_canonical_json(record).map_err(|e| AppError::internal(format!("canonical JSON: {e:?}")))?;
    Ok(format!("sha256:{}", hex::encode(Sha256::digest(canonical.as_bytes()))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::CountryScope;

    fn user(roles: &[Role]) -> CurrentUser {
        CurrentUser {
            id: 1,
            email: "a@example.org".into(),
            name: "A".into(),
            roles: roles.to_vec(),
            approval_level: None,
            scope: CountryScope::All,
            must_change_password: false,
            lang: None,
        }
    }

    #[test]
    fn assessors_keep_the_advisers_consultations_and_cannot_add_one() {
        let stored = json!([{ "type": "OHCHR_HR_ADVISER", "date": "2026-01-01", "by": "Adviser" }]);
        let mine = json!([{ "type": "OHCHR_HR_ADVISER", "date": "2026-01-01", "by": "Adviser" }, { "type": "HRDDP_LETTER", "date": "2026-01-02", "by": "Me" }]);
        let merged = merge_consultations(&user(&[Role::Assessor]), &stored, &mine).unwrap();
        assert_eq!(merged.as_array().unwrap().len(), 2);
        let forged = json!([{ "type": "OHCHR_HR_ADVISER", "date": "2026-01-05", "by": "Me" }]);
        assert!(merge_consultations(&user(&[Role::Assessor]), &stored, &forged).is_err());
        let adviser = merge_consultations(&user(&[Role::HrAdviser]), &json!([]), &forged).unwrap();
        assert_eq!(adviser, forged);
        assert!(merge_consultations(&user(&[Role::HrAdviser]), &stored, &mine).is_err());
    }

    #[test]
    fn a_changed_override_loses_the_concurrence_an_unchanged_one_keeps_it() {
        let stored = json!([{ "target": "L0", "area": "TOR", "value": 2, "justification": "x", "evidence_ids": ["E1"], "hr_adviser_concurred": true }]);
        let mut same =
            json!([{ "target": "L0", "area": "TOR", "value": 2, "justification": "x", "evidence_ids": ["E1"] }]);
        keep_adviser_flags(&parts::OVERRIDES, &stored, &mut same);
        assert_eq!(same[0]["hr_adviser_concurred"], json!(true));
        let mut changed = json!([{ "target": "L0", "area": "TOR", "value": 1, "justification": "x", "evidence_ids": ["E1"], "hr_adviser_concurred": true }]);
        keep_adviser_flags(&parts::OVERRIDES, &stored, &mut changed);
        assert!(changed[0].get("hr_adviser_concurred").is_none());
    }
}
