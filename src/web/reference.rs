//! Plain form posts of the country reference pages, which carry more fields than a server function
//! takes: a change of one country's table, and a CSV import (preview, then apply).

use crate::error::AppError;
use crate::i18n::{text, text_with, Arg, Lang};
use crate::methodology::Registry;
use crate::store::Store;
use crate::web::form::{escape, page, problem_page, see_other};
use crate::web::session::Principal;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::{Extension, Form};
use std::sync::Arc;

/// `POST /reference/countries/{code}`: records a change of the country's reference data. A refused
/// change goes back to the form with every message next to its field and everything typed kept
/// in the address, so nothing is lost; a conflict (someone recorded a change after the form was
/// opened) says so and keeps the input too.
pub async fn post_reference(
    State(db): State<Store>,
    State(registry): State<Arc<Registry>>,
    Extension(principal): Extension<Principal>,
    Extension(lang): Extension<Lang>,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let here = format!("/reference/countries/{}", crate::url::encode_component(&code, true));
    let user = match crate::web::session::usable(principal.0) {
        Ok(user) => user,
        Err(AppError::Unauthenticated) => {
            return see_other(&format!("/login?next={}", crate::url::encode_component(&here, true)))
        }
        Err(_) => return see_other("/account/password"),
    };
    let service = crate::services::reference::record;
    let result = match crate::services::reference::form_from_pairs(&registry, &pairs) {
        Ok(form) => service(&db, &registry, &user, &code, &form).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(r) => see_other(&format!("{here}?recorded={}&triggered={}#in-force", r.entries, r.triggered_cases)),
        Err(e @ (AppError::Forbidden(_) | AppError::NotFound(_) | AppError::Unauthenticated)) => {
            problem_page(lang, &e, &here, &pairs)
        }
        Err(e) => {
            let pair = |k: &str, v: &str| format!("{}={}", crate::url::encode(k), crate::url::encode(v));
            let mut query: Vec<String> = vec![pair("form", "reference")];
            query.extend(e.to_query().iter().map(|(k, v)| pair(k, v)));
            query.extend(pairs.iter().filter(|(k, _)| k != "based_on").map(|(k, v)| pair(k, v)));
            let kept = format!("{here}?{}#edit", query.join("&"));
            // A very long input does not fit an address: the problem page then lists it, so it
            // can be copied.
            if kept.len() <= 2000 {
                see_other(&kept)
            } else {
                problem_page(lang, &e, &here, &pairs)
            }
        }
    }
}

/// `GET /reference/countries/open?code=ke`: the country page of a code typed on the list page.
pub async fn open_country(axum::extract::Query(q): axum::extract::Query<Vec<(String, String)>>) -> Response {
    let code = q.iter().find(|(k, _)| k == "code").map(|(_, v)| v.trim().to_ascii_uppercase()).unwrap_or_default();
    if crate::reference::is_iso_country(&code) {
        see_other(&format!("/reference/countries/{code}"))
    } else {
        // Back to the list with the code typed, shown with its message next to the field.
        let typed: String = code.chars().take(20).collect();
        see_other(&format!("/reference/countries?unknown={}#open-code", crate::url::encode(&typed)))
    }
}

/// The fields of an import form (multipart: a chosen file, pasted text, the step, the preview's base).
#[derive(Default)]
struct ImportPost {
    text: String,
    mode: String,
    based_on: i64,
}

async fn read_import(mut multipart: Multipart) -> Result<ImportPost, AppError> {
    let mut post = ImportPost { based_on: -1, ..ImportPost::default() };
    let unreadable =
        |e: axum::extract::multipart::MultipartError| AppError::BadRequest(format!("The form could not be read: {e}"));
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        let name = field.name().unwrap_or_default().to_string();
        let value = field.text().await.map_err(unreadable)?;
        match name.as_str() {
            // A chosen file wins over pasted text.
            "file" if !value.trim().is_empty() => post.text = value,
            "text" if post.text.trim().is_empty() => post.text = value,
            "mode" => post.mode = value,
            "based_on" => post.based_on = value.trim().parse().unwrap_or(-1),
            _ => {}
        }
    }
    Ok(post)
}

/// `POST /reference/import`: `mode=preview` answers with the preview page (what would be recorded,
/// every problem by line, the cases a death-penalty change concerns); `mode=apply` records the
/// import all or nothing and goes back to the list of countries.
pub async fn post_import(
    State(db): State<Store>,
    State(registry): State<Arc<Registry>>,
    Extension(principal): Extension<Principal>,
    Extension(lang): Extension<Lang>,
    multipart: Multipart,
) -> Response {
    let back = "/reference/import";
    let user = match crate::web::session::usable(principal.0) {
        Ok(user) => user,
        Err(AppError::Unauthenticated) => return see_other("/login?next=%2Freference%2Fimport"),
        Err(_) => return see_other("/account/password"),
    };
    let post = match read_import(multipart).await {
        Ok(p) => p,
        Err(e) => return problem_page(lang, &e, back, &[]),
    };
    if post.text.trim().is_empty() {
        return problem_page(lang, &AppError::invalid("file", "Choose a CSV file or paste its text."), back, &[]);
    }
    let service = crate::services::reference::apply_import;
    if post.mode == "apply" {
        return match service(&db, &registry, &user, &post.text, post.based_on).await {
            Ok(r) => see_other(&format!("/reference/countries?imported={}&triggered={}", r.entries, r.triggered_cases)),
            Err(e @ AppError::Forbidden(_)) => problem_page(lang, &e, back, &[]),
            // Refused: the preview again, with what changed or what is wrong.
            Err(e) => preview_page(lang, &db, &registry, &user, &post.text, Some(&e)).await,
        };
    }
    preview_page(lang, &db, &registry, &user, &post.text, None).await
}

async fn preview_page(
    lang: Lang,
    db: &Store,
    registry: &Registry,
    user: &crate::accounts::CurrentUser,
    csv: &str,
    refused: Option<&AppError>,
) -> Response {
    let preview = match crate::services::reference::preview_import(db, registry, user, csv).await {
        Ok(p) => p,
        Err(e) => return problem_page(lang, &e, "/reference/import", &[]),
    };
    let mut body = String::new();
    if let Some(e) = refused {
        body.push_str(&format!(
            r#"<p class="mt-4 rounded-md border border-red-300 bg-red-50 p-4 text-red-900" role="alert">{}</p>"#,
            escape(&e.to_string())
        ));
    }
    let skipped = preview.lines.iter().filter(|l| !l.new).count();
    // Lines after the header: those read well and those with a problem.
    let read: std::collections::BTreeSet<usize> = preview
        .lines
        .iter()
        .map(|l| l.line)
        .chain(preview.problems.iter().map(|p| p.line))
        .filter(|l| *l > 1)
        .collect();
    let counted = |id: &str, n: usize, more: &[(&'static str, Arg)]| {
        let mut args = vec![("count", Arg::from(n)), ("n", Arg::from(n.to_string()))];
        args.extend(more.iter().cloned());
        escape(&text_with(lang, id, &args))
    };
    let summary = counted(
        "form-import-summary",
        read.len(),
        &[("new", Arg::from(preview.new_entries.to_string())), ("skipped", Arg::from(skipped.to_string()))],
    );
    body.push_str(&format!(r#"<p class="mt-4" data-testid="import-summary">{summary}</p>"#));
    if !preview.problems.is_empty() {
        let items: String = preview
            .problems
            .iter()
            .map(|p| {
                let args = [("line", Arg::from(p.line.to_string())), ("message", Arg::from(p.message.as_str()))];
                format!("<li>{}</li>", escape(&text_with(lang, "form-import-line-problem", &args)))
            })
            .collect();
        body.push_str(&format!(
            r#"<div class="mt-4 rounded-md border border-red-300 bg-red-50 p-4 text-red-900" role="alert" data-testid="import-problems"><p class="font-semibold">{}</p><ul class="mt-2 list-disc pl-6">{items}</ul></div>"#,
            escape(&text(lang, "form-import-problems"))
        ));
    }
    for (country, n) in &preview.triggers {
        body.push_str(&format!(
            r#"<p class="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="import-triggers">{}</p>"#,
            counted("form-import-triggers", usize::try_from(*n).unwrap_or(0), &[("country", Arg::from(country.as_str()))])
        ));
    }
    let (status_new, status_skipped) = (text(lang, "form-import-status-new"), text(lang, "form-import-status-skipped"));
    let rows: String = preview
        .lines
        .iter()
        .map(|l| {
            let cells = [
                l.line.to_string(),
                l.country.clone(),
                l.question.clone(),
                l.value.clone(),
                l.effective_from.clone(),
                l.citation.clone(),
                if l.new { status_new.clone() } else { status_skipped.clone() },
            ];
            let cells: String =
                cells.iter().map(|c| format!(r#"<td class="border-b px-2 py-1">{}</td>"#, escape(c))).collect();
            format!("<tr>{cells}</tr>")
        })
        .collect();
    let head: String = [
        "form-import-col-line",
        "reference-col-country",
        "reference-col-question",
        "reference-col-value",
        "reference-col-from",
        "reference-col-source",
        "form-import-col-status",
    ]
    .iter()
    .map(|id| format!(r#"<th scope="col" class="border-b px-2 py-1">{}</th>"#, escape(&text(lang, id))))
    .collect();
    body.push_str(&format!(
        r#"<table class="mt-4 w-full border-collapse text-start text-sm" data-testid="import-lines"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"#
    ));
    if preview.problems.is_empty() && preview.new_entries > 0 {
        body.push_str(&format!(
            r#"<form method="post" action="/reference/import" enctype="multipart/form-data" class="mt-6"><input type="hidden" name="mode" value="apply"><input type="hidden" name="based_on" value="{}"><textarea name="text" hidden>{}</textarea><button type="submit" class="rounded-md bg-sky-800 px-4 py-2 font-medium text-white">{}</button></form>"#,
            preview.based_on,
            escape(csv),
            counted("form-import-record", preview.new_entries, &[])
        ));
    }
    body.push_str(&format!(
        r#"<p class="mt-4"><a class="font-medium text-sky-800 underline" href="/reference/import">{}</a> · <a class="font-medium text-sky-800 underline" href="/reference/countries">{}</a></p>"#,
        escape(&text(lang, "form-import-back")),
        escape(&text(lang, "reference-all-countries"))
    ));
    let status = if refused.is_some() || !preview.problems.is_empty() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    page(lang, status, &text(lang, "form-import-title"), &body)
}
