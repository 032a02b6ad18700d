//! Review operations over the database (spec §10.2–§10.6). Every function checks the caller's role,
//! country scope, the case's state and segregation of duties itself.

use crate::accounts::{CurrentUser, Role};
use crate::audit::{Action, NewEvent};
use crate::cases::parts::{Holder, Slot, CONSULTATIONS, MEASURES, OVERRIDES, PROPOSED_DECISION};
use crate::cases::CaseState;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::methodology::codes::{AssessmentType, ConsultationType, ImplementationStatus, TriggerEvent};
use crate::methodology::draft::{applicable, score_draft, Draft};
use crate::methodology::{Catalogue, Registry};
use crate::notify::{self, Kind};
use crate::review::record::{record_time, sealed, SignOffHeader, SignOffRecord, SignedDecision};
use crate::review::rules::{adviser_conflict, allowed_decisions, decision_problem, signer_conflict, Participants};
use crate::review::workflow::{self, Act};
use crate::review::*;
use crate::services::notify as services_notify;
use crate::services::wizard::{self, load, stale_page, Change, Loaded, NewRevision, Stored};
use crate::store::cases::NewSnapshot;
use crate::store::review::{CaseMeta, Decision, Queue, QueueRow, SnapshotWithAuthor};
use crate::store::Store;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde_json::{json, Value};

/// The role a user acts in for an action that several of their roles allow (first match wins).
fn acting(user: &CurrentUser, roles: &[Role]) -> Role {
    roles.iter().copied().find(|r| user.has(*r)).unwrap_or(Role::Assessor)
}

fn text_field(field: &str, value: &str, what: &str, required: bool) -> Result<Option<String>, AppError> {
    let v = crate::text::clean(value.trim()).map_err(|m| AppError::invalid(field, format!("The text {m}.")))?;
    let v = v.as_str();
    if v.is_empty() {
        return if required { Err(AppError::invalid(field, format!("Write {what}."))) } else { Ok(None) };
    }
    if v.chars().count() > COMMENT_MAX {
        return Err(AppError::invalid(field, format!("Keep {what} to at most {COMMENT_MAX} characters.")));
    }
    Ok(Some(v.to_string()))
}

async fn participants(db: &Store, case_id: i64) -> Result<Participants, AppError> {
    let crate::store::review::ParticipantRows { creator, savers: rows, submitters } = db.participants(case_id).await?;
    Ok(Participants {
        creator,
        editors: rows.iter().filter(|(_, r)| r == Role::Assessor.as_str()).map(|(u, _)| *u).collect(),
        savers: rows.iter().map(|(u, _)| *u).collect(),
        submitters,
    })
}

fn implementation_status(draft: &Draft) -> ImplementationStatus {
    draft
        .case
        .text("implementation_status")
        .and_then(ImplementationStatus::parse)
        .unwrap_or(ImplementationStatus::NotStarted)
}

/// The lowering overrides and override requests an adviser can concur with or refuse.
fn concurrence_items(draft: &Draft, result: &crate::methodology::ResultDocument) -> Vec<ConcurrenceItem> {
    let mut out = Vec::new();
    for (c, component) in result.components.iter().zip(&draft.components) {
        let overrides = component.part(OVERRIDES.key).and_then(Value::as_array).cloned().unwrap_or_default();
        for (j, o) in overrides.iter().enumerate() {
            let target = o["target"].as_str().unwrap_or_default();
            let area = o["area"].as_str();
            let lowering =
                c.overrides.iter().any(|r| r.target.code() == target && r.area.map(|a| a.code()) == area && r.lowering);
            if lowering {
                out.push(ConcurrenceItem {
                    component_id: c.component_id.clone(),
                    target: format!("override.{j}"),
                    description: format!(
                        "Lowering override of {target}{}: {}",
                        area.map(|a| format!(" for {a}")).unwrap_or_default(),
                        o["value"]
                    ),
                    justification: o["justification"].as_str().unwrap_or_default().to_string(),
                    concurred: o["hr_adviser_concurred"].as_bool(),
                });
            }
        }
        if c.override_request {
            let p = component.part(PROPOSED_DECISION.key).cloned().unwrap_or_default();
            out.push(ConcurrenceItem {
                component_id: c.component_id.clone(),
                target: "proposed_decision".into(),
                description: format!(
                    "Override request: {} instead of the recommended {}",
                    p["decision"].as_str().unwrap_or_default(),
                    c.recommended_decision.code()
                ),
                justification: p["justification"].as_str().unwrap_or_default().to_string(),
                concurred: p["hr_adviser_concurred"].as_bool(),
            });
        }
    }
    out
}

async fn meta(db: &Store, id: i64) -> Result<CaseMeta, AppError> {
    db.case_meta(id).await?.ok_or_else(crate::cases::access::not_found)
}

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

fn is_due(state: CaseState, next_review: Option<&str>, flagged: bool) -> bool {
    state == CaseState::Decided
        && (flagged
            || next_review.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()).is_some_and(|d| d <= today()))
}

/// The warning for a next review date that is already past (item 11 of the users' journeys):
/// before sign-off it says the decision would be due for re-assessment at once; after it, that the
/// date had passed when the version was signed.
fn review_date_warning(
    state: CaseState,
    next_review: Option<NaiveDate>,
    signed_on: Option<NaiveDate>,
) -> Option<String> {
    let date = next_review?;
    match (state, signed_on) {
        (CaseState::Decided | CaseState::Superseded, Some(signed)) if date < signed => Some(format!(
            "The next review date ({date}), computed from the assessment date, had already passed when this version was signed off on {signed}."
        )),
        (CaseState::Draft | CaseState::Returned | CaseState::Submitted, _) if date < today() => Some(format!(
            "The next review date computed from the assessment date (1.8) is {date}, which is already past: once signed off, this assessment is due for re-assessment at once. Check the assessment date."
        )),
        _ => None,
    }
}

fn review_due(submitted_at: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    submitted_at.map(|t| t + Duration::days(REVIEW_DAYS))
}

fn anchors(
    catalogue: &Catalogue,
    draft: &Draft,
    result: Option<&crate::methodology::ResultDocument>,
) -> Vec<(String, String)> {
    let components = draft.component_ids();
    let mut out = vec![(String::new(), "The assessment as a whole".to_string())];
    for s in crate::cases::steps::steps_for(catalogue, &components) {
        let label = match &s.component {
            Some(c) => format!("Step {} · {} ({c})", s.number, s.title),
            None => format!("Step {} · {}", s.number, s.title),
        };
        out.push((format!("step:{}", s.segment()), label));
    }
    for c in result.map(|r| r.components.as_slice()).unwrap_or_default() {
        for a in c.areas.iter().filter_map(|a| a.triggered()) {
            out.push((
                format!("area:{}/{}", c.component_id, a.area.code()),
                format!("{} · {} {}", c.component_id, a.area.code(), a.name),
            ));
        }
    }
    out
}

/// A comment's text in an event: `{"comment": {"body": …}}`, or the plain text of older events.
fn comment_text(details: &Value) -> String {
    details["comment"]["body"].as_str().or_else(|| details["comment"].as_str()).unwrap_or_default().to_string()
}

fn event_summary(action: &str, details: &Value) -> String {
    let s = |k: &str| details[k].as_str().unwrap_or_default().to_string();
    let list = |k: &str| {
        details[k]
            .as_array()
            .map(|l| l.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", "))
            .unwrap_or_default()
    };
    match action {
        "CREATED" => format!("Created as {}", s("reference")),
        "REASSESSMENT_STARTED" => {
            format!("Re-assessment started as {} (from case {})", s("reference"), details["previous_case_id"])
        }
        "ANSWERS_EDITED" => {
            let changed = list("changed");
            format!(
                "Saved step {} → revision {}: {}",
                s("step"),
                details["revision"],
                if changed.is_empty() { "no answer changed".into() } else { changed }
            )
        }
        "COMPONENTS_CHANGED" => {
            format!("Support components now {} (revision {})", list("components"), details["revision"])
        }
        "SUBMITTED" => format!("Submitted revision {} · {}", details["revision"], s("content_hash")),
        "RETURNED" => format!("Returned to the assessor: {}", comment_text(details)),
        "CONCURRED" => format!("Concurred with {} of {}", s("target"), s("component")),
        "CONCURRENCE_REFUSED" => {
            format!("Refused concurrence with {} of {}: {}", s("target"), s("component"), s("comment"))
        }
        "COMMENTED" => {
            let anchor = details["comment"]["anchor"].as_str().map(String::from).unwrap_or_else(|| s("anchor"));
            format!("Comment on {}", if anchor.is_empty() { "the assessment".into() } else { anchor })
        }
        "RECORD_SEALED" => "Record signed at the upgrade to signed audit events".to_string(),
        "SIGNED_OFF" => format!("Signed off ({}) · {}", list("decisions"), s("content_hash")),
        "SUPERSEDED" => format!("Superseded by {}", s("reference")),
        "EXPORTED" => format!("Summary downloaded as {} ({})", s("format"), s("via")),
        "TRIGGER_RECORDED" => format!("Trigger event {} on {}: {}", s("trigger"), s("date"), s("description")),
        other => other.to_string(),
    }
}

/// The risk summary page of one case version (every reader in scope; managers without answer text).
pub async fn summary(
    db: &Store,
    registry: &Registry,
    user: &CurrentUser,
    id: i64,
    lang: Lang,
) -> Result<CaseSummary, AppError> {
    let (overview, draft, outcome) = crate::services::cases::overview_with_answers(db, registry, user, id).await?;
    let state = overview.item.state;
    let version = &overview.methodology_version;
    let scoring =
        registry.get(version).ok_or_else(|| AppError::internal(format!("methodology {version} not loaded")))?;
    // What the page shows (names, titles, options) in the reader's language; the record's check
    // reads the catalogue the version was scored with.
    let catalogue = registry.get_in(version, lang.code()).unwrap_or(scoring);
    let m = meta(db, id).await?;
    let hidden = overview.answers_hidden;
    let result = outcome.result().cloned();

    let measure_name = |code: &str| catalogue.measures.iter().find(|x| x.code.code() == code).map(|x| x.name.clone());
    let mut mitigation = Vec::new();
    let mut monitoring = Vec::new();
    for c in &draft.components {
        let cid = c.component_id.clone();
        for measure in c.part(MEASURES.key).and_then(Value::as_array).into_iter().flatten() {
            let code = measure["code"].as_str().unwrap_or_default().to_string();
            mitigation.push(MeasureRow {
                component_id: cid.clone(),
                name: measure_name(&code).unwrap_or_default(),
                code,
                target_areas: measure["target_areas"]
                    .as_array()
                    .map(|l| l.iter().filter_map(|a| a.as_str().map(String::from)).collect())
                    .unwrap_or_default(),
                status_label: measure["status"]
                    .as_str()
                    .map(|code| catalogue.label(crate::methodology::codes::MeasureStatus::NAME, code).to_string())
                    .unwrap_or_default(),
                status: measure["status"].as_str().unwrap_or_default().to_string(),
                responsible: measure["responsible"].as_str().filter(|s| !s.is_empty() && !hidden).map(String::from),
                has_indicator: measure["has_indicator"].as_bool().unwrap_or(false),
                resourced: measure["resourced"].as_bool().unwrap_or(false),
                description: (!hidden).then(|| measure["description"].as_str().unwrap_or_default().to_string()),
            });
        }
        let component_result = result.as_ref().and_then(|r| r.components.iter().find(|x| x.component_id == cid));
        monitoring.push(MonitoringRow {
            component_id: cid.clone(),
            plan: c.answers.text("monitoring_plan").filter(|s| !s.trim().is_empty() && !hidden).map(String::from),
            has_plan: c.answers.text("monitoring_plan").is_some_and(|s| !s.trim().is_empty()),
            frequency_months: component_result.and_then(|r| r.monitoring_frequency_months),
            next_review_date: component_result.and_then(|r| r.next_review_date).map(|d| d.to_string()),
            watch_triggers: component_result
                .map(|r| r.watch_triggers.iter().map(|t| t.code().to_string()).collect())
                .unwrap_or_default(),
        });
    }
    let consultations = ConsultationType::ALL
        .iter()
        .map(|kind| {
            let records = draft
                .get(Slot::Part(Holder::Document), None, CONSULTATIONS.key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter(|r| r["type"].as_str() == Some(kind.code()))
                .map(|r| {
                    (
                        r["date"].as_str().unwrap_or_default().to_string(),
                        if hidden { String::new() } else { r["by"].as_str().unwrap_or_default().to_string() },
                        if hidden { None } else { r["summary"].as_str().filter(|s| !s.is_empty()).map(String::from) },
                    )
                })
                .collect();
            ConsultationRow {
                kind: kind.code().to_string(),
                label: catalogue
                    .enum_values("ConsultationType")
                    .iter()
                    .find(|v| v.code == kind.code())
                    .map_or_else(|| kind.code().to_string(), |v| v.label.clone()),
                required: result.as_ref().is_some_and(|r| r.consultations_required.get(*kind)),
                records,
            }
        })
        .collect();

    let snapshots = db.snapshots_with_authors(id).await?;
    // The record of this version, checked: every event's signature, the snapshots, the comments and
    // the live row against what was signed (audit::check).
    let record = crate::services::verify::check_one_case(db, id, Some(scoring), true).await?;
    // Checked once above: a snapshot is verified when the check read it and found it authentic.
    let verified = |s: &SnapshotWithAuthor| {
        record.snapshots.iter().any(|r| r.id == s.id) && !record.broken_snapshots.contains(&s.id)
    };
    let submission = snapshots.iter().rev().find(|s| s.kind == "SUBMISSION").map(|s| SnapshotView {
        by: s.created_by_name.clone(),
        at: s.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
        content_hash: s.content_hash.clone(),
        verified: verified(s),
    });
    let sign_off = snapshots.iter().rev().find(|s| s.kind == "SIGN_OFF").and_then(|s| {
        let record = SignOffHeader::read(&s.record)?;
        let decisions = record
            .decisions
            .into_iter()
            .map(|d| DecisionView {
                component_id: d.component_id,
                recommended: d.recommended_decision,
                final_decision: d.final_decision,
                conditions: d.conditions,
                approval_level_required: d.approval_level_required,
            })
            .collect();
        Some(SignOffView {
            signed_by: format!("{} ({})", s.created_by_name, record.signed_by),
            signer_level: record.signer_level,
            signed_at: record.signed_at,
            comment: record.comment,
            decisions,
            content_hash: s.content_hash.clone(),
            verified: verified(s),
        })
    });

    let comment_rows = db.comments(id).await?;
    let anchor_list = anchors(catalogue, &draft, result.as_ref());
    let label_of = |anchor: &str| {
        anchor_list.iter().find(|(a, _)| a == anchor).map_or_else(|| anchor.to_string(), |(_, l)| l.clone())
    };
    let comments = comment_rows
        .into_iter()
        .map(|c| CommentView {
            anchor_label: label_of(&c.anchor),
            id: c.id,
            anchor: c.anchor,
            kind: c.kind,
            body: c.body,
            author: c.author,
            role: Role::parse(&c.author_role).map_or(c.author_role.clone(), |r| r.label().to_string()),
            at: c.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
        })
        .collect();

    let stored_events = &record.events;
    let triggers = stored_events
        .iter()
        .filter(|e| e.action == Action::TriggerRecorded.as_str())
        .filter_map(|e| {
            let d: Value = serde_json::from_str(&e.details).ok()?;
            Some(TriggerView {
                trigger: d["trigger"].as_str()?.to_string(),
                date: d["date"].as_str()?.to_string(),
                description: d["description"].as_str().unwrap_or_default().to_string(),
                by: e.actor.clone(),
            })
        })
        .collect();
    let events = stored_events
        .iter()
        .map(|e| EventView {
            seq: e.case_seq.unwrap_or(0),
            record_seq: e.seq,
            at: e.at.replace('T', " ").chars().take(16).collect::<String>() + " UTC",
            actor: e.actor.clone(),
            role: Role::parse(&e.role).map_or(e.role.clone(), |r| r.label().to_string()),
            action: e.action.clone(),
            summary: event_summary(&e.action, &serde_json::from_str(&e.details).unwrap_or(Value::Null)),
            hash: e.hash.clone(),
        })
        .collect();

    let versions = series(db, id, m.previous_id).await?;
    let (changes, previous_reference) = match m.previous_id {
        Some(prev) => {
            let (answers, reference) = db.answers_and_reference(prev).await?;
            let before = Draft::parse(&answers).map_err(AppError::internal)?;
            let mut changes = crate::cases::diff::describe_changes(catalogue, &before, &draft);
            // Managers learn which answers changed, not what they say (spec §10.1).
            if hidden {
                for c in &mut changes {
                    c.before.clear();
                    c.after.clear();
                }
            }
            (changes, Some(reference))
        }
        None => (Vec::new(), None),
    };

    let due = (state == CaseState::Submitted).then(|| review_due(m.submitted_at)).flatten();
    let participants = participants(db, id).await?;
    let mut actions = Actions { can_comment: true, revision: m.revision, ..Actions::default() };
    if user.has(Role::Reviewer) && state == CaseState::Submitted {
        actions.can_return = true;
        let level = user.approval_level.unwrap_or(0);
        actions.sign_off = Some(match (&result, signer_conflict(&participants, user)) {
            (_, Some(reason)) => Err(reason),
            (None, _) => Err("The stored answers no longer score; return the case to the assessor.".into()),
            (Some(r), None) if level < r.approval_level_required => Err(format!(
                "This case needs approval level {}; you sign at level {level}. It waits for a reviewer at that level.",
                r.approval_level_required
            )),
            (Some(_), None) => Ok(()),
        });
        if let Some(r) = &result {
            let status = implementation_status(&draft);
            actions.decision_choices = r
                .components
                .iter()
                .map(|c| {
                    let allowed = allowed_decisions(c, status);
                    DecisionChoice {
                        component_id: c.component_id.clone(),
                        recommended: c.recommended_decision,
                        approval_level_required: c.approval_level_required,
                        proposed: c.proposed_decision.filter(|d| allowed.contains(d)),
                        allowed,
                    }
                })
                .collect();
        }
    }
    if user.has(Role::HrAdviser) && state.editable() {
        if let Some(r) = &result {
            actions.concurrences = concurrence_items(&draft, r);
        }
        actions.concurrence_blocked = adviser_conflict(&participants, user);
    }
    let newest = versions.last().is_none_or(|v| v.id == id);
    actions.can_record_trigger = state == CaseState::Decided && (user.has(Role::Assessor) || user.has(Role::HrAdviser));
    actions.can_reassess = state == CaseState::Decided && newest && user.has(Role::Assessor);

    let review_date_warning = review_date_warning(
        state,
        match state {
            CaseState::Decided | CaseState::Superseded => {
                m.next_review_date.as_deref().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            }
            _ => result
                .as_ref()
                .and_then(|r| r.next_review_date)
                .and_then(|d| NaiveDate::parse_from_str(&d.to_string(), "%Y-%m-%d").ok()),
        },
        sign_off
            .as_ref()
            .and_then(|s| s.signed_at.get(..10))
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
    );
    let country_context = if hidden { Vec::new() } else { country_context(db, catalogue, &draft, id).await? };
    Ok(CaseSummary {
        country_context,
        country_context_confirmed: crate::reference::Confirmation::of(&draft).confirmed,
        hard_rule_titles: catalogue.hard_rule_titles(),
        code_labels: catalogue.code_labels(),
        trigger_events: catalogue.enum_options(TriggerEvent::NAME),
        reassessment_types: catalogue
            .enum_options(AssessmentType::NAME)
            .into_iter()
            .filter(|(code, _)| REASSESSMENT_TYPES.contains(&code.as_str()))
            .collect(),
        result,
        mitigation,
        monitoring,
        consultations,
        submission,
        sign_off,
        comments,
        events,
        integrity_problems: record.problems,
        versions,
        changes,
        previous_reference,
        review_due: due.map(|d| d.format("%Y-%m-%d").to_string()),
        review_overdue: due.is_some_and(|d| d < Utc::now()),
        reassessment_due: is_due(state, m.next_review_date.as_deref(), m.reassessment_due),
        review_date_warning,
        triggers,
        actions,
        anchors: anchor_list,
        overview,
    })
}

/// Step 2's answers beside the reference data they were pre-filled with.
async fn country_context(
    db: &Store,
    catalogue: &crate::methodology::Catalogue,
    draft: &crate::methodology::draft::Draft,
    id: i64,
) -> Result<Vec<crate::review::ContextRow>, AppError> {
    let basis = crate::services::reference::case_basis(db, id).await?;
    let changed = crate::reference::changed_from_reference(catalogue, &basis, draft);
    let confirmation = crate::reference::Confirmation::of(draft);
    let words = |question: &str, value: Option<&Value>| {
        crate::reference::value_in_words(catalogue, question, value, "not answered")
    };
    Ok(crate::reference::QUESTIONS
        .iter()
        .filter_map(|id| catalogue.question(id))
        .map(|q| {
            let answer = draft.case.get(&q.id).filter(|v| !v.is_null());
            let item = basis.item(&q.id);
            let changed = changed.contains(&q.id);
            crate::review::ContextRow {
                question: q.id.clone(),
                label: format!("{} {}", q.display, q.label),
                answer: words(&q.id, answer),
                reference: item.map(|i| {
                    (
                        words(&q.id, i.entry.value.as_ref()),
                        i.entry.effective_from.to_string(),
                        i.entry.source.citation.clone(),
                    )
                }),
                changed,
                reason: changed.then(|| confirmation.reason(&q.id).map(String::from)).flatten(),
            }
        })
        .collect())
}

/// The page-cache key of a version's summary as `user` sees it, after the same access check as
/// [`summary`]; None while the version can still change (drafts, submitted and returned versions
/// are always rendered afresh).
///
/// A decided or superseded version's summary changes only through what the key holds: the
/// version's revision and event count (comments, triggers, downloads and supersession each append
/// an event), its due flag and review date, the state of every version in its series (the version
/// list and the re-assessment button), today's date (whether the review is due), and the viewer's
/// roles and approval level (what they may read and do). The country is not in it: a user outside
/// it is refused here before any cached page is looked at.
pub async fn summary_cache_key(db: &Store, user: &CurrentUser, id: i64) -> Result<Option<String>, AppError> {
    crate::cases::access::require_reader(user)?;
    let facts = meta(db, id).await?;
    if !crate::cases::access::can_read(user, &facts.country) {
        return Err(crate::cases::access::not_found());
    }
    let state =
        CaseState::parse(&facts.state).ok_or_else(|| AppError::internal(format!("case state {}", facts.state)))?;
    if !matches!(state, CaseState::Decided | CaseState::Superseded) {
        return Ok(None);
    }
    let series: Vec<String> =
        series(db, id, facts.previous_id).await?.iter().map(|v| format!("{}:{}", v.id, v.state.as_str())).collect();
    let mut roles: Vec<&str> = user.roles.iter().map(|r| r.as_str()).collect();
    roles.sort_unstable();
    Ok(Some(format!(
        "case {id} {} r{} e{} due {} next {} series {} today {} roles {} level {}",
        state.as_str(),
        facts.revision,
        facts.event_count,
        facts.reassessment_due,
        facts.next_review_date.as_deref().unwrap_or("-"),
        series.join(","),
        today(),
        roles.join(","),
        user.approval_level.map_or(0, u8::from),
    )))
}

/// Every version of the series this case belongs to, oldest first.
async fn series(db: &Store, id: i64, previous: Option<i64>) -> Result<Vec<VersionLink>, AppError> {
    let mut rows = Vec::new();
    let mut back = previous;
    while let Some(p) = back {
        let Some(r) = db.version(p).await? else { break };
        back = r.previous_id;
        rows.insert(0, r);
    }
    let mut current = db.version(id).await?;
    while let Some(r) = current {
        let next_key = r.id;
        rows.push(r);
        current = db.next_version(next_key).await?;
    }
    Ok(rows
        .into_iter()
        .map(|r| VersionLink {
            id: r.id,
            reference: r.reference,
            version_no: r.version_no,
            state: CaseState::parse(&r.state).unwrap_or(CaseState::Draft),
        })
        .collect())
}

/// Validates a comment anchor against the case: a step, a risk area or the whole case.
fn check_anchor(catalogue: &Catalogue, draft: &Draft, anchor: &str) -> Result<String, AppError> {
    let anchor = anchor.trim();
    if anchor.is_empty() {
        return Ok(String::new());
    }
    if let Some(segment) = anchor.strip_prefix("step:") {
        if crate::cases::steps::parse_segment(catalogue, &draft.component_ids(), segment).is_some() {
            return Ok(anchor.to_string());
        }
    }
    if let Some((component, area)) = anchor.strip_prefix("area:").and_then(|a| a.split_once('/')) {
        if draft.component(component).is_some() && crate::methodology::codes::Area::parse(area).is_some() {
            return Ok(anchor.to_string());
        }
    }
    Err(AppError::invalid("anchor", "Choose what the comment is about from the list."))
}

/// The case as its notices name it, in the state it has after the change.
fn subject_of<'a>(
    case_id: i64,
    row: &'a crate::store::cases::DraftRow,
    state_after: CaseState,
) -> services_notify::Subject<'a> {
    services_notify::Subject {
        case_id,
        reference: &row.reference,
        title: &row.title,
        country: &row.country,
        state_after,
    }
}

/// A comment as the signed record holds it (in the event that stored it): verification compares
/// every stored comment with it word for word.
pub fn comment_entry(id: i64, anchor: &str, kind: &str, body: &str) -> Value {
    json!({ "id": id, "anchor": anchor, "kind": kind, "body": body })
}

/// A comment about to be stored: on which case version, where, of which kind, in which role.
struct NewComment<'a> {
    case_id: i64,
    version_no: i64,
    role: Role,
    anchor: &'a str,
    kind: &'a str,
    body: &'a str,
}

/// Stores a comment and its audit event (the comment text is part of the hashed event).
async fn insert_comment(
    db: &Store,
    user: &CurrentUser,
    comment: NewComment<'_>,
    notices: &services_notify::Planned,
) -> Result<i64, AppError> {
    let NewComment { case_id, version_no, role, anchor, kind, body } = comment;
    let now = Utc::now();
    let mut event = NewEvent::new(case_id, version_no, user, role, Action::Commented, json!({}));
    let mut write = db.write().await?;
    let id = write
        .insert_comment(&crate::store::review::NewComment {
            case_id,
            anchor,
            body,
            kind,
            author: user.id,
            author_role: role.as_str(),
            at: now,
        })
        .await?;
    event.details = json!({ "comment": comment_entry(id, anchor, kind, body) });
    write.append_event(&event).await?;
    notices.write(&mut write, now).await?;
    write.commit().await?;
    Ok(id)
}

/// Adds a comment (any reader in scope, any state), anchored to a step, a risk area or the case.
pub async fn comment(
    db: &Store,
    registry: &Registry,
    user: &CurrentUser,
    id: i64,
    anchor: &str,
    body: &str,
) -> Result<i64, AppError> {
    let Loaded { row, draft, catalogue, state } = load(db, registry, user, id).await?;
    let body = text_field("body", body, "the comment", true)?.unwrap_or_default();
    let anchor = check_anchor(catalogue, &draft, anchor)?;
    let role = acting(user, &[Role::Reviewer, Role::HrAdviser, Role::Assessor, Role::Manager]);
    let comment =
        NewComment { case_id: id, version_no: row.version_no, role, anchor: &anchor, kind: "COMMENT", body: &body };
    // The assessor hears of every comment; reviewers only while the case waits for them.
    let audience: &[notify::Audience] = if state == CaseState::Submitted {
        &[notify::Audience::Assessor, notify::Audience::Reviewers]
    } else {
        &[notify::Audience::Assessor]
    };
    let subject = subject_of(id, &row, state);
    let notices = services_notify::plan_for(db, Kind::Commented, audience, &subject, user, None).await?;
    insert_comment(db, user, comment, &notices).await
}

/// Returns a submitted case to the assessor (any reviewer level); the comment is required.
pub async fn return_case(
    db: &Store,
    registry: &Registry,
    user: &CurrentUser,
    id: i64,
    anchor: &str,
    body: &str,
) -> Result<(), AppError> {
    let Loaded { row, state, draft, catalogue } = load(db, registry, user, id).await?;
    workflow::decide(state, &row.country, Act::Return, user)?;
    let body = text_field("body", body, "what the assessor should change", true)?.unwrap_or_default();
    let anchor = check_anchor(catalogue, &draft, anchor)?;
    let now = Utc::now();
    let event = NewEvent::new(id, row.version_no, user, Role::Reviewer, Action::Returned, json!({ "anchor": anchor }));
    let notices =
        services_notify::plan(db, Kind::Returned, &subject_of(id, &row, CaseState::Returned), user, Some(&body))
            .await?;
    let mut write = db.write().await?;
    let returned = write.mark_returned(id, user.id, now).await?;
    if returned {
        let comment = crate::store::review::NewComment {
            case_id: id,
            anchor: &anchor,
            body: &body,
            kind: "RETURN",
            author: user.id,
            author_role: Role::Reviewer.as_str(),
            at: now,
        };
        let comment_id = write.insert_comment(&comment).await?;
        let mut event = event.clone();
        event.details["comment"] = comment_entry(comment_id, &anchor, "RETURN", &body);
        write.append_event(&event).await?;
        notices.write(&mut write, now).await?;
    }
    write.commit().await?;
    let n = u64::from(returned);
    if n == 0 {
        return Err(AppError::Conflict(
            "Someone decided or returned this assessment a moment ago; reload the page.".into(),
        ));
    }
    Ok(())
}

/// The adviser concurs with (or refuses) a lowering override or an override request (spec §10.2),
/// against the revision they read. A refusal needs a reason; both are recorded as comments.
#[allow(clippy::too_many_arguments)]
pub async fn concur(
    db: &Store,
    registry: &Registry,
    user: &CurrentUser,
    id: i64,
    revision: i64,
    component: &str,
    target: &str,
    agree: bool,
    body: &str,
) -> Result<i64, AppError> {
    let Loaded { row, state, mut draft, .. } = load(db, registry, user, id).await?;
    let took_part = participants(db, id).await?;
    workflow::decide(state, &row.country, Act::Concur { participants: &took_part }, user)?;
    if row.revision != revision {
        return Err(stale_page());
    }
    let body = text_field("body", body, "the reason for refusing", !agree)?;
    let result = score_draft(registry, &draft).result().cloned();
    let items = result.map(|r| concurrence_items(&draft, &r)).unwrap_or_default();
    if !items.iter().any(|i| i.component_id == component && i.target == target) {
        return Err(AppError::invalid(
            "target",
            "There is no lowering override or override request to concur with there.",
        ));
    }
    let before = draft.clone();
    let c = draft.component_mut(component).ok_or_else(|| AppError::NotFound("No such component.".into()))?;
    // The item exists (checked above), so the override or proposed decision is there to mark.
    let record = match target.strip_prefix("override.").and_then(|j| j.parse::<usize>().ok()) {
        Some(j) => c.parts.get_mut(OVERRIDES.key).and_then(|list| list.get_mut(j)),
        None => c.parts.get_mut(PROPOSED_DECISION.key),
    };
    if let Some(record) = record.and_then(Value::as_object_mut) {
        record.insert("hr_adviser_concurred".into(), json!(agree));
    }
    let mut change = Change::edit(
        row.version_no,
        Role::HrAdviser,
        &before,
        &draft,
        json!({ "step": "concurrence", "component": component, "target": target, "comment": body }),
    );
    change.action = if agree { Action::Concurred } else { Action::ConcurrenceRefused };
    let outcome = score_draft(registry, &draft);
    let new =
        NewRevision { case_id: id, base_revision: revision, draft: &draft, outcome: &outcome, change, position: None };
    match wizard::store(db, user, new).await? {
        Stored::Saved(new_revision) => {
            let anchor = format!("step:decision-{component}");
            let text = body.unwrap_or_else(|| format!("Concurred with {target}."));
            let kind = if agree { "CONCURRENCE" } else { "REFUSAL" };
            let comment = NewComment {
                case_id: id,
                version_no: row.version_no,
                role: Role::HrAdviser,
                anchor: &anchor,
                kind,
                body: &text,
            };
            let notice = if agree { Kind::Concurred } else { Kind::ConcurrenceRefused };
            let notices = services_notify::plan(db, notice, &subject_of(id, &row, state), user, None).await?;
            insert_comment(db, user, comment, &notices).await?;
            Ok(new_revision)
        }
        Stored::Stale { .. } => Err(stale_page()),
    }
}

/// Signs off a submitted case (spec §10.2, §10.4, §10.5): reviewer at the required level, not a
/// participant, a valid final decision per component. Stores the immutable sign-off record and
/// returns its content hash; a re-assessment's previous version becomes SUPERSEDED.
pub async fn sign_off(
    db: &Store,
    registry: &Registry,
    user: &CurrentUser,
    id: i64,
    revision: i64,
    decisions: &[DecisionInput],
    comment: &str,
) -> Result<String, AppError> {
    let Loaded { row, state, draft, catalogue } = load(db, registry, user, id).await?;
    let outcome = score_draft(registry, &draft);
    let took_part = participants(db, id).await?;
    let required_level = outcome.result().map(|r| r.approval_level_required);
    // Authorization (role, state, segregation, level) before staleness: a reviewer below the level
    // learns that first.
    workflow::decide(state, &row.country, Act::SignOff { required_level, participants: &took_part }, user)?;
    let result = outcome.result().ok_or_else(|| AppError::internal("scored above"))?;
    let level = user.approval_level.unwrap_or(0);
    if row.revision != revision {
        return Err(stale_page());
    }
    let status = implementation_status(&draft);
    let mut chosen = Vec::new();
    for c in &result.components {
        let input = decisions.iter().find(|d| d.component_id == c.component_id).ok_or_else(|| {
            AppError::invalid(
                &format!("final.{}", c.component_id),
                format!("Choose the final decision for {}.", c.component_id),
            )
        })?;
        let field = format!("final.{}", c.component_id);
        let decision = crate::methodology::codes::FinalDecision::parse(&input.final_decision)
            .ok_or_else(|| AppError::invalid(&field, format!("Choose the final decision for {}.", c.component_id)))?;
        if let Some(problem) = decision_problem(c, status, decision, &input.conditions) {
            let field = if problem.starts_with("Write the conditions") {
                format!("conditions.{}", c.component_id)
            } else {
                field
            };
            return Err(AppError::invalid(&field, problem));
        }
        let conditions =
            text_field(&format!("conditions.{}", c.component_id), &input.conditions, "the conditions", false)?;
        chosen.push((c, decision, conditions));
    }
    let comment = text_field("comment", comment, "the comment", false)?;
    let now = Utc::now();
    let answers = applicable(catalogue, &draft);
    let record = SignOffRecord {
        case_id: id,
        version: row.version_no,
        methodology_version: answers.methodology_version.clone(),
        answers,
        result: result.clone(),
        decisions: chosen.iter().map(|(c, d, conditions)| SignedDecision::new(c, *d, conditions.as_deref())).collect(),
        signed_by: user.email.clone(),
        signer_level: level,
        signed_at: record_time(now),
        comment: comment.clone(),
    };
    let (text, hash) = sealed(&record).map_err(AppError::internal)?;
    let overall = chosen.iter().map(|(_, d, _)| *d).max_by_key(|d| (d.rank(), *d)).map(|d| d.code());
    let summary: Vec<String> = chosen.iter().map(|(c, d, _)| format!("{}: {}", c.component_id, d.code())).collect();
    let event = NewEvent::new(
        id,
        row.version_no,
        user,
        Role::Reviewer,
        Action::SignedOff,
        json!({ "content_hash": hash, "decisions": summary }),
    );
    let previous = db.decided_previous(id).await?;
    let superseded = previous.map(|(pid, pv)| {
        NewEvent::new(
            pid,
            pv,
            user,
            Role::Reviewer,
            Action::Superseded,
            json!({ "reference": row.reference, "case_id": id }),
        )
    });
    let finals = crate::portfolio::index::finals(&record.decisions);
    let notices =
        services_notify::plan(db, Kind::Decided, &subject_of(id, &row, CaseState::Decided), user, None).await?;
    let mut write = db.write().await?;
    let decided =
        write.mark_decided(&Decision { case_id: id, revision, final_decision: overall, by: user.id, at: now }).await?;
    if decided {
        let snapshot =
            NewSnapshot { case_id: id, kind: "SIGN_OFF", revision, record: &text, hash: &hash, by: user.id, at: now };
        write.insert_snapshot(&snapshot).await?;
        let mut event = event.clone();
        if let Some(c) = &comment {
            let comment_id = write
                .insert_comment(&crate::store::review::NewComment {
                    case_id: id,
                    anchor: "",
                    body: c,
                    kind: "SIGN_OFF",
                    author: user.id,
                    author_role: Role::Reviewer.as_str(),
                    at: now,
                })
                .await?;
            event.details["comment"] = comment_entry(comment_id, "", "SIGN_OFF", c);
        }
        write.write_final_decisions(id, &finals).await?;
        write.append_event(&event).await?;
        notices.write(&mut write, now).await?;
        if let Some(e) = &superseded {
            write.mark_superseded(e.case_id().unwrap_or_default()).await?;
            write.append_event(e).await?;
        }
    }
    write.commit().await?;
    let n = u64::from(decided);
    if n == 0 {
        return Err(AppError::Conflict(
            "Someone decided or returned this assessment a moment ago; reload the page.".into(),
        ));
    }
    tracing::info!(target: "audit", user = user.id, case = id, hash, "case signed off");
    Ok(hash)
}

/// Records a trigger event on a decided version (assessors and advisers, spec §10.6); the version
/// becomes due for re-assessment.
pub async fn record_trigger(
    db: &Store,
    registry: &Registry,
    user: &CurrentUser,
    id: i64,
    trigger: &str,
    date: &str,
    description: &str,
) -> Result<(), AppError> {
    let Loaded { row, state, .. } = load(db, registry, user, id).await?;
    workflow::decide(state, &row.country, Act::RecordTrigger, user)?;
    let trigger =
        TriggerEvent::parse(trigger).ok_or_else(|| AppError::invalid("trigger", "Choose the kind of event."))?;
    let date = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::invalid("date", "Enter the date of the event (YYYY-MM-DD)."))?;
    if date > today() {
        return Err(AppError::invalid("date", "The event date cannot be in the future."));
    }
    let description = text_field("description", description, "what happened", true)?.unwrap_or_default();
    let role = acting(user, &[Role::Assessor, Role::HrAdviser]);
    let event = NewEvent::new(
        id,
        row.version_no,
        user,
        role,
        Action::TriggerRecorded,
        json!({ "trigger": trigger.code(), "date": date.to_string(), "description": description }),
    );
    let notices = services_notify::plan(
        db,
        Kind::TriggerRecorded,
        &subject_of(id, &row, state),
        user,
        Some(&format!("{}: {description}", trigger.code())),
    )
    .await?;
    let mut write = db.write().await?;
    write.mark_reassessment_due(id).await?;
    write.append_event(&event).await?;
    notices.write(&mut write, Utc::now()).await?;
    write.commit().await?;
    Ok(())
}

/// Starts a re-assessment of a decided version (assessors, spec §10.2/§10.6): a new version in DRAFT,
/// pre-filled from this one, with the adviser's concurrences cleared. Returns the new case id.
pub async fn start_reassessment(
    db: &Store,
    registry: &Registry,
    user: &CurrentUser,
    id: i64,
    assessment_type: &str,
    trigger_event: &str,
) -> Result<i64, AppError> {
    let Loaded { row, state, mut draft, .. } = load(db, registry, user, id).await?;
    workflow::decide(state, &row.country, Act::StartReassessment, user)?;
    if let Some(reference) = db.next_version(id).await?.map(|v| v.reference) {
        return Err(AppError::Conflict(format!("A re-assessment of this version already exists: {reference}.")));
    }
    if !REASSESSMENT_TYPES.contains(&assessment_type) {
        return Err(AppError::invalid("assessment_type", "Choose why the assessment is repeated."));
    }
    let case = &mut draft.case;
    case.insert("assessment_type", json!(assessment_type));
    if assessment_type == "TRIGGERED" {
        let trigger = TriggerEvent::parse(trigger_event)
            .ok_or_else(|| AppError::invalid("trigger_event", "Choose the event that triggers the re-assessment."))?;
        case.insert("trigger_event", json!(trigger.code()));
    } else {
        case.remove("trigger_event");
    }
    case.insert("assessment_date", json!(today().to_string()));
    // The country context starts again from the reference data in force now (shown with its source
    // in step 2); the assessor confirms or changes it.
    let basis = crate::services::cases::prefill_reference(db, &row.country, case).await?;
    // The previous version's confirmation and reasons were about its own pre-filled values.
    draft.parts.remove(crate::methodology::draft::COUNTRY_CONTEXT_KEY);
    // Concurrences belong to the version they were given in (segregation is per version).
    for c in &mut draft.components {
        for o in c.parts.get_mut(OVERRIDES.key).and_then(Value::as_array_mut).into_iter().flatten() {
            if let Some(o) = o.as_object_mut() {
                o.remove("hr_adviser_concurred");
            }
        }
        if let Some(p) = c.parts.get_mut(PROPOSED_DECISION.key).and_then(Value::as_object_mut) {
            p.remove("hr_adviser_concurred");
        }
    }
    let series_reference = match row.reference.rsplit_once("-v") {
        Some((base, n)) if n.chars().all(|ch| ch.is_ascii_digit()) => base.to_string(),
        _ => row.reference.clone(),
    };
    let lineage = crate::services::cases::Lineage { previous_id: id, version_no: row.version_no + 1, series_reference };
    crate::services::cases::insert_draft(db, registry, user, &row.country, &row.title, &draft, Some(lineage), &basis)
        .await
}

/// The assessment types a re-assessment can have (question 1.6 without NEW).
const REASSESSMENT_TYPES: [&str; 4] = ["PERIODIC", "TRIGGERED", "EXTENSION_OR_NEW_PHASE", "CASE_SPECIFIC_REQUEST"];

async fn queue_rows(db: &Store, user: &CurrentUser, queue: Queue) -> Result<Vec<QueueRow>, AppError> {
    Ok(db.queue(&user.scope, &queue).await?)
}

fn queue_item(r: QueueRow, reason: QueueReason) -> QueueItem {
    use crate::methodology::codes::{Band, RecommendedDecision};
    let state = CaseState::parse(&r.state).unwrap_or(CaseState::Draft);
    let (since, due, overdue) = match state {
        CaseState::Submitted => {
            let due = review_due(r.submitted_at);
            (
                r.submitted_at.unwrap_or(r.updated_at),
                due.map(|d| d.format("%Y-%m-%d").to_string()),
                due.is_some_and(|d| d < Utc::now()),
            )
        }
        CaseState::Decided => {
            (r.updated_at, r.next_review_date.clone(), is_due(state, r.next_review_date.as_deref(), r.reassessment_due))
        }
        _ => (r.updated_at, None, false),
    };
    QueueItem {
        id: r.id,
        reference: r.reference,
        country: r.country,
        title: r.title,
        version_no: r.version_no,
        state,
        band: r.overall_band.as_deref().and_then(Band::parse),
        decision: r.overall_decision.as_deref().and_then(RecommendedDecision::parse),
        approval_level: r.approval_level.map(|l| l as u8),
        since: since.format("%Y-%m-%d").to_string(),
        due,
        overdue,
        open: format!("/cases/{}", r.id),
        reason,
    }
}

/// The inbox of the signed-in user: what each of their roles asks of them (returned cases and
/// drafts for assessors, decisions for reviewers, advice for advisers), and the decided versions
/// due for re-assessment. Administrators have none (they never see case content).
pub async fn queue(db: &Store, user: &CurrentUser) -> Result<ReviewQueue, AppError> {
    if !crate::cases::CASE_READERS.iter().any(|r| user.has(*r)) {
        return Err(AppError::forbidden("The review queue is for the people who work on assessments."));
    }
    let mut q = ReviewQueue {
        level: user.approval_level,
        is_reviewer: user.has(Role::Reviewer),
        is_adviser: user.has(Role::HrAdviser),
        is_assessor: user.has(Role::Assessor),
        ..ReviewQueue::default()
    };
    if q.is_assessor {
        let rows = queue_rows(db, user, Queue::Returned).await?;
        for r in rows {
            let note = crate::services::cases::latest_return(db, r.id).await?;
            let id = r.id;
            let (reason, open) = match note {
                Some(n) => (
                    QueueReason::ReturnedWith { by: n.by.clone(), excerpt: excerpt(&n.body, 160) },
                    n.segment.map_or_else(|| format!("/cases/{id}"), |s| format!("/cases/{id}/edit/{s}")),
                ),
                None => (QueueReason::Returned, format!("/cases/{id}")),
            };
            let mut item = queue_item(r, reason);
            item.open = open;
            q.returned.push(item);
        }
        let rows = queue_rows(db, user, Queue::DraftsOf(user.id)).await?;
        q.drafts = rows
            .into_iter()
            .map(|r| {
                let reason = match (&r.overall_band, r.blocking_codes.is_empty()) {
                    (None, _) => QueueReason::AnswersMissing,
                    (Some(_), false) => QueueReason::Blocked,
                    (Some(_), true) => QueueReason::ReadyToSubmit,
                };
                queue_item(r, reason)
            })
            .collect();
    }
    if q.is_reviewer {
        let level = i64::from(user.approval_level.unwrap_or(0));
        let rows = queue_rows(db, user, Queue::Decidable { level }).await?;
        q.decidable = rows
            .into_iter()
            .map(|r| {
                let reason = QueueReason::NeedsLevel(r.approval_level.unwrap_or(1) as u8);
                queue_item(r, reason)
            })
            .collect();
        let rows = queue_rows(db, user, Queue::Waiting { level }).await?;
        q.waiting = rows
            .into_iter()
            .map(|r| {
                let reason = QueueReason::WaitsForLevel(r.approval_level.unwrap_or(1) as u8);
                queue_item(r, reason)
            })
            .collect();
    }
    if q.is_adviser {
        let rows = queue_rows(db, user, Queue::NeedsAdvice).await?;
        q.advice = rows
            .into_iter()
            .map(|r| {
                let reason = advice_reason(&r.blocking_codes);
                queue_item(r, reason)
            })
            .collect();
    }
    let today = today().to_string();
    let rows = queue_rows(db, user, Queue::DueForReassessment { today }).await?;
    q.reassessment = rows
        .into_iter()
        .map(|r| {
            let reason = if r.reassessment_due { QueueReason::TriggerRecorded } else { QueueReason::ReviewDatePassed };
            queue_item(r, reason)
        })
        .collect();
    Ok(q)
}

/// The first `max` characters of a text, on a word boundary, with an ellipsis when cut.
fn excerpt(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head).to_string();
    format!("{cut}…")
}

/// What the adviser is asked for, from the cached blocking codes.
fn advice_reason(codes: &str) -> QueueReason {
    QueueReason::NeedsAdvice {
        consultation: codes.contains("MISSING_OHCHR_CONSULTATION"),
        lowering_override: codes.contains("OVERRIDE_CONCURRENCE_PENDING"),
        override_request: codes.contains("OVERRIDE_REQUEST_INCOMPLETE"),
    }
}
