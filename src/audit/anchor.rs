//! The anchor: an append-only file beside the database holding the head of the audit sequence
//! after every committed write (`<seq> <hash> <at>`).
//!
//! Someone who deletes the newest events from the database and rolls the head back cannot also
//! roll this file back without access to the server's file system; `hrdd audit verify` finds every
//! head recorded here in the database. A restore from a backup writes a `restored` line: heads
//! before it belong to the history that the restore replaced.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub const ANCHOR_FILE: &str = "audit-anchor.log";

/// A head of the sequence: the number and hash of the newest event at some moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    pub seq: i64,
    pub hash: String,
}

/// One line of the anchor file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnchorLine {
    Head(Head),
    /// The database was restored from a backup whose newest event is this head.
    Restored(Head),
}

#[derive(Debug)]
pub struct AnchorLog {
    path: PathBuf,
    /// Serialises appends within the process and remembers the newest head written, so a slower
    /// writer cannot put an older head after a newer one.
    last: Mutex<i64>,
}

impl AnchorLog {
    pub fn new(dir: &Path) -> AnchorLog {
        AnchorLog { path: dir.join(ANCHOR_FILE), last: Mutex::new(0) }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn exists(&self) -> bool {
        self.path.exists()
    }

    /// Appends `head` (after its transaction committed). A failure is logged, never returned: the
    /// user's change is already stored, and verification reports an anchor that fell behind only
    /// if the database later lacks what it recorded.
    pub fn record(&self, head: &Head) {
        let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        if head.seq <= *last {
            return;
        }
        let line = format!("{} {} {}\n", head.seq, head.hash, super::timestamp(chrono::Utc::now()));
        match self.append(&line) {
            Ok(()) => *last = head.seq,
            Err(e) => tracing::error!(path = %self.path.display(), error = %e, "cannot write the audit anchor"),
        }
    }

    /// Marks a restore from a backup whose newest event is `head`.
    pub fn record_restore(&self, head: &Head) -> std::io::Result<()> {
        self.append(&format!("restored {} {} {}\n", head.seq, head.hash, super::timestamp(chrono::Utc::now())))
    }

    fn append(&self, line: &str) -> std::io::Result<()> {
        use std::os::unix::fs::OpenOptionsExt;
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let mut file = std::fs::OpenOptions::new().create(true).append(true).mode(0o600).open(&self.path)?;
        file.write_all(line.as_bytes())
    }

    /// Every line, oldest first (an absent file has none). Lines that cannot be read are reported.
    pub fn read(&self) -> std::io::Result<(Vec<AnchorLine>, Vec<String>)> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((Vec::new(), Vec::new())),
            Err(e) => return Err(e),
        };
        Ok(parse(&text))
    }
}

/// Parses anchor lines; the second list names the lines that are not anchors.
pub fn parse(text: &str) -> (Vec<AnchorLine>, Vec<String>) {
    let mut lines = Vec::new();
    let mut bad = Vec::new();
    for (n, raw) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let mut words = raw.split_whitespace();
        let first = words.next().unwrap_or_default();
        let (restored, seq) = if first == "restored" { (true, words.next()) } else { (false, Some(first)) };
        match (seq.and_then(|s| s.parse::<i64>().ok()), words.next()) {
            (Some(seq), Some(hash)) if hash.starts_with("sha256:") => {
                let head = Head { seq, hash: hash.to_string() };
                lines.push(if restored { AnchorLine::Restored(head) } else { AnchorLine::Head(head) });
            }
            _ => bad.push(format!("line {} of the anchor file is not an anchor: {raw:?}", n + 1)),
        }
    }
    (lines, bad)
}

/// The heads that must still be in the database: those after the last restore (and the restored
/// head itself).
pub fn current_heads(lines: &[AnchorLine]) -> Vec<Head> {
    let start = lines.iter().rposition(|l| matches!(l, AnchorLine::Restored(_))).unwrap_or(0);
    lines[start..]
        .iter()
        .map(|l| match l {
            AnchorLine::Head(h) | AnchorLine::Restored(h) => h.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_are_appended_in_order_and_a_restore_starts_a_new_history() {
        let dir = tempfile::tempdir().unwrap();
        let log = AnchorLog::new(dir.path());
        let h = |seq: i64| Head { seq, hash: format!("sha256:{seq:02}") };
        log.record(&h(1));
        log.record(&h(3));
        log.record(&h(2)); // older than what is there: skipped
        let (lines, bad) = log.read().unwrap();
        assert!(bad.is_empty());
        assert_eq!(current_heads(&lines), vec![h(1), h(3)]);
        log.record_restore(&h(2)).unwrap();
        log.record(&h(4));
        let (lines, _) = log.read().unwrap();
        assert_eq!(current_heads(&lines), vec![h(2), h(4)]);
        let (_, bad) = parse("12 sha256:ab 2026\nnonsense\n");
        assert_eq!(bad.len(), 1);
    }
}
