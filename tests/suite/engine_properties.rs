//! Property tests: the validator and engine never panic on arbitrary JSON; a qualifying measure
//! never raises a residual risk; replacing a known answer by UNKNOWN never lowers a risk.

use crate::common::*;
use hrdd::methodology::codes::Area;
use hrdd::methodology::result::ResultDocument;
use hrdd::methodology::score_value;
use proptest::prelude::*;
use serde_json::{json, Value};

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-1.0e6f64..1.0e6).prop_map(|f| json!(f)),
        "[A-Z_0-9]{0,12}".prop_map(Value::String),
        prop::sample::select(vec![
            "ST3",
            "ST4",
            "POLICE",
            "UNKNOWN",
            "DEATH",
            "TOR",
            "2026-04-15",
            "XK",
            "M4",
            "L0",
            "NEXUS"
        ])
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS.to_vec()), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

const KEYS: &[&str] = &[
    "methodology_version",
    "case",
    "components",
    "consultations",
    "component_id",
    "answers",
    "evidence",
    "measures",
    "severity",
    "overrides",
    "support_types",
    "recipient_type",
    "country",
    "code",
    "target_areas",
    "status",
    "value",
    "area",
    "target",
    "TOR",
    "scale",
    "id",
    "date",
    "type",
];

/// Sets `pointer` in a copy of `doc` (creating objects on the way) and scores it.
fn mutate(doc: &Value, path: &[&str], value: Value) -> Value {
    let mut out = doc.clone();
    let mut cur = &mut out;
    for (i, key) in path.iter().enumerate() {
        let last = i == path.len() - 1;
        cur = match key.parse::<usize>() {
            Ok(idx) => &mut cur[idx],
            Err(_) => {
                if last {
                    cur[*key] = value.clone();
                    return out;
                }
                &mut cur[*key]
            }
        };
    }
    *cur = value;
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_json(doc in arb_json()) {
        let _ = score_value(registry(), &doc);
    }

    #[test]
    fn never_panics_on_mutated_examples(
        example in 0usize..5,
        field in prop::sample::select(vec![
            "support_types", "recipient_type", "violation_record", "violation_types", "equipment_categories",
            "case_specific", "max_penalty", "transfer_to_other_state", "receiving_state_torture_record",
            "law_content", "treatment_modality", "affected_groups", "accountability", "monitoring_access",
        ]),
        value in arb_json(),
    ) {
        let doc = example_answers(&example_names()[example]);
        let _ = score_value(registry(), &mutate(&doc, &["components", "0", "answers", field], value));
    }
}

fn residuals(r: &ResultDocument) -> Vec<(Area, u8)> {
    r.components.iter().flat_map(|c| c.areas.iter().filter_map(|a| a.triggered()).map(|a| (a.area, a.r1))).collect()
}

fn residual_map(r: &ResultDocument) -> Vec<Option<u8>> {
    r.components.iter().flat_map(|c| c.areas.iter().map(|a| a.triggered().map(|t| t.r1))).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn a_qualifying_measure_never_raises_a_residual_risk(
        example in 0usize..5,
        code in prop::sample::select((1..=14).map(|i| format!("M{i}")).collect::<Vec<_>>()),
        areas in prop::sample::subsequence(Area::ALL.iter().map(|a| a.code()).collect::<Vec<_>>(), 1..5),
    ) {
        let doc = example_answers(&example_names()[example]);
        let before = score_value(registry(), &doc);
        let before = before.result().expect("examples are valid");
        let mut after_doc = doc.clone();
        let measures = after_doc["components"][0].as_object_mut().unwrap().entry("measures").or_insert(json!([]));
        measures.as_array_mut().unwrap().push(json!({
            "code": code, "target_areas": areas, "status": "VERIFIED", "resourced": true, "has_indicator": true
        }));
        let after = score_value(registry(), &after_doc);
        let after = after.result().expect("adding a well-formed measure keeps the document valid");
        for ((area, r_before), (_, r_after)) in residuals(before).into_iter().zip(residuals(after)) {
            prop_assert!(r_after <= r_before, "{code} on {areas:?} raised {area} from {r_before} to {r_after}");
        }
    }

    /// UNKNOWN reads as the precautionary middle value (record 3, accountability 0, DP status 3) plus the
    /// H8 floors, so it never lowers a risk compared with any known answer that is no worse than that
    /// value. (An answer that asserts a worse state, e.g. CREDIBLE_PATTERN, NONE_IMPUNITY or
    /// DRUG_DP_EXECUTING, rates higher than UNKNOWN by the spec's own arithmetic; see docs/methodology.md.)
    #[test]
    fn replacing_a_known_answer_by_unknown_never_lowers_a_risk(
        example in 0usize..5,
        choice in prop_oneof![
            prop::sample::select(vec!["NONE_KNOWN", "ISOLATED_INVESTIGATED", "CREDIBLE_NOT_INVESTIGATED"])
                .prop_map(|v| ("violation_record", v)),
            prop::sample::select(vec!["EFFECTIVE_DEMONSTRATED", "PARTIAL"]).prop_map(|v| ("accountability", v)),
            prop::sample::select(vec!["ABOLITIONIST_ALL_CRIMES", "DP_BUT_NOT_FOR_DRUGS", "DRUG_DP_ABOLITIONIST_IN_PRACTICE"])
                .prop_map(|v| ("dp_status_drugs", v)),
        ],
        types in prop::sample::subsequence(vec![
            "EXTRAJUDICIAL_KILLING", "TORTURE_ILL_TREATMENT", "ENFORCED_DISAPPEARANCE", "SEXUAL_VIOLENCE",
            "ARBITRARY_DETENTION", "INHUMANE_DETENTION_CONDITIONS", "UNFAIR_TRIAL", "DISCRIMINATORY_TARGETING",
        ], 1..4),
    ) {
        let (field, known) = choice;
        let set = |doc: &Value, value: &str| -> Value {
            let mut doc = doc.clone();
            if field == "dp_status_drugs" {
                let case = doc["case"].as_object_mut().unwrap();
                case.insert(field.into(), json!(value));
                case.remove("dp_mandatory_for_drugs");
                case.remove("drug_executions_5y");
                if value == "DRUG_DP_ABOLITIONIST_IN_PRACTICE" {
                    case.insert("dp_mandatory_for_drugs".into(), json!(false));
                }
            } else {
                for comp in doc["components"].as_array_mut().unwrap() {
                    let answers = comp["answers"].as_object_mut().unwrap();
                    answers.insert(field.into(), json!(value));
                    if field == "violation_record" {
                        answers.remove("violation_types");
                        if !["NONE_KNOWN", "UNKNOWN"].contains(&value) {
                            answers.insert("violation_types".into(), json!(types));
                        }
                    }
                }
            }
            doc
        };
        let doc = example_answers(&example_names()[example]);
        let before = score_value(registry(), &set(&doc, known));
        let before = before.result().unwrap_or_else(|| panic!("known answer keeps the document valid: {:?}", before.errors()));
        let after = score_value(registry(), &set(&doc, "UNKNOWN"));
        let after = after.result().unwrap_or_else(|| panic!("UNKNOWN keeps the document valid: {:?}", after.errors()));
        for (i, (b, a)) in residual_map(before).into_iter().zip(residual_map(after)).enumerate() {
            if let Some(b) = b {
                let a = a.unwrap_or(0);
                prop_assert!(a >= b, "area #{i}: UNKNOWN {field} (was {known}) lowered R1 from {b} to {a}");
            }
        }
        for (cb, ca) in before.components.iter().zip(&after.components) {
            prop_assert!(ca.band >= cb.band, "{field} {known}: band {:?} -> {:?}", cb.band, ca.band);
            prop_assert!(ca.recommended_decision.rank() >= cb.recommended_decision.rank());
        }
    }
}
