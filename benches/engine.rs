//! Scoring a case with five support components (target: under 50 µs per case).
//! Run with `cargo bench --features ssr --bench engine`; figures go to docs/BENCHMARKS.md.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use hrdd::methodology::answers::AnswersDocument;
use hrdd::methodology::{engine, load_registry_from_dir, score_value};
use serde_json::Value;
use std::path::Path;

fn read(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/examples").join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Example 5's country context with five components taken from the worked examples.
pub fn five_component_case() -> Value {
    let mut doc = read("05_hard_rule_executing_state_case_management.answers.json");
    let mut components = Vec::new();
    let mut consultations = Vec::new();
    for (file, index) in [
        ("01_low_forensic_lab_police.answers.json", 0),
        ("02_moderate_womens_prison.answers.json", 0),
        ("03_substantial_gendarmerie_vehicles.answers.json", 0),
        ("04_high_drafting_mandatory_detention.answers.json", 0),
        ("05_hard_rule_executing_state_case_management.answers.json", 0),
    ] {
        let example = read(file);
        components.push(example["components"][index].clone());
        consultations.extend(example["consultations"].as_array().cloned().unwrap_or_default());
    }
    doc["components"] = Value::Array(components);
    doc["consultations"] = Value::Array(consultations);
    doc
}

fn bench(c: &mut Criterion) {
    let registry = load_registry_from_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("methodology")).unwrap();
    let doc = five_component_case();
    let outcome = score_value(&registry, &doc);
    assert!(outcome.is_valid(), "benchmark document must be valid: {:?}", outcome.errors());
    let typed: AnswersDocument = serde_json::from_value(doc.clone()).unwrap();
    let catalogue = registry.current().unwrap();

    c.bench_function("engine: score 5 components (typed)", |b| b.iter(|| engine::score(catalogue, black_box(&typed))));
    c.bench_function("validate + score 5 components (from JSON)", |b| {
        b.iter(|| score_value(&registry, black_box(&doc)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
