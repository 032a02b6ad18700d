//! Exports of the filtered case list as CSV or JSON (rows and formats in `portfolio::export`),
//! streamed in pages of 1,000 rows (keyset on the case id), so memory stays flat however many cases
//! match.

use crate::accounts::CurrentUser;
use crate::cases::CaseFilter;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::portfolio::export::ExportRow;
use crate::store::query::Where;
use crate::store::Store;

const BATCH: i64 = 1000;

/// The export's query: the scoped, validated filter (checked before the first byte is sent).
#[derive(Clone)]
pub struct ExportQuery {
    db: Store,
    cases: Where,
    /// The filter names no more than states and countries: the kept per-country counts give the total.
    counts_suffice: bool,
    /// The words of every coded value in the requested language, looked up once per export
    /// (message id → text), not per row.
    words: std::sync::Arc<std::collections::HashMap<&'static str, String>>,
}

/// The export of `filter` for `user`, its coded columns labelled in `lang`.
pub fn query(db: &Store, user: &CurrentUser, filter: &CaseFilter, lang: Lang) -> Result<ExportQuery, AppError> {
    crate::cases::access::require_reader(user)?;
    let parsed = filter.parse()?;
    let w = Where::scoped(&user.scope, &parsed);
    let words =
        crate::i18n::labels::value_label_ids().into_iter().map(|id| (id, crate::i18n::text(lang, id))).collect();
    Ok(ExportQuery {
        db: db.clone(),
        cases: w,
        counts_suffice: parsed.counts_suffice(),
        words: std::sync::Arc::new(words),
    })
}

impl ExportQuery {
    /// One page of the list for the read API: (total matching, rows of page `page` ≥ 1), by case id.
    pub async fn numbered_page(&self, page: i64, per_page: i64) -> Result<(i64, Vec<ExportRow>), AppError> {
        let total = self.db.case_count(&self.cases, self.counts_suffice).await?;
        Ok((total, self.labelled(self.db.export_page(&self.cases, page, per_page).await?)))
    }

    /// The next page of rows after case id `after`.
    async fn page(&self, after: i64) -> Result<Vec<ExportRow>, crate::store::StoreError> {
        Ok(self.labelled(self.db.export_after(&self.cases, after, BATCH).await?))
    }

    fn labelled(&self, mut rows: Vec<ExportRow>) -> Vec<ExportRow> {
        for row in &mut rows {
            row.label(|id| self.words.get(id).cloned().unwrap_or_default());
        }
        rows
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
