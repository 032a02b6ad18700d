//! Who may do what with cases (spec §10.1): role first, then country scope. Denied by default.

use crate::accounts::{CurrentUser, Role};
use crate::error::AppError;

use super::CASE_READERS as READERS;

pub fn can_read(user: &CurrentUser, country: &str) -> bool {
    READERS.iter().any(|r| user.has(*r)) && user.scope.covers(country)
}

pub fn can_create(user: &CurrentUser, country: &str) -> bool {
    user.has(Role::Assessor) && user.scope.covers(country)
}

/// Fails unless the user may read cases at all (independent of a country).
pub fn require_reader(user: &CurrentUser) -> Result<(), AppError> {
    if READERS.iter().any(|r| user.has(*r)) {
        Ok(())
    } else {
        Err(AppError::forbidden("Your role does not give access to assessments."))
    }
}

/// The answer for a case that does not exist *and* for one outside the user's countries: the same
/// 404 and words, so nobody learns which case ids exist elsewhere.
pub fn not_found() -> AppError {
    AppError::NotFound(NOT_FOUND.into())
}

pub const NOT_FOUND: &str = "No such assessment in your countries.";
