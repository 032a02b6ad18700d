//! One named test per rule of the spec: area triggers (§5.4), hard rules (§6), precedence and
//! decisions (§7), measures and floors (§5.7–5.8), overrides (§5.9).

use crate::common::registry;
use hrdd::methodology::codes::*;
use hrdd::methodology::result::{ComponentResult, ResultDocument, TermSource, TriggeredArea};
use hrdd::methodology::score_value;
use serde_json::{json, Value};

/// A valid answers document that tests adjust one answer at a time.
struct Doc(Value);

impl Doc {
    /// Human-rights training for a ministry: nothing is triggered.
    fn new() -> Doc {
        Doc(json!({
            "methodology_version": "hrdd-2026.1",
            "case": {
                "country": "XK", "un_entity": "UNODC", "office": "Country Office", "programme_title": "Test programme",
                "assessment_type": "NEW", "implementation_status": "NOT_STARTED", "assessment_date": "2026-08-31",
                "dp_status_drugs": "DP_BUT_NOT_FOR_DRUGS", "compulsory_drug_detention_centres": false,
                "corporal_punishment_drug_offences": false, "mandatory_pretrial_detention_drugs": false,
                "drug_trial_safeguard_gaps": false, "armed_conflict_or_peace_operation": false
            },
            "consultations": [],
            "components": [{
                "component_id": "C1",
                "answers": {
                    "description": "Support", "support_types": ["ST2"], "affected_groups": [],
                    "expected_benefits": "Benefits", "withholding_consequences": "Consequences",
                    "recipient_type": "MINISTRY", "violation_record": "NONE_KNOWN", "accountability": "PARTIAL"
                },
                "evidence": [{"id": "E1", "source_type": "NHRI", "date": "2026-03-10", "reference": "Report", "reliability": "HIGH"}]
            }]
        }))
    }

    /// Operational capacity-building (ST3) for a police unit with a written HRDDP commitment.
    fn police() -> Doc {
        Doc::new()
            .ans("support_types", json!(["ST3"]))
            .ans("case_specific", json!(false))
            .ans("enforcement_output_targets", json!(false))
            .ans("profiling_or_targeting", json!(false))
            .ans("recipient_type", json!("POLICE"))
            .ans("recipient_unit", json!("Anti-narcotics unit"))
            .ans("recipient_commitment", json!("WRITTEN"))
            .ans("monitoring_access", json!("GRANTED"))
    }

    fn case(mut self, key: &str, value: Value) -> Doc {
        self.0["case"][key] = value;
        self
    }
    fn ans(mut self, key: &str, value: Value) -> Doc {
        self.0["components"][0]["answers"][key] = value;
        self
    }
    fn no_ans(mut self, key: &str) -> Doc {
        self.0["components"][0]["answers"].as_object_mut().unwrap().remove(key);
        self
    }
    fn comp(mut self, key: &str, value: Value) -> Doc {
        self.0["components"][0][key] = value;
        self
    }
    fn measure(mut self, code: &str, areas: &[&str], status: &str) -> Doc {
        let m =
            json!({"code": code, "target_areas": areas, "status": status, "resourced": true, "has_indicator": true});
        let c = &mut self.0["components"][0];
        if c.get("measures").is_none() {
            c["measures"] = json!([]);
        }
        c["measures"].as_array_mut().unwrap().push(m);
        self
    }
    fn consult(mut self, kind: &str) -> Doc {
        self.0["consultations"]
            .as_array_mut()
            .unwrap()
            .push(json!({"type": kind, "date": "2026-08-01", "by": "Adviser"}));
        self
    }
    fn score(&self) -> ResultDocument {
        let outcome = score_value(registry(), &self.0);
        match outcome.result() {
            Some(r) => r.clone(),
            None => panic!("test document invalid: {:#?}", outcome.errors()),
        }
    }
}

fn c1(r: &ResultDocument) -> &ComponentResult {
    &r.components[0]
}

fn area(r: &ResultDocument, a: Area) -> TriggeredArea {
    c1(r).area(a).triggered().unwrap_or_else(|| panic!("{a} should be triggered")).clone()
}

fn triggered(r: &ResultDocument, a: Area) -> bool {
    c1(r).area(a).triggered().is_some()
}

fn blocking_codes(r: &ResultDocument) -> Vec<String> {
    r.blocking_items.iter().map(|b| b.code.clone()).collect()
}

// ----- baseline --------------------------------------------------------------------------------------

#[test]
fn training_for_a_ministry_triggers_nothing_and_proceeds() {
    let r = Doc::new().score();
    assert!(Area::ALL.iter().all(|a| !triggered(&r, *a)));
    assert_eq!(c1(&r).notes, vec!["TRAINING_NOT_A_SUBSTITUTE", "NO_AREA_TRIGGERED"]);
    assert_eq!(r.overall_decision, RecommendedDecision::Proceed);
    assert_eq!(r.next_review_date.unwrap().to_string(), "2027-08-31");
    assert!(r.can_submit);
}

// ----- nexus (§4.2) and HRDDP (§4.3) ---------------------------------------------------------------

#[test]
fn nexus_st9_is_direct_for_detention_areas_only() {
    let r = Doc::new()
        .ans("support_types", json!(["ST9"]))
        .ans("detention_facility_type", json!("PRISON"))
        .ans("severe_detention_conditions", json!(false))
        .ans("recipient_type", json!("PRISON_ADMINISTRATION"))
        .ans("prison_under_security_ministry", json!(false))
        .ans("recipient_unit", json!("Central prison"))
        .ans("monitoring_access", json!("GRANTED"))
        .score();
    let c = c1(&r);
    for a in [Area::Tor, Area::Arb, Area::Detc] {
        assert_eq!(c.area(a).nexus(), Nexus::Direct, "{a}");
    }
    assert_eq!(c.area(Area::Ejk).nexus(), Nexus::Indirect);
    assert!(!c.hrddp_applicable, "a prison under a justice ministry is not a security force");
}

#[test]
fn hrddp_applies_to_prisons_under_a_security_ministry() {
    let r = Doc::new()
        .ans("support_types", json!(["ST9"]))
        .ans("detention_facility_type", json!("PRISON"))
        .ans("severe_detention_conditions", json!(false))
        .ans("recipient_type", json!("PRISON_ADMINISTRATION"))
        .ans("prison_under_security_ministry", json!(true))
        .ans("recipient_unit", json!("Central prison"))
        .ans("recipient_commitment", json!("WRITTEN"))
        .ans("monitoring_access", json!("GRANTED"))
        .score();
    assert!(c1(&r).hrddp_applicable && c1(&r).hrddp_applicable_computed);
    assert!(c1(&r).fired(HardRule::H6));
    assert!(r.consultations_required.hrddp_letter);
}

#[test]
fn st8_is_direct_only_when_case_specific() {
    let base = Doc::new()
        .ans("support_types", json!(["ST8"]))
        .ans("enforcement_output_targets", json!(false))
        .ans("recipient_type", json!("PROSECUTION"));
    let r = base.ans("case_specific", json!(false)).score();
    assert_eq!(c1(&r).area(Area::Ftr).nexus(), Nexus::Indirect);
    let r = Doc(r_doc_case_specific()).score();
    assert_eq!(c1(&r).area(Area::Ftr).nexus(), Nexus::Direct);
}

fn r_doc_case_specific() -> Value {
    Doc::new()
        .ans("support_types", json!(["ST8"]))
        .ans("enforcement_output_targets", json!(false))
        .ans("recipient_type", json!("PROSECUTION"))
        .ans("case_specific", json!(true))
        .ans("max_penalty", json!("LIFE"))
        .ans("transfer_to_other_state", json!(false))
        .0
}

// ----- area triggers and terms (§5.4) ----------------------------------------------------------------

#[test]
fn dp_status_term_needs_a_dp_function_recipient() {
    let r = Doc::police()
        .case("dp_status_drugs", json!("DRUG_DP_EXECUTING"))
        .case("dp_mandatory_for_drugs", json!(false))
        .score();
    let dp = area(&r, Area::Dp);
    assert_eq!(dp.l0_terms[0].source, TermSource::DpStatus);
    assert_eq!((dp.l0_terms[0].status_value, dp.l0, dp.s), (Some(4), 4, 5));
    assert_eq!(dp.band0, Band::High);

    let ministry = Doc::new()
        .case("dp_status_drugs", json!("DRUG_DP_EXECUTING"))
        .case("dp_mandatory_for_drugs", json!(false))
        .score();
    assert!(!triggered(&ministry, Area::Dp));
}

#[test]
fn dp_status_mandatory_death_penalty_raises_status_to_5() {
    let r = Doc::police()
        .case("dp_status_drugs", json!("DRUG_DP_EXECUTING"))
        .case("dp_mandatory_for_drugs", json!(true))
        .score();
    assert_eq!(area(&r, Area::Dp).l0_terms[0].status_value, Some(5));
    assert_eq!(area(&r, Area::Dp).l0, 5);
}

#[test]
fn dp_status_unknown_is_precautionary_and_fires_h8() {
    let r = Doc::police().case("dp_status_drugs", json!("UNKNOWN")).score();
    let dp = area(&r, Area::Dp);
    assert!(dp.h8_applied && dp.l0 >= 3);
    assert!(c1(&r).fired(HardRule::H8));
}

#[test]
fn dp_case_with_death_penalty_is_5_and_fires_h1a_stop_without_assurances() {
    let r = Doc::police()
        .ans("case_specific", json!(true))
        .ans("max_penalty", json!("DEATH"))
        .ans("transfer_to_other_state", json!(false))
        .ans("response_actions", json!(["DECLINE"]))
        .score();
    let dp = area(&r, Area::Dp);
    assert!(dp
        .l0_terms
        .iter()
        .any(|t| t.source == TermSource::DpCase && t.value == 5 && t.basis.as_deref() == Some("MAX_PENALTY_DEATH")));
    assert!(c1(&r).fired(HardRule::H1a));
    assert_eq!(c1(&r).recommended_decision, RecommendedDecision::DoNotProceed);
    assert!(c1(&r).decision_basis.contains(&"H1a".to_string()));
    assert!(r.consultations_required.legal_office);
}

#[test]
fn h1a_with_qualifying_assurances_is_an_escalate_floor() {
    let r = Doc::police()
        .ans("case_specific", json!(true))
        .ans("max_penalty", json!("DEATH"))
        .ans("transfer_to_other_state", json!(false))
        .measure("M4", &["DP"], "AGREED_IN_WRITING")
        .score();
    assert!(c1(&r).fired(HardRule::H1a));
    assert!(!c1(&r).recommended_decision.is_stop(), "{:?}", c1(&r).recommended_decision);
    assert!(c1(&r).recommended_decision >= RecommendedDecision::Escalate);
    assert!(r.consultations_required.legal_office);
    // DP stays content-free, so M4's −2 applies: L0 5 → L1 3.
    assert_eq!(area(&r, Area::Dp).l1, 3);
}

#[test]
fn dp_case_unknown_penalty_is_3_and_unknown_affected() {
    let r = Doc::police()
        .ans("case_specific", json!(true))
        .ans("max_penalty", json!("UNKNOWN"))
        .ans("transfer_to_other_state", json!(false))
        .score();
    let dp = area(&r, Area::Dp);
    assert!(dp.l0_terms.iter().any(|t| t.basis.as_deref() == Some("MAX_PENALTY_UNKNOWN") && t.unknown && t.value == 3));
    assert!(dp.h8_applied);
}

#[test]
fn drafting_the_drug_death_penalty_is_a_content_rule_and_h1d_stop() {
    let r = Doc::new()
        .ans("support_types", json!(["ST1"]))
        .ans("law_content", json!(["EXPANDS_DP_DRUG"]))
        .ans("response_actions", json!(["REDESIGN"]))
        .score();
    let dp = area(&r, Area::Dp);
    assert!(dp.content_rule);
    assert_eq!(dp.l0_terms[0].basis.as_deref(), Some("LAW_EXPANDS_DP_DRUG"));
    assert!(!dp.l0_terms[0].mitigable);
    assert!(c1(&r).fired(HardRule::H1d));
    assert_eq!(c1(&r).recommended_decision, RecommendedDecision::DoNotProceed);
}

#[test]
fn tor_generic_for_custodial_recipient_and_corporal_punishment_floor_for_judiciary() {
    let r = Doc::police().score();
    assert_eq!(area(&r, Area::Tor).l0_terms[0].source, TermSource::Generic);

    let judiciary = Doc::new()
        .ans("support_types", json!(["ST8"]))
        .ans("case_specific", json!(false))
        .ans("enforcement_output_targets", json!(false))
        .ans("recipient_type", json!("JUDICIARY"))
        .case("corporal_punishment_drug_offences", json!(true))
        .score();
    let tor = area(&judiciary, Area::Tor);
    assert_eq!(tor.l0_terms[0].context_floor, Some(4));
    // max(1, 4) + 0 + 0 + INDIRECT(−1) = 3
    assert_eq!(tor.l0, 3);
}

#[test]
fn tor_content_rule_for_drafting_corporal_punishment() {
    let r = Doc::new().ans("support_types", json!(["ST1"])).ans("law_content", json!(["CORPORAL_PUNISHMENT"])).score();
    let tor = area(&r, Area::Tor);
    assert_eq!(tor.l0_terms[0].basis.as_deref(), Some("LAW_CORPORAL_PUNISHMENT"));
    assert_eq!((tor.l0, tor.l1, tor.band1), (5, 5, Band::High));
}

#[test]
fn ejk_is_triggered_only_for_security_forces() {
    assert!(triggered(&Doc::police().score(), Area::Ejk));
    let prosecution = Doc::new()
        .ans("support_types", json!(["ST8"]))
        .ans("case_specific", json!(false))
        .ans("enforcement_output_targets", json!(false))
        .ans("recipient_type", json!("PROSECUTION"))
        .score();
    assert!(!triggered(&prosecution, Area::Ejk));
}

#[test]
fn arb_context_floor_from_mandatory_pretrial_detention() {
    let r = Doc::police().case("mandatory_pretrial_detention_drugs", json!(true)).score();
    let arb = area(&r, Area::Arb);
    assert_eq!(arb.l0_terms[0].context_floor, Some(3));
    assert_eq!(arb.l0, 3);
}

#[test]
fn arb_and_hlt_content_rules_for_compulsory_treatment_and_h4_stop() {
    let r = Doc::new()
        .ans("support_types", json!(["ST10"]))
        .ans("treatment_modality", json!("COMPULSORY_OR_DETENTION_BASED"))
        .ans("informed_consent", json!(false))
        .ans("confidentiality_safeguards", json!(true))
        .ans("health_data_law_enforcement_access", json!(false))
        .ans("recipient_type", json!("HEALTH_SERVICE"))
        .ans("response_actions", json!(["DECLINE"]))
        .score();
    assert!(area(&r, Area::Arb).l0_terms.iter().any(|t| t.basis.as_deref() == Some("TREATMENT_COMPULSORY")));
    let hlt = area(&r, Area::Hlt);
    assert!(hlt.content_rule && hlt.s_terms.floor == 4);
    assert!(hlt.l0_terms.iter().any(|t| t.source == TermSource::HltSafeguards));
    assert!(c1(&r).fired(HardRule::H4));
    assert_eq!(c1(&r).recommended_decision, RecommendedDecision::DoNotProceed);
}

#[test]
fn arb_content_rule_for_a_compulsory_drug_detention_centre() {
    let r = Doc::new()
        .ans("support_types", json!(["ST9"]))
        .ans("detention_facility_type", json!("COMPULSORY_DRUG_DETENTION_CENTRE"))
        .ans("severe_detention_conditions", json!(false))
        .ans("recipient_type", json!("HEALTH_SERVICE"))
        .ans("monitoring_access", json!("GRANTED"))
        .ans("response_actions", json!(["DECLINE"]))
        .score();
    assert!(area(&r, Area::Arb).l0_terms.iter().any(|t| t.basis.as_deref() == Some("FACILITY_COMPULSORY_CENTRE")));
    assert!(c1(&r).fired(HardRule::H4));
}

#[test]
fn detc_adds_one_for_severe_conditions() {
    let r = Doc::new()
        .ans("support_types", json!(["ST9"]))
        .ans("detention_facility_type", json!("PRISON"))
        .ans("severe_detention_conditions", json!(true))
        .ans("recipient_type", json!("PRISON_ADMINISTRATION"))
        .ans("prison_under_security_ministry", json!(false))
        .ans("recipient_unit", json!("Prison"))
        .ans("monitoring_access", json!("GRANTED"))
        .score();
    let detc = area(&r, Area::Detc);
    assert_eq!(detc.l0_terms[0].context_plus, Some(1));
    assert_eq!(detc.l0, 2);
}

#[test]
fn ftr_severity_floor_is_5_in_a_sentencing_state_and_plus_one_for_safeguard_gaps() {
    let r = Doc::new()
        .ans("support_types", json!(["ST8"]))
        .ans("case_specific", json!(false))
        .ans("enforcement_output_targets", json!(false))
        .ans("recipient_type", json!("JUDICIARY"))
        .case("dp_status_drugs", json!("DRUG_DP_SENTENCING"))
        .case("dp_mandatory_for_drugs", json!(false))
        .case("drug_trial_safeguard_gaps", json!(true))
        .score();
    let ftr = area(&r, Area::Ftr);
    assert_eq!(ftr.s_terms.floor, 5);
    assert_eq!(ftr.l0_terms[0].context_plus, Some(1));
}

#[test]
fn ext_terms_for_a_transfer_to_a_state_with_a_torture_pattern() {
    let r = Doc::police()
        .ans("support_types", json!(["ST5"]))
        .ans("case_specific", json!(true))
        .ans("max_penalty", json!("LIFE"))
        .ans("transfer_to_other_state", json!(true))
        .ans("receiving_state", json!("XY"))
        .ans("receiving_state_torture_record", json!("CREDIBLE_PATTERN"))
        .ans("response_actions", json!(["INTERCEDE"]))
        .score();
    let ext = area(&r, Area::Ext);
    assert_eq!(ext.l0_terms[0].source, TermSource::ExtReceiving);
    assert_eq!((ext.l0, ext.s), (4, 5));
    assert!(r.consultations_required.legal_office, "EXT triggered requires the legal office");
    // HRDDP applies and EXT is HIGH: H2 stop, INTERCEDE present so no MISSING_INTERCEDE_ACTION.
    assert!(c1(&r).fired(HardRule::H2));
    assert!(!blocking_codes(&r).contains(&"MISSING_INTERCEDE_ACTION".to_string()));
}

#[test]
fn ext_is_reduced_only_by_assurances() {
    let base = || {
        Doc::police()
            .ans("support_types", json!(["ST5"]))
            .ans("case_specific", json!(true))
            .ans("max_penalty", json!("LIFE"))
            .ans("transfer_to_other_state", json!(true))
            .ans("receiving_state", json!("XY"))
            .ans("receiving_state_torture_record", json!("ISOLATED_INVESTIGATED"))
    };
    let m1 = base().measure("M1", &["EXT"], "IN_PLACE").score();
    let ext = area(&m1, Area::Ext);
    assert_eq!((ext.reduction, ext.measures[0].note.as_deref()), (0, Some("NOT_APPLICABLE_TO_AREA")));
    let m4 = base().measure("M4", &["EXT"], "IN_PLACE").score();
    assert_eq!(area(&m4, Area::Ext).reduction, 2);
}

#[test]
fn dis_requires_enforcement_and_affected_groups_or_profiling() {
    let r = Doc::police().ans("profiling_or_targeting", json!(true)).score();
    assert_eq!(area(&r, Area::Dis).l0_terms[0].context_plus, Some(1));
    assert!(!triggered(&Doc::police().score(), Area::Dis));
}

#[test]
fn chi_content_rule_for_school_measures() {
    let r = Doc::police().ans("affected_groups", json!(["CHILDREN"])).ans("school_measures", json!(true)).score();
    let chi = area(&r, Area::Chi);
    assert!(chi.l0_terms.iter().any(|t| t.basis.as_deref() == Some("SCHOOL_MEASURES") && t.value == 5));
    assert_eq!(chi.l1, 5);
}

#[test]
fn gen_adds_one_for_women_detained_for_minor_offences() {
    let r = Doc::police()
        .ans("affected_groups", json!(["WOMEN"]))
        .ans("women_minor_offence_detention", json!(true))
        .score();
    assert_eq!(area(&r, Area::Gen).l0_terms[0].context_plus, Some(1));
}

#[test]
fn ind_rule_is_5_in_indigenous_territory_and_2_otherwise() {
    let base = || {
        Doc::new()
            .ans("support_types", json!(["ST11"]))
            .ans("eradication_involved", json!(false))
            .ans("recipient_type", json!("MINISTRY"))
    };
    let inside = base().ans("indigenous_territory", json!(true)).score();
    assert_eq!(area(&inside, Area::Ind).l0, 5);
    let outside = base().ans("indigenous_territory", json!(false)).score();
    let ind = area(&outside, Area::Ind);
    assert_eq!((ind.l0, ind.l0_terms[0].basis.as_deref()), (2, Some("OTHER")));
    let fpic = base().ans("indigenous_territory", json!(true)).measure("M10", &["IND"], "VERIFIED").score();
    assert_eq!(area(&fpic, Area::Ind).l1, 3);
}

#[test]
fn health_data_open_to_law_enforcement_is_a_content_rule_in_hlt_and_surv() {
    let r = Doc::new()
        .ans("support_types", json!(["ST10"]))
        .ans("treatment_modality", json!("VOLUNTARY_COMMUNITY"))
        .ans("informed_consent", json!(true))
        .ans("confidentiality_safeguards", json!(true))
        .ans("health_data_law_enforcement_access", json!(true))
        .ans("recipient_type", json!("HEALTH_SERVICE"))
        .score();
    assert!(area(&r, Area::Hlt).content_rule);
    assert!(area(&r, Area::Surv).content_rule);
}

#[test]
fn voluntary_consensual_confidential_treatment_does_not_trigger_hlt() {
    let r = Doc::new()
        .ans("support_types", json!(["ST10"]))
        .ans("treatment_modality", json!("VOLUNTARY_COMMUNITY"))
        .ans("informed_consent", json!(true))
        .ans("confidentiality_safeguards", json!(true))
        .ans("health_data_law_enforcement_access", json!(false))
        .ans("recipient_type", json!("HEALTH_SERVICE"))
        .score();
    assert!(!triggered(&r, Area::Hlt));
}

#[test]
fn surv_generic_for_surveillance_it() {
    let r = Doc::police()
        .ans("support_types", json!(["ST4"]))
        .no_ans("case_specific")
        .ans("equipment_categories", json!(["SURVEILLANCE_OR_INTEL_IT"]))
        .ans("health_data_law_enforcement_access", json!(false))
        .score();
    assert_eq!(area(&r, Area::Surv).l0_terms[0].source, TermSource::Generic);
}

#[test]
fn generic_record_counts_only_matching_violation_types() {
    let r = Doc::police()
        .ans("violation_record", json!("SYSTEMATIC"))
        .ans("violation_types", json!(["UNFAIR_TRIAL"]))
        .score();
    let tor = area(&r, Area::Tor);
    assert_eq!((tor.l0_terms[0].record, tor.l0_terms[0].record_matched), (Some(1), Some(false)));
}

// ----- severity, measures, floors ------------------------------------------------------------------

#[test]
fn severity_sub_scores_raise_but_never_lower_below_the_floor() {
    let r = Doc::police()
        .ans("affected_groups", json!(["WOMEN"]))
        .ans("women_minor_offence_detention", json!(false))
        .comp("severity", json!({"GEN": {"scale": 5, "scope": 5, "irremediability": 4}, "TOR": {"scale": 1, "scope": 1, "irremediability": 1}}))
        .score();
    assert_eq!(area(&r, Area::Gen).s, 5);
    assert_eq!(area(&r, Area::Tor).s, 5, "TOR's floor of 5 binds");
}

#[test]
fn measures_qualify_only_when_agreed_resourced_and_indicated() {
    let r = Doc::police().measure("M2", &["TOR"], "PROPOSED").score();
    let m = &area(&r, Area::Tor).measures[0];
    assert!(!m.qualifies);
    assert_eq!(m.reasons, vec!["STATUS_PROPOSED"]);
}

#[test]
fn m3_needs_a_written_commitment_and_m5_needs_monitoring_access() {
    let r = Doc::police()
        .ans("recipient_commitment", json!("VERBAL"))
        .ans("monitoring_access", json!("DENIED"))
        .measure("M3", &["TOR"], "IN_PLACE")
        .measure("M5", &["TOR"], "IN_PLACE")
        .score();
    let tor = area(&r, Area::Tor);
    assert_eq!(tor.measures[0].reasons, vec!["NO_WRITTEN_COMMITMENT"]);
    assert_eq!(tor.measures[1].reasons, vec!["MONITORING_ACCESS_DENIED"]);
    assert_eq!(tor.reduction, 0);
}

#[test]
fn reduction_is_capped_at_two_and_each_code_counts_once() {
    let r = Doc::police()
        .ans("violation_record", json!("CREDIBLE_NOT_INVESTIGATED"))
        .ans("violation_types", json!(["TORTURE_ILL_TREATMENT"]))
        .ans("accountability", json!("NONE_IMPUNITY"))
        .measure("M2", &["TOR"], "IN_PLACE")
        .measure("M2", &["TOR"], "IN_PLACE")
        .measure("M6", &["TOR"], "IN_PLACE")
        .measure("M7", &["TOR"], "IN_PLACE")
        .score();
    let tor = area(&r, Area::Tor);
    assert_eq!(tor.qualifying_measures, vec![MeasureCode::M2, MeasureCode::M6, MeasureCode::M7]);
    assert_eq!((tor.l0, tor.reduction, tor.l1), (4, 2, 2));
}

#[test]
fn training_never_reduces_likelihood_and_fires_h9() {
    let r = Doc::police().measure("M9", &["TOR"], "VERIFIED").score();
    let tor = area(&r, Area::Tor);
    assert_eq!((tor.reduction, tor.measures[0].note.as_deref()), (0, Some("NO_EFFECT_BY_RULE")));
    assert!(c1(&r).fired(HardRule::H9));
}

#[test]
fn content_floor_keeps_l1_at_the_content_level() {
    let r = Doc::new()
        .ans("support_types", json!(["ST1"]))
        .ans("law_content", json!(["CRIMINALISES_USE_OR_POSSESSION"]))
        .measure("M1", &["ARB"], "VERIFIED")
        .score();
    let arb = area(&r, Area::Arb);
    assert_eq!((arb.l0, arb.l1, arb.l1_floors.content), (3, 3, Some(3)));
}

#[test]
fn pattern_floor_is_3_unless_m1_excludes_the_unit() {
    let base = || {
        Doc::police()
            .ans("violation_record", json!("CREDIBLE_PATTERN"))
            .ans("violation_types", json!(["TORTURE_ILL_TREATMENT"]))
            .ans("accountability", json!("EFFECTIVE_DEMONSTRATED"))
            .ans("response_actions", json!(["INTERCEDE"]))
    };
    let r = base().measure("M2", &["TOR"], "IN_PLACE").measure("M6", &["TOR"], "IN_PLACE").score();
    let tor = area(&r, Area::Tor);
    assert_eq!((tor.l0, tor.reduction, tor.l1, tor.l1_floors.pattern), (3, 2, 3, Some(3)));
    let m1 = base().measure("M1", &["TOR"], "IN_PLACE").score();
    let tor = area(&m1, Area::Tor);
    assert_eq!((tor.l1, tor.l1_floors.pattern), (2, Some(2)));
}

// ----- hard rules (§6) -------------------------------------------------------------------------------

fn executing_police() -> Doc {
    Doc::police().case("dp_status_drugs", json!("DRUG_DP_EXECUTING")).case("dp_mandatory_for_drugs", json!(false))
}

#[test]
fn h1b_state_executing_drug_offenders_is_an_escalate_floor() {
    let r = executing_police().measure("M1", &["DP"], "VERIFIED").measure("M7", &["DP"], "VERIFIED").score();
    assert!(c1(&r).fired(HardRule::H1b));
    assert_eq!(c1(&r).recommended_decision, RecommendedDecision::Escalate);
    assert_eq!(c1(&r).decision_basis, vec!["H1b"]);
}

#[test]
fn h1c_temporary_freeze_after_persistent_high_level_interventions() {
    let r = executing_police()
        .case("implementation_status", json!("ONGOING"))
        .case("prior_interventions", json!([{"date": "2026-01-10", "level": "HEAD_OF_OFFICE", "summary": "Raised executions", "concern_persisted": true}]))
        .ans("response_actions", json!(["INTERCEDE"]))
        .score();
    assert!(c1(&r).fired(HardRule::H1c));
    assert_eq!(c1(&r).recommended_decision, RecommendedDecision::TemporaryFreeze);
    assert_eq!(r.overall_decision, RecommendedDecision::TemporaryFreeze);
    assert_eq!(c1(&r).next_review_date, None);
}

#[test]
fn h1c_does_not_fire_when_the_concern_did_not_persist() {
    let r = executing_police()
        .case("implementation_status", json!("ONGOING"))
        .case(
            "prior_interventions",
            json!([{"date": "2026-01-10", "level": "EXECUTIVE_HEAD", "summary": "Raised", "concern_persisted": false}]),
        )
        .ans("response_actions", json!(["INTERCEDE"]))
        .score();
    assert!(!c1(&r).fired(HardRule::H1c));
    assert_eq!(c1(&r).recommended_decision, RecommendedDecision::Suspend, "band HIGH on ongoing support suspends");
}

#[test]
fn h2_real_risk_of_grave_violations_stops_and_requires_intercession() {
    let r = Doc::police()
        .ans("violation_record", json!("SYSTEMATIC"))
        .ans("violation_types", json!(["EXTRAJUDICIAL_KILLING"]))
        .ans("accountability", json!("NONE_IMPUNITY"))
        .ans("response_actions", json!(["REDESIGN"]))
        .score();
    assert!(c1(&r).fired(HardRule::H2));
    assert!(c1(&r).fired(HardRule::H11));
    assert_eq!(c1(&r).recommended_decision, RecommendedDecision::DoNotProceed);
    assert!(blocking_codes(&r).contains(&"MISSING_INTERCEDE_ACTION".to_string()));
}

#[test]
fn h2_counts_arb_only_with_enforced_disappearance() {
    let arb_high = |types: Value| {
        Doc::police()
            .case("mandatory_pretrial_detention_drugs", json!(true))
            .ans("violation_record", json!("SYSTEMATIC"))
            .ans("violation_types", types)
            .ans("accountability", json!("NONE_IMPUNITY"))
            .ans("response_actions", json!(["INTERCEDE"]))
            .score()
    };
    let r = arb_high(json!(["ARBITRARY_DETENTION"]));
    assert_eq!(area(&r, Area::Arb).band1, Band::High);
    assert!(!c1(&r).fired(HardRule::H2));
    assert!(c1(&arb_high(json!(["ENFORCED_DISAPPEARANCE"]))).fired(HardRule::H2));
}

fn grave_report_on_ongoing_support() -> Doc {
    Doc::police()
        .case("assessment_type", json!("TRIGGERED"))
        .case("trigger_event", json!("GRAVE_VIOLATION_REPORT"))
        .case("implementation_status", json!("ONGOING"))
        .case("prior_interventions", json!([]))
        .ans("violation_record", json!("CREDIBLE_NOT_INVESTIGATED"))
        .ans("violation_types", json!(["TORTURE_ILL_TREATMENT"]))
        .ans("accountability", json!("PARTIAL"))
}

#[test]
fn h3_requires_an_intercession_record() {
    let r = grave_report_on_ongoing_support().score();
    assert!(c1(&r).fired(HardRule::H3));
    assert!(blocking_codes(&r).contains(&"MISSING_INTERCESSION_RECORD".to_string()));
    assert!(!c1(&r).recommended_decision.is_stop());
}

#[test]
fn h3_suspends_when_the_intercession_deadline_passed() {
    let r = grave_report_on_ongoing_support()
        .comp("intercession", json!({"date": "2026-05-01", "level": "HEAD_OF_OFFICE", "requested_action": "Investigate", "deadline": "2026-07-01", "status": "DEADLINE_PASSED_NO_ACTION"}))
        .ans("response_actions", json!(["INTERCEDE"]))
        .score();
    assert_eq!(c1(&r).recommended_decision, RecommendedDecision::Suspend);
    assert!(c1(&r).decision_basis.contains(&"H3".to_string()));
}

#[test]
fn h5_substantial_torture_risk_in_custody_escalates() {
    let r = Doc::police()
        .ans("violation_record", json!("CREDIBLE_NOT_INVESTIGATED"))
        .ans("violation_types", json!(["TORTURE_ILL_TREATMENT"]))
        .score();
    assert_eq!(area(&r, Area::Tor).band1, Band::Substantial);
    assert!(c1(&r).fired(HardRule::H5));
    assert_eq!(c1(&r).recommended_decision, RecommendedDecision::Escalate);
    assert_eq!(c1(&r).decision_basis, vec!["BAND", "H5"]);
}

#[test]
fn h6_requires_ohchr_consultation_before_submission() {
    let r = Doc::police().score();
    assert!(c1(&r).fired(HardRule::H6));
    assert!(blocking_codes(&r).contains(&"MISSING_OHCHR_CONSULTATION".to_string()));
    let consulted = Doc::police().consult("OHCHR_HR_ADVISER").consult("HRDDP_LETTER").score();
    assert!(consulted.can_submit, "{:?}", consulted.blocking_items);
}

#[test]
fn h7_output_targets_require_a_qualifying_m8() {
    let r = Doc::police().ans("enforcement_output_targets", json!(true)).score();
    assert!(c1(&r).fired(HardRule::H7));
    assert!(blocking_codes(&r).contains(&"MISSING_M8".to_string()));
    let m8 = Doc::police().ans("enforcement_output_targets", json!(true)).measure("M8", &["ARB"], "IN_PLACE").score();
    assert!(!blocking_codes(&m8).contains(&"MISSING_M8".to_string()));
}

#[test]
fn h8_unknown_record_keeps_the_component_band_at_least_moderate() {
    let r = Doc::police()
        .ans("violation_record", json!("UNKNOWN"))
        .measure("M1", &["TOR", "EJK", "ARB"], "VERIFIED")
        .score();
    assert!(c1(&r).fired(HardRule::H8));
    assert!(c1(&r).band >= Band::Moderate);
}

#[test]
fn h10_unconcurred_lowering_override_is_ignored_and_blocks() {
    let r = Doc::police()
        .comp("overrides", json!([{"target": "NEXUS", "area": "TOR", "value": "INDIRECT", "justification": "Only vehicles", "evidence_ids": ["E1"]}]))
        .score();
    let o = &c1(&r).overrides[0];
    assert!(o.lowering && !o.applied);
    assert_eq!(o.effective, json!("DIRECT"));
    assert!(c1(&r).fired(HardRule::H10));
    assert_eq!(c1(&r).approval_level_required, 2);
    assert!(blocking_codes(&r).contains(&"OVERRIDE_CONCURRENCE_PENDING".to_string()));
}

#[test]
fn l0_override_cannot_defeat_content_rules_or_h8() {
    let r = Doc::police()
        .ans("violation_record", json!("UNKNOWN"))
        .comp("overrides", json!([{"target": "L0", "area": "TOR", "value": 1, "justification": "x", "evidence_ids": ["E1"], "hr_adviser_concurred": true}]))
        .score();
    let o = &c1(&r).overrides[0];
    assert!(o.lowering && o.applied);
    assert_eq!(area(&r, Area::Tor).l0, 3, "H8 keeps L0 at 3");
}

#[test]
fn l0_override_on_an_untriggered_area_is_not_applied() {
    let r = Doc::police()
        .comp(
            "overrides",
            json!([{"target": "L0", "area": "IND", "value": 4, "justification": "x", "evidence_ids": ["E1"]}]),
        )
        .score();
    let o = &c1(&r).overrides[0];
    assert!(!o.applied);
    assert_eq!(o.effective, Value::Null);
}

#[test]
fn hrddp_override_to_false_needs_concurrence() {
    let r = Doc::police()
        .comp("overrides", json!([{"target": "HRDDP_APPLICABLE", "value": false, "justification": "x", "evidence_ids": ["E1"], "hr_adviser_concurred": true}]))
        .score();
    assert!(!c1(&r).hrddp_applicable && c1(&r).hrddp_applicable_computed);
}

// ----- decisions, precedence, approvals (§7) ----------------------------------------------------------

#[test]
fn stop_on_ongoing_support_is_suspend_and_on_new_support_do_not_proceed() {
    let drafting = |status: &str| {
        let d = Doc::new().case("implementation_status", json!(status));
        let d = if status == "ONGOING" { d.case("prior_interventions", json!([])) } else { d };
        d.ans("support_types", json!(["ST1"])).ans("law_content", json!(["INTRODUCES_OR_RETAINS_DP_DRUG"])).score()
    };
    assert_eq!(c1(&drafting("ONGOING")).recommended_decision, RecommendedDecision::Suspend);
    assert_eq!(c1(&drafting("NOT_STARTED")).recommended_decision, RecommendedDecision::DoNotProceed);
    assert_eq!(c1(&drafting("NOT_STARTED")).approval_level_required, 3);
}

#[test]
fn decision_basis_lists_band_and_every_rule_at_the_deciding_level() {
    let r = Doc::new()
        .ans("support_types", json!(["ST1"]))
        .ans("law_content", json!(["EXPANDS_DP_DRUG", "MANDATORY_PRETRIAL_OR_MINIMUMS"]))
        .score();
    assert_eq!(c1(&r).band, Band::High);
    assert_eq!(c1(&r).decision_basis, vec!["BAND", "H1d"]);
    assert!(blocking_codes(&r).contains(&"MISSING_RESPONSE_ACTION".to_string()));
    assert!(blocking_codes(&r).contains(&"MISSING_RC_NOTIFICATION".to_string()));
}

#[test]
fn overall_values_take_the_most_restrictive_component() {
    let mut doc = Doc::new();
    let mut second = doc.0["components"][0].clone();
    second["component_id"] = json!("C2");
    second["answers"]["support_types"] = json!(["ST1"]);
    second["answers"]["law_content"] = json!(["CRIMINALISES_USE_OR_POSSESSION"]);
    doc.0["components"].as_array_mut().unwrap().push(second);
    let r = doc.score();
    assert_eq!(r.components[1].band, Band::Substantial);
    assert_eq!(r.overall_band, Band::Substantial);
    assert_eq!(r.overall_decision, RecommendedDecision::Escalate);
    assert_eq!(r.approval_level_required, 2);
    assert_eq!(r.next_review_date.unwrap().to_string(), "2027-02-28", "earliest: ESCALATE +6 months, clamped");
}

#[test]
fn a_lower_proposal_is_an_override_request_needing_justification_and_concurrence() {
    let esc = || {
        Doc::police()
            .ans("violation_record", json!("CREDIBLE_NOT_INVESTIGATED"))
            .ans("violation_types", json!(["TORTURE_ILL_TREATMENT"]))
            .ans("monitoring_plan", json!("Monthly"))
    };
    let r = esc().comp("proposed_decision", json!({"decision": "PROCEED_WITH_MITIGATION"})).score();
    assert!(c1(&r).override_request && c1(&r).fired(HardRule::H10));
    assert_eq!(c1(&r).approval_level_required, 3);
    assert!(blocking_codes(&r).contains(&"OVERRIDE_REQUEST_INCOMPLETE".to_string()));
    let ok = esc()
        .comp("proposed_decision", json!({"decision": "PROCEED_WITH_MITIGATION", "justification": "Unit excluded", "hr_adviser_concurred": true}))
        .score();
    assert!(!blocking_codes(&ok).contains(&"OVERRIDE_REQUEST_INCOMPLETE".to_string()));
}

#[test]
fn a_lower_proposal_against_a_stop_is_not_allowed() {
    let r = Doc::new()
        .ans("support_types", json!(["ST1"]))
        .ans("law_content", json!(["EXPANDS_DP_DRUG"]))
        .ans("response_actions", json!(["REDESIGN"]))
        .comp(
            "proposed_decision",
            json!({"decision": "PROCEED_WITH_CONDITIONS", "justification": "x", "hr_adviser_concurred": true}),
        )
        .score();
    assert!(!c1(&r).override_request);
    assert!(!c1(&r).fired(HardRule::H10));
    assert!(blocking_codes(&r).contains(&"OVERRIDE_REQUEST_NOT_ALLOWED".to_string()));
}

#[test]
fn moderate_band_needs_a_monitoring_plan() {
    let r = Doc::police()
        .ans("accountability", json!("NONE_IMPUNITY"))
        .consult("OHCHR_HR_ADVISER")
        .consult("HRDDP_LETTER")
        .score();
    assert_eq!(c1(&r).recommended_decision, RecommendedDecision::ProceedWithMitigation);
    assert_eq!(blocking_codes(&r), vec!["MISSING_MONITORING_PLAN"]);
    assert!(!r.can_submit);
    assert_eq!(c1(&r).monitoring_frequency_months, Some(6));
}

#[test]
fn watch_triggers_follow_the_spec_order() {
    let r = executing_police().measure("M7", &["DP"], "IN_PLACE").score();
    assert_eq!(
        c1(&r).watch_triggers,
        vec![
            TriggerEvent::DeathPenaltyChange,
            TriggerEvent::GraveViolationReport,
            TriggerEvent::NewCaseSpecificRequest,
            TriggerEvent::MonitoringBreach,
            TriggerEvent::RecipientOrSupportChange,
            TriggerEvent::ConflictOrEmergency,
            TriggerEvent::ExtensionOrNewPhase,
        ]
    );
}

/// The decision labels shown on pages are the catalogue's own words, for every value.
#[test]
fn decision_labels_match_the_catalogue() {
    use hrdd::methodology::codes::{FinalDecision, RecommendedDecision};
    for catalogue in registry().all() {
        let label = |name: &str, code: &str| {
            catalogue.enum_values(name).iter().find(|v| v.code == code).map(|v| v.label.clone()).unwrap()
        };
        for d in RecommendedDecision::ALL {
            assert_eq!(d.label(), label("RecommendedDecision", d.code()), "{d}");
        }
        for d in FinalDecision::ALL {
            assert_eq!(d.label(), label("FinalDecision", d.code()), "{d}");
        }
    }
}
