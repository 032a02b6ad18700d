//! The server function for the methodology reference page.

use crate::methodology::Catalogue;
use leptos::prelude::*;

/// The current methodology catalogue, for signed-in users (the page is behind the sign-in guard too).
#[server(prefix = "/api", endpoint = "methodology/current")]
pub async fn current_methodology() -> Result<Catalogue, crate::error::AppError> {
    use crate::web::session::{fail, require_user};
    require_user()?;
    let registry = crate::web::context::registry();
    registry.current().cloned().ok_or_else(|| fail(crate::error::AppError::internal("no methodology is loaded")))
}
