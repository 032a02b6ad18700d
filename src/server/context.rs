//! What server functions take from the Leptos context (provided per request in `http::router`).

use crate::methodology::Registry;
use crate::server::db::Db;
use std::sync::Arc;

pub fn db() -> Db {
    leptos::prelude::expect_context::<Db>()
}

pub fn registry() -> Arc<Registry> {
    leptos::prelude::expect_context::<Arc<Registry>>()
}
