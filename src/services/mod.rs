//! The services: each use case of the app as one function that checks who asks (through the
//! domain's rules and `review::workflow`), reads and writes through the store, and returns domain
//! types. Server functions, the read API and the command line call these; nothing below calls them.

pub mod accounts;
pub mod cases;
pub mod export;
pub mod mail;
pub mod notify;
pub mod portfolio;
pub mod record;
pub mod reference;
pub mod review;
pub mod seal;
pub mod seed;
pub mod sessions;
pub mod signed_in;
pub mod tokens;
pub mod verify;
pub mod wizard;
