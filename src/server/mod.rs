//! Everything that only runs on the server: configuration, database, HTTP wiring, command line.

pub mod backup;
pub mod cli;
pub mod config;
pub mod context;
pub mod db;
pub mod demo;
pub mod headers;
pub mod http;
pub mod telemetry;
