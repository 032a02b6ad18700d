//! Notifications (issue 21): what is told to whom when the workflow moves. Pure rules, no I/O:
//! which event notifies which audience, and the words of the notice. The services resolve an
//! audience to accounts (country scope and approval level) and write the notices in the same
//! transaction as the change that causes them; the actor is never told of their own act.
//!
//! A notice names the case by reference, title, country and state only: e-mail leaves the
//! organisation's systems, so no answer or risk figure is ever part of it.

use serde::{Deserialize, Serialize};

/// What happened, as a notice says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Kind {
    Submitted,
    Returned,
    Concurred,
    ConcurrenceRefused,
    Decided,
    Commented,
    TriggerRecorded,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Submitted,
        Kind::Returned,
        Kind::Concurred,
        Kind::ConcurrenceRefused,
        Kind::Decided,
        Kind::Commented,
        Kind::TriggerRecorded,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Submitted => "SUBMITTED",
            Kind::Returned => "RETURNED",
            Kind::Concurred => "CONCURRED",
            Kind::ConcurrenceRefused => "CONCURRENCE_REFUSED",
            Kind::Decided => "DECIDED",
            Kind::Commented => "COMMENTED",
            Kind::TriggerRecorded => "TRIGGER_RECORDED",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Who is told (spec §10.1 roles; the services keep to the case's country and, for reviewers,
    /// the approval level the case needs).
    pub fn audience(self) -> &'static [Audience] {
        match self {
            Kind::Submitted => &[Audience::Advisers, Audience::Reviewers],
            Kind::Returned | Kind::Concurred | Kind::ConcurrenceRefused => &[Audience::Assessor],
            Kind::Decided | Kind::TriggerRecorded => &[Audience::Assessor, Audience::Managers],
            // A comment goes to whoever works on the case: its assessor, and the reviewers of its
            // level while it is with them.
            Kind::Commented => &[Audience::Assessor, Audience::Reviewers],
        }
    }

    /// The notice's first line, after the case reference.
    fn headline(self) -> &'static str {
        match self {
            Kind::Submitted => "submitted for review",
            Kind::Returned => "returned to the assessor",
            Kind::Concurred => "the human-rights adviser concurred",
            Kind::ConcurrenceRefused => "the human-rights adviser did not concur",
            Kind::Decided => "decided",
            Kind::Commented => "new comment",
            Kind::TriggerRecorded => "re-assessment trigger recorded",
        }
    }

    /// What the recipient is asked to do, in a sentence.
    fn ask(self) -> &'static str {
        match self {
            Kind::Submitted => "It waits for your review (advisers: for your advice or concurrence where it is asked).",
            Kind::Returned => {
                "The reviewer asks for changes; their comment is on the case, next to the step it concerns."
            }
            Kind::Concurred => "The adviser's concurrence is recorded; the case can go on.",
            Kind::ConcurrenceRefused => {
                "The adviser gave a reason on the case; change the override or proposal before submitting."
            }
            Kind::Decided => "The decision is signed off and frozen; the summary shows it with its conditions.",
            Kind::Commented => "Read it on the case.",
            Kind::TriggerRecorded => "The case is due for re-assessment; start one from its summary.",
        }
    }
}

/// A group of accounts, resolved by the services within the case's country.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// Whoever created the case version.
    Assessor,
    /// Human-rights advisers of the country.
    Advisers,
    /// Reviewers of the country at the approval level the case needs, or above.
    Reviewers,
    /// Managers of the country.
    Managers,
}

/// Who a change tells, from the accounts of each audience group in turn: each account once, in the
/// order found, never the actor.
pub fn recipients(groups: impl IntoIterator<Item = Vec<i64>>, actor: i64) -> Vec<i64> {
    let mut out: Vec<i64> = Vec::new();
    for id in groups.into_iter().flatten() {
        if id != actor && !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

/// The case as a notice names it: never its answers or figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseLine {
    pub id: i64,
    pub reference: String,
    pub title: String,
    pub country: String,
    /// The state in words ("Submitted", "Decided" …).
    pub state: String,
}

/// A notice as written for each recipient.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: Kind,
    pub case_id: Option<i64>,
    pub subject: String,
    pub body: String,
    /// Where the notice leads, a path of this site (`/cases/12`).
    pub link: String,
}

/// Longest note quoted in a notice (the start of a return comment).
pub const MAX_NOTE: usize = 300;

/// The notice of `kind` about `case`. `note` is a short text of the act (a return comment, the
/// trigger's wording) shown in the app; it is the reviewer's or the system's words, never an answer.
pub fn compose(kind: Kind, case: &CaseLine, by: &str, note: Option<&str>) -> Notice {
    let subject = format!("{} · {}: {}", case.reference, case.title, kind.headline());
    let mut body = format!(
        "{} ({}, {}) — {} by {}.\nState now: {}.\n{}",
        case.reference,
        case.title,
        case.country,
        kind.headline(),
        by,
        case.state,
        kind.ask()
    );
    if let Some(note) = note.map(str::trim).filter(|n| !n.is_empty()) {
        let short: String = note.chars().take(MAX_NOTE).collect();
        let more = if note.chars().count() > MAX_NOTE { "…" } else { "" };
        body.push_str(&format!("\n“{short}{more}”"));
    }
    Notice { kind, case_id: Some(case.id), subject, body, link: format!("/cases/{}", case.id) }
}

/// How many notices the notifications page lists (the newest).
pub const INBOX_SIZE: i64 = 100;

/// One notice as the notifications page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeView {
    pub id: i64,
    pub kind: Kind,
    pub subject: String,
    pub body: String,
    pub link: String,
    /// `YYYY-MM-DD HH:MM` UTC.
    pub at: String,
    pub read: bool,
}

/// The notifications page: the newest notices first, and how many are unread.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inbox {
    pub notices: Vec<NoticeView>,
    pub unread: i64,
    /// More notices exist than are listed (the oldest are left out).
    pub more: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case() -> CaseLine {
        CaseLine {
            id: 7,
            reference: "KE-2026-0007".into(),
            title: "Forensic lab".into(),
            country: "KE".into(),
            state: "Returned".into(),
        }
    }

    #[test]
    fn a_notice_names_the_case_and_quotes_a_short_note_only() {
        let long = "x".repeat(MAX_NOTE + 50);
        let n = compose(Kind::Returned, &case(), "Reviewer One", Some(&long));
        assert_eq!(n.subject, "KE-2026-0007 · Forensic lab: returned to the assessor");
        assert!(n.body.contains("(Forensic lab, KE)") && n.body.contains("State now: Returned."), "{}", n.body);
        assert!(n.body.ends_with("…”"), "a long comment is cut: {}", n.body);
        assert_eq!(n.link, "/cases/7");
        assert!(!compose(Kind::Decided, &case(), "R", Some("  ")).body.contains('“'), "a blank note is left out");
    }

    #[test]
    fn recipients_are_each_told_once_and_never_the_actor() {
        assert_eq!(recipients([vec![3, 5], vec![5, 9, 3], vec![7]], 9), [3, 5, 7]);
        assert!(recipients([vec![4]], 4).is_empty());
    }

    #[test]
    fn codes_read_back_and_every_kind_has_an_audience() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.code()), Some(k));
            assert_eq!(serde_json::to_value(k).unwrap(), k.code(), "the API names a kind by its code");
            assert!(!k.audience().is_empty());
        }
        assert_eq!(Kind::parse("NOPE"), None);
    }
}
