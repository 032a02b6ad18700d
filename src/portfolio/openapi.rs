//! The read API's parameter schemas: every filter that takes a code is documented with its closed
//! list, so a client (or schemathesis) knows exactly what the server accepts.

use crate::cases::CaseState;
use crate::methodology::codes::{Area, Band, FinalDecision, HardRule, RecommendedDecision, SupportType};
use utoipa::openapi::schema::{Object, ObjectBuilder, Type};

fn one_of(values: Vec<String>) -> Object {
    ObjectBuilder::new().schema_type(Type::String).enum_values(Some(values)).build()
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
        .pattern(Some("^[A-Za-z]{2}$"))
        .description(Some("ISO 3166 alpha-2 country code"))
        .build()
}

pub fn date_param() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(utoipa::openapi::KnownFormat::Date)))
        .build()
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
