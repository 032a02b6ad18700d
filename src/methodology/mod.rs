//! The HRDD methodology: the rules of `shared/spec/methodology.md` as data plus a pure engine.
//!
//! * [`catalogue`] — the methodology as data (loaded from `methodology/*.toml` on the server).
//! * [`validate`] — spec §9: checks an answers document, collecting every error.
//! * [`engine`] — spec §4–§7: computes the result document, with explanations.
//! * [`canonical`] — canonical JSON for content hashes (spec §10.5).
//!
//! Nothing here does I/O except the `ssr`-only [`load`] module, so the engine also runs in the browser.

pub mod answers;
pub mod canonical;
pub mod catalogue;
pub mod codes;
pub mod date;
pub mod draft;
pub mod engine;
#[cfg(feature = "ssr")]
pub mod load;
pub mod parts;
pub mod result;
pub mod translation;
pub mod validate;

pub use catalogue::{Catalogue, Registry};
#[cfg(feature = "ssr")]
pub use load::{load_registry_from_dir, methodology_dir};
pub use result::{ResultDocument, ScoreOutcome};
pub use validate::{ErrorCode, ValidationError};

use result::InvalidDocument;
use serde_json::Value;

/// Validates `doc` and, when it is valid, scores it with the catalogue of its methodology version.
pub fn score_value(registry: &Registry, doc: &Value) -> ScoreOutcome {
    let version = doc.get("methodology_version").and_then(Value::as_str).map(String::from);
    let invalid =
        |errors| ScoreOutcome::Invalid(InvalidDocument { methodology_version: version.clone(), valid: false, errors });
    let errors = validate::validate(registry, doc);
    if !errors.is_empty() {
        return invalid(errors);
    }
    let Some(catalogue) = version.as_deref().and_then(|v| registry.get(v)) else {
        return invalid(Vec::new());
    };
    // Spec §3: a key whose value is null is treated as absent — also for the typed reading, where a
    // null list (`"overrides": null`) would otherwise not fit `Vec` after validation accepted it.
    match <answers::AnswersDocument as serde::Deserialize>::deserialize(&without_nulls(doc)) {
        Ok(typed) => ScoreOutcome::Valid(Box::new(engine::score(catalogue, &typed))),
        // Validation accepts only what the typed model can hold; reaching this is a bug worth reporting.
        Err(e) => invalid(vec![ValidationError {
            code: ErrorCode::WrongType,
            path: String::new(),
            question_id: None,
            display: None,
            message: format!("internal error: validated document could not be read ({e})"),
        }]),
    }
}

/// A copy of `doc` in which every object key whose value is null is left out, at any depth.
fn without_nulls(doc: &Value) -> Value {
    match doc {
        Value::Object(map) => Value::Object(
            map.iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k.clone(), without_nulls(v))).collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}
