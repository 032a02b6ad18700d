//! Canonical JSON (spec §10.5): keys sorted by code point, no insignificant whitespace, minimal escaping,
//! integers only. Used for the content hashes of sign-off records, snapshots and audit events.

use serde_json::Value;
use std::fmt::Write;

#[derive(Debug, thiserror::Error, PartialEq)]
#[error("canonical JSON admits integers only, found {0}")]
pub struct NonIntegerNumber(pub String);

pub fn to_canonical_json(value: &Value) -> Result<String, NonIntegerNumber> {
    let mut out = String::new();
    write_value(value, &mut out)?;
    Ok(out)
}

fn write_value(value: &Value, out: &mut String) -> Result<(), NonIntegerNumber> {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            if n.is_i64() || n.is_u64() {
                out.push_str(&n.to_string());
            } else {
                return Err(NonIntegerNumber(n.to_string()));
            }
        }
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(item, out)?;
            }
            out.push(']');
        }
        Value::Object(map) => {
            // Rust strings compare by UTF-8 bytes, which orders the same as Unicode code points.
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                write_value(&map[key.as_str()], out)?;
            }
            out.push('}');
        }
    }
    Ok(())
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0C}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sorts_keys_and_escapes_minimally() {
        let v = json!({"b": 1, "a": [true, null, "x\"y\\z\n\u{01}é"], "A": {"z": -2, "y": 0}});
        assert_eq!(to_canonical_json(&v).unwrap(), r#"{"A":{"y":0,"z":-2},"a":[true,null,"x\"y\\z\n\u0001é"],"b":1}"#);
    }

    #[test]
    fn refuses_non_integers() {
        assert!(to_canonical_json(&json!({"x": 1.5})).is_err());
    }
}
