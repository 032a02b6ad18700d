//! Free text as people type it. Every text a request brings in passes here, the same on SQLite and
//! PostgreSQL: line breaks are normalised to `\n`, and control characters other than tab and line
//! break are refused (PostgreSQL cannot store a NUL, and none of them has a place in an assessment).

/// Why a text is refused, for the message next to its field.
pub const CONTROL_CHARACTERS: &str =
    "contains characters that are not allowed (control characters); retype it or paste it as plain text";

/// True when `s` holds a control character other than tab, line feed or carriage return.
pub fn has_forbidden_control(s: &str) -> bool {
    s.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// `raw` with `\r\n` and lone `\r` turned into `\n`; an error when it holds another control character.
pub fn clean(raw: &str) -> Result<String, &'static str> {
    if has_forbidden_control(raw) {
        return Err(CONTROL_CHARACTERS);
    }
    Ok(if raw.contains('\r') { raw.replace("\r\n", "\n").replace('\r', "\n") } else { raw.to_string() })
}

/// Every string inside a JSON value, cleaned in place; the first refused one fails the whole value.
pub fn clean_json(value: &mut serde_json::Value) -> Result<(), &'static str> {
    match value {
        serde_json::Value::String(s) => {
            *s = clean(s)?;
            Ok(())
        }
        serde_json::Value::Array(items) => items.iter_mut().try_for_each(clean_json),
        serde_json::Value::Object(map) => {
            if map.keys().any(|k| has_forbidden_control(k)) {
                return Err(CONTROL_CHARACTERS);
            }
            map.values_mut().try_for_each(clean_json)
        }
        _ => Ok(()),
    }
}

/// A spec code in words for a label with no catalogue text at hand: `NOT_STARTED` → "Not started".
pub fn code_in_words(code: &str) -> String {
    let mut words = code.split('_').map(|w| w.to_lowercase()).collect::<Vec<_>>().join(" ");
    if let Some(first) = words.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    words
}

/// `s` safe inside HTML text and attribute values (the five characters HTML gives meaning to).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `s` with a capital first letter.
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_are_normalised_and_other_control_characters_refused() {
        assert_eq!(clean("a\r\nb\rc\td").unwrap(), "a\nb\nc\td");
        for bad in ["a\u{0}b", "\u{7}", "x\u{1b}[31m", "\u{85}"] {
            assert_eq!(clean(bad), Err(CONTROL_CHARACTERS), "{bad:?}");
        }
        let mut v = serde_json::json!({ "a": ["ok", { "b": "line\r\nbreak" }] });
        clean_json(&mut v).unwrap();
        assert_eq!(v["a"][1]["b"], "line\nbreak");
        let mut nul = serde_json::json!({ "a": ["x\u{0}"] });
        assert!(clean_json(&mut nul).is_err());
    }
}
