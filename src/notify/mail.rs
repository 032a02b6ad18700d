//! The e-mail of a notice or of a day's digest, as plain text and HTML (pure: the sender in
//! `services::mail` adds the addresses and hands it to SMTP).
//!
//! A message carries what the notices' subject and body say (case reference, title, country, state,
//! what is asked) and a link back; never a note, an answer or a risk figure. It says that replies are
//! not read: HRDD does not take answers by e-mail.

use crate::text::escape_html as escape;
use serde::{Deserialize, Serialize};

/// One notice as a message tells it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailItem {
    pub subject: String,
    pub body: String,
    /// A path of this site (`/cases/12`).
    pub link: String,
}

impl From<&super::Notice> for MailItem {
    fn from(n: &super::Notice) -> Self {
        MailItem { subject: n.subject.clone(), body: n.body.clone(), link: n.link.clone() }
    }
}

/// What an outbox message is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailKind {
    /// One notice, sent as it happens.
    Notice,
    /// The notices of a user who takes a daily digest.
    Digest,
}

impl MailKind {
    pub fn code(self) -> &'static str {
        match self {
            MailKind::Notice => "NOTICE",
            MailKind::Digest => "DIGEST",
        }
    }

    pub fn parse(code: &str) -> Option<MailKind> {
        [MailKind::Notice, MailKind::Digest].into_iter().find(|k| k.code() == code)
    }
}

/// A message ready for SMTP, without its addresses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Renders a message to `name`. `site` is the address of HRDD as users reach it (`https://hrdd.un.org`),
/// which turns each item's path into a link.
pub fn render(kind: MailKind, items: &[MailItem], name: &str, site: &str) -> Rendered {
    let site = site.trim_end_matches('/');
    let subject = match (kind, items) {
        (MailKind::Notice, [item, ..]) => format!("[HRDD] {}", item.subject),
        (_, items) => format!("[HRDD] {} notification{}", items.len(), if items.len() == 1 { "" } else { "s" }),
    };
    let intro = match kind {
        MailKind::Notice => "",
        MailKind::Digest => "Your HRDD notifications since the last digest:\n\n",
    };
    let footer = format!(
        "This message was sent by HRDD automatically; replies are not read.\nChoose how you get e-mail on {site}/notifications#mail."
    );
    let mut text = format!("Dear {name},\n\n{intro}");
    let mut html = format!(
        "<!DOCTYPE html><html><body style=\"font-family:sans-serif;color:#0f172a;max-width:40rem\">\
         <p>Dear {},</p>",
        escape(name)
    );
    if kind == MailKind::Digest {
        html.push_str("<p>Your HRDD notifications since the last digest:</p>");
    }
    for item in items {
        let url = format!("{site}{}", item.link);
        if kind == MailKind::Digest {
            text.push_str(&format!("* {}\n", item.subject));
        }
        text.push_str(&format!("{}\nOpen it in HRDD: {url}\n\n", item.body));
        html.push_str("<div style=\"margin:1rem 0;padding:0.75rem;border:1px solid #cbd5e1;border-radius:0.5rem\">");
        if kind == MailKind::Digest {
            html.push_str(&format!("<p style=\"font-weight:600;margin:0 0 0.5rem\">{}</p>", escape(&item.subject)));
        }
        for line in item.body.lines() {
            html.push_str(&format!("<p style=\"margin:0 0 0.25rem\">{}</p>", escape(line)));
        }
        html.push_str(&format!(
            "<p style=\"margin:0.5rem 0 0\"><a href=\"{0}\" style=\"color:#1d4ed8\">Open it in HRDD</a></p></div>",
            escape(&url)
        ));
    }
    text.push_str(&format!("-- \n{footer}\n"));
    html.push_str(&format!(
        "<p style=\"color:#475569;font-size:0.875rem\">{}</p></body></html>",
        escape(&footer).replace('\n', "<br>")
    ));
    Rendered { subject, text, html }
}

/// How many times a message is tried before it is marked FAILED (an administrator may retry it).
pub const MAX_ATTEMPTS: i32 = 8;

/// Seconds to wait after the `attempts`-th failed try: 30 s, 2 min, 8 min, 32 min, about 2 h, then
/// 6 h; the eight tries span about 15 hours, long enough to ride out a mail server's outage overnight.
pub fn retry_after_seconds(attempts: i32) -> i64 {
    let n = attempts.clamp(1, 16) as u32 - 1;
    (30_i64 * 4_i64.pow(n.min(6))).min(6 * 3600)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(n: i64) -> MailItem {
        MailItem {
            subject: format!("KE-2026-000{n} · Lab <A&B>: submitted for review"),
            body: format!("KE-2026-000{n} (Lab, KE) — submitted for review by Ana.\nState now: Submitted."),
            link: format!("/cases/{n}"),
        }
    }

    #[test]
    fn a_notice_mail_links_back_and_escapes_its_html() {
        let m = render(MailKind::Notice, &[item(7)], "Rita <R>", "https://hrdd.example.org/");
        assert_eq!(m.subject, "[HRDD] KE-2026-0007 · Lab <A&B>: submitted for review");
        assert!(m.text.starts_with("Dear Rita <R>,\n\nKE-2026-0007 (Lab, KE)"), "{}", m.text);
        assert!(m.text.contains("Open it in HRDD: https://hrdd.example.org/cases/7\n"), "{}", m.text);
        assert!(m.text.contains("replies are not read"));
        assert!(
            m.html.contains("Dear Rita &lt;R&gt;,") && m.html.contains("href=\"https://hrdd.example.org/cases/7\"")
        );
        assert!(!m.html.contains("<A&B>"), "escaped: {}", m.html);
    }

    #[test]
    fn a_digest_lists_every_item_with_its_link() {
        let m = render(MailKind::Digest, &[item(1), item(2), item(3)], "Rita", "http://127.0.0.1:3000");
        assert_eq!(m.subject, "[HRDD] 3 notifications");
        for n in 1..=3 {
            assert!(m.text.contains(&format!("http://127.0.0.1:3000/cases/{n}")), "{}", m.text);
            assert!(m.html.contains(&format!("href=\"http://127.0.0.1:3000/cases/{n}\"")));
        }
        assert_eq!(render(MailKind::Digest, &[item(1)], "R", "x").subject, "[HRDD] 1 notification");
    }

    #[test]
    fn retries_back_off_to_six_hours() {
        let waits: Vec<i64> = (1..=MAX_ATTEMPTS).map(retry_after_seconds).collect();
        assert_eq!(waits[..4], [30, 120, 480, 1920]);
        assert!(waits.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(*waits.last().unwrap(), 6 * 3600);
        for k in [MailKind::Notice, MailKind::Digest] {
            assert_eq!(MailKind::parse(k.code()), Some(k));
        }
    }
}
