//! Server functions for the signed-in user's notifications. A user reads and marks only their own
//! notices (the service's statements are scoped to the caller). The mark-read actions are form
//! posts, so they work without JavaScript: the browser follows the redirect back to the page.

use crate::error::AppError;
use crate::notify::Inbox;
use leptos::prelude::*;

/// The signed-in user's notices, newest first.
#[server(prefix = "/api", endpoint = "notifications/inbox")]
pub async fn get_inbox() -> Result<Inbox, AppError> {
    use crate::web::context::db;
    use crate::web::session::{fail, require_user};
    let user = require_user()?;
    crate::services::notify::inbox(&db(), &user).await.map_err(fail)
}

/// Marks one notice read (`id`), or all of them (no `id`); back to the notifications page, or to
/// `open` (the case the notice is about) when the user followed it.
#[server(prefix = "/api", endpoint = "notifications/read")]
pub async fn mark_notices_read(
    #[server(default)] id: Option<i64>,
    #[server(default)] open: Option<String>,
) -> Result<u64, AppError> {
    use crate::web::context::{db, redirect};
    use crate::web::session::{fail, require_user};
    let user = require_user()?;
    let n = crate::services::notify::mark_read(&db(), &user, id).await.map_err(fail)?;
    match open.as_deref().and_then(crate::url::safe_local_path) {
        Some(target) => redirect(target),
        None => redirect("/notifications"),
    }
    Ok(n)
}
