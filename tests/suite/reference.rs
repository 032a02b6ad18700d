//! Country reference data (issue 20), on both databases: history kept as dated entries, checks as
//! in the wizard's step 2 with nothing stored on a wrong combination, country scope of editors,
//! concurrent editors, the pre-fill of a new case, the read API, and the DEATH_PENALTY_CHANGE
//! trigger on exactly the decided cases that watch it.

use crate::common::*;
use crate::on_both_backends;
use hrdd::accounts::Role;
use serde_json::Value;
use std::collections::BTreeSet;

/// The reference form as the page posts it: every question (blank = no value), date, source, base.
fn form<'a>(
    values: &[(&'a str, &'a str)],
    date: &'a str,
    citation: &'a str,
    based_on: &'a str,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = hrdd::reference::QUESTIONS
        .iter()
        .map(|q| {
            let v = values.iter().find(|(k, _)| k == q).map_or("", |(_, v)| v);
            (format!("q.{q}"), v.to_string())
        })
        .collect();
    out.extend([
        ("effective_from".to_string(), date.to_string()),
        ("citation".to_string(), citation.to_string()),
        ("url".to_string(), String::new()),
        ("based_on".to_string(), based_on.to_string()),
    ]);
    out
}

async fn post_form(app: &axum::Router, token: &str, code: &str, fields: &[(String, String)]) -> Reply {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    send(app, "POST", &format!("/reference/countries/{code}"), Some(token), Some(&pairs), Some(ORIGIN)).await
}

/// A redirect's address as text (percent-decoding, `+` as a space).
fn decode(location: &str) -> String {
    let bytes = location.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                out.push(u8::from_str_radix(&location[i + 1..i + 3], 16).unwrap_or(b'?'));
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

async fn entry_count(t: &TestDb, country: &str) -> i64 {
    with_pool!(&t.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM reference_entries WHERE country = $1").bind(country).fetch_one(pool).await.unwrap())
}

async fn latest_id(t: &TestDb, country: &str) -> String {
    t.db.reference_latest_id(country).await.unwrap().to_string()
}

async fn api(app: &axum::Router, token: &str, uri: &str) -> (u16, Value) {
    let r = send(app, "GET", uri, Some(token), None, None).await;
    (r.status, serde_json::from_str(&r.body).unwrap_or(Value::Null))
}

const KENYA_2020: [(&str, &str); 5] = [
    ("dp_status_drugs", "DRUG_DP_EXECUTING"),
    ("dp_mandatory_for_drugs", "true"),
    ("drug_executions_5y", "3"),
    ("compulsory_drug_detention_centres", "true"),
    ("armed_conflict_or_peace_operation", "false"),
];

async fn history_is_kept_checked_scoped_and_prefills_new_cases(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "admin-ke@un.org", &[Role::Admin], None, &["KE"]).await;
    make_user(&t.db, "assessor@un.org", &[Role::Assessor], None, &["KE"]).await;
    make_user(&t.db, "assessor-ug@un.org", &[Role::Assessor], None, &["UG"]).await;
    let admin = sign_in(&app, "admin-ke@un.org").await;
    let assessor = sign_in(&app, "assessor@un.org").await;

    // A first table for Kenya, in force from 2020.
    let r = post_form(&app, &admin, "KE", &form(&KENYA_2020, "2020-01-01", "HRI Global Overview 2020", "0")).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(r.location.as_deref().unwrap().contains("recorded=5"), "{:?}", r.location);
    assert_eq!(entry_count(&t, "KE").await, 5);

    // An editor for KE cannot edit UG: refused, nothing stored.
    let r = post_form(&app, &admin, "UG", &form(&KENYA_2020, "2020-01-01", "HRI 2020", "0")).await;
    assert_eq!(r.status, 403, "{}", r.body);
    assert_eq!(entry_count(&t, "UG").await, 0);
    // Nor can an assessor edit their own country.
    let r = post_form(&app, &assessor, "KE", &form(&KENYA_2020, "2021-01-01", "HRI 2021", &latest_id(&t, "KE").await))
        .await;
    assert_eq!(r.status, 403, "{}", r.body);

    // A wrong combination comes back next to its field, with what was typed; nothing is stored.
    let base = latest_id(&t, "KE").await;
    let wrong = [("dp_status_drugs", "DP_BUT_NOT_FOR_DRUGS"), ("dp_mandatory_for_drugs", "true")];
    let r = post_form(&app, &admin, "KE", &form(&wrong, "2024-06-01", "Penal Code (Amendment) Act 2024", &base)).await;
    assert_eq!(r.status, 303);
    let back = decode(r.location.as_deref().unwrap());
    assert!(back.contains("error.q.dp_mandatory_for_drugs="), "{back}");
    assert!(back.contains("citation=Penal Code (Amendment) Act 2024"), "the input is kept: {back}");
    assert_eq!(entry_count(&t, "KE").await, 5, "nothing stored");
    // A missing source and date are named too.
    let r = post_form(&app, &admin, "KE", &form(&KENYA_2020, "", "", &base)).await;
    let back = decode(r.location.as_deref().unwrap());
    assert!(back.contains("error.effective_from=") && back.contains("error.citation="), "{back}");
    // The page shows the messages next to the fields and keeps the input.
    let back_to = r.location.as_deref().unwrap().split('#').next().unwrap().to_string();
    let page = send(&app, "GET", &back_to, Some(&admin), None, None).await;
    assert!(page.body.contains("Enter the date the change took effect"), "{}", page.body);

    // Abolition in practice from mid-2024, 4.2 and 4.3 ended: a new dated entry each, history kept.
    let abolished = [
        ("dp_status_drugs", "DRUG_DP_ABOLITIONIST_IN_PRACTICE"),
        ("dp_mandatory_for_drugs", "false"),
        ("compulsory_drug_detention_centres", "true"),
        ("armed_conflict_or_peace_operation", "false"),
    ];
    let r = post_form(&app, &admin, "KE", &form(&abolished, "2024-06-01", "Moratorium decree 2024", &base)).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(r.location.as_deref().unwrap().contains("recorded=3"), "4.1, 4.2, 4.3 changed: {:?}", r.location);
    assert_eq!(entry_count(&t, "KE").await, 8, "every change is a new entry, never an overwrite");

    // A second editor whose form was opened before that change is refused, input kept.
    let r = post_form(&app, &admin, "KE", &form(&KENYA_2020, "2025-01-01", "Late form", &base)).await;
    let back = decode(r.location.as_deref().unwrap());
    assert!(back.contains("Someone recorded a change"), "{back}");
    assert_eq!(entry_count(&t, "KE").await, 8);

    // The read API: in force today and on a past date, the full history; scoped by country.
    let (status, now) = api(&app, &assessor, "/api/v1/countries/KE/reference").await;
    assert_eq!(status, 200, "{now}");
    assert_eq!(now["in_force"]["dp_status_drugs"]["value"], "DRUG_DP_ABOLITIONIST_IN_PRACTICE");
    assert_eq!(now["in_force"]["drug_executions_5y"]["value"], Value::Null, "4.3 ended in 2024");
    assert_eq!(now["history"].as_array().unwrap().len(), 8);
    let (_, then) = api(&app, &assessor, "/api/v1/countries/ke/reference?on=2023-12-31").await;
    assert_eq!(then["in_force"]["dp_status_drugs"]["value"], "DRUG_DP_EXECUTING");
    assert_eq!(then["in_force"]["drug_executions_5y"]["value"], 3);
    let (_, before) = api(&app, &assessor, "/api/v1/countries/KE/reference?on=2019-12-31").await;
    assert_eq!(before["in_force"]["dp_status_drugs"], Value::Null, "nothing was in force before 2020");
    let outsider = sign_in(&app, "assessor-ug@un.org").await;
    let (status, _) = api(&app, &outsider, "/api/v1/countries/KE/reference").await;
    assert_eq!(status, 404, "outside the caller's countries");
    let (status, _) = api(&app, &assessor, "/api/v1/countries/KE/reference?on=yesterday").await;
    assert_eq!(status, 422);

    // The page for readers: values in force and history, no edit form.
    let page = send(&app, "GET", "/reference/countries/KE", Some(&assessor), None, None).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Moratorium decree 2024") && !page.body.contains("reference-form"), "{}", page.body);
    let page = send(&app, "GET", "/reference/countries/KE", Some(&admin), None, None).await;
    assert!(page.body.contains("reference-form"), "editors get the form");
    // "Open a country by its code" (administrators of every country): a known code opens it,
    // another comes back with a message next to the field.
    make_user(&t.db, "admin-all@un.org", &[Role::Admin], None, &["*"]).await;
    let global = sign_in(&app, "admin-all@un.org").await;
    // A code is two ASCII letters: "ß" is refused, not upper-cased into "SS" (South Sudan).
    let (status, body) = api(&app, &global, "/api/v1/countries/%C3%9F/reference").await;
    assert_eq!((status, body["error"]["message"].as_str()), (404, Some("No such country code.")), "{body}");
    let r = send(&app, "GET", "/reference/countries/open?code=%C3%9F", Some(&global), None, None).await;
    assert!(r.location.as_deref().is_some_and(|l| l.contains("unknown=")), "{:?}", r.location);
    let r = send(&app, "GET", "/reference/countries/open?code=ug", Some(&global), None, None).await;
    assert_eq!(r.location.as_deref(), Some("/reference/countries/UG"));
    let r = send(&app, "GET", "/reference/countries/open?code=zz", Some(&global), None, None).await;
    let back = r.location.unwrap();
    let page = send(&app, "GET", back.split('#').next().unwrap(), Some(&global), None, None).await;
    assert!(page.body.contains("is not a country code HRDD knows"), "{}", page.body);

    // A new case is pre-filled with the values in force today, and keeps which entries they were.
    let id: i64 = create_draft(&app, &assessor, "KE").await.parse().unwrap();
    let answers: String = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT answers FROM cases WHERE id = $1").bind(id).fetch_one(pool).await.unwrap());
    let answers: Value = serde_json::from_str(&answers).unwrap();
    assert_eq!(answers["case"]["dp_status_drugs"], "DRUG_DP_ABOLITIONIST_IN_PRACTICE");
    assert_eq!(answers["case"]["dp_mandatory_for_drugs"], false);
    assert_eq!(answers["case"]["compulsory_drug_detention_centres"], true);
    assert!(answers["case"].get("drug_executions_5y").is_none(), "an ended value is not pre-filled");
    let basis = hrdd::services::reference::case_basis(&t.db, id).await.unwrap();
    assert_eq!(basis.items.len(), 4);
    assert_eq!(basis.item("dp_status_drugs").unwrap().entry.source.citation, "Moratorium decree 2024");
    // A case created before a later change does not change.
    let r = post_form(
        &app,
        &admin,
        "KE",
        &form(&[("dp_status_drugs", "DRUG_DP_SENTENCING")], "2026-01-01", "New law", &latest_id(&t, "KE").await),
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let after: String = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT answers FROM cases WHERE id = $1").bind(id).fetch_one(pool).await.unwrap());
    assert_eq!(
        serde_json::from_str::<Value>(&after).unwrap()["case"]["dp_status_drugs"],
        "DRUG_DP_ABOLITIONIST_IN_PRACTICE"
    );

    // Every change is in the signed audit record, and the record verifies.
    let recorded: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE action = 'REFERENCE_RECORDED'").fetch_one(pool).await.unwrap());
    assert_eq!(recorded, 3);
    let report = hrdd::services::verify::verify_all(&t.db, &[]).await.unwrap();
    assert!(report.breaches.is_empty(), "{:?}", report.breaches.iter().map(|b| b.to_string()).collect::<Vec<_>>());
}
on_both_backends!(history_is_kept_checked_scoped_and_prefills_new_cases);

/// The decided cases (id) of `country` whose components watch DEATH_PENALTY_CHANGE, found by scoring
/// their answers with the engine (not through the stored index the service reads).
async fn watching_by_engine(t: &TestDb, country: &str) -> BTreeSet<i64> {
    let rows: Vec<(i64, String)> = with_pool!(&t.db, pool => sqlx::query_as("SELECT id, answers FROM cases WHERE state = 'DECIDED' AND country = $1").bind(country).fetch_all(pool).await.unwrap());
    rows.into_iter()
        .filter(|(_, answers)| {
            let doc: Value = serde_json::from_str(answers).unwrap();
            let outcome = hrdd::methodology::score_value(registry(), &doc);
            outcome.result().is_some_and(|r| {
                r.components.iter().any(|c| c.watch_triggers.iter().any(|w| w.code() == "DEATH_PENALTY_CHANGE"))
            })
        })
        .map(|(id, _)| id)
        .collect()
}

async fn triggered_cases(t: &TestDb) -> BTreeSet<i64> {
    let ids: Vec<i64> = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT case_id FROM audit_events WHERE action = 'TRIGGER_RECORDED' AND actor LIKE 'system%'").fetch_all(pool).await.unwrap());
    ids.into_iter().collect()
}

async fn a_death_penalty_change_marks_exactly_the_watching_decided_cases(t: TestDb) {
    hrdd::server::demo::seed(&t.db).await.unwrap();
    hrdd::services::seed::seed_cases(&t.db, registry(), 120, 7).await.unwrap();
    let app = app(&t.db);
    make_user(&t.db, "admin@un.org", &[Role::Admin], None, &["*"]).await;
    let admin = sign_in(&app, "admin@un.org").await;
    let expected = watching_by_engine(&t, "KE").await;
    let decided_ke: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE state = 'DECIDED' AND country = 'KE'").fetch_one(pool).await.unwrap());
    let decided_elsewhere: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE state = 'DECIDED' AND country <> 'KE'").fetch_one(pool).await.unwrap());
    assert!(
        !expected.is_empty() && (expected.len() as i64) < decided_ke && decided_elsewhere > 0,
        "the seed has watching and non-watching decided cases in KE and decided cases elsewhere: {expected:?} of {decided_ke}, {decided_elsewhere} elsewhere"
    );
    // The editor sees how many cases a change concerns before saving.
    let page = send(&app, "GET", "/reference/countries/KE", Some(&admin), None, None).await;
    assert!(page.body.contains(&format!("trigger on {} decided assessment", expected.len())), "{}", page.body);

    // A change that is not about the death penalty records no trigger.
    let r = post_form(
        &app,
        &admin,
        "KE",
        &form(&[("compulsory_drug_detention_centres", "true")], "2026-01-01", "UNODC report", "0"),
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(r.location.as_deref().unwrap().contains("triggered=0"), "{:?}", r.location);
    assert!(triggered_cases(&t).await.is_empty());

    // A new 4.1 value: exactly the decided KE cases that watch the trigger, in one transaction.
    let due_before: BTreeSet<i64> = with_pool!(&t.db, pool => sqlx::query_scalar::<_, i64>("SELECT id FROM cases WHERE reassessment_due").fetch_all(pool).await.unwrap()).into_iter().collect();
    let values = [("compulsory_drug_detention_centres", "true"), ("dp_status_drugs", "DRUG_DP_SENTENCING")];
    let r = post_form(
        &app,
        &admin,
        "KE",
        &form(&values, "2026-02-01", "Drug Control Act 2026, s. 12", &latest_id(&t, "KE").await),
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(r.location.as_deref().unwrap().contains(&format!("triggered={}", expected.len())), "{:?}", r.location);
    assert_eq!(triggered_cases(&t).await, expected, "the trigger marks exactly the watching decided cases of KE");
    let due_after: BTreeSet<i64> = with_pool!(&t.db, pool => sqlx::query_scalar::<_, i64>("SELECT id FROM cases WHERE reassessment_due").fetch_all(pool).await.unwrap()).into_iter().collect();
    let newly_due: BTreeSet<i64> = due_after.difference(&due_before).copied().collect();
    assert!(
        newly_due.is_subset(&expected) && expected.iter().all(|id| due_after.contains(id)),
        "{newly_due:?} vs {expected:?}"
    );
    // The trigger is on the case's own record, by the system, naming the reference entry.
    let id = *expected.iter().next().unwrap();
    let events = hrdd::services::verify::events_of_case(&t.db, id).await.unwrap();
    let trigger = events.iter().find(|e| e.action == "TRIGGER_RECORDED").expect("a trigger event");
    assert!(trigger.actor.starts_with("system"), "{}", trigger.actor);
    let details = trigger.details_value();
    assert_eq!(details["trigger"], "DEATH_PENALTY_CHANGE");
    assert_eq!(details["date"], "2026-02-01");
    assert!(!details["reference_entries"].as_array().unwrap().is_empty());
    assert!(details["description"].as_str().unwrap().contains("4.1"), "{details}");
    // Each watching case's assessor and every manager of Kenya get one notice per case.
    let notified: Vec<(i64, i64)> = with_pool!(&t.db, pool => sqlx::query_as("SELECT case_id, user_id FROM notifications WHERE kind = 'TRIGGER_RECORDED' ORDER BY case_id, user_id").fetch_all(pool).await.unwrap());
    let kenya_managers: Vec<i64> = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'manager' AND (u.all_countries = TRUE OR EXISTS (SELECT 1 FROM user_countries c WHERE c.user_id = u.id AND c.country = 'KE'))").fetch_all(pool).await.unwrap());
    assert!(!kenya_managers.is_empty(), "the demo has a manager for Kenya");
    let cases: BTreeSet<i64> = notified.iter().map(|(c, _)| *c).collect();
    assert_eq!(cases, expected, "notices go with exactly the triggered cases");
    for case in &expected {
        let created_by: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT created_by FROM cases WHERE id = $1").bind(case).fetch_one(pool).await.unwrap());
        let mut people: Vec<i64> = notified.iter().filter(|(c, _)| c == case).map(|(_, u)| *u).collect();
        let mut want: Vec<i64> = kenya_managers.iter().copied().chain([created_by]).collect();
        want.sort();
        want.dedup();
        people.sort();
        assert_eq!(people, want, "case {case}: its assessor and Kenya's managers, once each");
    }
    // The manager's portfolio counts them as due.
    let manager = hrdd::accounts::CurrentUser {
        id: 0,
        email: "m@un.org".into(),
        name: "M".into(),
        roles: vec![Role::Manager],
        approval_level: None,
        scope: hrdd::accounts::CountryScope::Countries(vec!["KE".into()]),
        must_change_password: false,
        lang: None,
    };
    let filter = hrdd::cases::CaseFilter { flag: Some("reassessment_due".into()), ..Default::default() };
    let listed = hrdd::services::cases::list(&t.db, &manager, &filter, 500).await.unwrap();
    let listed: BTreeSet<i64> = listed.items.iter().map(|i| i.id).collect();
    assert!(expected.is_subset(&listed), "the manager's list of due cases holds them");
    let report = hrdd::services::verify::verify_all(&t.db, &[]).await.unwrap();
    assert!(report.breaches.is_empty(), "{:?}", report.breaches.iter().map(|b| b.to_string()).collect::<Vec<_>>());
}
on_both_backends!(a_death_penalty_change_marks_exactly_the_watching_decided_cases);

/// Posts an import form (multipart, as the page's form does).
async fn post_import(app: &axum::Router, token: &str, text: &str, mode: &str, based_on: &str) -> Reply {
    post_import_with_cookie(app, &format!("hrdd_session={token}"), text, mode, based_on).await
}

/// [`post_import`] with any cookie header (a session and a language, say).
pub(crate) async fn post_import_with_cookie(
    app: &axum::Router,
    cookie: &str,
    text: &str,
    mode: &str,
    based_on: &str,
) -> Reply {
    use tower::ServiceExt;
    let boundary = "hrddtestboundary";
    let mut body = String::new();
    for (name, value) in [("mode", mode), ("based_on", based_on), ("text", text)] {
        body.push_str(&format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    let request = axum::http::Request::builder()
        .method("POST")
        .uri("/reference/import")
        .header("host", "hrdd.test")
        .header("origin", ORIGIN)
        .header("cookie", cookie)
        .header("content-type", format!("multipart/form-data; boundary={boundary}"))
        .body(axum::body::Body::from(body))
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status().as_u16();
    let location = response.headers().get("location").and_then(|v| v.to_str().ok()).map(String::from);
    let bytes = axum::body::to_bytes(response.into_body(), 10 << 20).await.unwrap();
    Reply {
        status,
        location,
        set_cookie: Vec::new(),
        page_cache: None,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

const HEADER: &str = "country,question,value,effective_from,citation,url";

async fn a_csv_import_is_previewed_then_applied_all_or_nothing(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "admin-eu@un.org", &[Role::Admin], None, &["KE", "UG"]).await;
    make_user(&t.db, "manager@un.org", &[Role::Manager], None, &["KE"]).await;
    let admin = sign_in(&app, "admin-eu@un.org").await;
    let good = format!(
        "{HEADER}\nKE,dp_status_drugs,DRUG_DP_EXECUTING,2020-01-01,\"HRI Global Overview 2020, p. 12\",https://example.org/hri\n\
         KE,dp_mandatory_for_drugs,false,2020-01-01,HRI 2020,\nUG,corporal_punishment_drug_offences,no,2005-06-03,Kyamanywa v Uganda,\n"
    );
    // One bad line of each kind: the preview names every one by its line, and nothing is recorded.
    let bad = format!(
        "{good}QQ,dp_status_drugs,UNKNOWN,2021-01-01,x,\nKE,dp_status_drugs,SOMETIMES,2021-01-01,x,\nKE,armed_conflict_or_peace_operation,false,,x,\n\
         TZ,armed_conflict_or_peace_operation,false,2021-01-01,x,\nKE,dp_status_drugs,DP_BUT_NOT_FOR_DRUGS,2022-01-01,x,\n"
    );
    let r = post_import(&app, &admin, &bad, "preview", "").await;
    assert_eq!(r.status, 422, "{}", r.body);
    for expected in [
        "Line 5: unknown country code",
        "Line 6: unknown value &quot;SOMETIMES&quot;",
        "Line 7: missing date",
        "Line 8: TZ is not one of your countries",
        // 4.2 (line 3, from 2020) is still in force when line 9's 4.1 takes effect, which rules it out.
        "Line 3: KE on 2022-01-01, dp_mandatory_for_drugs: Leave this blank",
    ] {
        assert!(r.body.contains(expected), "{expected}: {}", r.body);
    }
    assert!(!r.body.contains("name=\"mode\" value=\"apply\""), "no apply button while a line is wrong");
    let r = post_import(&app, &admin, &bad, "apply", "0").await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("Nothing was imported"), "{}", r.body);
    assert_eq!(entry_count(&t, "KE").await + entry_count(&t, "UG").await, 0, "a bad line changes nothing");

    // The good file: previewed, then applied.
    let r = post_import(&app, &admin, &good, "preview", "").await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("3 new, 0 already recorded"), "{}", r.body);
    assert!(r.body.contains("name=\"mode\" value=\"apply\""));
    let r = post_import(&app, &admin, &good, "apply", "0").await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(r.location.as_deref().unwrap().contains("imported=3"), "{:?}", r.location);
    assert_eq!((entry_count(&t, "KE").await, entry_count(&t, "UG").await), (2, 1));
    // Applying the same preview again is refused: the data changed since it was made.
    let r = post_import(&app, &admin, &good, "apply", "0").await;
    assert_eq!(r.status, 422);
    assert_eq!((entry_count(&t, "KE").await, entry_count(&t, "UG").await), (2, 1));

    // The export reads back as an import whose lines are all already recorded.
    let export = send(&app, "GET", "/api/v1/reference/export.csv", Some(&admin), None, None).await;
    assert_eq!(export.status, 200);
    assert!(export.body.starts_with(HEADER), "{}", export.body);
    assert!(export.body.contains("\"HRI Global Overview 2020, p. 12\""), "{}", export.body);
    let r = post_import(&app, &admin, &export.body, "preview", "").await;
    assert!(r.body.contains("0 new, 3 already recorded"), "{}", r.body);
    // Other readers export only their countries; JSON too.
    let manager = sign_in(&app, "manager@un.org").await;
    let json = send(&app, "GET", "/api/v1/reference/export.json", Some(&manager), None, None).await;
    let rows: Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 2, "KE only: {}", json.body);
    assert_eq!(rows[0]["country"], "KE");
    // Only administrators import.
    let r = post_import(&app, &manager, &good, "preview", "").await;
    assert_eq!(r.status, 403);
    let report = hrdd::services::verify::verify_all(&t.db, &[]).await.unwrap();
    assert!(report.breaches.is_empty());
}
on_both_backends!(a_csv_import_is_previewed_then_applied_all_or_nothing);

/// Spec §3.6 step 2: the assessor confirms the pre-filled country context, and a changed value
/// needs a reason, kept and shown on the summary. Until then the case is not submitted.
async fn a_pre_filled_case_is_submitted_only_once_confirmed_with_a_reason_per_change(t: TestDb) {
    use crate::wizard::{example_three_in_kenya, rename_first_component, save, saved_revision, step_payloads};
    let app = app(&t.db);
    make_user(&t.db, "admin-ke@un.org", &[Role::Admin], None, &["KE"]).await;
    make_user(&t.db, "ana@un.org", &[Role::Assessor], None, &["KE"]).await;
    make_user(&t.db, "hra@un.org", &[Role::HrAdviser], None, &["KE"]).await;
    make_user(&t.db, "rev@un.org", &[Role::Reviewer], Some(3), &["KE"]).await;
    let admin = sign_in(&app, "admin-ke@un.org").await;
    let ana = sign_in(&app, "ana@un.org").await;
    let adviser = sign_in(&app, "hra@un.org").await;
    let r = post_form(&app, &admin, "KE", &form(&KENYA_2020, "2020-01-01", "HRI Global Overview 2020", "0")).await;
    assert_eq!(r.status, 303, "{}", r.body);

    // Example 3 in Kenya: its 4.1 and 4.4 differ from the reference data (4.2 and 4.3, pre-filled,
    // are hidden by its 4.1 and need no reason of their own).
    let id = create_draft(&app, &ana, "KE").await;
    let doc = example_three_in_kenya();
    let mut revision = rename_first_component(&app, &ana, &id, "VEHICLES").await;
    let payloads = step_payloads(&doc);
    for (step, answers) in &payloads {
        revision = saved_revision(&app, &ana, &id, revision, step, answers.clone()).await;
    }
    // The assessor records theirs, the adviser adds the OHCHR advice.
    let all = doc["consultations"].as_array().unwrap().clone();
    let ours: Vec<Value> = all.iter().filter(|c| c["type"] != "OHCHR_HR_ADVISER").cloned().collect();
    let consultations = serde_json::json!({ "consultations": ours });
    revision = saved_revision(&app, &ana, &id, revision, "consultations", consultations).await;
    let consultations = serde_json::json!({ "consultations": all });
    revision = saved_revision(&app, &adviser, &id, revision, "consultations", consultations).await;
    let submit = |revision: i64| {
        let (app, ana, id) = (app.clone(), ana.clone(), id.clone());
        async move { call(&app, "cases/submit", Some(&ana), &[("id", &id), ("revision", &revision.to_string())]).await }
    };
    let r = submit(revision).await;
    assert!(r.status == 422 && r.body.contains("Step 2") && r.body.contains("4.1"), "not confirmed: {}", r.body);

    // Confirmed, but 4.4's change has no reason: the save names it on step 2, submission refuses it.
    let mut country = payloads.iter().find(|(s, _)| s == "country").unwrap().1.clone();
    country["country_context"] = serde_json::json!({ "confirmed": true, "reasons": { "dp_status_drugs": "  The 2025 amendment removed drug offences.  " } });
    let r = call_json(&app, "cases/save-step", Some(&ana), save(&id, revision, "country", country.clone())).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let out: Value = serde_json::from_str(&r.body).unwrap();
    revision = out["Saved"]["revision"].as_i64().unwrap();
    let errors = out["Saved"]["errors"].to_string();
    assert!(errors.contains("country_context.reasons.compulsory_drug_detention_centres"), "{errors}");
    assert!(!errors.contains("country_context.reasons.dp_status_drugs"), "{errors}");
    assert!(!errors.contains("dp_mandatory_for_drugs"), "hidden by 4.1, no reason asked: {errors}");
    let r = submit(revision).await;
    assert!(r.status == 422 && r.body.contains("4.4"), "{}", r.body);

    // A reason for a question outside 4.1–4.8 is refused, nothing saved.
    let mut wrong = country.clone();
    wrong["country_context"]["reasons"]["office"] = serde_json::json!("x");
    let r = call_json(&app, "cases/save-step", Some(&ana), save(&id, revision, "country", wrong)).await;
    assert!(r.status == 422 && r.body.contains("not a country-context question"), "{}", r.body);

    country["country_context"]["reasons"]["compulsory_drug_detention_centres"] =
        serde_json::json!("Centres closed in 2024 (ministerial circular).");
    revision = saved_revision(&app, &ana, &id, revision, "country", country).await;
    let r = submit(revision).await;
    assert_eq!(r.status, 200, "{}", r.body);
    // Kept trimmed, outside the frozen answers document, and shown on the summary.
    let answers: String = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT answers FROM cases WHERE id = $1").bind(id.parse::<i64>().unwrap()).fetch_one(pool).await.unwrap());
    let answers: Value = serde_json::from_str(&answers).unwrap();
    assert_eq!(answers["country_context"]["reasons"]["dp_status_drugs"], "The 2025 amendment removed drug offences.");
    let record: String = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT record FROM case_snapshots WHERE case_id = $1").bind(id.parse::<i64>().unwrap()).fetch_one(pool).await.unwrap());
    assert!(!record.contains("country_context"), "the engine's document leaves the confirmation out");
    let reviewer = sign_in(&app, "rev@un.org").await;
    let page = send(&app, "GET", &format!("/cases/{id}"), Some(&reviewer), None, None).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Reason: ") && page.body.contains("Centres closed in 2024"), "{}", page.body);
    assert!(page.body.contains("confirmed by the assessor"), "{}", page.body);
}
on_both_backends!(a_pre_filled_case_is_submitted_only_once_confirmed_with_a_reason_per_change);
