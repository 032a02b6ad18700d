//! The figures of a draft kept beside it (for lists, queues and dashboards), recomputed at every save.

use crate::methodology::ScoreOutcome;

/// Cached figures of a draft for lists, queues and dashboards.
pub struct Figures {
    pub valid: bool,
    pub can_submit: bool,
    pub band: Option<String>,
    pub decision: Option<String>,
    pub next_review: Option<String>,
    pub approval_level: Option<i64>,
    /// Blocking item codes, space-separated (the adviser's queue looks for concurrence items).
    pub blocking_codes: String,
}

pub fn figures(outcome: &ScoreOutcome) -> Figures {
    match outcome.result() {
        Some(r) => Figures {
            valid: true,
            can_submit: r.can_submit,
            band: Some(r.overall_band.code().to_string()),
            decision: Some(r.overall_decision.code().to_string()),
            next_review: r.next_review_date.map(|d| d.to_string()),
            approval_level: Some(i64::from(r.approval_level_required)),
            blocking_codes: r.blocking_items.iter().map(|b| b.code.as_str()).collect::<Vec<_>>().join(" "),
        },
        None => Figures {
            valid: false,
            can_submit: false,
            band: None,
            decision: None,
            next_review: None,
            approval_level: None,
            blocking_codes: String::new(),
        },
    }
}
