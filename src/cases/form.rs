//! Decoding a wizard step posted as a plain HTML form (the no-JavaScript path) into the same
//! question id → JSON map that the browser's editor sends, so both go through one `save_step`.
//!
//! Field names: `q.<question>` (repeated for multi-choice), `p.<part>.<row>.<field>` for list parts,
//! `p.<part>.<field>` for single records, `p.severity.<AREA>.<score>`; `_shown` / `_parts` name what the
//! page rendered (an unticked box or a hidden question posts nothing), `_revision` the editor's base.

use super::parts::{self, int_from_form, FieldKind, Part};
use crate::methodology::catalogue::{Catalogue, Kind};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub struct PostedStep {
    pub revision: Option<i64>,
    /// Where to go after saving: a step segment, or empty to stay.
    pub go: String,
    pub values: Map<String, Value>,
}

fn values_of<'a>(pairs: &'a [(String, String)], name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    pairs.iter().filter(move |(k, _)| k == name).map(|(_, v)| v.as_str())
}

pub fn decode(catalogue: &Catalogue, step_number: u8, pairs: &[(String, String)]) -> PostedStep {
    let mut out = PostedStep::default();
    let all = |name: &'static str| values_of(pairs, name);
    out.revision = all("_revision").next().and_then(|v| v.trim().parse().ok());
    out.go = all("_go").next().unwrap_or_default().to_string();
    let on_step = catalogue.step(step_number).map(|s| s.questions.clone()).unwrap_or_default();

    for id in all("_shown").filter(|id| on_step.iter().any(|q| q == id)) {
        let Some(q) = catalogue.question(id) else { continue };
        let name = format!("q.{id}");
        let first = values_of(pairs, &name).next().unwrap_or_default();
        let value = match q.kind {
            Kind::Multi => decode_multi(values_of(pairs, &name)),
            Kind::Interventions => decode_part(&parts::PRIOR_INTERVENTIONS, pairs),
            Kind::Int => int_from_form(first),
            Kind::Bool => FieldKind::Bool.from_form(first),
            Kind::Country => FieldKind::Text.from_form(&first.to_uppercase()),
            Kind::Text | Kind::Enum | Kind::Date => FieldKind::Text.from_form(first),
        };
        out.values.insert(id.to_string(), value);
    }
    let allowed = parts::part_keys_of_step(step_number);
    for key in all("_parts").filter(|k| allowed.contains(k)) {
        let value = match parts::parts_of_step(step_number).iter().find(|p| p.key == key) {
            Some(part) => decode_part(part, pairs),
            None => decode_severity(pairs),
        };
        out.values.insert(key.to_string(), value);
    }
    out
}

/// Ticked boxes of one multi-choice question: nothing ticked is "not answered"; the explicit
/// "None of these" choice is the empty list.
fn decode_multi<'a>(ticked: impl Iterator<Item = &'a str>) -> Value {
    let mut none_of_these = false;
    let mut list = Vec::new();
    for code in ticked {
        if code == parts::NONE_OF_THESE {
            none_of_these = true;
        } else if !code.trim().is_empty() {
            list.push(Value::String(code.to_string()));
        }
    }
    match (list.is_empty(), none_of_these) {
        (false, _) => Value::Array(list),
        (true, true) => Value::Array(Vec::new()),
        (true, false) => Value::Null,
    }
}

/// One part from `p.<key>.…` pairs: a list of non-blank rows not marked for removal, or one record.
fn decode_part(part: &Part, pairs: &[(String, String)]) -> Value {
    let prefix = format!("p.{}.", part.key);
    let mut rows: BTreeMap<usize, Map<String, Value>> = BTreeMap::new();
    let mut single = Map::new();
    let mut removed = Vec::new();
    for (name, raw) in pairs {
        let Some(rest) = name.strip_prefix(&prefix) else { continue };
        let (record, field_key) = if part.list {
            let Some((row, field)) = rest.split_once('.') else { continue };
            let Ok(row) = row.parse::<usize>() else { continue };
            if field == "_remove" {
                removed.push(row);
                continue;
            }
            (rows.entry(row).or_default(), field)
        } else {
            (&mut single, rest)
        };
        let Some(field) = part.field(field_key) else { continue };
        if field.kind.is_multi() {
            let list = record.entry(field.key).or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(items) = list {
                if !raw.trim().is_empty() {
                    items.push(Value::String(raw.trim().to_string()));
                }
            }
        } else {
            record.insert(field.key.to_string(), field.kind.from_form(raw));
        }
    }
    if part.list {
        let items = rows
            .into_iter()
            .filter(|(row, _)| !removed.contains(row))
            .map(|(_, mut record)| {
                parts::compact(&mut record);
                Value::Object(record)
            })
            .filter(|r| !parts::is_blank(r))
            .collect();
        Value::Array(items)
    } else {
        parts::compact(&mut single);
        if single.is_empty() {
            Value::Null
        } else {
            Value::Object(single)
        }
    }
}

fn decode_severity(pairs: &[(String, String)]) -> Value {
    let mut areas: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
    for (name, raw) in pairs {
        let Some(rest) = name.strip_prefix("p.severity.") else { continue };
        let Some((area, score)) = rest.split_once('.') else { continue };
        if parts::SEVERITY_FIELDS.iter().any(|(k, _)| *k == score) {
            let value = int_from_form(raw);
            if !value.is_null() {
                areas.entry(area.to_string()).or_default().insert(score.to_string(), value);
            }
        }
    }
    Value::Object(areas.into_iter().map(|(k, v)| (k, Value::Object(v))).collect())
}

// ----- the no-JavaScript POST handler --------------------------------------------------------------

use super::wizard::{self, SaveOutcome};
use crate::accounts::session::Principal;
use crate::error::AppError;
use crate::methodology::Registry;
use crate::server::db::Db;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::{Extension, Form};
use std::sync::Arc;

/// `POST /cases/{id}/edit/{segment}`: saves the step like the browser editor does, then goes on
/// to the step the pressed button names. A conflict or a refused answer gets a page that shows the
/// user's own input, so nothing typed is lost.
pub async fn post_step(
    State(db): State<Db>,
    State(registry): State<Arc<Registry>>,
    Extension(principal): Extension<Principal>,
    Path((id, segment)): Path<(i64, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let here = format!("/cases/{id}/edit/{segment}");
    let user = match crate::accounts::session::usable(principal.0) {
        Ok(user) => user,
        Err(AppError::Unauthenticated) => {
            return see_other(&format!("/login?next={}", crate::url::encode_component(&here, true)))
        }
        Err(_) => return see_other("/account/password"),
    };
    let editor = match wizard::editor(&db, &registry, &user, id).await {
        Ok(e) => e,
        Err(e) => return problem_page(&e, &here, &pairs),
    };
    let components = wizard::component_ids(&editor.draft);
    let Some(step) = super::steps::parse_segment(&editor.catalogue, &components, &segment) else {
        return problem_page(&AppError::NotFound("No such step.".into()), &here, &pairs);
    };
    let posted = decode(&editor.catalogue, step.number, &pairs);
    let Some(revision) = posted.revision else {
        return problem_page(
            &AppError::invalid("_revision", "The form is incomplete; reload the page."),
            &here,
            &pairs,
        );
    };
    match wizard::save_step(&db, &registry, &user, id, revision, &segment, &posted.values).await {
        Ok(SaveOutcome::Saved { .. }) => {
            let go = Some(posted.go.as_str())
                .filter(|g| super::steps::parse_segment(&editor.catalogue, &components, g).is_some())
                .unwrap_or(&segment);
            see_other(&format!("/cases/{id}/edit/{go}?saved=1"))
        }
        Ok(SaveOutcome::Conflict { current_revision, saved_by, changes, .. }) => {
            conflict_page(&here, current_revision, &saved_by, &changes, &pairs)
        }
        Err(e) => problem_page(&e, &here, &pairs),
    }
}

fn see_other(location: &str) -> Response {
    let location = crate::url::safe_local_path(location).unwrap_or("/");
    (StatusCode::SEE_OTHER, [(header::LOCATION, location.to_string())]).into_response()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

fn page(status: StatusCode, title: &str, body: &str) -> Response {
    let html = format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{t} · HRDD</title><link rel="stylesheet" href="/pkg/hrdd.css"></head><body class="bg-slate-50 text-slate-900"><main class="mx-auto max-w-3xl p-8"><h1 class="text-2xl font-bold">{t}</h1>{body}</main></body></html>"#,
        t = escape(title)
    );
    (status, Html(html)).into_response()
}

/// The user's own input as a list, so it can be copied back even when it could not be saved.
fn own_input(pairs: &[(String, String)]) -> String {
    let items: String = pairs
        .iter()
        .filter(|(k, v)| !k.starts_with('_') && !v.trim().is_empty())
        .map(|(k, v)| format!("<dt class=\"mt-2 font-mono text-xs text-slate-600\">{}</dt><dd class=\"whitespace-pre-wrap rounded border border-slate-200 bg-white p-2 text-sm\">{}</dd>", escape(k), escape(v)))
        .collect();
    format!("<h2 class=\"mt-6 text-lg font-semibold\">Your input (not saved)</h2><dl>{items}</dl>")
}

fn problem_page(error: &AppError, back: &str, pairs: &[(String, String)]) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = format!(
        r#"<p class="mt-4 rounded-md border border-red-300 bg-red-50 p-4 text-red-900" role="alert">{}</p><p class="mt-4"><a class="font-medium text-sky-800 underline" href="{}">Back to the step</a> (your earlier saved answers are unchanged)</p>{}"#,
        escape(&error.to_string()),
        escape(back),
        own_input(pairs)
    );
    page(status, "This step was not saved", &body)
}

fn conflict_page(
    here: &str,
    current_revision: i64,
    saved_by: &str,
    changes: &[super::wizard_types::FieldChange],
    pairs: &[(String, String)],
) -> Response {
    let rows: String = changes
        .iter()
        .map(|c| {
            format!(
                "<li><strong>{}</strong>: was <code>{}</code>, now <code>{}</code></li>",
                escape(&c.label),
                escape(&c.base.to_string()),
                escape(&c.theirs.to_string())
            )
        })
        .collect();
    let hidden: String = pairs
        .iter()
        .filter(|(k, _)| k != "_revision")
        .map(|(k, v)| format!(r#"<input type="hidden" name="{}" value="{}">"#, escape(k), escape(v)))
        .collect();
    let body = format!(
        r#"<p class="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4" role="alert">{who} saved this assessment after you opened it. Nothing of yours was saved yet.</p>
<h2 class="mt-6 text-lg font-semibold">What {who} changed on this step</h2><ul class="mt-2 list-disc pl-6">{rows}</ul>
<form method="post" action="{here}" class="mt-6">{hidden}<input type="hidden" name="_revision" value="{current_revision}"><button type="submit" class="rounded-md bg-sky-800 px-4 py-2 font-medium text-white">Save my version of this step over theirs</button></form>
<p class="mt-4"><a class="font-medium text-sky-800 underline" href="{here}">Discard my input and load their version</a></p>{own}"#,
        who = escape(saved_by),
        here = escape(here),
        own = own_input(pairs)
    );
    page(StatusCode::CONFLICT, "Someone else saved first", &body)
}
