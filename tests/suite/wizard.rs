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
    let created = call(
        &app,
        "cases/create",
        Some(&ana),
        &[
            ("country", "KE"),
            ("un_entity", "UNODC"),
            ("office", "Nairobi"),
            ("programme_title", "Police support"),
            ("assessment_type", "NEW"),
        ],
    )
    .await;
    (app, ana, created.body.trim().to_string())
}

fn save(id: &str, revision: i64, step: &str, answers: Value) -> Value {
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
        errors.iter().any(|e| e[0] == "assessment_date" && e[1].as_str().unwrap().contains("not a date")),
        "{errors:?}"
    );
    assert!(!errors.iter().any(|e| e[0] == "implementation_status"));
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
    assert!(errors.iter().any(|e| e[0] == "case_specific"), "a newly applicable question is now required: {errors:?}");
    let (answers,): (String,) = hrdd::with_pool!(&t.db, pool => sqlx::query_as("SELECT answers FROM cases WHERE id = $1").bind(id.parse::<i64>().unwrap()).fetch_one(pool).await.unwrap());
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
    let (office_now,): (String,) = hrdd::with_pool!(&t.db, pool => sqlx::query_as("SELECT answers FROM cases WHERE id = $1").bind(id.parse::<i64>().unwrap()).fetch_one(pool).await.unwrap());
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
    assert!(r.status == 422 && r.body.contains("not a question of this step"), "{}", r.body);
    let r = call_json(&app, "cases/save-step", Some(&ana), save(&id, 1, "support-C9", json!({}))).await;
    assert_eq!(r.status, 404);
    let (revision, answers): (i64, String) = hrdd::with_pool!(&t.db, pool => sqlx::query_as("SELECT revision, answers FROM cases WHERE id = $1").bind(id.parse::<i64>().unwrap()).fetch_one(pool).await.unwrap());
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
    assert_eq!(call_json(&app, "cases/save-step", Some(&ug), body.clone()).await.status, 403);
    assert_eq!(call_json(&app, "cases/save-step", Some(&boss), body.clone()).await.status, 403);
    assert_eq!(call_json(&app, "cases/save-step", None, body.clone()).await.status, 401);
    hrdd::with_pool!(&t.db, pool => sqlx::query("UPDATE cases SET state = 'SUBMITTED'").execute(pool).await.unwrap().rows_affected());
    let ana = sign_in(&app, "ana@un.org").await;
    let r = call_json(&app, "cases/save-step", Some(&ana), body).await;
    assert!(r.status == 409 && r.body.contains("read-only"), "{}", r.body);
}
on_both_backends!(only_assessors_in_scope_edit_and_only_drafts);
