//! Kept revisions of the answers, stored compactly: the JSON text zlib-compressed, byte for byte
//! the same when read back (the history stays exact). A draft's JSON repeats its keys in every
//! component and compresses to a fifth or less; every save keeps one.

use super::StoreError;
use flate2::read::ZlibDecoder;
use flate2::write::ZlibEncoder;
use flate2::Compression;
use std::io::{Read, Write};

/// The stored form of `text`.
pub fn pack(text: &str) -> Vec<u8> {
    let mut encoder = ZlibEncoder::new(Vec::with_capacity(text.len() / 4 + 64), Compression::default());
    // Writing into a Vec cannot fail.
    encoder.write_all(text.as_bytes()).expect("compress into memory");
    encoder.finish().expect("compress into memory")
}

/// The text `pack` stored.
pub fn unpack(bytes: &[u8]) -> Result<String, StoreError> {
    let mut text = String::new();
    ZlibDecoder::new(bytes)
        .read_to_string(&mut text)
        .map_err(|e| StoreError::Unreadable(format!("a packed revision does not decompress: {e}")))?;
    Ok(text)
}

/// A kept revision as read: text from before packing, or packed bytes.
#[derive(sqlx::FromRow)]
pub struct StoredAnswers {
    pub answers: Option<String>,
    pub packed: Option<Vec<u8>>,
}

impl StoredAnswers {
    pub fn text(self) -> Result<String, StoreError> {
        match (self.answers, self.packed) {
            (_, Some(bytes)) => unpack(&bytes),
            (Some(text), None) => Ok(text),
            (None, None) => Err(StoreError::Unreadable("a kept revision holds no answers".into())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_text_comes_back_byte_for_byte_and_smaller() {
        let text = format!(
            "{{\"components\":[{}]}}",
            (0..40)
                .map(|i| format!("{{\"component_id\":\"C{i}\",\"summary\":\"Ünïcode · text {i}\"}}"))
                .collect::<Vec<_>>()
                .join(",")
        );
        let bytes = pack(&text);
        assert!(bytes.len() * 4 < text.len(), "{} → {}", text.len(), bytes.len());
        assert_eq!(unpack(&bytes).unwrap(), text);
        assert_eq!(unpack(&pack("")).unwrap(), "");
    }

    #[test]
    fn damaged_bytes_are_an_error_not_a_panic() {
        let mut bytes = pack("{\"a\":1}");
        bytes.truncate(3);
        assert!(matches!(unpack(&bytes), Err(StoreError::Unreadable(_))));
    }
}
