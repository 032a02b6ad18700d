//! Cases and their versions, revisions, reading positions and comments as the case pages read
//! them (tables `cases`, `case_facts`, `case_counts`, `case_revisions`, `case_positions`,
//! `case_comments`, `case_snapshots`).

use super::packed::{pack, StoredAnswers};
use super::query::{bind_all, Bind, Where};
use super::{on_pool, on_write, Store, StoreError, Write};
use crate::cases::figures::Figures;
use crate::cases::{CaseListItem, CaseState};
use crate::methodology::codes::{Band, RecommendedDecision};
use chrono::{DateTime, Utc};

/// A case version as lists show it.
#[derive(sqlx::FromRow)]
pub struct ListRow {
    pub id: i64,
    pub reference: String,
    pub country: String,
    pub title: String,
    pub state: String,
    pub version_no: i64,
    pub overall_band: Option<String>,
    pub overall_decision: Option<String>,
    pub can_submit: bool,
    pub updated_at: DateTime<Utc>,
    pub updated_by_name: String,
    pub submitted_at: Option<DateTime<Utc>>,
    pub next_review_date: Option<String>,
    pub reassessment_due: bool,
}

impl ListRow {
    pub fn into_item(self) -> CaseListItem {
        let state = CaseState::parse(&self.state).unwrap_or(CaseState::Draft);
        let today = Utc::now().date_naive().to_string();
        let attention = match state {
            CaseState::Submitted
                if self
                    .submitted_at
                    .is_some_and(|t| t + chrono::Duration::days(crate::cases::REVIEW_DAYS) < Utc::now()) =>
            {
                Some("Review overdue".to_string())
            }
            CaseState::Decided
                if self.reassessment_due || self.next_review_date.as_deref().is_some_and(|d| d <= today.as_str()) =>
            {
                Some("Re-assessment due".to_string())
            }
            _ => None,
        };
        CaseListItem {
            attention,
            id: self.id,
            reference: self.reference,
            country: self.country,
            title: self.title,
            state,
            version_no: self.version_no,
            overall_band: self.overall_band.as_deref().and_then(Band::parse),
            overall_decision: self.overall_decision.as_deref().and_then(RecommendedDecision::parse),
            can_submit: self.can_submit,
            updated_at: self.updated_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            updated_by: self.updated_by_name,
        }
    }
}

pub const LIST_COLUMNS: &str = "c.id, c.reference, c.country, c.title, c.state, c.version_no, c.overall_band, \
     c.overall_decision, c.can_submit, c.updated_at, u.name AS updated_by_name, c.submitted_at, c.next_review_date, \
     c.reassessment_due";

/// One case version as its overview reads it.
#[derive(sqlx::FromRow)]
pub struct OverviewRow {
    #[sqlx(flatten)]
    pub list: ListRow,
    pub methodology_version: String,
    pub answers: String,
    pub created_at: DateTime<Utc>,
    pub created_by_name: String,
}

/// A case version as a change to it starts from.
#[derive(sqlx::FromRow)]
pub struct DraftRow {
    pub reference: String,
    pub version_no: i64,
    pub title: String,
    pub country: String,
    pub state: String,
    pub revision: i64,
    pub answers: String,
}

/// A comment on a case with its author's name.
#[derive(sqlx::FromRow)]
pub struct CommentWithAuthor {
    pub kind: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub body: String,
    pub anchor: String,
}

/// A new case version, as stored with its first revision.
pub struct NewCaseRow<'a> {
    pub reference: &'a str,
    pub country: &'a str,
    pub title: &'a str,
    pub methodology_version: &'a str,
    pub version_no: i64,
    pub previous_id: Option<i64>,
    pub answers: &'a str,
    pub figures: &'a Figures,
    pub author: i64,
    pub at: DateTime<Utc>,
}

/// A saved draft: its new answers and figures, replacing revision `base_revision`.
pub struct DraftUpdate<'a> {
    pub case_id: i64,
    pub base_revision: i64,
    pub answers: &'a str,
    pub figures: &'a Figures,
    /// The programme title when the draft gives one (otherwise the stored title stays).
    pub title: Option<&'a str>,
    pub by: i64,
    pub at: DateTime<Utc>,
}

/// A submission or sign-off snapshot, signed as it is stored.
pub struct NewSnapshot<'a> {
    pub case_id: i64,
    /// `SUBMISSION` or `SIGN_OFF`.
    pub kind: &'a str,
    pub revision: i64,
    pub record: &'a str,
    pub hash: &'a str,
    pub by: i64,
    pub at: DateTime<Utc>,
}

/// Stores a submission or sign-off snapshot, signed, inside the open write transaction `$tx`;
/// evaluates to the snapshot's id.
macro_rules! insert_snapshot {
    ($tx:expr, case: $case_id:expr, kind: $kind:expr, revision: $revision:expr, record: $record:expr, hash: $hash:expr, by: $by:expr, at: $at:expr) => {{
        let hash: &str = $hash;
        let (key_id, signature) = $tx.trail().sign("snapshot", hash)?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO case_snapshots (case_id, kind, revision, record, content_hash, created_by, created_at, key_id, signature)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind($case_id)
        .bind($kind)
        .bind($revision)
        .bind($record)
        .bind(hash)
        .bind($by)
        .bind($at)
        .bind(key_id)
        .bind(signature)
        .fetch_one(&mut *$tx)
        .await?;
        id
    }};
}

impl Store {
    /// How many cases `w` selects; from the kept per-country counts when they suffice.
    pub async fn case_count(&self, w: &Where, counts_suffice: bool) -> Result<i64, StoreError> {
        let sql = if counts_suffice {
            format!("SELECT CAST(COALESCE(SUM(c.n), 0) AS BIGINT) FROM case_counts c{}", w.sql)
        } else {
            format!("SELECT COUNT(*) FROM case_facts c{}", w.sql)
        };
        Ok(on_pool!(self, pool => bind_all!(sqlx::query_scalar(&sql), &w.binds).fetch_one(pool).await?))
    }

    /// The cases `w` selects, newest change first, `limit` from `offset`. Lists read `case_facts`
    /// (the narrow copy of each version's figures), never the answers.
    pub async fn case_list(&self, w: &Where, limit: i64, offset: i64) -> Result<Vec<ListRow>, StoreError> {
        let n = w.next();
        let sql = format!(
            "SELECT {LIST_COLUMNS} FROM case_facts c JOIN users u ON u.id = c.updated_by{} ORDER BY c.updated_at DESC, c.id DESC LIMIT ${n} OFFSET ${}",
            w.sql,
            n + 1
        );
        let mut binds = w.binds.clone();
        binds.push(Bind::Int(limit));
        binds.push(Bind::Int(offset));
        Ok(on_pool!(self, pool => bind_all!(sqlx::query_as(&sql), &binds).fetch_all(pool).await?))
    }

    /// How many case versions there are, in every country and state.
    pub async fn case_count_all(&self) -> Result<i64, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_scalar("SELECT COUNT(*) FROM cases").fetch_one(pool).await?))
    }

    /// Every country with at least one case.
    pub async fn countries_with_cases(&self) -> Result<Vec<String>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_scalar("SELECT country FROM case_counts GROUP BY country HAVING SUM(n) > 0 ORDER BY country").fetch_all(pool).await?),
        )
    }

    /// How many first versions have a reference starting with `prefix` (`KE-2026-`).
    pub async fn first_versions_with_prefix(&self, prefix: &str) -> Result<i64, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE reference LIKE $1 AND version_no = 1").bind(format!("{prefix}%")).fetch_one(pool).await?),
        )
    }

    pub async fn case_overview(&self, id: i64) -> Result<Option<OverviewRow>, StoreError> {
        let sql = format!(
            "SELECT {LIST_COLUMNS}, c.methodology_version, c.answers, c.created_at, cu.name AS created_by_name
             FROM cases c JOIN users u ON u.id = c.updated_by JOIN users cu ON cu.id = c.created_by WHERE c.id = $1"
        );
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
    }

    pub async fn reference_and_country(&self, id: i64) -> Result<Option<(String, String)>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_as("SELECT reference, country FROM cases WHERE id = $1").bind(id).fetch_optional(pool).await?),
        )
    }

    pub async fn draft_row(&self, id: i64) -> Result<Option<DraftRow>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_as("SELECT reference, version_no, title, country, state, revision, answers FROM cases WHERE id = $1").bind(id).fetch_optional(pool).await?),
        )
    }

    /// The current revision and answers of a case.
    pub async fn current_answers(&self, id: i64) -> Result<(i64, String), StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_as("SELECT revision, answers FROM cases WHERE id = $1").bind(id).fetch_one(pool).await?),
        )
    }

    /// The answers of one kept revision, exactly as saved.
    pub async fn revision_answers(&self, case_id: i64, revision: i64) -> Result<Option<String>, StoreError> {
        let stored: Option<StoredAnswers> = on_pool!(self, pool => sqlx::query_as("SELECT answers, packed FROM case_revisions WHERE case_id = $1 AND revision = $2").bind(case_id).bind(revision).fetch_optional(pool).await?);
        stored.map(StoredAnswers::text).transpose()
    }

    /// Packs up to `limit` revisions kept as text before revisions were packed (migration 0014);
    /// returns how many it packed (0 when none is left). Each row is rewritten only if still
    /// unpacked, so servers sharing a database may run this side by side.
    pub async fn pack_text_revisions(&self, limit: i64) -> Result<u64, StoreError> {
        let rows: Vec<(i64, i64, String)> = on_pool!(self, pool => sqlx::query_as("SELECT case_id, revision, answers FROM case_revisions WHERE packed IS NULL LIMIT $1").bind(limit).fetch_all(pool).await?);
        if rows.is_empty() {
            return Ok(0);
        }
        // Compressed before the write gate is taken: the gate is held only for the updates.
        let packed: Vec<(i64, i64, Vec<u8>)> = rows.into_iter().map(|(c, r, text)| (c, r, pack(&text))).collect();
        let mut write = self.write().await?;
        let mut done = 0;
        for (case_id, revision, bytes) in &packed {
            done += on_write!(write, tx => sqlx::query("UPDATE case_revisions SET packed = $1, answers = NULL WHERE case_id = $2 AND revision = $3 AND packed IS NULL")
                .bind(bytes).bind(case_id).bind(revision).execute(&mut **tx).await?.rows_affected());
        }
        write.commit().await?;
        Ok(done)
    }

    /// Who saved one kept revision.
    pub async fn revision_saved_by(&self, case_id: i64, revision: i64) -> Result<Option<String>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_scalar("SELECT u.name FROM case_revisions r JOIN users u ON u.id = r.saved_by WHERE r.case_id = $1 AND r.revision = $2").bind(case_id).bind(revision).fetch_optional(pool).await?),
        )
    }

    /// The wizard step a user last saved on a case.
    pub async fn position(&self, user_id: i64, case_id: i64) -> Result<Option<String>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_scalar("SELECT segment FROM case_positions WHERE user_id = $1 AND case_id = $2").bind(user_id).bind(case_id).fetch_optional(pool).await?),
        )
    }

    /// Comments of a case, newest first: only the latest return with `latest_return_only`.
    pub async fn comments_with_authors(
        &self,
        case_id: i64,
        latest_return_only: bool,
    ) -> Result<Vec<CommentWithAuthor>, StoreError> {
        let filter =
            if latest_return_only { "AND c.kind = 'RETURN' ORDER BY c.id DESC LIMIT 1" } else { "ORDER BY c.id DESC" };
        let sql = format!(
            "SELECT c.kind, u.name, c.created_at, c.body, c.anchor FROM case_comments c JOIN users u ON u.id = c.author_id
             WHERE c.case_id = $1 {filter}"
        );
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).bind(case_id).fetch_all(pool).await?))
    }
}

impl Write {
    /// Inserts a case version; [`StoreError::Duplicate`] ("reference") when its reference is taken.
    pub async fn insert_case(&mut self, new: &NewCaseRow<'_>) -> Result<i64, StoreError> {
        let f = new.figures;
        Ok(on_write!(self, tx => sqlx::query_scalar(
            "INSERT INTO cases (reference, country, title, methodology_version, state, version_no, previous_id, revision, answers, valid, can_submit, overall_band, overall_decision, next_review_date, approval_level, blocking_codes, created_by, created_at, updated_by, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $16, $17) RETURNING id",
        )
        .bind(new.reference).bind(new.country).bind(new.title).bind(new.methodology_version).bind(CaseState::Draft.as_str())
        .bind(new.version_no).bind(new.previous_id)
        .bind(new.answers).bind(f.valid).bind(f.can_submit).bind(&f.band).bind(&f.decision).bind(&f.next_review)
        .bind(f.approval_level).bind(&f.blocking_codes)
        .bind(new.author).bind(new.at)
        .fetch_one(&mut **tx).await.map_err(|e| StoreError::unique(e, "reference"))?))
    }

    /// Keeps a revision of the answers (for conflict reports and the record), packed;
    /// `saved_as` is the role it was saved in.
    pub async fn insert_revision(
        &mut self,
        case_id: i64,
        revision: i64,
        answers: &str,
        by: i64,
        at: DateTime<Utc>,
        saved_as: &str,
    ) -> Result<(), StoreError> {
        let packed = pack(answers);
        on_write!(self, tx => sqlx::query("INSERT INTO case_revisions (case_id, revision, packed, saved_by, saved_at, saved_as) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(case_id).bind(revision).bind(&packed).bind(by).bind(at).bind(saved_as).execute(&mut **tx).await?.rows_affected());
        Ok(())
    }

    /// Remembers the step a user last saved in a case ("continue where you left off").
    pub async fn record_position(
        &mut self,
        user_id: i64,
        case_id: i64,
        segment: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_write!(self, tx => sqlx::query(
            "INSERT INTO case_positions (user_id, case_id, segment, updated_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (user_id, case_id) DO UPDATE SET segment = excluded.segment, updated_at = excluded.updated_at",
        ).bind(user_id).bind(case_id).bind(segment).bind(at).execute(&mut **tx).await?.rows_affected());
        Ok(())
    }

    /// Writes the new answers and figures if the case is still at the base revision; false when
    /// someone saved in between (nothing is written then).
    pub async fn update_draft(&mut self, u: &DraftUpdate<'_>) -> Result<bool, StoreError> {
        let f = u.figures;
        let n = on_write!(self, tx => sqlx::query(
            "UPDATE cases SET answers = $1, revision = revision + 1, valid = $2, can_submit = $3, overall_band = $4,
                 overall_decision = $5, next_review_date = $6, title = COALESCE($7, title), updated_by = $8, updated_at = $9,
                 approval_level = $12, blocking_codes = $13
             WHERE id = $10 AND revision = $11",
        )
        .bind(u.answers).bind(f.valid).bind(f.can_submit).bind(&f.band).bind(&f.decision).bind(&f.next_review)
        .bind(u.title).bind(u.by).bind(u.at).bind(u.case_id).bind(u.base_revision).bind(f.approval_level).bind(&f.blocking_codes)
        .execute(&mut **tx).await?.rows_affected());
        Ok(n == 1)
    }

    /// Marks a draft or returned case submitted if it is still at `revision`; false otherwise.
    pub async fn mark_submitted(
        &mut self,
        case_id: i64,
        revision: i64,
        by: i64,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let n = on_write!(self, tx => sqlx::query("UPDATE cases SET state = $1, submitted_at = $2, updated_by = $3, updated_at = $2 WHERE id = $4 AND revision = $5 AND state IN ('DRAFT', 'RETURNED')")
            .bind(CaseState::Submitted.as_str()).bind(at).bind(by).bind(case_id).bind(revision)
            .execute(&mut **tx).await?.rows_affected());
        Ok(n == 1)
    }

    /// Stores a snapshot, signed with this process's audit key; returns its id.
    pub async fn insert_snapshot(&mut self, s: &NewSnapshot<'_>) -> Result<i64, StoreError> {
        Ok(
            on_write!(self, tx => insert_snapshot!((*tx), case: s.case_id, kind: s.kind, revision: s.revision, record: s.record, hash: s.hash, by: s.by, at: s.at)),
        )
    }
}
