//! Server infrastructure below the web layer: configuration, backup and restore, demo data and logging.

pub mod backup;
pub mod config;
pub mod demo;
pub mod telemetry;
