//! Server infrastructure below the web layer: configuration, demo data and logging.

pub mod config;
pub mod demo;
pub mod telemetry;
