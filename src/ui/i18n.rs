//! The reader's language inside a page, and the texts in it (`crate::i18n`).
//!
//! The shell provides the request's [`Lang`] as context; components ask for texts by message id.
//! Pages are rendered on the server, where the Fluent files are. The browser's WASM holds no
//! translations: an island gets the texts it shows from the server with its props and provides
//! them as [`IslandWords`], where [`t`] finds them in the WASM build (else it answers with the id).

use crate::i18n::{Arg, Lang};
use leptos::prelude::*;

/// The language of the page being rendered (English outside a request).
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// Words an island received with its props (message id → text in the reader's language).
#[derive(Clone, Debug, Default)]
pub struct IslandWords(pub std::sync::Arc<Vec<(String, String)>>);

/// The message `id` in the page's language.
pub fn t(id: &'static str) -> String {
    #[cfg(feature = "ssr")]
    {
        crate::i18n::text(use_lang(), id)
    }
    #[cfg(not(feature = "ssr"))]
    {
        use_context::<IslandWords>()
            .and_then(|words| words.0.iter().find(|(k, _)| k == id).map(|(_, text)| text.clone()))
            .unwrap_or_else(|| id.to_string())
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
