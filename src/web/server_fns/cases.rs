//! Server functions for cases. Each checks the caller's role and country scope itself.

use crate::cases::wizard_types::{CaseEditor, SaveOutcome};
use crate::cases::{CaseFilter, CaseOverview, CasePage};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod ssr {
    pub use crate::web::context::{books, db, is_plain_form_post, registry};
    pub use crate::web::session::{fail, require_user};
}

/// The signed-in user's case list (their countries only), filtered and paginated.
#[server(prefix = "/api", endpoint = "cases/list")]
pub async fn list_cases(#[server(default)] filter: CaseFilter) -> Result<CasePage, AppError> {
    use ssr::*;
    let user = require_user()?;
    crate::services::cases::list(&db(), &user, &filter, crate::cases::PAGE_SIZE).await.map_err(fail)
}

/// One case's overview (403 outside the user's countries).
#[server(prefix = "/api", endpoint = "cases/overview")]
pub async fn get_case_overview(id: i64) -> Result<CaseOverview, AppError> {
    use ssr::*;
    let user = require_user()?;
    crate::services::cases::overview(&db(), &registry(), &user, id).await.map_err(fail)
}

/// Starts a new assessment (assessors, in their countries) and opens it.
#[server(prefix = "/api", endpoint = "cases/create")]
pub async fn create_case(
    country: String,
    un_entity: String,
    office: String,
    programme_title: String,
    assessment_type: String,
) -> Result<i64, AppError> {
    use crate::accounts::parse_countries;
    use ssr::*;
    let user = require_user()?;
    let form = crate::cases::NewCaseForm { country, un_entity, office, programme_title, assessment_type };
    let result: Result<i64, AppError> = async {
        let registry = registry();
        let catalogue = registry.current().ok_or_else(|| AppError::internal("no methodology loaded"))?;
        let codes = |name: &str| catalogue.enum_values(name).iter().map(|v| v.code.clone()).collect::<Vec<_>>();
        // Every problem at once, each next to its field.
        AppError::from_fields(form.problems(&codes("UnEntity"), &codes("AssessmentType")))?;
        let country = match parse_countries(&form.country) {
            Ok(list) if list.len() == 1 => list[0].clone(),
            _ => return Err(AppError::invalid("country", "Choose the country of the assessment.")),
        };
        let clean = |v: &str| crate::text::clean(v.trim()).unwrap_or_default();
        let new = crate::services::cases::NewCase {
            country,
            un_entity: form.un_entity.clone(),
            office: clean(&form.office),
            programme_title: clean(&form.programme_title),
            assessment_type: form.assessment_type.clone(),
        };
        crate::services::cases::create(&db(), &registry, &user, new).await
    }
    .await;
    // Without JavaScript the browser shows whatever we answer: back to the form with what was typed,
    // which the page checks again to put every message next to its field.
    // (No error status then: it would replace the redirect.)
    let id = match result {
        Ok(id) => id,
        Err(err) if err.is_about_fields() && is_plain_form_post() => {
            let query: Vec<String> =
                form.fields().iter().map(|(k, v)| format!("{k}={}", crate::url::encode_component(v, true))).collect();
            crate::web::context::redirect(&format!("/cases/new?checked=1&{}", query.join("&")));
            return Err(err);
        }
        Err(err) => return Err(fail(err)),
    };
    crate::web::context::redirect(&format!("/cases/{id}"));
    Ok(id)
}

/// Saves the answers of one wizard step against the revision the editor started from. A stale
/// revision is refused with the other person's changes (nothing is stored, nothing is lost).
#[server(prefix = "/api", endpoint = "cases/save-step", input = leptos::server_fn::codec::Json)]
pub async fn save_step(
    id: i64,
    revision: i64,
    step: String,
    answers: serde_json::Map<String, serde_json::Value>,
) -> Result<SaveOutcome, AppError> {
    use ssr::*;
    let user = require_user()?;
    crate::services::wizard::save_step(&db(), &registry(), &user, id, revision, &step, &answers).await.map_err(fail)
}

/// A case opened in the wizard (anyone who may read it; the page is read-only unless they may edit).
#[server(prefix = "/api", endpoint = "cases/editor")]
pub async fn get_case_editor(id: i64) -> Result<CaseEditor, AppError> {
    use ssr::*;
    let user = require_user()?;
    let lang = crate::web::context::request_lang();
    crate::services::wizard::editor(&db(), &registry(), &books(), &user, id, lang).await.map_err(fail)
}

/// Adds, renames, duplicates or removes a support component. A form post, so it also works
/// without JavaScript; `action` is `add`, `rename`, `duplicate` or `remove`.
#[server(prefix = "/api", endpoint = "cases/components")]
pub async fn change_component(
    id: i64,
    revision: i64,
    action: String,
    #[server(default)] component: String,
    #[server(default)] new_id: String,
    #[server(default)] confirm: Option<String>,
    #[server(default)] back_to: Option<String>,
) -> Result<i64, AppError> {
    use ssr::*;
    let user = require_user()?;
    use crate::cases::wizard_types::ComponentAction;
    let action = match action.as_str() {
        "add" => Ok(ComponentAction::Add { new_id: new_id.clone() }),
        "rename" => Ok(ComponentAction::Rename { component, new_id: new_id.clone() }),
        "duplicate" => Ok(ComponentAction::Duplicate { component, new_id: new_id.clone() }),
        "remove" => Ok(ComponentAction::Remove { component, confirmed: confirm.is_some() }),
        _ => Err(AppError::invalid("action", "Unknown component action.")),
    };
    let result = match action {
        Ok(action) => crate::services::wizard::change_component(&db(), &registry(), &user, id, revision, &action).await,
        Err(e) => Err(e),
    };
    let revision = result.map_err(fail)?;
    // Without JavaScript the browser follows this redirect back to the wizard.
    let target = match back_to
        .filter(|t| t.starts_with(&format!("/cases/{id}/edit/")) && crate::url::safe_local_path(t).is_some())
    {
        Some(t) => t,
        None if new_id.trim().is_empty() => format!("/cases/{id}"),
        None => format!("/cases/{id}/edit/support-{}", crate::url::encode(new_id.trim())),
    };
    crate::web::context::redirect(&target);
    Ok(revision)
}

/// Submits a case for review (assessors; only when valid and nothing blocks). Returns the
/// submission snapshot's content hash.
#[server(prefix = "/api", endpoint = "cases/submit")]
pub async fn submit_case(id: i64, revision: i64) -> Result<String, AppError> {
    use ssr::*;
    let user = require_user()?;
    let hash = crate::services::wizard::submit(&db(), &registry(), &user, id, revision).await.map_err(fail)?;
    crate::web::context::redirect(&format!("/cases/{id}"));
    Ok(hash)
}
