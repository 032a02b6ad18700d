//! Exports of the filtered case list as CSV or JSON, streamed in pages of 1,000 rows (keyset on the
//! case id), so memory stays flat however many cases match.

use serde::Serialize;

/// One exported row (the columns of the CSV, in order).
/// Read from the database by `store::portfolio`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ExportRow {
    pub case_id: i64,
    pub reference: String,
    pub country: String,
    pub programme_title: String,
    pub state: String,
    pub version: i64,
    pub overall_band: Option<String>,
    /// The decision in force: final once decided, else recommended.
    pub decision: Option<String>,
    pub recommended_decision: Option<String>,
    pub final_decision: Option<String>,
    pub approval_level: Option<i64>,
    pub next_review_date: Option<String>,
    pub reassessment_due: bool,
    pub open_intercessions: i64,
    pub submitted_at: Option<chrono::DateTime<chrono::Utc>>,
    pub decided_at: Option<chrono::DateTime<chrono::Utc>>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
    /// The coded columns in words, in the requested language (`?lang=`, else the caller's).
    pub labels: RowLabels,
}

/// The words for a row's codes; empty where the code is.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RowLabels {
    pub state: Option<String>,
    pub overall_band: Option<String>,
    pub decision: Option<String>,
    pub recommended_decision: Option<String>,
    pub final_decision: Option<String>,
}

pub const CSV_HEADER: &[&str] = &[
    "case_id",
    "reference",
    "country",
    "programme_title",
    "state",
    "version",
    "overall_band",
    "decision",
    "recommended_decision",
    "final_decision",
    "approval_level",
    "next_review_date",
    "reassessment_due",
    "open_intercessions",
    "submitted_at",
    "decided_at",
    "updated_at",
    "state_label",
    "overall_band_label",
    "decision_label",
    "recommended_decision_label",
    "final_decision_label",
];

/// One CSV cell: quoted, and neutralised against formula injection — a cell that a spreadsheet
/// could read as a formula gets a leading apostrophe, so it is shown as text. That is any cell
/// starting with `=`, `+`, `-`, `@`, `|` or `%`, their full-width forms (`＝` `＋` `－` `＠` `｜`,
/// which some spreadsheets fold to the ASCII ones), or with white space or a line break (which
/// spreadsheets trim before looking).
pub fn csv_cell(value: &str) -> String {
    const LEADS: &[char] = &['=', '+', '-', '@', '|', '%', '＝', '＋', '－', '＠', '｜', '％'];
    let risky = value.chars().next().is_some_and(|c| LEADS.contains(&c) || c.is_whitespace() || c.is_control());
    let neutral = if risky { format!("'{value}") } else { value.to_string() };
    format!("\"{}\"", neutral.replace('"', "\"\""))
}

fn time(t: &Option<chrono::DateTime<chrono::Utc>>) -> String {
    t.map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string()).unwrap_or_default()
}

impl ExportRow {
    /// Fills [`RowLabels`] with `words(message id)` for each code the row has (codes unknown to this
    /// version stay without words).
    pub fn label(&mut self, words: impl Fn(&'static str) -> String) {
        use crate::i18n::labels::{decision_label_id, Labelled};
        use crate::methodology::codes::Band;
        let decision = |code: &Option<String>| code.as_deref().and_then(decision_label_id).map(&words);
        self.labels = RowLabels {
            state: crate::cases::CaseState::parse(&self.state).map(|s| words(s.label_id())),
            overall_band: self.overall_band.as_deref().and_then(Band::parse).map(|b| words(b.label_id())),
            decision: decision(&self.decision),
            recommended_decision: decision(&self.recommended_decision),
            final_decision: decision(&self.final_decision),
        };
    }

    pub fn csv_line(&self) -> String {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let cells = [
            self.case_id.to_string(),
            self.reference.clone(),
            self.country.clone(),
            self.programme_title.clone(),
            self.state.clone(),
            self.version.to_string(),
            opt(&self.overall_band),
            opt(&self.decision),
            opt(&self.recommended_decision),
            opt(&self.final_decision),
            self.approval_level.map(|l| l.to_string()).unwrap_or_default(),
            opt(&self.next_review_date),
            self.reassessment_due.to_string(),
            self.open_intercessions.to_string(),
            time(&self.submitted_at),
            time(&self.decided_at),
            time(&Some(self.updated_at)),
            opt(&self.labels.state),
            opt(&self.labels.overall_band),
            opt(&self.labels.decision),
            opt(&self.labels.recommended_decision),
            opt(&self.labels.final_decision),
        ];
        let mut line = cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(",");
        line.push_str("\r\n");
        line
    }
}

pub fn csv_header() -> String {
    let mut line = CSV_HEADER.iter().map(|h| csv_cell(h)).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

pub fn json_row(first: bool, row: &ExportRow) -> String {
    let body = serde_json::to_string(row).unwrap_or_else(|_| "null".into());
    if first {
        format!("\n{body}")
    } else {
        format!(",\n{body}")
    }
}

pub fn csv_row(_: bool, row: &ExportRow) -> String {
    row.csv_line()
}
