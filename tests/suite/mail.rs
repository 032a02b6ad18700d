//! Notifications by e-mail (issue 21), on both databases, delivered to a real SMTP server (aiosmtpd,
//! `common::smtp_sink`): who gets a message, what it says (a link back; no answer, figure or
//! comment), each user's choice (immediately, daily digest, none), the outbox's retries when the
//! mail server is down, the administrators' retry (audited), two servers sending each message
//! exactly once, and the re-assessment reminders with a set clock.

use crate::common::*;
use crate::on_both_backends;
use crate::review::{lab_override_concurred, post, sign_off_form, signed_with_override, submitted_case, Journey};
use chrono::{NaiveDate, Utc};
use hrdd::accounts::Role;
use hrdd::services::mail::deliver_due;
use serde_json::Value;

/// The test database with e-mail on (as a server with `HRDD_SMTP_URL` set).
fn with_mail(mut t: TestDb) -> TestDb {
    t.db = t.db.clone().with_mail(Some("smtp://127.0.0.1 (test)"));
    t
}

async fn outbox_states(t: &TestDb) -> Vec<(String, i64)> {
    with_pool!(&t.db, pool => sqlx::query_as("SELECT state, COUNT(*) FROM outbox GROUP BY state ORDER BY state").fetch_all(pool).await.unwrap())
}

async fn reference_and_title(t: &TestDb, id: &str) -> (String, String) {
    with_pool!(&t.db, pool => sqlx::query_as("SELECT reference, title FROM cases WHERE id = $1").bind(id.parse::<i64>().unwrap()).fetch_one(pool).await.unwrap())
}

/// The messages delivered to `email`, oldest first.
async fn mail_to(t: &TestDb, email: &str) -> Vec<Value> {
    smtp_sink().messages(&message_ids_to(&t.db, email).await)
}

fn assert_carries_no_assessment_content(m: &Value) {
    let all = format!("{} {} {}", m["subject"], m["text"], m["html"]);
    for secret in ["Gendarmerie", "SUBSTANTIAL", "ESCALATE", "vehicles", "Record the remote TOR nexus", "Monthly logs"]
    {
        assert!(!all.contains(secret), "a message carries {secret:?}: {all}");
    }
}

async fn the_journey_mails_the_right_people_with_a_link_and_no_answers(t: TestDb) {
    let t = with_mail(t);
    make_user(&t.db, "rev3-ke@un.org", &[Role::Reviewer], Some(3), &["KE"]).await;
    let j: Journey = submitted_case(&t).await;
    let (reference, title) = reference_and_title(&t, &j.id).await;
    // Rev3 takes no e-mail; the manager a daily digest.
    let rev3 = sign_in(&j.app, "rev3-ke@un.org").await;
    let r = call(&j.app, "notifications/mail/set", Some(&rev3), &[("pref", "NONE")]).await;
    assert!(r.status < 400, "{}", r.body);
    let r = call(&j.app, "notifications/mail/set", Some(&j.manager), &[("pref", "DAILY")]).await;
    assert!(r.status < 400, "{}", r.body);
    let r = call(&j.app, "notifications/mail/set", Some(&j.manager), &[("pref", "HOURLY")]).await;
    assert_eq!(r.status, 422, "an unknown choice is refused: {}", r.body);
    assert!(r.body.contains("Choose immediately, daily digest or no e-mail."), "{}", r.body);
    let choice: Value =
        serde_json::from_str(&call(&j.app, "notifications/mail", Some(&j.manager), &[]).await.body).unwrap();
    assert_eq!(choice["pref"], "DAILY");

    // Submitted: the adviser and the level-2 reviewer each get one message (rev3 chose none; the
    // level-1 reviewer is below the case's level; Ines submitted it).
    let sent = deliver_all(&t.db, &mailer()).await;
    assert_eq!(
        (sent.sent, sent.failed),
        (3, 0),
        "adviser, rev2 and rev3's submission notices were queued before rev3 chose none"
    );
    for who in ["hra@un.org", "rev2@un.org"] {
        let got = mail_to(&t, who).await;
        assert_eq!(got.len(), 1, "{who}: {got:?}");
        let m = &got[0];
        assert_eq!(m["rcpt_tos"][0], who);
        assert_eq!(m["from"], "HRDD <hrdd@hrdd.test>");
        assert_eq!(m["subject"], format!("[HRDD] {reference} · {title}: submitted for review"));
        let link = format!("{ORIGIN}/cases/{}", j.id);
        assert!(m["text"].as_str().unwrap().contains(&link), "{m}");
        assert!(m["html"].as_str().unwrap().contains(&format!("href=\"{link}\"")), "{m}");
        assert!(m["text"].as_str().unwrap().contains("replies are not read"), "{m}");
        assert_carries_no_assessment_content(m);
    }
    assert!(mail_to(&t, "rev1@un.org").await.is_empty() && mail_to(&t, "ines@un.org").await.is_empty());
    // One in-app notice for each message.
    let notices: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = 'rev2@un.org'").fetch_one(pool).await.unwrap());
    assert_eq!(notices, 1);

    // Returned with a comment: Ines is mailed; the comment stays in the app.
    let r =
        post(&j, "review/return", &j.rev1, &[("id", j.id.clone()), ("body", "Record the remote TOR nexus.".into())])
            .await;
    assert_eq!(r.status, 200, "{}", r.body);
    deliver_all(&t.db, &mailer()).await;
    let got = mail_to(&t, "ines@un.org").await;
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["subject"], format!("[HRDD] {reference} · {title}: returned to the assessor"));
    assert_carries_no_assessment_content(&got[0]);
    let inbox: Value =
        serde_json::from_str(&call(&j.app, "notifications/inbox", Some(&j.ines), &[]).await.body).unwrap();
    assert_eq!(inbox["notices"][0]["note"], "“Record the remote TOR nexus.”", "the comment is shown in the app");

    // The adviser concurs with a lowering override, Ines resubmits, rev2 signs off. The manager takes
    // a digest, so nothing arrives at once; the daily pass queues one digest, and a second pass the
    // same day (or on another server) none.
    let mut j = j;
    lab_override_concurred(&mut j).await;
    let r = call(&j.app, "cases/submit", Some(&j.ines), &[("id", &j.id), ("revision", &j.revision.to_string())]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let r =
        post(&j, "review/sign-off", &j.rev2, &sign_off_form(&j, "PROCEED_WITH_CONDITIONS", "Monthly logs.", "PROCEED"))
            .await;
    assert_eq!(r.status, 200, "{}", r.body);
    deliver_all(&t.db, &mailer()).await;
    assert!(mail_to(&t, "mgr@un.org").await.is_empty(), "a digest reader gets no message at once");
    let to_ines = mail_to(&t, "ines@un.org").await;
    let decided = to_ines
        .iter()
        .find(|m| m["subject"] == format!("[HRDD] {reference} · {title}: decided"))
        .expect("the decision is mailed");
    assert_carries_no_assessment_content(decided);
    let today = Utc::now().date_naive();
    assert_eq!(hrdd::services::notify::queue_digests(&t.db, today).await.unwrap(), 1);
    assert_eq!(hrdd::services::notify::queue_digests(&t.db, today).await.unwrap(), 0, "one digest a day");
    assert_eq!(hrdd::services::notify::queue_digests(&t.second_server().with_mail(Some("x")), today).await.unwrap(), 0);
    deliver_all(&t.db, &mailer()).await;
    let digest = mail_to(&t, "mgr@un.org").await;
    assert_eq!(digest.len(), 1);
    assert_eq!(digest[0]["subject"], "[HRDD] 1 notification");
    assert!(digest[0]["text"].as_str().unwrap().contains(&format!("{reference} · {title}: decided")), "{}", digest[0]);
    assert_carries_no_assessment_content(&digest[0]);
    let ines: Vec<String> =
        mail_to(&t, "ines@un.org").await.iter().map(|m| m["subject"].as_str().unwrap().to_string()).collect();
    assert_eq!(ines.len(), 3, "returned, concurred, decided: {ines:?}");
    assert_eq!(mail_to(&t, "rev3-ke@un.org").await.len(), 1, "only the message queued before rev3 chose none");
    assert_eq!(outbox_states(&t).await, [("SENT".to_string(), 9)]);
}
on_both_backends!(the_journey_mails_the_right_people_with_a_link_and_no_answers);

/// A port on this machine where no server listens.
fn closed_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

async fn while_the_mail_server_is_down_messages_wait_and_none_is_lost(t: TestDb) {
    let t = with_mail(t);
    let j = submitted_case(&t).await;
    let down = mailer_to(closed_port());
    let first = deliver_due(&t.db, &down, Utc::now()).await.unwrap();
    assert_eq!((first.sent, first.retrying, first.failed), (0, 2, 0), "the adviser's and rev2's messages wait");
    let (error, attempts): (Option<String>, i32) = with_pool!(&t.db, pool => sqlx::query_as("SELECT last_error, attempts FROM outbox ORDER BY id LIMIT 1").fetch_one(pool).await.unwrap());
    assert!(error.is_some_and(|e| !e.is_empty()) && attempts == 1);
    // Not due again before the pause has passed; the user's action went through meanwhile.
    assert_eq!(deliver_due(&t.db, &down, Utc::now()).await.unwrap().claimed(), 0);
    let r = post(&j, "review/return", &j.rev1, &[("id", j.id.clone()), ("body", "Please add the log.".into())]).await;
    assert_eq!(r.status, 200, "a workflow action never waits for the mail server: {}", r.body);
    // The server is back: a pass after the pause sends every message once.
    let later = Utc::now() + chrono::Duration::minutes(5);
    let back = deliver_due(&t.db, &mailer(), later).await.unwrap();
    assert_eq!(back.sent, 3, "{back:?}");
    for who in ["hra@un.org", "rev2@un.org", "ines@un.org"] {
        assert_eq!(mail_to(&t, who).await.len(), 1, "{who}");
    }

    // Given up: the last attempt fails, the administrators' page lists it with its error.
    let r = post(&j, "review/comment", &j.rev1, &[("id", j.id.clone()), ("body", "One more thing.".into())]).await;
    assert!(r.status < 400, "{}", r.body);
    with_pool!(&t.db, pool => sqlx::query("UPDATE outbox SET attempts = 7 WHERE state = 'PENDING'").execute(pool).await.unwrap().rows_affected());
    let last = deliver_due(&t.db, &down, Utc::now()).await.unwrap();
    assert_eq!((last.failed, last.retrying), (1, 0), "{last:?}");
    make_user(&t.db, "admin-all@un.org", &[Role::Admin], None, &["*"]).await;
    make_user(&t.db, "admin-ke@un.org", &[Role::Admin], None, &["KE"]).await;
    let admin = sign_in(&j.app, "admin-all@un.org").await;
    let r = call(&j.app, "admin/outbox", Some(&admin), &[]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let view: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!((view["failed"].as_i64(), view["sent"].as_i64()), (Some(1), Some(3)));
    let failed = &view["given_up"][0];
    assert_eq!(failed["to"], "ines@un.org");
    assert!(failed["last_error"].as_str().is_some_and(|e| !e.is_empty()), "{failed}");
    let scoped = sign_in(&j.app, "admin-ke@un.org").await;
    assert_eq!(
        call(&j.app, "admin/outbox", Some(&scoped), &[]).await.status,
        403,
        "messages name every country's cases"
    );
    assert_eq!(
        call(&j.app, "admin/outbox/retry", Some(&scoped), &[("id", &failed["id"].to_string())]).await.status,
        403
    );
    assert_eq!(call(&j.app, "admin/outbox", Some(&j.ines), &[]).await.status, 403);

    // Sent again by the administrator: due now, delivered, and recorded in Ines's account history.
    let r = call(&j.app, "admin/outbox/retry", Some(&admin), &[("id", &failed["id"].to_string())]).await;
    assert!(r.status < 400, "{}", r.body);
    assert_eq!(deliver_all(&t.db, &mailer()).await.sent, 1);
    assert_eq!(mail_to(&t, "ines@un.org").await.len(), 2);
    let r = call(&j.app, "admin/outbox/retry", Some(&admin), &[("id", &failed["id"].to_string())]).await;
    assert_eq!(r.status, 409, "a sent message is not sent again: {}", r.body);
    let events: Vec<(String, String, i64)> = with_pool!(&t.db, pool => sqlx::query_as("SELECT e.actor, e.details, e.subject_user_id FROM audit_events e WHERE e.action = 'MAIL_RETRIED'").fetch_all(pool).await.unwrap());
    let ines_id: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT id FROM users WHERE email = 'ines@un.org'").fetch_one(pool).await.unwrap());
    assert_eq!(events.len(), 1);
    let (actor, details, subject) = &events[0];
    assert_eq!(
        (actor.as_str(), *subject),
        ("admin-all@un.org", ines_id),
        "an event of Ines's account, by the administrator"
    );
    assert!(
        details.contains("returned to the assessor") || details.contains("new comment"),
        "names the message: {details}"
    );
    let report = hrdd::services::verify::verify_all(&t.db, &[]).await.unwrap();
    assert!(
        report.breaches.is_empty(),
        "the audit record verifies: {:?}",
        report.breaches.iter().map(|b| b.to_string()).collect::<Vec<_>>()
    );
}
on_both_backends!(while_the_mail_server_is_down_messages_wait_and_none_is_lost);

/// Two servers (two stores on one database, each with its own sender and, on PostgreSQL, its own
/// connection pool) and 500 workflow actions, alternately through each: every message is delivered
/// exactly once.
async fn two_servers_deliver_every_message_exactly_once(t: TestDb) {
    let t = with_mail(t);
    let j = submitted_case(&t).await;
    let other = t.second_server_with_own_pool().await.with_mail(Some("smtp://127.0.0.1 (second server)"));
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let sender = |db: hrdd::store::Store| {
        let done = done.clone();
        tokio::spawn(async move {
            let mailer = mailer();
            let mut sent = 0;
            loop {
                let finished = done.load(std::sync::atomic::Ordering::SeqCst);
                let pass = deliver_due(&db, &mailer, Utc::now()).await.expect("a pass");
                sent += pass.sent;
                if pass.claimed() == 0 {
                    if finished {
                        return sent;
                    }
                    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
                }
            }
        })
    };
    let (a, b) = (sender(t.db.clone()), sender(other.clone()));
    // 500 comments, alternately through each server, while both senders run.
    let app_b = app(&other);
    for n in 0..500 {
        let app = if n % 2 == 0 { &j.app } else { &app_b };
        let body = format!("Comment {n}");
        let r = call(app, "review/comment", Some(&j.rev1), &[("id", &j.id), ("body", &body)]).await;
        assert!(r.status < 400, "{}", r.body);
    }
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    let (a, b) = (a.await.unwrap(), b.await.unwrap());
    let ids = message_ids_to(&t.db, "ines@un.org").await;
    assert_eq!(ids.len(), 500, "one message to the assessor per comment");
    let total: i64 =
        with_pool!(&t.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM outbox").fetch_one(pool).await.unwrap());
    assert_eq!(a + b, total as usize, "each message sent by one server");
    assert_eq!(outbox_states(&t).await, [("SENT".to_string(), total)]);
    let delivered = smtp_sink().messages(&ids);
    let mut seen: Vec<&str> = delivered.iter().map(|m| m["message_id"].as_str().unwrap()).collect();
    seen.sort_unstable();
    let before = seen.len();
    seen.dedup();
    assert_eq!((before, seen.len()), (500, 500), "every message delivered, none twice");
    eprintln!("two servers: {a} and {b} messages");
}
on_both_backends!(two_servers_deliver_every_message_exactly_once);

async fn reminders_fire_once_per_stage_as_the_clock_moves(t: TestDb) {
    let t = with_mail(t);
    make_user(&t.db, "mgr-ke@un.org", &[Role::Manager], None, &["KE"]).await;
    make_user(&t.db, "mgr-ug@un.org", &[Role::Manager], None, &["UG"]).await;
    let j = signed_with_override(&t).await;
    let id: i64 = j.id.parse().unwrap();
    let due: String = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT next_review_date FROM cases WHERE id = $1").bind(id).fetch_one(pool).await.unwrap());
    let due = NaiveDate::parse_from_str(&due, "%Y-%m-%d").unwrap();
    let day = |offset: i64| due + chrono::Duration::days(offset);
    let remind = |db: hrdd::store::Store, today: NaiveDate| async move {
        hrdd::services::notify::send_reminders(&db, today).await.unwrap()
    };
    let reminders = |t: &TestDb| {
        let db = t.db.clone();
        async move {
            let kinds: Vec<(String, String)> = with_pool!(&db, pool => sqlx::query_as("SELECT u.email, n.kind FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind LIKE 'REVIEW_%' ORDER BY n.id, u.email").fetch_all(pool).await.unwrap());
            kinds
        }
    };
    assert_eq!(remind(t.db.clone(), day(-31)).await, 0, "more than 30 days ahead");
    assert_eq!(remind(t.db.clone(), day(-30)).await, 1);
    assert_eq!(remind(t.db.clone(), day(-30)).await, 0, "once");
    assert_eq!(remind(t.second_server(), day(-20)).await, 0, "once, on another server too");
    let got = reminders(&t).await;
    let mut to: Vec<&str> = got.iter().map(|(e, _)| e.as_str()).collect();
    to.sort_unstable();
    assert_eq!(to, ["ines@un.org", "mgr-ke@un.org", "mgr@un.org"], "the assessor and Kenya's managers");
    assert!(got.iter().all(|(_, k)| k == "REVIEW_DUE_IN_30_DAYS"));
    assert_eq!(remind(t.db.clone(), day(-7)).await, 1);
    assert_eq!(remind(t.db.clone(), day(-1)).await, 0);
    assert_eq!(remind(t.db.clone(), day(0)).await, 1);
    assert_eq!(remind(t.db.clone(), day(45)).await, 0, "overdue is told once");
    let kinds: Vec<String> =
        reminders(&t).await.into_iter().filter(|(e, _)| e == "ines@un.org").map(|(_, k)| k).collect();
    assert_eq!(kinds, ["REVIEW_DUE_IN_30_DAYS", "REVIEW_DUE_IN_7_DAYS", "REVIEW_OVERDUE"]);
    // Each reminder is mailed too.
    deliver_all(&t.db, &mailer()).await;
    let subjects: Vec<String> =
        mail_to(&t, "ines@un.org").await.iter().map(|m| m["subject"].as_str().unwrap().to_string()).collect();
    assert!(subjects.iter().any(|s| s.ends_with("re-assessment due now")), "{subjects:?}");

    // Once the re-assessment has started, the old version is no longer reminded of.
    let r = post(&j, "review/reassess", &j.ines, &[("id", j.id.clone()), ("assessment_type", "PERIODIC".into())]).await;
    assert!(r.status < 400, "{}", r.body);
    with_pool!(&t.db, pool => sqlx::query("DELETE FROM reminders_sent").execute(pool).await.unwrap().rows_affected());
    assert_eq!(remind(t.db.clone(), day(50)).await, 0, "a version being re-assessed is not reminded of");
}
on_both_backends!(reminders_fire_once_per_stage_as_the_clock_moves);

async fn account_holders_are_told_of_a_new_account_and_a_reset_password(t: TestDb) {
    let t = with_mail(t);
    let app = app(&t.db);
    make_user(&t.db, "admin-all@un.org", &[Role::Admin], None, &["*"]).await;
    let admin = sign_in(&app, "admin-all@un.org").await;
    let r = call(
        &app,
        "admin/users/create",
        Some(&admin),
        &[
            ("email", "new.person@un.org"),
            ("name", "New Person"),
            ("role_assessor", "on"),
            ("countries", "KE"),
            ("temporary_password", "a temporary password 2026"),
        ],
    )
    .await;
    assert!(r.status < 400, "{}", r.body);
    let id: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT id FROM users WHERE email = 'new.person@un.org'").fetch_one(pool).await.unwrap());
    let r = call(
        &app,
        "admin/users/password",
        Some(&admin),
        &[("id", &id.to_string()), ("temporary_password", "another temporary 2026")],
    )
    .await;
    assert!(r.status < 400, "{}", r.body);
    deliver_all(&t.db, &mailer()).await;
    let got = mail_to(&t, "new.person@un.org").await;
    let mut subjects: Vec<&str> = got.iter().map(|m| m["subject"].as_str().unwrap()).collect();
    subjects.sort_unstable();
    assert_eq!(subjects, ["[HRDD] An HRDD account was created for you", "[HRDD] Your HRDD password was reset"]);
    for m in &got {
        let all = format!("{} {}", m["text"], m["html"]);
        assert!(!all.contains("temporary password 2026") && !all.contains("another temporary"), "no password: {all}");
        assert!(all.contains(&format!("{ORIGIN}/account")), "{all}");
    }
    assert!(mail_to(&t, "admin-all@un.org").await.is_empty(), "the administrator is not told of their own act");
}
on_both_backends!(account_holders_are_told_of_a_new_account_and_a_reset_password);
