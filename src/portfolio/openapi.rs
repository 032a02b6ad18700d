//! The read API's parameter schemas: every filter that takes a code is documented with its closed
//! list, so a client (or schemathesis) knows exactly what the server accepts. An empty value means
//! "any" (the pages' filter forms send empty fields), so it is part of every list.

use crate::cases::CaseState;
use crate::methodology::codes::{Area, Band, FinalDecision, HardRule, RecommendedDecision, SupportType};
use utoipa::openapi::schema::{AnyOfBuilder, Object, ObjectBuilder, Schema, Type};
use utoipa::openapi::{KnownFormat, SchemaFormat};

fn one_of(mut values: Vec<String>) -> Object {
    values.push(String::new());
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values))
        .description(Some("One of the listed codes; empty means any."))
        .build()
}

/// Free text to search titles and references for: at most 200 characters, no control characters
/// (tab and line breaks aside; the server refuses the others with 400/422).
pub fn search_param() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .max_length(Some(200))
        .pattern(Some("^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"))
        .build()
}

fn codes<T: Copy>(all: &[T], code: fn(T) -> &'static str) -> Vec<String> {
    all.iter().map(|v| code(*v).to_string()).collect()
}

pub fn state_param() -> Object {
    one_of(CaseState::ALL.iter().map(|s| s.as_str().to_string()).collect())
}

pub fn band_param() -> Object {
    let mut bands = codes(Band::ALL, Band::code);
    bands.push("INCOMPLETE".into());
    one_of(bands)
}

pub fn area_band_param() -> Object {
    one_of(codes(Band::ALL, Band::code))
}

pub fn country_param() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some("^([A-Za-z]{2})?$"))
        .description(Some("ISO 3166 alpha-2 country code; empty means any."))
        .build()
}

/// A date (`YYYY-MM-DD`), or empty for none. A `to` before `from` is refused (422, field `to`).
pub fn date_param() -> Schema {
    let date =
        ObjectBuilder::new().schema_type(Type::String).format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)));
    let empty = ObjectBuilder::new().schema_type(Type::String).max_length(Some(0));
    Schema::AnyOf(AnyOfBuilder::new().item(date).item(empty).build())
}

pub fn decision_param() -> Object {
    let mut all = codes(RecommendedDecision::ALL, RecommendedDecision::code);
    for d in codes(FinalDecision::ALL, FinalDecision::code) {
        if !all.contains(&d) {
            all.push(d);
        }
    }
    one_of(all)
}

pub fn support_type_param() -> Object {
    one_of(codes(SupportType::ALL, SupportType::code))
}

pub fn area_param() -> Object {
    one_of(codes(Area::ALL, Area::code))
}

pub fn rule_param() -> Object {
    one_of(codes(HardRule::ALL, HardRule::code))
}

pub fn flag_param() -> Object {
    one_of(crate::cases::FLAGS.iter().map(|(f, _)| f.to_string()).collect())
}
