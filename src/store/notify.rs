//! Notifications (tables `notifications`, `outbox`, `reminders_sent`): who a notice reaches, writing
//! notices and their e-mail inside the transaction of the change that causes them, each user's
//! inbox, and the outbox the mail sender claims from.

use super::{on_pool, on_write, Store, StoreError, Write};
use crate::notify::mail::{MailItem, MailKind};
use crate::notify::{Kind, MailPref, Notice, NoticeView};
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// Which accounts of a country to reach.
pub struct AudienceQuery<'a> {
    pub country: &'a str,
    /// A role as stored (`reviewer`, `hr_adviser`, `manager`, …).
    pub role: &'a str,
    /// For reviewers: the approval level the case needs (reviewers at that level or above).
    pub min_level: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct NoticeRow {
    id: i64,
    kind: String,
    subject: String,
    body: String,
    note: Option<String>,
    link: String,
    created_at: DateTime<Utc>,
    read_at: Option<DateTime<Utc>>,
}

/// The active accounts with a role whose scope includes a country (and, for reviewers, whose
/// approval level is at least the one given).
const AUDIENCE: &str = "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id
     WHERE u.active = TRUE AND r.role = $1
       AND (u.all_countries = TRUE OR EXISTS (SELECT 1 FROM user_countries c WHERE c.user_id = u.id AND c.country = $2))
       AND ($3 IS NULL OR COALESCE(u.approval_level, 0) >= $3)
     ORDER BY u.id";

/// Notices per INSERT statement (9 values each, within both backends' limits on bound values).
const NOTICES_PER_STATEMENT: usize = 500;

/// How a notice goes by e-mail (`notifications.by_mail`).
fn by_mail(pref: MailPref) -> &'static str {
    match pref {
        MailPref::Immediate => "QUEUED",
        MailPref::Daily => "DIGEST",
        MailPref::None => "NO",
    }
}

/// `SELECT|UPDATE … WHERE id IN (` + the ids, bound + `)`.
fn with_ids<'q, DB: sqlx::Database>(sql: &str, ids: &[i64]) -> sqlx::QueryBuilder<'q, DB>
where
    i64: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
{
    let mut q = sqlx::QueryBuilder::new(sql);
    let mut list = q.separated(", ");
    for id in ids {
        list.push_bind(*id);
    }
    q.push(")");
    q
}

/// A fresh Message-ID local part: 128 random bits.
fn message_key() -> String {
    hex::encode(rand::random::<[u8; 16]>())
}

/// An outbox message claimed for sending, with its recipient as the account is now.
#[derive(Debug)]
pub struct ClaimedMail {
    pub id: i64,
    pub kind: MailKind,
    pub items: Vec<MailItem>,
    pub message_key: String,
    /// Tries so far, this one included.
    pub attempts: i32,
    pub email: String,
    pub name: String,
    /// An inactive account gets no mail; its messages are marked failed.
    pub active: bool,
}

/// A message as the administrators' outbox page lists it (never its content beyond the subject).
#[derive(Debug, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    pub user_id: i64,
    pub email: String,
    pub kind: String,
    pub items: String,
    pub state: String,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// A decided case version whose next review date is near or past (the reminders pass).
#[derive(Debug, sqlx::FromRow)]
pub struct DueVersion {
    pub id: i64,
    pub reference: String,
    pub title: String,
    pub country: String,
    pub created_by: i64,
    pub next_review_date: String,
}

#[derive(sqlx::FromRow)]
struct ClaimRow {
    id: i64,
    user_id: i64,
    kind: String,
    items: String,
    message_key: String,
    attempts: i32,
}

/// Claims due messages: PENDING, due, and not held by another server's lease. PostgreSQL skips the
/// rows another server is claiming at this moment; SQLite has one writer (the write gate).
const CLAIM_POSTGRES: &str = "UPDATE outbox SET lease_until = $1, attempts = attempts + 1
     WHERE id IN (SELECT id FROM outbox WHERE state = 'PENDING' AND next_attempt_at <= $2
                    AND (lease_until IS NULL OR lease_until < $2) ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
     RETURNING id, user_id, kind, items, message_key, attempts";
const CLAIM_SQLITE: &str = "UPDATE outbox SET lease_until = $1, attempts = attempts + 1
     WHERE id IN (SELECT id FROM outbox WHERE state = 'PENDING' AND next_attempt_at <= $2
                    AND (lease_until IS NULL OR lease_until < $2) ORDER BY id LIMIT $3)
     RETURNING id, user_id, kind, items, message_key, attempts";

impl Store {
    /// The accounts of an audience, by id.
    pub async fn audience_ids(&self, q: &AudienceQuery<'_>) -> Result<Vec<i64>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_scalar(AUDIENCE).bind(q.role).bind(q.country).bind(q.min_level).fetch_all(pool).await?),
        )
    }

    /// Who created a case version and the approval level it needs (whom its notices reach).
    pub async fn case_people(&self, case_id: i64) -> Result<Option<(i64, Option<i64>)>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as::<_, (i64, Option<i64>)>(
            "SELECT created_by, approval_level FROM cases WHERE id = $1",
        ).bind(case_id).fetch_optional(pool).await?))
    }

    /// A user's newest notices (at most `limit`), and how many of all their notices are unread.
    pub async fn inbox(&self, user_id: i64, limit: i64) -> Result<(Vec<NoticeView>, i64), StoreError> {
        let rows: Vec<NoticeRow> = on_pool!(self, pool => sqlx::query_as(
            "SELECT id, kind, subject, body, note, link, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY id DESC LIMIT $2",
        ).bind(user_id).bind(limit).fetch_all(pool).await?);
        let unread = self.unread_count(user_id).await?;
        let notices = rows
            .into_iter()
            .map(|r| {
                let kind = Kind::parse(&r.kind)
                    .ok_or_else(|| StoreError::Unreadable(format!("notification {} has kind {}", r.id, r.kind)))?;
                Ok(NoticeView {
                    id: r.id,
                    kind,
                    subject: r.subject,
                    body: r.body,
                    note: r.note,
                    link: r.link,
                    at: r.created_at.format("%Y-%m-%d %H:%M").to_string(),
                    read: r.read_at.is_some(),
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok((notices, unread))
    }

    /// Claims up to `limit` due messages for `lease` (this server sends them; another may take them
    /// over only once the lease has run out, after a crash), counting the attempt.
    pub async fn claim_mail(
        &self,
        now: DateTime<Utc>,
        lease: chrono::Duration,
        limit: i64,
    ) -> Result<Vec<ClaimedMail>, StoreError> {
        let until = now + lease;
        let rows: Vec<ClaimRow> = match &self.pool {
            super::Pool::Postgres(pool) => {
                sqlx::query_as(CLAIM_POSTGRES).bind(until).bind(now).bind(limit).fetch_all(pool).await?
            }
            super::Pool::Sqlite(pool) => {
                let _gate = self.write_gate().await;
                sqlx::query_as(CLAIM_SQLITE).bind(until).bind(now).bind(limit).fetch_all(pool).await?
            }
        };
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let mut users: Vec<i64> = rows.iter().map(|r| r.user_id).collect();
        users.sort_unstable();
        users.dedup();
        let people: Vec<(i64, String, String, bool)> = on_pool!(self, pool => {
            with_ids(
                "SELECT id, email, name, active FROM users WHERE id IN (",
                &users,
            ).build_query_as().fetch_all(pool).await?
        });
        let people: HashMap<i64, (String, String, bool)> =
            people.into_iter().map(|(id, email, name, active)| (id, (email, name, active))).collect();
        let mut out: Vec<ClaimedMail> = rows
            .into_iter()
            .map(|r| {
                let kind = MailKind::parse(&r.kind)
                    .ok_or_else(|| StoreError::Unreadable(format!("outbox message {} has kind {}", r.id, r.kind)))?;
                let items = serde_json::from_str(&r.items)
                    .map_err(|e| StoreError::Unreadable(format!("outbox message {}: {e}", r.id)))?;
                let (email, name, active) = people.get(&r.user_id).cloned().unwrap_or_default();
                Ok(ClaimedMail {
                    id: r.id,
                    kind,
                    items,
                    message_key: r.message_key,
                    attempts: r.attempts,
                    email,
                    name,
                    active,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        out.sort_by_key(|m| m.id);
        Ok(out)
    }

    /// Marks messages sent.
    pub async fn mail_sent(&self, ids: &[i64], at: DateTime<Utc>) -> Result<(), StoreError> {
        let _gate = self.write_gate().await;
        for chunk in ids.chunks(NOTICES_PER_STATEMENT) {
            on_pool!(self, pool => {
                let mut q = sqlx::QueryBuilder::new("UPDATE outbox SET state = 'SENT', lease_until = NULL, last_error = NULL, sent_at = ");
                q.push_bind(at).push(" WHERE id IN (");
                let mut list = q.separated(", ");
                for id in chunk {
                    list.push_bind(*id);
                }
                q.push(")");
                q.build().execute(pool).await?.rows_affected()
            });
        }
        Ok(())
    }

    /// Records a failed try: due again at `retry_at`, or FAILED when there is none.
    pub async fn mail_failed(&self, id: i64, error: &str, retry_at: Option<DateTime<Utc>>) -> Result<(), StoreError> {
        let _gate = self.write_gate().await;
        let state = if retry_at.is_some() { "PENDING" } else { "FAILED" };
        on_pool!(self, pool => sqlx::query(
            "UPDATE outbox SET state = $1, lease_until = NULL, last_error = $2, next_attempt_at = COALESCE($3, next_attempt_at) WHERE id = $4",
        ).bind(state).bind(error).bind(retry_at).bind(id).execute(pool).await?.rows_affected());
        Ok(())
    }

    /// The outbox for administrators: messages in `state`, oldest first, at most `limit`.
    pub async fn outbox(&self, state: &str, limit: i64) -> Result<Vec<OutboxRow>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT o.id, o.user_id, u.email, o.kind, o.items, o.state, o.attempts, o.next_attempt_at, o.last_error, o.created_at, o.sent_at
             FROM outbox o JOIN users u ON u.id = o.user_id WHERE o.state = $1 ORDER BY o.id LIMIT $2",
        ).bind(state).bind(limit).fetch_all(pool).await?))
    }

    /// How many messages are in each state.
    pub async fn outbox_counts(&self) -> Result<Vec<(String, i64)>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT state, COUNT(*) FROM outbox GROUP BY state ORDER BY state",
        ).fetch_all(pool).await?))
    }

    /// One outbox message's recipient and subject line (for the audit event of a retry).
    pub async fn outbox_message(&self, id: i64) -> Result<Option<OutboxRow>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT o.id, o.user_id, u.email, o.kind, o.items, o.state, o.attempts, o.next_attempt_at, o.last_error, o.created_at, o.sent_at
             FROM outbox o JOIN users u ON u.id = o.user_id WHERE o.id = $1",
        ).bind(id).fetch_optional(pool).await?))
    }

    /// Accounts with notices waiting for their daily digest.
    pub async fn digest_recipients(&self) -> Result<Vec<i64>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "SELECT DISTINCT user_id FROM notifications WHERE by_mail = 'DIGEST' ORDER BY user_id",
        ).fetch_all(pool).await?))
    }

    /// Decided versions, not re-assessed yet, whose next review date is on or before `until`.
    pub async fn versions_due_by(&self, until: &str) -> Result<Vec<DueVersion>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT c.id, c.reference, c.title, c.country, c.created_by, c.next_review_date FROM cases c
             WHERE c.state = 'DECIDED' AND c.next_review_date IS NOT NULL AND c.next_review_date <= $1
               AND NOT EXISTS (SELECT 1 FROM cases n WHERE n.previous_id = c.id)
             ORDER BY c.id",
        ).bind(until).fetch_all(pool).await?))
    }

    /// A user's e-mail preference.
    pub async fn mail_pref(&self, user_id: i64) -> Result<MailPref, StoreError> {
        let code: Option<String> = on_pool!(self, pool => sqlx::query_scalar(
            "SELECT mail_pref FROM users WHERE id = $1",
        ).bind(user_id).fetch_optional(pool).await?);
        Ok(code.as_deref().and_then(MailPref::parse).unwrap_or_default())
    }

    /// How many of a user's notices are unread (the header's count).
    pub async fn unread_count(&self, user_id: i64) -> Result<i64, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL",
        ).bind(user_id).fetch_one(pool).await?))
    }
}

impl Write {
    /// The accounts of an audience, read inside this transaction.
    pub async fn audience_ids(&mut self, q: &AudienceQuery<'_>) -> Result<Vec<i64>, StoreError> {
        Ok(
            on_write!(self, tx => sqlx::query_scalar(AUDIENCE).bind(q.role).bind(q.country).bind(q.min_level).fetch_all(&mut **tx).await?),
        )
    }

    /// How each of these accounts takes e-mail.
    pub async fn mail_prefs(&mut self, ids: &[i64]) -> Result<HashMap<i64, MailPref>, StoreError> {
        let mut out = HashMap::new();
        for chunk in ids.chunks(NOTICES_PER_STATEMENT) {
            let rows: Vec<(i64, String)> = on_write!(self, tx => {
                with_ids("SELECT id, mail_pref FROM users WHERE id IN (", chunk).build_query_as().fetch_all(&mut **tx).await?
            });
            out.extend(rows.into_iter().map(|(id, p)| (id, MailPref::parse(&p).unwrap_or_default())));
        }
        Ok(out)
    }

    /// Writes one notice per recipient, inside the transaction of the change it tells of (many rows
    /// per statement: a reference-data change can tell thousands of cases' people at once). With
    /// `mail` (e-mail is configured), a recipient who takes each notice by e-mail gets an outbox
    /// message in the same transaction; one who takes a digest has the notice marked for it.
    pub async fn insert_notices(
        &mut self,
        notices: &[(i64, &Notice)],
        at: DateTime<Utc>,
        mail: bool,
    ) -> Result<(), StoreError> {
        let prefs = if mail {
            let mut ids: Vec<i64> = notices.iter().map(|(id, _)| *id).collect();
            ids.sort_unstable();
            ids.dedup();
            self.mail_prefs(&ids).await?
        } else {
            HashMap::new()
        };
        let pref = |user: i64| prefs.get(&user).copied().unwrap_or(MailPref::None);
        for chunk in notices.chunks(NOTICES_PER_STATEMENT) {
            on_write!(self, tx => {
                let mut insert = sqlx::QueryBuilder::new(
                    "INSERT INTO notifications (user_id, case_id, kind, subject, body, note, link, created_at, by_mail) ",
                );
                insert.push_values(chunk, |mut row, (user_id, n)| {
                    row.push_bind(*user_id)
                        .push_bind(n.case_id)
                        .push_bind(n.kind.code())
                        .push_bind(n.subject.clone())
                        .push_bind(n.body.clone())
                        .push_bind(n.note.clone())
                        .push_bind(n.link.clone())
                        .push_bind(at)
                        .push_bind(by_mail(pref(*user_id)));
                });
                insert.build().execute(&mut **tx).await?.rows_affected()
            });
        }
        let mails: Vec<(i64, String)> = notices
            .iter()
            .filter(|(user, _)| pref(*user) == MailPref::Immediate)
            .map(|(user, n)| Ok((*user, serde_json::to_string(&[MailItem::from(*n)])?)))
            .collect::<Result<_, serde_json::Error>>()
            .map_err(|e| StoreError::Unreadable(e.to_string()))?;
        self.queue_mail(MailKind::Notice, &mails, at).await
    }

    /// Puts messages (recipient, items as JSON) in the outbox, due at once, each with a fresh key.
    async fn queue_mail(
        &mut self,
        kind: MailKind,
        mails: &[(i64, String)],
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        for chunk in mails.chunks(NOTICES_PER_STATEMENT) {
            on_write!(self, tx => {
                let mut insert = sqlx::QueryBuilder::new(
                    "INSERT INTO outbox (user_id, kind, items, message_key, next_attempt_at, created_at) ",
                );
                insert.push_values(chunk, |mut row, (user_id, items)| {
                    row.push_bind(*user_id)
                        .push_bind(kind.code())
                        .push_bind(items.clone())
                        .push_bind(message_key())
                        .push_bind(at)
                        .push_bind(at);
                });
                insert.build().execute(&mut **tx).await?.rows_affected()
            });
        }
        Ok(())
    }

    /// Queues the digest of `user` for `day` with the notices that wait for it, and marks them
    /// carried; false (and nothing changed) when that day's digest was queued already, by this
    /// server or another: `digest_of` (`<day>/<user>`) is unique.
    pub async fn queue_digest(&mut self, user: i64, day: &str, at: DateTime<Utc>) -> Result<bool, StoreError> {
        let waiting: Vec<(i64, String, String, String)> = on_write!(self, tx => sqlx::query_as(
            "SELECT id, subject, body, link FROM notifications WHERE user_id = $1 AND by_mail = 'DIGEST' ORDER BY id",
        ).bind(user).fetch_all(&mut **tx).await?);
        if waiting.is_empty() {
            return Ok(false);
        }
        let items: Vec<MailItem> = waiting
            .iter()
            .map(|(_, subject, body, link)| MailItem {
                subject: subject.clone(),
                body: body.clone(),
                link: link.clone(),
            })
            .collect();
        let items = serde_json::to_string(&items).map_err(|e| StoreError::Unreadable(e.to_string()))?;
        let queued = on_write!(self, tx => sqlx::query(
            "INSERT INTO outbox (user_id, kind, items, message_key, digest_of, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $6)
             ON CONFLICT (digest_of) DO NOTHING",
        ).bind(user).bind(MailKind::Digest.code()).bind(items).bind(message_key()).bind(format!("{day}/{user}")).bind(at).execute(&mut **tx).await?.rows_affected());
        if queued == 0 {
            return Ok(false);
        }
        let last = waiting.last().map(|w| w.0).unwrap_or_default();
        on_write!(self, tx => sqlx::query(
            "UPDATE notifications SET by_mail = 'DIGESTED' WHERE user_id = $1 AND by_mail = 'DIGEST' AND id <= $2",
        ).bind(user).bind(last).execute(&mut **tx).await?.rows_affected());
        Ok(true)
    }

    /// Records that the reminder `kind` for a case version's due date is written; false when it
    /// was already (the primary key holds across restarts and servers).
    pub async fn claim_reminder(
        &mut self,
        case_id: i64,
        due: &str,
        kind: Kind,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        Ok(on_write!(self, tx => sqlx::query(
            "INSERT INTO reminders_sent (case_id, due_date, kind, sent_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        ).bind(case_id).bind(due).bind(kind.code()).bind(at).execute(&mut **tx).await?.rows_affected())
            == 1)
    }

    /// Sets an outbox message due again now with fresh attempts (an administrator's retry); false
    /// when it was sent already or does not exist.
    pub async fn retry_mail(&mut self, id: i64, at: DateTime<Utc>) -> Result<bool, StoreError> {
        Ok(on_write!(self, tx => sqlx::query(
            "UPDATE outbox SET state = 'PENDING', attempts = 0, next_attempt_at = $1, lease_until = NULL WHERE id = $2 AND state <> 'SENT'",
        ).bind(at).bind(id).execute(&mut **tx).await?.rows_affected())
            == 1)
    }

    /// Sets how a user takes e-mail. Notices waiting for a digest keep waiting only while the user
    /// takes one: switching away sends nothing more for them (they stay in the app).
    pub async fn set_mail_pref(&mut self, user_id: i64, pref: MailPref) -> Result<(), StoreError> {
        on_write!(self, tx => sqlx::query("UPDATE users SET mail_pref = $1 WHERE id = $2")
            .bind(pref.code()).bind(user_id).execute(&mut **tx).await?.rows_affected());
        if pref != MailPref::Daily {
            on_write!(self, tx => sqlx::query("UPDATE notifications SET by_mail = 'NO' WHERE user_id = $1 AND by_mail = 'DIGEST'")
                .bind(user_id).execute(&mut **tx).await?.rows_affected());
        }
        Ok(())
    }

    /// Marks one notice (or, with `None`, every notice) of the user read; how many changed.
    pub async fn mark_notices_read(
        &mut self,
        user_id: i64,
        id: Option<i64>,
        at: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        Ok(on_write!(self, tx => sqlx::query(
            "UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL AND ($3 IS NULL OR id = $3)",
        ).bind(at).bind(user_id).bind(id).execute(&mut **tx).await?.rows_affected()))
    }
}
