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
}
