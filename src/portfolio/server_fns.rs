//! Server functions of the portfolio page. Each checks role and country scope in `service`.

use super::PortfolioPage;
use crate::cases::CaseFilter;
use crate::error::AppError;
use leptos::prelude::*;

/// The portfolio aggregates for a filter, in the caller's countries (managers and reviewers).
#[server(prefix = "/api", endpoint = "portfolio/page")]
pub async fn get_portfolio(#[server(default)] filter: CaseFilter) -> Result<PortfolioPage, AppError> {
    use crate::accounts::session::{fail, require_user};
    use crate::server::context::{db, registry};
    let user = require_user()?;
    let cache = expect_context::<super::service::PortfolioCache>();
    super::service::page(&cache, &db(), &registry(), &user, filter).await.map_err(fail)
}
