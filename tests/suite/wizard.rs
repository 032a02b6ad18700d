//! Saving wizard steps: merge, validation messages, limits, optimistic concurrency — both databases.

use crate::common::*;
use crate::on_both_backends;
use hrdd::accounts::Role;
use serde_json::{json, Value};

async fn setup(t: &TestDb) -> (axum::Router, String, String) {
    let app = app(&t.db);
    make_user(&t.db, "ana@un.org", &[Role::Assessor], None, &["KE"]).await;
    make_user(&t.db, "ben@un.org", &[Role::Assessor], None, &["KE"]).await;
    let ana = sign_in(&app, "ana@un.org").await;
    let id = kenyan_case(&app, &ana, "Police support").await;
    (app, ana, id)
}

/// A new case in Kenya created by `token`; its id.
async fn kenyan_case(app: &axum::Router, token: &str, title: &str) -> String {
    let fields = [
        ("country", "KE"),
        ("un_entity", "UNODC"),
        ("office", "Nairobi"),
        ("programme_title", title),
        ("assessment_type", "NEW"),
    ];
    call(app, "cases/create", Some(token), &fields).await.body.trim().to_string()
}

pub fn save(id: &str, revision: i64, step: &str, answers: Value) -> Value {
    json!({ "id": id.parse::<i64>().unwrap(), "revision": revision, "step": step, "answers": answers })
}

async fn a_step_save_merges_answers_and_returns_this_steps_messages(t: TestDb) {
    let (app, ana, id) = setup(&t).await;
    let r = call_json(
        &app,
        "cases/save-step",
        Some(&ana),
        save(&id, 1, "case", json!({"implementation_status": "NOT_STARTED", "assessment_date": "2026-02-30"})),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let out: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(out["Saved"]["revision"], 2);
    let errors = out["Saved"]["errors"].as_array().unwrap();
    assert!(
        errors.iter().any(|e| e[0] == "case.assessment_date" && e[1].as_str().unwrap().contains("not a date")),
        "{errors:?}"
    );
    assert!(!errors.iter().any(|e| e[0] == "case.implementation_status"));
    // The bad date is kept (shown again with its message), nothing is lost.
    let r = call_json(
        &app,
        "cases/save-step",
        Some(&ana),
        save(&id, 2, "support-C1", json!({"support_types": ["ST3"], "description": "Mentoring"})),
    )
    .await;
    let out: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(out["Saved"]["revision"], 3, "{}", r.body);
    let errors = out["Saved"]["errors"].as_array().unwrap();
    assert!(
        errors.iter().any(|e| e[0] == "components[0].answers.case_specific"),
        "a newly applicable question is now required: {errors:?}"
    );
    let (answers,): (String,) = with_pool!(&t.db, pool => sqlx::query_as("SELECT answers FROM cases WHERE id = $1").bind(id.parse::<i64>().unwrap()).fetch_one(pool).await.unwrap());
    let doc: Value = serde_json::from_str(&answers).unwrap();
    assert_eq!(doc["case"]["assessment_date"], "2026-02-30");
    assert_eq!(doc["components"][0]["answers"]["support_types"], json!(["ST3"]));
}
on_both_backends!(a_step_save_merges_answers_and_returns_this_steps_messages);

async fn a_stale_save_is_refused_with_the_other_persons_changes(t: TestDb) {
    let (app, ana, id) = setup(&t).await;
    let ben = sign_in(&app, "ben@un.org").await;
    // Both open revision 1. Ben saves first.
    let r = call_json(
        &app,
        "cases/save-step",
        Some(&ben),
        save(&id, 1, "case", json!({"office": "Mombasa", "implementation_status": "NOT_STARTED"})),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let r = call_json(&app, "cases/save-step", Some(&ana), save(&id, 1, "case", json!({"office": "Kisumu"}))).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let out: Value = serde_json::from_str(&r.body).unwrap();
    let conflict = &out["Conflict"];
    assert_eq!(conflict["current_revision"], 2);
    assert_eq!(conflict["saved_by"], "User ben@un.org");
    let changes = conflict["changes"].as_array().unwrap();
    let office = changes.iter().find(|c| c["question_id"] == "office").expect("office listed");
    assert_eq!((office["base"].as_str(), office["theirs"].as_str()), (Some("Nairobi"), Some("Mombasa")));
    assert!(changes.iter().any(|c| c["question_id"] == "implementation_status"));
    // Nothing of Ana's was stored; she resolves field by field on the current revision.
    let (office_now,): (String,) = with_pool!(&t.db, pool => sqlx::query_as("SELECT answers FROM cases WHERE id = $1").bind(id.parse::<i64>().unwrap()).fetch_one(pool).await.unwrap());
    assert!(office_now.contains("Mombasa"));
    let r = call_json(&app, "cases/save-step", Some(&ana), save(&id, 2, "case", json!({"office": "Kisumu"}))).await;
    let out: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(out["Saved"]["revision"], 3, "{}", r.body);
}
on_both_backends!(a_stale_save_is_refused_with_the_other_persons_changes);

async fn oversized_and_foreign_fields_are_refused_and_nothing_is_lost(t: TestDb) {
    let (app, ana, id) = setup(&t).await;
    let huge = "x".repeat(1_000_000);
    let r = call_json(&app, "cases/save-step", Some(&ana), save(&id, 1, "case", json!({"office": huge}))).await;
    assert_eq!(r.status, 422);
    assert!(
        r.body.contains("\"field\":\"office\"") && r.body.contains("10000 characters"),
        "{}",
        &r.body[..200.min(r.body.len())]
    );
    let r =
        call_json(&app, "cases/save-step", Some(&ana), save(&id, 1, "case", json!({"support_types": ["ST1"]}))).await;
    assert!(r.status == 422 && r.body.contains("is not part of this step"), "{}", r.body);
    let r = call_json(&app, "cases/save-step", Some(&ana), save(&id, 1, "support-C9", json!({}))).await;
    assert_eq!(r.status, 404);
    let (revision, answers): (i64, String) = with_pool!(&t.db, pool => sqlx::query_as("SELECT revision, answers FROM cases WHERE id = $1").bind(id.parse::<i64>().unwrap()).fetch_one(pool).await.unwrap());
    assert_eq!(revision, 1);
    assert!(answers.contains("Nairobi"), "the saved office is intact");
}
on_both_backends!(oversized_and_foreign_fields_are_refused_and_nothing_is_lost);

async fn only_assessors_in_scope_edit_and_only_drafts(t: TestDb) {
    let (app, _ana, id) = setup(&t).await;
    make_user(&t.db, "ug@un.org", &[Role::Assessor], None, &["UG"]).await;
    make_user(&t.db, "boss@un.org", &[Role::Manager], None, &["KE"]).await;
    let ug = sign_in(&app, "ug@un.org").await;
    let boss = sign_in(&app, "boss@un.org").await;
    let body = save(&id, 1, "case", json!({"office": "Elsewhere"}));
    assert_eq!(call_json(&app, "cases/save-step", Some(&ug), body.clone()).await.status, 404);
    assert_eq!(call_json(&app, "cases/save-step", Some(&boss), body.clone()).await.status, 403);
    assert_eq!(call_json(&app, "cases/save-step", None, body.clone()).await.status, 401);
    with_pool!(&t.db, pool => sqlx::query("UPDATE cases SET state = 'SUBMITTED'").execute(pool).await.unwrap().rows_affected());
    let ana = sign_in(&app, "ana@un.org").await;
    let r = call_json(&app, "cases/save-step", Some(&ana), body).await;
    assert!(r.status == 409 && r.body.contains("read-only"), "{}", r.body);
}
on_both_backends!(only_assessors_in_scope_edit_and_only_drafts);

/// The step payloads the wizard sends for one answers document: what a user fills in, step by step.
pub fn step_payloads(doc: &Value) -> Vec<(String, Value)> {
    let catalogue = registry().current().unwrap();
    let pick = |source: &Value, step: u8| -> serde_json::Map<String, Value> {
        let mut out = serde_json::Map::new();
        for id in &catalogue.step(step).unwrap().questions {
            if let Some(v) = source.get(id) {
                out.insert(id.clone(), v.clone());
            }
        }
        out
    };
    let mut steps = vec![("case".to_string(), Value::Object(pick(&doc["case"], 1)))];
    steps.push(("country".into(), Value::Object(pick(&doc["case"], 2))));
    for c in doc["components"].as_array().unwrap() {
        let id = c["component_id"].as_str().unwrap();
        steps.push((format!("support-{id}"), Value::Object(pick(&c["answers"], 3))));
        let mut recipient = pick(&c["answers"], 4);
        recipient.insert("evidence".into(), c["evidence"].clone());
        steps.push((format!("recipient-{id}"), Value::Object(recipient)));
        let mut screening = serde_json::Map::new();
        for key in ["severity", "overrides"] {
            if let Some(v) = c.get(key) {
                screening.insert(key.into(), v.clone());
            }
        }
        steps.push((format!("screening-{id}"), Value::Object(screening)));
        steps.push((format!("mitigation-{id}"), json!({"measures": c.get("measures").cloned().unwrap_or(json!([]))})));
        let mut decision = pick(&c["answers"], 8);
        for key in ["proposed_decision", "intercession"] {
            if let Some(v) = c.get(key) {
                decision.insert(key.into(), v.clone());
            }
        }
        steps.push((format!("decision-{id}"), Value::Object(decision)));
    }
    steps
}

/// Example 3 (the gendarmerie vehicles), moved to Kenya where the test users work.
pub fn example_three_in_kenya() -> Value {
    let mut doc = example_answers("03_substantial_gendarmerie_vehicles");
    doc["case"]["country"] = json!("KE");
    doc
}

/// Renames a new case's only component (revision 1) to `new_id`; the revision after.
pub async fn rename_first_component(app: &axum::Router, token: &str, id: &str, new_id: &str) -> i64 {
    let form = [("id", id), ("revision", "1"), ("action", "rename"), ("component", "C1"), ("new_id", new_id)];
    let r = call(app, "cases/components", Some(token), &form).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.body.trim().parse().unwrap()
}

pub async fn saved_revision(
    app: &axum::Router,
    token: &str,
    id: &str,
    revision: i64,
    step: &str,
    answers: Value,
) -> i64 {
    let r = call_json(app, "cases/save-step", Some(token), save(id, revision, step, answers)).await;
    assert_eq!(r.status, 200, "{step}: {}", r.body);
    let out: Value = serde_json::from_str(&r.body).unwrap();
    out["Saved"]["revision"].as_i64().unwrap_or_else(|| panic!("{step} not saved: {}", r.body))
}

/// Example 3 entered step by step through the server functions, the adviser's consultation added
/// by the adviser, then submitted: the frozen result equals the example's expected result.
async fn example_three_entered_step_by_step_submits_with_the_expected_result(t: TestDb) {
    let (app, ana, id) = setup(&t).await;
    make_user(&t.db, "hra@un.org", &[Role::HrAdviser], None, &["KE"]).await;
    let adviser = sign_in(&app, "hra@un.org").await;
    let doc = example_three_in_kenya();
    let mut revision = rename_first_component(&app, &ana, &id, "VEHICLES").await;
    for (step, answers) in step_payloads(&doc) {
        revision = saved_revision(&app, &ana, &id, revision, &step, answers).await;
    }
    let (ours, adviser_records): (Vec<Value>, Vec<Value>) =
        doc["consultations"].as_array().unwrap().iter().cloned().partition(|c| c["type"] != "OHCHR_HR_ADVISER");
    // The assessor may not write the adviser's record…
    let r = call_json(
        &app,
        "cases/save-step",
        Some(&ana),
        save(&id, revision, "consultations", json!({"consultations": doc["consultations"]})),
    )
    .await;
    assert!(r.status == 422 && r.body.contains("human-rights adviser"), "{}", r.body);
    revision = saved_revision(&app, &ana, &id, revision, "consultations", json!({"consultations": ours})).await;
    // …the adviser may, and may not touch the assessor's records or other steps.
    let r = call_json(
        &app,
        "cases/save-step",
        Some(&adviser),
        save(&id, revision, "country", json!({"armed_conflict_or_peace_operation": true})),
    )
    .await;
    assert_eq!(r.status, 403, "{}", r.body);
    let mut all = ours.clone();
    all.extend(adviser_records.clone());
    revision = saved_revision(&app, &adviser, &id, revision, "consultations", json!({"consultations": all})).await;
    let r = call(&app, "cases/submit", Some(&ana), &[("id", &id), ("revision", &(revision - 1).to_string())]).await;
    assert_eq!(r.status, 409, "a stale submit is refused: {}", r.body);
    let r = call(&app, "cases/submit", Some(&ana), &[("id", &id), ("revision", &revision.to_string())]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let hash: String = serde_json::from_str(&r.body).unwrap();
    let (state, record, stored_hash): (String, String, String) = with_pool!(&t.db, pool => sqlx::query_as("SELECT c.state, s.record, s.content_hash FROM cases c JOIN case_snapshots s ON s.case_id = c.id WHERE c.id = $1").bind(id.parse::<i64>().unwrap()).fetch_one(pool).await.unwrap());
    assert_eq!(state, "SUBMITTED");
    assert_eq!(hash, stored_hash);
    let record: Value = serde_json::from_str(&record).unwrap();
    assert_eq!(hrdd::services::wizard::content_hash(&record).unwrap(), stored_hash, "the snapshot re-verifies");
    let mut expected = example_result("03_substantial_gendarmerie_vehicles");
    let mut actual = record["result"].clone();
    strip_informative(&mut expected);
    strip_informative(&mut actual);
    let mut differences = Vec::new();
    diff(&expected, &actual, "", &mut differences);
    assert!(differences.is_empty(), "{differences:#?}");
    // Read-only from now on.
    let r = call_json(&app, "cases/save-step", Some(&ana), save(&id, revision, "case", json!({"office": "x"}))).await;
    assert_eq!(r.status, 409);
}
on_both_backends!(example_three_entered_step_by_step_submits_with_the_expected_result);

async fn submitting_an_incomplete_case_is_refused_with_the_reason(t: TestDb) {
    let (app, ana, id) = setup(&t).await;
    let r = call(&app, "cases/submit", Some(&ana), &[("id", &id), ("revision", "1")]).await;
    assert!(r.status == 422 && r.body.contains("still missing"), "{}", r.body);
    let (state,): (String,) = with_pool!(&t.db, pool => sqlx::query_as("SELECT state FROM cases WHERE id = $1").bind(id.parse::<i64>().unwrap()).fetch_one(pool).await.unwrap());
    assert_eq!(state, "DRAFT");
}
on_both_backends!(submitting_an_incomplete_case_is_refused_with_the_reason);

async fn components_are_added_renamed_duplicated_and_removed_with_confirmation(t: TestDb) {
    let (app, ana, id) = setup(&t).await;
    let act = |rev: &str, action: &str, component: &str, new_id: &str, confirm: bool| {
        let mut form = vec![
            ("id", id.clone()),
            ("revision", rev.to_string()),
            ("action", action.to_string()),
            ("component", component.to_string()),
            ("new_id", new_id.to_string()),
        ];
        if confirm {
            form.push(("confirm", "yes".into()));
        }
        form
    };
    let send = |form: Vec<(&'static str, String)>| {
        let app = app.clone();
        let ana = ana.clone();
        async move {
            let refs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            call(&app, "cases/components", Some(&ana), &refs).await
        }
    };
    assert_eq!(send(act("1", "add", "", "!!", false)).await.status, 422, "a name needs a letter or digit");
    assert_eq!(send(act("1", "add", "", "C1", false)).await.status, 422, "duplicate ids are refused");
    let r = send(act("1", "add", "", "TRAINING", false)).await;
    assert_eq!((r.status, r.body.trim()), (200, "2"), "{}", r.body);
    let r = saved_revision(
        &app,
        &ana,
        &id,
        2,
        "support-TRAINING",
        json!({"description": "Courses", "support_types": ["ST2"]}),
    )
    .await;
    assert_eq!(r, 3);
    assert_eq!(send(act("2", "rename", "TRAINING", "COURSES", false)).await.status, 409, "stale revision");
    assert_eq!(send(act("3", "rename", "TRAINING", "COURSES", false)).await.status, 200);
    assert_eq!(send(act("4", "duplicate", "COURSES", "COURSES-2", false)).await.status, 200);
    let r = send(act("5", "remove", "C1", "", false)).await;
    assert!(r.status == 422 && r.body.contains("confirm"), "{}", r.body);
    assert_eq!(send(act("5", "remove", "C1", "", true)).await.status, 200);
    let (answers,): (String,) = with_pool!(&t.db, pool => sqlx::query_as("SELECT answers FROM cases WHERE id = $1").bind(id.parse::<i64>().unwrap()).fetch_one(pool).await.unwrap());
    let doc: Value = serde_json::from_str(&answers).unwrap();
    let ids: Vec<&str> =
        doc["components"].as_array().unwrap().iter().map(|c| c["component_id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["COURSES", "COURSES-2"]);
    assert_eq!(doc["components"][1]["answers"]["description"], "Courses", "the copy carries the answers");
    assert_eq!(send(act("6", "remove", "COURSES", "", true)).await.status, 200);
    let r = send(act("7", "remove", "COURSES-2", "", true)).await;
    assert!(r.status == 422 && r.body.contains("at least one"), "the last component stays: {}", r.body);
}
on_both_backends!(components_are_added_renamed_duplicated_and_removed_with_confirmation);

async fn the_country_is_fixed_after_creation(t: TestDb) {
    let (app, ana, id) = setup(&t).await;
    let r = call_json(&app, "cases/save-step", Some(&ana), save(&id, 1, "case", json!({"country": "UG"}))).await;
    assert!(r.status == 422 && r.body.contains("country"), "{}", r.body);
    let r = call_json(
        &app,
        "cases/save-step",
        Some(&ana),
        save(&id, 1, "case", json!({"country": "KE", "office": "Kisumu"})),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
}
on_both_backends!(the_country_is_fixed_after_creation);

/// The no-JavaScript path: a step posted as a plain form saves like the editor and moves on.
async fn a_step_posted_as_a_plain_form_saves_and_a_stale_post_shows_the_users_input(t: TestDb) {
    let (app, ana, id) = setup(&t).await;
    let uri = format!("/cases/{id}/edit/case");
    let form: Vec<(&str, &str)> = vec![
        ("_revision", "1"),
        ("_go", "country"),
        ("_shown", "office"),
        ("q.office", "Kisumu"),
        ("_shown", "implementation_status"),
        ("q.implementation_status", "ONGOING"),
        ("_shown", "prior_interventions"),
        ("p.prior_interventions.0.date", "2025-11-02"),
        ("p.prior_interventions.0.level", "HEAD_OF_OFFICE"),
        ("p.prior_interventions.0.summary", "Raised detention of minors"),
        ("p.prior_interventions.0.concern_persisted", "true"),
        ("p.prior_interventions.1.date", ""),
        ("p.prior_interventions.1.summary", ""),
    ];
    let r = send(&app, "POST", &uri, Some(&ana), Some(&form), Some(ORIGIN)).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(r.location.as_deref(), Some(format!("/cases/{id}/edit/country?saved=1").as_str()));
    let (answers,): (String,) = with_pool!(&t.db, pool => sqlx::query_as("SELECT answers FROM cases WHERE id = $1").bind(id.parse::<i64>().unwrap()).fetch_one(pool).await.unwrap());
    let doc: Value = serde_json::from_str(&answers).unwrap();
    assert_eq!(doc["case"]["office"], "Kisumu");
    assert_eq!(
        doc["case"]["prior_interventions"],
        json!([{"date": "2025-11-02", "level": "HEAD_OF_OFFICE", "summary": "Raised detention of minors", "concern_persisted": true}]),
        "the blank row is dropped"
    );
    // The same form again, on the old revision: refused, with the user's own input on the page.
    let stale: Vec<(&str, &str)> = vec![("_revision", "1"), ("_shown", "office"), ("q.office", "Eldoret")];
    let r = send(&app, "POST", &uri, Some(&ana), Some(&stale), Some(ORIGIN)).await;
    assert_eq!(r.status, 409);
    assert!(r.body.contains("Eldoret") && r.body.contains("Kisumu") && r.body.contains("value=\"2\""), "{}", r.body);
    // Signed out: to the sign-in page; another origin: refused.
    let r = send(&app, "POST", &uri, None, Some(&stale), Some(ORIGIN)).await;
    assert_eq!(r.status, 303);
    assert!(r.location.unwrap().starts_with("/login"));
    let r = send(&app, "POST", &uri, Some(&ana), Some(&stale), Some("http://evil.test")).await;
    assert_eq!(r.status, 403);
    // Another country's assessor: refused, and the page names no case data.
    make_user(&t.db, "ug@un.org", &[Role::Assessor], None, &["UG"]).await;
    let ug = sign_in(&app, "ug@un.org").await;
    let r = send(&app, "POST", &uri, Some(&ug), Some(&stale), Some(ORIGIN)).await;
    assert_eq!(r.status, 404, "the same answer as for a case that does not exist");
    assert!(!r.body.contains("Kisumu") && !r.body.contains("Police support"));
}
on_both_backends!(a_step_posted_as_a_plain_form_saves_and_a_stale_post_shows_the_users_input);

async fn case_answers(t: &TestDb, case_id: i64) -> String {
    let (text,): (String,) = with_pool!(&t.db, pool => sqlx::query_as("SELECT answers FROM cases WHERE id = $1").bind(case_id).fetch_one(pool).await.unwrap());
    text
}

/// Every save keeps its revision packed, and each reads back exactly as the case held it; a revision
/// kept as text before packing (migration 0014) still reads, and the packer rewrites it once.
async fn kept_revisions_are_packed_and_read_back_exactly(t: TestDb) {
    let (app, ana, id) = setup(&t).await;
    let case_id: i64 = id.parse().unwrap();
    let mut texts = vec![(1, case_answers(&t, case_id).await)];
    let mut revision = 1;
    for office in ["Mombasa", "Kisumu · «quoted» office", "Nairobi"] {
        revision = saved_revision(&app, &ana, &id, revision, "case", json!({ "office": office })).await;
        texts.push((revision, case_answers(&t, case_id).await));
    }
    for (revision, text) in &texts {
        let (answers, packed): (Option<String>, Option<Vec<u8>>) = with_pool!(&t.db, pool => sqlx::query_as("SELECT answers, packed FROM case_revisions WHERE case_id = $1 AND revision = $2").bind(case_id).bind(revision).fetch_one(pool).await.unwrap());
        assert!(answers.is_none(), "revision {revision} is not kept as text");
        assert!(packed.as_ref().is_some_and(|p| p.len() < text.len()), "revision {revision} is packed smaller");
        assert_eq!(t.db.revision_answers(case_id, *revision).await.unwrap().as_deref(), Some(text.as_str()));
    }
    // A revision as kept before packing: text, no bytes.
    let (old_revision, old_text) = &texts[1];
    with_pool!(&t.db, pool => sqlx::query("UPDATE case_revisions SET answers = $1, packed = NULL WHERE case_id = $2 AND revision = $3").bind(old_text).bind(case_id).bind(old_revision).execute(pool).await.unwrap().rows_affected());
    assert_eq!(t.db.revision_answers(case_id, *old_revision).await.unwrap().as_ref(), Some(old_text));
    assert_eq!(t.db.pack_text_revisions(100).await.unwrap(), 1);
    assert_eq!(t.db.pack_text_revisions(100).await.unwrap(), 0, "nothing left to pack");
    assert_eq!(t.db.revision_answers(case_id, *old_revision).await.unwrap().as_ref(), Some(old_text));
    // Both or neither is refused by the table itself.
    let both = with_pool!(&t.db, pool => sqlx::query("UPDATE case_revisions SET answers = 'x' WHERE case_id = $1 AND revision = 1").bind(case_id).execute(pool).await.map(|r| r.rows_affected()));
    assert!(both.is_err(), "a revision holds text or bytes, never both");
}
on_both_backends!(kept_revisions_are_packed_and_read_back_exactly);

/// The wizard page carries its case in the island's props; the catalogue and the island's words,
/// the same for every case of a methodology version in one language, are made once and copied into
/// the page beside the island under a key that holds a hash of their text.
async fn the_wizard_page_carries_its_shared_book_beside_the_island(t: TestDb) {
    let (app, ana, id) = setup(&t).await;
    let cookie = format!("hrdd_session={ana}");
    let page = send_headers(&app, "GET", &format!("/cases/{id}/edit/case"), &[("cookie", &cookie)], None).await;
    assert_eq!(page.status, 200);
    let (key, book) = island_data(&page.body);
    assert!(key.starts_with("wizard-en-"), "{key}");
    // The island's props name the book; the catalogue's areas and the wizard's words are not in them.
    let props = &page.body[page.body.find("data-props=").expect("island props")..];
    let props = &props[..props.find('>').unwrap()];
    assert!(props.contains(&format!("&quot;book&quot;:&quot;{key}&quot;")));
    assert!(!props.contains("&quot;areas&quot;") && !props.contains("wizard-save-draft"), "{}", props.len());
    assert_eq!(book["catalogue"]["version"], registry().current().unwrap().version.as_str());
    assert_eq!(book["catalogue"]["areas"].as_array().unwrap().len(), registry().current().unwrap().areas.len());
    assert_eq!(book["words"]["lang"], "En");
    assert!(book["words"]["words"].as_array().unwrap().iter().any(|w| w[0] == "wizard-save-draft"));

    // Another case of the same version carries the same book; another language another one.
    let other = kenyan_case(&app, &ana, "Prison support").await;
    let second = send_headers(&app, "GET", &format!("/cases/{other}/edit/case"), &[("cookie", &cookie)], None).await;
    assert_eq!(island_data(&second.body), (key.clone(), book));
    let french = format!("{cookie}; hrdd_lang=fr");
    let french = send_headers(&app, "GET", &format!("/cases/{id}/edit/case"), &[("cookie", &french)], None).await;
    let (french_key, french_book) = island_data(&french.body);
    assert!(french_key.starts_with("wizard-fr-") && french_key != key, "{french_key}");
    assert_eq!(french_book["words"]["lang"], "Fr");
}
on_both_backends!(the_wizard_page_carries_its_shared_book_beside_the_island);
