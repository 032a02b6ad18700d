//! The reader's language inside a page, and the texts in it (`crate::i18n`).
//!
//! The shell provides the request's [`Lang`] as context; components ask for texts by message id.
//! Pages are rendered on the server, where the Fluent files are. The browser's WASM holds no
//! translations: an island gets the texts it shows from the server with its props, so in the WASM
//! build [`t`] is only reached by code the islands do not run and answers with the id.

use crate::i18n::{Arg, Lang};
use leptos::prelude::*;

/// The language of the page being rendered (English outside a request).
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// The message `id` in the page's language.
pub fn t(id: &'static str) -> String {
    #[cfg(feature = "ssr")]
    {
        crate::i18n::text(use_lang(), id)
    }
    #[cfg(not(feature = "ssr"))]
    {
        id.to_string()
    }
}

/// The message `id` in the page's language, with its placeholders.
pub fn t_with(id: &'static str, args: &[(&'static str, Arg)]) -> String {
    #[cfg(feature = "ssr")]
    {
        crate::i18n::text_with(use_lang(), id, args)
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = args;
        id.to_string()
    }
}
