//! Server functions of the country reference pages. Each checks who asks in the service (any role
//! within their countries may read; administrators of a country record its changes, through the
//! plain form post in `web::form::post_reference`).

use crate::error::AppError;
use crate::reference::{CountryPage, ReferenceIndex};
use leptos::prelude::*;

/// The countries whose reference data the caller may read.
#[server(prefix = "/api", endpoint = "reference/index")]
pub async fn get_reference_index() -> Result<ReferenceIndex, AppError> {
    use crate::web::context::db;
    use crate::web::session::{fail, require_user};
    let user = require_user()?;
    crate::services::reference::index(&db(), &user).await.map_err(fail)
}

/// One country's reference data: in force today and its history (404 outside the caller's countries).
#[server(prefix = "/api", endpoint = "reference/country")]
pub async fn get_country_reference(code: String) -> Result<CountryPage, AppError> {
    use crate::web::context::{db, registry, request_lang};
    use crate::web::session::{fail, require_user};
    let user = require_user()?;
    crate::services::reference::country(&db(), &registry(), &user, &code, request_lang()).await.map_err(fail)
}
