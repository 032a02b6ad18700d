//! Pages and shared components of the web UI.

pub mod home;
pub mod layout;
pub mod methodology;
pub mod not_found;
