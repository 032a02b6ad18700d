//! Cases: an assessment of one programme in one country, its versions and its answers (spec §10.2).
//!
//! Types here are shared with the browser; `service` and `access` are server-only.

#[cfg(feature = "ssr")]
pub mod access;
#[cfg(feature = "ssr")]
pub mod audit;
pub mod diff;
#[cfg(feature = "ssr")]
pub mod form;
pub mod parts;
#[cfg(feature = "ssr")]
pub mod seed;
pub mod server_fns;
#[cfg(feature = "ssr")]
pub mod service;
pub mod steps;
#[cfg(feature = "ssr")]
pub mod wizard;
pub mod wizard_types;

use crate::accounts::Role;
use crate::methodology::codes::{Band, RecommendedDecision};

/// Roles that may read cases in their countries. Administrators never see case content.
pub const CASE_READERS: &[Role] = &[Role::Assessor, Role::HrAdviser, Role::Reviewer, Role::Manager];
use serde::{Deserialize, Serialize};

/// Workflow states of a case version (spec §10.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CaseState {
    Draft,
    Submitted,
    Returned,
    Decided,
    Superseded,
}

impl CaseState {
    pub const ALL: [CaseState; 5] =
        [CaseState::Draft, CaseState::Submitted, CaseState::Returned, CaseState::Decided, CaseState::Superseded];

    pub fn as_str(self) -> &'static str {
        match self {
            CaseState::Draft => "DRAFT",
            CaseState::Submitted => "SUBMITTED",
            CaseState::Returned => "RETURNED",
            CaseState::Decided => "DECIDED",
            CaseState::Superseded => "SUPERSEDED",
        }
    }

    pub fn parse(s: &str) -> Option<CaseState> {
        CaseState::ALL.into_iter().find(|c| c.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            CaseState::Draft => "Draft",
            CaseState::Submitted => "Submitted",
            CaseState::Returned => "Returned",
            CaseState::Decided => "Decided",
            CaseState::Superseded => "Superseded",
        }
    }

    /// Assessors may change answers only in these states.
    pub fn editable(self) -> bool {
        matches!(self, CaseState::Draft | CaseState::Returned)
    }
}

/// One row of the case list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseListItem {
    pub id: i64,
    pub reference: String,
    pub country: String,
    pub title: String,
    pub state: CaseState,
    pub version_no: i64,
    pub overall_band: Option<Band>,
    pub overall_decision: Option<RecommendedDecision>,
    pub can_submit: bool,
    pub updated_at: String,
    pub updated_by: String,
    /// A deadline this version has missed: "Review overdue" (submitted longer than
    /// `review::REVIEW_DAYS` ago) or "Re-assessment due" (decided, review date passed or a trigger).
    pub attention: Option<String>,
}

/// Filters of the case list; every field is optional and kept in the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFilter {
    /// Searches title and reference.
    pub q: Option<String>,
    pub state: Option<String>,
    pub band: Option<String>,
    pub country: Option<String>,
    pub page: Option<u32>,
}

pub const PAGE_SIZE: u32 = 25;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CasePage {
    pub items: Vec<CaseListItem>,
    pub total: i64,
    pub page: u32,
    pub pages: u32,
    /// Countries the user may filter by (their scope, or every country with cases when "all").
    pub countries: Vec<String>,
    pub can_create: bool,
}

/// What the case overview page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseOverview {
    pub item: CaseListItem,
    pub methodology_version: String,
    pub created_at: String,
    pub created_by: String,
    pub next_review_date: Option<String>,
    pub components: Vec<String>,
    /// Validation problems of the draft (what still has to be answered), at most 50.
    pub open_items: Vec<String>,
    pub open_items_total: usize,
    pub can_edit: bool,
    /// The wizard step this user last saved (where "Continue" takes them).
    pub resume_segment: Option<String>,
    /// Managers see the summary only, not the answers (spec §10.1).
    pub answers_hidden: bool,
}
