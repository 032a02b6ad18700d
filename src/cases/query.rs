//! Which cases a list, the portfolio or an export asks for: a [`CaseFilter`] as typed in a URL,
//! checked into a [`CaseQuery`] (every code known, dates real dates). The store turns a query into
//! SQL; nothing here knows SQL.

use super::{CaseFilter, CaseState};
use crate::error::AppError;
use crate::methodology::codes::{Area, Band, FinalDecision, HardRule, RecommendedDecision, SupportType};
use chrono::{DateTime, Utc};

/// The highest page number a list accepts (the API documents the same bound).
pub const MAX_PAGE: u32 = 100_000;

/// The overall band a list asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BandFilter {
    /// Drafts the engine cannot score yet.
    Incomplete,
    Band(Band),
}

/// The attention flags a list can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    /// Submitted more than `cases::REVIEW_DAYS` ago and not decided.
    ReviewOverdue,
    /// Decided, and the next review date has come (or a re-assessment was asked for).
    ReassessmentDue,
    /// Some component's signed decision stops the support.
    StopDecision,
    OpenIntercession,
}

/// A checked case filter. `None` everywhere means every current (not superseded) case in scope.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CaseQuery {
    /// Lower-cased text searched in title and reference.
    pub search: Option<String>,
    /// `None`: every state except superseded.
    pub state: Option<CaseState>,
    pub band: Option<BandFilter>,
    pub country: Option<String>,
    /// The decision in force: the signed final decision once decided, else the recommended one.
    pub decision: Option<String>,
    pub support_type: Option<SupportType>,
    /// Last changed at or after this instant.
    pub changed_from: Option<DateTime<Utc>>,
    /// Last changed before this instant.
    pub changed_before: Option<DateTime<Utc>>,
    pub area: Option<Area>,
    /// With `area`: that area's highest residual band; alone: any triggered area's.
    pub area_band: Option<Band>,
    pub rule: Option<HardRule>,
    pub flag: Option<Flag>,
}

impl CaseQuery {
    /// Filtered by nothing but country and state (every list's first view): the kept per-country
    /// counts can answer how many cases match.
    pub fn counts_suffice(&self) -> bool {
        self.search.is_none()
            && self.band.is_none()
            && self.decision.is_none()
            && self.support_type.is_none()
            && self.changed_from.is_none()
            && self.changed_before.is_none()
            && self.area.is_none()
            && self.area_band.is_none()
            && self.rule.is_none()
            && self.flag.is_none()
    }
}

/// Submitted before this instant means the review is overdue (`cases::REVIEW_DAYS`).
pub fn review_cutoff() -> DateTime<Utc> {
    Utc::now() - chrono::Duration::days(crate::cases::REVIEW_DAYS)
}

/// Today (UTC) as `YYYY-MM-DD`, the format of `next_review_date`.
pub fn today() -> String {
    Utc::now().date_naive().to_string()
}

impl CaseFilter {
    /// Checks every condition (an unknown code is an error naming its field), in the order the
    /// fields appear on the filter form.
    pub fn parse(&self) -> Result<CaseQuery, AppError> {
        let given = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
        let known = |field: &str, ok: bool, what: &str| {
            if ok {
                Ok(())
            } else {
                Err(AppError::invalid(field, format!("Unknown {what}.")))
            }
        };
        let band = |field: &str, value: &str| {
            Band::parse(value).ok_or_else(|| AppError::invalid(field, "Unknown band.".to_string()))
        };
        let mut query = CaseQuery::default();
        if let Some(q) = given(&self.q) {
            if crate::text::has_forbidden_control(&q) {
                return Err(AppError::invalid("q", format!("The search {}.", crate::text::CONTROL_CHARACTERS)));
            }
            if q.chars().count() > 200 {
                return Err(AppError::invalid("q", "Search for at most 200 characters."));
            }
            query.search = Some(q.to_lowercase());
        }
        if let Some(state) = given(&self.state) {
            query.state = Some(CaseState::parse(&state).ok_or_else(|| AppError::invalid("state", "Unknown status."))?);
        }
        query.band = match given(&self.band).as_deref() {
            None => None,
            Some("INCOMPLETE") => Some(BandFilter::Incomplete),
            Some(b) => Some(BandFilter::Band(band("band", b)?)),
        };
        if let Some(country) = given(&self.country) {
            let code = country.to_ascii_uppercase();
            known(
                "country",
                crate::methodology::validate::is_country(&code),
                "country (use a two-letter ISO code such as KE)",
            )?;
            query.country = Some(code);
        }
        if self.page.is_some_and(|p| !(1..=MAX_PAGE).contains(&p)) {
            return Err(AppError::invalid("page", format!("Choose a page between 1 and {MAX_PAGE}.")));
        }
        if let Some(decision) = given(&self.decision) {
            let ok = RecommendedDecision::parse(&decision).is_some() || FinalDecision::parse(&decision).is_some();
            known("decision", ok, "decision")?;
            query.decision = Some(decision);
        }
        if let Some(t) = given(&self.support_type) {
            query.support_type =
                Some(SupportType::parse(&t).ok_or_else(|| AppError::invalid("support_type", "Unknown support type."))?);
        }
        let day = |field: &str, value: &str| {
            chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
                .map(|d| d.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc())
                .map_err(|_| AppError::invalid(field, "Enter the date as YYYY-MM-DD."))
        };
        if let Some(from) = given(&self.from) {
            query.changed_from = Some(day("from", &from)?);
        }
        if let Some(to) = given(&self.to) {
            // ISO dates compare as text; `from` is valid here (checked above).
            if given(&self.from).is_some_and(|from| from > to) {
                return Err(AppError::invalid("to", "The end date is before the start date."));
            }
            query.changed_before = Some(day("to", &to)? + chrono::Duration::days(1));
        }
        if let Some(area) = given(&self.area) {
            query.area = Some(Area::parse(&area).ok_or_else(|| AppError::invalid("area", "Unknown risk area."))?);
        }
        if let Some(b) = given(&self.area_band) {
            query.area_band = Some(band("area_band", &b)?);
        }
        if let Some(rule) = given(&self.rule) {
            query.rule = Some(HardRule::parse(&rule).ok_or_else(|| AppError::invalid("rule", "Unknown hard rule."))?);
        }
        query.flag = match given(&self.flag).as_deref() {
            None => None,
            Some("review_overdue") => Some(Flag::ReviewOverdue),
            Some("reassessment_due") => Some(Flag::ReassessmentDue),
            Some("stop_decision") => Some(Flag::StopDecision),
            Some("open_intercession") => Some(Flag::OpenIntercession),
            Some(_) => return Err(AppError::invalid("flag", "Unknown flag.")),
        };
        Ok(query)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(pairs: &[(&str, &str)]) -> CaseFilter {
        CaseFilter::from_pairs(|key| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| v.to_string()))
    }

    fn field_of(e: AppError) -> Option<String> {
        match e {
            AppError::Invalid { field, .. } => field,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn codes_dates_and_flags_are_checked_and_typed() {
        let q =
            filter(&[("q", " Lab "), ("country", "ke"), ("band", "INCOMPLETE"), ("to", "2026-03-01")]).parse().unwrap();
        assert_eq!(q.search.as_deref(), Some("lab"));
        assert_eq!(q.country.as_deref(), Some("KE"));
        assert_eq!(q.band, Some(BandFilter::Incomplete));
        assert_eq!(q.changed_before.unwrap().to_rfc3339(), "2026-03-02T00:00:00+00:00", "the whole last day counts");
        assert!(!q.counts_suffice());
        assert!(filter(&[("country", "KE"), ("state", "DRAFT")]).parse().unwrap().counts_suffice());
        assert_eq!(field_of(filter(&[("country", "Kenya")]).parse().unwrap_err()).as_deref(), Some("country"));
        assert_eq!(field_of(filter(&[("area_band", "RED")]).parse().unwrap_err()).as_deref(), Some("area_band"));
        assert_eq!(field_of(filter(&[("flag", "soon")]).parse().unwrap_err()).as_deref(), Some("flag"));
        let backwards = filter(&[("from", "2026-03-02"), ("to", "2026-03-01")]).parse().unwrap_err();
        assert_eq!(field_of(backwards).as_deref(), Some("to"));
        assert_eq!(field_of(filter(&[("from", "2026-02-30")]).parse().unwrap_err()).as_deref(), Some("from"));
    }
}
