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

/// Words an island received with its props, in the reader's language (`crate::i18n::IslandText`).
#[derive(Clone, Debug, Default)]
pub struct IslandWords(pub std::sync::Arc<crate::i18n::IslandText>);

/// The message `id` in the page's language.
pub fn t(id: &'static str) -> String {
    t_with(id, &[])
}

/// The message `id` in the page's language, with its placeholders.
pub fn t_with(id: &'static str, args: &[(&'static str, Arg)]) -> String {
    #[cfg(feature = "ssr")]
    {
        if args.is_empty() {
            crate::i18n::text(use_lang(), id)
        } else {
            crate::i18n::text_with(use_lang(), id, args)
        }
    }
    #[cfg(not(feature = "ssr"))]
    {
        use_context::<IslandWords>().map(|words| words.0.format(id, args)).unwrap_or_else(|| id.to_string())
    }
}

/// The message `id` with text placeholders only (names, dates, codes: nothing to choose a plural
/// form on).
pub fn t_args(id: &'static str, args: &[(&'static str, String)]) -> String {
    let args: Vec<(&'static str, Arg)> = args.iter().map(|(k, v)| (*k, Arg::Text(v.clone()))).collect();
    t_with(id, &args)
}

/// A plural message of an island (`wizard.ftl`): it chooses its form on `$count` and prints `$n`.
pub fn t_count(id: &'static str, count: usize, args: &[(&'static str, Arg)]) -> String {
    let mut all = vec![("count", Arg::from(count)), ("n", Arg::Text(count.to_string()))];
    all.extend(args.iter().cloned());
    t_with(id, &all)
}
