//! The portfolio index: what the engine computed for each case version, in narrow tables that SQL
//! can aggregate (per component, triggered area, support type and hard rule).
//!
//! Rows are rewritten in the same transaction as the case's cached figures (create, every save,
//! seed; the store's `Write::write_case_index`); a sign-off sets the components' final decisions.
//! Cases older than the index are indexed by `services::portfolio::backfill` when the server or a
//! command starts.

use crate::cases::parts::INTERCESSION;
use crate::methodology::draft::Draft;
use crate::methodology::ScoreOutcome;
use crate::review::record::SignedDecision;
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
    /// Trigger events any component watches (spec §7.5), in code order.
    pub watches: BTreeSet<String>,
}

impl CaseIndex {
    /// Builds the index of `answers` from its score; `finals` maps component ids to signed decisions.
    pub fn build(answers: &Draft, outcome: &ScoreOutcome, finals: &HashMap<String, String>) -> CaseIndex {
        let Some(result) = outcome.result() else { return CaseIndex::default() };
        let mut index = CaseIndex::default();
        let mut worst: BTreeMap<String, (crate::methodology::codes::Band, crate::methodology::codes::Band)> =
            BTreeMap::new();
        for comp in &result.components {
            let stored = answers.component(&comp.component_id);
            let types: Vec<String> = stored.map(|c| c.answers.codes("support_types")).unwrap_or_default();
            index.support_types.extend(types.iter().cloned());
            let rules: Vec<&str> = comp.hard_rules_fired.iter().map(|r| r.code()).collect();
            index.hard_rules.extend(rules.iter().map(|r| r.to_string()));
            index.watches.extend(comp.watch_triggers.iter().map(|t| t.code().to_string()));
            let intercession_open =
                stored.and_then(|c| c.part(INTERCESSION.key)?.get("status")?.as_str().map(str::to_string)).as_deref()
                    == Some("OPEN");
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
                recipient_type: stored.and_then(|c| c.answers.text("recipient_type")).map(String::from),
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

/// The narrow per-case figures the portfolio aggregates without joining the index tables (issue 19):
/// kept on `case_facts` beside the case's other figures, so a cold computation over all countries is
/// one scan of narrow rows grouped by identical signatures.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct CaseSignature {
    /// Triggered areas with their highest residual band: `AREA:BAND` separated by spaces, by area.
    pub area_bands: String,
    /// Hard rules fired in any component, separated by spaces, in code order.
    pub hard_rules: String,
    /// Components stopped by a signed final decision.
    pub stopped_components: i64,
    /// Components recommended a stop with no final decision yet (reported apart, never as stopped).
    pub pending_stops: i64,
}

impl CaseIndex {
    pub fn signature(&self) -> CaseSignature {
        CaseSignature {
            area_bands: self
                .areas
                .iter()
                .map(|(area, (_, band1))| format!("{area}:{band1}"))
                .collect::<Vec<_>>()
                .join(" "),
            hard_rules: self.hard_rules.iter().cloned().collect::<Vec<_>>().join(" "),
            stopped_components: self.components.iter().filter(|c| c.stopped).count() as i64,
            pending_stops: self
                .components
                .iter()
                .filter(|c| c.final_decision.is_none() && is_stop(&c.recommended_decision))
                .count() as i64,
        }
    }
}

impl CaseIndex {
    /// The watched triggers as `case_facts.watches` keeps them: codes separated by spaces.
    pub fn watches_text(&self) -> String {
        self.watches.iter().cloned().collect::<Vec<_>>().join(" ")
    }
}

impl CaseSignature {
    /// (area, highest residual band) pairs of `area_bands`.
    pub fn areas(&self) -> impl Iterator<Item = (&str, &str)> {
        self.area_bands.split(' ').filter_map(|pair| pair.split_once(':'))
    }

    pub fn rules(&self) -> impl Iterator<Item = &str> {
        self.hard_rules.split(' ').filter(|r| !r.is_empty())
    }
}

/// Component id → final decision code, from a sign-off record's decisions (spec §10.5).
pub fn finals(decisions: &[SignedDecision]) -> HashMap<String, String> {
    decisions.iter().map(|d| (d.component_id.clone(), d.final_decision.code().to_string())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn component(id: &str, recommended: &str, final_decision: Option<&str>) -> ComponentRow {
        ComponentRow {
            component_id: id.into(),
            support_types: String::new(),
            recipient_type: None,
            band0: "HIGH".into(),
            band: "HIGH".into(),
            recommended_decision: recommended.into(),
            final_decision: final_decision.map(String::from),
            hard_rules: String::new(),
            intercession_open: false,
            stopped: final_decision.is_some_and(is_stop),
        }
    }

    #[test]
    fn a_signature_holds_the_residual_bands_rules_and_stop_counts() {
        let index = CaseIndex {
            components: vec![
                component("A", "DO_NOT_PROCEED", None),
                component("B", "SUSPEND", Some("WITHDRAW")),
                component("C", "DO_NOT_PROCEED", Some("PROCEED_WITH_CONDITIONS")),
            ],
            areas: [
                ("TOR".to_string(), ("HIGH".to_string(), "SUBSTANTIAL".to_string())),
                ("DP".into(), ("HIGH".into(), "HIGH".into())),
            ]
            .into_iter()
            .collect(),
            support_types: BTreeSet::new(),
            hard_rules: ["HR2".to_string(), "HR1".to_string()].into_iter().collect(),
            open_intercessions: 0,
            watches: ["GRAVE_VIOLATION_REPORT".to_string(), "DEATH_PENALTY_CHANGE".to_string()].into_iter().collect(),
        };
        assert_eq!(index.watches_text(), "DEATH_PENALTY_CHANGE GRAVE_VIOLATION_REPORT");
        let s = index.signature();
        assert_eq!(s.area_bands, "DP:HIGH TOR:SUBSTANTIAL");
        assert_eq!(s.areas().collect::<Vec<_>>(), [("DP", "HIGH"), ("TOR", "SUBSTANTIAL")]);
        assert_eq!(s.rules().collect::<Vec<_>>(), ["HR1", "HR2"]);
        // B is stopped by its signed decision; A awaits one; C's stop was overruled.
        assert_eq!((s.stopped_components, s.pending_stops), (1, 1));
        let empty = CaseIndex::default().signature();
        assert_eq!((empty.areas().count(), empty.rules().count()), (0, 0));
    }
}
