//! The server function for the methodology reference page.

use crate::methodology::Catalogue;
use leptos::prelude::*;

/// The current methodology catalogue with its texts in the reader's language, for signed-in users
/// (the page is behind the sign-in guard too).
#[server(prefix = "/api", endpoint = "methodology/current")]
pub async fn current_methodology() -> Result<Catalogue, crate::error::AppError> {
    use crate::web::session::{fail, require_user};
    require_user()?;
    let registry = crate::web::context::registry();
    let lang = crate::web::context::request_lang();
    registry
        .current_in(lang.code())
        .cloned()
        .ok_or_else(|| fail(crate::error::AppError::internal("no methodology is loaded")))
}
