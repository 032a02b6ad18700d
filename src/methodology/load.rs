//! Loading catalogues from disk (server only).

use super::catalogue::{Catalogue, Registry};
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

/// Loads every `*.toml` catalogue in `dir`; several versions may sit side by side.
pub fn load_registry_from_dir(dir: &Path) -> Result<Registry, LoadError> {
    let io = |source| LoadError::Io { path: dir.display().to_string(), source };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
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
    Ok(Registry::new(catalogues))
}
