//! The audit record (spec §10.7, docs/SECURITY.md): one global, gap-free sequence of events over
//! cases, comments and accounts, each hashed, chained to the one before it and signed with a key
//! kept outside the database.
//!
//! An event's hash is `sha256:` + SHA-256 of the canonical JSON of
//! `{seq, case_id, case_seq, version, subject_user_id, actor_id, actor, role, action, at, details,
//! prev_hash}`, where `seq` numbers every event of the installation from 1 without gaps and
//! `prev_hash` is the hash of event `seq - 1`. The signature is Ed25519 over `hrdd-event:<hash>`.
//! Submission and sign-off snapshots carry their own signature over `hrdd-snapshot:<content hash>`
//! and are named by hash in the event that made them.
//!
//! Changing, removing or reordering an event, a snapshot or a comment, or changing a case row so that
//! it no longer agrees with its signed history, is found by [`verify`]; removing the newest events is
//! found against the anchor file ([`anchor`]).

pub mod anchor;
pub mod check;
pub mod keys;

use crate::accounts::{CurrentUser, Role};
use crate::methodology::canonical;
use anchor::{AnchorLog, Head};
use chrono::{DateTime, Utc};
use keys::{KeyError, Keyring, Signing};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// What happened; stored as the event's `action`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Created,
    AnswersEdited,
    ComponentsChanged,
    Submitted,
    Returned,
    Concurred,
    ConcurrenceRefused,
    Commented,
    SignedOff,
    Superseded,
    TriggerRecorded,
    ReassessmentStarted,
    /// The summary was downloaded (sensitive content left the system).
    Exported,
    /// Records from before signing existed were signed at the upgrade (src/audit/seal.rs).
    RecordSealed,
    UserCreated,
    UserUpdated,
    UserDeactivated,
    UserReactivated,
    PasswordReset,
    PasswordChanged,
    TokenCreated,
    TokenRevoked,
    /// Country reference data changed (issue 20): the new entries, their date and source.
    ReferenceRecorded,
    /// An administrator sent an e-mail of the outbox again (issue 21); an event of its recipient's
    /// account.
    MailRetried,
}

impl Action {
    pub const ALL: [Action; 24] = [
        Action::Created,
        Action::AnswersEdited,
        Action::ComponentsChanged,
        Action::Submitted,
        Action::Returned,
        Action::Concurred,
        Action::ConcurrenceRefused,
        Action::Commented,
        Action::SignedOff,
        Action::Superseded,
        Action::TriggerRecorded,
        Action::ReassessmentStarted,
        Action::Exported,
        Action::RecordSealed,
        Action::UserCreated,
        Action::UserUpdated,
        Action::UserDeactivated,
        Action::UserReactivated,
        Action::PasswordReset,
        Action::PasswordChanged,
        Action::TokenCreated,
        Action::TokenRevoked,
        Action::ReferenceRecorded,
        Action::MailRetried,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Created => "CREATED",
            Action::AnswersEdited => "ANSWERS_EDITED",
            Action::ComponentsChanged => "COMPONENTS_CHANGED",
            Action::Submitted => "SUBMITTED",
            Action::Returned => "RETURNED",
            Action::Concurred => "CONCURRED",
            Action::ConcurrenceRefused => "CONCURRENCE_REFUSED",
            Action::Commented => "COMMENTED",
            Action::SignedOff => "SIGNED_OFF",
            Action::Superseded => "SUPERSEDED",
            Action::TriggerRecorded => "TRIGGER_RECORDED",
            Action::ReassessmentStarted => "REASSESSMENT_STARTED",
            Action::Exported => "EXPORTED",
            Action::RecordSealed => "RECORD_SEALED",
            Action::UserCreated => "USER_CREATED",
            Action::UserUpdated => "USER_UPDATED",
            Action::UserDeactivated => "USER_DEACTIVATED",
            Action::UserReactivated => "USER_REACTIVATED",
            Action::PasswordReset => "PASSWORD_RESET",
            Action::PasswordChanged => "PASSWORD_CHANGED",
            Action::TokenCreated => "TOKEN_CREATED",
            Action::TokenRevoked => "TOKEN_REVOKED",
            Action::ReferenceRecorded => "REFERENCE_RECORDED",
            Action::MailRetried => "MAIL_RETRIED",
        }
    }

    pub fn parse(s: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// What an event is about: one case version, one account, or the country reference data (the
/// country is named in the details).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Case { id: i64, version: i64 },
    Account { user_id: i64 },
    Reference,
}

/// Who acted: a signed-in user, or the command line (an operator on the server).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub id: Option<i64>,
    pub name: String,
}

impl Actor {
    pub fn user(user: &CurrentUser) -> Actor {
        Actor { id: Some(user.id), name: user.email.clone() }
    }

    pub fn command_line(what: &str) -> Actor {
        Actor { id: None, name: format!("command line ({what})") }
    }

    /// HRDD itself, acting on a rule (a trigger event recorded after a reference-data change).
    pub fn system(why: &str) -> Actor {
        Actor { id: None, name: format!("system ({why})") }
    }
}

/// An event about to be appended; `seq`, `case_seq` and `prev_hash` are assigned in the writing
/// transaction.
#[derive(Clone, Debug)]
pub struct NewEvent {
    pub subject: Subject,
    pub actor: Actor,
    pub role: &'static str,
    pub action: Action,
    pub at: String,
    pub details: Value,
}

impl NewEvent {
    /// An event of a case version, by a signed-in user acting in `role`, now.
    pub fn new(case_id: i64, version: i64, user: &CurrentUser, role: Role, action: Action, details: Value) -> NewEvent {
        NewEvent {
            subject: Subject::Case { id: case_id, version },
            actor: Actor::user(user),
            role: role.as_str(),
            action,
            at: timestamp(Utc::now()),
            details,
        }
    }

    /// An event of an account, now.
    pub fn account(user_id: i64, actor: Actor, role: &'static str, action: Action, details: Value) -> NewEvent {
        NewEvent { subject: Subject::Account { user_id }, actor, role, action, at: timestamp(Utc::now()), details }
    }

    /// An event of the country reference data, now.
    pub fn reference(actor: Actor, role: &'static str, action: Action, details: Value) -> NewEvent {
        NewEvent { subject: Subject::Reference, actor, role, action, at: timestamp(Utc::now()), details }
    }

    pub fn case_id(&self) -> Option<i64> {
        match self.subject {
            Subject::Case { id, .. } => Some(id),
            Subject::Account { .. } | Subject::Reference => None,
        }
    }

    /// The event as stored at position `seq` (and `case_seq` in its case) after `prev_hash`,
    /// hashed; the signature is added by the caller.
    pub fn seal(&self, seq: i64, case_seq: Option<i64>, prev_hash: Option<String>) -> StoredEvent {
        let (case_id, version, subject_user_id) = match self.subject {
            Subject::Case { id, version } => (Some(id), Some(version), None),
            Subject::Account { user_id } => (None, None, Some(user_id)),
            Subject::Reference => (None, None, None),
        };
        let mut e = StoredEvent {
            seq,
            case_id,
            case_seq,
            version,
            subject_user_id,
            actor_id: self.actor.id,
            actor: self.actor.name.clone(),
            role: self.role.to_string(),
            action: self.action.as_str().to_string(),
            at: self.at.clone(),
            details: self.details.to_string(),
            prev_hash,
            hash: String::new(),
            key_id: None,
            signature: None,
        };
        e.hash = e.recomputed_hash();
        e
    }
}

/// One stored event, as read back for display and verification.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct StoredEvent {
    pub seq: i64,
    pub case_id: Option<i64>,
    pub case_seq: Option<i64>,
    pub version: Option<i64>,
    pub subject_user_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub actor: String,
    pub role: String,
    pub action: String,
    pub at: String,
    pub details: String,
    pub prev_hash: Option<String>,
    pub hash: String,
    pub key_id: Option<String>,
    pub signature: Option<String>,
}

pub const EVENT_COLUMNS: &str =
    "seq, case_id, case_seq, version, subject_user_id, actor_id, actor, role, action, at, details, prev_hash, hash, key_id, signature";

impl StoredEvent {
    /// The hash of the event's content as stored now.
    pub fn recomputed_hash(&self) -> String {
        let details: Value = serde_json::from_str(&self.details).unwrap_or(Value::String(self.details.clone()));
        sha256_of(&json!({
            "seq": self.seq,
            "case_id": self.case_id,
            "case_seq": self.case_seq,
            "version": self.version,
            "subject_user_id": self.subject_user_id,
            "actor_id": self.actor_id,
            "actor": self.actor,
            "role": self.role,
            "action": self.action,
            "at": self.at,
            "details": details,
            "prev_hash": self.prev_hash,
        }))
    }

    pub fn details_value(&self) -> Value {
        serde_json::from_str(&self.details).unwrap_or(Value::Null)
    }

    pub fn head(&self) -> Head {
        Head { seq: self.seq, hash: self.hash.clone() }
    }
}

/// RFC 3339 in UTC to the millisecond: the exact text that is stored and hashed.
pub fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn sha256_of(value: &Value) -> String {
    // Events are built from integers and strings, so canonical JSON cannot fail; the fallback keeps
    // verification consistent with writing even if it ever did.
    let text = canonical::to_canonical_json(value).unwrap_or_else(|_| value.to_string());
    format!("sha256:{}", hex::encode(Sha256::digest(text.as_bytes())))
}

/// The content hash of an answers document, for an event's before/after.
pub fn answers_hash(answers: &Value) -> String {
    sha256_of(answers)
}

/// Where the audit files live and whether a missing signing key may be created.
#[derive(Clone, Debug)]
pub struct AuditSettings {
    pub dir: PathBuf,
    pub create_key: bool,
}

impl AuditSettings {
    /// `HRDD_AUDIT_DIR`, or the directory of the SQLite file, or `data/` (PostgreSQL).
    pub fn for_database(url: &str) -> AuditSettings {
        let dir = match std::env::var("HRDD_AUDIT_DIR") {
            Ok(d) if !d.trim().is_empty() => PathBuf::from(d),
            _ => default_dir(url),
        };
        AuditSettings { dir, create_key: true }
    }
}

fn default_dir(url: &str) -> PathBuf {
    use std::str::FromStr;
    if url.starts_with("sqlite:") {
        if let Ok(options) = sqlx::sqlite::SqliteConnectOptions::from_str(url) {
            if let Some(dir) = options.get_filename().parent() {
                return if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir.to_path_buf() };
            }
        }
    }
    PathBuf::from("data")
}

/// The keys and the anchor of one database: everything an append needs besides SQL.
#[derive(Debug)]
pub struct Trail {
    dir: PathBuf,
    signing: Option<Signing>,
    keyring: Keyring,
    pub anchor: AnchorLog,
}

impl Trail {
    /// Loads the keys (creating the signing key on first start when allowed) and makes sure the
    /// signing key's public half is in the keyring.
    pub fn open(settings: &AuditSettings) -> Result<Trail, KeyError> {
        let dir = settings.dir.clone();
        let mut keyring = Keyring::load(&dir)?;
        let signing = match Signing::load_or_create(&dir, settings.create_key) {
            Ok(s) => Some(s),
            Err(KeyError::Missing(_)) if !settings.create_key => None,
            Err(e) => return Err(e),
        };
        if let Some(s) = &signing {
            keyring.trust(&dir, &s.public_key())?;
        }
        Ok(Trail { anchor: AnchorLog::new(&dir), dir, signing, keyring })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn keyring(&self) -> &Keyring {
        &self.keyring
    }

    pub fn signing(&self) -> Option<&Signing> {
        self.signing.as_ref()
    }

    /// Signs `hash` in `domain`; an error when this process has no signing key (read-only tools).
    pub fn sign(&self, domain: &str, hash: &str) -> Result<(String, String), sqlx::Error> {
        self.signing
            .as_ref()
            .map(|s| s.sign(domain, hash))
            .ok_or_else(|| sqlx::Error::Configuration("no audit signing key is loaded in this process".into()))
    }
}
