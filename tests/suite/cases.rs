//! Cases: creation, the scoped and filtered list, the overview — on both databases.

use crate::common::*;
use crate::on_both_backends;
use hrdd::accounts::Role;

async fn new_case(app: &axum::Router, token: &str, country: &str, title: &str) -> crate::common::Reply {
    call(
        app,
        "cases/create",
        Some(token),
        &[
            ("country", country),
            ("un_entity", "UNODC"),
            ("office", "Nairobi"),
            ("programme_title", title),
            ("assessment_type", "NEW"),
        ],
    )
    .await
}

async fn assessors_create_drafts_with_country_references(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "ana@un.org", &[Role::Assessor], None, &["KE", "UG"]).await;
    let token = sign_in(&app, "ana@un.org").await;
    let first = new_case(&app, &token, "KE", "Prison reform").await;
    assert_eq!(first.status, 200, "{}", first.body);
    let id = first.body.trim().to_string();
    let second = new_case(&app, &token, "ke", "Border control").await;
    assert_eq!(second.status, 200, "{}", second.body);
    let page = call(&app, "cases/list", Some(&token), &[]).await;
    let year = chrono::Utc::now().format("%Y").to_string();
    assert!(
        page.body.contains(&format!("KE-{year}-0001")) && page.body.contains(&format!("KE-{year}-0002")),
        "{}",
        page.body
    );
    let overview = call(&app, "cases/overview", Some(&token), &[("id", &id)]).await;
    assert_eq!(overview.status, 200);
    assert!(
        overview.body.contains("\"state\":\"DRAFT\"") && overview.body.contains("Prison reform"),
        "{}",
        overview.body
    );
    // A new draft is incomplete: the overview lists what is still to answer.
    assert!(overview.body.contains("is required"), "{}", overview.body);
}
on_both_backends!(assessors_create_drafts_with_country_references);

async fn bad_new_case_input_gets_field_messages(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "ana@un.org", &[Role::Assessor], None, &["KE"]).await;
    let token = sign_in(&app, "ana@un.org").await;
    let empty = new_case(&app, &token, "KE", "   ").await;
    assert_eq!(empty.status, 422);
    assert!(empty.body.contains("programme_title"), "{}", empty.body);
    let long = "x".repeat(301);
    let too_long = new_case(&app, &token, "KE", &long).await;
    assert!(too_long.status == 422 && too_long.body.contains("300 characters"), "{}", too_long.body);
    let bad_country = new_case(&app, &token, "Kenya", "Title").await;
    assert!(bad_country.status == 422 && bad_country.body.contains("country"), "{}", bad_country.body);
}
on_both_backends!(bad_new_case_input_gets_field_messages);

async fn the_list_is_scoped_filtered_and_paginated(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "ke@un.org", &[Role::Assessor], None, &["KE"]).await;
    make_user(&t.db, "ug@un.org", &[Role::Assessor], None, &["UG"]).await;
    make_user(&t.db, "boss@un.org", &[Role::Manager], None, &["*"]).await;
    let ke = sign_in(&app, "ke@un.org").await;
    let ug = sign_in(&app, "ug@un.org").await;
    for i in 0..27 {
        assert_eq!(new_case(&app, &ke, "KE", &format!("Kenya programme {i:02}")).await.status, 200);
    }
    assert_eq!(new_case(&app, &ug, "UG", "Uganda 100% programme").await.status, 200);

    let ke_list: serde_json::Value =
        serde_json::from_str(&call(&app, "cases/list", Some(&ke), &[]).await.body).unwrap();
    assert_eq!(ke_list["total"], 27, "KE assessor sees only KE");
    assert_eq!(ke_list["items"].as_array().unwrap().len(), 25);
    assert_eq!(ke_list["pages"], 2);
    assert_eq!(ke_list["items"][0]["title"], "Kenya programme 26", "newest first");
    let page2: serde_json::Value =
        serde_json::from_str(&call(&app, "cases/list", Some(&ke), &[("filter[page]", "2")]).await.body).unwrap();
    assert_eq!(page2["items"].as_array().unwrap().len(), 2);

    let boss = sign_in(&app, "boss@un.org").await;
    let all: serde_json::Value = serde_json::from_str(&call(&app, "cases/list", Some(&boss), &[]).await.body).unwrap();
    assert_eq!(all["total"], 28);
    assert_eq!(all["countries"], serde_json::json!(["KE", "UG"]));
    let search: serde_json::Value =
        serde_json::from_str(&call(&app, "cases/list", Some(&boss), &[("filter[q]", "100%")]).await.body).unwrap();
    assert_eq!(search["total"], 1, "a literal % is searched for, not a wildcard");
    let by_country: serde_json::Value =
        serde_json::from_str(&call(&app, "cases/list", Some(&boss), &[("filter[country]", "ug")]).await.body).unwrap();
    assert_eq!(by_country["total"], 1);
    let drafts: serde_json::Value =
        serde_json::from_str(&call(&app, "cases/list", Some(&boss), &[("filter[state]", "DRAFT")]).await.body).unwrap();
    assert_eq!(drafts["total"], 28);
    let bad = call(&app, "cases/list", Some(&boss), &[("filter[state]", "NOPE")]).await;
    assert_eq!(bad.status, 422);
    // A KE user asking for UG cases gets none (scope wins over the filter).
    let sneaky: serde_json::Value =
        serde_json::from_str(&call(&app, "cases/list", Some(&ke), &[("filter[country]", "UG")]).await.body).unwrap();
    assert_eq!(sneaky["total"], 0);
}
on_both_backends!(the_list_is_scoped_filtered_and_paginated);

async fn case_pages_render_for_readers(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "ana@un.org", &[Role::Assessor], None, &["KE"]).await;
    let token = sign_in(&app, "ana@un.org").await;
    let id = new_case(&app, &token, "KE", "Forensic lab support").await.body.trim().to_string();
    let list = send(&app, "GET", "/cases", Some(&token), None, None).await;
    assert_eq!(list.status, 200);
    assert!(list.body.contains("Forensic lab support") && list.body.contains("New assessment"), "list page");
    let overview = send(&app, "GET", &format!("/cases/{id}"), Some(&token), None, None).await;
    assert!(
        overview.body.contains("Forensic lab support") && overview.body.contains("Still to answer"),
        "overview page"
    );
    let new = send(&app, "GET", "/cases/new", Some(&token), None, None).await;
    assert!(new.body.contains("Create draft"));
}
on_both_backends!(case_pages_render_for_readers);

async fn demo_mode_seeds_accounts_and_the_worked_examples_as_cases(t: TestDb) {
    hrdd::server::demo::seed(&t.db).await.unwrap();
    hrdd::server::demo::seed_cases(&t.db, registry()).await.unwrap();
    hrdd::server::demo::seed_cases(&t.db, registry()).await.unwrap();
    let app = app(&t.db);
    let reply = call(
        &app,
        "session/login",
        None,
        &[("email", "manager@demo.hrdd"), ("password", hrdd::accounts::DEMO_PASSWORD)],
    )
    .await;
    let token = session_token(&reply).expect("demo manager signs in");
    let page: serde_json::Value =
        serde_json::from_str(&call(&app, "cases/list", Some(&token), &[]).await.body).unwrap();
    assert_eq!(page["total"], 5, "seeded once, not twice");
    let bands: Vec<&str> =
        page["items"].as_array().unwrap().iter().filter_map(|i| i["overall_band"].as_str()).collect();
    let mut sorted = bands.clone();
    sorted.sort();
    assert_eq!(sorted, vec!["HIGH", "LOW", "MODERATE", "MODERATE", "SUBSTANTIAL"], "the examples' bands: {bands:?}");
}
on_both_backends!(demo_mode_seeds_accounts_and_the_worked_examples_as_cases);

#[test]
fn wizard_steps_repeat_per_component_and_have_stable_segments() {
    use hrdd::cases::steps::{neighbours, parse_segment, steps_for};
    let catalogue = registry().current().unwrap();
    let components = vec!["C1".to_string(), "PENAL-CHAPTER".to_string()];
    let steps = steps_for(catalogue, &components);
    let segments: Vec<String> = steps.iter().map(|s| s.segment()).collect();
    assert_eq!(
        segments,
        vec![
            "case",
            "country",
            "support-C1",
            "recipient-C1",
            "screening-C1",
            "mitigation-C1",
            "support-PENAL-CHAPTER",
            "recipient-PENAL-CHAPTER",
            "screening-PENAL-CHAPTER",
            "mitigation-PENAL-CHAPTER",
            "consultations",
            "decision-C1",
            "decision-PENAL-CHAPTER",
            "submit",
        ]
    );
    let step = parse_segment(catalogue, &components, "recipient-PENAL-CHAPTER").expect("parses");
    assert_eq!((step.number, step.component.as_deref()), (4, Some("PENAL-CHAPTER")));
    assert!(parse_segment(catalogue, &components, "support").is_none(), "per-component step needs a component");
    assert!(parse_segment(catalogue, &components, "support-C9").is_none(), "unknown component");
    assert!(parse_segment(catalogue, &components, "case-C1").is_none(), "case-level step takes no component");
    assert!(parse_segment(catalogue, &components, "nonsense").is_none());
    let (prev, next) = neighbours(&steps, &step);
    assert_eq!(prev.unwrap().segment(), "support-PENAL-CHAPTER");
    assert_eq!(next.unwrap().segment(), "screening-PENAL-CHAPTER");
}
