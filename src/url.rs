//! Percent-encoding for query values and redirect targets (one implementation for the whole app).

/// Encodes everything but unreserved characters (RFC 3986); `/` too unless `keep_slash`.
pub fn encode_component(s: &str, keep_slash: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b'/' if keep_slash => out.push('/'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A same-site path to redirect to, or None: it must start with a single `/`, and hold no backslash,
/// whitespace or control character (browsers drop tabs and newlines from URLs, so `/\t/evil.org`
/// would become `//evil.org`, another site). At most 2,000 characters.
pub fn safe_local_path(raw: &str) -> Option<&str> {
    let ok = raw.starts_with('/')
        && !raw.starts_with("//")
        && raw.len() <= 2000
        && !raw.chars().any(|c| c == '\\' || c.is_whitespace() || c.is_control());
    ok.then_some(raw)
}

/// Encodes a query-string value.
pub fn encode(s: &str) -> String {
    encode_component(s, false)
}

#[cfg(test)]
mod tests {
    #[test]
    fn encodes_reserved_characters() {
        assert_eq!(super::encode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
        assert_eq!(super::encode_component("/cases?x=1", true), "/cases%3Fx%3D1");
    }

    #[test]
    fn only_plain_same_site_paths_are_redirect_targets() {
        use super::safe_local_path as ok;
        assert_eq!(ok("/cases/4?x=1"), Some("/cases/4?x=1"));
        for bad in [
            "//evil.org",
            "/\t/evil.org",
            "/\t/example.org/",
            "/\\evil.org",
            "https://evil.org",
            "",
            "cases",
            "/a\nb",
            "/a b",
            "/\u{0}",
        ] {
            assert_eq!(ok(bad), None, "{bad:?}");
        }
    }
}
