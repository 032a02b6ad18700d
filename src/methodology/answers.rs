//! The answers document (spec §3) as typed Rust values.
//!
//! A document is only turned into these types after [`super::validate`] accepted it, so every field
//! present here is applicable and well-formed. Absent answers are `None` / empty lists.

use super::codes::*;
use super::date::Date;
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AnswersDocument {
    pub methodology_version: String,
    pub case: CaseAnswers,
    #[serde(default)]
    pub consultations: Vec<Consultation>,
    pub components: Vec<Component>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CaseAnswers {
    pub country: String,
    pub un_entity: Option<UnEntity>,
    pub office: String,
    pub programme_title: String,
    pub programme_ref: Option<String>,
    pub assessment_type: Option<AssessmentType>,
    pub trigger_event: Option<TriggerEvent>,
    pub implementation_status: Option<ImplementationStatus>,
    pub prior_interventions: Vec<PriorIntervention>,
    pub assessment_date: Option<Date>,
    pub dp_status_drugs: Option<DpStatus>,
    pub dp_mandatory_for_drugs: Option<bool>,
    pub drug_executions_5y: Option<u64>,
    pub compulsory_drug_detention_centres: Option<bool>,
    pub corporal_punishment_drug_offences: Option<bool>,
    pub mandatory_pretrial_detention_drugs: Option<bool>,
    pub drug_trial_safeguard_gaps: Option<bool>,
    pub armed_conflict_or_peace_operation: Option<bool>,
}

impl CaseAnswers {
    pub fn is_ongoing(&self) -> bool {
        self.implementation_status == Some(ImplementationStatus::Ongoing)
    }
}

/// The question ids the engine reads at one level, in spec table order: the fields of
/// [`CaseAnswers`] or [`ComponentAnswers`]. The catalogue is checked against them.
pub fn engine_questions(scope: super::catalogue::Scope) -> Vec<String> {
    let fields = match scope {
        super::catalogue::Scope::Case => serde_json::to_value(CaseAnswers::default()),
        super::catalogue::Scope::Component => serde_json::to_value(ComponentAnswers::default()),
    };
    match fields {
        Ok(serde_json::Value::Object(map)) => map.into_iter().map(|(id, _)| id).collect(),
        _ => Vec::new(),
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PriorIntervention {
    pub date: Date,
    pub level: InterventionLevel,
    pub summary: String,
    pub concern_persisted: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Consultation {
    #[serde(rename = "type")]
    pub kind: ConsultationType,
    pub date: Date,
    pub by: String,
    #[serde(default)]
    pub summary: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Component {
    pub component_id: String,
    pub answers: ComponentAnswers,
    pub evidence: Vec<Evidence>,
    #[serde(default)]
    pub measures: Vec<Measure>,
    #[serde(default)]
    pub severity: IndexMap<Area, SeverityScores>,
    #[serde(default)]
    pub overrides: Vec<Override>,
    #[serde(default)]
    pub proposed_decision: Option<ProposedDecision>,
    #[serde(default)]
    pub intercession: Option<Intercession>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ComponentAnswers {
    pub description: String,
    pub support_types: Vec<SupportType>,
    pub case_specific: Option<bool>,
    pub max_penalty: Option<MaxPenalty>,
    pub transfer_to_other_state: Option<bool>,
    pub receiving_state: Option<String>,
    pub receiving_state_torture_record: Option<Record>,
    pub equipment_categories: Vec<Equipment>,
    pub detention_facility_type: Option<Facility>,
    pub severe_detention_conditions: Option<bool>,
    pub enforcement_output_targets: Option<bool>,
    pub profiling_or_targeting: Option<bool>,
    pub affected_groups: Vec<Group>,
    pub women_minor_offence_detention: Option<bool>,
    pub law_content: Vec<LawContent>,
    pub treatment_modality: Option<TreatmentModality>,
    pub informed_consent: Option<bool>,
    pub confidentiality_safeguards: Option<bool>,
    pub eradication_involved: Option<bool>,
    pub eradication_forced: Option<bool>,
    pub indigenous_territory: Option<bool>,
    pub health_data_law_enforcement_access: Option<bool>,
    pub school_measures: Option<bool>,
    pub expected_benefits: String,
    pub withholding_consequences: String,
    pub recipient_type: Option<Recipient>,
    pub prison_under_security_ministry: Option<bool>,
    pub recipient_unit: Option<String>,
    pub violation_record: Option<Record>,
    pub violation_types: Vec<ViolationType>,
    pub accountability: Option<Accountability>,
    pub recipient_commitment: Option<Commitment>,
    pub monitoring_access: Option<MonitoringAccess>,
    pub response_actions: Vec<ResponseAction>,
    pub monitoring_plan: Option<String>,
}

impl ComponentAnswers {
    pub fn has_type(&self, t: SupportType) -> bool {
        self.support_types.contains(&t)
    }
    pub fn has_any_type(&self, types: &[SupportType]) -> bool {
        types.iter().any(|t| self.has_type(*t))
    }
    pub fn has_equipment(&self, e: Equipment) -> bool {
        self.equipment_categories.contains(&e)
    }
    pub fn has_group(&self, g: Group) -> bool {
        self.affected_groups.contains(&g)
    }
    pub fn has_law(&self, l: LawContent) -> bool {
        self.law_content.contains(&l)
    }
    pub fn recipient_is(&self, test: impl Fn(Recipient) -> bool) -> bool {
        self.recipient_type.is_some_and(test)
    }
    pub fn compulsory_treatment(&self) -> bool {
        self.treatment_modality == Some(TreatmentModality::CompulsoryOrDetentionBased)
    }
    pub fn case_specific_death(&self) -> bool {
        self.case_specific == Some(true) && self.max_penalty == Some(MaxPenalty::Death)
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Evidence {
    pub id: String,
    pub source_type: EvidenceSource,
    pub date: Date,
    pub reference: String,
    pub reliability: Reliability,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Measure {
    pub code: MeasureCode,
    pub target_areas: Vec<Area>,
    pub status: MeasureStatus,
    pub resourced: bool,
    pub has_indicator: bool,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub responsible: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SeverityScores {
    pub scale: Option<u8>,
    pub scope: Option<u8>,
    pub irremediability: Option<u8>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Override {
    pub target: OverrideTarget,
    #[serde(default)]
    pub area: Option<Area>,
    /// NEXUS: a Nexus code; L0: an integer 1–5; HRDDP_APPLICABLE: a boolean.
    pub value: serde_json::Value,
    pub justification: String,
    pub evidence_ids: Vec<String>,
    #[serde(default)]
    pub hr_adviser_concurred: Option<bool>,
}

impl Override {
    pub fn concurred(&self) -> bool {
        self.hr_adviser_concurred == Some(true)
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ProposedDecision {
    pub decision: FinalDecision,
    #[serde(default)]
    pub justification: Option<String>,
    #[serde(default)]
    pub hr_adviser_concurred: Option<bool>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Intercession {
    pub date: Date,
    pub level: InterventionLevel,
    pub requested_action: String,
    pub deadline: Date,
    pub status: IntercessionStatus,
}
