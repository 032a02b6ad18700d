//! Review and sign-off (spec §10): queues, return, concurrence, segregation of duties, the approval
//! matrix, the sign-off record, re-assessment and the audit trail — on both databases.

use crate::common::*;
use crate::on_both_backends;
use crate::wizard::{save, saved_revision, step_payloads};
use hrdd::accounts::Role;
use serde_json::{json, Value};

/// The people of the journey. Ines is an assessor who is also a level-2 reviewer (so segregation,
/// not her role, must stop her signing her own case).
pub(crate) struct Journey {
    pub(crate) app: axum::Router,
    pub(crate) ines: String,
    pub(crate) adviser: String,
    pub(crate) rev1: String,
    pub(crate) rev2: String,
    pub(crate) manager: String,
    pub(crate) id: String,
    pub(crate) revision: i64,
}

/// Example 3 (component VEHICLES, ESCALATE, level 2) plus example 1's LAB component, entered step by
/// step and submitted by Ines; the adviser records the OHCHR consultation.
pub(crate) async fn submitted_case(t: &TestDb) -> Journey {
    let app = app(&t.db);
    make_user(&t.db, "ines@un.org", &[Role::Assessor, Role::Reviewer], Some(2), &["KE"]).await;
    make_user(&t.db, "hra@un.org", &[Role::HrAdviser], None, &["KE"]).await;
    make_user(&t.db, "rev1@un.org", &[Role::Reviewer], Some(1), &["KE"]).await;
    make_user(&t.db, "rev2@un.org", &[Role::Reviewer], Some(2), &["*"]).await;
    make_user(&t.db, "mgr@un.org", &[Role::Manager], None, &["*"]).await;
    let ines = sign_in(&app, "ines@un.org").await;
    let created = call(
        &app,
        "cases/create",
        Some(&ines),
        &[
            ("country", "KE"),
            ("un_entity", "UNODC"),
            ("office", "Nairobi"),
            ("programme_title", "Interdiction"),
            ("assessment_type", "NEW"),
        ],
    )
    .await;
    let id = created.body.trim().to_string();
    let mut doc = example_answers("03_substantial_gendarmerie_vehicles");
    doc["case"]["country"] = json!("KE");
    let lab = example_answers("01_low_forensic_lab_police")["components"][0].clone();
    doc["components"].as_array_mut().unwrap().push(lab);
    let mut revision = 1;
    for (action, component, new_id) in [("rename", "C1", "VEHICLES"), ("add", "", "LAB")] {
        let r = call(
            &app,
            "cases/components",
            Some(&ines),
            &[
                ("id", &id),
                ("revision", &revision.to_string()),
                ("action", action),
                ("component", component),
                ("new_id", new_id),
            ],
        )
        .await;
        assert_eq!(r.status, 200, "{}", r.body);
        revision = r.body.trim().parse().unwrap();
    }
    for (step, answers) in step_payloads(&doc) {
        revision = saved_revision(&app, &ines, &id, revision, &step, answers).await;
    }
    let (ours, adviser_records): (Vec<Value>, Vec<Value>) =
        doc["consultations"].as_array().unwrap().iter().cloned().partition(|c| c["type"] != "OHCHR_HR_ADVISER");
    revision = saved_revision(&app, &ines, &id, revision, "consultations", json!({ "consultations": ours })).await;
    let adviser = sign_in(&app, "hra@un.org").await;
    let mut all = ours;
    all.extend(adviser_records);
    revision = saved_revision(&app, &adviser, &id, revision, "consultations", json!({ "consultations": all })).await;
    let r = call(&app, "cases/submit", Some(&ines), &[("id", &id), ("revision", &revision.to_string())]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    Journey {
        rev1: sign_in(&app, "rev1@un.org").await,
        rev2: sign_in(&app, "rev2@un.org").await,
        manager: sign_in(&app, "mgr@un.org").await,
        app,
        ines,
        adviser,
        id,
        revision,
    }
}

pub(crate) async fn summary(j: &Journey, token: &str) -> Value {
    let r = call(&j.app, "review/summary", Some(token), &[("id", &j.id)]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    serde_json::from_str(&r.body).unwrap()
}

async fn queue(j: &Journey, token: &str) -> Value {
    let r = call(&j.app, "review/queue", Some(token), &[]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    serde_json::from_str(&r.body).unwrap()
}

fn ids(list: &Value) -> Vec<i64> {
    list.as_array().unwrap().iter().map(|i| i["id"].as_i64().unwrap()).collect()
}

async fn state_of(t: &TestDb, id: &str) -> String {
    with_pool!(&t.db, pool => sqlx::query_scalar("SELECT state FROM cases WHERE id = $1").bind(id.parse::<i64>().unwrap()).fetch_one(pool).await.unwrap())
}

pub(crate) fn sign_off_form<'a>(
    j: &'a Journey,
    vehicles: &'a str,
    conditions: &'a str,
    lab: &'a str,
) -> Vec<(&'static str, String)> {
    vec![
        ("id", j.id.clone()),
        ("revision", j.revision.to_string()),
        ("decisions[0][component_id]", "VEHICLES".into()),
        ("decisions[0][final_decision]", vehicles.into()),
        ("decisions[0][conditions]", conditions.into()),
        ("decisions[1][component_id]", "LAB".into()),
        ("decisions[1][final_decision]", lab.into()),
        ("decisions[1][conditions]", String::new()),
        ("comment", "Quarterly monitoring visits by the field office.".into()),
    ]
}

pub(crate) async fn post(j: &Journey, endpoint: &str, token: &str, form: &[(&str, String)]) -> Reply {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    call(&j.app, endpoint, Some(token), &pairs).await
}

/// The whole journey of the acceptance criteria, with every wrong attempt refused on the server.
async fn return_concur_resubmit_and_sign_off(t: TestDb) {
    let mut j = submitted_case(&t).await;
    let case_id: i64 = j.id.parse().unwrap();
    let s = summary(&j, &j.rev1).await;
    assert_eq!(s["result"]["overall_decision"], "ESCALATE");
    assert_eq!(s["result"]["approval_level_required"], 2);
    // The level-1 reviewer sees it waiting for a higher level, may not sign, may return.
    let q = queue(&j, &j.rev1).await;
    assert!(ids(&q["waiting"]).contains(&case_id) && !ids(&q["decidable"]).contains(&case_id), "{q}");
    assert!(ids(&queue(&j, &j.rev2).await["decidable"]).contains(&case_id));
    assert!(s["actions"]["sign_off"]["Err"].as_str().unwrap().contains("level 2"), "{}", s["actions"]);
    let r =
        post(&j, "review/sign-off", &j.rev1, &sign_off_form(&j, "PROCEED_WITH_CONDITIONS", "Visits", "PROCEED")).await;
    assert_eq!(r.status, 403, "a too-low level is refused: {}", r.body);
    // Wrong roles.
    let r = post(&j, "review/return", &j.manager, &[("id", j.id.clone()), ("body", "no".into())]).await;
    assert_eq!(r.status, 403, "{}", r.body);
    let r = post(&j, "review/sign-off", &j.adviser, &sign_off_form(&j, "PROCEED_WITH_CONDITIONS", "Visits", "PROCEED"))
        .await;
    assert_eq!(r.status, 403, "{}", r.body);
    // The case's own assessor holds level 2, but segregation of duties stops her.
    let r =
        post(&j, "review/sign-off", &j.ines, &sign_off_form(&j, "PROCEED_WITH_CONDITIONS", "Visits", "PROCEED")).await;
    assert!(r.status == 403 && r.body.contains("segregation"), "{}", r.body);
    // A return needs a comment, next to the field.
    let r = post(&j, "review/return", &j.rev1, &[("id", j.id.clone()), ("body", "  ".into())]).await;
    assert!(r.status == 422 && r.body.contains("\"body\""), "{}", r.body);
    let r = post(
        &j,
        "review/return",
        &j.rev1,
        &[
            ("id", j.id.clone()),
            ("anchor", "step:screening-LAB".into()),
            ("body", "TOR nexus for the lab is remote; record it with the adviser.".into()),
        ],
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(state_of(&t, &j.id).await, "RETURNED");
    let r = post(&j, "review/return", &j.rev1, &[("id", j.id.clone()), ("body", "again".into())]).await;
    assert_eq!(r.status, 409, "only a submitted case is returned: {}", r.body);

    // The assessor records a lowering override; it blocks until the adviser concurs.
    let override_doc = json!([{ "target": "NEXUS", "area": "TOR", "value": "REMOTE", "justification": "Lab analyses seized substances only; no custody.", "evidence_ids": ["E1"] }]);
    let mut revision =
        saved_revision(&j.app, &j.ines, &j.id, j.revision, "screening-LAB", json!({ "overrides": override_doc })).await;
    let r = call(&j.app, "cases/submit", Some(&j.ines), &[("id", &j.id), ("revision", &revision.to_string())]).await;
    assert_eq!(r.status, 422, "the pending concurrence blocks: {}", r.body);
    assert!(ids(&queue(&j, &j.adviser).await["advice"]).contains(&case_id));
    let s = summary(&j, &j.adviser).await;
    let item = &s["actions"]["concurrences"][0];
    assert_eq!((item["component_id"].as_str(), item["target"].as_str()), (Some("LAB"), Some("override.0")), "{s}");
    let concur = |verdict: &str, body: &str, revision: i64| {
        vec![
            ("id", j.id.clone()),
            ("revision", revision.to_string()),
            ("component", "LAB".to_string()),
            ("target", "override.0".to_string()),
            ("verdict", verdict.to_string()),
            ("body", body.to_string()),
        ]
    };
    let r = post(&j, "review/concur", &j.ines, &concur("concur", "", revision)).await;
    assert_eq!(r.status, 403, "assessors do not concur: {}", r.body);
    let r = post(&j, "review/concur", &j.adviser, &concur("refuse", "", revision)).await;
    assert!(r.status == 422 && r.body.contains("\"body\""), "a refusal needs a reason: {}", r.body);
    let r = post(&j, "review/concur", &j.adviser, &concur("concur", "", revision - 1)).await;
    assert_eq!(r.status, 409, "stale: {}", r.body);
    let r = post(&j, "review/concur", &j.adviser, &concur("concur", "Agreed: forensic analysis only.", revision)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    revision = r.body.trim().parse().unwrap();
    let r = call(&j.app, "cases/submit", Some(&j.ines), &[("id", &j.id), ("revision", &revision.to_string())]).await;
    assert_eq!(r.status, 200, "resubmitted: {}", r.body);
    j.revision = revision;

    // Still ESCALATE at level 2 (LAB: level 1 + 1 for the lowering override).
    let s = summary(&j, &j.rev2).await;
    assert_eq!(s["result"]["approval_level_required"], 2, "{}", s["result"]);
    assert_eq!(s["actions"]["sign_off"], json!({ "Ok": null }));
    let choices = &s["actions"]["decision_choices"];
    assert_eq!(choices[0]["allowed"], json!(["PROCEED_WITH_CONDITIONS", "DO_NOT_PROCEED"]));
    let r = post(&j, "review/sign-off", &j.rev2, &sign_off_form(&j, "PROCEED", "", "PROCEED")).await;
    assert!(
        r.status == 422 && r.body.contains("final.VEHICLES"),
        "the matrix refuses PROCEED for ESCALATE: {}",
        r.body
    );
    let r = post(&j, "review/sign-off", &j.rev2, &sign_off_form(&j, "PROCEED_WITH_CONDITIONS", "  ", "PROCEED")).await;
    assert!(r.status == 422 && r.body.contains("conditions.VEHICLES"), "conditions are required: {}", r.body);
    let r = post(
        &j,
        "review/sign-off",
        &j.rev2,
        &sign_off_form(&j, "PROCEED_WITH_CONDITIONS", "Monthly vehicle logs shared with OHCHR.", "PROCEED"),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let hash: String = serde_json::from_str(&r.body).unwrap();
    assert_eq!(state_of(&t, &j.id).await, "DECIDED");
    let (record, stored): (String, String) = with_pool!(&t.db, pool => sqlx::query_as("SELECT record, content_hash FROM case_snapshots WHERE case_id = $1 AND kind = 'SIGN_OFF'").bind(case_id).fetch_one(pool).await.unwrap());
    assert_eq!(hash, stored);
    let record: Value = serde_json::from_str(&record).unwrap();
    assert_eq!(hrdd::services::wizard::content_hash(&record).unwrap(), stored, "anyone can re-verify the record");
    assert_eq!(record["signed_by"], "rev2@un.org");
    assert_eq!(record["signer_level"], 2);
    assert_eq!(record["version"], 1);
    assert_eq!(
        record["decisions"][0],
        json!({ "component_id": "VEHICLES", "recommended_decision": "ESCALATE", "final_decision": "PROCEED_WITH_CONDITIONS", "conditions": "Monthly vehicle logs shared with OHCHR.", "approval_level_required": 2 })
    );
    assert_eq!(record["result"]["overall_decision"], "ESCALATE");
    assert!(record["answers"]["components"][1]["overrides"][0]["hr_adviser_concurred"] == json!(true));
    // A signed case cannot change.
    let r =
        call_json(&j.app, "cases/save-step", Some(&j.ines), save(&j.id, revision, "case", json!({ "office": "x" })))
            .await;
    assert_eq!(r.status, 409);
    let r = post(&j, "review/sign-off", &j.rev2, &sign_off_form(&j, "PROCEED_WITH_CONDITIONS", "x", "PROCEED")).await;
    assert_eq!(r.status, 409);
    // The summary shows the record, the comments and the audit trail, all verified.
    let s = summary(&j, &j.manager).await;
    assert_eq!(s["sign_off"]["content_hash"], stored);
    assert_eq!(s["sign_off"]["verified"], true);
    assert_eq!(s["integrity_problem"], Value::Null);
    let kinds: Vec<&str> = s["comments"].as_array().unwrap().iter().map(|c| c["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["RETURN", "CONCURRENCE", "SIGN_OFF"]);
    assert_eq!(s["comments"][0]["anchor_label"], "Step 5 · Risk screening (LAB)");
    let actions: Vec<&str> = s["events"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    for expected in
        ["CREATED", "COMPONENTS_CHANGED", "ANSWERS_EDITED", "SUBMITTED", "RETURNED", "CONCURRED", "SIGNED_OFF"]
    {
        assert!(actions.contains(&expected), "{expected} missing from {actions:?}");
    }
    assert_eq!(actions.iter().filter(|a| **a == "SUBMITTED").count(), 2);
    assert!(
        s["mitigation"].as_array().unwrap().iter().all(|m| m["description"].is_null()),
        "managers see no answer text"
    );
    let report = hrdd::services::verify::verify_all(&t.db, &[]).await.unwrap();
    assert!(report.breaches.is_empty(), "{:?}", report.breaches);
    assert_eq!(report.snapshots, 3);
}
on_both_backends!(return_concur_resubmit_and_sign_off);

pub(crate) async fn signed(t: &TestDb) -> Journey {
    let j = submitted_case(t).await;
    let r =
        post(&j, "review/sign-off", &j.rev2, &sign_off_form(&j, "PROCEED_WITH_CONDITIONS", "Monthly logs.", "PROCEED"))
            .await;
    assert_eq!(r.status, 200, "{}", r.body);
    j
}

/// Ines records a lowering override on LAB (TOR nexus remote) and the adviser concurs; the journey's
/// revision is the one after.
pub(crate) async fn lab_override_concurred(j: &mut Journey) {
    let override_doc = json!([{ "target": "NEXUS", "area": "TOR", "value": "REMOTE", "justification": "Forensic analysis only.", "evidence_ids": ["E1"] }]);
    let revision =
        saved_revision(&j.app, &j.ines, &j.id, j.revision, "screening-LAB", json!({ "overrides": override_doc })).await;
    let form = [
        ("id", j.id.clone()),
        ("revision", revision.to_string()),
        ("component", "LAB".into()),
        ("target", "override.0".into()),
        ("verdict", "concur".into()),
    ];
    let r = post(j, "review/concur", &j.adviser, &form).await;
    assert_eq!(r.status, 200, "{}", r.body);
    j.revision = r.body.trim().parse().unwrap();
}

/// Signed after a return, a lowering override on LAB and the adviser's concurrence.
pub(crate) async fn signed_with_override(t: &TestDb) -> Journey {
    let mut j = submitted_case(t).await;
    let r =
        post(&j, "review/return", &j.rev1, &[("id", j.id.clone()), ("body", "Record the remote TOR nexus.".into())])
            .await;
    assert_eq!(r.status, 200, "{}", r.body);
    lab_override_concurred(&mut j).await;
    let r = call(&j.app, "cases/submit", Some(&j.ines), &[("id", &j.id), ("revision", &j.revision.to_string())]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let r =
        post(&j, "review/sign-off", &j.rev2, &sign_off_form(&j, "PROCEED_WITH_CONDITIONS", "Monthly logs.", "PROCEED"))
            .await;
    assert_eq!(r.status, 200, "{}", r.body);
    j
}

/// Trigger events make a decided case due; a re-assessment is a new, linked, pre-filled version,
/// and its sign-off supersedes the previous one.
async fn reassessment_creates_a_linked_version_and_supersedes_on_sign_off(t: TestDb) {
    let j = signed_with_override(&t).await;
    let case_id: i64 = j.id.parse().unwrap();
    let r = post(
        &j,
        "review/trigger",
        &j.rev2,
        &[
            ("id", j.id.clone()),
            ("trigger", "GRAVE_VIOLATION_REPORT".into()),
            ("date", "2026-01-05".into()),
            ("description", "x".into()),
        ],
    )
    .await;
    assert_eq!(r.status, 403, "reviewers do not record triggers: {}", r.body);
    let r = post(
        &j,
        "review/trigger",
        &j.adviser,
        &[
            ("id", j.id.clone()),
            ("trigger", "GRAVE_VIOLATION_REPORT".into()),
            ("date", "2999-01-01".into()),
            ("description", "x".into()),
        ],
    )
    .await;
    assert!(r.status == 422 && r.body.contains("\"date\""), "{}", r.body);
    let r = post(
        &j,
        "review/trigger",
        &j.adviser,
        &[
            ("id", j.id.clone()),
            ("trigger", "GRAVE_VIOLATION_REPORT".into()),
            ("date", "2026-01-05".into()),
            ("description", "Credible report of ill-treatment in custody.".into()),
        ],
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let s = summary(&j, &j.ines).await;
    assert_eq!(s["reassessment_due"], true);
    assert_eq!(s["triggers"][0]["trigger"], "GRAVE_VIOLATION_REPORT");
    assert!(s["actions"]["can_reassess"].as_bool().unwrap());
    assert!(ids(&queue(&j, &j.ines).await["reassessment"]).contains(&case_id));
    let list: Value = serde_json::from_str(&call(&j.app, "cases/list", Some(&j.ines), &[]).await.body).unwrap();
    let item = list["items"].as_array().unwrap().iter().find(|i| i["id"] == case_id).unwrap().clone();
    assert_eq!(item["attention"], "Re-assessment due", "lists flag it");

    let r =
        post(&j, "review/reassess", &j.ines, &[("id", j.id.clone()), ("assessment_type", "TRIGGERED".into())]).await;
    assert!(r.status == 422 && r.body.contains("trigger_event"), "{}", r.body);
    let r = post(&j, "review/reassess", &j.rev1, &[("id", j.id.clone()), ("assessment_type", "PERIODIC".into())]).await;
    assert_eq!(r.status, 403);
    let r = post(
        &j,
        "review/reassess",
        &j.ines,
        &[
            ("id", j.id.clone()),
            ("assessment_type", "TRIGGERED".into()),
            ("trigger_event", "GRAVE_VIOLATION_REPORT".into()),
        ],
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let new_id: i64 = r.body.trim().parse().unwrap();
    let r = post(&j, "review/reassess", &j.ines, &[("id", j.id.clone()), ("assessment_type", "PERIODIC".into())]).await;
    assert_eq!(r.status, 409, "one re-assessment per version: {}", r.body);
    #[derive(sqlx::FromRow)]
    struct Row {
        reference: String,
        version_no: i64,
        previous_id: Option<i64>,
        state: String,
        answers: String,
    }
    let row: Row = with_pool!(&t.db, pool => sqlx::query_as("SELECT reference, version_no, previous_id, state, answers FROM cases WHERE id = $1").bind(new_id).fetch_one(pool).await.unwrap());
    let (old_reference,): (String,) = with_pool!(&t.db, pool => sqlx::query_as("SELECT reference FROM cases WHERE id = $1").bind(case_id).fetch_one(pool).await.unwrap());
    assert_eq!(row.reference, format!("{old_reference}-v2"));
    assert_eq!((row.version_no, row.previous_id, row.state.as_str()), (2, Some(case_id), "DRAFT"));
    let answers: Value = serde_json::from_str(&row.answers).unwrap();
    assert_eq!(answers["case"]["assessment_type"], "TRIGGERED");
    assert_eq!(answers["case"]["trigger_event"], "GRAVE_VIOLATION_REPORT");
    assert_eq!(answers["components"][0]["component_id"], "VEHICLES", "pre-filled");
    assert!(
        answers["components"][1]["overrides"][0].get("hr_adviser_concurred").is_none(),
        "concurrences stay with their version"
    );
    let r = call(&j.app, "review/summary", Some(&j.ines), &[("id", &new_id.to_string())]).await;
    let s: Value = serde_json::from_str(&r.body).unwrap();
    let changed: Vec<&str> = s["changes"].as_array().unwrap().iter().map(|c| c["path"].as_str().unwrap()).collect();
    assert!(changed.contains(&"case.assessment_type") && changed.contains(&"LAB.overrides"), "{changed:?}");
    assert_eq!(s["versions"].as_array().unwrap().len(), 2);
    // The new version, once signed, supersedes the first.
    let mut revision = 1;
    revision = saved_revision(
        &j.app,
        &j.ines,
        &new_id.to_string(),
        revision,
        "case",
        json!({ "office": "Nairobi field office" }),
    )
    .await;
    let r = post(
        &j,
        "review/concur",
        &j.adviser,
        &[
            ("id", new_id.to_string()),
            ("revision", revision.to_string()),
            ("component", "LAB".into()),
            ("target", "override.0".into()),
            ("verdict", "concur".into()),
        ],
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    revision = r.body.trim().parse().unwrap();
    let r = call(
        &j.app,
        "cases/submit",
        Some(&j.ines),
        &[("id", &new_id.to_string()), ("revision", &revision.to_string())],
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let s: Value =
        serde_json::from_str(&call(&j.app, "review/summary", Some(&j.rev2), &[("id", &new_id.to_string())]).await.body)
            .unwrap();
    let decisions: Vec<(String, String)> = s["actions"]["decision_choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["component_id"].as_str().unwrap().to_string(), c["allowed"][0].as_str().unwrap().to_string()))
        .collect();
    let mut form = vec![("id", new_id.to_string()), ("revision", revision.to_string())];
    let keys = [
        ("decisions[0][component_id]", "decisions[0][final_decision]", "decisions[0][conditions]"),
        ("decisions[1][component_id]", "decisions[1][final_decision]", "decisions[1][conditions]"),
    ];
    for ((c, d), (kc, kd, kx)) in decisions.into_iter().zip(keys) {
        form.push((kc, c));
        form.push((kd, d));
        form.push((kx, "Conditions as before.".into()));
    }
    let r = post(&j, "review/sign-off", &j.rev2, &form).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(state_of(&t, &j.id).await, "SUPERSEDED");
    assert!(hrdd::services::verify::verify_all(&t.db, &[]).await.unwrap().breaches.is_empty());
}
on_both_backends!(reassessment_creates_a_linked_version_and_supersedes_on_sign_off);

/// Comments: any reader, any state, anchored to a real step or area; outsiders are refused.
async fn comments_are_anchored_and_scoped(t: TestDb) {
    let j = submitted_case(&t).await;
    make_user(&t.db, "ug@un.org", &[Role::Reviewer], Some(3), &["UG"]).await;
    let outsider = sign_in(&j.app, "ug@un.org").await;
    let r = post(&j, "review/comment", &outsider, &[("id", j.id.clone()), ("body", "hello".into())]).await;
    assert_eq!(r.status, 404);
    assert!(!r.body.contains("Interdiction"), "no case data leaks");
    let r = post(
        &j,
        "review/comment",
        &j.manager,
        &[
            ("id", j.id.clone()),
            ("anchor", "area:VEHICLES/ARB".into()),
            ("body", "Please check detention figures.".into()),
        ],
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let r = post(
        &j,
        "review/comment",
        &j.manager,
        &[("id", j.id.clone()), ("anchor", "step:nowhere".into()), ("body", "x".into())],
    )
    .await;
    assert!(r.status == 422 && r.body.contains("anchor"), "{}", r.body);
    let long = "x".repeat(5001);
    let r = post(&j, "review/comment", &j.manager, &[("id", j.id.clone()), ("body", long)]).await;
    assert_eq!(r.status, 422);
    let s = summary(&j, &j.ines).await;
    assert!(s["comments"][0]["anchor_label"].as_str().unwrap().starts_with("VEHICLES · ARB Arbitrary detention"));
    assert_eq!(s["comments"][0]["role"], "Manager");
}
on_both_backends!(comments_are_anchored_and_scoped);

/// The summary page of a decided version comes from the page cache for the next reader with the
/// same key, and every input of the key changes the page: the viewer's rights, a comment, a trigger
/// event, a new version in the series. Pages that can still change, and addresses carrying
/// messages, are never kept; a reader outside the country is refused before the cache is read.
async fn decided_summary_pages_are_cached_per_key(t: TestDb) {
    let j = signed_with_override(&t).await;
    let page = |token: String| {
        let app = j.app.clone();
        let uri = format!("/cases/{}", j.id);
        async move {
            let r = send(&app, "GET", &uri, Some(&token), None, None).await;
            assert_eq!(r.status, 200, "{}", r.body);
            (r.page_cache.unwrap_or_default(), r.body)
        }
    };
    let hidden_from_managers = "MoU human-rights clause";

    // Rights: the assessor's page (with answer text) is never served to the manager.
    let (mark, body) = page(j.ines.clone()).await;
    assert_eq!(mark, "miss");
    assert!(body.contains(hidden_from_managers), "assessors read the measures' descriptions");
    assert_eq!(page(j.ines.clone()).await.0, "hit", "the same reader with the same key");
    let (mark, body) = page(j.manager.clone()).await;
    assert_eq!(mark, "miss", "another set of rights, another key");
    assert!(!body.contains(hidden_from_managers), "managers do not read answer text");
    let (mark, cached) = page(j.manager.clone()).await;
    assert_eq!(mark, "hit");
    assert!(!cached.contains(hidden_from_managers));
    assert!(cached.contains("Human-rights due diligence · risk summary"), "the kept body is served whole");

    // Events: a comment and a trigger each show at once.
    let r = post(&j, "review/comment", &j.manager, &[("id", j.id.clone()), ("body", "Visit in March.".into())]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let (mark, body) = page(j.manager.clone()).await;
    assert_eq!(mark, "miss");
    assert!(body.contains("Visit in March."));
    let trigger = [
        ("id", j.id.clone()),
        ("trigger", "GRAVE_VIOLATION_REPORT".into()),
        ("date", "2026-01-05".into()),
        ("description", "Report of ill-treatment in custody.".into()),
    ];
    assert_eq!(post(&j, "review/trigger", &j.adviser, &trigger).await.status, 200);
    let (mark, body) = page(j.manager.clone()).await;
    assert_eq!(mark, "miss");
    assert!(body.contains("Report of ill-treatment in custody."));

    // A change of roles: the same person, now also an assessor, may start a re-assessment.
    let viewer = make_user(&t.db, "viewer@un.org", &[Role::Manager], None, &["KE"]).await;
    let token = sign_in(&j.app, "viewer@un.org").await;
    let (_, body) = page(token.clone()).await;
    assert!(!body.contains("Start a re-assessment"));
    let spec = hrdd::accounts::UserSpec {
        name: "Viewer".into(),
        roles: vec![Role::Manager, Role::Assessor],
        approval_level: None,
        scope: hrdd::accounts::CountryScope::Countries(vec!["KE".into()]),
    };
    hrdd::services::accounts::update_user(
        &t.db,
        viewer,
        spec,
        &hrdd::services::accounts::ChangedBy::command_line("test"),
    )
    .await
    .unwrap();
    let (mark, body) = page(token.clone()).await;
    assert_eq!(mark, "miss");
    assert!(body.contains("Start a re-assessment"));

    // The series: a new version shows in the first one's version list; the draft itself is not kept.
    let r = post(&j, "review/reassess", &j.ines, &[("id", j.id.clone()), ("assessment_type", "PERIODIC".into())]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let new_id = r.body.trim().to_string();
    let (mark, body) = page(j.manager.clone()).await;
    assert_eq!(mark, "miss");
    assert!(body.contains("-v2 (Draft)"), "the version list names the new draft");
    let r = send(&j.app, "GET", &format!("/cases/{new_id}"), Some(&j.manager), None, None).await;
    assert_eq!((r.status, r.page_cache.as_deref()), (200, Some("off")), "a draft is rendered every time");

    // An address with messages is rendered afresh, with them.
    let uri = format!("/cases/{}?form=comment&error.body=Write%20a%20comment.", j.id);
    let r = send(&j.app, "GET", &uri, Some(&j.manager), None, None).await;
    assert_eq!(r.page_cache.as_deref(), Some("off"));
    assert!(r.body.contains("Write a comment."));

    // Outside the country: refused, though the page is kept for others.
    make_user(&t.db, "ug-mgr@un.org", &[Role::Manager], None, &["UG"]).await;
    let outsider = sign_in(&j.app, "ug-mgr@un.org").await;
    let r = send(&j.app, "GET", &format!("/cases/{}", j.id), Some(&outsider), None, None).await;
    assert!(!r.body.contains("Human-rights due diligence · risk summary"), "no summary for an outsider");
    assert_ne!(r.page_cache.as_deref(), Some("hit"));
}
on_both_backends!(decided_summary_pages_are_cached_per_key);
