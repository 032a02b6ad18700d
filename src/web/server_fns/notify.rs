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

/// How the signed-in user takes e-mail, and whether this server sends any.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MailChoice {
    pub pref: crate::notify::MailPref,
    pub mail_on: bool,
}

#[server(prefix = "/api", endpoint = "notifications/mail")]
pub async fn get_mail_choice() -> Result<MailChoice, AppError> {
    use crate::web::context::db;
    use crate::web::session::{fail, require_user};
    let user = require_user()?;
    let db = db();
    let pref = crate::services::notify::mail_pref(&db, &user).await.map_err(fail)?;
    Ok(MailChoice { pref, mail_on: db.queues_mail() })
}

/// Sets how the signed-in user takes e-mail (`pref`: IMMEDIATE, DAILY or NONE); back to the page.
#[server(prefix = "/api", endpoint = "notifications/mail/set")]
pub async fn set_mail_choice(pref: String) -> Result<(), AppError> {
    use crate::web::context::{db, redirect, refuse};
    use crate::web::session::require_user;
    let user = require_user()?;
    let outcome = match crate::notify::MailPref::parse(pref.trim()) {
        None => Err(AppError::invalid("pref", "Choose immediately, daily digest or no e-mail.")),
        Some(pref) => crate::services::notify::set_mail_pref(&db(), &user, pref).await,
    };
    match outcome {
        Ok(()) => {
            redirect("/notifications?mail=saved#mail");
            Ok(())
        }
        Err(err) => Err(refuse(err, "mail", "/notifications#mail", &[])),
    }
}

/// The e-mail outbox for administrators of all countries.
#[server(prefix = "/api", endpoint = "admin/outbox")]
pub async fn get_outbox() -> Result<crate::notify::OutboxView, AppError> {
    use crate::web::context::db;
    use crate::web::session::{fail, require_user};
    let user = require_user()?;
    crate::services::mail::outbox(&db(), &user).await.map_err(fail)
}

/// Sends an outbox message again now (audited); back to the outbox page.
#[server(prefix = "/api", endpoint = "admin/outbox/retry")]
pub async fn retry_mail(id: i64) -> Result<(), AppError> {
    use crate::web::context::{db, redirect, refuse};
    use crate::web::session::require_user;
    let user = require_user()?;
    match crate::services::mail::retry(&db(), &user, id).await {
        Ok(()) => {
            redirect(&format!("/admin/outbox?retried={id}"));
            Ok(())
        }
        Err(err) => Err(refuse(err, "retry", "/admin/outbox", &[])),
    }
}
