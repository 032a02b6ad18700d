//! Languages (issue 22): which language a reader gets, and the texts in it.
//!
//! The language is chosen per request (`web::session::session_middleware`): the signed-in user's
//! saved choice, else the `hrdd_lang` cookie that the language switcher sets, else the browser's
//! `Accept-Language`, else English. Texts live in Fluent files (`src/i18n/locales/<code>/*.ftl`),
//! one folder per language, with the same message ids in each (checked by a test); the Fluent
//! library handles placeholders and plurals (Arabic has six plural forms). They are compiled into the
//! server only: pages are rendered there, and the browser's WASM carries no translation.
//! Stored data stays language-neutral (codes); only what a reader sees is translated.

#[cfg(feature = "ssr")]
mod fluent;
pub mod labels;
#[cfg(feature = "ssr")]
pub use fluent::{island_text, text, text_with};

use serde::{Deserialize, Serialize};

/// The languages HRDD is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Fr,
    Es,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::Es, Lang::Ar];

    /// The BCP 47 code (`<html lang>`, the cookie, the profile, `?lang=`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ar => "ar",
        }
    }

    /// Exactly one of our codes (`fr`), as a form or `?lang=` sends it; anything else → None.
    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// `fr`, `FR`, `fr-CA`, `fr_CA` → French (a cookie, a browser's language); anything else → None.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or_default();
        Lang::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The writing direction, for `<html dir>`.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// A placeholder's text as a page in this language shows it. On a right-to-left page a value of
    /// digits and punctuation only (a date such as 2026-12-08) is isolated left to right (LRI … PDI):
    /// after Arabic words its digits would take their direction and the hyphens split them, so that
    /// it read 08-12-2026 (UAX #9, rules W2 and W4). Other values, and every value elsewhere, as given.
    pub fn placeholder(self, text: &str) -> std::borrow::Cow<'_, str> {
        let has_digit = text.chars().any(|c| c.is_ascii_digit());
        let only_digits = text.chars().all(|c| c.is_ascii_digit());
        let neutral = has_digit && !only_digits && !text.chars().any(char::is_alphabetic);
        if self.dir() == "rtl" && neutral {
            std::borrow::Cow::Owned(format!("\u{2066}{text}\u{2069}"))
        } else {
            std::borrow::Cow::Borrowed(text)
        }
    }

    /// The language's name in itself, as the switcher shows it (never translated).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::Ar => "العربية",
        }
    }

    /// The best of HRDD's languages for an `Accept-Language` header (RFC 9110 §12.5.4): ranges in
    /// order of their weight (`q`), the first that names one of ours wins; `q=0` refuses a language.
    /// None when the header names none of them (the caller falls back to English).
    pub fn negotiate(accept_language: &str) -> Option<Lang> {
        let mut ranges: Vec<(u16, usize, &str)> = accept_language
            .split(',')
            .enumerate()
            .filter_map(|(position, item)| {
                let mut parts = item.split(';');
                let range = parts.next()?.trim();
                let weight = parts
                    .find_map(|p| p.trim().strip_prefix("q=").or_else(|| p.trim().strip_prefix("Q=")))
                    .map_or(Some(1000), parse_weight)?;
                (!range.is_empty()).then_some((weight, position, range))
            })
            .collect();
        // Highest weight first; equal weights keep the header's order.
        ranges.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let refused: Vec<Lang> = ranges.iter().filter(|r| r.0 == 0).filter_map(|r| Lang::from_code(r.2)).collect();
        ranges
            .iter()
            .filter(|r| r.0 > 0 && r.2 != "*")
            .filter_map(|r| Lang::from_code(r.2))
            .find(|l| !refused.contains(l))
    }
}

/// `q` in thousandths: "0.8" → 800, "1" → 1000; None for a malformed weight (the range is skipped).
fn parse_weight(q: &str) -> Option<u16> {
    let q = q.trim();
    let (whole, fraction) = q.split_once('.').unwrap_or((q, ""));
    if fraction.len() > 3 || !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let thousandths: u16 = format!("{fraction:0<3}").parse().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// The words an island shows, in the reader's language, sent with its props: the WASM holds no
/// Fluent. Messages with placeholders arrive with `{$name}` markers; plural messages once per plural
/// category of the language, under `id#category`, and `plural` says which category Fluent gives
/// each count, so the browser picks the form the server would have picked.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IslandText {
    pub lang: Lang,
    /// Message id (or `id#category`) → text.
    pub words: Vec<(String, String)>,
    /// The plural category of each count 0–199, as Fluent chooses it in this language (larger
    /// counts take that of 100 + count % 100, as the plural rules of HRDD's languages do).
    pub plural: Vec<String>,
}

impl IslandText {
    /// The plural category of a whole number `n`.
    pub fn plural_category(&self, n: f64) -> &str {
        let n = n.abs() as usize;
        let at = if n < 200 { n } else { 100 + n % 100 };
        self.plural.get(at).map(String::as_str).unwrap_or("other")
    }

    /// The text of `id` with `args` put in, as Fluent on the server would write it (a test compares
    /// the two for every island message); the id itself when the words lack it.
    pub fn format(&self, id: &str, args: &[(&'static str, Arg)]) -> String {
        let count = args.iter().find_map(|(name, a)| match a {
            Arg::Number(n) if *name == "count" => Some(*n),
            _ => None,
        });
        let key = match count {
            Some(n) => format!("{id}#{}", self.plural_category(n)),
            None => id.to_string(),
        };
        let Some(text) = self.words.iter().find(|(k, _)| *k == key).map(|(_, t)| t) else { return id.to_string() };
        args.iter().fold(text.clone(), |out, (name, value)| {
            let shown = match value {
                Arg::Text(s) => self.lang.placeholder(s).into_owned(),
                Arg::Number(_) => value.to_string(),
            };
            out.replace(&format!("{{${name}}}"), &shown)
        })
    }
}

/// A value for a placeholder: text as given, or a number (which also selects the plural form).
#[derive(Clone, Debug)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Number(n as f64)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(n as f64)
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Number(f64::from(n))
    }
}

/// As Fluent writes a placeholder: text as it is, a whole number without decimals.
impl std::fmt::Display for Arg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Arg::Text(s) => f.write_str(s),
            Arg::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => write!(f, "{}", *n as i64),
            Arg::Number(n) => write!(f, "{n}"),
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn codes_round_trip_and_regions_are_ignored() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("AR_eg"), Some(Lang::Ar));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code(""), None);
        assert_eq!(Lang::from_code("e"), None);
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert!(Lang::ALL.iter().filter(|l| **l != Lang::Ar).all(|l| l.dir() == "ltr"));
    }

    #[test]
    fn accept_language_follows_weights_then_order() {
        assert_eq!(Lang::negotiate("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5"), Some(Lang::Fr));
        assert_eq!(Lang::negotiate("de-DE, es;q=0.4, en;q=0.3"), Some(Lang::Es));
        assert_eq!(Lang::negotiate("en;q=0.2, ar-EG;q=0.9"), Some(Lang::Ar));
        assert_eq!(Lang::negotiate("es, fr"), Some(Lang::Es));
        assert_eq!(Lang::negotiate("fr;q=0, es;q=0.1"), Some(Lang::Es));
        assert_eq!(Lang::negotiate("fr;q=0, fr-CA"), None);
        assert_eq!(Lang::negotiate("de, *"), None);
        assert_eq!(Lang::negotiate(""), None);
        assert_eq!(Lang::negotiate("fr;q=2, es;q=0.5"), Some(Lang::Es));
        assert_eq!(Lang::negotiate("fr;q=0.1234, ar"), Some(Lang::Ar));
        assert_eq!(Lang::negotiate("fr;q=1.000"), Some(Lang::Fr));
    }
}
