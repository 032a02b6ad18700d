//! Server functions of the portfolio page. Each checks role and country scope in `service`.

use crate::cases::CaseFilter;
use crate::error::AppError;
use crate::portfolio::PortfolioPage;
use leptos::prelude::*;

/// The portfolio aggregates for a filter, in the caller's countries (managers and reviewers).
#[server(prefix = "/api", endpoint = "portfolio/page")]
pub async fn get_portfolio(#[server(default)] filter: CaseFilter) -> Result<PortfolioPage, AppError> {
    use crate::web::context::{db, registry};
    use crate::web::session::{fail, require_user};
    let user = require_user()?;
    let cache = expect_context::<crate::services::portfolio::PortfolioCache>();
    let lang = crate::web::context::request_lang();
    crate::services::portfolio::page(&cache, &db(), &registry(), &user, filter, lang).await.map_err(fail)
}
