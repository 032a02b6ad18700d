//! The portfolio: what managers and reviewers read across countries — counts by band, decision and
//! status, a heat map of countries × risk areas, stop decisions, overdue work and the hard rules
//! that fire most (spec §10.8) — plus the read API, exports and the per-case manager summary.
//!
//! Types here are shared with the browser; `service`, `index`, `api` and `export` are server-only.

#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod index;

use crate::accounts::Role;
use crate::cases::CaseFilter;
use serde::{Deserialize, Serialize};

/// Figures are recomputed at most this often (seconds) for the same countries and filter.
pub const CACHE_SECONDS: u64 = 30;

/// Who reads the portfolio (in their countries): managers and reviewers.
pub const PORTFOLIO_READERS: &[Role] = &[Role::Manager, Role::Reviewer];

/// One figure: a code (band, decision, status, area, rule…), its label and how many.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Count {
    pub code: String,
    pub label: String,
    pub count: i64,
}

/// The figures of one country.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CountryFigures {
    pub country: String,
    pub total: i64,
    /// Cases by overall residual band: LOW, MODERATE, SUBSTANTIAL, HIGH, then INCOMPLETE.
    pub by_band: Vec<Count>,
    /// Cases by the decision in force (final once decided), most restrictive last.
    pub by_decision: Vec<Count>,
    pub stop_components: i64,
    pub review_overdue: i64,
    pub reassessment_due: i64,
}

/// One cell of the heat map: cases of `country` whose area `area` is triggered, by highest
/// residual band (LOW, MODERATE, SUBSTANTIAL, HIGH).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct HeatCell {
    pub country: String,
    pub area: String,
    pub by_band: [i64; 4],
}

impl HeatCell {
    /// The highest band with a case in it (0 = LOW … 3 = HIGH).
    pub fn worst(&self) -> Option<usize> {
        (0..4).rev().find(|&b| self.by_band[b] > 0)
    }
    pub fn total(&self) -> i64 {
        self.by_band.iter().sum()
    }
}

/// A component whose decision in force stops the support.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct StopComponent {
    pub case_id: i64,
    pub reference: String,
    pub country: String,
    pub title: String,
    pub component_id: String,
    /// The signed final decision (only signed stops are listed).
    pub decision: String,
}

/// A risk area's code and short name (the heat map's columns).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AreaName {
    pub code: String,
    pub name: String,
}

/// The portfolio aggregates for one filter, in the caller's countries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Portfolio {
    /// Current versions matching the filter (superseded versions only when asked for).
    pub total: i64,
    pub by_band: Vec<Count>,
    pub by_decision: Vec<Count>,
    pub by_status: Vec<Count>,
    pub countries: Vec<CountryFigures>,
    pub areas: Vec<AreaName>,
    pub heat_map: Vec<HeatCell>,
    /// Triggered areas at HIGH residual band, most frequent first (cases).
    pub high_areas: Vec<Count>,
    /// Hard rules by the number of cases where they fired, most frequent first.
    pub hard_rules: Vec<Count>,
    /// Components stopped by a final (signed-off) decision.
    pub stop_components_total: i64,
    /// Components whose recommendation is a stop, not yet decided (drafts and cases under review).
    pub stop_recommended_total: i64,
    /// The most recently changed components stopped by a final decision (at most 10).
    pub stop_components: Vec<StopComponent>,
    pub review_overdue: i64,
    pub reassessment_due: i64,
    pub open_intercessions: i64,
    /// When the figures were computed (UTC).
    pub generated_at: String,
}

/// The choices of the portfolio's filter form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FilterOptions {
    pub countries: Vec<String>,
    /// (code, label) of the support types.
    pub support_types: Vec<(String, String)>,
    /// (code, label) of every decision a case can be in (recommended or final).
    pub decisions: Vec<(String, String)>,
}

/// What the portfolio page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PortfolioPage {
    pub filter: CaseFilter,
    pub options: FilterOptions,
    pub portfolio: Portfolio,
}

/// Human label of a decision code (recommended or final).
pub fn decision_label(code: &str) -> String {
    crate::text::code_in_words(code)
}

/// A triggered risk area of a component: inherent (band0) and residual (band1) band.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SummaryArea {
    pub area: String,
    pub band0: String,
    pub band1: String,
}

/// One support component in the manager summary (spec §10.8).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SummaryComponent {
    pub component_id: String,
    pub support_types: Vec<String>,
    pub recipient_type: Option<String>,
    pub hrddp_applicable: bool,
    /// Triggered areas only.
    pub areas: Vec<SummaryArea>,
    pub recommended_decision: String,
    /// The signed decision; null until the version is decided.
    pub final_decision: Option<String>,
    pub hard_rules_fired: Vec<String>,
    pub conditions: Option<String>,
}

/// The manager summary of one case version (spec §10.8), as the read API and the JSON export give it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ManagerSummary {
    pub case_id: i64,
    pub reference: String,
    pub country: String,
    pub un_entity: Option<String>,
    pub office: String,
    pub programme_title: String,
    pub version: i64,
    pub state: String,
    /// Empty while the draft cannot be scored yet.
    pub components: Vec<SummaryComponent>,
    pub overall_band: Option<String>,
    /// The most restrictive final decision once decided, else the recommended overall decision.
    pub overall_decision: Option<String>,
    pub consultations_done: Vec<String>,
    pub next_review_date: Option<String>,
    pub reassessment_due: bool,
    pub last_decided_by: Option<String>,
    pub last_decided_at: Option<String>,
    /// Components whose intercession (8.4) is OPEN.
    pub open_intercessions: i64,
}
