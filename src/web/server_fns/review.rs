//! Server functions for review and sign-off. Each checks role, country scope, state and segregation
//! of duties in `service`. The actions are form posts, so they also work without JavaScript: the
//! browser follows the redirect back to the case.

use crate::error::AppError;
use crate::review::{CaseSummary, ReviewQueue};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod ssr {
    pub use crate::web::context::{db, registry};
    pub use crate::web::session::{fail, require_user};

    /// Back to the case summary (or the part of it the form named).
    pub fn back(id: i64, fragment: &str) {
        crate::web::context::redirect(&format!("/cases/{id}{fragment}"));
    }
    /// A refused action: with JavaScript the error as it is; without, back to the summary with the
    /// message at the form that was sent and what was typed in it (see `context::refuse`).
    pub fn refused(
        err: crate::error::AppError,
        form: &str,
        id: i64,
        fragment: &str,
        keep: &[(&str, &str)],
    ) -> crate::error::AppError {
        crate::web::context::refuse(err, form, &format!("/cases/{id}{fragment}"), keep)
    }
}

use crate::review::DecisionInput;

/// What the summary page shows: the kept body of a version that no longer changes, or the summary
/// to render (with the key to keep its body under, when it may be kept; `web::page_cache`).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum SummaryPage {
    Kept { id: i64, title: String, html: String },
    Fresh { summary: Box<CaseSummary>, keep_as: Option<String> },
}

/// The summary page of one case version, from the page cache when the version is decided or
/// superseded and the same page was rendered under the same key. Answers `X-Page-Cache: hit`,
/// `miss` (rendered and kept) or `off` (a version that can still change, an address carrying
/// messages, or the cache turned off: never kept).
#[server(prefix = "/api", endpoint = "review/summary-page")]
pub async fn get_case_summary_page(id: i64) -> Result<SummaryPage, AppError> {
    use ssr::*;
    let user = require_user()?;
    let store = db();
    let cache = crate::web::page_cache::page_cache();
    // A refused form comes back with its messages in the address: always rendered afresh.
    let plain_address = use_context::<axum::http::request::Parts>().is_none_or(|p| p.uri.query().is_none());
    let key = if plain_address && cache.enabled() {
        // The page is kept per language too: the same version reads differently in each.
        let lang = crate::web::context::request_lang();
        crate::services::review::summary_cache_key(&store, &user, id)
            .await
            .map_err(fail)?
            .map(|key| format!("{key} lang {lang}"))
    } else {
        None
    };
    let kept = key.as_deref().and_then(|k| cache.get(k));
    let mark = match (&key, &kept) {
        (_, Some(_)) => "hit",
        (Some(_), None) => "miss",
        (None, _) => "off",
    };
    if let Some(options) = use_context::<leptos_axum::ResponseOptions>() {
        options.insert_header(
            axum::http::HeaderName::from_static("x-page-cache"),
            axum::http::HeaderValue::from_static(mark),
        );
    }
    if let Some(page) = kept {
        return Ok(SummaryPage::Kept { id, title: page.title, html: page.html.to_string() });
    }
    let lang = crate::web::context::request_lang();
    let summary = crate::services::review::summary(&store, &registry(), &user, id, lang).await.map_err(fail)?;
    Ok(SummaryPage::Fresh { summary: Box::new(summary), keep_as: key })
}

/// Keeps a summary body rendered for `key` (called by the page after rendering a `Fresh` answer
/// that carried a key).
#[cfg(feature = "ssr")]
pub fn keep_summary_page(key: String, title: String, html: String) {
    crate::web::page_cache::page_cache().put(key, crate::web::page_cache::CachedPage { title, html: html.into() });
}

/// The risk summary of one case version.
#[server(prefix = "/api", endpoint = "review/summary")]
pub async fn get_case_summary(id: i64) -> Result<CaseSummary, AppError> {
    use ssr::*;
    let user = require_user()?;
    let lang = crate::web::context::request_lang();
    crate::services::review::summary(&db(), &registry(), &user, id, lang).await.map_err(fail)
}

/// The signed-in user's review queues.
#[server(prefix = "/api", endpoint = "review/queue")]
pub async fn get_review_queue() -> Result<ReviewQueue, AppError> {
    use ssr::*;
    let user = require_user()?;
    crate::services::review::queue(&db(), &user).await.map_err(fail)
}

/// Adds a comment anchored to a step, a risk area or the whole case.
#[server(prefix = "/api", endpoint = "review/comment")]
pub async fn add_comment(id: i64, #[server(default)] anchor: String, body: String) -> Result<i64, AppError> {
    use ssr::*;
    let user = require_user()?;
    let comment = crate::services::review::comment(&db(), &registry(), &user, id, &anchor, &body)
        .await
        .map_err(|e| refused(e, "comment", id, "#comments", &[("anchor", &anchor), ("body", &body)]))?;
    back(id, "#comments");
    Ok(comment)
}

/// Returns a submitted case to the assessor with a required comment.
#[server(prefix = "/api", endpoint = "review/return")]
pub async fn return_case(id: i64, #[server(default)] anchor: String, body: String) -> Result<(), AppError> {
    use ssr::*;
    let user = require_user()?;
    crate::services::review::return_case(&db(), &registry(), &user, id, &anchor, &body)
        .await
        .map_err(|e| refused(e, "return", id, "#return", &[("anchor", &anchor), ("body", &body)]))?;
    back(id, "");
    Ok(())
}

/// The human-rights adviser concurs with (`verdict=concur`) or refuses (`verdict=refuse`, reason
/// required) a lowering override or an override request.
#[server(prefix = "/api", endpoint = "review/concur")]
pub async fn concur(
    id: i64,
    revision: i64,
    component: String,
    target: String,
    verdict: String,
    #[server(default)] body: String,
) -> Result<i64, AppError> {
    use ssr::*;
    let user = require_user()?;
    let agree = match verdict.as_str() {
        "concur" => true,
        "refuse" => false,
        _ => {
            return Err(refused(
                AppError::invalid("verdict", "Choose to concur or to refuse."),
                "concur",
                id,
                "#concurrence",
                &[("body", &body)],
            ))
        }
    };
    let revision =
        crate::services::review::concur(&db(), &registry(), &user, id, revision, &component, &target, agree, &body)
            .await
            .map_err(|e| refused(e, "concur", id, "#concurrence", &[("body", &body)]))?;
    back(id, "#concurrence");
    Ok(revision)
}

/// Signs off a submitted case with a final decision per component; returns the record's hash.
#[server(prefix = "/api", endpoint = "review/sign-off")]
pub async fn sign_off(
    id: i64,
    revision: i64,
    #[server(default)] decisions: Vec<DecisionInput>,
    #[server(default)] comment: String,
) -> Result<String, AppError> {
    use ssr::*;
    let user = require_user()?;
    let hash = crate::services::review::sign_off(&db(), &registry(), &user, id, revision, &decisions, &comment)
        .await
        .map_err(|e| {
        // Without JavaScript the page comes back with every choice and text as it was sent.
        let mut kept: Vec<(String, &str)> = vec![("comment".into(), comment.as_str())];
        for d in &decisions {
            kept.push((format!("final.{}", d.component_id), d.final_decision.as_str()));
            kept.push((format!("conditions.{}", d.component_id), d.conditions.as_str()));
        }
        let keep: Vec<(&str, &str)> = kept.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        refused(e, "sign-off", id, "#sign-off", &keep)
    })?;
    back(id, "#sign-off");
    Ok(hash)
}

/// Records a trigger event on a decided version (it becomes due for re-assessment).
#[server(prefix = "/api", endpoint = "review/trigger")]
pub async fn record_trigger(id: i64, trigger: String, date: String, description: String) -> Result<(), AppError> {
    use ssr::*;
    let user = require_user()?;
    crate::services::review::record_trigger(&db(), &registry(), &user, id, &trigger, &date, &description)
        .await
        .map_err(|e| {
            refused(
                e,
                "trigger",
                id,
                "#triggers",
                &[("trigger", &trigger), ("date", &date), ("description", &description)],
            )
        })?;
    back(id, "#triggers");
    Ok(())
}

/// Starts a re-assessment: a new version pre-filled from this one, opened in the wizard.
#[server(prefix = "/api", endpoint = "review/reassess")]
pub async fn start_reassessment(
    id: i64,
    assessment_type: String,
    #[server(default)] trigger_event: String,
) -> Result<i64, AppError> {
    use ssr::*;
    let user = require_user()?;
    let new_id =
        crate::services::review::start_reassessment(&db(), &registry(), &user, id, &assessment_type, &trigger_event)
            .await
            .map_err(|e| refused(e, "reassess", id, "#reassess", &[]))?;
    crate::web::context::redirect(&format!("/cases/{new_id}/edit/case"));
    Ok(new_id)
}
