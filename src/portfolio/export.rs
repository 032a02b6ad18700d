//! Exports of the filtered case list as CSV or JSON, streamed in pages of 1,000 rows (keyset on the
//! case id), so memory stays flat however many cases match.

use crate::accounts::CurrentUser;
use crate::cases::CaseFilter;
use crate::error::AppError;
use crate::store::query::Where;
use crate::store::Store;
use serde::Serialize;

const BATCH: i64 = 1000;

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
        ];
        let mut line = cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(",");
        line.push_str("\r\n");
        line
    }
}

/// The export's query: the scoped, validated filter (checked before the first byte is sent).
#[derive(Clone)]
pub struct ExportQuery {
    db: Store,
    cases: Where,
}

pub fn query(db: &Store, user: &CurrentUser, filter: &CaseFilter) -> Result<ExportQuery, AppError> {
    crate::cases::access::require_reader(user)?;
    let w = Where::scoped(&user.scope, &filter.parse()?);
    Ok(ExportQuery { db: db.clone(), cases: w })
}

impl ExportQuery {
    /// One page of the list for the read API: (total matching, rows of page `page` ≥ 1), by case id.
    pub async fn numbered_page(&self, page: i64, per_page: i64) -> Result<(i64, Vec<ExportRow>), AppError> {
        Ok(self.db.export_page(&self.cases, page, per_page).await?)
    }

    /// The next page of rows after case id `after`.
    async fn page(&self, after: i64) -> Result<Vec<ExportRow>, crate::store::StoreError> {
        self.db.export_after(&self.cases, after, BATCH).await
    }

    /// The rows as a stream of text chunks: `render(first_in_file, row)` per row, `open` before
    /// and `close` after.
    pub fn stream(
        self,
        open: String,
        close: &'static str,
        render: fn(bool, &ExportRow) -> String,
    ) -> impl futures::Stream<Item = Result<String, std::io::Error>> + Send + 'static {
        use futures::StreamExt;
        enum At {
            Start(String),
            After(i64, bool),
            Done,
        }
        futures::stream::unfold((self, At::Start(open)), move |(q, at)| async move {
            let (after, first) = match at {
                At::Done => return None,
                At::Start(open) => return Some((Ok(open), (q, At::After(0, true)))),
                At::After(after, first) => (after, first),
            };
            match q.page(after).await {
                Ok(rows) if rows.is_empty() => Some((Ok(close.to_string()), (q, At::Done))),
                Ok(rows) => {
                    let last = rows.last().map_or(after, |r| r.case_id);
                    let chunk: String = rows.iter().enumerate().map(|(i, r)| render(first && i == 0, r)).collect();
                    Some((Ok(chunk), (q, At::After(last, false))))
                }
                Err(e) => {
                    // The status line is already sent: end the body early and say why in the log.
                    tracing::error!(error = %e, "export stopped");
                    Some((Err(std::io::Error::other("export stopped")), (q, At::Done)))
                }
            }
        })
        // Fused: a reader may poll once more after the end (the compression layer does), and an
        // `unfold` stream must not be polled then.
        .fuse()
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
