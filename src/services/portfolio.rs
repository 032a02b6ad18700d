//! Portfolio aggregates, computed in SQL over the portfolio index (see `index`) and the cached
//! figures on `cases`; nothing here loads answers. Scoped by the caller's countries.

use crate::accounts::CurrentUser;
use crate::cases::parts::{Holder, Slot, CONSULTATIONS};
use crate::cases::query::today;
use crate::cases::{CaseFilter, CaseState};
use crate::error::AppError;
use crate::i18n::labels::{decision_label_id, Labelled};
use crate::i18n::{text, Lang};
use crate::methodology::codes::{Band, FinalDecision, RecommendedDecision};
use crate::methodology::draft::Draft;
use crate::methodology::{Catalogue, Registry};
use crate::portfolio::{
    decision_label, AreaName, Count, CountryFigures, FilterOptions, HeatCell, Portfolio, PortfolioPage, StopComponent,
    PORTFOLIO_READERS,
};
use crate::review::record::SignOffHeader;
use crate::store::portfolio::{GroupRow, HeatRow, PortfolioRows, StopRow};
use crate::store::query::Where;
use crate::store::Store;
use std::collections::BTreeMap;

/// Fails unless `user` may read the portfolio (managers and reviewers).
pub fn require_portfolio_reader(user: &CurrentUser) -> Result<(), AppError> {
    if PORTFOLIO_READERS.iter().any(|r| user.has(*r)) {
        Ok(())
    } else {
        Err(AppError::forbidden("The portfolio is for managers and reviewers."))
    }
}

/// The scoped, filtered `WHERE` clause every aggregate shares.
fn scoped(user: &CurrentUser, filter: &CaseFilter) -> Result<Where, AppError> {
    if let Some(country) = filter.country.as_deref().filter(|c| !c.is_empty()) {
        if !user.scope.covers(&country.to_ascii_uppercase()) {
            return Err(AppError::forbidden("Your assignment does not include this country."));
        }
    }
    Ok(Where::scoped(&user.scope, &filter.parse()?))
}

/// Every decision code a case can be in, least restrictive first (recommended and final).
fn decision_codes() -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = RecommendedDecision::ALL.iter().map(|d| d.code()).collect();
    for d in FinalDecision::ALL {
        if !codes.contains(&d.code()) {
            codes.push(d.code());
        }
    }
    // In order of restrictiveness, with the final-only decisions where they belong.
    let rank = |c: &str| match c {
        "PROCEED" => 0,
        "PROCEED_WITH_MITIGATION" => 1,
        "PROCEED_WITH_CONDITIONS" => 2,
        "ESCALATE" => 3,
        "DO_NOT_PROCEED" => 4,
        "SUSPEND" => 5,
        "TEMPORARY_FREEZE" => 6,
        _ => 7,
    };
    codes.sort_by_key(|c| rank(c));
    codes
}

fn band_codes() -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = Band::ALL.iter().map(|b| b.code()).collect();
    codes.push("INCOMPLETE");
    codes
}

/// The words of the portfolio's codes in one language: value labels from the message files, area
/// names, rule titles and support types from the catalogue in that language.
struct Words<'a> {
    lang: Lang,
    catalogue: Option<&'a Catalogue>,
}

impl<'a> Words<'a> {
    fn new(registry: &'a Registry, lang: Lang) -> Words<'a> {
        Words { lang, catalogue: registry.current_in(lang.code()) }
    }

    fn band(&self, code: &str) -> String {
        match Band::parse(code) {
            Some(band) => text(self.lang, band.label_id()),
            None => text(self.lang, "cases-incomplete-draft"),
        }
    }

    fn decision(&self, code: &str) -> String {
        decision_label_id(code).map_or_else(|| decision_label(code), |id| text(self.lang, id))
    }

    fn state(&self, code: &str) -> String {
        CaseState::parse(code).map_or_else(|| code.to_string(), |s| text(self.lang, s.label_id()))
    }

    fn areas(&self) -> Vec<AreaName> {
        self.catalogue
            .map(|c| {
                c.areas
                    .iter()
                    .map(|a| AreaName { code: a.code.code().to_string(), name: a.short_name.clone() })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn area(&self, code: &str) -> String {
        let area = self.catalogue.and_then(|c| c.areas.iter().find(|a| a.code.code() == code));
        area.map_or_else(|| code.to_string(), |a| a.short_name.clone())
    }

    fn rule(&self, code: &str) -> String {
        let rule = self.catalogue.and_then(|c| c.hard_rules.iter().find(|r| r.id.code() == code));
        rule.map(|r| r.title.clone()).unwrap_or_default()
    }

    fn support_types(&self) -> Vec<(String, String)> {
        self.catalogue
            .and_then(|c| c.enums.get(crate::methodology::codes::SupportType::NAME))
            .map(|values| values.iter().map(|v| (v.code.clone(), format!("{} — {}", v.code, v.label))).collect())
            .unwrap_or_default()
    }

    fn decisions(&self) -> Vec<(String, String)> {
        decision_codes().into_iter().map(|d| (d.to_string(), self.decision(d))).collect()
    }

    /// Every label of `figures` in this language (codes and counts untouched).
    fn relabel(&self, mut figures: Portfolio) -> Portfolio {
        let each = |counts: &mut Vec<Count>, label: &dyn Fn(&str) -> String| {
            for c in counts.iter_mut() {
                c.label = label(&c.code);
            }
        };
        each(&mut figures.by_band, &|c| self.band(c));
        each(&mut figures.by_decision, &|c| self.decision(c));
        each(&mut figures.by_status, &|c| self.state(c));
        each(&mut figures.high_areas, &|c| self.area(c));
        each(&mut figures.hard_rules, &|c| self.rule(c));
        for country in &mut figures.countries {
            each(&mut country.by_band, &|c| self.band(c));
            each(&mut country.by_decision, &|c| self.decision(c));
        }
        figures.areas = self.areas();
        figures
    }
}

/// `figures` (computed once per filter, in English, and cached) with every label in `lang`.
pub fn in_language(figures: Portfolio, registry: &Registry, lang: Lang) -> Portfolio {
    if lang == Lang::En {
        return figures;
    }
    Words::new(registry, lang).relabel(figures)
}

/// The filter form's choices with their labels in `lang`.
pub fn options_in_language(mut options: FilterOptions, registry: &Registry, lang: Lang) -> FilterOptions {
    if lang != Lang::En {
        let words = Words::new(registry, lang);
        options.support_types = words.support_types();
        options.decisions = words.decisions();
    }
    options
}

/// Counts in a fixed order of codes (zeros included, so charts keep their axes).
fn counts(order: &[&str], found: &BTreeMap<String, i64>, label: impl Fn(&str) -> String) -> Vec<Count> {
    order
        .iter()
        .map(|code| Count { code: code.to_string(), label: label(code), count: found.get(*code).copied().unwrap_or(0) })
        .collect()
}

/// The portfolio aggregates for `filter` in `user`'s countries.
pub async fn portfolio(
    db: &Store,
    registry: &Registry,
    user: &CurrentUser,
    filter: &CaseFilter,
) -> Result<Portfolio, AppError> {
    require_portfolio_reader(user)?;
    let w = scoped(user, filter)?;
    let PortfolioRows { groups, heat, rules, stop_counts, stop_list } = db.portfolio_rows(&w).await?;
    Ok(assemble(registry, groups, heat, rules, stop_counts, stop_list))
}

fn assemble(
    registry: &Registry,
    groups: Vec<GroupRow>,
    heat: Vec<HeatRow>,
    rules: Vec<(String, i64)>,
    stop_counts: Vec<(String, i64, i64)>,
    stop_list: Vec<StopRow>,
) -> Portfolio {
    let words = Words::new(registry, Lang::En);
    let decisions = decision_codes();
    let bands = band_codes();
    let mut band_totals: BTreeMap<String, i64> = BTreeMap::new();
    let mut decision_totals: BTreeMap<String, i64> = BTreeMap::new();
    let mut status_totals: BTreeMap<String, i64> = BTreeMap::new();
    struct PerCountry {
        total: i64,
        bands: BTreeMap<String, i64>,
        decisions: BTreeMap<String, i64>,
        review_overdue: i64,
        reassessment_due: i64,
    }
    let mut per_country: BTreeMap<String, PerCountry> = BTreeMap::new();
    let (mut total, mut review_overdue, mut reassessment_due, mut open_intercessions) = (0, 0, 0, 0);
    for g in groups {
        total += g.n;
        open_intercessions += g.intercessions;
        *band_totals.entry(g.band.clone()).or_default() += g.n;
        *status_totals.entry(g.state.clone()).or_default() += g.n;
        let c = per_country.entry(g.country.clone()).or_insert_with(|| PerCountry {
            total: 0,
            bands: BTreeMap::new(),
            decisions: BTreeMap::new(),
            review_overdue: 0,
            reassessment_due: 0,
        });
        c.total += g.n;
        *c.bands.entry(g.band).or_default() += g.n;
        if !g.decision.is_empty() {
            *decision_totals.entry(g.decision.clone()).or_default() += g.n;
            *c.decisions.entry(g.decision).or_default() += g.n;
        }
        match g.flag.as_str() {
            "review_overdue" => {
                review_overdue += g.n;
                c.review_overdue += g.n;
            }
            "reassessment_due" => {
                reassessment_due += g.n;
                c.reassessment_due += g.n;
            }
            _ => {}
        }
    }
    let stops: BTreeMap<String, i64> = stop_counts.iter().map(|(c, n, _)| (c.clone(), *n)).collect();
    let stop_recommended_total = stop_counts.iter().map(|(_, _, n)| n).sum();
    // Countries with cases, and countries whose only figures are index rows (none in practice).
    let countries = per_country
        .into_iter()
        .map(|(country, c)| CountryFigures {
            stop_components: stops.get(&country).copied().unwrap_or(0),
            total: c.total,
            by_band: counts(&bands, &c.bands, |b| words.band(b)),
            by_decision: counts(&decisions, &c.decisions, |d| words.decision(d))
                .into_iter()
                .filter(|d| d.count > 0)
                .collect(),
            review_overdue: c.review_overdue,
            reassessment_due: c.reassessment_due,
            country,
        })
        .collect();
    let mut cells: BTreeMap<(String, String), [i64; 4]> = BTreeMap::new();
    let mut high: BTreeMap<String, i64> = BTreeMap::new();
    for h in heat {
        let Some(rank) = Band::parse(&h.band1).map(|b| b as usize) else { continue };
        if rank == 3 {
            *high.entry(h.area.clone()).or_default() += h.n;
        }
        cells.entry((h.country, h.area)).or_default()[rank] += h.n;
    }
    let mut high_areas: Vec<Count> =
        high.into_iter().map(|(code, count)| Count { label: words.area(&code), code, count }).collect();
    high_areas.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(&b.code)));
    let mut hard_rules: Vec<Count> =
        rules.into_iter().map(|(code, count)| Count { label: words.rule(&code), code, count }).collect();
    hard_rules.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(&b.code)));
    let status_order: Vec<&str> = CaseState::ALL.iter().map(|s| s.as_str()).collect();
    Portfolio {
        total,
        by_band: counts(&bands, &band_totals, |b| words.band(b)),
        by_decision: counts(&decisions, &decision_totals, |d| words.decision(d)),
        by_status: counts(&status_order, &status_totals, |s| words.state(s)),
        countries,
        heat_map: cells.into_iter().map(|((country, area), by_band)| HeatCell { country, area, by_band }).collect(),
        areas: words.areas(),
        high_areas,
        hard_rules,
        stop_components_total: stops.values().sum(),
        stop_recommended_total,
        stop_components: stop_list
            .into_iter()
            .map(|s| StopComponent {
                case_id: s.case_id,
                reference: s.reference,
                country: s.country,
                title: s.title,
                component_id: s.component_id,
                decision: s.decision,
            })
            .collect(),
        review_overdue,
        reassessment_due,
        open_intercessions,
        generated_at: chrono::Utc::now().format("%Y-%m-%d %H:%M:%S UTC").to_string(),
    }
}

/// The filter form's choices for `user`.
pub async fn options(db: &Store, registry: &Registry, user: &CurrentUser) -> Result<FilterOptions, AppError> {
    let words = Words::new(registry, Lang::En);
    Ok(FilterOptions {
        countries: crate::services::cases::countries(db, user).await?,
        support_types: words.support_types(),
        decisions: words.decisions(),
    })
}

/// The portfolio page: aggregates (through the cache) plus the filter form's choices, in `lang`.
pub async fn page(
    cache: &PortfolioCache,
    db: &Store,
    registry: &Arc<Registry>,
    user: &CurrentUser,
    filter: CaseFilter,
    lang: Lang,
) -> Result<PortfolioPage, AppError> {
    let portfolio = in_language(cache.portfolio(db, registry, user, &filter).await?, registry, lang);
    let options = options_in_language(cache.options(db, registry, user).await?, registry, lang);
    Ok(PortfolioPage { filter, options, portfolio })
}

/// The manager summary of one case (spec §10.8): any case reader in the case's country.
pub async fn manager_summary(
    db: &Store,
    registry: &Registry,
    user: &CurrentUser,
    id: i64,
) -> Result<crate::portfolio::ManagerSummary, AppError> {
    use crate::portfolio::{ManagerSummary, SummaryArea, SummaryComponent};
    crate::cases::access::require_reader(user)?;
    // This version's decision, or else the decision of the version it re-assesses.
    let row = db.summary_row(id).await?;
    let row = row.ok_or_else(crate::cases::access::not_found)?;
    if !crate::cases::access::can_read(user, &row.country) {
        return Err(crate::cases::access::not_found());
    }
    let answers = Draft::parse(&row.answers).map_err(AppError::internal)?;
    let outcome = crate::methodology::draft::score_draft(registry, &answers);
    let sign_off = row.sign_off.as_deref().and_then(SignOffHeader::read).unwrap_or_default();
    let components = outcome
        .result()
        .map(|r| {
            r.components
                .iter()
                .map(|c| {
                    let stored = answers.answers(Some(&c.component_id)).cloned().unwrap_or_default();
                    SummaryComponent {
                        component_id: c.component_id.clone(),
                        support_types: stored.codes("support_types"),
                        recipient_type: stored.text("recipient_type").map(String::from),
                        hrddp_applicable: c.hrddp_applicable,
                        areas: c
                            .areas
                            .iter()
                            .filter_map(|a| a.triggered())
                            .map(|a| SummaryArea {
                                area: a.area.code().to_string(),
                                band0: a.band0.code().to_string(),
                                band1: a.band1.code().to_string(),
                            })
                            .collect(),
                        recommended_decision: c.recommended_decision.code().to_string(),
                        final_decision: sign_off
                            .decision_of(&c.component_id)
                            .map(|d| d.final_decision.code().to_string()),
                        hard_rules_fired: c.hard_rules_fired.iter().map(|h| h.code().to_string()).collect(),
                        conditions: sign_off
                            .decision_of(&c.component_id)
                            .and_then(|d| d.conditions.clone())
                            .filter(|c| !c.is_empty()),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let mut consultations_done: Vec<String> = answers
        .get(Slot::Part(Holder::Document), None, CONSULTATIONS.key)
        .and_then(serde_json::Value::as_array)
        .map(|l| l.iter().filter_map(|c| c.get("type")?.as_str().map(String::from)).collect())
        .unwrap_or_default();
    consultations_done.sort();
    consultations_done.dedup();
    let case = &answers.case;
    let text = |k: &str| case.text(k).unwrap_or_default().to_string();
    let decided = row.state == "DECIDED";
    Ok(ManagerSummary {
        case_id: row.id,
        reference: row.reference,
        country: row.country,
        un_entity: case.text("un_entity").map(String::from),
        office: text("office"),
        programme_title: case.text("programme_title").map_or(row.title, String::from),
        version: row.version_no,
        overall_decision: if decided || row.state == "SUPERSEDED" {
            row.final_decision.or(row.overall_decision)
        } else {
            row.overall_decision
        },
        reassessment_due: decided
            && (row.reassessment_due || row.next_review_date.as_deref().is_some_and(|d| d <= today().as_str())),
        state: row.state,
        components,
        overall_band: row.overall_band,
        consultations_done,
        next_review_date: row.next_review_date,
        last_decided_by: row.decided_by_name,
        last_decided_at: row.decided_at.map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
        open_intercessions: row.open_intercessions,
    })
}

pub use crate::portfolio::CACHE_SECONDS;

/// Recently computed portfolios, per country scope and filter (one per server process).
///
/// Managers open the same dashboard again and again while cases change all day; recomputing the
/// aggregates over 100,000 cases for every view would cost each of them up to a second and a half.
/// So each key's figures are computed **once at a time** (single flight), and reused:
/// - younger than [`CACHE_SECONDS`]: served as they are;
/// - older (up to ten times that): still served at once, while one background task computes the new
///   figures (the page shows when the figures it shows were computed);
/// - none, or older still: the first request computes them and the others wait for that result
///   instead of all computing the same thing together (before: 32 managers after an expiry got no
///   answer in 10 s).
///
/// Authorization and filter validation run before the cache is consulted.
#[derive(Clone, Default)]
pub struct PortfolioCache {
    figures: Flights<Portfolio>,
    options: Flights<FilterOptions>,
}

/// Computed values by key, with one lock per key that whoever computes it holds.
struct Flights<T> {
    slots: Arc<Mutex<HashMap<String, Entry<T>>>>,
    /// How long a value is served without a refresh ([`CACHE_SECONDS`]).
    ttl: Duration,
}

impl<T> Clone for Flights<T> {
    fn clone(&self) -> Self {
        Flights { slots: self.slots.clone(), ttl: self.ttl }
    }
}

impl<T> Default for Flights<T> {
    fn default() -> Self {
        Flights { slots: Default::default(), ttl: Duration::from_secs(CACHE_SECONDS) }
    }
}

struct Entry<T> {
    value: Option<(Instant, T)>,
    computing: Arc<tokio::sync::Mutex<()>>,
}

impl<T> Default for Entry<T> {
    fn default() -> Self {
        Entry { value: None, computing: Default::default() }
    }
}

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Figures older than this many times the TTL (a server nobody asked for a while) are not shown while
/// new ones are computed: the request waits for the new ones instead.
const STALE_LIMIT_TTLS: u32 = 10;

impl<T: Clone + Send + 'static> Flights<T> {
    const MAX_KEYS: usize = 256;

    fn fresh(&self, at: &Instant) -> bool {
        at.elapsed() < self.ttl
    }

    fn slots(&self) -> MutexGuard<'_, HashMap<String, Entry<T>>> {
        self.slots.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// What the key holds now (with its age), and the lock of whoever computes it.
    fn look(&self, key: &str) -> (Option<(Instant, T)>, Arc<tokio::sync::Mutex<()>>) {
        let mut slots = self.slots();
        if !slots.contains_key(key) && slots.len() >= Self::MAX_KEYS {
            // Many filters: forget the stale ones (nobody is computing a key whose lock is free).
            let ttl = self.ttl;
            slots.retain(|_, slot| {
                slot.value.as_ref().is_some_and(|(at, _)| at.elapsed() < ttl) || slot.computing.try_lock().is_err()
            });
        }
        let slot = slots.entry(key.to_string()).or_default();
        (slot.value.clone(), slot.computing.clone())
    }

    fn store(&self, key: &str, value: T) {
        self.slots().entry(key.to_string()).or_default().value = Some((Instant::now(), value));
    }

    /// The key's value, computed by `compute` at most once at a time (see [`PortfolioCache`]).
    async fn get<F>(&self, key: String, compute: impl FnOnce() -> F) -> Result<T, AppError>
    where
        F: std::future::Future<Output = Result<T, AppError>> + Send + 'static,
    {
        let (held, computing) = self.look(&key);
        match held {
            Some((at, value)) if self.fresh(&at) => Ok(value),
            Some((at, stale)) if at.elapsed() < self.ttl * STALE_LIMIT_TTLS => {
                // Old figures: serve them, and refresh in the background unless that is under way.
                if let Ok(guard) = computing.try_lock_owned() {
                    let (flights, work) = (self.clone(), compute());
                    tokio::spawn(async move {
                        match work.await {
                            Ok(value) => flights.store(&key, value),
                            Err(e) => tracing::warn!(error = %e, "refreshing the portfolio figures failed"),
                        }
                        drop(guard);
                    });
                }
                Ok(stale)
            }
            _ => {
                let _guard = computing.lock_owned().await;
                // Whoever held the lock before may have computed it meanwhile.
                if let (Some((at, value)), _) = self.look(&key) {
                    if self.fresh(&at) {
                        return Ok(value);
                    }
                }
                let value = compute().await?;
                self.store(&key, value.clone());
                Ok(value)
            }
        }
    }
}

impl PortfolioCache {
    pub async fn portfolio(
        &self,
        db: &Store,
        registry: &Arc<Registry>,
        user: &CurrentUser,
        filter: &CaseFilter,
    ) -> Result<Portfolio, AppError> {
        require_portfolio_reader(user)?;
        scoped(user, filter)?;
        let key = format!("{:?}|{}", user.scope, filter.query_string());
        let (db, registry, user, filter) = (db.clone(), registry.clone(), user.clone(), filter.clone());
        self.figures.get(key, move || async move { portfolio(&db, &registry, &user, &filter).await }).await
    }

    /// The filter form's choices (countries with cases change rarely, and listing them scans every case).
    pub async fn options(
        &self,
        db: &Store,
        registry: &Arc<Registry>,
        user: &CurrentUser,
    ) -> Result<FilterOptions, AppError> {
        let key = format!("{:?}", user.scope);
        let (db, registry, user) = (db.clone(), registry.clone(), user.clone());
        self.options.get(key, move || async move { options(&db, &registry, &user).await }).await
    }
}

/// Indexes every case not indexed yet (cases written before the index existed). Returns how many.
pub async fn backfill(db: &Store, registry: &Registry) -> Result<u64, AppError> {
    use crate::portfolio::index::{finals, CaseIndex};
    let mut done = 0;
    loop {
        let rows = db.unindexed_cases().await?;
        if rows.is_empty() {
            break;
        }
        let indexes: Vec<(i64, CaseIndex)> = rows
            .iter()
            .map(|(id, answers, record)| {
                // An unreadable draft scores as invalid: it is indexed with no figures.
                let answers = Draft::parse(answers).unwrap_or_default();
                let finals =
                    record.as_deref().and_then(SignOffHeader::read).map(|r| finals(&r.decisions)).unwrap_or_default();
                (*id, CaseIndex::build(&answers, &crate::methodology::draft::score_draft(registry, &answers), &finals))
            })
            .collect();
        let mut write = db.write().await?;
        for (id, index) in &indexes {
            write.write_case_index(*id, index).await?;
        }
        write.commit().await?;
        done += indexes.len() as u64;
    }
    if done > 0 {
        tracing::info!(cases = done, "portfolio index written for older cases");
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::Flights;
    use crate::error::AppError;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::time::Duration;

    /// A computation that takes a while and counts its runs; it returns its run number.
    fn slow(runs: &Arc<AtomicUsize>) -> impl std::future::Future<Output = Result<usize, AppError>> + Send + 'static {
        let runs = runs.clone();
        async move {
            let n = runs.fetch_add(1, Ordering::SeqCst) + 1;
            tokio::time::sleep(Duration::from_millis(200)).await;
            Ok(n)
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn many_requests_for_a_missing_key_compute_it_once() {
        let flights: Flights<usize> = Flights { ttl: Duration::from_secs(30), ..Default::default() };
        let runs = Arc::new(AtomicUsize::new(0));
        let requests = (0..32).map(|_| {
            let (flights, runs) = (flights.clone(), runs.clone());
            tokio::spawn(async move { flights.get("all".into(), || slow(&runs)).await.unwrap() })
        });
        let answers: Vec<usize> = futures::future::join_all(requests).await.into_iter().map(Result::unwrap).collect();
        assert_eq!(runs.load(Ordering::SeqCst), 1, "one computation for 32 requests");
        assert!(answers.iter().all(|a| *a == 1), "every request got that computation's figures: {answers:?}");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn expired_figures_are_served_at_once_while_one_refresh_runs() {
        let flights: Flights<usize> = Flights { ttl: Duration::from_millis(300), ..Default::default() };
        let runs = Arc::new(AtomicUsize::new(0));
        assert_eq!(flights.get("all".into(), || slow(&runs)).await.unwrap(), 1);
        tokio::time::sleep(Duration::from_millis(350)).await;
        // Expired. The refresh cannot finish until the gate opens, so a request that waited for it
        // would never answer: 32 requests must get the old figures without it.
        let gate = Arc::new(tokio::sync::Semaphore::new(0));
        let gated = |runs: &Arc<AtomicUsize>| {
            let (gate, work) = (gate.clone(), slow(runs));
            async move {
                let _open = gate.acquire().await;
                work.await
            }
        };
        for _ in 0..32 {
            let answer = tokio::time::timeout(Duration::from_secs(5), flights.get("all".into(), || gated(&runs))).await;
            assert_eq!(answer.expect("answered without waiting for the refresh").unwrap(), 1, "the last figures");
        }
        gate.add_permits(32);
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(runs.load(Ordering::SeqCst), 2, "one refresh for 32 requests");
        assert_eq!(flights.get("all".into(), || slow(&runs)).await.unwrap(), 2, "then the new figures");
        // Far too old (ten times the TTL): wait for new figures rather than show those.
        tokio::time::sleep(Duration::from_millis(3100)).await;
        assert_eq!(flights.get("all".into(), || slow(&runs)).await.unwrap(), 3);
    }
}
