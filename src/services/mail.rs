//! E-mail delivery (issue 21): the sender that empties the outbox over SMTP.
//!
//! Notices and their outbox messages are written in the transaction of the change that causes them
//! (services::notify); this task sends them afterwards and never holds up the user's action. Each
//! pass claims due messages with a lease (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so two servers never
//! take the same one), sends them, and records SENT, or the error and the next try with backoff
//! (notify::mail::retry_after_seconds), FAILED after the last. Every try of a message carries the
//! same `Message-ID`, built from its stored key. A server that dies after the SMTP server accepted a
//! message and before it recorded SENT leaves the lease to run out; the message then goes once more
//! with the same Message-ID: at most one duplicate, and only after such a crash.

use crate::accounts::{CountryScope, CurrentUser, Role};
use crate::audit::{Action, Actor, NewEvent};
use crate::error::AppError;
use crate::notify::mail::{render, retry_after_seconds, MailItem, MailKind, MAX_ATTEMPTS};
use crate::notify::{OutboxLine, OutboxView, OUTBOX_PAGE};
use crate::store::notify::{ClaimedMail, OutboxRow};
use crate::store::Store;
use chrono::{DateTime, Utc};
use futures::StreamExt;
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde_json::json;
use std::time::Duration;

/// How long a claimed message is held by the server that claimed it (`HRDD_MAIL_LEASE_SECONDS`,
/// default 300). Longer than a whole batch can take (`CLAIM_BATCH` / `PARALLEL` rounds of at most
/// `SMTP_TIMEOUT`), so a live server never loses a message it is sending to another; after a crash
/// the messages it held wait this long.
pub const LEASE: Duration = Duration::from_secs(300);
const LEASE_RANGE: std::ops::RangeInclusive<u64> = 30..=3600;
const SMTP_TIMEOUT: Duration = Duration::from_secs(20);
const CLAIM_BATCH: i64 = 128;
/// Messages in flight at once, each on its own pooled connection. lettre does not turn off Nagle's
/// algorithm, so every message waits about 40 ms for a delayed acknowledgement whatever its size;
/// 16 connections keep a local mail server busy (docs/BENCHMARKS.md) without being more than
/// mail servers usually allow one client.
const PARALLEL: usize = 16;
/// How often an idle sender looks for due messages.
const POLL: Duration = Duration::from_secs(2);

/// The mail settings, from the environment.
#[derive(Clone, Debug)]
pub struct MailSettings {
    /// `smtp://host:port`, `smtps://…` or `smtp://…?tls=required`, with user and password if needed.
    pub url: String,
    pub from: Mailbox,
    /// HRDD's address as users reach it, for the links in messages.
    pub site: String,
    pub lease: Duration,
}

/// A mail setting that cannot work: the server refuses to start with this one line.
#[derive(Debug, thiserror::Error)]
pub enum MailConfigError {
    #[error("HRDD_SMTP_URL must look like smtp://host:25, smtp://user:password@host:587?tls=required or smtps://host:465, got {0:?}: {1}")]
    BadUrl(String, String),
    #[error("HRDD_MAIL_FROM must be the sender's address, such as \"HRDD <hrdd@example.org>\", got {0:?}")]
    BadFrom(String),
    #[error(
        "HRDD_MAIL_FROM is required with HRDD_SMTP_URL (the sender's address, such as \"HRDD <hrdd@example.org>\")"
    )]
    MissingFrom,
    #[error("HRDD_PUBLIC_URL must be HRDD's address as users open it, starting with http:// or https://, got {0:?}")]
    BadSite(String),
    #[error("HRDD_MAIL_LEASE_SECONDS must be a whole number of seconds from 30 to 3600, got {0:?}")]
    BadLease(String),
}

impl MailSettings {
    /// `HRDD_SMTP_URL`, `HRDD_MAIL_FROM` and `HRDD_PUBLIC_URL` (default `default_site`). `None` when
    /// `HRDD_SMTP_URL` is unset or empty: notices then stay in the app.
    pub fn from_env(default_site: &str) -> Result<Option<MailSettings>, MailConfigError> {
        let var = |name: &str| std::env::var(name).ok().map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        let settings =
            Self::from_values(var("HRDD_SMTP_URL"), var("HRDD_MAIL_FROM"), var("HRDD_PUBLIC_URL"), default_site)?;
        match (settings, var("HRDD_MAIL_LEASE_SECONDS")) {
            (Some(settings), Some(raw)) => {
                let seconds = raw
                    .parse::<u64>()
                    .ok()
                    .filter(|s| LEASE_RANGE.contains(s))
                    .ok_or(MailConfigError::BadLease(raw))?;
                Ok(Some(MailSettings { lease: Duration::from_secs(seconds), ..settings }))
            }
            (settings, _) => Ok(settings),
        }
    }

    pub fn from_values(
        url: Option<String>,
        from: Option<String>,
        site: Option<String>,
        default_site: &str,
    ) -> Result<Option<MailSettings>, MailConfigError> {
        let Some(url) = url else { return Ok(None) };
        if !(url.starts_with("smtp://") || url.starts_with("smtps://")) {
            return Err(MailConfigError::BadUrl(redacted(&url), "the scheme must be smtp or smtps".into()));
        }
        AsyncSmtpTransport::<Tokio1Executor>::from_url(&url)
            .map_err(|e| MailConfigError::BadUrl(redacted(&url), e.to_string()))?;
        let from = from.ok_or(MailConfigError::MissingFrom)?;
        let from: Mailbox = from.parse().map_err(|_| MailConfigError::BadFrom(from.clone()))?;
        let site = site.unwrap_or_else(|| default_site.to_string());
        if !(site.starts_with("http://") || site.starts_with("https://")) || site.contains(char::is_whitespace) {
            return Err(MailConfigError::BadSite(site));
        }
        Ok(Some(MailSettings { url, from, site: site.trim_end_matches('/').to_string(), lease: LEASE }))
    }

    /// The SMTP address without its password, for the start-up line.
    pub fn server(&self) -> String {
        redacted(&self.url)
    }
}

/// `url` with any password replaced by `***`.
fn redacted(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let user = &url[scheme + 3..at];
            let name = user.split(':').next().unwrap_or_default();
            format!("{}{name}:***{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_string(),
    }
}

/// The SMTP side of the sender.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    site: String,
    /// The right-hand side of every Message-ID (the sender's domain).
    domain: String,
    lease: Duration,
}

impl Mailer {
    pub fn new(settings: &MailSettings) -> Result<Mailer, MailConfigError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&settings.url)
            .map_err(|e| MailConfigError::BadUrl(settings.server(), e.to_string()))?
            .timeout(Some(SMTP_TIMEOUT))
            .pool_config(lettre::transport::smtp::PoolConfig::new().max_size(PARALLEL as u32))
            .build();
        Ok(Mailer {
            transport,
            from: settings.from.clone(),
            site: settings.site.clone(),
            domain: settings.from.email.domain().to_string(),
            lease: settings.lease,
        })
    }

    /// The `Message-ID` of an outbox message: the same on every try.
    pub fn message_id(&self, key: &str) -> String {
        format!("<hrdd.{key}@{}>", self.domain)
    }

    /// Sends one claimed message.
    async fn send(&self, mail: &ClaimedMail) -> Result<(), NotSent> {
        if !mail.active {
            return Err(NotSent::permanent("the account is deactivated; not sent".into()));
        }
        let to: Mailbox = format!("{} <{}>", quoted(&mail.name), mail.email)
            .parse()
            .or_else(|_| mail.email.parse::<lettre::Address>().map(|a| Mailbox::new(None, a)))
            .map_err(|e| {
                NotSent::permanent(format!("the account's e-mail address {:?} is not usable: {e}", mail.email))
            })?;
        let rendered = render(mail.kind, &mail.items, &mail.name, &self.site);
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(rendered.subject)
            .message_id(Some(self.message_id(&mail.message_key)))
            .multipart(MultiPart::alternative_plain_html(rendered.text, rendered.html))
            .map_err(|e| NotSent::permanent(format!("the message could not be built: {e}")))?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| NotSent { permanent: e.is_permanent(), reason: e.to_string() })
    }
}

/// Why a message did not go, and whether trying again could help.
#[derive(Debug)]
struct NotSent {
    /// The mail server refused it for good (an unknown mailbox), or it cannot be sent at all.
    permanent: bool,
    reason: String,
}

impl NotSent {
    fn permanent(reason: String) -> NotSent {
        NotSent { permanent: true, reason }
    }
}

/// A display name as a quoted string (names may hold commas or dots).
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace(['"', '\\', '\r', '\n'], " "))
}

/// What one pass did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Delivered {
    pub sent: usize,
    /// Failed tries that will be tried again.
    pub retrying: usize,
    /// Messages given up (permanent error or last attempt).
    pub failed: usize,
}

impl Delivered {
    pub fn claimed(&self) -> usize {
        self.sent + self.retrying + self.failed
    }
}

/// One pass: claims the messages due at `now` (at most one batch) and sends them, a few at a time.
pub async fn deliver_due(db: &Store, mailer: &Mailer, now: DateTime<Utc>) -> Result<Delivered, AppError> {
    let lease = chrono::Duration::from_std(mailer.lease).unwrap_or_default();
    let claimed = db.claim_mail(now, lease, CLAIM_BATCH).await?;
    let results: Vec<(ClaimedMail, Result<(), NotSent>)> = futures::stream::iter(claimed)
        .map(|m| async move {
            let sent = mailer.send(&m).await;
            (m, sent)
        })
        .buffer_unordered(PARALLEL)
        .collect()
        .await;
    let mut done = Delivered::default();
    let mut sent = Vec::new();
    for (mail, result) in results {
        match result {
            Ok(()) => sent.push(mail.id),
            Err(NotSent { permanent, reason }) => {
                let retry_at = (!permanent && mail.attempts < MAX_ATTEMPTS)
                    .then(|| Utc::now() + chrono::Duration::seconds(retry_after_seconds(mail.attempts)));
                if retry_at.is_some() {
                    done.retrying += 1;
                } else {
                    done.failed += 1;
                }
                tracing::warn!(message = mail.id, attempts = mail.attempts, permanent, error = %reason, "e-mail not sent");
                db.mail_failed(mail.id, &reason, retry_at).await?;
            }
        }
    }
    done.sent = sent.len();
    db.mail_sent(&sent, Utc::now()).await?;
    Ok(done)
}

/// The sender task: passes back to back while there is mail, else every couple of seconds. A
/// database or SMTP failure is logged and the next pass tries again; it never ends the server.
pub async fn run_sender(db: Store, mailer: Mailer) {
    loop {
        match deliver_due(&db, &mailer, Utc::now()).await {
            Ok(done) if done.claimed() > 0 => {
                tracing::debug!(sent = done.sent, retrying = done.retrying, failed = done.failed, "e-mail pass");
                if done.sent == 0 {
                    tokio::time::sleep(POLL).await;
                }
            }
            Ok(_) => tokio::time::sleep(POLL).await,
            Err(e) => {
                tracing::warn!(error = %e, "e-mail pass failed; trying again shortly");
                tokio::time::sleep(POLL * 5).await;
            }
        }
    }
}

/// Administering the outbox needs an administrator of every country: messages name cases of all.
fn require_outbox_admin(user: &CurrentUser) -> Result<(), AppError> {
    if user.has(Role::Admin) && user.scope == CountryScope::All {
        Ok(())
    } else {
        Err(AppError::forbidden(
            "The e-mail outbox is for administrators of all countries: its messages name cases of every country.",
        ))
    }
}

/// What an outbox message is about, in a line: its notice's subject, or how many a digest carries.
fn subject_of(row: &OutboxRow) -> String {
    let items: Vec<MailItem> = serde_json::from_str(&row.items).unwrap_or_default();
    match (MailKind::parse(&row.kind), items.as_slice()) {
        (Some(MailKind::Notice), [item, ..]) => item.subject.clone(),
        (_, items) => format!("Daily digest of {} notification(s)", items.len()),
    }
}

fn outbox_line(row: OutboxRow) -> OutboxLine {
    let at = |t: DateTime<Utc>| t.format("%Y-%m-%d %H:%M").to_string();
    OutboxLine {
        subject: subject_of(&row),
        id: row.id,
        to: row.email,
        attempts: row.attempts,
        created: at(row.created_at),
        next_attempt: at(row.next_attempt_at),
        last_error: row.last_error,
    }
}

/// The outbox for administrators: counts, the waiting messages and those given up.
pub async fn outbox(db: &Store, user: &CurrentUser) -> Result<OutboxView, AppError> {
    require_outbox_admin(user)?;
    let count = |counts: &[(String, i64)], state: &str| counts.iter().find(|(s, _)| s == state).map_or(0, |(_, n)| *n);
    let counts = db.outbox_counts().await?;
    Ok(OutboxView {
        smtp: db.mail_server().map(str::to_string),
        pending: count(&counts, "PENDING"),
        sent: count(&counts, "SENT"),
        failed: count(&counts, "FAILED"),
        waiting: db.outbox("PENDING", OUTBOX_PAGE).await?.into_iter().map(outbox_line).collect(),
        given_up: db.outbox("FAILED", OUTBOX_PAGE).await?.into_iter().map(outbox_line).collect(),
    })
}

/// Sends a waiting or failed message again now, with fresh attempts; an audit event of the
/// recipient's account names who asked and the message's last error.
pub async fn retry(db: &Store, user: &CurrentUser, id: i64) -> Result<(), AppError> {
    require_outbox_admin(user)?;
    let row =
        db.outbox_message(id).await?.ok_or_else(|| AppError::NotFound("No such message in the outbox.".into()))?;
    let details = json!({
        "message": id,
        "to": row.email,
        "subject": subject_of(&row),
        "state": row.state,
        "attempts": row.attempts,
        "last_error": row.last_error,
    });
    let mut write = db.write().await?;
    if !write.retry_mail(id, Utc::now()).await? {
        return Err(AppError::Conflict("This message was sent meanwhile; there is nothing to retry.".into()));
    }
    write
        .append_event(&NewEvent::account(
            row.user_id,
            Actor::user(user),
            Role::Admin.as_str(),
            Action::MailRetried,
            details,
        ))
        .await?;
    write.commit().await?;
    tracing::info!(target: "audit", user = user.id, message = id, "e-mail retried");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_checked_at_start() {
        let ok = MailSettings::from_values(
            Some("smtp://mailer:s3cret@127.0.0.1:2525".into()),
            Some("HRDD <hrdd@example.org>".into()),
            None,
            "http://127.0.0.1:3000",
        )
        .unwrap()
        .unwrap();
        assert_eq!(ok.server(), "smtp://mailer:***@127.0.0.1:2525", "the password never reaches the log");
        assert_eq!(ok.site, "http://127.0.0.1:3000");
        assert!(MailSettings::from_values(None, None, None, "x").unwrap().is_none(), "off without a URL");
        let err = |url: &str, from: Option<&str>, site: Option<&str>| {
            MailSettings::from_values(Some(url.into()), from.map(Into::into), site.map(Into::into), "http://h")
                .unwrap_err()
                .to_string()
        };
        assert!(err("http://mail:25", Some("a@b.org"), None).starts_with("HRDD_SMTP_URL must look like"));
        assert!(err("smtp://host:notaport", Some("a@b.org"), None).starts_with("HRDD_SMTP_URL"));
        assert!(err("smtp://host:25", None, None).starts_with("HRDD_MAIL_FROM is required"));
        assert!(err("smtp://host:25", Some("not an address"), None).starts_with("HRDD_MAIL_FROM must be"));
        assert!(err("smtp://host:25", Some("a@b.org"), Some("hrdd.un.org")).starts_with("HRDD_PUBLIC_URL"));
    }

    #[test]
    fn a_message_keeps_its_message_id_and_names_the_sender_domain() {
        let settings = MailSettings::from_values(
            Some("smtp://127.0.0.1:2525".into()),
            Some("HRDD <hrdd@unodc.example>".into()),
            Some("https://hrdd.example/".into()),
            "",
        )
        .unwrap()
        .unwrap();
        assert_eq!(settings.site, "https://hrdd.example");
        // The SMTP pool lives on the runtime: made and dropped inside it.
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let id = rt.block_on(async { Mailer::new(&settings).unwrap().message_id("ab12") });
        assert_eq!(id, "<hrdd.ab12@unodc.example>");
        assert_eq!(quoted("Doe, \"Jane\""), "\"Doe,  Jane \"");
    }
}
