//! The no-JavaScript path of the wizard: a step posted as a plain HTML form is decoded
//! ([`crate::cases::posted`]) and saved like the browser editor's save. Also the small plain pages
//! (problem, conflict) that plain form posts answer with.

use crate::cases::posted::decode;
use crate::error::AppError;
use crate::i18n::{text, text_with, Arg, Lang};
use crate::methodology::Registry;
use crate::services::wizard::{self, SaveOutcome};
use crate::store::Store;
use crate::web::session::Principal;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::{Extension, Form};
use std::sync::Arc;

/// `POST /cases/{id}/edit/{segment}`: saves the step like the browser editor does, then goes on
/// to the step the pressed button names. A conflict or a refused answer gets a page that shows the
/// user's own input, so nothing typed is lost.
pub async fn post_step(
    State(db): State<Store>,
    State(registry): State<Arc<Registry>>,
    State(books): State<wizard::Books>,
    Extension(principal): Extension<Principal>,
    Extension(lang): Extension<Lang>,
    Path((id, segment)): Path<(i64, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let here = format!("/cases/{id}/edit/{segment}");
    let user = match crate::web::session::usable(principal.0) {
        Ok(user) => user,
        Err(AppError::Unauthenticated) => {
            return see_other(&format!("/login?next={}", crate::url::encode_component(&here, true)))
        }
        Err(_) => return see_other("/account/password"),
    };
    // Decoding reads the catalogue's structure only, which is the same in every language.
    let editor = match wizard::editor(&db, &registry, &books, &user, id, crate::i18n::Lang::En).await {
        Ok(e) => e,
        Err(e) => return problem_page(lang, &e, &here, &pairs),
    };
    let components = editor.draft.component_ids();
    let Some(step) = crate::cases::steps::parse_segment(&editor.book.catalogue, &components, &segment) else {
        return problem_page(lang, &AppError::NotFound("No such step.".into()), &here, &pairs);
    };
    let posted = decode(&editor.book.catalogue, step.number, &pairs);
    let Some(revision) = posted.revision else {
        return problem_page(
            lang,
            &AppError::invalid("_revision", "The form is incomplete; reload the page."),
            &here,
            &pairs,
        );
    };
    match wizard::save_step(&db, &registry, &user, id, revision, &segment, &posted.values).await {
        Ok(SaveOutcome::Saved { .. }) => {
            let go = Some(posted.go.as_str())
                .filter(|g| crate::cases::steps::parse_segment(&editor.book.catalogue, &components, g).is_some())
                .unwrap_or(&segment);
            see_other(&format!("/cases/{id}/edit/{go}?saved=1"))
        }
        Ok(SaveOutcome::Conflict { current_revision, saved_by, changes, .. }) => {
            conflict_page(lang, &here, current_revision, &saved_by, &changes, &pairs)
        }
        Err(e) => problem_page(lang, &e, &here, &pairs),
    }
}

pub(crate) fn see_other(location: &str) -> Response {
    let location = crate::url::safe_local_path(location).unwrap_or("/");
    (StatusCode::SEE_OTHER, [(header::LOCATION, location.to_string())]).into_response()
}

pub(crate) use crate::text::escape_html as escape;

/// A small page in the reader's language (`lang` sets its `lang` and `dir`).
pub(crate) fn page(lang: Lang, status: StatusCode, title: &str, body: &str) -> Response {
    let html = format!(
        r#"<!DOCTYPE html><html lang="{code}" dir="{dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{t} · HRDD</title><link rel="stylesheet" href="{css}"></head><body class="bg-slate-50 text-slate-900"><main class="mx-auto max-w-3xl p-8"><h1 class="text-2xl font-bold">{t}</h1>{body}</main></body></html>"#,
        t = escape(title),
        code = lang.code(),
        dir = lang.dir(),
        css = crate::server::config::stylesheet_href(),
    );
    (status, Html(html)).into_response()
}

/// The user's own input as a list, so it can be copied back even when it could not be saved.
fn own_input(lang: Lang, pairs: &[(String, String)]) -> String {
    let items: String = pairs
        .iter()
        .filter(|(k, v)| !k.starts_with('_') && !v.trim().is_empty())
        .map(|(k, v)| format!("<dt class=\"mt-2 font-mono text-xs text-slate-600\">{}</dt><dd class=\"whitespace-pre-wrap rounded border border-slate-200 bg-white p-2 text-sm\">{}</dd>", escape(k), escape(v)))
        .collect();
    format!("<h2 class=\"mt-6 text-lg font-semibold\">{}</h2><dl>{items}</dl>", escape(&text(lang, "form-your-input")))
}

pub(crate) fn problem_page(lang: Lang, error: &AppError, back: &str, pairs: &[(String, String)]) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = format!(
        r#"<p class="mt-4 rounded-md border border-red-300 bg-red-50 p-4 text-red-900" role="alert">{}</p><p class="mt-4"><a class="font-medium text-sky-800 underline" href="{}">{}</a> {}</p>{}"#,
        escape(&error.to_string()),
        escape(back),
        escape(&text(lang, "form-back")),
        escape(&text(lang, "form-back-unchanged")),
        own_input(lang, pairs)
    );
    page(lang, status, &text(lang, "form-not-saved-title"), &body)
}

fn conflict_page(
    lang: Lang,
    here: &str,
    current_revision: i64,
    saved_by: &str,
    changes: &[crate::cases::wizard_types::FieldChange],
    pairs: &[(String, String)],
) -> Response {
    let rows: String = changes
        .iter()
        .map(|c| {
            let was_now = text_with(
                lang,
                "form-conflict-was-now",
                &[("before", Arg::from(c.base.to_string())), ("after", Arg::from(c.theirs.to_string()))],
            );
            format!("<li><strong>{}</strong>: {}</li>", escape(&c.label), escape(&was_now))
        })
        .collect();
    let hidden: String = pairs
        .iter()
        .filter(|(k, _)| k != "_revision")
        .map(|(k, v)| format!(r#"<input type="hidden" name="{}" value="{}">"#, escape(k), escape(v)))
        .collect();
    let who = [("who", Arg::from(saved_by))];
    let body = format!(
        r#"<p class="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4" role="alert">{alert}</p>
<h2 class="mt-6 text-lg font-semibold">{changed}</h2><ul class="mt-2 list-disc pl-6">{rows}</ul>
<form method="post" action="{here}" class="mt-6">{hidden}<input type="hidden" name="_revision" value="{current_revision}"><button type="submit" class="rounded-md bg-sky-800 px-4 py-2 font-medium text-white">{save_mine}</button></form>
<p class="mt-4"><a class="font-medium text-sky-800 underline" href="{here}">{discard}</a></p>{own}"#,
        alert = escape(&text_with(lang, "form-conflict-alert", &who)),
        changed = escape(&text_with(lang, "form-conflict-changed", &who)),
        save_mine = escape(&text(lang, "form-conflict-save-mine")),
        discard = escape(&text(lang, "form-conflict-discard")),
        here = escape(here),
        own = own_input(lang, pairs)
    );
    page(lang, StatusCode::CONFLICT, &text(lang, "form-conflict-title"), &body)
}
