//! One module per route (see `crate::app` for the routes).

pub mod account; // /account
pub mod account_history; // /admin/users/:id/history
pub mod admin_outbox; // /admin/outbox
pub mod admin_users; // /admin/users
pub mod case_edit; // /cases/:id/edit/:step (the wizard)
pub mod case_list; // /cases
pub mod case_summary; // /cases/:id
pub mod home; // /
pub mod login; // /login
pub mod methodology; // /methodology
pub mod new_case; // /cases/new
pub mod not_found; // any other path
pub mod notifications; // /notifications
pub mod password; // /account/password
pub mod portfolio; // /portfolio
pub mod reference_countries; // /reference/countries
pub mod reference_country; // /reference/countries/:code
pub mod reference_import; // /reference/import
pub mod review_queue; // /review
pub mod setup; // /setup
