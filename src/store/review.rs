//! Review and decisions: who took part in a case, its snapshots and comments as the summary shows
//! them, the series of versions, the review queues, and the state changes of returning, deciding,
//! superseding and flagging a case for re-assessment.

use super::query::{bind_all, Bind, Where};
use super::{on_pool, on_write, Store, StoreError, Write};
use crate::accounts::CountryScope;
use chrono::{DateTime, Utc};

/// Who wrote what on a case: the creator, each (saver, role saved in), each submitter.
pub struct ParticipantRows {
    pub creator: i64,
    pub savers: Vec<(i64, String)>,
    pub submitters: Vec<i64>,
}

/// The columns of a case version the summary needs besides its overview (and, with the country,
/// the state and the event count, what its page-cache key is made of).
#[derive(sqlx::FromRow)]
pub struct CaseMeta {
    pub country: String,
    pub state: String,
    /// Every comment, trigger, export, supersession … appends an event, so this moves with them.
    pub event_count: i64,
    pub previous_id: Option<i64>,
    pub revision: i64,
    pub submitted_at: Option<DateTime<Utc>>,
    pub next_review_date: Option<String>,
    pub reassessment_due: bool,
}

/// A snapshot with its author's name.
#[derive(sqlx::FromRow)]
pub struct SnapshotWithAuthor {
    pub id: i64,
    pub kind: String,
    pub record: String,
    pub content_hash: String,
    pub created_by_name: String,
    pub created_at: DateTime<Utc>,
}

/// A comment with its author's name and the role they wrote it in.
#[derive(sqlx::FromRow)]
pub struct CommentRow {
    pub id: i64,
    pub anchor: String,
    pub kind: String,
    pub body: String,
    pub author: String,
    pub author_role: String,
    pub created_at: DateTime<Utc>,
}

/// One version in a series.
#[derive(sqlx::FromRow)]
pub struct VersionRow {
    pub id: i64,
    pub reference: String,
    pub version_no: i64,
    pub state: String,
    pub previous_id: Option<i64>,
}

/// A case as the review queues list it.
#[derive(sqlx::FromRow)]
pub struct QueueRow {
    pub id: i64,
    pub reference: String,
    pub country: String,
    pub title: String,
    pub version_no: i64,
    pub state: String,
    pub overall_band: Option<String>,
    pub overall_decision: Option<String>,
    pub approval_level: Option<i64>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub next_review_date: Option<String>,
    pub reassessment_due: bool,
    pub blocking_codes: String,
}

/// The review queues.
#[derive(Clone, Debug)]
pub enum Queue {
    /// Returned to the assessors, newest first.
    Returned,
    /// Drafts this user created, newest first.
    DraftsOf(i64),
    /// Submitted, needing at most this approval level, oldest first.
    Decidable { level: i64 },
    /// Submitted, needing a higher approval level than this, oldest first.
    Waiting { level: i64 },
    /// Drafts waiting for the human-rights adviser (a concurrence, an override request, the
    /// adviser's consultation), oldest first.
    NeedsAdvice,
    /// Decided versions due for re-assessment on `today` (`YYYY-MM-DD`), by review date.
    DueForReassessment { today: String },
}

/// How many cases a queue shows at most.
pub const QUEUE_LIMIT: i64 = 200;

/// A comment as stored.
pub struct NewComment<'a> {
    pub case_id: i64,
    pub anchor: &'a str,
    pub body: &'a str,
    /// `COMMENT`, `RETURN`, `SIGN_OFF`, `CONCUR` …
    pub kind: &'a str,
    pub author: i64,
    pub author_role: &'a str,
    pub at: DateTime<Utc>,
}

/// A sign-off as stored on the case row.
pub struct Decision<'a> {
    pub case_id: i64,
    /// The revision signed: the sign-off fails when the case moved on.
    pub revision: i64,
    /// The most restrictive final decision over the components (none for a case without any).
    pub final_decision: Option<&'a str>,
    pub by: i64,
    pub at: DateTime<Utc>,
}

impl Store {
    pub async fn participants(&self, case_id: i64) -> Result<ParticipantRows, StoreError> {
        let creator: i64 = on_pool!(self, pool => sqlx::query_scalar("SELECT created_by FROM cases WHERE id = $1").bind(case_id).fetch_one(pool).await?);
        let savers: Vec<(i64, String)> = on_pool!(self, pool => sqlx::query_as("SELECT DISTINCT saved_by, saved_as FROM case_revisions WHERE case_id = $1").bind(case_id).fetch_all(pool).await?);
        let submitters: Vec<i64> = on_pool!(self, pool => sqlx::query_scalar("SELECT DISTINCT created_by FROM case_snapshots WHERE case_id = $1 AND kind = 'SUBMISSION'").bind(case_id).fetch_all(pool).await?);
        Ok(ParticipantRows { creator, savers, submitters })
    }

    pub async fn case_meta(&self, id: i64) -> Result<Option<CaseMeta>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_as("SELECT country, state, event_count, previous_id, revision, submitted_at, next_review_date, reassessment_due FROM cases WHERE id = $1").bind(id).fetch_optional(pool).await?),
        )
    }

    /// The snapshots of a case version, oldest first.
    pub async fn snapshots_with_authors(&self, case_id: i64) -> Result<Vec<SnapshotWithAuthor>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT s.id, s.kind, s.record, s.content_hash, u.name AS created_by_name, s.created_at FROM case_snapshots s JOIN users u ON u.id = s.created_by WHERE s.case_id = $1 ORDER BY s.id"
        ).bind(case_id).fetch_all(pool).await?))
    }

    /// The comments of a case version, oldest first.
    pub async fn comments(&self, case_id: i64) -> Result<Vec<CommentRow>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT c.id, c.anchor, c.kind, c.body, u.name AS author, c.author_role, c.created_at FROM case_comments c JOIN users u ON u.id = c.author_id WHERE c.case_id = $1 ORDER BY c.id"
        ).bind(case_id).fetch_all(pool).await?))
    }

    /// The answers and reference of a case version.
    pub async fn answers_and_reference(&self, id: i64) -> Result<(String, String), StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_as("SELECT answers, reference FROM cases WHERE id = $1").bind(id).fetch_one(pool).await?),
        )
    }

    pub async fn version(&self, id: i64) -> Result<Option<VersionRow>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_as("SELECT id, reference, version_no, state, previous_id FROM cases WHERE id = $1").bind(id).fetch_optional(pool).await?),
        )
    }

    /// The version that re-assesses this one, if any.
    pub async fn next_version(&self, id: i64) -> Result<Option<VersionRow>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_as("SELECT id, reference, version_no, state, previous_id FROM cases WHERE previous_id = $1").bind(id).fetch_optional(pool).await?),
        )
    }

    /// The decided version this one re-assesses: (id, version number).
    pub async fn decided_previous(&self, id: i64) -> Result<Option<(i64, i64)>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_as("SELECT p.id, p.version_no FROM cases c JOIN cases p ON p.id = c.previous_id WHERE c.id = $1 AND p.state = 'DECIDED'").bind(id).fetch_optional(pool).await?),
        )
    }

    /// One review queue in `scope`, at most [`QUEUE_LIMIT`] cases.
    pub async fn queue(&self, scope: &CountryScope, queue: &Queue) -> Result<Vec<QueueRow>, StoreError> {
        let (condition, order, binds) = match queue {
            Queue::Returned => ("c.state = 'RETURNED'", "c.updated_at DESC, c.id DESC", vec![]),
            Queue::DraftsOf(user) => {
                ("c.state = 'DRAFT' AND c.created_by = $1", "c.updated_at DESC, c.id DESC", vec![Bind::Int(*user)])
            }
            Queue::Decidable { level } => (
                "c.state = 'SUBMITTED' AND COALESCE(c.approval_level, 1) <= $1",
                "c.submitted_at ASC, c.id ASC",
                vec![Bind::Int(*level)],
            ),
            Queue::Waiting { level } => {
                ("c.state = 'SUBMITTED' AND c.approval_level > $1", "c.submitted_at ASC, c.id ASC", vec![Bind::Int(*level)])
            }
            Queue::NeedsAdvice => (
                "c.state IN ('DRAFT', 'RETURNED') AND (c.blocking_codes LIKE '%OVERRIDE_CONCURRENCE_PENDING%' OR c.blocking_codes LIKE '%OVERRIDE_REQUEST_INCOMPLETE%' OR c.blocking_codes LIKE '%MISSING_OHCHR_CONSULTATION%')",
                "c.updated_at ASC, c.id ASC",
                vec![],
            ),
            Queue::DueForReassessment { today } => (
                "c.state = 'DECIDED' AND (c.reassessment_due OR (c.next_review_date IS NOT NULL AND c.next_review_date <= $1))",
                "c.next_review_date ASC, c.id ASC",
                vec![Bind::Text(today.clone())],
            ),
        };
        let mut w = Where::new();
        w.binds.extend(binds);
        w.sql.push_str(&format!(" AND {condition}"));
        w.scope(scope);
        let sql = format!(
            "SELECT c.id, c.reference, c.country, c.title, c.version_no, c.state, c.overall_band, c.overall_decision, c.approval_level,
                    c.submitted_at, c.updated_at, c.next_review_date, c.reassessment_due, c.blocking_codes
             FROM cases c{} ORDER BY {order} LIMIT {QUEUE_LIMIT}",
            w.sql
        );
        Ok(on_pool!(self, pool => bind_all!(sqlx::query_as(&sql), &w.binds).fetch_all(pool).await?))
    }
}

impl Write {
    pub async fn insert_comment(&mut self, c: &NewComment<'_>) -> Result<i64, StoreError> {
        Ok(
            on_write!(self, tx => sqlx::query_scalar("INSERT INTO case_comments (case_id, anchor, body, kind, author_id, author_role, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id")
            .bind(c.case_id).bind(c.anchor).bind(c.body).bind(c.kind).bind(c.author).bind(c.author_role).bind(c.at)
            .fetch_one(&mut **tx).await?),
        )
    }

    /// Returns a submitted case to its assessors; false when it is no longer submitted.
    pub async fn mark_returned(&mut self, case_id: i64, by: i64, at: DateTime<Utc>) -> Result<bool, StoreError> {
        let n = on_write!(self, tx => sqlx::query("UPDATE cases SET state = 'RETURNED', updated_by = $1, updated_at = $2 WHERE id = $3 AND state = 'SUBMITTED'")
            .bind(by).bind(at).bind(case_id).execute(&mut **tx).await?.rows_affected());
        Ok(n == 1)
    }

    /// Decides a submitted case at the revision signed; false when it moved on.
    pub async fn mark_decided(&mut self, d: &Decision<'_>) -> Result<bool, StoreError> {
        let n = on_write!(self, tx => sqlx::query("UPDATE cases SET state = 'DECIDED', final_decision = $1, decided_by = $2, decided_at = $3, updated_by = $2, updated_at = $3, reassessment_due = FALSE WHERE id = $4 AND state = 'SUBMITTED' AND revision = $5")
            .bind(d.final_decision).bind(d.by).bind(d.at).bind(d.case_id).bind(d.revision).execute(&mut **tx).await?.rows_affected());
        Ok(n == 1)
    }

    /// A decided version replaced by the decision on its re-assessment.
    pub async fn mark_superseded(&mut self, case_id: i64) -> Result<(), StoreError> {
        on_write!(self, tx => sqlx::query("UPDATE cases SET state = 'SUPERSEDED' WHERE id = $1 AND state = 'DECIDED'")
            .bind(case_id).execute(&mut **tx).await?.rows_affected());
        Ok(())
    }

    /// A trigger event makes a decided version due for re-assessment.
    pub async fn mark_reassessment_due(&mut self, case_id: i64) -> Result<(), StoreError> {
        on_write!(self, tx => sqlx::query("UPDATE cases SET reassessment_due = TRUE WHERE id = $1")
            .bind(case_id).execute(&mut **tx).await?.rows_affected());
        Ok(())
    }
}
