//! The result document (spec §8): what the engine returns for a valid answers document.
//! Field order follows the spec so that printed results read like the worked examples.

use super::codes::*;
use super::date::Date;
use super::validate::ValidationError;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::Arc;

/// What scoring a document yields: either the result or the validation errors.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum ScoreOutcome {
    Valid(Box<ResultDocument>),
    Invalid(InvalidDocument),
}

impl ScoreOutcome {
    pub fn is_valid(&self) -> bool {
        matches!(self, ScoreOutcome::Valid(_))
    }

    pub fn result(&self) -> Option<&ResultDocument> {
        match self {
            ScoreOutcome::Valid(r) => Some(r),
            ScoreOutcome::Invalid(_) => None,
        }
    }

    pub fn errors(&self) -> &[ValidationError] {
        match self {
            ScoreOutcome::Valid(_) => &[],
            ScoreOutcome::Invalid(i) => &i.errors,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct InvalidDocument {
    pub methodology_version: Option<String>,
    pub valid: bool,
    pub errors: Vec<ValidationError>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ResultDocument {
    pub methodology_version: String,
    pub valid: bool,
    pub errors: Vec<ValidationError>,
    pub components: Vec<ComponentResult>,
    pub overall_band: Band,
    pub overall_decision: RecommendedDecision,
    pub approval_level_required: u8,
    pub consultations_required: ConsultationsRequired,
    pub blocking_items: Vec<BlockingItem>,
    pub can_submit: bool,
    pub next_review_date: Option<Date>,
}

#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct ConsultationsRequired {
    #[serde(rename = "OHCHR_HR_ADVISER")]
    pub ohchr_hr_adviser: bool,
    #[serde(rename = "RC_UNCT_HOM")]
    pub rc_unct_hom: bool,
    #[serde(rename = "LEGAL_OFFICE")]
    pub legal_office: bool,
    #[serde(rename = "HRDDP_LETTER")]
    pub hrddp_letter: bool,
}

impl ConsultationsRequired {
    pub fn get(&self, kind: ConsultationType) -> bool {
        match kind {
            ConsultationType::OhchrHrAdviser => self.ohchr_hr_adviser,
            ConsultationType::RcUnctHom => self.rc_unct_hom,
            ConsultationType::LegalOffice => self.legal_office,
            ConsultationType::HrddpLetter => self.hrddp_letter,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ComponentResult {
    pub component_id: String,
    pub hrddp_applicable: bool,
    pub hrddp_applicable_computed: bool,
    pub areas: Vec<AreaResult>,
    pub band0: Band,
    pub band: Band,
    pub hard_rules_fired: Vec<HardRule>,
    pub hard_rule_details: Vec<HardRuleDetail>,
    pub recommended_decision: RecommendedDecision,
    pub decision_basis: Vec<String>,
    pub approval_level_required: u8,
    pub override_request: bool,
    pub proposed_decision: Option<FinalDecision>,
    pub overrides: Vec<OverrideReport>,
    pub blocking_items: Vec<BlockingItem>,
    pub next_review_date: Option<Date>,
    pub monitoring_frequency_months: Option<u8>,
    pub watch_triggers: Vec<TriggerEvent>,
    pub notes: Vec<String>,
}

impl ComponentResult {
    pub fn area(&self, area: Area) -> &AreaResult {
        &self.areas[area as usize]
    }
    pub fn fired(&self, rule: HardRule) -> bool {
        self.hard_rules_fired.contains(&rule)
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum AreaResult {
    Triggered(Box<TriggeredArea>),
    NotTriggered(UntriggeredArea),
}

impl AreaResult {
    pub fn code(&self) -> Area {
        match self {
            AreaResult::Triggered(a) => a.area,
            AreaResult::NotTriggered(a) => a.area,
        }
    }
    pub fn triggered(&self) -> Option<&TriggeredArea> {
        match self {
            AreaResult::Triggered(a) => Some(a),
            AreaResult::NotTriggered(_) => None,
        }
    }
    pub fn nexus(&self) -> Nexus {
        match self {
            AreaResult::Triggered(a) => a.nexus,
            AreaResult::NotTriggered(a) => a.nexus,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct UntriggeredArea {
    pub area: Area,
    pub name: Arc<str>,
    pub triggered: bool,
    pub nexus: Nexus,
    pub standards: Arc<[String]>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct TriggeredArea {
    pub area: Area,
    pub name: Arc<str>,
    pub triggered: bool,
    pub trigger_reasons: Vec<String>,
    pub nexus: Nexus,
    pub content_rule: bool,
    pub l0: u8,
    pub l0_terms: Vec<Term>,
    pub h8_applied: bool,
    pub s: u8,
    pub s_terms: SeverityTerms,
    pub r0: u8,
    pub band0: Band,
    pub measures: Vec<MeasureReport>,
    pub qualifying_measures: Vec<MeasureCode>,
    pub reduction: u8,
    pub l1: u8,
    pub l1_floors: L1Floors,
    pub r1: u8,
    pub band1: Band,
    pub standards: Arc<[String]>,
    pub explanation: Vec<String>,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TermSource {
    Generic,
    Content,
    DpStatus,
    DpCase,
    ExtCapital,
    ExtReceiving,
    IndRule,
    HltSafeguards,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Term {
    pub source: TermSource,
    pub basis: Option<String>,
    pub value: u8,
    pub mitigable: bool,
    pub unknown: bool,
    pub record: Option<i32>,
    pub record_matched: Option<bool>,
    pub context_floor: Option<i32>,
    pub context_plus: Option<i32>,
    pub accountability: Option<i32>,
    pub nexus_modifier: Option<i32>,
    pub status_value: Option<i32>,
    pub reason: String,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq)]
pub struct SeverityTerms {
    pub scale: u8,
    pub scope: u8,
    pub irremediability: u8,
    pub computed: u8,
    pub floor: u8,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct MeasureReport {
    pub code: MeasureCode,
    pub status: MeasureStatus,
    pub qualifies: bool,
    pub reasons: Vec<String>,
    pub effect: i32,
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq)]
pub struct L1Floors {
    pub content: Option<u8>,
    pub pattern: Option<u8>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct HardRuleDetail {
    pub id: HardRule,
    pub effect: Arc<str>,
    pub sources: Arc<[String]>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct OverrideReport {
    pub target: OverrideTarget,
    pub area: Option<Area>,
    pub computed: Value,
    pub value: Value,
    pub lowering: bool,
    pub applied: bool,
    pub effective: Value,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct BlockingItem {
    pub code: String,
    pub rule: Option<HardRule>,
    pub components: Vec<String>,
    pub message: String,
}
