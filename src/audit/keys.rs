//! The audit signing key and the keyring of trusted public keys, kept outside the database.
//!
//! Files in the audit directory (`HRDD_AUDIT_DIR`; by default the directory of the SQLite database,
//! or `data/` with PostgreSQL):
//! * `audit-signing.key` — the Ed25519 secret key (mode 0600), created on first start;
//! * `audit-keys.pub` — every public key whose signatures are trusted, one per line
//!   (`<key id> <public key hex> <created>`); rotation appends to it and never removes a line;
//! * `audit-anchor.log` — see [`super::anchor`].
//!
//! Someone who can change the database but not these files cannot forge a signature; a verifier
//! needs only `audit-keys.pub`, so an exported record can be checked by anyone given the public key.

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

pub const SIGNING_KEY_FILE: &str = "audit-signing.key";
pub const KEYRING_FILE: &str = "audit-keys.pub";

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("audit key file {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("audit key file {path} is not an HRDD signing key ({why})")]
    Malformed { path: String, why: &'static str },
    #[error("no audit signing key at {0}; start the server once to create it, or restore it from your backup")]
    Missing(String),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> KeyError + '_ {
    move |source| KeyError::Io { path: path.display().to_string(), source }
}

/// A short, stable name for a public key: the first 16 hex digits of its SHA-256.
pub fn key_id(key: &VerifyingKey) -> String {
    hex::encode(&Sha256::digest(key.as_bytes())[..8])
}

/// What a signature covers: a domain tag, so an event signature can never pass as a snapshot's.
fn message(domain: &str, hash: &str) -> Vec<u8> {
    format!("hrdd-{domain}:{hash}").into_bytes()
}

/// The server's secret key and its id.
pub struct Signing {
    key: SigningKey,
    id: String,
}

impl std::fmt::Debug for Signing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Signing {{ id: {} }}", self.id)
    }
}

impl Signing {
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn public_key(&self) -> VerifyingKey {
        self.key.verifying_key()
    }

    /// `(key id, signature hex)` over `hash` in `domain` ("event" or "snapshot").
    pub fn sign(&self, domain: &str, hash: &str) -> (String, String) {
        let signature = self.key.sign(&message(domain, hash));
        (self.id.clone(), hex::encode(signature.to_bytes()))
    }

    /// Reads the key file, or creates it (0600) when `create` is set and it does not exist yet.
    pub fn load_or_create(dir: &Path, create: bool) -> Result<Signing, KeyError> {
        let path = dir.join(SIGNING_KEY_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => Self::parse(&path, &text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && create => Self::create(dir, &path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(KeyError::Missing(path.display().to_string())),
            Err(e) => Err(io(&path)(e)),
        }
    }

    fn parse(path: &Path, text: &str) -> Result<Signing, KeyError> {
        let malformed = |why| KeyError::Malformed { path: path.display().to_string(), why };
        let hex_key = text
            .lines()
            .find_map(|l| l.trim().strip_prefix("ed25519-secret "))
            .ok_or_else(|| malformed("no `ed25519-secret` line"))?;
        let bytes: [u8; 32] = hex::decode(hex_key.trim())
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| malformed("the secret is not 64 hex digits"))?;
        let key = SigningKey::from_bytes(&bytes);
        let id = key_id(&key.verifying_key());
        Ok(Signing { key, id })
    }

    fn create(dir: &Path, path: &Path) -> Result<Signing, KeyError> {
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        let signing = Self::generate();
        write_private(path, &signing.file_text(), false)?;
        tracing::warn!(
            key = signing.id,
            path = %path.display(),
            "created a new audit signing key; back it up together with {KEYRING_FILE} (docs/SECURITY.md)"
        );
        Ok(signing)
    }

    fn generate() -> Signing {
        let key = SigningKey::from_bytes(&rand::random::<[u8; 32]>());
        let id = key_id(&key.verifying_key());
        Signing { key, id }
    }

    fn file_text(&self) -> String {
        format!(
            "# HRDD audit signing key {id}. Secret: keep it off the database host's backups of the database,\n# back it up separately (docs/SECURITY.md). Public key: {public}\ned25519-secret {secret}\n",
            id = self.id,
            public = hex::encode(self.public_key().as_bytes()),
            secret = hex::encode(self.key.to_bytes()),
        )
    }

    /// Replaces the key file with a new key (the old secret is destroyed; its public key stays in
    /// the keyring, so everything it signed still verifies). Returns the new key.
    pub fn rotate(dir: &Path) -> Result<Signing, KeyError> {
        let path = dir.join(SIGNING_KEY_FILE);
        let fresh = Self::generate();
        write_private(&path, &fresh.file_text(), true)?;
        Ok(fresh)
    }
}

/// Writes `text` to `path` readable by the owner only; with `replace`, atomically over an old file.
fn write_private(path: &Path, text: &str, replace: bool) -> Result<(), KeyError> {
    use std::os::unix::fs::OpenOptionsExt;
    let target = if replace { path.with_extension("key.new") } else { path.to_path_buf() };
    let mut file =
        std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&target).map_err(io(&target))?;
    file.write_all(text.as_bytes()).map_err(io(&target))?;
    file.sync_all().map_err(io(&target))?;
    if replace {
        std::fs::rename(&target, path).map_err(io(path))?;
    }
    Ok(())
}

/// The trusted public keys, by id.
#[derive(Clone, Debug, Default)]
pub struct Keyring {
    keys: Vec<(String, VerifyingKey, String)>,
}

impl Keyring {
    pub fn path(dir: &Path) -> PathBuf {
        dir.join(KEYRING_FILE)
    }

    /// Reads `audit-keys.pub` (an absent file is an empty keyring).
    pub fn load(dir: &Path) -> Result<Keyring, KeyError> {
        let path = Self::path(dir);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Keyring::default()),
            Err(e) => return Err(io(&path)(e)),
        };
        let mut ring = Keyring::default();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let mut parts = line.split_whitespace();
            let (Some(_id), Some(public)) = (parts.next(), parts.next()) else { continue };
            let created = parts.next().unwrap_or_default().to_string();
            let key = hex::decode(public)
                .ok()
                .and_then(|b| <[u8; 32]>::try_from(b).ok())
                .and_then(|b| VerifyingKey::from_bytes(&b).ok())
                .ok_or(KeyError::Malformed { path: path.display().to_string(), why: "a public key is not valid" })?;
            // The id is recomputed from the key itself: a line cannot claim another key's id.
            ring.keys.push((key_id(&key), key, created));
        }
        Ok(ring)
    }

    /// Adds `key` to the file and to this keyring unless it is already trusted.
    pub fn trust(&mut self, dir: &Path, key: &VerifyingKey) -> Result<(), KeyError> {
        let id = key_id(key);
        if self.get(&id).is_some() {
            return Ok(());
        }
        let path = Self::path(dir);
        let created = crate::audit::timestamp(chrono::Utc::now());
        let mut file = std::fs::OpenOptions::new().create(true).append(true).open(&path).map_err(io(&path))?;
        if file.metadata().map_err(io(&path))?.len() == 0 {
            file.write_all(
                b"# HRDD audit public keys: <key id> <Ed25519 public key, hex> <added>. Never remove a line.\n",
            )
            .map_err(io(&path))?;
        }
        writeln!(file, "{id} {} {created}", hex::encode(key.as_bytes())).map_err(io(&path))?;
        file.sync_all().map_err(io(&path))?;
        self.keys.push((id, *key, created));
        Ok(())
    }

    pub fn get(&self, id: &str) -> Option<&VerifyingKey> {
        self.keys.iter().find(|(k, _, _)| k == id).map(|(_, key, _)| key)
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// `(key id, public key hex, added)` of every trusted key, oldest first.
    pub fn list(&self) -> Vec<(String, String, String)> {
        self.keys.iter().map(|(id, k, created)| (id.clone(), hex::encode(k.as_bytes()), created.clone())).collect()
    }

    /// Why a signature does not hold (None when it does).
    pub fn check(&self, domain: &str, hash: &str, key_id: Option<&str>, signature: Option<&str>) -> Option<String> {
        let (Some(id), Some(sig)) = (key_id, signature) else {
            return Some("is not signed".into());
        };
        let Some(key) = self.get(id) else {
            return Some(format!("is signed by key {id}, which is not in the trusted keyring"));
        };
        let valid = hex::decode(sig)
            .ok()
            .and_then(|b| <[u8; 64]>::try_from(b).ok())
            .map(|b| Signature::from_bytes(&b))
            .is_some_and(|s| key.verify(&message(domain, hash), &s).is_ok());
        (!valid).then(|| "has a signature that does not match its content".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_holds_for_its_hash_only_and_only_with_a_trusted_key() {
        let dir = tempfile::tempdir().unwrap();
        let signing = Signing::load_or_create(dir.path(), true).unwrap();
        let mut ring = Keyring::load(dir.path()).unwrap();
        assert!(ring.is_empty());
        let (id, sig) = signing.sign("event", "sha256:aa");
        assert!(ring
            .check("event", "sha256:aa", Some(&id), Some(&sig))
            .unwrap()
            .contains("not in the trusted keyring"));
        ring.trust(dir.path(), &signing.public_key()).unwrap();
        assert_eq!(ring.check("event", "sha256:aa", Some(&id), Some(&sig)), None);
        assert!(ring.check("event", "sha256:ab", Some(&id), Some(&sig)).is_some(), "other content");
        assert!(ring.check("snapshot", "sha256:aa", Some(&id), Some(&sig)).is_some(), "other domain");
        assert_eq!(ring.check("event", "sha256:aa", None, None).unwrap(), "is not signed");
        // The file is private, reloads to the same key, and the keyring survives a reload.
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join(SIGNING_KEY_FILE)).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(Signing::load_or_create(dir.path(), false).unwrap().id(), signing.id());
        assert_eq!(Keyring::load(dir.path()).unwrap().list().len(), 1);
        // Rotation: a new secret, the old signatures still verify once both keys are trusted.
        let rotated = Signing::rotate(dir.path()).unwrap();
        assert_ne!(rotated.id(), signing.id());
        ring.trust(dir.path(), &rotated.public_key()).unwrap();
        assert_eq!(ring.check("event", "sha256:aa", Some(&id), Some(&sig)), None);
        assert_eq!(Signing::load_or_create(dir.path(), false).unwrap().id(), rotated.id());
    }
}
