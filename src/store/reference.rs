//! Country reference data (tables `reference_entries`, `case_reference_basis`): dated entries per
//! country and question, which entries a case was pre-filled with, and the decided cases a change
//! concerns.

use super::{on_pool, on_write, Store, StoreError, Write};
use crate::methodology::date::Date;
use crate::reference::{Entry, Source};
use chrono::{DateTime, Utc};

#[derive(sqlx::FromRow)]
struct EntryRow {
    id: i64,
    country: String,
    question: String,
    value: Option<String>,
    effective_from: String,
    citation: String,
    url: Option<String>,
    recorded_by: String,
    recorded_at: DateTime<Utc>,
}

impl EntryRow {
    fn into_entry(self) -> Result<Entry, StoreError> {
        let effective_from = Date::parse(&self.effective_from)
            .ok_or_else(|| StoreError::Unreadable(format!("reference entry {} has no valid date", self.id)))?;
        let value = match self.value {
            None => None,
            Some(text) => Some(serde_json::from_str(&text).map_err(|e| {
                StoreError::Unreadable(format!("reference entry {} holds no JSON value: {e}", self.id))
            })?),
        };
        Ok(Entry {
            id: self.id,
            country: self.country,
            question: self.question,
            value,
            effective_from,
            source: Source { citation: self.citation, url: self.url },
            recorded_by: self.recorded_by,
            recorded_at: crate::audit::timestamp(self.recorded_at),
        })
    }
}

const ENTRY_SELECT: &str = "SELECT e.id, e.country, e.question, e.value, e.effective_from, e.citation, e.url,
        u.email AS recorded_by, e.recorded_at
     FROM reference_entries e JOIN users u ON u.id = e.recorded_by";

/// One country's reference data at a glance, for the list of countries.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CountryRow {
    pub country: String,
    pub entries: i64,
    pub last_recorded_at: DateTime<Utc>,
}

/// A value to store (its id and recording time are given by the insert).
pub struct NewEntry<'a> {
    pub country: &'a str,
    pub question: &'a str,
    pub value: Option<String>,
    pub effective_from: Date,
    pub source: &'a Source,
    pub recorded_by: i64,
    pub at: DateTime<Utc>,
}

/// A decided case that watches a trigger: what its trigger event needs.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct WatchingCase {
    pub id: i64,
    pub version_no: i64,
    pub reference: String,
    pub title: String,
    /// Who created the version (the assessor its notices reach).
    pub created_by: i64,
}

/// `(' ' || watches || ' ') LIKE $n`: the case watches the trigger bound as `% CODE %`.
const WATCHES: &str = "(' ' || c.watches || ' ') LIKE $2";

impl Store {
    /// Every entry of one country, oldest first (by effective date, then as recorded).
    pub async fn reference_entries(&self, country: &str) -> Result<Vec<Entry>, StoreError> {
        let sql = format!("{ENTRY_SELECT} WHERE e.country = $1 ORDER BY e.effective_from, e.id");
        let rows: Vec<EntryRow> = on_pool!(self, pool => sqlx::query_as(&sql).bind(country).fetch_all(pool).await?);
        rows.into_iter().map(EntryRow::into_entry).collect()
    }

    /// Every entry of every country, by country, effective date and id.
    pub async fn all_reference_entries(&self) -> Result<Vec<Entry>, StoreError> {
        let sql = format!("{ENTRY_SELECT} ORDER BY e.country, e.effective_from, e.id");
        let rows: Vec<EntryRow> = on_pool!(self, pool => sqlx::query_as(&sql).fetch_all(pool).await?);
        rows.into_iter().map(EntryRow::into_entry).collect()
    }

    /// The countries that have reference data, with `scope` (None: all) as a filter.
    pub async fn reference_countries(&self, scope: Option<&[String]>) -> Result<Vec<CountryRow>, StoreError> {
        let rows: Vec<CountryRow> = on_pool!(self, pool => sqlx::query_as(
            "SELECT country, COUNT(*) AS entries, MAX(recorded_at) AS last_recorded_at FROM reference_entries GROUP BY country ORDER BY country",
        ).fetch_all(pool).await?);
        Ok(rows.into_iter().filter(|r| scope.is_none_or(|s| s.contains(&r.country))).collect())
    }

    /// The newest entry id of a country (0 when it has none): what an editor's form was based on.
    pub async fn reference_latest_id(&self, country: &str) -> Result<i64, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_scalar::<_, Option<i64>>(
            "SELECT MAX(id) FROM reference_entries WHERE country = $1",
        ).bind(country).fetch_one(pool).await?)
        .unwrap_or(0))
    }

    /// How many decided cases of `country` watch `trigger` (shown to the editor before a change).
    pub async fn decided_cases_watching(&self, country: &str, trigger: &str) -> Result<i64, StoreError> {
        let sql =
            format!("SELECT COUNT(*) FROM case_facts c WHERE c.state = 'DECIDED' AND c.country = $1 AND {WATCHES}");
        Ok(
            on_pool!(self, pool => sqlx::query_scalar(&sql).bind(country).bind(format!("% {trigger} %")).fetch_one(pool).await?),
        )
    }

    /// The entries a case version was pre-filled with, in question order of the reference data.
    pub async fn case_reference_basis(&self, case_id: i64) -> Result<Vec<Entry>, StoreError> {
        let sql = format!(
            "{ENTRY_SELECT} JOIN case_reference_basis b ON b.entry_id = e.id WHERE b.case_id = $1 ORDER BY e.id"
        );
        let rows: Vec<EntryRow> = on_pool!(self, pool => sqlx::query_as(&sql).bind(case_id).fetch_all(pool).await?);
        rows.into_iter().map(EntryRow::into_entry).collect()
    }
}

impl Write {
    /// Stores one entry and returns its id.
    pub async fn insert_reference_entry(&mut self, e: &NewEntry<'_>) -> Result<i64, StoreError> {
        Ok(on_write!(self, tx => sqlx::query_scalar(
            "INSERT INTO reference_entries (country, question, value, effective_from, citation, url, recorded_by, recorded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(e.country).bind(e.question).bind(&e.value).bind(e.effective_from.to_string())
        .bind(&e.source.citation).bind(&e.source.url).bind(e.recorded_by).bind(e.at)
        .fetch_one(&mut **tx).await?))
    }

    /// The newest entry id of a country, read inside this transaction (the concurrency check).
    pub async fn reference_latest_id(&mut self, country: &str) -> Result<i64, StoreError> {
        Ok(on_write!(self, tx => sqlx::query_scalar::<_, Option<i64>>(
            "SELECT MAX(id) FROM reference_entries WHERE country = $1",
        ).bind(country).fetch_one(&mut **tx).await?)
        .unwrap_or(0))
    }

    /// The newest entry id of all countries, inside this transaction (an import's concurrency check).
    pub async fn reference_max_id(&mut self) -> Result<i64, StoreError> {
        Ok(on_write!(self, tx => sqlx::query_scalar::<_, Option<i64>>("SELECT MAX(id) FROM reference_entries")
            .fetch_one(&mut **tx).await?)
        .unwrap_or(0))
    }

    /// Records which entries a new case version was pre-filled with.
    pub async fn insert_case_reference_basis(
        &mut self,
        case_id: i64,
        entries: &[(&str, i64)],
    ) -> Result<(), StoreError> {
        for (question, entry_id) in entries {
            on_write!(self, tx => sqlx::query(
                "INSERT INTO case_reference_basis (case_id, question, entry_id) VALUES ($1, $2, $3)",
            ).bind(case_id).bind(question).bind(entry_id).execute(&mut **tx).await?.rows_affected());
        }
        Ok(())
    }

    /// Marks every decided case of `country` that watches `trigger` due for re-assessment (one
    /// statement); how many.
    pub async fn mark_watching_cases_due(&mut self, country: &str, trigger: &str) -> Result<u64, StoreError> {
        let sql = format!(
            "UPDATE cases SET reassessment_due = TRUE WHERE id IN (SELECT c.id FROM case_facts c WHERE c.state = 'DECIDED' AND c.country = $1 AND {WATCHES})"
        );
        Ok(
            on_write!(self, tx => sqlx::query(&sql).bind(country).bind(format!("% {trigger} %")).execute(&mut **tx).await?.rows_affected()),
        )
    }

    /// The decided cases of `country` that watch `trigger`, read inside this transaction.
    pub async fn decided_cases_watching(
        &mut self,
        country: &str,
        trigger: &str,
    ) -> Result<Vec<WatchingCase>, StoreError> {
        let sql = format!(
            "SELECT c.id, c.version_no, c.reference, c.title, k.created_by FROM case_facts c JOIN cases k ON k.id = c.id
             WHERE c.state = 'DECIDED' AND c.country = $1 AND {WATCHES} ORDER BY c.id"
        );
        Ok(
            on_write!(self, tx => sqlx::query_as(&sql).bind(country).bind(format!("% {trigger} %")).fetch_all(&mut **tx).await?),
        )
    }
}
