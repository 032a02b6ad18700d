//! Loading catalogues from disk (server only).

use super::catalogue::{Catalogue, Registry};
use super::translation::Translation;
use std::path::{Path, PathBuf};

/// Where the catalogues live: `HRDD_METHODOLOGY_DIR`, else `methodology/` under the working directory.
pub fn methodology_dir() -> PathBuf {
    std::env::var_os("HRDD_METHODOLOGY_DIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("methodology"))
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    #[error("no methodology catalogue (*.toml) found in {0}")]
    Empty(String),
}

/// Parses and checks one catalogue; the error names the file and the entry that is wrong.
pub fn parse_catalogue(text: &str, path: &str) -> Result<Catalogue, LoadError> {
    let catalogue: Catalogue =
        toml::from_str(text).map_err(|e| LoadError::Invalid { path: path.to_string(), message: e.to_string() })?;
    catalogue.check().map_err(|e| LoadError::Invalid { path: path.to_string(), message: e.to_string() })?;
    Ok(catalogue)
}

/// The `*.toml` files directly in `dir`, by name.
fn toml_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

/// Loads every `*.toml` catalogue in `dir`; several versions may sit side by side.
pub fn load_registry_from_dir(dir: &Path) -> Result<Registry, LoadError> {
    let files = toml_files(dir).map_err(|source| LoadError::Io { path: dir.display().to_string(), source })?;
    if files.is_empty() {
        return Err(LoadError::Empty(dir.display().to_string()));
    }
    let mut catalogues = Vec::new();
    for file in files {
        let shown = file.display().to_string();
        let text = std::fs::read_to_string(&file).map_err(|source| LoadError::Io { path: shown.clone(), source })?;
        let catalogue = parse_catalogue(&text, &shown)?;
        if catalogues.iter().any(|c: &Catalogue| c.version == catalogue.version) {
            return Err(LoadError::Invalid {
                path: shown,
                message: format!("version {} is defined twice", catalogue.version),
            });
        }
        catalogues.push(catalogue);
    }
    let mut registry = Registry::new(catalogues);
    load_translations(&mut registry, &dir.join("translations"))?;
    Ok(registry)
}

/// Adds every `translations/<version>.<lang>.toml` (if the folder exists); a translation that names
/// something the catalogue lacks stops the start like a broken catalogue. Missing texts fall back to
/// English and are logged.
fn load_translations(registry: &mut Registry, dir: &Path) -> Result<(), LoadError> {
    let Ok(files) = toml_files(dir) else { return Ok(()) };
    for file in files {
        let shown = file.display().to_string();
        let text = std::fs::read_to_string(&file).map_err(|source| LoadError::Io { path: shown.clone(), source })?;
        let invalid = |message: String| LoadError::Invalid { path: shown.clone(), message };
        let translation: Translation = toml::from_str(&text).map_err(|e| invalid(e.to_string()))?;
        registry.add_translation(&translation).map_err(|e| invalid(e.to_string()))?;
        if let Some(english) = registry.get(&translation.version) {
            let missing = translation.missing(english);
            if !missing.is_empty() {
                tracing::warn!(file = %shown, missing = missing.len(), first = %missing[0], "translation incomplete: English shown instead");
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methodology::translation::Translation;

    fn shipped() -> Registry {
        load_registry_from_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("methodology"))
            .expect("shipped catalogues load")
    }

    /// Fails when a question, option, area, measure or rule lacks its words in a language.
    #[test]
    fn every_text_of_every_catalogue_is_translated_into_every_language() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("methodology/translations");
        let registry = shipped();
        for catalogue in registry.all() {
            for lang in ["fr", "es", "ar"] {
                let file = dir.join(format!("{}.{lang}.toml", catalogue.version));
                let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
                let translation: Translation = toml::from_str(&text).unwrap();
                assert_eq!(translation.lang, lang, "{}", file.display());
                assert_eq!(
                    translation.missing(catalogue),
                    Vec::<String>::new(),
                    "{} lacks these texts",
                    file.display()
                );
            }
        }
    }

    /// A translation changes words only: the structure the engine reads is the English catalogue's.
    #[test]
    fn a_translated_catalogue_differs_from_english_in_words_only() {
        let registry = shipped();
        let english = registry.current().unwrap();
        let french = registry.current_in("fr").unwrap();
        assert_eq!(registry.current_in("de").unwrap(), english, "no translation: English");
        let dp = |c: &Catalogue| c.areas.iter().find(|a| a.code.code() == "DP").unwrap().name.to_string();
        assert_eq!(dp(french), "Peine de mort pour les infractions liées aux drogues");
        assert_ne!(french, english);
        let mut words_removed = [english.clone(), french.clone()];
        for c in &mut words_removed {
            c.title.clear();
            c.summary.clear();
            for s in &mut c.steps {
                s.title.clear();
                s.intro.clear();
            }
            for q in &mut c.questions {
                q.label.clear();
                q.help.clear();
                q.required_when = q.required_when.as_ref().map(|_| String::new());
                q.condition_text = q.condition_text.as_ref().map(|_| String::new());
            }
            for v in c.enums.values_mut().flatten() {
                v.label.clear();
                v.help = v.help.as_ref().map(|_| String::new());
            }
            for a in &mut c.areas {
                a.name = "".into();
                a.short_name.clear();
                a.description.clear();
            }
            for m in &mut c.measures {
                m.name.clear();
                m.description.clear();
            }
            for r in &mut c.hard_rules {
                r.title.clear();
                r.effect = "".into();
            }
            for p in c.parts.values_mut() {
                for text in [&mut p.title, &mut p.help, &mut p.item, &mut p.add, &mut p.remove] {
                    text.clear();
                }
                p.fields.values_mut().chain(p.required_when.values_mut()).for_each(String::clear);
            }
        }
        assert_eq!(words_removed[0], words_removed[1]);
    }

    #[test]
    fn a_translation_of_something_the_catalogue_lacks_is_refused() {
        let mut registry = shipped();
        let version = registry.current().unwrap().version.clone();
        for (toml, entry) in [
            ("[questions.no_such_question]\nlabel = \"x\"", "questions.no_such_question"),
            ("[enums.Band.PURPLE]\nlabel = \"x\"", "enums.Band.PURPLE"),
            ("[areas.XYZ]\nname = \"x\"", "areas.XYZ"),
            ("[questions.country]\ncondition_text = \"x\"", "questions.country.condition_text"),
        ] {
            let t: Translation = toml::from_str(&format!("version = \"{version}\"\nlang = \"fr\"\n{toml}")).unwrap();
            let err = registry.add_translation(&t).unwrap_err();
            assert_eq!(err.entry, entry);
        }
        let other: Translation = toml::from_str("version = \"hrdd-1999.1\"\nlang = \"fr\"").unwrap();
        assert!(registry.add_translation(&other).unwrap_err().problem.contains("not loaded"));
    }
}
