//! The findings of the attack on the first wave (issue "Security and integrity"), each closed and
//! tested on both databases: redirects, tokens, segregation, administrators, managers' view, headers,
//! the no-JavaScript guard, bad input, control characters, signed-out calls and cross-site requests.

use crate::common::*;
use crate::on_both_backends;
use hrdd::accounts::Role;
use hrdd::services::accounts as service;
use serde_json::{json, Value};

/// A request with any headers and body; the reply with its headers.
async fn raw(
    app: &axum::Router,
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
    body: Vec<u8>,
) -> (u16, axum::http::HeaderMap, String) {
    use tower::ServiceExt;
    let mut b = axum::http::Request::builder().method(method).uri(uri).header("host", "hrdd.test");
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    let response = app.clone().oneshot(b.body(axum::body::Body::from(body)).unwrap()).await.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), 20 << 20).await.unwrap();
    (status, headers, String::from_utf8_lossy(&bytes).into_owned())
}

fn cookie(token: &str) -> String {
    format!("hrdd_session={token}")
}

/// Item 3 and 10: only plain same-site paths are followed after sign-in; a tab, a newline or a
/// backslash in `next` sends the browser home, and nothing panics.
async fn sign_in_redirects_only_to_plain_same_site_paths(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "ana@un.org", &[Role::Assessor], None, &["KE"]).await;
    for (next, expected) in [
        ("/cases?state=DRAFT", "/cases?state=DRAFT"),
        ("/\t/example.org/", "/"),
        ("//example.org", "/"),
        ("/\\example.org", "/"),
        ("https://example.org/", "/"),
        ("/cases\r\nSet-Cookie: x=1", "/"),
    ] {
        let body =
            format!("email=ana%40un.org&password={}&next={}", hrdd::url::encode(PASSWORD), hrdd::url::encode(next));
        let (status, headers, _) = raw(
            &app,
            "POST",
            "/api/session/login",
            &[("origin", ORIGIN), ("content-type", "application/x-www-form-urlencoded"), ("accept", "text/html")],
            body.into_bytes(),
        )
        .await;
        assert!(status == 302 || status == 303, "{next:?}: {status}");
        assert_eq!(headers.get("location").unwrap().to_str().unwrap(), expected, "{next:?}");
    }
    // A failed sign-in redirects with a code, and the page shows only its own words for it.
    let body = "email=ana%40un.org&password=wrong+wrong+wrong&next=%2Fcases";
    let (_, headers, _) = raw(
        &app,
        "POST",
        "/api/session/login",
        &[("origin", ORIGIN), ("content-type", "application/x-www-form-urlencoded"), ("accept", "text/html")],
        body.as_bytes().to_vec(),
    )
    .await;
    let location = headers.get("location").unwrap().to_str().unwrap().to_string();
    assert!(location.starts_with("/login?error=credentials&"), "{location}");
    let (status, page) = get(&app, "/login?error=%3Cb%3EYour+account+is+locked%2C+call+%2B1-555%3C%2Fb%3E").await;
    assert_eq!(status, 200);
    assert!(!page.contains("call +1-555") && !page.contains("account is locked"), "URL text is never shown");
    // A component form's `back_to` with a control character: saved, then sent to a safe place.
    let ana = sign_in(&app, "ana@un.org").await;
    let id = create_draft(&app, &ana, "KE").await;
    let back = format!("/cases/{id}/edit/\ncase");
    let form =
        [("id", id.as_str()), ("revision", "1"), ("action", "add"), ("new_id", "LAB"), ("back_to", back.as_str())];
    let encoded: Vec<String> = form.iter().map(|(k, v)| format!("{k}={}", hrdd::url::encode(v))).collect();
    let (status, headers, body) = raw(
        &app,
        "POST",
        "/api/cases/components",
        &[
            ("origin", ORIGIN),
            ("content-type", "application/x-www-form-urlencoded"),
            ("accept", "text/html"),
            ("cookie", &cookie(&ana)),
        ],
        encoded.join("&").into_bytes(),
    )
    .await;
    assert!(status < 400, "{status} {body}");
    assert_eq!(headers.get("location").unwrap().to_str().unwrap(), format!("/cases/{id}/edit/support-LAB"));
}
on_both_backends!(sign_in_redirects_only_to_plain_same_site_paths);

async fn token_of(app: &axum::Router, session: &str, password: &str) -> Reply {
    call(app, "account/tokens/create", Some(session), &[("name", "Export"), ("days", "90"), ("password", password)])
        .await
}

fn token_in(reply: &Reply) -> String {
    let v: Value = serde_json::from_str(&reply.body).unwrap_or_else(|_| panic!("{}", reply.body));
    v["token"].as_str().unwrap().to_string()
}

async fn api_status(app: &axum::Router, token: &str) -> u16 {
    let (status, _, _) =
        raw(app, "GET", "/api/v1/cases", &[("authorization", &format!("Bearer {token}"))], Vec::new()).await;
    status
}

/// Item 4: creating a token needs the password, lives at most 90 days, shows its last use, and dies
/// with every credential change.
async fn access_tokens_die_with_credential_changes(t: TestDb) {
    let app = app(&t.db);
    let id = make_user(&t.db, "mgr@un.org", &[Role::Manager], None, &["KE"]).await;
    make_user(&t.db, "admin@un.org", &[Role::Admin], None, &[]).await;
    let mgr = sign_in(&app, "mgr@un.org").await;
    // A stolen session alone cannot mint one.
    let r = token_of(&app, &mgr, "").await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("password"), "{}", r.body);
    let r = token_of(&app, &mgr, "not my password").await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("Your password is not correct"), "{}", r.body);
    let r = call(&app, "account/tokens/create", Some(&mgr), &[("name", "x"), ("days", "365"), ("password", PASSWORD)])
        .await;
    assert_eq!(r.status, 422, "longer than 90 days: {}", r.body);
    // Used once: its last use shows on the profile list.
    let token = token_in(&token_of(&app, &mgr, PASSWORD).await);
    assert_eq!(api_status(&app, &token).await, 200);
    let listed: Value = serde_json::from_str(&call(&app, "account/tokens/list", Some(&mgr), &[]).await.body).unwrap();
    assert!(listed[0]["last_used_at"].is_string(), "{listed}");
    // The user's own password change revokes it.
    let r = call(
        &app,
        "account/password",
        Some(&mgr),
        &[("current", PASSWORD), ("new_password", "another long passphrase"), ("confirm", "another long passphrase")],
    )
    .await;
    assert!(r.status < 400, "{}", r.body);
    assert_eq!(api_status(&app, &token).await, 401, "own password change");
    // An administrator's password reset revokes one created afterwards.
    let mgr = session_token(
        &call(&app, "session/login", None, &[("email", "mgr@un.org"), ("password", "another long passphrase")]).await,
    )
    .unwrap();
    let token = token_in(&token_of(&app, &mgr, "another long passphrase").await);
    let admin = sign_in(&app, "admin@un.org").await;
    let r = call(
        &app,
        "admin/users/password",
        Some(&admin),
        &[("id", &id.to_string()), ("temporary_password", "temporary pass 123")],
    )
    .await;
    assert!(r.status < 400, "{}", r.body);
    assert_eq!(api_status(&app, &token).await, 401, "password reset");
    // Deactivation followed by reactivation does not bring a token back.
    let by = service::ChangedBy::command_line("test");
    let temp = hrdd::accounts::NewPassword::parse(PASSWORD).unwrap();
    service::set_password(&t.db, id, &temp, false, &by).await.unwrap();
    let mgr = sign_in(&app, "mgr@un.org").await;
    let token = token_in(&token_of(&app, &mgr, PASSWORD).await);
    service::set_active(&t.db, id, false, &by).await.unwrap();
    service::set_active(&t.db, id, true, &by).await.unwrap();
    assert_eq!(api_status(&app, &token).await, 401, "deactivated, then reactivated");
    // Each of these is in the account's signed history.
    let actions: Vec<String> =
        hrdd::services::verify::events_of_account(&t.db, id).await.unwrap().into_iter().map(|e| e.action).collect();
    for a in
        ["USER_CREATED", "TOKEN_CREATED", "PASSWORD_CHANGED", "PASSWORD_RESET", "USER_DEACTIVATED", "USER_REACTIVATED"]
    {
        assert!(actions.iter().any(|x| x == a), "{a} in {actions:?}");
    }
}
on_both_backends!(access_tokens_die_with_credential_changes);

/// Item 2: an administrator cannot make themself an approver; every account change is an event
/// naming who did it, with before and after, on the account's history page.
async fn administrators_cannot_make_themselves_approvers(t: TestDb) {
    let app = app(&t.db);
    let admin_id = make_user(&t.db, "admin@un.org", &[Role::Admin], None, &[]).await;
    make_user(&t.db, "second.admin@un.org", &[Role::Admin], None, &[]).await;
    let bob = make_user(&t.db, "bob@un.org", &[Role::Assessor], None, &["KE"]).await;
    let admin = sign_in(&app, "admin@un.org").await;
    let update = |id: i64, roles: &[(&'static str, &'static str)], level: &'static str| {
        let mut form = vec![("id", id.to_string()), ("name", "Someone".to_string()), ("countries", "KE".to_string())];
        form.extend(roles.iter().map(|(k, v)| (*k, v.to_string())));
        form.push(("approval_level", level.to_string()));
        form
    };
    let post = |form: Vec<(&'static str, String)>| {
        let app = app.clone();
        let admin = admin.clone();
        async move {
            let refs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            call(&app, "admin/users/update", Some(&admin), &refs).await
        }
    };
    // Themself: no new role, level or country.
    let r = post(update(admin_id, &[("role_admin", "on"), ("role_reviewer", "on")], "3")).await;
    assert_eq!(r.status, 422);
    let r = post(update(admin_id, &[("role_reviewer", "on")], "3")).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("cannot change your own roles"), "{}", r.body);
    // Nobody holds the administrator role together with a role that touches cases.
    let r = post(update(bob, &[("role_admin", "on"), ("role_reviewer", "on")], "3")).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("stands alone"), "{}", r.body);
    let spec = hrdd::accounts::UserSpec {
        name: "Mixed".into(),
        roles: vec![Role::Admin, Role::Assessor],
        approval_level: None,
        scope: hrdd::accounts::CountryScope::All,
    };
    let email = hrdd::accounts::Email::parse("mixed@un.org").unwrap();
    let pw = hrdd::accounts::NewPassword::parse(PASSWORD).unwrap();
    assert_eq!(
        service::create_user(&t.db, &email, spec, &pw, false, &service::ChangedBy::command_line("test"))
            .await
            .unwrap_err()
            .status(),
        422
    );
    // A real change to someone else: recorded with who, before and after.
    let r = post(update(bob, &[("role_assessor", "on"), ("role_reviewer", "on")], "2")).await;
    assert!(r.status < 400, "{}", r.body);
    let r = call(&app, "admin/users/history", Some(&admin), &[("id", &bob.to_string())]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let history: Value = serde_json::from_str(&r.body).unwrap();
    let changed =
        history["events"].as_array().unwrap().iter().find(|e| e["action"] == "Updated").expect("an update event");
    assert_eq!(changed["actor"], "admin@un.org");
    assert_eq!(changed["verified"], true);
    let changes = changed["changes"].to_string();
    assert!(changes.contains("assessor, reviewer") && changes.contains("approval_level"), "{changes}");
    // Only administrators read it.
    let bob_session = sign_in(&app, "bob@un.org").await;
    assert_eq!(call(&app, "admin/users/history", Some(&bob_session), &[("id", &bob.to_string())]).await.status, 403);
    // A legacy account that holds both roles still cannot sign off (the workflow rule checks).
    let legacy = make_user(&t.db, "legacy@un.org", &[Role::Reviewer], Some(3), &["*"]).await;
    with_pool!(&t.db, pool => sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, 'admin')").bind(legacy).execute(pool).await.unwrap().rows_affected());
    let user = service::load_user(&t.db, legacy).await.unwrap().unwrap();
    let p = hrdd::review::rules::Participants::default();
    assert!(hrdd::review::rules::signer_conflict(&p, &user).unwrap().contains("Administrators"));
}
on_both_backends!(administrators_cannot_make_themselves_approvers);

/// Item 5: an assessor who is also a level-3 reviewer submits someone else's case and may not sign it.
async fn the_submitter_may_not_sign_off(t: TestDb) {
    let j = crate::review::submitted_case(&t).await;
    make_user(&t.db, "both@un.org", &[Role::Assessor, Role::Reviewer], Some(3), &["KE"]).await;
    let both = sign_in(&j.app, "both@un.org").await;
    // Return it, so that `both` can be the one who submits it again.
    let r =
        crate::review::post(&j, "review/return", &j.rev1, &[("id", j.id.clone()), ("body", "Check the nexus.".into())])
            .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let r = call(&j.app, "cases/submit", Some(&both), &[("id", &j.id), ("revision", &j.revision.to_string())]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let r = crate::review::post(
        &j,
        "review/sign-off",
        &both,
        &crate::review::sign_off_form(&j, "PROCEED_WITH_CONDITIONS", "Monthly logs.", "PROCEED"),
    )
    .await;
    assert_eq!(r.status, 403, "{}", r.body);
    assert!(r.body.contains("You submitted this assessment"), "{}", r.body);
    let s = crate::review::summary(&j, &both).await;
    assert!(s["actions"]["sign_off"]["Err"].as_str().unwrap().contains("submitted"), "{}", s["actions"]);
    // Someone who took no part signs.
    let r = crate::review::post(
        &j,
        "review/sign-off",
        &j.rev2,
        &crate::review::sign_off_form(&j, "PROCEED_WITH_CONDITIONS", "Monthly logs.", "PROCEED"),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
}
on_both_backends!(the_submitter_may_not_sign_off);

/// Item 7: a manager's summary is built without answer text — the monitoring plan, who is
/// responsible for a measure, who recorded a consultation, and a re-assessment's before/after.
async fn managers_get_their_own_view_without_answer_text(t: TestDb) {
    let j = crate::review::signed(&t).await;
    let full = crate::review::summary(&j, &j.rev2).await;
    let managers = crate::review::summary(&j, &j.manager).await;
    assert!(full["monitoring"].as_array().unwrap().iter().any(|m| m["plan"].is_string()), "reviewers read the plan");
    for m in managers["monitoring"].as_array().unwrap() {
        assert!(m["plan"].is_null());
    }
    assert!(managers["monitoring"].as_array().unwrap().iter().any(|m| m["has_plan"] == true));
    for m in managers["mitigation"].as_array().unwrap() {
        assert!(m["responsible"].is_null() && m["description"].is_null(), "{m}");
    }
    for c in managers["consultations"].as_array().unwrap() {
        for r in c["records"].as_array().unwrap() {
            assert_eq!(r[1], "", "who recorded it is not sent: {r}");
        }
    }
    let full_text = full.to_string();
    let by = full["consultations"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["records"].as_array().unwrap().clone())
        .find_map(|r| r[1].as_str().filter(|s| !s.is_empty()).map(String::from))
        .expect("a consultation with its author");
    assert!(full_text.contains(&by));
    let r = call(&j.app, "review/summary", Some(&j.manager), &[("id", &j.id)]).await;
    assert!(!r.body.contains(&by), "not anywhere in what a manager receives");
    // A re-assessment: managers learn which answers changed, not the values.
    let r = crate::review::post(
        &j,
        "review/trigger",
        &j.ines,
        &[
            ("id", j.id.clone()),
            ("trigger", "MONITORING_BREACH".into()),
            ("date", "2026-01-05".into()),
            ("description", "Breach".into()),
        ],
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let r = crate::review::post(
        &j,
        "review/reassess",
        &j.ines,
        &[("id", j.id.clone()), ("assessment_type", "PERIODIC".into())],
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let new_id = r.body.trim().to_string();
    let save = crate::wizard::save(&new_id, 1, "case", json!({ "office": "Mombasa office" }));
    let r = call_json(&j.app, "cases/save-step", Some(&j.ines), save).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let m = call(&j.app, "review/summary", Some(&j.manager), &[("id", &new_id)]).await;
    assert_eq!(m.status, 200, "{}", m.body);
    let v: Value = serde_json::from_str(&m.body).unwrap();
    assert!(!v["changes"].as_array().unwrap().is_empty());
    assert!(!m.body.contains("Mombasa office"), "the new value is not sent to managers");
    let a = call(&j.app, "review/summary", Some(&j.rev2), &[("id", &new_id)]).await;
    assert!(a.body.contains("Mombasa office"), "reviewers see it");
}
on_both_backends!(managers_get_their_own_view_without_answer_text);

/// Item 8: security headers; the CSP nonce is the one on the page's scripts.
async fn responses_carry_security_headers(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "mgr@un.org", &[Role::Manager], None, &["KE"]).await;
    let (status, h, body) = raw(&app, "GET", "/login", &[], Vec::new()).await;
    assert_eq!(status, 200);
    let csp = h.get("content-security-policy").unwrap().to_str().unwrap().to_string();
    for part in
        ["default-src 'self'", "'wasm-unsafe-eval'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"]
    {
        assert!(csp.contains(part), "{csp}");
    }
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    let nonce = csp.split("'nonce-").nth(1).unwrap().split('\'').next().unwrap();
    assert!(body.contains(&format!("nonce=\"{nonce}\"")), "the page's scripts carry this response's nonce");
    let (_, h2, _) = raw(&app, "GET", "/login", &[], Vec::new()).await;
    assert_ne!(h2.get("content-security-policy"), h.get("content-security-policy"), "a fresh nonce per response");
    assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
    assert_eq!(h.get("referrer-policy").unwrap(), "same-origin");
    assert_eq!(h.get("x-frame-options").unwrap(), "DENY");
    assert_eq!(h.get("cache-control").unwrap(), "no-store");
    assert!(h.get("strict-transport-security").is_none(), "not over plain HTTP without a trusted proxy");
    let mgr = sign_in(&app, "mgr@un.org").await;
    let (_, h, _) = raw(&app, "GET", "/cases", &[("cookie", &cookie(&mgr))], Vec::new()).await;
    assert_eq!(h.get("cache-control").unwrap(), "no-store");
    let (_, h, _) = raw(&app, "GET", "/api/v1/cases", &[("cookie", &cookie(&mgr))], Vec::new()).await;
    assert_eq!(h.get("cache-control").unwrap(), "no-store");
    assert!(h.get("content-security-policy").unwrap().to_str().unwrap().contains("default-src 'none'"));
}
on_both_backends!(responses_carry_security_headers);

/// Item 9: the no-JavaScript wizard post applies the temporary-password rule like the server functions.
async fn the_plain_form_post_requires_a_changed_temporary_password(t: TestDb) {
    let app = app(&t.db);
    let id = make_user(&t.db, "ana@un.org", &[Role::Assessor], None, &["KE"]).await;
    let ana = sign_in(&app, "ana@un.org").await;
    let case = create_draft(&app, &ana, "KE").await;
    let temp = hrdd::accounts::NewPassword::parse("temporary pass 123").unwrap();
    service::set_password(&t.db, id, &temp, true, &service::ChangedBy::command_line("test")).await.unwrap();
    let ana = session_token(
        &call(&app, "session/login", None, &[("email", "ana@un.org"), ("password", "temporary pass 123")]).await,
    )
    .unwrap();
    let form: Vec<(&str, &str)> =
        vec![("_revision", "1"), ("_shown", "office"), ("q.office", "Changed behind the rule")];
    let r = send(&app, "POST", &format!("/cases/{case}/edit/case"), Some(&ana), Some(&form), Some(ORIGIN)).await;
    assert_eq!((r.status, r.location.as_deref()), (303, Some("/account/password")));
    let answers: String = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT answers FROM cases WHERE id = $1").bind(case.parse::<i64>().unwrap()).fetch_one(pool).await.unwrap());
    assert!(!answers.contains("Changed behind the rule"));
}
on_both_backends!(the_plain_form_post_requires_a_changed_temporary_password);

/// Items 11 and 12: bad input is the sender's error (400/413/422 with words), never a 500; control
/// characters are refused the same on both databases.
async fn bad_input_gets_a_clear_4xx_never_a_500(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "ana@un.org", &[Role::Assessor], None, &["KE"]).await;
    let ana = sign_in(&app, "ana@un.org").await;
    let case = create_draft(&app, &ana, "KE").await;
    let c = cookie(&ana);
    let json_headers = [
        ("origin", ORIGIN),
        ("content-type", "application/json"),
        ("accept", "application/json"),
        ("cookie", c.as_str()),
    ];
    let form_headers =
        [("origin", ORIGIN), ("content-type", "application/x-www-form-urlencoded"), ("cookie", c.as_str())];
    let deep = format!(
        "{{\"id\":1,\"revision\":1,\"step\":\"case\",\"answers\":{{\"office\":{}1{}}}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    type Probe<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)], Vec<u8>, u16);
    let cases: Vec<Probe> = vec![
        ("10 MB body", "/api/cases/save-step", &json_headers, vec![b' '; 10 << 20], 413),
        ("nesting 10,000 deep", "/api/cases/save-step", &json_headers, deep.into_bytes(), 400),
        ("invalid UTF-8", "/api/cases/save-step", &json_headers, vec![b'{', 0xff, 0xfe, b'}'], 400),
        (
            "wrong types",
            "/api/cases/save-step",
            &json_headers,
            br#"{"id":"one","revision":[],"step":5,"answers":"x"}"#.to_vec(),
            400,
        ),
        ("id 2^63", "/api/review/summary", &form_headers, b"id=9223372036854775808".to_vec(), 400),
        ("not a number", "/api/cases/list", &form_headers, b"filter[page]=x".to_vec(), 400),
    ];
    for (what, uri, headers, body, expected) in cases {
        let (status, _, text) = raw(&app, "POST", uri, headers, body).await;
        assert_eq!(status, expected, "{what}: {text}");
        assert!(!text.is_empty() && text.len() < 2000, "{what}: a short message: {text}");
    }
    let (status, _, text) = raw(&app, "GET", "/api/v1/cases?page=x", &[("cookie", &c)], Vec::new()).await;
    assert!(status == 400 || status == 422, "{status} {text}");
    let (status, _, text) = raw(&app, "GET", "/api/v1/cases?page=4294967295", &[("cookie", &c)], Vec::new()).await;
    assert_eq!(status, 422, "{text}");
    let (status, h, text) = raw(&app, "GET", "/api/v1/cases/abc", &[("cookie", &c)], Vec::new()).await;
    assert_eq!(status, 400, "{text}");
    assert!(
        h.get("content-type").unwrap().to_str().unwrap().starts_with("application/json"),
        "a JSON error the document lists"
    );
    // A NUL: refused with words on both databases, nothing stored.
    let save = crate::wizard::save(&case, 1, "case", json!({ "office": "Nai\u{0}robi" }));
    let r = call_json(&app, "cases/save-step", Some(&ana), save).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("control characters"), "{}", r.body);
    let r = call(&app, "review/comment", Some(&ana), &[("id", &case), ("body", "bell\u{7}")]).await;
    assert_eq!(r.status, 422, "{}", r.body);
    let (status, _, _) = raw(&app, "GET", "/api/v1/cases?q=a%00b", &[("cookie", &c)], Vec::new()).await;
    assert_eq!(status, 400);
    let (status, _, _) = raw(&app, "GET", "/api/v1/cases?country=%00K", &[("cookie", &c)], Vec::new()).await;
    assert_eq!(status, 400);
    // Line breaks typed in a browser (CR LF) are kept as line breaks.
    let save = crate::wizard::save(&case, 1, "case", json!({ "office": "Nairobi\r\nsecond line" }));
    let r = call_json(&app, "cases/save-step", Some(&ana), save).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let answers: String = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT answers FROM cases WHERE id = $1").bind(case.parse::<i64>().unwrap()).fetch_one(pool).await.unwrap());
    assert!(answers.contains("Nairobi\\nsecond line"), "{answers}");
}
on_both_backends!(bad_input_gets_a_clear_4xx_never_a_500);

/// Item 14: signed-out calls, forwarded hosts without a configured proxy, and cross-site downloads.
async fn signed_out_and_cross_site_requests_are_refused(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "mgr@un.org", &[Role::Manager], None, &["KE"]).await;
    make_user(&t.db, "ana@un.org", &[Role::Assessor], None, &["KE"]).await;
    assert_eq!(call(&app, "methodology/current", None, &[]).await.status, 401);
    let ana = sign_in(&app, "ana@un.org").await;
    assert_eq!(call(&app, "methodology/current", Some(&ana), &[]).await.status, 200);
    let case = create_draft(&app, &ana, "KE").await;
    // The print header names the case to those who may read it, and to nobody else.
    let css = raw(&app, "GET", &format!("/cases/{case}/print.css"), &[("cookie", &cookie(&ana))], Vec::new()).await;
    assert!(css.2.contains("HRDD risk summary · KE-"), "{}", css.2);
    make_user(&t.db, "ug@un.org", &[Role::Assessor], None, &["UG"]).await;
    let ug = sign_in(&app, "ug@un.org").await;
    let css = raw(&app, "GET", &format!("/cases/{case}/print.css"), &[("cookie", &cookie(&ug))], Vec::new()).await;
    assert_eq!((css.0, css.2.as_str()), (200, ""));
    // A foreign Origin whose host is named in X-Forwarded-Host: no proxy is configured, so refused.
    let (status, _, _) = raw(
        &app,
        "POST",
        "/api/review/comment",
        &[
            ("origin", "https://evil.example"),
            ("x-forwarded-host", "evil.example"),
            ("content-type", "application/x-www-form-urlencoded"),
            ("cookie", &cookie(&ana)),
        ],
        format!("id={case}&body=forged").into_bytes(),
    )
    .await;
    assert_eq!(status, 403);
    // The audited download, triggered from another site with the session cookie: refused, nothing written.
    let mgr = sign_in(&app, "mgr@un.org").await;
    let count = || async {
        with_pool!(&t.db, pool => sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM audit_events WHERE action = 'EXPORTED'").fetch_one(pool).await.unwrap())
    };
    let uri = format!("/api/v1/cases/{case}/summary.json");
    let (status, _, _) =
        raw(&app, "GET", &uri, &[("cookie", &cookie(&mgr)), ("sec-fetch-site", "cross-site")], Vec::new()).await;
    assert_eq!(status, 403);
    assert_eq!(count().await, 0);
    let (status, _, _) =
        raw(&app, "GET", &uri, &[("cookie", &cookie(&mgr)), ("sec-fetch-site", "same-origin")], Vec::new()).await;
    assert_eq!(status, 200);
    assert_eq!(count().await, 1);
}
on_both_backends!(signed_out_and_cross_site_requests_are_refused);
