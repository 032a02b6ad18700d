//! The integration test suite: one binary, one module per domain.

/// Runs `$body` with `$pool` bound to the concrete pool of a store: the tests look at (and tamper
/// with) rows directly, as an attacker with database access would.
macro_rules! with_pool {
    ($db:expr, $pool:ident => $body:expr) => {
        match &$db.pool {
            hrdd::store::Pool::Sqlite($pool) => $body,
            hrdd::store::Pool::Postgres($pool) => $body,
        }
    };
}

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
mod languages;
mod mail;
mod notify;
mod portfolio;
mod reference;
mod review;
mod schema;
mod security;
mod seed;
mod wizard;
