//! The web UI: shared components, and one page per route.
//!
//! `components` never imports from `pages`; a page imports components and the server functions of
//! `crate::web` it calls.

pub mod components;
pub mod i18n;
pub mod pages;
