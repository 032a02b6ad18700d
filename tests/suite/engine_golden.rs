//! Every worked example of the spec must come out field for field (spec §8, informative text aside).

use crate::common::*;
use hrdd::methodology::score_value;

#[test]
fn there_are_five_worked_examples() {
    assert_eq!(example_names().len(), 5, "fixtures: {:?}", example_names());
}

#[test]
fn every_worked_example_matches_its_expected_result() {
    let mut failures = Vec::new();
    for name in example_names() {
        let outcome = score_value(registry(), &example_answers(&name));
        let mut actual = serde_json::to_value(&outcome).unwrap();
        let mut expected = example_result(&name);
        strip_informative(&mut actual);
        strip_informative(&mut expected);
        let mut differences = Vec::new();
        diff(&expected, &actual, "", &mut differences);
        if !differences.is_empty() {
            failures.push(format!("{name}:\n  {}", differences.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "golden mismatches:\n{}", failures.join("\n"));
}

#[test]
fn informative_texts_are_present_for_every_triggered_area() {
    for name in example_names() {
        let outcome = score_value(registry(), &example_answers(&name));
        let result = outcome.result().expect("examples are valid");
        for c in &result.components {
            for a in c.areas.iter().filter_map(|a| a.triggered()) {
                assert!(!a.trigger_reasons.is_empty(), "{name}/{}/{}: no trigger reason", c.component_id, a.area);
                let text = a.explanation.join(" ");
                for needle in [
                    format!("L0 = {}", a.l0),
                    format!("R0 = {}", a.r0),
                    format!("L1 = {}", a.l1),
                    format!("R1 = {}", a.r1),
                ] {
                    assert!(
                        text.contains(&needle),
                        "{name}/{}/{}: explanation lacks {needle:?}: {text}",
                        c.component_id,
                        a.area
                    );
                }
            }
        }
    }
}
