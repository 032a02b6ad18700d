//! Validation (spec §9): each error code, the undetermined-condition rule, and no cascades.

use crate::common::*;
use hrdd::methodology::score_value;
use serde_json::{json, Value};

fn errors(doc: &Value) -> Vec<(String, String)> {
    let outcome = score_value(registry(), doc);
    let mut e: Vec<(String, String)> =
        outcome.errors().iter().map(|e| (e.code.code().to_string(), e.path.clone())).collect();
    e.sort();
    e
}

fn example3() -> Value {
    example_answers("03_substantial_gendarmerie_vehicles")
}

fn has(doc: &Value, code: &str, path: &str) {
    let e = errors(doc);
    assert!(e.contains(&(code.to_string(), path.to_string())), "expected {code} at {path}, got {e:?}");
}

#[test]
fn the_examples_are_valid() {
    for name in example_names() {
        assert_eq!(errors(&example_answers(&name)), vec![], "{name}");
    }
}

#[test]
fn top_level_errors() {
    has(&json!({"case": {}, "components": []}), "MISSING_REQUIRED", "methodology_version");
    has(
        &json!({"methodology_version": "hrdd-1999.1", "case": {}, "components": []}),
        "UNSUPPORTED_VERSION",
        "methodology_version",
    );
    has(&json!({"methodology_version": "hrdd-2026.1", "case": [], "components": []}), "WRONG_TYPE", "case");
    has(&json!({"methodology_version": "hrdd-2026.1", "case": {}, "components": []}), "MISSING_REQUIRED", "components");
    has(&json!({"methodology_version": "hrdd-2026.1", "case": {}, "components": {}}), "WRONG_TYPE", "components");
    let mut doc = example3();
    doc["extra"] = json!(1);
    has(&doc, "UNKNOWN_FIELD", "extra");
    has(&json!([1, 2]), "WRONG_TYPE", "");
}

#[test]
fn invalid_output_has_exactly_the_spec_shape() {
    let out = serde_json::to_value(score_value(registry(), &json!({"methodology_version": "hrdd-2026.1"}))).unwrap();
    let keys: Vec<&String> = out.as_object().unwrap().keys().collect();
    assert_eq!(keys, vec!["methodology_version", "valid", "errors"]);
    assert_eq!(out["valid"], json!(false));
    let e = &out["errors"][0];
    for k in ["code", "path", "question_id", "display", "message"] {
        assert!(e.get(k).is_some(), "error lacks {k}");
    }
}

#[test]
fn question_errors_carry_question_id_and_display_number() {
    let mut doc = example3();
    doc["components"][0]["answers"]["support_types"] = json!(["ST4", "ST99"]);
    let outcome = score_value(registry(), &doc);
    let e = outcome.errors().iter().find(|e| e.path == "components[0].answers.support_types[1]").expect("item error");
    assert_eq!(e.code.code(), "INVALID_ENUM");
    assert_eq!(e.question_id.as_deref(), Some("support_types"));
    assert_eq!(e.display.as_deref(), Some("2.2"));
    assert!(e.message.contains("2.2"));
}

#[test]
fn answer_type_errors() {
    let mut doc = example3();
    let a = &mut doc["components"][0]["answers"];
    a["profiling_or_targeting"] = json!("no");
    a["recipient_type"] = json!("ARMY");
    a["description"] = json!("   ");
    a["affected_groups"] = json!(["WOMEN", "WOMEN"]);
    a["surprise"] = json!(true);
    doc["case"]["assessment_date"] = json!("2026-02-30");
    doc["case"]["country"] = json!("xk");
    let e = errors(&doc);
    for (code, path) in [
        ("WRONG_TYPE", "components[0].answers.profiling_or_targeting"),
        ("INVALID_ENUM", "components[0].answers.recipient_type"),
        ("MISSING_REQUIRED", "components[0].answers.description"),
        ("DUPLICATE_VALUE", "components[0].answers.affected_groups[1]"),
        ("UNKNOWN_QUESTION", "components[0].answers.surprise"),
        ("INVALID_FORMAT", "case.assessment_date"),
        ("INVALID_FORMAT", "case.country"),
    ] {
        assert!(e.contains(&(code.into(), path.into())), "expected {code} at {path}: {e:?}");
    }
}

#[test]
fn answering_an_inapplicable_question_is_condition_not_met() {
    let mut doc = example3();
    doc["components"][0]["answers"]["treatment_modality"] = json!("VOLUNTARY_COMMUNITY");
    doc["case"]["trigger_event"] = json!("MONITORING_BREACH");
    has(&doc, "CONDITION_NOT_MET", "components[0].answers.treatment_modality");
    has(&doc, "CONDITION_NOT_MET", "case.trigger_event");
}

#[test]
fn a_missing_conditional_answer_is_missing_required() {
    let mut doc = example3();
    doc["components"][0]["answers"].as_object_mut().unwrap().remove("equipment_categories");
    has(&doc, "MISSING_REQUIRED", "components[0].answers.equipment_categories");
}

#[test]
fn undetermined_conditions_do_not_cascade() {
    // support_types is invalid: questions conditional on it report neither MISSING_REQUIRED nor
    // CONDITION_NOT_MET, but a present value is still type-checked.
    let mut doc = example3();
    let a = &mut doc["components"][0]["answers"];
    a["support_types"] = json!("ST4");
    a["enforcement_output_targets"] = json!("yes");
    let e = errors(&doc);
    assert!(e.contains(&("WRONG_TYPE".into(), "components[0].answers.support_types".into())));
    assert!(e.contains(&("WRONG_TYPE".into(), "components[0].answers.enforcement_output_targets".into())));
    assert!(!e.iter().any(|(c, p)| p.contains("equipment_categories") || c == "CONDITION_NOT_MET"), "{e:?}");
}

#[test]
fn null_is_absent() {
    let mut doc = example3();
    doc["case"]["programme_ref"] = Value::Null;
    assert_eq!(errors(&doc), vec![]);
    doc["case"]["office"] = Value::Null;
    has(&doc, "MISSING_REQUIRED", "case.office");
}

/// Spec §9.1: a condition that reads an invalid answer is undetermined even when another operand
/// would decide it. `support_types: []` is invalid (at least one), so 2.9b's condition
/// "ST11 in 2.1 or indigenous peoples in 2.6" is undetermined although 2.6 alone would make it true:
/// no MISSING_REQUIRED for 2.9b, only the error on 2.1.
#[test]
fn a_condition_reading_an_invalid_answer_is_undetermined() {
    let mut doc = example3();
    let a = &mut doc["components"][0]["answers"];
    a["support_types"] = json!([]);
    a["affected_groups"] = json!(["INDIGENOUS_PEOPLES"]);
    a.as_object_mut().unwrap().remove("indigenous_territory");
    let e = errors(&doc);
    assert!(e.iter().any(|(_, p)| p == "components[0].answers.support_types"), "{e:?}");
    assert!(!e.iter().any(|(_, p)| p.ends_with("indigenous_territory")), "2.9b is undetermined: {e:?}");
    // With a valid 2.1 the same 2.6 decides it: 2.9b is required.
    doc["components"][0]["answers"]["support_types"] = json!(["ST1"]);
    has(&doc, "MISSING_REQUIRED", "components[0].answers.indigenous_territory");
}

/// A null list or part is absent for scoring too (spec §3: null is absent): `"overrides": null`
/// scores exactly like no overrides, instead of failing after validation with an internal error.
#[test]
fn null_lists_and_parts_score_as_absent() {
    use hrdd::methodology::draft::score_draft;
    let registry = crate::common::registry();
    let plain = example3();
    let expected = score_draft(registry, &crate::common::draft(&plain)).result().cloned().expect("example 3 scores");
    let mut doc = example3();
    let c = &mut doc["components"][0];
    c["overrides"] = Value::Null;
    c["severity"] = Value::Null;
    c["intercession"] = Value::Null;
    c["measures"][0]["responsible"] = Value::Null;
    let outcome = score_draft(registry, &crate::common::draft(&doc));
    assert_eq!(outcome.errors(), &[], "no internal error");
    assert_eq!(outcome.result(), Some(&expected));
}

#[test]
fn exclusive_value_cannot_be_combined() {
    let mut doc = example_answers("04_high_drafting_mandatory_detention");
    doc["components"][1]["answers"]["law_content"] = json!(["NONE_OF_THESE", "DIVERSION_OR_ALTERNATIVES"]);
    has(&doc, "EXCLUSIVE_VALUE", "components[1].answers.law_content");
}

#[test]
fn structured_part_errors() {
    let mut doc = example3();
    let c = &mut doc["components"][0];
    c["evidence"][0]["id"] = json!("bad id!");
    c["measures"][0]["status"] = json!("DONE");
    c["measures"][0]["colour"] = json!("red");
    c["severity"] = json!({"TOR": {"scale": 7}, "XXX": {}});
    c["overrides"] = json!([
        {"target": "NEXUS", "area": "EXT", "value": "REMOTE", "justification": "x", "evidence_ids": ["E9"]},
        {"target": "HRDDP_APPLICABLE", "area": "TOR", "value": false, "justification": "x", "evidence_ids": []},
        {"target": "L0", "area": "TOR", "value": 9, "justification": "x", "evidence_ids": ["E1"]},
        {"target": "L0", "area": "TOR", "value": 2, "justification": "x", "evidence_ids": ["E1"]}
    ]);
    let e = errors(&doc);
    for (code, path) in [
        ("INVALID_FORMAT", "components[0].evidence[0].id"),
        ("INVALID_ENUM", "components[0].measures[0].status"),
        ("UNKNOWN_FIELD", "components[0].measures[0].colour"),
        ("OUT_OF_RANGE", "components[0].severity.TOR.scale"),
        ("UNKNOWN_FIELD", "components[0].severity.XXX"),
        ("CONDITION_NOT_MET", "components[0].overrides[0].area"),
        ("INVALID_REFERENCE", "components[0].overrides[0].evidence_ids[0]"),
        ("CONDITION_NOT_MET", "components[0].overrides[1].area"),
        ("MISSING_REQUIRED", "components[0].overrides[1].evidence_ids"),
        ("OUT_OF_RANGE", "components[0].overrides[2].value"),
        ("DUPLICATE_ID", "components[0].overrides[3]"),
    ] {
        assert!(e.contains(&(code.into(), path.into())), "expected {code} at {path}: {e:?}");
    }
}

#[test]
fn duplicate_component_and_evidence_ids() {
    let mut doc = example3();
    let comp = doc["components"][0].clone();
    doc["components"].as_array_mut().unwrap().push(comp);
    let ev = doc["components"][0]["evidence"][0].clone();
    doc["components"][0]["evidence"].as_array_mut().unwrap().push(ev);
    has(&doc, "DUPLICATE_ID", "components[1].component_id");
    has(&doc, "DUPLICATE_ID", "components[0].evidence[1].id");
}

#[test]
fn evidence_is_required() {
    let mut doc = example3();
    doc["components"][0]["evidence"] = json!([]);
    has(&doc, "MISSING_REQUIRED", "components[0].evidence");
}

#[test]
fn suspend_is_only_for_ongoing_support() {
    let mut doc = example3();
    doc["components"][0]["proposed_decision"] = json!({"decision": "SUSPEND"});
    has(&doc, "CONDITION_NOT_MET", "components[0].proposed_decision.decision");
}

#[test]
fn prior_interventions_and_consultations_are_checked() {
    let mut doc = example3();
    doc["case"]["implementation_status"] = json!("ONGOING");
    doc["case"]["prior_interventions"] = json!([{"date": "2026-01-01", "level": "BOSS", "summary": "x"}]);
    doc["consultations"][0]["type"] = json!("PHONE_CALL");
    let e = errors(&doc);
    assert!(e.contains(&("INVALID_ENUM".into(), "case.prior_interventions[0].level".into())), "{e:?}");
    assert!(e.contains(&("MISSING_REQUIRED".into(), "case.prior_interventions[0].concern_persisted".into())), "{e:?}");
    assert!(e.contains(&("INVALID_ENUM".into(), "consultations[0].type".into())), "{e:?}");
}

#[test]
fn negative_counts_are_out_of_range() {
    let mut doc = example3();
    doc["case"]["dp_status_drugs"] = json!("DRUG_DP_EXECUTING");
    doc["case"]["dp_mandatory_for_drugs"] = json!(false);
    doc["case"]["drug_executions_5y"] = json!(-3);
    has(&doc, "OUT_OF_RANGE", "case.drug_executions_5y");
}

#[test]
fn drafts_keep_hidden_answers_but_the_engine_ignores_them() {
    use hrdd::methodology::catalogue::Scope;
    use hrdd::methodology::draft::{applicable, shown_questions};
    let catalogue = registry().current().unwrap();
    let mut draft = example3();
    // The assessor first answered as if ST10 (treatment) applied, then switched back to ST4 only.
    draft["components"][0]["answers"]["treatment_modality"] = json!("VOLUNTARY_COMMUNITY");
    draft["components"][0]["answers"]["informed_consent"] = json!(true);
    assert!(!errors(&draft).is_empty(), "the raw draft is not a valid document");
    let doc = applicable(catalogue, &crate::common::draft(&draft)).to_value();
    assert_eq!(errors(&doc), vec![], "hidden answers are ignored");
    assert!(doc["components"][0]["answers"].get("treatment_modality").is_none());
    assert_eq!(draft["components"][0]["answers"]["treatment_modality"], "VOLUNTARY_COMMUNITY", "the draft keeps them");
    // When the condition returns, the kept answers are shown again.
    draft["components"][0]["answers"]["support_types"] = json!(["ST4", "ST10"]);
    let typed = crate::common::draft(&draft);
    let shown = shown_questions(catalogue, &typed.components[0].answers, Scope::Component);
    assert!(shown.contains(&"treatment_modality") && shown.contains(&"informed_consent"));
    assert!(!shown.contains(&"max_penalty"), "2.3a stays hidden until 2.3 is answered yes");
    let doc = applicable(catalogue, &typed).to_value();
    assert_eq!(doc["components"][0]["answers"]["treatment_modality"], "VOLUNTARY_COMMUNITY");
}

/// The wizard's provisional preview: a half-filled measure leaves the document unscorable, and the
/// draft without that record scores (one record left out); a component with a missing answer is
/// named as unrated while the other components keep their figures; a missing case-level answer
/// leaves nothing to rate (no figure is built on a guessed answer).
#[test]
fn provisional_figures_leave_out_unfinished_records_and_unrated_components() {
    use hrdd::methodology::draft::{provisional, score_draft};
    let registry = crate::common::registry();
    let errors_of = |doc: &serde_json::Value| score_draft(registry, &crate::common::draft(doc)).errors().to_vec();
    let provisional = |doc: &serde_json::Value, errors: &[hrdd::methodology::ValidationError]| {
        provisional(registry, &crate::common::draft(doc), errors)
    };
    let mut doc = crate::common::read_json("tests/fixtures/examples/03_substantial_gendarmerie_vehicles.answers.json");
    let full = score_draft(registry, &crate::common::draft(&doc)).result().cloned().expect("example 3 scores");
    doc["components"][0]["measures"].as_array_mut().unwrap().push(serde_json::json!({ "code": "M1" }));
    assert!(score_draft(registry, &crate::common::draft(&doc)).result().is_none(), "the half record stops scoring");
    let p = provisional(&doc, &errors_of(&doc));
    assert_eq!(p.records_left_out, 1);
    assert!(p.unrated_components.is_empty());
    assert_eq!(p.result.as_ref().expect("provisional figures").overall_band, full.overall_band);

    // A second component that misses its support types: the first keeps its figures.
    let mut second = doc["components"][0].clone();
    second["component_id"] = serde_json::json!("TRAINING");
    second["answers"].as_object_mut().unwrap().remove("support_types");
    doc["components"].as_array_mut().unwrap().push(second);
    let p = provisional(&doc, &errors_of(&doc));
    assert_eq!(p.unrated_components.len(), 1);
    assert_eq!(p.unrated_components[0].0, "TRAINING");
    assert!(p.unrated_components[0].1 >= 1);
    let rated = p.result.expect("the complete component is rated");
    assert_eq!(rated.components.iter().map(|c| c.component_id.as_str()).collect::<Vec<_>>(), ["VEHICLES"]);
    assert_eq!(rated.components[0].band, full.components[0].band);

    // A missing case-level answer: nothing is rated, and the panel is told why.
    doc["case"].as_object_mut().unwrap().remove("country");
    let p = provisional(&doc, &errors_of(&doc));
    assert!(p.result.is_none());
    assert!(p.case_problems >= 1);
}
