//! Country reference data (issue 20): reading it within the caller's countries, recording a change
//! (administrators of that country), and the trigger events a change of the death-penalty values
//! records on the decided cases that watch it.

use crate::accounts::{CountryScope, CurrentUser, Role};
use crate::audit::{Action, Actor, NewEvent};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::methodology::codes::TriggerEvent;
use crate::methodology::date::Date;
use crate::methodology::Registry;
use crate::reference::{
    self, CaseBasis, Change, Entry, ImportEntry, ImportLine, InForce, LineProblem, ReferenceForm, Source,
};
use crate::reference::{CountryPage, CountrySummary, QuestionInfo, ReferenceIndex};
use crate::reference::{ImportPreview, PreviewLine};
use crate::store::reference::NewEntry;
use crate::store::Store;
use chrono::Utc;
use serde_json::{json, Map, Value};

/// Who may read: any signed-in user with a role, within their countries.
fn require_reader(user: &CurrentUser, country: &str) -> Result<(), AppError> {
    if user.roles.is_empty() || !user.scope.covers(country) {
        return Err(AppError::NotFound("No reference data for this country in your countries.".into()));
    }
    Ok(())
}

/// Who may record: administrators, for the countries in their scope.
fn may_edit(user: &CurrentUser, country: &str) -> bool {
    user.has(Role::Admin) && user.scope.covers(country)
}

/// A country code as the pages and the API take it: two letters, upper case (ISO 3166 alpha-2).
pub fn country_code(raw: &str) -> Result<String, AppError> {
    let code = raw.trim().to_ascii_uppercase();
    if reference::is_iso_country(&code) {
        Ok(code)
    } else {
        Err(AppError::invalid("country", format!("{raw:?} is not an ISO 3166 country code (two letters, e.g. KE).")))
    }
}

/// The countries the user may read, with how much reference data each has.
pub async fn index(db: &Store, user: &CurrentUser) -> Result<ReferenceIndex, AppError> {
    if user.roles.is_empty() {
        return Err(AppError::forbidden("Your account has no role yet; ask an administrator."));
    }
    let scope = match &user.scope {
        CountryScope::All => None,
        CountryScope::Countries(list) => Some(list.as_slice()),
    };
    let mut countries: Vec<CountrySummary> = db
        .reference_countries(scope)
        .await?
        .into_iter()
        .map(|r| CountrySummary {
            code: r.country,
            entries: r.entries,
            last_recorded: Some(r.last_recorded_at.format("%Y-%m-%d").to_string()),
        })
        .collect();
    // The user's own countries are listed even before anything is recorded for them.
    if let CountryScope::Countries(list) = &user.scope {
        let missing: Vec<String> = list.iter().filter(|c| !countries.iter().any(|s| &s.code == *c)).cloned().collect();
        for code in missing {
            countries.push(CountrySummary { code, entries: 0, last_recorded: None });
        }
        countries.sort_by(|a, b| a.code.cmp(&b.code));
    }
    Ok(ReferenceIndex {
        countries,
        can_add: user.has(Role::Admin) && user.scope == CountryScope::All,
        can_import: user.has(Role::Admin),
    })
}

/// The questions 4.1–4.8 as the reference form shows them: labels and option words from the
/// catalogue in the reader's language (the codes are the same in every language).
fn questions(registry: &Registry, lang: Lang) -> Result<Vec<QuestionInfo>, AppError> {
    let catalogue = registry.current_in(lang.code()).ok_or_else(|| AppError::internal("no methodology loaded"))?;
    reference::QUESTIONS
        .iter()
        .map(|id| {
            let q =
                catalogue.question(id).ok_or_else(|| AppError::internal(format!("{id} is not in the catalogue")))?;
            let options = q
                .enum_name
                .as_deref()
                .map(|name| catalogue.enum_values(name).iter().map(|v| (v.code.clone(), v.label.clone())).collect())
                .unwrap_or_default();
            Ok(QuestionInfo {
                id: q.id.clone(),
                display: q.display.clone(),
                label: q.label.clone(),
                help: q.help.clone(),
                kind: q.kind,
                options,
                condition_text: q.condition_text.clone(),
            })
        })
        .collect()
}

/// One country's reference data: what is in force today, the whole history (newest first), and
/// what an editor needs (the form's base, the decided cases a death-penalty change concerns).
pub async fn country(
    db: &Store,
    registry: &Registry,
    user: &CurrentUser,
    code: &str,
    lang: Lang,
) -> Result<CountryPage, AppError> {
    let code = country_code(code).map_err(|_| AppError::NotFound("No such country code.".into()))?;
    require_reader(user, &code)?;
    let entries = db.reference_entries(&code).await?;
    let today = today();
    let in_force = reference::in_force(&entries, today);
    let latest_id = entries.iter().map(|e| e.id).max().unwrap_or(0);
    let can_edit = may_edit(user, &code);
    let dp_watchers =
        if can_edit { db.decided_cases_watching(&code, TriggerEvent::DeathPenaltyChange.code()).await? } else { 0 };
    let mut history = entries;
    // Newest first: by the date each value took effect, then as recorded.
    history.sort_by_key(|e| std::cmp::Reverse((e.effective_from, e.id)));
    Ok(CountryPage {
        code,
        today: today.to_string(),
        questions: questions(registry, lang)?,
        in_force,
        history,
        can_edit,
        latest_id,
        dp_watchers,
    })
}

/// The values of `country` in force on `on` (no access check: the caller already has one).
pub async fn in_force_on(db: &Store, country: &str, on: Date) -> Result<InForce, AppError> {
    Ok(reference::in_force(&db.reference_entries(country).await?, on))
}

/// What a case version was pre-filled with (empty for cases started before reference data).
pub async fn case_basis(db: &Store, case_id: i64) -> Result<CaseBasis, AppError> {
    let entries = db.case_reference_basis(case_id).await?;
    Ok(CaseBasis {
        items: entries.into_iter().map(|e| reference::BasisItem { question: e.question.clone(), entry: e }).collect(),
    })
}

/// What a recorded change did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recorded {
    pub entries: usize,
    /// Decided cases on which a DEATH_PENALTY_CHANGE trigger was recorded.
    pub triggered_cases: usize,
}

/// Records a change of one country's table (administrators of that country): every question whose
/// posted value differs from what is in force on the effective date becomes a new entry with the
/// given source. The whole table is checked as the wizard checks step 2; every problem comes back
/// next to its field and nothing is stored. A form based on an older state of the table is refused
/// (someone recorded a change after it was opened). A new death-penalty value (4.1/4.2) records a
/// DEATH_PENALTY_CHANGE trigger on every decided case of the country that watches it, in the same
/// transaction.
pub async fn record(
    db: &Store,
    registry: &Registry,
    user: &CurrentUser,
    code: &str,
    form: &ReferenceForm,
) -> Result<Recorded, AppError> {
    let code = country_code(code)?;
    if !may_edit(user, &code) {
        return Err(AppError::forbidden(format!(
            "Only an administrator for {code} records its reference data; your countries: {}.",
            user.scope.describe()
        )));
    }
    let mut problems: Vec<(String, String)> = Vec::new();
    let effective_from = Date::parse(form.effective_from.trim());
    if effective_from.is_none() {
        problems.push(("effective_from".into(), "Enter the date the change took effect (YYYY-MM-DD).".into()));
    }
    let source = reference::parse_source(&form.citation, &form.url).unwrap_or_else(|wrong| {
        problems.extend(wrong.into_iter().map(|(field, message)| (field.to_string(), message)));
        Source { citation: String::new(), url: None }
    });
    for p in reference::check_values(registry, &form.values) {
        problems.push((format!("q.{}", p.question), p.message));
    }
    AppError::from_fields(problems)?;
    let effective_from = effective_from.expect("checked above");

    let entries = db.reference_entries(&code).await?;
    let changes = reference::changes(&reference::in_force(&entries, effective_from), &form.values);
    if changes.is_empty() {
        return Err(AppError::BadRequest(format!(
            "Nothing to record: these are the values already in force in {code} on {effective_from}."
        )));
    }
    let now = Utc::now();
    let mut write = db.write().await?;
    if write.reference_latest_id(&code).await? != form.based_on {
        return Err(AppError::Conflict(format!(
            "Someone recorded a change to {code} after you opened this form; nothing of yours was saved. Reload the page, check their change, and enter yours again."
        )));
    }
    let mut recorded: Vec<Value> = Vec::with_capacity(changes.len());
    for Change { question, value } in &changes {
        let id = write
            .insert_reference_entry(&NewEntry {
                country: &code,
                question,
                value: value.as_ref().map(Value::to_string),
                effective_from,
                source: &source,
                recorded_by: user.id,
                at: now,
            })
            .await?;
        recorded.push(json!({ "id": id, "question": question, "value": value }));
    }
    let details = json!({
        "country": code,
        "effective_from": effective_from.to_string(),
        "citation": source.citation,
        "url": source.url,
        "entries": recorded,
    });
    write
        .append_event(&NewEvent::reference(Actor::user(user), Role::Admin.as_str(), Action::ReferenceRecorded, details))
        .await?;
    let mut triggered_cases = 0;
    if reference::touches_death_penalty(&changes) {
        let description = describe(&code, &changes, registry);
        let ids: Vec<Value> = recorded.iter().map(|r| r["id"].clone()).collect();
        triggered_cases =
            record_triggers(&mut write, user.id, &code, &description, effective_from, &ids, now, db.queues_mail())
                .await?;
    }
    write.commit().await?;
    tracing::info!(target: "audit", user = user.id, country = code, entries = changes.len(), triggered_cases, "reference data recorded");
    Ok(Recorded { entries: changes.len(), triggered_cases })
}

/// Records a DEATH_PENALTY_CHANGE trigger event (by the system, naming the reference entries) on
/// every decided case of `code` that watches it, and makes each due for re-assessment; how many.
#[allow(clippy::too_many_arguments)]
async fn record_triggers(
    write: &mut crate::store::Write,
    editor: i64,
    code: &str,
    description: &str,
    date: Date,
    entry_ids: &[Value],
    now: chrono::DateTime<Utc>,
    mail: bool,
) -> Result<usize, AppError> {
    let trigger = TriggerEvent::DeathPenaltyChange;
    let cases = write.decided_cases_watching(code, trigger.code()).await?;
    write.mark_watching_cases_due(code, trigger.code()).await?;
    let at = crate::audit::timestamp(now);
    let details = json!({
        "trigger": trigger.code(),
        "date": date.to_string(),
        "description": description,
        "reference_entries": entry_ids,
    });
    let events: Vec<NewEvent> = cases
        .iter()
        .map(|case| NewEvent {
            subject: crate::audit::Subject::Case { id: case.id, version: case.version_no },
            actor: Actor::system("country reference data"),
            role: "system",
            action: Action::TriggerRecorded,
            at: at.clone(),
            details: details.clone(),
        })
        .collect();
    write.append_events(&events).await?;
    // Each case's assessor and the country's managers are told (never the editor themself).
    let managers = write
        .audience_ids(&crate::store::notify::AudienceQuery {
            country: code,
            role: crate::accounts::Role::Manager.as_str(),
            min_level: None,
        })
        .await?;
    let by = "the country reference data";
    let notices: Vec<(i64, crate::notify::Notice)> = cases
        .iter()
        .flat_map(|case| {
            let line = crate::notify::CaseLine {
                id: case.id,
                reference: case.reference.clone(),
                title: case.title.clone(),
                country: code.to_string(),
                state: crate::cases::CaseState::Decided.label().to_string(),
            };
            let notice = crate::notify::compose(crate::notify::Kind::TriggerRecorded, &line, by, Some(description));
            let people = crate::notify::recipients([vec![case.created_by], managers.clone()], editor);
            people.into_iter().map(move |p| (p, notice.clone()))
        })
        .collect();
    let rows: Vec<(i64, &crate::notify::Notice)> = notices.iter().map(|(p, n)| (*p, n)).collect();
    write.insert_notices(&rows, now, mail).await?;
    Ok(events.len())
}

/// The trigger's description on each case: which death-penalty values changed, in words.
fn describe(code: &str, changes: &[Change], registry: &Registry) -> String {
    let catalogue = registry.current();
    let words: Vec<String> = changes
        .iter()
        .filter(|c| reference::DEATH_PENALTY_QUESTIONS.contains(&c.question.as_str()))
        .map(|c| {
            let q = catalogue.and_then(|cat| cat.question(&c.question));
            let name = q.map_or(c.question.clone(), |q| format!("{} {}", q.display, q.label));
            let value = match (&c.value, q.and_then(|q| q.enum_name.as_deref())) {
                (None, _) => "no longer applies".to_string(),
                (Some(Value::String(code)), Some(e)) => {
                    catalogue.map_or(code.clone(), |cat| cat.label(e, code).to_string())
                }
                (Some(Value::Bool(b)), _) => if *b { "yes" } else { "no" }.to_string(),
                (Some(v), _) => v.to_string(),
            };
            format!("{name}: {value}")
        })
        .collect();
    format!("Country reference data for {code} changed — {}.", words.join("; "))
}

fn today() -> Date {
    Date::parse(&crate::cases::query::today()).expect("today is a date")
}

/// Reads a posted reference form: each question's text as the wizard's form decoding reads it.
pub fn form_from_pairs(registry: &Registry, pairs: &[(String, String)]) -> Result<ReferenceForm, AppError> {
    let catalogue = registry.current().ok_or_else(|| AppError::internal("no methodology loaded"))?;
    let first = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let mut values = Map::new();
    for id in reference::QUESTIONS {
        let Some(q) = catalogue.question(id) else { continue };
        values.insert(id.to_string(), reference::value_from_form(q.kind, &first(&format!("q.{id}"))));
    }
    Ok(ReferenceForm {
        effective_from: first("effective_from"),
        citation: first("citation"),
        url: first("url"),
        based_on: first("based_on").trim().parse().unwrap_or(-1),
        values,
    })
}

/// Entries of a country in force on a date, for the read API.
pub async fn api_reference(
    db: &Store,
    user: &CurrentUser,
    code: &str,
    on: Option<&str>,
) -> Result<(InForce, Vec<Entry>), AppError> {
    let code = country_code(code).map_err(|_| AppError::NotFound("No such country code.".into()))?;
    require_reader(user, &code)?;
    let on = match on {
        None => today(),
        Some(d) => Date::parse(d).ok_or_else(|| AppError::invalid("on", "Give the date as YYYY-MM-DD."))?,
    };
    let entries = db.reference_entries(&code).await?;
    Ok((reference::in_force(&entries, on), entries))
}

/// Reads a CSV table with the columns of [`reference::CSV_COLUMNS`] (a header line first, in any
/// order; extra columns are refused so that a wrong file is not half-read).
pub fn read_csv(text: &str) -> Result<Vec<ImportLine>, Vec<LineProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text); // a byte-order mark from spreadsheets
    let mut reader = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.to_ascii_lowercase()).collect(),
        Err(e) => return Err(vec![LineProblem { line: 1, message: format!("the header cannot be read: {e}") }]),
    };
    let position = |name: &str| header.iter().position(|h| h == name);
    let missing: Vec<&str> = reference::CSV_COLUMNS.iter().copied().filter(|c| position(c).is_none()).collect();
    let unknown: Vec<&str> =
        header.iter().map(String::as_str).filter(|h| !reference::CSV_COLUMNS.contains(h)).collect();
    if !missing.is_empty() || !unknown.is_empty() {
        let mut message = format!("the header must name the columns {}", reference::CSV_COLUMNS.join(","));
        if !missing.is_empty() {
            message.push_str(&format!("; missing: {}", missing.join(", ")));
        }
        if !unknown.is_empty() {
            message.push_str(&format!("; unknown: {}", unknown.join(", ")));
        }
        return Err(vec![LineProblem { line: 1, message }]);
    }
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = record.as_ref().ok().and_then(|r| r.position()).map_or(i + 2, |p| p.line() as usize);
        match record {
            Ok(r) if r.iter().all(str::is_empty) => {}
            Ok(r) => {
                let cell = |name: &str| position(name).and_then(|p| r.get(p)).unwrap_or_default().to_string();
                lines.push(ImportLine {
                    line,
                    country: cell("country"),
                    question: cell("question"),
                    value: cell("value"),
                    effective_from: cell("effective_from"),
                    citation: cell("citation"),
                    url: cell("url"),
                });
            }
            Err(e) => problems.push(LineProblem { line, message: format!("this line cannot be read: {e}") }),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(lines)
}

/// Writes entries as CSV in the import's columns (values as codes, true/false or numbers);
/// cells that a spreadsheet would run as a formula are prefixed with `'`.
pub fn write_csv(entries: &[Entry]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let safe = |s: &str| if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_string() };
    let _ = writer.write_record(reference::CSV_COLUMNS);
    for e in entries {
        let value = reference::value_to_form(e.value.as_ref());
        let _ = writer.write_record([
            e.country.as_str(),
            e.question.as_str(),
            &safe(&value),
            &e.effective_from.to_string(),
            &safe(&e.source.citation),
            &safe(e.source.url.as_deref().unwrap_or_default()),
        ]);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Every entry of the countries the user may read, by country, date and id (for export).
pub async fn export(db: &Store, user: &CurrentUser) -> Result<Vec<Entry>, AppError> {
    if user.roles.is_empty() {
        return Err(AppError::forbidden("Your account has no role yet; ask an administrator."));
    }
    Ok(db.all_reference_entries().await?.into_iter().filter(|e| user.scope.covers(&e.country)).collect())
}

/// Checks an import against the database, without recording anything: every line, each country's
/// tables after it, the editor's countries, and which lines are new. `Err` only when the caller may
/// not import at all; problems with the file are in the preview.
pub async fn preview_import(
    db: &Store,
    registry: &Registry,
    user: &CurrentUser,
    text: &str,
) -> Result<ImportPreview, AppError> {
    if !user.has(Role::Admin) {
        return Err(AppError::forbidden("Only administrators import reference data."));
    }
    let existing = db.all_reference_entries().await?;
    Ok(plan_import(db, registry, user, text, &existing).await?.0)
}

/// The preview, and the entries to record when it has no problem.
async fn plan_import(
    db: &Store,
    registry: &Registry,
    user: &CurrentUser,
    text: &str,
    existing: &[Entry],
) -> Result<(ImportPreview, Vec<ImportEntry>), AppError> {
    let catalogue = registry.current().ok_or_else(|| AppError::internal("no methodology loaded"))?;
    let based_on = existing.iter().map(|e| e.id).max().unwrap_or(0);
    let mut preview = ImportPreview { based_on, ..ImportPreview::default() };
    let lines = match read_csv(text) {
        Ok(lines) => lines,
        Err(problems) => {
            preview.problems = problems;
            return Ok((preview, Vec::new()));
        }
    };
    if lines.is_empty() {
        preview.problems.push(LineProblem { line: 1, message: "the file holds no line after its header".into() });
    }
    let mut checked = Vec::new();
    for l in &lines {
        match reference::check_line(catalogue, l) {
            Ok(e) if !user.scope.covers(&e.country) => preview.problems.push(LineProblem {
                line: l.line,
                message: format!("{} is not one of your countries ({})", e.country, user.scope.describe()),
            }),
            Ok(e) => checked.push(e),
            Err(problems) => preview.problems.extend(problems),
        }
    }
    let new: Vec<ImportEntry> =
        checked.iter().filter(|e| !existing.iter().any(|x| reference::same_entry(x, e))).cloned().collect();
    preview.problems.extend(reference::check_tables(registry, existing, &new));
    preview.problems.sort_by_key(|p| p.line);
    for e in &checked {
        let q = catalogue.question(&e.question);
        preview.lines.push(PreviewLine {
            line: e.line,
            country: e.country.clone(),
            question: q.map_or(e.question.clone(), |q| format!("{} {}", q.display, q.label)),
            value: reference::value_in_words(catalogue, &e.question, e.value.as_ref(), "— (no value)"),
            effective_from: e.effective_from.to_string(),
            citation: e.source.citation.clone(),
            new: new.iter().any(|n| n.line == e.line),
        });
    }
    preview.new_entries = new.len();
    let mut countries: Vec<&str> = new
        .iter()
        .filter(|e| reference::DEATH_PENALTY_QUESTIONS.contains(&e.question.as_str()))
        .map(|e| e.country.as_str())
        .collect();
    countries.sort();
    countries.dedup();
    for country in countries {
        let n = db.decided_cases_watching(country, TriggerEvent::DeathPenaltyChange.code()).await?;
        preview.triggers.push((country.to_string(), n));
    }
    Ok((preview, new))
}

/// Records an import all or nothing: refused (with its preview's problems) if any line is wrong,
/// and refused when reference data changed after the preview was made (`based_on`). Lines already
/// recorded are skipped. Each country's new entries are one audit event; new death-penalty values
/// record the trigger on the decided cases that watch it, as a change made on the page does.
pub async fn apply_import(
    db: &Store,
    registry: &Registry,
    user: &CurrentUser,
    text: &str,
    based_on: i64,
) -> Result<Recorded, AppError> {
    if !user.has(Role::Admin) {
        return Err(AppError::forbidden("Only administrators import reference data."));
    }
    let existing = db.all_reference_entries().await?;
    let (preview, new) = plan_import(db, registry, user, text, &existing).await?;
    if !preview.problems.is_empty() {
        return Err(AppError::BadRequest(format!(
            "Nothing was imported: {} line problem{}. Check the file again.",
            preview.problems.len(),
            if preview.problems.len() == 1 { "" } else { "s" }
        )));
    }
    if new.is_empty() {
        return Err(AppError::BadRequest("Nothing to import: every line is already recorded.".into()));
    }
    let now = Utc::now();
    let mut write = db.write().await?;
    if write.reference_max_id().await? != based_on || preview.based_on != based_on {
        return Err(AppError::Conflict(
            "Reference data changed after this preview was made; nothing was imported. Check the file again.".into(),
        ));
    }
    let mut countries: Vec<&str> = new.iter().map(|e| e.country.as_str()).collect();
    countries.sort();
    countries.dedup();
    let mut triggered_cases = 0;
    for code in countries {
        let mut recorded: Vec<Value> = Vec::new();
        let mut changes: Vec<Change> = Vec::new();
        let mut dp_date: Option<Date> = None;
        for e in new.iter().filter(|e| e.country == code) {
            let id = write
                .insert_reference_entry(&NewEntry {
                    country: code,
                    question: &e.question,
                    value: e.value.as_ref().map(Value::to_string),
                    effective_from: e.effective_from,
                    source: &e.source,
                    recorded_by: user.id,
                    at: now,
                })
                .await?;
            recorded.push(json!({
                "id": id, "question": e.question, "value": e.value, "effective_from": e.effective_from.to_string(),
                "citation": e.source.citation, "url": e.source.url, "line": e.line,
            }));
            changes.push(Change { question: e.question.clone(), value: e.value.clone() });
            if reference::DEATH_PENALTY_QUESTIONS.contains(&e.question.as_str()) {
                dp_date = dp_date.max(Some(e.effective_from));
            }
        }
        let ids: Vec<Value> = recorded.iter().map(|r| r["id"].clone()).collect();
        let details = json!({ "country": code, "via": "CSV import", "entries": recorded });
        write
            .append_event(&NewEvent::reference(
                Actor::user(user),
                Role::Admin.as_str(),
                Action::ReferenceRecorded,
                details,
            ))
            .await?;
        if let Some(date) = dp_date {
            let description = describe(code, &changes, registry);
            triggered_cases +=
                record_triggers(&mut write, user.id, code, &description, date, &ids, now, db.queues_mail()).await?;
        }
    }
    write.commit().await?;
    tracing::info!(target: "audit", user = user.id, entries = new.len(), triggered_cases, "reference data imported");
    Ok(Recorded { entries: new.len(), triggered_cases })
}
