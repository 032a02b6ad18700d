//! Notifications (table `notifications`): who a notice reaches, writing notices inside the
//! transaction of the change that causes them, and each user's inbox.

use super::{on_pool, on_write, Store, StoreError, Write};
use crate::notify::{Kind, Notice, NoticeView};
use chrono::{DateTime, Utc};

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

/// Notices per INSERT statement (7 values each, within both backends' limits on bound values).
const NOTICES_PER_STATEMENT: usize = 500;

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
            "SELECT id, kind, subject, body, link, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY id DESC LIMIT $2",
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
                    link: r.link,
                    at: r.created_at.format("%Y-%m-%d %H:%M").to_string(),
                    read: r.read_at.is_some(),
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok((notices, unread))
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

    /// Writes one notice per recipient, inside the transaction of the change it tells of (many rows
    /// per statement: a reference-data change can tell thousands of cases' people at once).
    pub async fn insert_notices(&mut self, notices: &[(i64, &Notice)], at: DateTime<Utc>) -> Result<(), StoreError> {
        for chunk in notices.chunks(NOTICES_PER_STATEMENT) {
            on_write!(self, tx => {
                let mut insert = sqlx::QueryBuilder::new(
                    "INSERT INTO notifications (user_id, case_id, kind, subject, body, link, created_at) ",
                );
                insert.push_values(chunk, |mut row, (user_id, n)| {
                    row.push_bind(*user_id)
                        .push_bind(n.case_id)
                        .push_bind(n.kind.code())
                        .push_bind(n.subject.clone())
                        .push_bind(n.body.clone())
                        .push_bind(n.link.clone())
                        .push_bind(at);
                });
                insert.build().execute(&mut **tx).await?.rows_affected()
            });
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
