//! The Fluent texts, compiled into the server binary (`fluent-templates`).

use super::{Arg, IslandText, Lang};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./src/i18n/locales",
        fallback_language: "en",
        // No Unicode isolation marks around placeholders: pages are HTML, where the browser's bidi
        // algorithm and `dir` do that work, and the marks would end up in copied text and e-mail.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static IDS: LazyLock<HashMap<Lang, LanguageIdentifier>> = LazyLock::new(|| {
    Lang::ALL.into_iter().map(|l| (l, l.code().parse().expect("a valid language identifier"))).collect()
});

/// The message `id` in `lang` (English when `lang` lacks it, which a test forbids).
pub fn text(lang: Lang, id: &str) -> String {
    lookup(lang, id, None)
}

/// The message `id` in `lang` with its placeholders filled from `args`.
pub fn text_with(lang: Lang, id: &str, args: &[(&'static str, Arg)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(name, value)| {
            let value = match value {
                Arg::Text(s) => FluentValue::from(lang.placeholder(s)),
                Arg::Number(n) => FluentValue::from(*n),
            };
            (Cow::Borrowed(*name), value)
        })
        .collect();
    lookup(lang, id, Some(&args))
}

/// The wizard island's messages (`wizard.ftl`) with the names of their placeholders, read from the
/// English file (every language has the same ids and placeholders, which a test checks).
fn island_messages() -> &'static [(&'static str, Vec<&'static str>)] {
    static MESSAGES: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| {
        const FILE: &str = include_str!("locales/en/wizard.ftl");
        let mut out: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
        for line in FILE.lines().filter(|l| !l.starts_with('#')) {
            let id = line.split_once(" =").map(|(id, _)| id).filter(|id| {
                !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            });
            if let Some(id) = id {
                out.push((id, Vec::new()));
            }
            let Some((_, vars)) = out.last_mut() else { continue };
            for (at, _) in line.match_indices('$') {
                let name = line[at + 1..]
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                    .next()
                    .unwrap_or_default();
                if !name.is_empty() && !vars.contains(&name) {
                    vars.push(name);
                }
            }
        }
        out
    });
    &MESSAGES
}

/// The words an island needs in `lang`: the labels of coded values and access problems, and every
/// message of `wizard.ftl`, with `{$name}` markers for placeholders and one text per plural
/// category (see [`IslandText`]). The same for every request in a language, so made once.
pub fn island_text(lang: Lang) -> std::sync::Arc<IslandText> {
    static MADE: LazyLock<HashMap<Lang, std::sync::Arc<IslandText>>> =
        LazyLock::new(|| Lang::ALL.into_iter().map(|l| (l, std::sync::Arc::new(make_island_text(l)))).collect());
    MADE[&lang].clone()
}

fn make_island_text(lang: Lang) -> IslandText {
    // Fluent's own choice of plural category for each count, read through a message that names it.
    let plural: Vec<String> =
        (0..200u32).map(|n| text_with(lang, "wizard-plural-category", &[("count", n.into())])).collect();
    let mut examples: Vec<(&str, u32)> = Vec::new();
    for (n, category) in (0u32..).zip(&plural) {
        if !examples.iter().any(|(c, _)| *c == category.as_str()) {
            examples.push((category.as_str(), n));
        }
    }
    let mut words: Vec<(String, String)> =
        super::labels::island_word_ids().into_iter().map(|id| (id.to_string(), text(lang, id))).collect();
    for (id, vars) in island_messages().iter().filter(|(id, _)| *id != "wizard-plural-category") {
        let markers: Vec<(&'static str, Arg)> =
            vars.iter().filter(|v| **v != "count").map(|v| (*v, Arg::Text(format!("{{${v}}}")))).collect();
        if vars.contains(&"count") {
            for (category, example) in &examples {
                let mut args = markers.clone();
                args.push(("count", (*example).into()));
                words.push((format!("{id}#{category}"), text_with(lang, id, &args)));
            }
        } else {
            words.push((id.to_string(), text_with(lang, id, &markers)));
        }
    }
    IslandText { lang, words, plural }
}

fn lookup(lang: Lang, id: &str, args: Option<&HashMap<Cow<'static, str>, FluentValue<'_>>>) -> String {
    LOCALES.try_lookup_complete(&IDS[&lang], id, args).unwrap_or_else(|| {
        // A message id the files do not hold: a programming error that the completeness test
        // catches; the reader sees the id rather than nothing.
        tracing::error!(id, lang = lang.code(), "no such message");
        id.to_string()
    })
}

#[cfg(test)]
mod tests {
    //! The translations are complete: every language has every message, with the same placeholders;
    //! every message is used by the code and every id the code asks for exists.
    use super::*;
    use fluent_syntax::ast;
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    const LOCALES_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/i18n/locales");

    /// Message id → the names of the variables it uses, for one language's files.
    fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
        let dir = Path::new(LOCALES_DIR).join(lang.code());
        let mut out = BTreeMap::new();
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        assert!(!files.is_empty(), "{} has no .ftl file", dir.display());
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            let resource = fluent_syntax::parser::parse(text.as_str())
                .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", file.display()));
            for entry in resource.body {
                match entry {
                    ast::Entry::Message(m) => {
                        let mut vars = BTreeSet::new();
                        if let Some(p) = &m.value {
                            pattern_vars(p, &mut vars);
                        }
                        let id = m.id.name.to_string();
                        assert!(out.insert(id.clone(), vars).is_none(), "{id} twice in {}", lang.code());
                    }
                    ast::Entry::Junk { content } => panic!("{}: cannot read {content:?}", file.display()),
                    _ => {}
                }
            }
        }
        out
    }

    fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_vars(expression, vars);
            }
        }
    }

    fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, vars);
                for v in variants {
                    pattern_vars(&v.value, vars);
                }
            }
            ast::Expression::Inline(inline) => inline_vars(inline, vars),
        }
    }

    fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                vars.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
            _ => {}
        }
    }

    /// Every Rust source under `src/`: (path, text).
    fn rust_sources() -> Vec<(String, String)> {
        fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
                }
            }
        }
        let mut out = Vec::new();
        walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
        out
    }

    #[test]
    fn a_date_after_arabic_words_stays_left_to_right() {
        let date = [("date", Arg::Text("2026-12-08".into()))];
        let arabic = text_with(Lang::Ar, "reference-in-force", &date);
        assert!(arabic.contains("\u{2066}2026-12-08\u{2069}"), "{arabic:?}");
        // Left-to-right pages, words and whole numbers are left as they are.
        assert_eq!(text_with(Lang::Fr, "reference-in-force", &date), "En vigueur aujourd'hui (2026-12-08)");
        let code = [("code", Arg::Text("KE".into()))];
        assert!(!text_with(Lang::Ar, "reference-country-title", &code).contains('\u{2066}'));
        // The island words the same way.
        let returned = [("by", Arg::Text("Ana".into())), ("at", Arg::Text("2026-12-08 10:30".into()))];
        let server = text_with(Lang::Ar, "wizard-returned-by", &returned);
        assert!(server.contains("Ana في \u{2066}2026-12-08 10:30\u{2069}"), "{server:?}");
        assert_eq!(make_island_text(Lang::Ar).format("wizard-returned-by", &returned), server);
    }

    #[test]
    fn every_language_has_every_message_with_the_same_placeholders() {
        let english = messages(Lang::En);
        assert!(english.len() > 50, "the English file is read");
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            let other = messages(lang);
            let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang} has ids English lacks: {extra:?}");
            for (id, vars) in &english {
                assert_eq!(&other[id], vars, "{lang}: the placeholders of {id}");
            }
        }
    }

    #[test]
    fn every_message_is_used_and_every_id_asked_for_exists() {
        let english = messages(Lang::En);
        let sources = rust_sources();
        // An id is used when some source names it as a string literal (looked up as `"id"`, since
        // raw strings full of quotes make splitting on quotes unreliable).
        let named = |id: &str| sources.iter().any(|(_, text)| text.contains(&format!("\"{id}\"")));
        let unused: Vec<_> = english.keys().filter(|id| !named(id)).collect();
        assert!(unused.is_empty(), "messages no code names: {unused:?}");
        // Ids the code asks for through `t(…)`/`t_with(…)`/`text(…)` (a literal right after the call).
        let mut asked = Vec::new();
        for (path, text) in &sources {
            for call in ["t(\"", "t_with(\"", "t_count(\"", "text(lang, \""] {
                for (at, _) in text.match_indices(call) {
                    let before = text[..at].chars().last().unwrap_or(' ');
                    if before.is_alphanumeric() || before == '_' {
                        continue;
                    }
                    let rest = &text[at + call.len()..];
                    asked.push((path.as_str(), &rest[..rest.find('"').unwrap()]));
                }
            }
        }
        assert!(asked.len() > 30, "the calls are found");
        let unknown: Vec<_> = asked.iter().filter(|(_, id)| !english.contains_key(*id)).collect();
        assert!(unknown.is_empty(), "ids asked for that no file holds: {unknown:?}");
    }

    #[test]
    fn an_island_writes_its_messages_as_fluent_does_on_the_server() {
        // The island renders on the server with Fluent and again in the browser from its words:
        // the two must agree for every message, language, plural form and placeholder, or the page
        // would change (or fail to hydrate) when the WASM takes over.
        let messages = island_messages();
        assert!(messages.len() > 80, "the wizard's messages are read: {}", messages.len());
        assert!(messages.iter().any(|(id, vars)| *id == "wizard-returned-by" && vars == &["by", "at"]));
        for lang in Lang::ALL {
            let island = island_text(lang);
            for (id, vars) in messages.iter().filter(|(id, _)| *id != "wizard-plural-category") {
                let counts: Vec<Option<f64>> = if vars.contains(&"count") {
                    (0..=230)
                        .chain([311, 1000, 1001, 1002, 1003, 1011, 1100, 1_000_000])
                        .map(|n| Some(f64::from(n)))
                        .collect()
                } else {
                    vec![None]
                };
                for count in counts {
                    let args: Vec<(&'static str, Arg)> = vars
                        .iter()
                        .map(|v| match (*v, count) {
                            ("count", Some(n)) => (*v, Arg::Number(n)),
                            ("n", Some(n)) => (*v, Arg::Text(n.to_string())),
                            _ => (*v, Arg::Text(format!("«{v}»"))),
                        })
                        .collect();
                    assert_eq!(island.format(id, &args), text_with(lang, id, &args), "{lang} {id} {count:?}");
                }
            }
        }
    }

    #[test]
    fn every_message_formats_in_every_language() {
        for (id, vars) in messages(Lang::En) {
            for lang in Lang::ALL {
                let args: Vec<(&'static str, Arg)> =
                    vars.iter().map(|v| (&*String::leak(v.clone()), Arg::Number(3.0))).collect();
                let text = text_with(lang, &id, &args);
                assert!(!text.trim().is_empty() && text != id, "{lang} {id}: {text:?}");
                assert!(!text.contains("{$") && !text.contains("{ $"), "{lang} {id}: {text:?}");
            }
        }
    }

    #[test]
    fn placeholders_and_plural_forms_come_from_the_library() {
        assert_eq!(text_with(Lang::En, "layout-unread", &[("count", 1usize.into())]), "1 unread notification");
        assert_eq!(text_with(Lang::En, "layout-unread", &[("count", 4usize.into())]), "4 unread notifications");
        assert_eq!(text_with(Lang::Fr, "layout-unread", &[("count", 2usize.into())]), "2 notifications non lues");
        // Arabic: one, two, few (3–10) and many (11–99) are different words.
        assert_eq!(text_with(Lang::Ar, "layout-unread", &[("count", 1usize.into())]), "إشعار واحد غير مقروء");
        assert_eq!(text_with(Lang::Ar, "layout-unread", &[("count", 2usize.into())]), "إشعاران غير مقروءين");
        assert_eq!(text_with(Lang::Ar, "layout-unread", &[("count", 5usize.into())]), "5 إشعارات غير مقروءة");
        assert_eq!(text_with(Lang::Ar, "layout-unread", &[("count", 11usize.into())]), "11 إشعارًا غير مقروء");
        assert_eq!(text(Lang::Es, "nav-sign-in"), "Iniciar sesión");
        assert_eq!(text_with(Lang::Fr, "role-reviewer-level", &[("level", 2u32.into())]), "Approbateur (niveau 2)");
    }
}
