//! `WHERE` clauses built from a checked [`CaseQuery`] and a country scope, with numbered
//! placeholders that both backends accept. Only values are bound; every SQL word is a constant here.

use crate::accounts::CountryScope;
use crate::cases::query::{review_cutoff, today, BandFilter, CaseQuery, Flag};
use chrono::{DateTime, Utc};

/// A value bound to a dynamically built query, in placeholder order.
#[derive(Clone, Debug)]
pub enum Bind {
    Text(String),
    Int(i64),
    Time(DateTime<Utc>),
}

/// Binds every value of `$binds` to `$query`, in order (store-internal).
macro_rules! bind_all {
    ($query:expr, $binds:expr) => {{
        let mut q = $query;
        for b in $binds {
            q = match b {
                $crate::store::query::Bind::Text(s) => q.bind(s.clone()),
                $crate::store::query::Bind::Int(i) => q.bind(*i),
                $crate::store::query::Bind::Time(t) => q.bind(*t),
            };
        }
        q
    }};
}
pub(super) use bind_all;

/// The decision in force: the signed final decision once decided, else the recommended one.
pub const DECISION_SQL: &str = "COALESCE(c.final_decision, c.overall_decision)";

/// `AND …` clauses over the cases aliased `c`, and the values they bind.
#[derive(Clone, Debug)]
pub struct Where {
    pub sql: String,
    pub binds: Vec<Bind>,
}

impl Default for Where {
    fn default() -> Self {
        Where::new()
    }
}

impl Where {
    pub fn new() -> Where {
        Where { sql: String::from(" WHERE 1 = 1"), binds: Vec::new() }
    }

    /// The number of the next placeholder.
    pub fn next(&self) -> usize {
        self.binds.len() + 1
    }

    /// Adds ` AND {condition}` where `condition` holds `$n` for the next placeholder, bound to `value`.
    fn push(&mut self, condition: impl FnOnce(usize) -> String, value: Bind) {
        let n = self.next();
        self.sql.push_str(" AND ");
        self.sql.push_str(&condition(n));
        self.binds.push(value);
    }

    pub fn eq(&mut self, column: &str, value: String) {
        self.push(|n| format!("{column} = ${n}"), Bind::Text(value));
    }

    /// Only cases in the countries of `scope` (none at all for an empty list).
    pub fn scope(&mut self, scope: &CountryScope) {
        if let CountryScope::Countries(list) = scope {
            if list.is_empty() {
                self.sql.push_str(" AND 1 = 0");
                return;
            }
            let start = self.next();
            let marks: Vec<String> = (0..list.len()).map(|i| format!("${}", start + i)).collect();
            self.sql.push_str(&format!(" AND c.country IN ({})", marks.join(", ")));
            self.binds.extend(list.iter().map(|c| Bind::Text(c.clone())));
        }
    }

    /// Cases whose id is among those `subquery` (ending in `= `) selects for `value`.
    fn among(&mut self, subquery: &str, value: &str) {
        self.push(|n| format!("c.id IN ({subquery}${n})"), Bind::Text(value.to_string()));
    }

    /// Every condition of `query`.
    pub fn case_query(&mut self, query: &CaseQuery) {
        if let Some(search) = &query.search {
            let escaped = search.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
            self.push(
                |n| format!("(LOWER(c.title) LIKE ${n} ESCAPE '\\' OR LOWER(c.reference) LIKE ${n} ESCAPE '\\')"),
                Bind::Text(format!("%{escaped}%")),
            );
        }
        match query.state {
            Some(state) => self.eq("c.state", state.as_str().to_string()),
            None => self.sql.push_str(" AND c.state <> 'SUPERSEDED'"),
        }
        match &query.band {
            None => {}
            Some(BandFilter::Incomplete) => self.sql.push_str(" AND c.overall_band IS NULL"),
            Some(BandFilter::Band(band)) => self.eq("c.overall_band", band.code().to_string()),
        }
        if let Some(country) = &query.country {
            self.eq("c.country", country.clone());
        }
        if let Some(decision) = &query.decision {
            self.eq(DECISION_SQL, decision.clone());
        }
        if let Some(t) = query.support_type {
            self.among("SELECT case_id FROM case_support_types WHERE support_type = ", t.code());
        }
        if let Some(from) = query.changed_from {
            self.push(|n| format!("c.updated_at >= ${n}"), Bind::Time(from));
        }
        if let Some(before) = query.changed_before {
            self.push(|n| format!("c.updated_at < ${n}"), Bind::Time(before));
        }
        match (query.area, query.area_band) {
            (Some(area), Some(band)) => {
                let n = self.next();
                self.sql.push_str(&format!(
                    " AND c.id IN (SELECT case_id FROM case_areas WHERE area = ${n} AND band1 = ${})",
                    n + 1
                ));
                self.binds.push(Bind::Text(area.code().to_string()));
                self.binds.push(Bind::Text(band.code().to_string()));
            }
            (Some(area), None) => self.among("SELECT case_id FROM case_areas WHERE area = ", area.code()),
            (None, Some(band)) => self.among("SELECT case_id FROM case_areas WHERE band1 = ", band.code()),
            (None, None) => {}
        }
        if let Some(rule) = query.rule {
            self.among("SELECT case_id FROM case_hard_rules WHERE rule = ", rule.code());
        }
        match query.flag {
            None => {}
            Some(Flag::ReviewOverdue) => {
                self.push(|n| format!("c.state = 'SUBMITTED' AND c.submitted_at < ${n}"), Bind::Time(review_cutoff()))
            }
            Some(Flag::ReassessmentDue) => self.push(
                |n| format!("c.state = 'DECIDED' AND (c.reassessment_due OR c.next_review_date <= ${n})"),
                Bind::Text(today()),
            ),
            Some(Flag::StopDecision) => {
                self.sql.push_str(" AND c.id IN (SELECT case_id FROM case_components WHERE stopped)")
            }
            Some(Flag::OpenIntercession) => self.sql.push_str(" AND c.open_intercessions > 0"),
        }
    }

    /// The cases `scope` may see that match `query`.
    pub fn scoped(scope: &CountryScope, query: &CaseQuery) -> Where {
        let mut w = Where::new();
        w.scope(scope);
        w.case_query(query);
        w
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cases::CaseFilter;

    #[test]
    fn a_query_binds_values_only_and_numbers_placeholders_in_order() {
        let filter = CaseFilter {
            q: Some("50%_off".into()),
            area: Some("DP".into()),
            area_band: Some("HIGH".into()),
            flag: Some("stop_decision".into()),
            ..CaseFilter::default()
        };
        let w = Where::scoped(&CountryScope::Countries(vec!["KE".into(), "UG".into()]), &filter.parse().unwrap());
        assert_eq!(
            w.sql,
            " WHERE 1 = 1 AND c.country IN ($1, $2) AND (LOWER(c.title) LIKE $3 ESCAPE '\\' OR LOWER(c.reference) LIKE $3 ESCAPE '\\') \
             AND c.state <> 'SUPERSEDED' AND c.id IN (SELECT case_id FROM case_areas WHERE area = $4 AND band1 = $5) \
             AND c.id IN (SELECT case_id FROM case_components WHERE stopped)"
        );
        let texts: Vec<String> = w.binds.iter().map(|b| format!("{b:?}")).collect();
        assert_eq!(
            texts,
            ["Text(\"KE\")", "Text(\"UG\")", "Text(\"%50\\\\%\\\\_off%\")", "Text(\"DP\")", "Text(\"HIGH\")"]
        );
        assert_eq!(
            Where::scoped(&CountryScope::Countries(vec![]), &CaseQuery::default()).sql.matches("1 = 0").count(),
            1
        );
    }
}
