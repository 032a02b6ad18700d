//! Notifications (issue 21): what is told to whom when the workflow moves. Pure rules, no I/O:
//! which event notifies which audience, and the words of the notice. The services resolve an
//! audience to accounts (country scope and approval level) and write the notices in the same
//! transaction as the change that causes them; the actor is never told of their own act.
//!
//! A notice names the case by reference, title, country and state only: e-mail leaves the
//! organisation's systems, so no answer or risk figure is ever part of it. The words of an act (a
//! return comment) are kept apart as the notice's `note`, shown in the app and never mailed.
//! [`mail`] renders the e-mail of one notice or of a day's digest.

pub mod mail;

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
    /// The next review date (spec §7.5) is at most 30 days away.
    #[serde(rename = "REVIEW_DUE_IN_30_DAYS")]
    ReviewDueIn30Days,
    /// … at most 7 days away.
    #[serde(rename = "REVIEW_DUE_IN_7_DAYS")]
    ReviewDueIn7Days,
    /// The next review date has come (spec §10.6: the version is due).
    ReviewOverdue,
    AccountCreated,
    /// An administrator set a new password for the account.
    PasswordReset,
}

impl Kind {
    pub const ALL: [Kind; 12] = [
        Kind::Submitted,
        Kind::Returned,
        Kind::Concurred,
        Kind::ConcurrenceRefused,
        Kind::Decided,
        Kind::Commented,
        Kind::TriggerRecorded,
        Kind::ReviewDueIn30Days,
        Kind::ReviewDueIn7Days,
        Kind::ReviewOverdue,
        Kind::AccountCreated,
        Kind::PasswordReset,
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
            Kind::ReviewDueIn30Days => "REVIEW_DUE_IN_30_DAYS",
            Kind::ReviewDueIn7Days => "REVIEW_DUE_IN_7_DAYS",
            Kind::ReviewOverdue => "REVIEW_OVERDUE",
            Kind::AccountCreated => "ACCOUNT_CREATED",
            Kind::PasswordReset => "PASSWORD_RESET",
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
            Kind::Decided
            | Kind::TriggerRecorded
            | Kind::ReviewDueIn30Days
            | Kind::ReviewDueIn7Days
            | Kind::ReviewOverdue => &[Audience::Assessor, Audience::Managers],
            Kind::AccountCreated | Kind::PasswordReset => &[Audience::AccountHolder],
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
            Kind::ReviewDueIn30Days => "re-assessment due within 30 days",
            Kind::ReviewDueIn7Days => "re-assessment due within 7 days",
            Kind::ReviewOverdue => "re-assessment due now",
            Kind::AccountCreated => "an HRDD account was created for you",
            Kind::PasswordReset => "your HRDD password was reset",
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
            Kind::ReviewDueIn30Days | Kind::ReviewDueIn7Days => {
                "Its next review date is near; start the re-assessment from its summary in time."
            }
            Kind::ReviewOverdue => "Its next review date has passed; start the re-assessment from its summary.",
            Kind::AccountCreated => "Your administrator gives you the first password; sign in and choose your own.",
            Kind::PasswordReset => {
                "Every session of yours was ended. If you did not ask for this, tell your administrator at once."
            }
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
    /// The account a notice is about (account created, password reset).
    AccountHolder,
}

/// Which reminder a decided version's next review date calls for, `days_left` days before it
/// (0 or less: the date has come). Only the nearest stage: a pass that first runs 5 days before
/// the date sends the 7-day reminder, not a late 30-day one.
pub fn reminder(days_left: i64) -> Option<Kind> {
    match days_left {
        ..=0 => Some(Kind::ReviewOverdue),
        1..=7 => Some(Kind::ReviewDueIn7Days),
        8..=30 => Some(Kind::ReviewDueIn30Days),
        _ => None,
    }
}

/// How a user takes e-mail (in the app every notice is shown whatever they choose).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum MailPref {
    /// A message for each notice, as it happens.
    #[default]
    Immediate,
    /// One message a day listing the day's notices.
    Daily,
    /// No e-mail.
    None,
}

impl MailPref {
    pub const ALL: [MailPref; 3] = [MailPref::Immediate, MailPref::Daily, MailPref::None];

    pub fn code(self) -> &'static str {
        match self {
            MailPref::Immediate => "IMMEDIATE",
            MailPref::Daily => "DAILY",
            MailPref::None => "NONE",
        }
    }

    pub fn parse(code: &str) -> Option<MailPref> {
        MailPref::ALL.into_iter().find(|p| p.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            MailPref::Immediate => "Immediately: one e-mail for each notification",
            MailPref::Daily => "Daily digest: one e-mail a day listing the day's notifications",
            MailPref::None => "No e-mail (notifications only in HRDD)",
        }
    }
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
    /// What happened to the case and what the recipient is asked to do; safe to mail.
    pub body: String,
    /// The words of the act (the start of a return comment, a trigger's wording): shown in the
    /// app only, never mailed (it may describe the assessment).
    pub note: Option<String>,
    /// Where the notice leads, a path of this site (`/cases/12`).
    pub link: String,
}

/// Longest note quoted in a notice (the start of a return comment).
pub const MAX_NOTE: usize = 300;

/// The notice of `kind` about `case`. `note` is a short text of the act (a return comment, the
/// trigger's wording) shown in the app; it is the reviewer's or the system's words, never an answer.
pub fn compose(kind: Kind, case: &CaseLine, by: &str, note: Option<&str>) -> Notice {
    let subject = format!("{} · {}: {}", case.reference, case.title, kind.headline());
    let body = format!(
        "{} ({}, {}) — {} by {}.\nState now: {}.\n{}",
        case.reference,
        case.title,
        case.country,
        kind.headline(),
        by,
        case.state,
        kind.ask()
    );
    let note = note.map(str::trim).filter(|n| !n.is_empty()).map(|note| {
        let short: String = note.chars().take(MAX_NOTE).collect();
        let more = if note.chars().count() > MAX_NOTE { "…" } else { "" };
        format!("“{short}{more}”")
    });
    Notice { kind, case_id: Some(case.id), subject, body, note, link: format!("/cases/{}", case.id) }
}

/// The notice to the holder of an account (`kind` is [`Kind::AccountCreated`] or
/// [`Kind::PasswordReset`]), by the administrator `by`.
pub fn compose_account(kind: Kind, email: &str, by: &str) -> Notice {
    let body = format!("{} ({email}) by {by}.\n{}", crate::text::capitalised(kind.headline()), kind.ask());
    Notice {
        kind,
        case_id: None,
        subject: crate::text::capitalised(kind.headline()),
        body,
        note: None,
        link: "/account".to_string(),
    }
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
    pub note: Option<String>,
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

/// The administrators' view of the e-mail outbox (`/admin/outbox`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxView {
    /// Whether this server sends e-mail, and through which SMTP server (password hidden).
    pub smtp: Option<String>,
    pub pending: i64,
    pub sent: i64,
    pub failed: i64,
    /// Messages waiting (oldest first), then those given up.
    pub waiting: Vec<OutboxLine>,
    pub given_up: Vec<OutboxLine>,
}

/// One outbox message as administrators see it: whom to, what about, and how its tries went.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxLine {
    pub id: i64,
    pub to: String,
    /// The first notice's subject (a digest: how many it carries).
    pub subject: String,
    pub attempts: i32,
    /// `YYYY-MM-DD HH:MM` UTC.
    pub created: String,
    pub next_attempt: String,
    pub last_error: Option<String>,
}

/// How many messages of each list the outbox page shows.
pub const OUTBOX_PAGE: i64 = 200;

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
        assert!(!n.body.contains("xxx"), "the comment is not part of the mailable body: {}", n.body);
        let note = n.note.expect("the comment is the note");
        assert!(note.ends_with("…”") && note.chars().count() == MAX_NOTE + 3, "a long comment is cut: {note}");
        assert_eq!(n.link, "/cases/7");
        assert_eq!(compose(Kind::Decided, &case(), "R", Some("  ")).note, None, "a blank note is left out");
    }

    #[test]
    fn reminders_follow_the_nearest_stage_before_the_review_date() {
        assert_eq!(reminder(31), None);
        assert_eq!(reminder(30), Some(Kind::ReviewDueIn30Days));
        assert_eq!(reminder(8), Some(Kind::ReviewDueIn30Days));
        assert_eq!(reminder(7), Some(Kind::ReviewDueIn7Days));
        assert_eq!(reminder(1), Some(Kind::ReviewDueIn7Days));
        assert_eq!(reminder(0), Some(Kind::ReviewOverdue));
        assert_eq!(reminder(-400), Some(Kind::ReviewOverdue));
    }

    #[test]
    fn an_account_notice_names_the_account_and_no_password() {
        let n = compose_account(Kind::PasswordReset, "ana@un.org", "Admin One");
        assert_eq!(n.subject, "Your HRDD password was reset");
        assert!(n.body.starts_with("Your HRDD password was reset (ana@un.org) by Admin One."), "{}", n.body);
        assert_eq!((n.case_id, n.link.as_str()), (None, "/account"));
        for p in MailPref::ALL {
            assert_eq!(MailPref::parse(p.code()), Some(p));
        }
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
