//! Pages and shared components of the web UI.

pub mod account;
pub mod account_history;
pub mod admin_users;
pub mod badges;
pub mod cases;
pub mod charts;
pub mod decision_card;
pub mod forms;
pub mod home;
pub mod layout;
pub mod login;
pub mod methodology;
pub mod not_found;
pub mod portfolio;
pub mod review;
pub mod setup;
pub mod summary;
pub mod wizard;
