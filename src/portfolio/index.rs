//! The portfolio index: what the engine computed for each case version, in narrow tables that SQL
//! can aggregate (per component, triggered area, support type and hard rule).
//!
//! Rows are rewritten in the same transaction as the case's cached figures (create, every save,
//! seed) with [`write_case_index!`]; a sign-off sets the components' final decisions. Cases older
//! than the index are indexed by [`backfill`] when the server or a command starts.

use crate::error::AppError;
use crate::methodology::draft::score_draft;
use crate::methodology::{Registry, ScoreOutcome};
use crate::store::Store;
use crate::with_pool;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One support component as the portfolio counts it.
#[derive(Debug, Clone, PartialEq)]
pub struct ComponentRow {
    pub component_id: String,
    /// Support type codes, space-separated.
    pub support_types: String,
    pub recipient_type: Option<String>,
    pub band0: String,
    pub band: String,
    pub recommended_decision: String,
    pub final_decision: Option<String>,
    /// Hard rules fired, space-separated.
    pub hard_rules: String,
    pub intercession_open: bool,
    /// A final (signed-off) decision stops the support. A recommended stop still awaiting a
    /// decision is not counted as stopped (it is reported apart).
    pub stopped: bool,
}

/// Decisions that stop the support (spec §2 "stop decisions", with WITHDRAW for final decisions).
pub const STOP_DECISIONS: [&str; 4] = ["DO_NOT_PROCEED", "SUSPEND", "TEMPORARY_FREEZE", "WITHDRAW"];

pub fn is_stop(decision: &str) -> bool {
    STOP_DECISIONS.contains(&decision)
}

/// `('DO_NOT_PROCEED', …)`: the stop decisions as an SQL list (constants, never user input).
pub fn stop_decisions_sql() -> String {
    format!("({})", STOP_DECISIONS.map(|d| format!("'{d}'")).join(", "))
}

/// Everything the index holds for one case version. Empty for a draft the engine cannot score yet.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CaseIndex {
    pub components: Vec<ComponentRow>,
    /// Triggered area → (highest inherent band, highest residual band) over the components.
    pub areas: BTreeMap<String, (String, String)>,
    pub support_types: BTreeSet<String>,
    pub hard_rules: BTreeSet<String>,
    pub open_intercessions: i64,
}

impl CaseIndex {
    /// Builds the index of `answers` from its score; `finals` maps component ids to signed decisions.
    pub fn build(answers: &Value, outcome: &ScoreOutcome, finals: &HashMap<String, String>) -> CaseIndex {
        let Some(result) = outcome.result() else { return CaseIndex::default() };
        let mut index = CaseIndex::default();
        let mut worst: BTreeMap<String, (crate::methodology::codes::Band, crate::methodology::codes::Band)> =
            BTreeMap::new();
        for comp in &result.components {
            let stored = answers["components"]
                .as_array()
                .and_then(|list| list.iter().find(|c| c["component_id"].as_str() == Some(comp.component_id.as_str())));
            let part = |key: &str| stored.map(|c| &c["answers"][key]).cloned().unwrap_or(Value::Null);
            let types: Vec<String> = part("support_types")
                .as_array()
                .map(|t| t.iter().filter_map(|v| v.as_str().map(String::from)).collect())
                .unwrap_or_default();
            index.support_types.extend(types.iter().cloned());
            let rules: Vec<&str> = comp.hard_rules_fired.iter().map(|r| r.code()).collect();
            index.hard_rules.extend(rules.iter().map(|r| r.to_string()));
            let intercession_open = stored.and_then(|c| c["intercession"]["status"].as_str()) == Some("OPEN");
            index.open_intercessions += i64::from(intercession_open);
            for area in comp.areas.iter().filter_map(|a| a.triggered()) {
                let slot = worst.entry(area.area.code().to_string()).or_insert((area.band0, area.band1));
                slot.0 = slot.0.max(area.band0);
                slot.1 = slot.1.max(area.band1);
            }
            let final_decision = finals.get(&comp.component_id).cloned();
            let stopped = final_decision.as_deref().is_some_and(is_stop);
            index.components.push(ComponentRow {
                stopped,
                component_id: comp.component_id.clone(),
                support_types: types.join(" "),
                recipient_type: part("recipient_type").as_str().map(String::from),
                band0: comp.band0.code().to_string(),
                band: comp.band.code().to_string(),
                recommended_decision: comp.recommended_decision.code().to_string(),
                final_decision,
                hard_rules: rules.join(" "),
                intercession_open,
            });
        }
        index.areas =
            worst.into_iter().map(|(area, (b0, b1))| (area, (b0.code().to_string(), b1.code().to_string()))).collect();
        index
    }
}

/// Component id → final decision, from a sign-off record (spec §10.5 `decisions`).
pub fn finals_from_record(record: &Value) -> HashMap<String, String> {
    record["decisions"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|d| {
                    Some((d["component_id"].as_str()?.to_string(), d["final_decision"].as_str()?.to_string()))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Replaces the index rows of one case inside a transaction (`$tx`), and marks the case indexed.
#[macro_export]
#[doc(hidden)]
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
    }};
}

/// Sets the signed final decision of each component (after a sign-off), and whether it stops the
/// support ("components stopped" counts signed stops only).
#[macro_export]
#[doc(hidden)]
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
    }};
}

/// Indexes every case not indexed yet (cases written before the index existed). Returns how many.
pub async fn backfill(db: &Store, registry: &Registry) -> Result<u64, AppError> {
    let mut done = 0;
    loop {
        let rows: Vec<(i64, String, Option<String>)> = with_pool!(db, pool => sqlx::query_as(
            "SELECT c.id, c.answers, (SELECT s.record FROM case_snapshots s WHERE s.case_id = c.id AND s.kind = 'SIGN_OFF' ORDER BY s.created_at DESC LIMIT 1)
             FROM cases c WHERE c.indexed = FALSE ORDER BY c.id LIMIT 200",
        ).fetch_all(pool).await?);
        if rows.is_empty() {
            break;
        }
        let indexes: Vec<(i64, CaseIndex)> = rows
            .iter()
            .map(|(id, answers, record)| {
                let answers: Value = serde_json::from_str(answers).unwrap_or(Value::Null);
                let finals = record
                    .as_deref()
                    .and_then(|r| serde_json::from_str::<Value>(r).ok())
                    .map(|r| finals_from_record(&r))
                    .unwrap_or_default();
                (*id, CaseIndex::build(&answers, &score_draft(registry, &answers), &finals))
            })
            .collect();
        with_pool!(db, pool => {
            let mut tx = db.begin_write(pool).await?;
            for (id, index) in &indexes {
                crate::write_case_index!(tx, *id, index);
            }
            tx.commit().await?;
            Ok::<(), sqlx::Error>(())
        })?;
        done += indexes.len() as u64;
    }
    if done > 0 {
        tracing::info!(cases = done, "portfolio index written for older cases");
    }
    Ok(done)
}
