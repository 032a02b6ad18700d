//! The server functions, one module per domain. Each checks authorization itself (through
//! `web::session`), then calls one service function; the UI calls them, and without JavaScript
//! their forms post to the same endpoints.

pub mod accounts;
pub mod cases;
pub mod methodology;
pub mod notify;
pub mod portfolio;
pub mod reference;
pub mod review;
