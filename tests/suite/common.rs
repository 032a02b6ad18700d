//! Helpers shared by the test modules.

use hrdd::methodology::{load_registry_from_dir, Registry};
use serde_json::Value;
use std::path::PathBuf;
use std::sync::OnceLock;

pub fn repo_path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The catalogues shipped in `methodology/`, loaded once per test binary.
pub fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        load_registry_from_dir(&repo_path("methodology")).expect("shipped methodology loads")
    })
}

pub fn read_json(rel: &str) -> Value {
    let text =
        std::fs::read_to_string(repo_path(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("parse {rel}: {e}"))
}

/// The names of the worked examples (`NN_name`), from the fixtures folder.
pub fn example_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo_path("tests/fixtures/examples"))
        .expect("fixtures folder")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".answers.json")
                .map(String::from)
        })
        .collect();
    names.sort();
    names
}

pub fn example_answers(name: &str) -> Value {
    read_json(&format!("tests/fixtures/examples/{name}.answers.json"))
}

pub fn example_result(name: &str) -> Value {
    read_json(&format!("tests/fixtures/examples/{name}.result.json"))
}

/// Removes the informative text fields the spec (§8) excludes from golden comparison.
pub fn strip_informative(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for key in ["trigger_reasons", "explanation", "reason", "message"] {
                map.remove(key);
            }
            if let Some(Value::Array(details)) = map.get_mut("hard_rule_details") {
                for d in details.iter_mut() {
                    if let Some(obj) = d.as_object_mut() {
                        obj.remove("effect");
                    }
                }
            }
            for (_, child) in map.iter_mut() {
                strip_informative(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(strip_informative),
        _ => {}
    }
}

/// Lists the paths where two JSON values differ (for readable golden-test failures).
pub fn diff(expected: &Value, actual: &Value, path: &str, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                match a.get(k) {
                    Some(av) => diff(ev, av, &format!("{path}.{k}"), out),
                    None => out.push(format!("{path}.{k}: missing (expected {ev})")),
                }
            }
            for k in a.keys().filter(|k| !e.contains_key(*k)) {
                out.push(format!("{path}.{k}: unexpected field"));
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                diff(ev, av, &format!("{path}[{i}]"), out);
            }
        }
        _ if expected != actual => out.push(format!("{path}: expected {expected}, got {actual}")),
        _ => {}
    }
}
