//! The portfolio: its index tables (`case_components`, `case_areas`, `case_support_types`,
//! `case_hard_rules`, written with each case version), the aggregates over them, the manager
//! summary's row and the export's pages.

use super::query::{bind_all, Bind, Where, DECISION_SQL};
use super::{on_pool, on_write, Store, StoreError, Write};
use crate::cases::query::{review_cutoff, today};
use crate::portfolio::export::ExportRow;
use crate::portfolio::index::CaseIndex;
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap};

/// Replaces the index rows of one case inside a transaction (`$tx`), and marks the case indexed.
macro_rules! write_case_index {
    ($tx:expr, $case_id:expr, $index:expr) => {{
        let case_id: i64 = $case_id;
        let index: &$crate::portfolio::index::CaseIndex = $index;
        for delete in [
            "DELETE FROM case_components WHERE case_id = $1",
            "DELETE FROM case_areas WHERE case_id = $1",
            "DELETE FROM case_support_types WHERE case_id = $1",
            "DELETE FROM case_hard_rules WHERE case_id = $1",
        ] {
            sqlx::query(delete).bind(case_id).execute(&mut *$tx).await?;
        }
        for c in &index.components {
            sqlx::query(
                "INSERT INTO case_components (case_id, component_id, support_types, recipient_type, band0, band, recommended_decision, final_decision, hard_rules, intercession_open, stopped)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            )
            .bind(case_id).bind(&c.component_id).bind(&c.support_types).bind(&c.recipient_type).bind(&c.band0).bind(&c.band)
            .bind(&c.recommended_decision).bind(&c.final_decision).bind(&c.hard_rules).bind(c.intercession_open).bind(c.stopped)
            .execute(&mut *$tx).await?;
        }
        for (area, (band0, band1)) in &index.areas {
            sqlx::query("INSERT INTO case_areas (case_id, area, band0, band1) VALUES ($1, $2, $3, $4)")
                .bind(case_id).bind(area).bind(band0).bind(band1).execute(&mut *$tx).await?;
        }
        for t in &index.support_types {
            sqlx::query("INSERT INTO case_support_types (case_id, support_type) VALUES ($1, $2)")
                .bind(case_id).bind(t).execute(&mut *$tx).await?;
        }
        for r in &index.hard_rules {
            sqlx::query("INSERT INTO case_hard_rules (case_id, rule) VALUES ($1, $2)")
                .bind(case_id).bind(r).execute(&mut *$tx).await?;
        }
        sqlx::query("UPDATE cases SET indexed = TRUE, open_intercessions = $1 WHERE id = $2")
            .bind(index.open_intercessions).bind(case_id).execute(&mut *$tx).await?;
        let signature = index.signature();
        sqlx::query("UPDATE case_facts SET area_bands = $1, hard_rules = $2, stopped_components = $3, pending_stops = $4, watches = $5 WHERE id = $6")
            .bind(&signature.area_bands).bind(&signature.hard_rules).bind(signature.stopped_components)
            .bind(signature.pending_stops).bind(index.watches_text()).bind(case_id).execute(&mut *$tx).await?;
    }};
}

/// Sets the signed final decision of each component (after a sign-off), and whether it stops the
/// support ("components stopped" counts signed stops only).
macro_rules! write_final_decisions {
    ($tx:expr, $case_id:expr, $finals:expr) => {{
        let case_id: i64 = $case_id;
        let finals: &std::collections::HashMap<String, String> = $finals;
        for (component, decision) in finals {
            sqlx::query(
                "UPDATE case_components SET final_decision = $1, stopped = $2 WHERE case_id = $3 AND component_id = $4",
            )
            .bind(decision)
            .bind($crate::portfolio::index::is_stop(decision))
            .bind(case_id)
            .bind(component)
            .execute(&mut *$tx)
            .await?;
        }
        // The case's narrow counts follow its components.
        sqlx::query(&format!(
            "UPDATE case_facts SET
                 stopped_components = (SELECT COUNT(*) FROM case_components cc WHERE cc.case_id = $1 AND cc.stopped),
                 pending_stops = (SELECT COUNT(*) FROM case_components cc WHERE cc.case_id = $1 AND cc.final_decision IS NULL AND cc.recommended_decision IN {})
             WHERE id = $1",
            $crate::portfolio::index::stop_decisions_sql()
        ))
        .bind(case_id)
        .execute(&mut *$tx)
        .await?;
    }};
}

/// Cases by country × state × band × decision in force × deadline flag.
#[derive(sqlx::FromRow)]
pub struct GroupRow {
    pub country: String,
    pub state: String,
    pub band: String,
    pub decision: String,
    pub flag: String,
    pub n: i64,
    pub intercessions: i64,
}

/// Triggered areas by country × area × highest residual band.
#[derive(sqlx::FromRow)]
pub struct HeatRow {
    pub country: String,
    pub area: String,
    pub band1: String,
    pub n: i64,
}

/// A component stopped by a signed decision.
#[derive(sqlx::FromRow)]
pub struct StopRow {
    pub case_id: i64,
    pub reference: String,
    pub country: String,
    pub title: String,
    pub component_id: String,
    pub decision: String,
}

/// Every aggregate the portfolio page shows, for one scoped query.
pub struct PortfolioRows {
    pub groups: Vec<GroupRow>,
    pub heat: Vec<HeatRow>,
    /// (hard rule, cases)
    pub rules: Vec<(String, i64)>,
    /// (country, components stopped, components recommended a stop and not decided yet)
    pub stop_counts: Vec<(String, i64, i64)>,
    /// The ten newest stopped components.
    pub stop_list: Vec<StopRow>,
}

/// One case as the manager summary reads it, with the decision in force (this version's, or else
/// that of the version it re-assesses) and its latest sign-off record.
#[derive(sqlx::FromRow)]
pub struct SummaryRow {
    pub id: i64,
    pub reference: String,
    pub country: String,
    pub title: String,
    pub state: String,
    pub version_no: i64,
    pub answers: String,
    pub overall_band: Option<String>,
    pub overall_decision: Option<String>,
    pub final_decision: Option<String>,
    pub next_review_date: Option<String>,
    pub reassessment_due: bool,
    pub open_intercessions: i64,
    pub decided_by_name: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub sign_off: Option<String>,
}

/// An export row read by column name on either backend (the row type itself stays free of SQL).
macro_rules! export_row_from {
    ($row:ty) => {
        impl<'r> sqlx::FromRow<'r, $row> for ExportRow {
            fn from_row(r: &'r $row) -> Result<Self, sqlx::Error> {
                use sqlx::Row;
                Ok(ExportRow {
                    case_id: r.try_get("case_id")?,
                    reference: r.try_get("reference")?,
                    country: r.try_get("country")?,
                    programme_title: r.try_get("programme_title")?,
                    state: r.try_get("state")?,
                    version: r.try_get("version")?,
                    overall_band: r.try_get("overall_band")?,
                    decision: r.try_get("decision")?,
                    recommended_decision: r.try_get("recommended_decision")?,
                    final_decision: r.try_get("final_decision")?,
                    approval_level: r.try_get("approval_level")?,
                    next_review_date: r.try_get("next_review_date")?,
                    reassessment_due: r.try_get("reassessment_due")?,
                    open_intercessions: r.try_get("open_intercessions")?,
                    submitted_at: r.try_get("submitted_at")?,
                    decided_at: r.try_get("decided_at")?,
                    updated_at: r.try_get("updated_at")?,
                    labels: Default::default(),
                })
            }
        }
    };
}
export_row_from!(sqlx::sqlite::SqliteRow);
export_row_from!(sqlx::postgres::PgRow);

const EXPORT_SELECT: &str = "SELECT c.id AS case_id, c.reference, c.country, c.title AS programme_title, c.state, c.version_no AS version,
        c.overall_band, COALESCE(c.final_decision, c.overall_decision) AS decision, c.overall_decision AS recommended_decision,
        c.final_decision, c.approval_level, c.next_review_date, c.reassessment_due, c.open_intercessions, c.submitted_at,
        c.decided_at, c.updated_at";

impl Store {
    /// The portfolio aggregates over the cases `w` selects; the five queries run side by side.
    pub async fn portfolio_rows(&self, w: &Where) -> Result<PortfolioRows, StoreError> {
        let n = w.next();
        let groups_sql = format!(
            "SELECT c.country AS country, c.state AS state, COALESCE(c.overall_band, 'INCOMPLETE') AS band,
                    COALESCE({DECISION_SQL}, '') AS decision,
                    CASE WHEN c.state = 'SUBMITTED' AND c.submitted_at < ${n} THEN 'review_overdue'
                         WHEN c.state = 'DECIDED' AND (c.reassessment_due OR c.next_review_date <= ${}) THEN 'reassessment_due'
                         ELSE '' END AS flag,
                    COUNT(*) AS n, CAST(COALESCE(SUM(c.open_intercessions), 0) AS BIGINT) AS intercessions
             FROM case_facts c{} GROUP BY 1, 2, 3, 4, 5",
            n + 1,
            w.sql
        );
        let mut group_binds: Vec<Bind> = w.binds.clone();
        group_binds.push(Bind::Time(review_cutoff()));
        group_binds.push(Bind::Text(today()));
        // Heat map, hard rules and stop counts: one scan of the narrow per-case signatures (no join
        // over the index tables), grouped so that identical signatures are read once.
        let signatures_sql = format!(
            "SELECT c.country, c.area_bands, c.hard_rules, c.stopped_components, c.pending_stops, COUNT(*)
             FROM case_facts c{} AND (c.area_bands <> '' OR c.hard_rules <> '' OR c.stopped_components > 0 OR c.pending_stops > 0)
             GROUP BY 1, 2, 3, 4, 5",
            w.sql
        );
        let stop_list_sql = format!(
            "SELECT c.id AS case_id, c.reference AS reference, c.country AS country, c.title AS title, cc.component_id AS component_id,
                    cc.final_decision AS decision
             FROM case_components cc JOIN case_facts c ON c.id = cc.case_id{} AND cc.stopped
             ORDER BY c.updated_at DESC, c.id DESC, cc.component_id LIMIT 10",
            w.sql
        );
        let (groups, signatures, stop_list) = on_pool!(self, pool => {
            tokio::try_join!(
                bind_all!(sqlx::query_as::<_, GroupRow>(&groups_sql), &group_binds).fetch_all(pool),
                bind_all!(sqlx::query_as::<_, SignatureGroup>(&signatures_sql), &w.binds).fetch_all(pool),
                bind_all!(sqlx::query_as::<_, StopRow>(&stop_list_sql), &w.binds).fetch_all(pool),
            )?
        });
        let (heat, rules, stop_counts) = expand_signatures(signatures);
        Ok(PortfolioRows { groups, heat, rules, stop_counts, stop_list })
    }

    /// One case for the manager summary.
    pub async fn summary_row(&self, id: i64) -> Result<Option<SummaryRow>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT c.id, c.reference, c.country, c.title, c.state, c.version_no, c.answers, c.overall_band, c.overall_decision,
                    c.final_decision, c.next_review_date, c.reassessment_due, c.open_intercessions,
                    d.name AS decided_by_name, d.decided_at AS decided_at,
                    (SELECT s.record FROM case_snapshots s WHERE s.case_id = c.id AND s.kind = 'SIGN_OFF' ORDER BY s.created_at DESC LIMIT 1) AS sign_off
             FROM cases c
             LEFT JOIN (SELECT x.id, u.name, x.decided_at FROM cases x JOIN users u ON u.id = x.decided_by) d
                    ON d.id = CASE WHEN c.decided_at IS NOT NULL THEN c.id ELSE c.previous_id END
             WHERE c.id = $1",
        ).bind(id).fetch_optional(pool).await?))
    }

    /// Page `page` (from 1) of the cases `w` selects, by case id (the total: [`Store::case_count`]).
    pub async fn export_page(&self, w: &Where, page: i64, per_page: i64) -> Result<Vec<ExportRow>, StoreError> {
        let n = w.next();
        let page_sql = format!("{EXPORT_SELECT} FROM case_facts c{} ORDER BY c.id LIMIT ${n} OFFSET ${}", w.sql, n + 1);
        let mut binds = w.binds.clone();
        binds.push(Bind::Int(per_page));
        binds.push(Bind::Int((page - 1) * per_page));
        let rows =
            on_pool!(self, pool => bind_all!(sqlx::query_as::<_, ExportRow>(&page_sql), &binds).fetch_all(pool).await?);
        Ok(rows)
    }

    /// Up to `limit` of the cases `w` selects with an id above `after`, by id (the export's batches).
    pub async fn export_after(&self, w: &Where, after: i64, limit: i64) -> Result<Vec<ExportRow>, StoreError> {
        let n = w.next();
        let sql = format!("{EXPORT_SELECT} FROM case_facts c{} AND c.id > ${n} ORDER BY c.id LIMIT ${}", w.sql, n + 1);
        let mut binds = w.binds.clone();
        binds.push(Bind::Int(after));
        binds.push(Bind::Int(limit));
        Ok(on_pool!(self, pool => bind_all!(sqlx::query_as::<_, ExportRow>(&sql), &binds).fetch_all(pool).await?))
    }

    /// Up to 200 cases not indexed yet: (id, answers, latest sign-off record).
    pub async fn unindexed_cases(&self) -> Result<Vec<(i64, String, Option<String>)>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT c.id, c.answers, (SELECT s.record FROM case_snapshots s WHERE s.case_id = c.id AND s.kind = 'SIGN_OFF' ORDER BY s.created_at DESC LIMIT 1)
             FROM cases c WHERE c.indexed = FALSE ORDER BY c.id LIMIT 200",
        ).fetch_all(pool).await?))
    }
}

/// Cases of one country with identical signatures: `(country, area_bands, hard_rules, stopped
/// components, pending stops, cases)`.
type SignatureGroup = (String, String, String, i64, i64, i64);

/// The heat map, the hard-rule counts and the per-country stop counts of [`PortfolioRows`].
type SignatureFigures = (Vec<HeatRow>, Vec<(String, i64)>, Vec<(String, i64, i64)>);

/// The heat map, hard-rule counts and stop counts from signature groups.
fn expand_signatures(groups: Vec<SignatureGroup>) -> SignatureFigures {
    use crate::portfolio::index::CaseSignature;
    let mut heat: BTreeMap<(String, String, String), i64> = BTreeMap::new();
    let mut rules: BTreeMap<String, i64> = BTreeMap::new();
    let mut stops: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    for (country, area_bands, hard_rules, stopped_components, pending_stops, n) in groups {
        let signature = CaseSignature { area_bands, hard_rules, stopped_components, pending_stops };
        for (area, band) in signature.areas() {
            *heat.entry((country.clone(), area.to_string(), band.to_string())).or_default() += n;
        }
        for rule in signature.rules() {
            *rules.entry(rule.to_string()).or_default() += n;
        }
        if stopped_components > 0 || pending_stops > 0 {
            let slot = stops.entry(country).or_default();
            slot.0 += stopped_components * n;
            slot.1 += pending_stops * n;
        }
    }
    (
        heat.into_iter().map(|((country, area, band1), n)| HeatRow { country, area, band1, n }).collect(),
        rules.into_iter().collect(),
        stops.into_iter().map(|(country, (stopped, pending))| (country, stopped, pending)).collect(),
    )
}

/// The digest of an index as `cases.index_digest` keeps it. `CaseIndex` holds only ordered
/// collections, so its debug text is the same for the same rows; a new build that prints it
/// differently costs one rewrite per case, never a wrong skip.
fn index_digest(index: &CaseIndex) -> String {
    use sha2::{Digest, Sha256};
    format!("{:x}", Sha256::digest(format!("{index:?}").as_bytes()))
}

impl Write {
    /// Replaces the index rows of one case and marks it indexed — unless the case is already indexed
    /// with exactly these rows (same digest), when nothing is written. Returns whether rows were
    /// rewritten.
    pub async fn write_case_index(&mut self, case_id: i64, index: &CaseIndex) -> Result<bool, StoreError> {
        let digest = index_digest(index);
        let changed = on_write!(self, tx => sqlx::query(
            "UPDATE cases SET index_digest = $1 WHERE id = $2 AND (index_digest IS NULL OR index_digest <> $1 OR NOT indexed)",
        )
        .bind(&digest)
        .bind(case_id)
        .execute(&mut **tx)
        .await?
        .rows_affected());
        if changed == 0 {
            return Ok(false);
        }
        on_write!(self, tx => write_case_index!((*tx), case_id, index));
        Ok(true)
    }

    /// Sets the signed final decision of each component (after a sign-off).
    pub async fn write_final_decisions(
        &mut self,
        case_id: i64,
        finals: &HashMap<String, String>,
    ) -> Result<(), StoreError> {
        on_write!(self, tx => write_final_decisions!((*tx), case_id, finals));
        // The rows now differ from what the digest describes.
        on_write!(self, tx => {
            sqlx::query("UPDATE cases SET index_digest = NULL WHERE id = $1").bind(case_id).execute(&mut **tx).await?;
        });
        Ok(())
    }
}
