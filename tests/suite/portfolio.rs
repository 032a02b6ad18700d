//! The portfolio, the read API with personal access tokens, and the exports.
//!
//! Figures are checked against an independent count: every seeded case is scored again by the
//! engine here and counted in Rust, then compared with the SQL aggregates and with the case list
//! each figure drills down to.

use crate::common::*;
use crate::on_both_backends;
use hrdd::accounts::{CountryScope, CurrentUser, Role};
use hrdd::cases::CaseFilter;
use serde_json::Value;
use std::collections::BTreeMap;

fn manager(countries: Option<&[&str]>) -> CurrentUser {
    CurrentUser {
        id: 1,
        email: "m@un.org".into(),
        name: "M".into(),
        roles: vec![Role::Manager],
        approval_level: None,
        scope: match countries {
            None => CountryScope::All,
            Some(list) => CountryScope::Countries(list.iter().map(|c| c.to_string()).collect()),
        },
        must_change_password: false,
        lang: None,
    }
}

/// What the portfolio should say, counted case by case from the engine's own results.
#[derive(Default, Debug)]
struct Expected {
    total: i64,
    by_band: BTreeMap<String, i64>,
    by_status: BTreeMap<String, i64>,
    by_decision: BTreeMap<String, i64>,
    heat: BTreeMap<(String, String), [i64; 4]>,
    rules: BTreeMap<String, i64>,
    /// Components stopped by a final decision.
    stop_components: i64,
    /// Components with a recommended stop and no final decision yet.
    stop_recommended: i64,
}

async fn expected(t: &TestDb, countries: Option<&[&str]>) -> Expected {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        country: String,
        state: String,
        answers: String,
        final_decision: Option<String>,
    }
    let rows: Vec<Row> = with_pool!(&t.db, pool => sqlx::query_as("SELECT id, country, state, answers, final_decision FROM cases WHERE state <> 'SUPERSEDED'").fetch_all(pool).await.unwrap());
    let mut e = Expected::default();
    for r in rows.iter().filter(|r| countries.is_none_or(|c| c.contains(&r.country.as_str()))) {
        let doc: Value = serde_json::from_str(&r.answers).unwrap();
        let outcome = hrdd::methodology::draft::score_draft(registry(), &crate::common::draft(&doc));
        e.total += 1;
        *e.by_status.entry(r.state.clone()).or_default() += 1;
        let Some(result) = outcome.result() else {
            *e.by_band.entry("INCOMPLETE".into()).or_default() += 1;
            continue;
        };
        *e.by_band.entry(result.overall_band.code().into()).or_default() += 1;
        let decision = r.final_decision.clone().unwrap_or_else(|| result.overall_decision.code().to_string());
        *e.by_decision.entry(decision).or_default() += 1;
        let finals: BTreeMap<String, String> = if r.state == "DECIDED" {
            let record: String = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT record FROM case_snapshots WHERE case_id = $1 AND kind = 'SIGN_OFF'").bind(r.id).fetch_one(pool).await.unwrap());
            let record: Value = serde_json::from_str(&record).unwrap();
            record["decisions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| (d["component_id"].as_str().unwrap().into(), d["final_decision"].as_str().unwrap().into()))
                .collect()
        } else {
            BTreeMap::new()
        };
        let mut worst: BTreeMap<String, usize> = BTreeMap::new();
        let mut rules = std::collections::BTreeSet::new();
        for c in &result.components {
            for a in c.areas.iter().filter_map(|a| a.triggered()) {
                let w = worst.entry(a.area.code().to_string()).or_default();
                *w = (*w).max(a.band1 as usize);
            }
            rules.extend(c.hard_rules_fired.iter().map(|h| h.code().to_string()));
            let is_stop = |d: &str| ["DO_NOT_PROCEED", "SUSPEND", "TEMPORARY_FREEZE", "WITHDRAW"].contains(&d);
            match finals.get(&c.component_id) {
                Some(d) if is_stop(d) => e.stop_components += 1,
                Some(_) => {}
                None if is_stop(c.recommended_decision.code()) => e.stop_recommended += 1,
                None => {}
            }
        }
        for (area, band) in worst {
            e.heat.entry((r.country.clone(), area)).or_default()[band] += 1;
        }
        for rule in rules {
            *e.rules.entry(rule).or_default() += 1;
        }
    }
    e
}

fn count_of(list: &[hrdd::portfolio::Count], code: &str) -> i64 {
    list.iter().find(|c| c.code == code).map_or(0, |c| c.count)
}

async fn listed(t: &TestDb, user: &CurrentUser, filter: &CaseFilter) -> i64 {
    hrdd::services::cases::list(&t.db, user, filter, 25).await.unwrap().total
}

async fn portfolio_figures_match_an_independent_count_and_drill_down(t: TestDb) {
    hrdd::server::demo::seed(&t.db).await.unwrap();
    hrdd::services::seed::seed_cases(&t.db, registry(), 160, 11).await.unwrap();
    for scope in [None, Some(&["KE", "UG"][..])] {
        let user = manager(scope);
        let e = expected(&t, scope).await;
        let p = hrdd::services::portfolio::portfolio(&t.db, registry(), &user, &CaseFilter::default()).await.unwrap();
        assert!(
            e.total > 0 && e.stop_components > 0 && e.stop_recommended > 0 && !e.rules.is_empty(),
            "the seed covers the figures: {e:?}"
        );
        assert_eq!(p.total, e.total, "scope {scope:?}");
        for (band, n) in &e.by_band {
            assert_eq!(count_of(&p.by_band, band), *n, "band {band}");
            assert_eq!(
                listed(&t, &user, &CaseFilter::default().with("band", band)).await,
                *n,
                "drill-down band {band}"
            );
        }
        for (state, n) in &e.by_status {
            assert_eq!(count_of(&p.by_status, state), *n, "status {state}");
        }
        for (decision, n) in &e.by_decision {
            assert_eq!(count_of(&p.by_decision, decision), *n, "decision {decision}");
            let f = CaseFilter::default().with("decision", decision);
            assert_eq!(listed(&t, &user, &f).await, *n, "drill-down decision {decision}");
        }
        let heat: BTreeMap<(String, String), [i64; 4]> =
            p.heat_map.iter().map(|c| ((c.country.clone(), c.area.clone()), c.by_band)).collect();
        assert_eq!(heat, e.heat, "heat map");
        for ((country, area), by_band) in e.heat.iter().take(6) {
            let f = CaseFilter::default().with("country", country).with("area", area);
            assert_eq!(listed(&t, &user, &f).await, by_band.iter().sum::<i64>(), "drill-down {country} × {area}");
            let high = f.with("area_band", "HIGH");
            assert_eq!(listed(&t, &user, &high).await, by_band[3], "drill-down {country} × {area} HIGH");
        }
        for (rule, n) in &e.rules {
            assert_eq!(count_of(&p.hard_rules, rule), *n, "rule {rule}");
            assert_eq!(
                listed(&t, &user, &CaseFilter::default().with("rule", rule)).await,
                *n,
                "drill-down rule {rule}"
            );
        }
        let mut sorted = p.hard_rules.clone();
        sorted.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(&b.code)));
        assert_eq!(sorted, p.hard_rules, "most frequent first");
        // Only signed-off stops count as stopped; recommended stops are reported apart.
        assert_eq!(p.stop_components_total, e.stop_components);
        assert_eq!(p.stop_recommended_total, e.stop_recommended);
        assert!(p.stop_components.len() <= 10 && !p.stop_components.is_empty());
        let stopped_cases = listed(&t, &user, &CaseFilter::default().with("flag", "stop_decision")).await;
        assert!(stopped_cases > 0 && stopped_cases <= e.stop_components);
        let per_country: i64 = p.countries.iter().map(|c| c.total).sum();
        assert_eq!(per_country, e.total);
        if let Some(list) = scope {
            assert!(p.countries.iter().all(|c| list.contains(&c.country.as_str())), "only the manager's countries");
        }
    }
}
on_both_backends!(portfolio_figures_match_an_independent_count_and_drill_down);

async fn filters_are_validated_and_scoped(t: TestDb) {
    hrdd::server::demo::seed(&t.db).await.unwrap();
    hrdd::services::seed::seed_cases(&t.db, registry(), 60, 3).await.unwrap();
    let user = manager(Some(&["KE"]));
    let all = CaseFilter::default();
    let p = hrdd::services::portfolio::portfolio(&t.db, registry(), &user, &all).await.unwrap();
    // Support type: the count is the number of cases with a component of that type.
    let st: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT COUNT(DISTINCT c.id) FROM cases c JOIN case_support_types s ON s.case_id = c.id WHERE c.country = 'KE' AND c.state <> 'SUPERSEDED' AND s.support_type = 'ST3'").fetch_one(pool).await.unwrap());
    let f = all.with("support_type", "ST3");
    let q = hrdd::services::portfolio::portfolio(&t.db, registry(), &user, &f).await.unwrap();
    assert_eq!(q.total, st);
    assert!(q.total < p.total);
    // A date range after every case matches nothing; one around today matches everything changed today or before.
    let future = all.with("from", "2999-01-01");
    assert_eq!(hrdd::services::portfolio::portfolio(&t.db, registry(), &user, &future).await.unwrap().total, 0);
    let until_today = all.with("to", &chrono::Utc::now().date_naive().to_string());
    assert_eq!(
        hrdd::services::portfolio::portfolio(&t.db, registry(), &user, &until_today).await.unwrap().total,
        p.total
    );
    let backwards = all.with("from", "2026-06-01").with("to", "2026-05-01");
    let err = hrdd::services::portfolio::portfolio(&t.db, registry(), &user, &backwards).await.unwrap_err();
    assert!(err.for_field("to").is_some(), "a date range ending before it starts: {err:?}");
    // Bad values name their field.
    for (key, value) in [
        ("band", "SEVERE"),
        ("decision", "MAYBE"),
        ("support_type", "ST99"),
        ("from", "23/11/2026"),
        ("area", "XX"),
        ("rule", "H99"),
        ("flag", "soon"),
    ] {
        let err =
            hrdd::services::portfolio::portfolio(&t.db, registry(), &user, &all.with(key, value)).await.unwrap_err();
        assert!(err.for_field(key).is_some(), "{key}={value}: {err:?}");
    }
    // Another country is refused, not silently empty; assessors and advisers have no portfolio.
    let err =
        hrdd::services::portfolio::portfolio(&t.db, registry(), &user, &all.with("country", "UG")).await.unwrap_err();
    assert_eq!(err.status(), 403);
    for role in [Role::Assessor, Role::HrAdviser, Role::Admin] {
        let mut u = manager(None);
        u.roles = vec![role];
        let err = hrdd::services::portfolio::portfolio(&t.db, registry(), &u, &all).await.unwrap_err();
        assert_eq!(err.status(), 403, "{role:?}");
    }
}
on_both_backends!(filters_are_validated_and_scoped);

/// The index written as cases change equals the index computed afresh by the backfill.
async fn the_index_follows_the_cases_and_the_backfill_rebuilds_it(t: TestDb) {
    hrdd::server::demo::seed(&t.db).await.unwrap();
    hrdd::services::seed::seed_cases(&t.db, registry(), 40, 5).await.unwrap();
    async fn dump(t: &TestDb) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for sql in [
            "SELECT case_id || ' ' || component_id || ' ' || support_types || ' ' || COALESCE(recipient_type, '-') || ' ' || band0 || ' ' || band || ' ' || recommended_decision || ' ' || COALESCE(final_decision, '-') || ' ' || hard_rules || ' ' || CASE WHEN stopped THEN 'stop' ELSE 'go' END FROM case_components",
            "SELECT case_id || ' ' || area || ' ' || band0 || ' ' || band1 FROM case_areas",
            "SELECT case_id || ' ' || support_type FROM case_support_types",
            "SELECT case_id || ' ' || rule FROM case_hard_rules",
            // The narrow per-case signature the portfolio aggregates (migration 0013).
            "SELECT 'facts ' || id || ' ' || area_bands || ' / ' || hard_rules || ' / ' || stopped_components || ' ' || pending_stops FROM case_facts",
        ] {
            let rows: Vec<String> = with_pool!(&t.db, pool => sqlx::query_scalar(sql).fetch_all(pool).await.unwrap());
            out.extend(rows);
        }
        out.sort();
        out
    }
    let written = dump(&t).await;
    assert!(written.iter().any(|r| r.contains("SUSPEND") || r.contains("PROCEED")), "components indexed");
    assert!(written.iter().any(|r| r.starts_with("facts ") && r.contains(":HIGH")), "signatures written: {written:?}");
    assert!(written.iter().any(|r| r.starts_with("facts ") && !r.ends_with(" 0 0")), "stop counts written");
    let (finals, stopped): (i64, i64) = with_pool!(&t.db, pool => sqlx::query_as("SELECT COUNT(final_decision), COALESCE(SUM(CASE WHEN stopped THEN 1 ELSE 0 END), 0) FROM case_components").fetch_one(pool).await.unwrap());
    assert!(finals > 0 && stopped > 0, "final decisions and stop flags indexed: {finals}, {stopped}");
    with_pool!(&t.db, pool => {
        for table in ["case_components", "case_areas", "case_support_types", "case_hard_rules"] {
            sqlx::query(&format!("DELETE FROM {table}")).execute(pool).await.unwrap();
        }
        sqlx::query("UPDATE cases SET indexed = FALSE").execute(pool).await.unwrap();
        sqlx::query("UPDATE case_facts SET area_bands = '', hard_rules = '', stopped_components = 0, pending_stops = 0").execute(pool).await.unwrap();
    });
    let cases: i64 =
        with_pool!(&t.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM cases").fetch_one(pool).await.unwrap());
    assert_eq!(hrdd::services::portfolio::backfill(&t.db, registry()).await.unwrap() as i64, cases);
    assert_eq!(dump(&t).await, written);
    assert_eq!(hrdd::services::portfolio::backfill(&t.db, registry()).await.unwrap(), 0, "nothing left to index");
}
on_both_backends!(the_index_follows_the_cases_and_the_backfill_rebuilds_it);

/// The kept per-country, per-status counts equal a fresh count after every kind of change, and the
/// case list's totals (read from them when filtered by country and status only) equal a real count.
async fn kept_counts_follow_every_change(t: TestDb) {
    hrdd::server::demo::seed(&t.db).await.unwrap();
    hrdd::services::seed::seed_cases(&t.db, registry(), 60, 9).await.unwrap();
    async fn check(t: &TestDb, when: &str) {
        let kept: Vec<(String, String, i64)> = with_pool!(&t.db, pool => sqlx::query_as("SELECT country, state, CAST(n AS BIGINT) FROM case_counts WHERE n <> 0 ORDER BY country, state").fetch_all(pool).await.unwrap());
        let fresh: Vec<(String, String, i64)> = with_pool!(&t.db, pool => sqlx::query_as("SELECT country, state, COUNT(*) FROM case_facts GROUP BY country, state ORDER BY country, state").fetch_all(pool).await.unwrap());
        assert_eq!(kept, fresh, "{when}");
        let user = manager(None);
        for filter in [
            CaseFilter::default(),
            CaseFilter::default().with("state", "DRAFT"),
            CaseFilter::default().with("state", "SUPERSEDED"),
            CaseFilter::default().with("country", "KE"),
            CaseFilter::default().with("country", "UG").with("state", "DECIDED"),
        ] {
            let real: i64 = fresh
                .iter()
                .filter(|(_, state, _)| match &filter.state {
                    Some(s) => state == s,
                    None => state != "SUPERSEDED",
                })
                .filter(|(country, _, _)| filter.country.as_ref().is_none_or(|c| c == country))
                .map(|(_, _, n)| n)
                .sum();
            assert_eq!(listed(t, &user, &filter).await, real, "{when}: {filter:?}");
            assert_eq!(
                listed(t, &manager(Some(&["KE"])), &filter).await,
                if filter.country.as_deref().is_none_or(|c| c == "KE") {
                    fresh
                        .iter()
                        .filter(|(c, s, _)| c == "KE" && filter.state.as_ref().map_or(s != "SUPERSEDED", |f| s == f))
                        .map(|(_, _, n)| n)
                        .sum::<i64>()
                } else {
                    0
                },
                "{when}: KE only, {filter:?}"
            );
        }
        let countries = hrdd::services::cases::countries(&t.db, &user).await.unwrap();
        let mut expected: Vec<String> = fresh.iter().map(|(c, _, _)| c.clone()).collect();
        expected.dedup();
        assert_eq!(countries, expected, "{when}: countries with cases");
    }
    check(&t, "after seeding").await;
    let draft: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT id FROM cases WHERE state = 'DRAFT' ORDER BY id LIMIT 1").fetch_one(pool).await.unwrap());
    with_pool!(&t.db, pool => {
        sqlx::query("UPDATE cases SET state = 'SUBMITTED' WHERE id = $1").bind(draft).execute(pool).await.unwrap();
    });
    check(&t, "after a status change").await;
    with_pool!(&t.db, pool => {
        sqlx::query("UPDATE cases SET country = 'ZZ' WHERE id = $1").bind(draft).execute(pool).await.unwrap();
    });
    check(&t, "after a country change").await;
    with_pool!(&t.db, pool => {
        sqlx::query("DELETE FROM case_facts WHERE id = $1").bind(draft).execute(pool).await.unwrap();
    });
    check(&t, "after a deletion").await;
}
on_both_backends!(kept_counts_follow_every_change);

// ----- the read API ------------------------------------------------------------------------------

async fn api(app: &axum::Router, uri: &str, token: Option<&str>) -> (u16, String, Vec<(String, String)>) {
    use tower::ServiceExt;
    let mut builder = axum::http::Request::builder().uri(uri).header("host", "hrdd.test");
    if let Some(t) = token {
        builder = builder.header("authorization", format!("Bearer {t}"));
    }
    let response = app.clone().oneshot(builder.body(axum::body::Body::empty()).unwrap()).await.unwrap();
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(k, v)| (k.as_str().to_string(), v.to_str().unwrap_or_default().to_string()))
        .collect();
    let bytes = axum::body::to_bytes(response.into_body(), 64 << 20).await.unwrap();
    (status, String::from_utf8_lossy(&bytes).into_owned(), headers)
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

async fn token_for(t: &TestDb, email: &str) -> String {
    let id: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT id FROM users WHERE email = $1").bind(email).fetch_one(pool).await.unwrap());
    let user = hrdd::services::accounts::load_user(&t.db, id).await.unwrap().unwrap();
    hrdd::services::tokens::create(&t.db, &user, "test", 30).await.unwrap().token
}

async fn api_tokens_carry_their_owners_role_and_countries(t: TestDb) {
    let app = app(&t.db);
    hrdd::server::demo::seed(&t.db).await.unwrap();
    hrdd::services::seed::seed_cases(&t.db, registry(), 50, 9).await.unwrap();
    make_user(&t.db, "ke.manager@un.org", &[Role::Manager], None, &["KE"]).await;
    make_user(&t.db, "ke.assessor@un.org", &[Role::Assessor], None, &["KE"]).await;
    make_user(&t.db, "admin@un.org", &[Role::Admin], None, &["*"]).await;
    let manager = token_for(&t, "ke.manager@un.org").await;
    let assessor = token_for(&t, "ke.assessor@un.org").await;

    // The list: only KE, paged, with the same filters as the pages.
    let (status, body, _) = api(&app, "/api/v1/cases?per_page=500", Some(&manager)).await;
    assert_eq!(status, 200, "{body}");
    let list = json(&body);
    let items = list["items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert!(items.iter().all(|i| i["country"] == "KE"), "KE only");
    let ke_total: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE country = 'KE' AND state <> 'SUPERSEDED'").fetch_one(pool).await.unwrap());
    assert_eq!(list["total"], ke_total);
    let (_, body, _) = api(&app, "/api/v1/cases?state=DECIDED&per_page=2&page=1", Some(&manager)).await;
    let decided = json(&body);
    assert!(decided["items"].as_array().unwrap().iter().all(|i| i["state"] == "DECIDED"));
    assert_eq!(decided["per_page"], 2);

    // One summary: in scope yes (spec §10.8 fields), other country 404 (as if it did not exist).
    let (ke_decided, ug_case): (i64, i64) = with_pool!(&t.db, pool => {
        let a: i64 = sqlx::query_scalar("SELECT id FROM cases WHERE country = 'KE' AND state = 'DECIDED' ORDER BY id LIMIT 1").fetch_one(pool).await.unwrap();
        let b: i64 = sqlx::query_scalar("SELECT id FROM cases WHERE country <> 'KE' ORDER BY id LIMIT 1").fetch_one(pool).await.unwrap();
        (a, b)
    });
    let before = hrdd::services::verify::check_one_case(&t.db, ke_decided, None, true).await.unwrap().events.len();
    let (status, body, _) = api(&app, &format!("/api/v1/cases/{ke_decided}"), Some(&manager)).await;
    assert_eq!(status, 200, "{body}");
    // The read is in the access log (who, which path), not in the case's signed record.
    let reads = hrdd::services::tokens::reads_of_case(&t.db, ke_decided).await.unwrap();
    assert_eq!(reads.len(), 1, "{reads:?}");
    assert_eq!(reads[0].2, format!("/api/v1/cases/{ke_decided}"));
    let manager_id: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT id FROM users WHERE email = 'ke.manager@un.org'").fetch_one(pool).await.unwrap());
    assert_eq!(reads[0].1, manager_id);
    let after = hrdd::services::verify::check_one_case(&t.db, ke_decided, None, true).await.unwrap().events.len();
    assert_eq!(after, before, "reading adds nothing to the case's record");
    let s = json(&body);
    for field in [
        "case_id",
        "country",
        "un_entity",
        "office",
        "programme_title",
        "version",
        "state",
        "components",
        "overall_band",
        "overall_decision",
        "consultations_done",
        "next_review_date",
        "reassessment_due",
        "last_decided_by",
        "last_decided_at",
        "open_intercessions",
    ] {
        assert!(s.get(field).is_some(), "summary lacks {field}: {s}");
    }
    let c0 = &s["components"][0];
    for field in [
        "component_id",
        "support_types",
        "recipient_type",
        "hrddp_applicable",
        "areas",
        "recommended_decision",
        "final_decision",
        "hard_rules_fired",
        "conditions",
    ] {
        assert!(c0.get(field).is_some(), "component lacks {field}: {c0}");
    }
    assert!(c0["final_decision"].is_string(), "decided: final decisions present");
    assert!(s["last_decided_by"].is_string());
    let (status, body, _) = api(&app, &format!("/api/v1/cases/{ug_case}"), Some(&manager)).await;
    assert_eq!(status, 404, "the same answer as for a case that does not exist");
    assert_eq!(json(&body)["error"]["code"], "not_found");
    assert!(!body.contains("-20"), "no reference of the other country's case leaks: {body}");

    // Portfolio: managers yes, assessors no.
    let (status, body, _) = api(&app, "/api/v1/portfolio", Some(&manager)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["total"], ke_total);
    let (status, body, _) = api(&app, "/api/v1/portfolio", Some(&assessor)).await;
    assert_eq!((status, json(&body)["error"]["code"].clone()), (403, Value::from("forbidden")));

    // Bad input: a JSON error naming the parameter.
    let (status, body, _) = api(&app, "/api/v1/cases?band=SEVERE", Some(&manager)).await;
    assert_eq!(status, 422);
    assert_eq!(json(&body)["error"]["field"], "band");
    let (status, body, _) = api(&app, "/api/v1/cases?per_page=0", Some(&manager)).await;
    assert_eq!((status, json(&body)["error"]["field"].clone()), (422, Value::from("per_page")));
    let (status, body, _) = api(&app, "/api/v1/cases?page=abc", Some(&manager)).await;
    assert_eq!((status, json(&body)["error"]["code"].clone()), (422, Value::from("invalid")));
    let (status, body, _) = api(&app, "/api/v1/nothing-here", Some(&manager)).await;
    assert_eq!((status, json(&body)["error"]["code"].clone()), (404, Value::from("not_found")));

    // No token, a wrong token, a revoked one, an expired one, a deactivated owner: 401 JSON.
    let (status, body, headers) = api(&app, "/api/v1/cases", None).await;
    assert_eq!((status, json(&body)["error"]["code"].clone()), (401, Value::from("unauthenticated")));
    assert!(headers.iter().any(|(k, v)| k == "www-authenticate" && v == "Bearer"));
    let (status, body, _) = api(&app, "/api/v1/cases", Some("hrdd_0000000000000000000000000000000000000000")).await;
    assert_eq!((status, json(&body)["error"]["code"].clone()), (401, Value::from("invalid_token")));
    let manager_user = hrdd::services::accounts::load_user(&t.db, with_pool!(&t.db, pool => sqlx::query_scalar::<_, i64>("SELECT id FROM users WHERE email = 'ke.manager@un.org'").fetch_one(pool).await.unwrap())).await.unwrap().unwrap();
    let listed = hrdd::services::tokens::list(&t.db, manager_user.id).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert!(listed[0].last_used_at.is_some(), "use is recorded");
    assert!(!serde_json::to_string(&listed).unwrap().contains(&manager), "the token itself is never listed");
    hrdd::services::tokens::revoke(&t.db, &manager_user, listed[0].id).await.unwrap();
    let (status, _, _) = api(&app, "/api/v1/cases", Some(&manager)).await;
    assert_eq!(status, 401, "revoked");
    let other = make_user(&t.db, "other@un.org", &[Role::Manager], None, &["KE"]).await;
    assert_eq!(hrdd::services::tokens::revoke(&t.db, &manager_user, listed[0].id).await.unwrap_err().status(), 404);
    let expiring = token_for(&t, "other@un.org").await;
    with_pool!(&t.db, pool => sqlx::query("UPDATE api_tokens SET expires_at = $1 WHERE user_id = $2").bind(chrono::Utc::now() - chrono::Duration::minutes(1)).bind(other).execute(pool).await.unwrap().rows_affected());
    assert_eq!(api(&app, "/api/v1/cases", Some(&expiring)).await.0, 401, "expired");
    let fresh = token_for(&t, "ke.assessor@un.org").await;
    let assessor_id: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT id FROM users WHERE email = 'ke.assessor@un.org'").fetch_one(pool).await.unwrap());
    hrdd::services::accounts::set_active(
        &t.db,
        assessor_id,
        false,
        &hrdd::services::accounts::ChangedBy::command_line("test"),
    )
    .await
    .unwrap();
    assert_eq!(api(&app, "/api/v1/cases", Some(&fresh)).await.0, 401, "deactivated owner");
    // Token names are validated; tokens live 1–90 days.
    let other = hrdd::services::accounts::load_user(&t.db, other).await.unwrap().unwrap();
    assert!(hrdd::services::tokens::create(&t.db, &other, "  ", 30).await.unwrap_err().for_field("name").is_some());
    assert!(hrdd::services::tokens::create(&t.db, &other, "x", 91).await.unwrap_err().for_field("days").is_some());
    // The stored hash is not the token.
    let stored: Vec<String> = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT token_hash FROM api_tokens").fetch_all(pool).await.unwrap());
    assert!(stored.iter().all(|h| h.len() == 64 && !h.starts_with("hrdd_")));

    // The OpenAPI document describes every route.
    let (status, body, _) = api(&app, "/api/v1/openapi.json", None).await;
    assert_eq!(status, 200);
    let doc = json(&body);
    for path in [
        "/api/v1/cases",
        "/api/v1/cases/{id}",
        "/api/v1/portfolio",
        "/api/v1/cases/export.csv",
        "/api/v1/cases/export.json",
        "/api/v1/cases/{id}/summary.json",
    ] {
        assert!(doc["paths"].get(path).is_some(), "OpenAPI lacks {path}");
    }
    assert!(doc["components"]["schemas"].get("ManagerSummary").is_some());
    assert!(doc["components"]["securitySchemes"].get("token").is_some());
}
on_both_backends!(api_tokens_carry_their_owners_role_and_countries);

async fn exports_are_complete_neutralised_and_audited(t: TestDb) {
    let app = app(&t.db);
    hrdd::server::demo::seed(&t.db).await.unwrap();
    hrdd::services::seed::seed_cases(&t.db, registry(), 30, 4).await.unwrap();
    make_user(&t.db, "all.manager@un.org", &[Role::Manager], None, &["*"]).await;
    let token = token_for(&t, "all.manager@un.org").await;
    // A title a spreadsheet would run as a formula.
    let hostile: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT id FROM cases WHERE state = 'DRAFT' ORDER BY id LIMIT 1").fetch_one(pool).await.unwrap());
    with_pool!(&t.db, pool => sqlx::query("UPDATE cases SET title = $1 WHERE id = $2").bind("=HYPERLINK(\"http://evil\",\"x\")").bind(hostile).execute(pool).await.unwrap().rows_affected());
    let current: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE state <> 'SUPERSEDED'").fetch_one(pool).await.unwrap());

    let (status, csv, headers) = api(&app, "/api/v1/cases/export.csv", Some(&token)).await;
    assert_eq!(status, 200);
    assert!(headers.iter().any(|(k, v)| k == "content-disposition" && v.contains("attachment") && v.contains(".csv")));
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len() as i64, current + 1, "header + one line per case");
    assert!(lines[0].starts_with("\"case_id\",\"reference\""));
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""), "formula neutralised and quotes doubled");
    assert!(!lines
        .iter()
        .any(|l| l.contains(",\"=") || l.contains(",\"+") || l.contains(",\"@") || l.contains(",\"-")));
    // Also what spreadsheets trim or fold before looking: a space, a line break, full-width signs, `|`.
    for cell in ["+1", "-2", "@x", "=y", "\tz", " =1+1", "\n=cmd", "＝SUM(A1)", "|cmd", "％x", "plain"] {
        let out = hrdd::portfolio::export::csv_cell(cell);
        assert_eq!(out.starts_with("\"'"), cell != "plain", "{cell:?} → {out}");
    }

    let (status, body, _) = api(&app, "/api/v1/cases/export.json?state=DECIDED", Some(&token)).await;
    assert_eq!(status, 200);
    let rows = json(&body);
    let decided: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE state = 'DECIDED'").fetch_one(pool).await.unwrap());
    assert_eq!(rows.as_array().unwrap().len() as i64, decided);
    assert!(rows.as_array().unwrap().iter().all(|r| r["state"] == "DECIDED" && r["final_decision"].is_string()));
    // Labels follow the requested language; the codes never change.
    let english = rows.as_array().unwrap()[0].clone();
    assert_eq!(english["labels"]["state"], "Decided", "the token owner's default: English");
    let (status, body, _) = api(&app, "/api/v1/cases/export.json?state=DECIDED&lang=fr", Some(&token)).await;
    assert_eq!(status, 200);
    let french = json(&body);
    let row = french.as_array().unwrap().iter().find(|r| r["case_id"] == english["case_id"]).unwrap().clone();
    assert_eq!((row["state"].clone(), row["labels"]["state"].clone()), (Value::from("DECIDED"), Value::from("Décidé")));
    assert_eq!(row["final_decision"], english["final_decision"]);
    assert!(
        row["labels"]["final_decision"].is_string()
            && row["labels"]["final_decision"] != english["labels"]["final_decision"]
    );
    let (_, csv_ar, _) = api(&app, "/api/v1/cases/export.csv?state=DECIDED&lang=ar", Some(&token)).await;
    let header = csv_ar.lines().next().unwrap();
    assert!(header.ends_with("\"state_label\",\"overall_band_label\",\"decision_label\",\"recommended_decision_label\",\"final_decision_label\""), "{header}");
    assert!(csv_ar.contains("\"DECIDED\"") && csv_ar.contains("\"تقرَّر\""), "Arabic labels beside the codes");
    let (status, body, _) = api(&app, "/api/v1/cases?lang=de", Some(&token)).await;
    assert_eq!((status, json(&body)["error"]["field"].clone()), (422, Value::from("lang")), "{body}");
    let (status, body, _) = api(&app, "/api/v1/cases?state=DECIDED&lang=es&per_page=1", Some(&token)).await;
    assert_eq!((status, json(&body)["items"][0]["labels"]["state"].clone()), (200, Value::from("Decidido")), "{body}");
    let (status, body, _) = api(&app, "/api/v1/cases/export.json?band=NOPE", Some(&token)).await;
    assert_eq!(
        (status, json(&body)["error"]["field"].clone()),
        (422, Value::from("band")),
        "validated before streaming"
    );

    // Downloading one summary is an audit event; the chain still verifies.
    let before: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE case_id = $1").bind(hostile).fetch_one(pool).await.unwrap());
    let (status, body, headers) = api(&app, &format!("/api/v1/cases/{hostile}/summary.json"), Some(&token)).await;
    assert_eq!(status, 200, "{body}");
    assert!(headers.iter().any(|(k, v)| k == "content-disposition" && v.contains("-summary.json")));
    assert_eq!(json(&body)["case_id"], hostile);
    let events: Vec<(String, String)> = with_pool!(&t.db, pool => sqlx::query_as("SELECT action, actor FROM audit_events WHERE case_id = $1 ORDER BY seq").bind(hostile).fetch_all(pool).await.unwrap());
    assert_eq!(events.len() as i64, before + 1);
    assert_eq!(events.last().unwrap(), &("EXPORTED".to_string(), "all.manager@un.org".to_string()));
    let report = hrdd::services::verify::verify_all(&t.db, &[]).await.unwrap();
    assert!(report.breaches.is_empty(), "{:?}", report.breaches);
}
on_both_backends!(exports_are_complete_neutralised_and_audited);

async fn pages_use_sessions_and_managers_never_reach_edit_views(t: TestDb) {
    let app = app(&t.db);
    hrdd::server::demo::seed(&t.db).await.unwrap();
    hrdd::services::seed::seed_cases(&t.db, registry(), 20, 2).await.unwrap();
    make_user(&t.db, "ke.manager@un.org", &[Role::Manager], None, &["KE"]).await;
    let session = sign_in(&app, "ke.manager@un.org").await;
    // The export links on the pages work with the session cookie.
    let reply = send(&app, "GET", "/api/v1/cases/export.csv?country=KE", Some(&session), None, None).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    // Also compressed, as browsers ask for it: the streamed export runs to its end.
    {
        use tower::ServiceExt;
        let request = axum::http::Request::builder()
            .uri("/api/v1/cases/export.csv?country=KE")
            .header("host", "hrdd.test")
            .header("cookie", format!("hrdd_session={session}"))
            .header("accept-encoding", "gzip, deflate, br")
            .body(axum::body::Body::empty())
            .unwrap();
        let response = app.clone().oneshot(request).await.unwrap();
        assert_eq!(response.headers().get("content-encoding").unwrap(), "br");
        let bytes = axum::body::to_bytes(response.into_body(), 10 << 20).await.expect("the whole body");
        assert!(!bytes.is_empty());
    }
    // The portfolio page renders server-side with its figures.
    let reply = send(&app, "GET", "/portfolio?state=DECIDED", Some(&session), None, None).await;
    assert_eq!(reply.status, 200);
    assert!(reply.body.contains("Countries × risk areas") && reply.body.contains("<svg"), "dashboard rendered");
    // A manager is refused the edit view of a case in scope.
    let id: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT id FROM cases WHERE country = 'KE' AND state = 'DRAFT' ORDER BY id LIMIT 1").fetch_one(pool).await.unwrap());
    let reply = call(&app, "cases/editor", Some(&session), &[("id", &id.to_string())]).await;
    assert_eq!(reply.status, 403);
    let reply = call(&app, "review/summary", Some(&session), &[("id", &id.to_string())]).await;
    assert_eq!(reply.status, 200, "the summary is readable");
}
on_both_backends!(pages_use_sessions_and_managers_never_reach_edit_views);

/// The index of `example` (a worked example's answers) as a save would build it.
fn index_of(example: &str) -> hrdd::portfolio::index::CaseIndex {
    let draft = draft(&example_answers(example));
    let outcome = hrdd::methodology::draft::score_draft(registry(), &draft);
    hrdd::portfolio::index::CaseIndex::build(&draft, &outcome, &Default::default())
}

/// Writes `index` for case `id` in its own transaction; whether the rows were rewritten.
async fn write_index(t: &TestDb, id: i64, index: &hrdd::portfolio::index::CaseIndex) -> bool {
    let mut write = t.db.write().await.unwrap();
    let rewritten = write.write_case_index(id, index).await.unwrap();
    write.commit().await.unwrap();
    rewritten
}

async fn a_save_rewrites_the_index_rows_only_when_they_change(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "ana@un.org", &[Role::Assessor], None, &["KE"]).await;
    let ana = sign_in(&app, "ana@un.org").await;
    let id: i64 = create_draft(&app, &ana, "KE").await.parse().unwrap();
    let low = index_of("01_low_forensic_lab_police");
    let substantial = index_of("03_substantial_gendarmerie_vehicles");
    assert_ne!(low, substantial);

    assert!(write_index(&t, id, &low).await, "first index of the case");
    assert!(!write_index(&t, id, &low.clone()).await, "same rows (a text-only save): nothing written");
    assert!(write_index(&t, id, &substantial).await, "other figures: rewritten");
    assert!(!write_index(&t, id, &substantial).await);
    // A sign-off sets final decisions in place; the next index write must not trust the digest.
    let mut write = t.db.write().await.unwrap();
    write.write_final_decisions(id, &[("C1".to_string(), "WITHDRAW".to_string())].into()).await.unwrap();
    write.commit().await.unwrap();
    assert!(write_index(&t, id, &substantial).await, "rows changed under the digest: rewritten");
}
on_both_backends!(a_save_rewrites_the_index_rows_only_when_they_change);
