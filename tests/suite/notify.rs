//! Notifications (issue 21), on both databases: who is told of a submission, a return, a
//! concurrence and a sign-off (country scope and approval level kept, never the actor), the
//! notices' words (case reference, title, country and state; no answer), the unread count, and
//! marking read (only one's own notices).

use crate::common::*;
use crate::on_both_backends;
use crate::review::{lab_override_concurred, post, sign_off_form, submitted_case};
use hrdd::accounts::Role;
use serde_json::Value;

async fn inbox(app: &axum::Router, token: &str) -> Value {
    let r = call(app, "notifications/inbox", Some(token), &[]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    serde_json::from_str(&r.body).unwrap()
}

/// The kinds of a user's notices, newest first.
async fn kinds(app: &axum::Router, token: &str) -> Vec<String> {
    inbox(app, token).await["notices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap().to_string())
        .collect()
}

async fn notices_to(t: &TestDb, email: &str) -> i64 {
    with_pool!(&t.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = $1").bind(email).fetch_one(pool).await.unwrap())
}

async fn the_workflow_tells_the_right_people_once_and_never_the_actor(t: TestDb) {
    make_user(&t.db, "hra-ug@un.org", &[Role::HrAdviser], None, &["UG"]).await;
    make_user(&t.db, "mgr-ug@un.org", &[Role::Manager], None, &["UG"]).await;
    make_user(&t.db, "rev3-ke@un.org", &[Role::Reviewer], Some(3), &["KE"]).await;
    let mut j = submitted_case(&t).await;
    let app = j.app.clone();

    // Submitted (needs level 2): the country's adviser and the reviewers of level 2 and above; not
    // the level-1 reviewer, not Ines (she submitted it, though she is a level-2 reviewer too), not
    // the manager, not Uganda's adviser.
    assert_eq!(kinds(&app, &j.adviser).await, ["SUBMITTED"]);
    assert_eq!(kinds(&app, &j.rev2).await, ["SUBMITTED"]);
    assert_eq!(kinds(&app, &sign_in(&app, "rev3-ke@un.org").await).await, ["SUBMITTED"]);
    assert!(kinds(&app, &j.rev1).await.is_empty(), "below the level the case needs");
    assert!(kinds(&app, &j.ines).await.is_empty(), "never the actor");
    assert!(kinds(&app, &j.manager).await.is_empty());
    assert_eq!(notices_to(&t, "hra-ug@un.org").await, 0, "another country");
    let notice = inbox(&app, &j.rev2).await["notices"][0].clone();
    let (reference, title): (String, String) = with_pool!(&t.db, pool => sqlx::query_as("SELECT reference, title FROM cases WHERE id = $1").bind(j.id.parse::<i64>().unwrap()).fetch_one(pool).await.unwrap());
    assert_eq!(notice["subject"], format!("{reference} · {title}: submitted for review"));
    assert_eq!(notice["link"], format!("/cases/{}", j.id));
    let body = notice["body"].as_str().unwrap();
    assert!(body.contains(&format!("({title}, KE)")) && body.contains("State now: Submitted."), "{body}");
    for answer in ["Gendarmerie", "SUBSTANTIAL", "ESCALATE", "vehicles"] {
        assert!(
            !body.contains(answer) && !notice["subject"].as_str().unwrap().contains(answer),
            "no answer or figure: {body}"
        );
    }

    // Returned: Ines, with the reviewer's comment.
    let r =
        post(&j, "review/return", &j.rev1, &[("id", j.id.clone()), ("body", "Record the remote TOR nexus.".into())])
            .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let got = inbox(&app, &j.ines).await;
    assert_eq!(got["unread"], 1);
    assert_eq!(got["notices"][0]["kind"], "RETURNED");
    assert_eq!(got["notices"][0]["note"], "“Record the remote TOR nexus.”", "{got}");
    assert!(
        !got["notices"][0]["body"].as_str().unwrap().contains("TOR nexus"),
        "the comment is kept apart from the mailable body"
    );

    // The adviser concurs with a lowering override: Ines is told.
    lab_override_concurred(&mut j).await;
    assert_eq!(kinds(&app, &j.ines).await, ["CONCURRED", "RETURNED"]);

    // Resubmitted and signed off: Ines and the managers of Kenya are told; Uganda's manager is not.
    let r = call(&app, "cases/submit", Some(&j.ines), &[("id", &j.id), ("revision", &j.revision.to_string())]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let r =
        post(&j, "review/sign-off", &j.rev2, &sign_off_form(&j, "PROCEED_WITH_CONDITIONS", "Monthly logs.", "PROCEED"))
            .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(kinds(&app, &j.ines).await, ["DECIDED", "CONCURRED", "RETURNED"]);
    assert_eq!(kinds(&app, &j.manager).await, ["DECIDED"]);
    assert_eq!(kinds(&app, &j.rev2).await, ["SUBMITTED", "SUBMITTED"], "the signer is not told of their own sign-off");
    assert_eq!(notices_to(&t, "mgr-ug@un.org").await, 0);

    // The header's count, and marking read: one notice, then all; never someone else's.
    let session: Value = serde_json::from_str(&call(&app, "session/current", Some(&j.ines), &[]).await.body).unwrap();
    assert_eq!(session["unread"], 3);
    let theirs = inbox(&app, &j.manager).await["notices"][0]["id"].as_i64().unwrap();
    let r = call(&app, "notifications/read", Some(&j.ines), &[("id", &theirs.to_string())]).await;
    assert!(r.status < 400, "{}", r.body);
    assert_eq!(inbox(&app, &j.manager).await["unread"], 1, "another user's notice is left alone");
    let mine = inbox(&app, &j.ines).await["notices"][0]["id"].as_i64().unwrap();
    call(
        &app,
        "notifications/read",
        Some(&j.ines),
        &[("id", &mine.to_string()), ("open", &format!("/cases/{}", j.id))],
    )
    .await;
    let got = inbox(&app, &j.ines).await;
    assert_eq!(got["unread"], 2);
    assert_eq!(got["notices"][0]["read"], true);
    call(&app, "notifications/read", Some(&j.ines), &[]).await;
    assert_eq!(inbox(&app, &j.ines).await["unread"], 0);
    // Signed out: nothing to read.
    assert_eq!(call(&app, "notifications/inbox", None, &[]).await.status, 401);
}
on_both_backends!(the_workflow_tells_the_right_people_once_and_never_the_actor);
