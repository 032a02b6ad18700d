//! The one error type that crosses from server functions and API endpoints to the UI.
//!
//! Messages are written for the person using the app; internal details are logged on the server and
//! never sent. Each variant maps to one HTTP status.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum AppError {
    /// Not signed in (or the session expired): 401.
    #[error("Please sign in to continue.")]
    Unauthenticated,
    /// Signed in, but this role or country scope does not allow it: 403.
    #[error("{0}")]
    Forbidden(String),
    /// Nothing there, or nothing the user may see: 404.
    #[error("{0}")]
    NotFound(String),
    /// Bad input; `field` names the form field the message belongs next to: 422.
    #[error("{message}")]
    Invalid { field: Option<String>, message: String },
    /// Several fields are wrong: every (field, message), each shown next to its field: 422.
    #[error("Correct the {} fields marked below.", .0.len())]
    InvalidFields(Vec<(String, String)>),
    /// Someone else changed the same thing first, or a uniqueness rule: 409.
    #[error("{0}")]
    Conflict(String),
    /// Throttled: 429.
    #[error("{0}")]
    TooManyAttempts(String),
    /// The request itself could not be read (malformed, wrong types, out-of-range numbers): 400.
    #[error("{0}")]
    BadRequest(String),
    /// The request body is larger than the server accepts: 413.
    #[error("{0}")]
    TooLarge(String),
    /// A failure the user cannot fix; details are in the server log: 500.
    #[error("Something went wrong on the server. Your input was not lost; please try again. (ref {0})")]
    Internal(String),
}

impl AppError {
    pub fn invalid(field: &str, message: impl Into<String>) -> AppError {
        AppError::Invalid { field: Some(field.to_string()), message: message.into() }
    }

    pub fn forbidden(message: impl Into<String>) -> AppError {
        AppError::Forbidden(message.into())
    }

    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthenticated => 401,
            AppError::Forbidden(_) => 403,
            AppError::NotFound(_) => 404,
            AppError::Invalid { .. } | AppError::InvalidFields(_) => 422,
            AppError::Conflict(_) => 409,
            AppError::TooManyAttempts(_) => 429,
            AppError::BadRequest(_) => 400,
            AppError::TooLarge(_) => 413,
            AppError::Internal(_) => 500,
        }
    }

    /// Stable machine-readable code for JSON APIs.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Unauthenticated => "unauthenticated",
            AppError::Forbidden(_) => "forbidden",
            AppError::NotFound(_) => "not_found",
            AppError::Invalid { .. } | AppError::InvalidFields(_) => "invalid",
            AppError::Conflict(_) => "conflict",
            AppError::TooManyAttempts(_) => "too_many_attempts",
            AppError::BadRequest(_) => "bad_request",
            AppError::TooLarge(_) => "too_large",
            AppError::Internal(_) => "internal",
        }
    }

    /// The message for a given form field, if this error belongs to it.
    pub fn for_field(&self, name: &str) -> Option<String> {
        match self {
            AppError::Invalid { field: Some(f), message } if f == name => Some(message.clone()),
            AppError::InvalidFields(list) => list.iter().find(|(f, _)| f == name).map(|(_, m)| m.clone()),
            _ => None,
        }
    }

    /// Every message in one line, for a place that has no fields to put them next to (a user-table
    /// row that closes when the table reloads).
    pub fn every_message(&self) -> String {
        match self {
            AppError::InvalidFields(list) => list.iter().map(|(_, m)| m.as_str()).collect::<Vec<_>>().join(" "),
            other => other.to_string(),
        }
    }

    /// True when every message of this error belongs next to a field (no banner needed).
    pub fn is_about_fields(&self) -> bool {
        matches!(self, AppError::Invalid { field: Some(_), .. } | AppError::InvalidFields(_))
    }

    /// One error for a list of field problems: none, one, or all of them at once.
    pub fn from_fields(problems: Vec<(String, String)>) -> Result<(), AppError> {
        if problems.is_empty() {
            Ok(())
        } else {
            Err(AppError::fields(problems))
        }
    }

    /// The error for a non-empty list of field problems: one message, or every message at once.
    pub fn fields(mut problems: Vec<(String, String)>) -> AppError {
        if problems.len() == 1 {
            let (field, message) = problems.remove(0);
            AppError::Invalid { field: Some(field), message }
        } else {
            AppError::InvalidFields(problems)
        }
    }

    /// The error as query pairs for a redirect back to a form (plain form posts, without JavaScript):
    /// `error=<message>` and one `error.<field>=<message>` per field.
    pub fn to_query(&self) -> Vec<(String, String)> {
        let mut pairs = vec![("error".to_string(), self.to_string())];
        match self {
            AppError::Invalid { field: Some(f), message } => pairs.push((format!("error.{f}"), message.clone())),
            AppError::InvalidFields(list) => {
                pairs.extend(list.iter().map(|(f, m)| (format!("error.{f}"), m.clone())));
            }
            _ => {}
        }
        pairs
    }

    /// Reads back what [`AppError::to_query`] wrote; None when the query carries no error.
    pub fn from_query(pairs: &[(String, String)]) -> Option<AppError> {
        let fields: Vec<(String, String)> = pairs
            .iter()
            .filter_map(|(k, v)| k.strip_prefix("error.").map(|f| (f.to_string(), v.clone())))
            .filter(|(f, m)| !f.is_empty() && !m.is_empty())
            .collect();
        if !fields.is_empty() {
            return AppError::from_fields(fields).err();
        }
        let message = pairs.iter().find(|(k, v)| k == "error" && !v.is_empty())?.1.clone();
        Some(AppError::Invalid { field: None, message })
    }

    /// Logs an internal failure with a short reference the user can quote.
    #[cfg(feature = "ssr")]
    pub fn internal(err: impl std::fmt::Display) -> AppError {
        let reference = format!("{:08x}", rand::random::<u32>());
        tracing::error!(reference = %reference, error = %err, "internal error");
        AppError::Internal(reference)
    }
}

/// The largest request body the server reads (server functions, form posts, the API): 2 MiB. The
/// biggest legitimate body is a wizard save of a 1 MB draft (`services::wizard::MAX_DRAFT_BYTES`).
pub const MAX_BODY_BYTES: usize = 2 << 20;

/// At most 200 characters of a parser's message (it may quote the input).
fn short(msg: &str) -> String {
    let cut: String = msg.chars().filter(|c| !c.is_control()).take(200).collect();
    if cut.len() < msg.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        let error = match value {
            // A request that cannot be read is the sender's to fix (400, or 413 when too large);
            // everything else is ours.
            ServerFnErrorErr::Args(msg) | ServerFnErrorErr::Deserialization(msg) | ServerFnErrorErr::Request(msg) => {
                if msg.contains("length limit exceeded") {
                    AppError::TooLarge(format!(
                        "The request is larger than the {} MB the server accepts.",
                        MAX_BODY_BYTES >> 20
                    ))
                } else {
                    AppError::BadRequest(format!("The request could not be read: {}", short(&msg)))
                }
            }
            other => AppError::Internal(other.to_string()),
        };
        // Server-side this runs inside the request (leptos_axum provides the response options):
        // answer with the error's own status, not the default 500.
        #[cfg(feature = "ssr")]
        if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            res.set_status(
                axum::http::StatusCode::from_u16(error.status()).unwrap_or(axum::http::StatusCode::BAD_REQUEST),
            );
        }
        error
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        AppError::internal(e)
    }
}

#[cfg(test)]
mod tests {
    use super::AppError;

    #[test]
    fn form_errors_survive_the_redirect_of_a_plain_form_post() {
        let all = AppError::InvalidFields(vec![
            ("email".into(), "Enter an e-mail address such as name@un.org.".into()),
            ("roles".into(), "Choose at least one role.".into()),
        ]);
        assert_eq!(AppError::from_query(&all.to_query()), Some(all));
        let one = AppError::invalid("name", "Enter the person's name.");
        assert_eq!(AppError::from_query(&one.to_query()), Some(one));
        let banner = AppError::Conflict("Someone else changed this user first.".into());
        assert_eq!(
            AppError::from_query(&banner.to_query()),
            Some(AppError::Invalid { field: None, message: "Someone else changed this user first.".into() })
        );
        assert_eq!(AppError::from_query(&[("created".into(), "1".into())]), None);
    }

    #[test]
    fn every_message_lists_each_field_problem_once() {
        let all = AppError::InvalidFields(vec![
            ("roles".into(), "The administrator role stands alone.".into()),
            ("approval_level".into(), "Choose the approval level.".into()),
        ]);
        assert_eq!(all.every_message(), "The administrator role stands alone. Choose the approval level.");
        assert_eq!(AppError::invalid("name", "Enter the name.").every_message(), "Enter the name.");
    }
}
