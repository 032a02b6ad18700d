//! Cases: an assessment of one programme in one country, its versions and its answers (spec §10.2).
//!
//! Types here are shared with the browser; `service` and `access` are server-only.

#[cfg(feature = "ssr")]
pub mod access;
pub mod diff;
pub mod figures;
pub mod parts;
pub mod posted;
#[cfg(feature = "ssr")]
pub mod query;
pub mod steps;
pub mod wizard_types;

use crate::accounts::Role;
use crate::methodology::codes::{Band, RecommendedDecision};

/// Days a reviewer has to decide a submitted case before it shows as overdue (our choice; the spec
/// sets no review deadline — docs/methodology.md).
pub const REVIEW_DAYS: i64 = 14;

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
    /// `REVIEW_DAYS` ago) or "Re-assessment due" (decided, review date passed or a trigger).
    pub attention: Option<String>,
}

/// Filters of the case list, the portfolio, the exports and the read API; every field is optional
/// and kept in the URL, so a filtered view can be bookmarked and every portfolio figure links to the
/// list of cases behind it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "ssr", into_params(parameter_in = Query))]
pub struct CaseFilter {
    /// Searches title and reference.
    #[cfg_attr(feature = "ssr", param(schema_with = filter_params::search_param))]
    pub q: Option<String>,
    /// Workflow state (`DRAFT`, `SUBMITTED`, `RETURNED`, `DECIDED`, `SUPERSEDED`). Without it,
    /// superseded versions are left out: they are history, not the current assessment.
    #[cfg_attr(feature = "ssr", param(schema_with = filter_params::state_param))]
    pub state: Option<String>,
    /// Overall residual band (`LOW` … `HIGH`), or `INCOMPLETE` for drafts the engine cannot score yet.
    #[cfg_attr(feature = "ssr", param(schema_with = filter_params::band_param))]
    pub band: Option<String>,
    #[cfg_attr(feature = "ssr", param(schema_with = filter_params::country_param))]
    pub country: Option<String>,
    /// The decision in force: the signed final decision once decided, else the recommended one.
    #[cfg_attr(feature = "ssr", param(schema_with = filter_params::decision_param))]
    pub decision: Option<String>,
    /// Cases with at least one component of this support type (`ST1` … `ST12`).
    #[cfg_attr(feature = "ssr", param(schema_with = filter_params::support_type_param))]
    pub support_type: Option<String>,
    /// Last changed on or after this date (`YYYY-MM-DD`).
    #[cfg_attr(feature = "ssr", param(schema_with = filter_params::date_param))]
    pub from: Option<String>,
    /// Last changed on or before this date (`YYYY-MM-DD`).
    #[cfg_attr(feature = "ssr", param(schema_with = filter_params::date_param))]
    pub to: Option<String>,
    /// Cases where this risk area (`DP`, `TOR`, …) is triggered …
    #[cfg_attr(feature = "ssr", param(schema_with = filter_params::area_param))]
    pub area: Option<String>,
    /// … with this highest residual band (without `area`: any triggered area with this band).
    #[cfg_attr(feature = "ssr", param(schema_with = filter_params::area_band_param))]
    pub area_band: Option<String>,
    /// Cases where this hard rule fired in some component (`H1a` … `H11`).
    #[cfg_attr(feature = "ssr", param(schema_with = filter_params::rule_param))]
    pub rule: Option<String>,
    /// `review_overdue`, `reassessment_due`, `stop_decision` (a component suspended, frozen or not to
    /// proceed) or `open_intercession`.
    #[cfg_attr(feature = "ssr", param(schema_with = filter_params::flag_param))]
    pub flag: Option<String>,
    /// Page of the list, 1–100000.
    #[cfg_attr(feature = "ssr", param(minimum = 1, maximum = 100000))]
    pub page: Option<u32>,
}

/// The portfolio's drill-down flags, with their labels.
pub const FLAGS: &[(&str, &str)] = &[
    ("review_overdue", "Review overdue"),
    ("reassessment_due", "Re-assessment due"),
    ("stop_decision", "Component suspended, frozen or not to proceed"),
    ("open_intercession", "Intercession open"),
];

impl CaseFilter {
    /// The filter's fields as (URL parameter, value) pairs, without the page.
    pub fn pairs(&self) -> Vec<(&'static str, &str)> {
        [
            ("q", &self.q),
            ("state", &self.state),
            ("band", &self.band),
            ("country", &self.country),
            ("decision", &self.decision),
            ("support_type", &self.support_type),
            ("from", &self.from),
            ("to", &self.to),
            ("area", &self.area),
            ("area_band", &self.area_band),
            ("rule", &self.rule),
            ("flag", &self.flag),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_deref().filter(|v| !v.is_empty()).map(|v| (k, v)))
        .collect()
    }

    /// Builds a filter from URL parameters (unknown parameters are ignored).
    pub fn from_pairs<'a>(get: impl Fn(&str) -> Option<String> + 'a) -> CaseFilter {
        CaseFilter {
            q: get("q"),
            state: get("state"),
            band: get("band"),
            country: get("country"),
            decision: get("decision"),
            support_type: get("support_type"),
            from: get("from"),
            to: get("to"),
            area: get("area"),
            area_band: get("area_band"),
            rule: get("rule"),
            flag: get("flag"),
            page: get("page").and_then(|p| p.parse().ok()),
        }
    }

    /// `a=1&b=2` (URL-encoded), without the page.
    pub fn query_string(&self) -> String {
        self.pairs().into_iter().map(|(k, v)| format!("{k}={}", crate::url::encode(v))).collect::<Vec<_>>().join("&")
    }

    /// This filter with one more condition (a drill-down), back to the first page.
    pub fn with(&self, key: &str, value: &str) -> CaseFilter {
        let mut f = self.clone();
        f.page = None;
        let v = Some(value.to_string());
        match key {
            "q" => f.q = v,
            "state" => f.state = v,
            "band" => f.band = v,
            "country" => f.country = v,
            "decision" => f.decision = v,
            "support_type" => f.support_type = v,
            "from" => f.from = v,
            "to" => f.to = v,
            "area" => f.area = v,
            "area_band" => f.area_band = v,
            "rule" => f.rule = v,
            "flag" => f.flag = v,
            _ => {}
        }
        f
    }

    /// This filter without one condition (removing the area also removes its band).
    pub fn without(&self, key: &str) -> CaseFilter {
        let mut f = self.with(key, "");
        if key == "area" {
            f.area_band = None;
        }
        f
    }

    /// The case list showing exactly the cases behind this filter.
    pub fn list_url(&self) -> String {
        let q = self.query_string();
        if q.is_empty() {
            "/cases".to_string()
        } else {
            format!("/cases?{q}")
        }
    }
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

/// What the new-assessment form sends. Checked by one function in the browser and on the server,
/// so that every problem shows next to its field at once — also after a post without JavaScript,
/// where the page checks the values the server sent back (never a message taken from the URL).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewCaseForm {
    pub country: String,
    pub un_entity: String,
    pub office: String,
    pub programme_title: String,
    pub assessment_type: String,
}

impl NewCaseForm {
    /// The form's fields in the order of the page, for sending them back after a refused post.
    pub fn fields(&self) -> [(&'static str, &str); 5] {
        [
            ("country", &self.country),
            ("programme_title", &self.programme_title),
            ("un_entity", &self.un_entity),
            ("office", &self.office),
            ("assessment_type", &self.assessment_type),
        ]
    }

    /// Every problem, with the field it belongs to. `entities` and `types` are the catalogue's
    /// codes; whether the country is one of the user's is the server's to check.
    pub fn problems(&self, entities: &[String], types: &[String]) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let country = self.country.trim();
        if country.len() != 2 || !country.chars().all(|c| c.is_ascii_alphabetic()) {
            out.push(("country".to_string(), "Choose the country of the assessment.".to_string()));
        }
        for (field, value, label) in
            [("programme_title", &self.programme_title, "programme title"), ("office", &self.office, "office")]
        {
            let problem = match crate::text::clean(value.trim()) {
                Err(m) => Some(format!("The {label} {m}.")),
                Ok(v) if v.is_empty() => Some(format!("Enter the {label}.")),
                Ok(v) if v.chars().count() > 300 => Some(format!("The {label} has at most 300 characters.")),
                Ok(_) => None,
            };
            if let Some(message) = problem {
                out.push((field.to_string(), message));
            }
        }
        if !entities.contains(&self.un_entity) {
            out.push(("un_entity".to_string(), "Choose the UN entity.".to_string()));
        }
        if !types.contains(&self.assessment_type) {
            out.push(("assessment_type".to_string(), "Choose the type of assessment.".to_string()));
        }
        out
    }
}

/// A reviewer's or adviser's comment as the wizard and the inbox show it: the comment that returned
/// a case (above every step, and where "continue" leads), and the comments about one step (inside
/// that step).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewNote {
    /// "Returned", "Comment", "Concurrence" or "Refusal".
    pub kind: String,
    pub by: String,
    pub at: String,
    pub body: String,
    /// The wizard step the comment concerns (None: the assessment as a whole).
    pub segment: Option<String>,
}

impl ReviewNote {
    /// The label of a stored comment kind (`RETURN`, `COMMENT`, `CONCURRENCE`, `REFUSAL`, `SIGN_OFF`).
    pub fn kind_label(kind: &str) -> &'static str {
        match kind {
            "RETURN" => "Returned",
            "CONCURRENCE" => "Concurrence",
            "REFUSAL" => "Refusal",
            "SIGN_OFF" => "Sign-off",
            _ => "Comment",
        }
    }

    /// The wizard step a comment anchor points to: `step:<segment>` itself, and the risk
    /// screening step of the component for `area:<component>/<area>`.
    pub fn segment_of_anchor(anchor: &str) -> Option<String> {
        if let Some(segment) = anchor.strip_prefix("step:") {
            return Some(segment.to_string());
        }
        let (component, _) = anchor.strip_prefix("area:")?.split_once('/')?;
        Some(format!("screening-{component}"))
    }
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

/// The read API's parameter schemas of [`CaseFilter`]: every filter that takes a code is documented
/// with its closed list, so a client (or schemathesis) knows exactly what the server accepts. An
/// empty value means "any" (the pages' filter forms send empty fields), so it is part of every list.
#[cfg(feature = "ssr")]
pub mod filter_params {
    use super::CaseState;
    use crate::methodology::codes::{Area, Band, FinalDecision, HardRule, RecommendedDecision, SupportType};
    use utoipa::openapi::schema::{AnyOfBuilder, Object, ObjectBuilder, Schema, Type};
    use utoipa::openapi::{KnownFormat, SchemaFormat};

    fn one_of(mut values: Vec<String>) -> Object {
        values.push(String::new());
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(values))
            .description(Some("One of the listed codes; empty means any."))
            .build()
    }

    /// Free text to search titles and references for: at most 200 characters, no control characters
    /// (tab and line breaks aside; the server refuses the others with 400/422).
    pub fn search_param() -> Object {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .max_length(Some(200))
            .pattern(Some("^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"))
            .build()
    }

    fn codes<T: Copy>(all: &[T], code: fn(T) -> &'static str) -> Vec<String> {
        all.iter().map(|v| code(*v).to_string()).collect()
    }

    pub fn state_param() -> Object {
        one_of(CaseState::ALL.iter().map(|s| s.as_str().to_string()).collect())
    }

    pub fn band_param() -> Object {
        let mut bands = codes(Band::ALL, Band::code);
        bands.push("INCOMPLETE".into());
        one_of(bands)
    }

    pub fn area_band_param() -> Object {
        one_of(codes(Band::ALL, Band::code))
    }

    pub fn country_param() -> Object {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some("^([A-Za-z]{2})?$"))
            .description(Some("ISO 3166 alpha-2 country code; empty means any."))
            .build()
    }

    /// A date (`YYYY-MM-DD`), or empty for none. A `to` before `from` is refused (422, field `to`).
    pub fn date_param() -> Schema {
        let date =
            ObjectBuilder::new().schema_type(Type::String).format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)));
        let empty = ObjectBuilder::new().schema_type(Type::String).max_length(Some(0));
        Schema::AnyOf(AnyOfBuilder::new().item(date).item(empty).build())
    }

    pub fn decision_param() -> Object {
        let mut all = codes(RecommendedDecision::ALL, RecommendedDecision::code);
        for d in codes(FinalDecision::ALL, FinalDecision::code) {
            if !all.contains(&d) {
                all.push(d);
            }
        }
        one_of(all)
    }

    pub fn support_type_param() -> Object {
        one_of(codes(SupportType::ALL, SupportType::code))
    }

    pub fn area_param() -> Object {
        one_of(codes(Area::ALL, Area::code))
    }

    pub fn rule_param() -> Object {
        one_of(codes(HardRule::ALL, HardRule::code))
    }

    pub fn flag_param() -> Object {
        one_of(super::FLAGS.iter().map(|(f, _)| f.to_string()).collect())
    }
}
