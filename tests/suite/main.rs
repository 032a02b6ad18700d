//! The integration test suite: one binary, one module per domain.

mod accounts;
mod authz;
mod cases;
mod cli;
mod common;
mod engine_golden;
mod engine_properties;
mod engine_rules;
mod engine_validation;
mod http;
mod integrity;
mod portfolio;
mod review;
mod schema;
mod security;
mod seed;
mod wizard;
