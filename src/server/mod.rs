//! Server infrastructure below the web layer: configuration, the database handle and its
//! migrations, backup and restore, demo data and logging.

pub mod backup;
pub mod config;
pub mod db;
pub mod demo;
pub mod telemetry;
