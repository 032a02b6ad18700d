//! Accounts: users, sign-in, sessions, throttling, CSRF and the page guard — on both databases.

use crate::common::*;
use crate::on_both_backends;
use hrdd::accounts::Role;
use hrdd::services::accounts as service;

async fn sign_in_sets_a_hardened_cookie_and_sign_out_ends_the_session(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "ana@un.org", &[Role::Assessor], None, &["KE"]).await;
    let reply = call(&app, "session/login", None, &[("email", "Ana@UN.org"), ("password", PASSWORD)]).await;
    assert!(reply.status < 400, "{} {}", reply.status, reply.body);
    let cookie = reply.set_cookie.iter().find(|c| c.starts_with("hrdd_session=")).expect("cookie set");
    for attr in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
        assert!(cookie.contains(attr), "cookie lacks {attr}: {cookie}");
    }
    let token = session_token(&reply).unwrap();
    let me = call(&app, "session/current", Some(&token), &[]).await;
    assert!(me.body.contains("ana@un.org"), "{}", me.body);

    let out = call(&app, "session/logout", Some(&token), &[]).await;
    assert!(out.set_cookie.iter().any(|c| c.starts_with("hrdd_session=;") && c.contains("Max-Age=0")));
    let me = call(&app, "session/current", Some(&token), &[]).await;
    assert!(me.body.contains("\"user\":null"), "{}", me.body);
}
on_both_backends!(sign_in_sets_a_hardened_cookie_and_sign_out_ends_the_session);

async fn unknown_user_and_wrong_password_get_the_same_message(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "ana@un.org", &[Role::Assessor], None, &["KE"]).await;
    let wrong = call(&app, "session/login", None, &[("email", "ana@un.org"), ("password", "wrong password!!")]).await;
    let unknown =
        call(&app, "session/login", None, &[("email", "nobody@un.org"), ("password", "wrong password!!")]).await;
    assert_eq!(wrong.status, 422);
    assert_eq!(wrong.status, unknown.status);
    assert_eq!(wrong.body, unknown.body);
    assert!(wrong.body.contains(service::BAD_CREDENTIALS));
    assert!(session_token(&wrong).is_none());
}
on_both_backends!(unknown_user_and_wrong_password_get_the_same_message);

/// Throttling slows guessing without locking anyone out (issue: five failures used to lock the
/// account for its owner everywhere, and failures on made-up e-mails locked a whole office).
async fn failed_sign_ins_slow_down_one_account_at_one_address_only(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "ana@un.org", &[Role::Assessor], None, &["KE"]).await;
    make_user(&t.db, "ben@un.org", &[Role::Assessor], None, &["KE"]).await;
    let attacker = "203.0.113.9";
    let wrong = |ip: &'static str| service::authenticate(&t.db, "ana@un.org", "not the password", ip);
    for _ in 0..service::FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS {
        assert_eq!(wrong(attacker).await.unwrap_err().status(), 422);
    }
    // From the attacker's address even the right password now waits, with the time in the message.
    let err = service::authenticate(&t.db, "ana@un.org", PASSWORD, attacker).await.unwrap_err();
    assert_eq!(err.status(), 429, "{err}");
    assert!(err.to_string().contains("wait 5 seconds"), "{err}");
    // The owner at their own address signs in at once, and so does a colleague behind the attacker's NAT.
    assert!(service::authenticate(&t.db, "ana@un.org", PASSWORD, "198.51.100.20").await.is_ok());
    assert!(service::authenticate(&t.db, "ben@un.org", PASSWORD, attacker).await.is_ok());
    // The wait doubles with each further failure (counted once the previous wait is over).
    let earlier = chrono::Utc::now() - chrono::Duration::seconds(6);
    with_pool!(&t.db, pool => sqlx::query("UPDATE sign_in_attempts SET at = $1 WHERE ip = $2").bind(earlier).bind(attacker).execute(pool).await.unwrap().rows_affected());
    assert_eq!(wrong(attacker).await.unwrap_err().status(), 422);
    let err = service::authenticate(&t.db, "ana@un.org", PASSWORD, attacker).await.unwrap_err();
    assert!(err.to_string().contains("wait 10 seconds"), "{err}");
    // A success clears the count for that account and address.
    with_pool!(&t.db, pool => sqlx::query("UPDATE sign_in_attempts SET at = $1 WHERE ip = $2").bind(chrono::Utc::now() - chrono::Duration::seconds(11)).bind(attacker).execute(pool).await.unwrap().rows_affected());
    assert!(service::authenticate(&t.db, "ana@un.org", PASSWORD, attacker).await.is_ok());
    assert_eq!(wrong(attacker).await.unwrap_err().status(), 422, "counting starts again");
    // Failures on made-up e-mails: an address gets 30 before it must wait, and then only it waits.
    let sprayer = "192.0.2.66";
    for i in 0..service::FREE_FAILURES_PER_ADDRESS {
        let email = format!("nobody{i}@un.org");
        assert_eq!(service::authenticate(&t.db, &email, "guess guess guess", sprayer).await.unwrap_err().status(), 422);
    }
    assert_eq!(service::authenticate(&t.db, "ben@un.org", PASSWORD, sprayer).await.unwrap_err().status(), 429);
    assert!(service::authenticate(&t.db, "ben@un.org", PASSWORD, "192.0.2.67").await.is_ok());
    // Throttled attempts are recorded, and failures older than 15 minutes no longer count.
    let throttled: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM sign_in_attempts WHERE throttled = $1").bind(true).fetch_one(pool).await.unwrap());
    assert_eq!(throttled, 3);
    let old = chrono::Utc::now() - chrono::Duration::minutes(16);
    with_pool!(&t.db, pool => sqlx::query("UPDATE sign_in_attempts SET at = $1").bind(old).execute(pool).await.unwrap().rows_affected());
    assert!(service::authenticate(&t.db, "ben@un.org", PASSWORD, sprayer).await.is_ok());
    // Through the sign-in form the throttled reply is a 429 with the same words.
    for _ in 0..3 {
        call(&app, "session/login", None, &[("email", "ana@un.org"), ("password", "not the password")]).await;
    }
    let r = call(&app, "session/login", None, &[("email", "ana@un.org"), ("password", PASSWORD)]).await;
    assert_eq!(r.status, 429, "{}", r.body);
    assert!(session_token(&r).is_none());
}
on_both_backends!(failed_sign_ins_slow_down_one_account_at_one_address_only);

#[test]
fn only_the_configured_proxy_hops_are_trusted_for_the_client_address() {
    use hrdd::web::session::client_address;
    let peer = Some("10.0.0.5".parse().unwrap());
    // No proxy configured: X-Forwarded-For is the client's own claim and is ignored.
    assert_eq!(client_address(Some("1.2.3.4"), peer, 0), "10.0.0.5");
    // One proxy appends the address it saw: the rightmost entry; what the client wrote is ignored.
    assert_eq!(client_address(Some("6.6.6.6, 1.2.3.4"), peer, 1), "1.2.3.4");
    assert_eq!(client_address(Some("9.9.9.9, 6.6.6.6, 1.2.3.4, 10.1.1.1"), peer, 2), "1.2.3.4");
    // Fewer entries than proxies, or garbage: the connection's address.
    assert_eq!(client_address(None, peer, 1), "10.0.0.5");
    assert_eq!(client_address(Some("not-an-ip"), peer, 1), "10.0.0.5");
    assert!(hrdd::server::config::parse_proxy_hops(Some("two")).is_err());
    assert_eq!(hrdd::server::config::parse_proxy_hops(Some("1")).unwrap(), 1);
    assert_eq!(hrdd::server::config::parse_proxy_hops(None).unwrap(), 0);
}

async fn sessions_expire_after_idle_and_absolute_timeouts(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "ana@un.org", &[Role::Assessor], None, &["KE"]).await;
    let token = sign_in(&app, "ana@un.org").await;
    let idle = chrono::Utc::now() - chrono::Duration::hours(9);
    with_pool!(&t.db, pool => sqlx::query("UPDATE sessions SET last_seen_at = $1").bind(idle).execute(pool).await.unwrap().rows_affected());
    let r = send(&app, "GET", "/methodology", Some(&token), None, None).await;
    assert_eq!(r.status, 303, "idle session must be gone");
    assert!(r.set_cookie.iter().any(|c| c.contains("Max-Age=0")), "stale cookie is cleared");

    let token = sign_in(&app, "ana@un.org").await;
    let created = chrono::Utc::now() - chrono::Duration::hours(25);
    let now = chrono::Utc::now();
    with_pool!(&t.db, pool => sqlx::query("UPDATE sessions SET created_at = $1, last_seen_at = $2").bind(created).bind(now).execute(pool).await.unwrap().rows_affected());
    let r = send(&app, "GET", "/methodology", Some(&token), None, None).await;
    assert_eq!(r.status, 303, "a session older than 24 hours must be gone");
}
on_both_backends!(sessions_expire_after_idle_and_absolute_timeouts);

async fn deactivation_and_password_change_revoke_all_sessions(t: TestDb) {
    let app = app(&t.db);
    let id = make_user(&t.db, "ana@un.org", &[Role::Assessor], None, &["KE"]).await;
    let a = sign_in(&app, "ana@un.org").await;
    let b = sign_in(&app, "ana@un.org").await;
    assert_ne!(a, b, "every sign-in gets a fresh session id");
    service::set_active(&t.db, id, false, &service::ChangedBy::command_line("test")).await.unwrap();
    for token in [&a, &b] {
        assert_eq!(send(&app, "GET", "/methodology", Some(token), None, None).await.status, 303);
    }
    let r = call(&app, "session/login", None, &[("email", "ana@un.org"), ("password", PASSWORD)]).await;
    assert!(session_token(&r).is_none(), "a deactivated user cannot sign in");

    service::set_active(&t.db, id, true, &service::ChangedBy::command_line("test")).await.unwrap();
    let c = sign_in(&app, "ana@un.org").await;
    let changed = call(
        &app,
        "account/password",
        Some(&c),
        &[("current", PASSWORD), ("new_password", "a brand new passphrase"), ("confirm", "a brand new passphrase")],
    )
    .await;
    assert!(changed.status < 400, "{} {}", changed.status, changed.body);
    assert_eq!(
        send(&app, "GET", "/methodology", Some(&c), None, None).await.status,
        303,
        "old session ends with the password"
    );
    let fresh = session_token(&changed).expect("the password change signs in afresh");
    assert_eq!(send(&app, "GET", "/methodology", Some(&fresh), None, None).await.status, 200);
}
on_both_backends!(deactivation_and_password_change_revoke_all_sessions);

async fn sign_in_rotates_an_existing_session(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "ana@un.org", &[Role::Assessor], None, &["KE"]).await;
    let old = sign_in(&app, "ana@un.org").await;
    let reply = call(&app, "session/login", Some(&old), &[("email", "ana@un.org"), ("password", PASSWORD)]).await;
    let new = session_token(&reply).unwrap();
    assert_ne!(old, new);
    assert_eq!(
        send(&app, "GET", "/methodology", Some(&old), None, None).await.status,
        303,
        "the pre-sign-in id is dead"
    );
}
on_both_backends!(sign_in_rotates_an_existing_session);

async fn password_rules_and_bad_input_get_clear_messages(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "ana@un.org", &[Role::Assessor], None, &["KE"]).await;
    let token = sign_in(&app, "ana@un.org").await;
    let short = call(
        &app,
        "account/password",
        Some(&token),
        &[("current", PASSWORD), ("new_password", "too short"), ("confirm", "too short")],
    )
    .await;
    assert_eq!(short.status, 422);
    assert!(short.body.contains("new_password") && short.body.contains("12 characters"), "{}", short.body);
    let mismatch = call(
        &app,
        "account/password",
        Some(&token),
        &[("current", PASSWORD), ("new_password", "long enough password"), ("confirm", "long enough passw0rd")],
    )
    .await;
    assert!(mismatch.body.contains("confirm"), "{}", mismatch.body);
    let long_email = format!("{}@un.org", "a".repeat(300));
    let r = call(&app, "session/login", None, &[("email", &long_email), ("password", "whatever it is")]).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("too long"), "{}", r.body);
}
on_both_backends!(password_rules_and_bad_input_get_clear_messages);

async fn temporary_password_forces_a_change_first(t: TestDb) {
    let app = app(&t.db);
    let id = make_user(&t.db, "ana@un.org", &[Role::Assessor], None, &["KE"]).await;
    let temp = hrdd::accounts::NewPassword::parse("temporary pass 123").unwrap();
    service::set_password(&t.db, id, &temp, true, &service::ChangedBy::command_line("test")).await.unwrap();
    let reply = call(&app, "session/login", None, &[("email", "ana@un.org"), ("password", "temporary pass 123")]).await;
    let token = session_token(&reply).unwrap();
    let page = send(&app, "GET", "/methodology", Some(&token), None, None).await;
    assert_eq!((page.status, page.location.as_deref()), (303, Some("/account/password")));
    assert_eq!(send(&app, "GET", "/account/password", Some(&token), None, None).await.status, 200);
}
on_both_backends!(temporary_password_forces_a_change_first);

async fn cross_site_posts_are_refused(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "admin@un.org", &[Role::Admin], None, &[]).await;
    let token = sign_in(&app, "admin@un.org").await;
    let evil = send(&app, "POST", "/api/admin/users/list", Some(&token), Some(&[]), Some("https://evil.example")).await;
    assert_eq!(evil.status, 403);
    assert!(evil.body.contains("cross-site"));
    let no_origin = send(&app, "POST", "/api/admin/users/list", Some(&token), Some(&[]), None).await;
    assert_eq!(no_origin.status, 403, "a cookie-bearing POST without Origin or Referer is refused");
    let same = send(&app, "POST", "/api/admin/users/list", Some(&token), Some(&[]), Some(ORIGIN)).await;
    assert_eq!(same.status, 200, "{}", same.body);
}
on_both_backends!(cross_site_posts_are_refused);

async fn signed_out_visitors_are_sent_to_login_except_home_and_health(t: TestDb) {
    let app = app(&t.db);
    for path in ["/methodology", "/admin/users", "/account/password", "/no/such/page"] {
        let r = send(&app, "GET", path, None, None, None).await;
        assert_eq!(r.status, 303, "{path}");
        assert_eq!(r.location.as_deref(), Some(format!("/login?next={path}").as_str()));
    }
    for path in ["/", "/healthz", "/login"] {
        assert_eq!(send(&app, "GET", path, None, None, None).await.status, 200, "{path}");
    }
}
on_both_backends!(signed_out_visitors_are_sent_to_login_except_home_and_health);

async fn admin_creates_users_with_validated_fields(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "admin@un.org", &[Role::Admin], None, &[]).await;
    let admin = sign_in(&app, "admin@un.org").await;
    let base = [
        ("email", "new.reviewer@un.org"),
        ("name", "Nia Reviewer"),
        ("role_reviewer", "on"),
        ("approval_level", "2"),
        ("countries", "ke, ug"),
        ("temporary_password", "temporary pass 123"),
    ];
    let ok = call(&app, "admin/users/create", Some(&admin), &base).await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    let users = service::list_users(&t.db).await.unwrap();
    let nia = &users.iter().find(|u| u.user.email == "new.reviewer@un.org").unwrap().user;
    assert_eq!((nia.approval_level, nia.must_change_password), (Some(2), true));
    assert_eq!(nia.scope, hrdd::accounts::CountryScope::Countries(vec!["KE".into(), "UG".into()]));

    let dup = call(&app, "admin/users/create", Some(&admin), &base).await;
    assert!(dup.status == 422 && dup.body.contains("already exists"), "{}", dup.body);
    let mut no_level = base.to_vec();
    no_level[0] = ("email", "x@un.org");
    no_level[3] = ("approval_level", "");
    let r = call(&app, "admin/users/create", Some(&admin), &no_level).await;
    assert!(r.body.contains("approval_level"), "{}", r.body);
    let mut bad_country = base.to_vec();
    bad_country[0] = ("email", "y@un.org");
    bad_country[4] = ("countries", "Kenya");
    let r = call(&app, "admin/users/create", Some(&admin), &bad_country).await;
    assert!(r.body.contains("countries") && r.body.contains("Kenya"), "{}", r.body);
    let mut short = base.to_vec();
    short[0] = ("email", "z@un.org");
    short[5] = ("temporary_password", "short");
    let r = call(&app, "admin/users/create", Some(&admin), &short).await;
    assert!(r.body.contains("temporary_password"), "{}", r.body);

    // Everything wrong at once: every field gets its message in one answer, nothing is created.
    let before = service::list_users(&t.db).await.unwrap().len();
    let all_wrong = [
        ("email", "not an address"),
        ("name", " "),
        ("role_reviewer", "on"),
        ("approval_level", ""),
        ("countries", ""),
        ("temporary_password", "short"),
    ];
    let r = call(&app, "admin/users/create", Some(&admin), &all_wrong).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("invalid_fields"), "all at once: {}", r.body);
    for field in ["\"email\"", "\"name\"", "\"approval_level\"", "\"countries\"", "\"temporary_password\""] {
        assert!(r.body.contains(field), "{field} is reported: {}", r.body);
    }
    assert_eq!(service::list_users(&t.db).await.unwrap().len(), before);
}
on_both_backends!(admin_creates_users_with_validated_fields);

async fn admins_cannot_lock_themselves_out(t: TestDb) {
    let app = app(&t.db);
    let id = make_user(&t.db, "admin@un.org", &[Role::Admin], None, &[]).await;
    let admin = sign_in(&app, "admin@un.org").await;
    let r = call(&app, "admin/users/active", Some(&admin), &[("id", &id.to_string()), ("active", "false")]).await;
    assert_eq!(r.status, 422, "deactivation asks for a confirmation first: {}", r.body);
    let r = call(
        &app,
        "admin/users/active",
        Some(&admin),
        &[("id", &id.to_string()), ("active", "false"), ("confirm", "yes")],
    )
    .await;
    assert_eq!(r.status, 403);
    let r = call(
        &app,
        "admin/users/update",
        Some(&admin),
        &[("id", &id.to_string()), ("name", "Admin"), ("role_manager", "on"), ("countries", "KE")],
    )
    .await;
    assert_eq!(r.status, 422, "{}", r.body);
}
on_both_backends!(admins_cannot_lock_themselves_out);

/// First run in the browser: with the printed code (and only with it) the first visitor creates
/// the first administrator; the code works once, a typo in another field does not use it up, and
/// nobody can use it after an account exists.
async fn the_first_administrator_is_created_once_with_the_set_up_code(t: TestDb) {
    let (setup, code) = hrdd::accounts::setup::SetupCode::issue();
    let app = app_with_setup(&t.db, setup);
    let status = call(&app, "setup/status", None, &[]).await;
    assert_eq!(status.body.trim(), "true", "{}", status.body);
    let (page_status, page) = get(&app, "/setup").await;
    assert_eq!(page_status, 200);
    assert!(page.contains("Set-up code"), "the set-up page is public on first run");
    let form = |code: &str, password_again: &str| {
        vec![
            ("code".to_string(), code.to_string()),
            ("name".to_string(), "Ada Admin".to_string()),
            ("email".to_string(), "ada@un.org".to_string()),
            ("password".to_string(), PASSWORD.to_string()),
            ("password_again".to_string(), password_again.to_string()),
        ]
    };
    let post = |fields: Vec<(String, String)>| {
        let app = app.clone();
        async move {
            let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            call(&app, "setup/first-admin", None, &pairs).await
        }
    };
    let wrong = post(form("AAAA-BBBB-CCCC", PASSWORD)).await;
    assert_eq!(wrong.status, 422, "{}", wrong.body);
    assert!(wrong.body.contains("\"code\""), "the error is next to the code field: {}", wrong.body);
    let mut empty = form("", PASSWORD);
    empty[1].1 = String::new();
    let all = post(empty).await;
    assert_eq!(all.status, 422, "{}", all.body);
    assert!(all.body.contains("\"code\"") && all.body.contains("\"name\""), "every problem at once: {}", all.body);
    let typo = post(form(&code, "another password entirely")).await;
    assert_eq!(typo.status, 422, "{}", typo.body);
    assert!(typo.body.contains("password_again"), "{}", typo.body);
    assert_eq!(service::user_count(&t.db).await.unwrap(), 0);
    let ok = post(form(&code.to_lowercase(), PASSWORD)).await;
    assert!(ok.status < 400, "{} {}", ok.status, ok.body);
    let users = service::list_users(&t.db).await.unwrap();
    assert_eq!(users.len(), 1);
    assert!(users[0].user.roles == vec![Role::Admin], "{:?}", users[0].user.roles);
    // The new administrator signs in; the code is spent.
    sign_in(&app, "ada@un.org").await;
    let again = post(form(&code, PASSWORD)).await;
    assert_eq!(again.status, 403, "{}", again.body);
    assert_eq!(call(&app, "setup/status", None, &[]).await.body.trim(), "false");
    // The account's history says how it was made.
    let history = service::account_history(&t.db, users[0].user.id).await.unwrap();
    assert!(format!("{history:?}").contains("first-run set-up"), "{history:?}");
}
on_both_backends!(the_first_administrator_is_created_once_with_the_set_up_code);

/// Without a pending code (accounts exist, or the server was not started on an empty database)
/// the set-up is refused.
async fn set_up_is_refused_without_a_pending_code(t: TestDb) {
    let app = app(&t.db);
    let r = call(
        &app,
        "setup/first-admin",
        None,
        &[
            ("code", "AAAA-BBBB-CCCC"),
            ("name", "Eve"),
            ("email", "eve@x.org"),
            ("password", PASSWORD),
            ("password_again", PASSWORD),
        ],
    )
    .await;
    assert_eq!(r.status, 403, "{}", r.body);
    assert_eq!(service::user_count(&t.db).await.unwrap(), 0);
}
on_both_backends!(set_up_is_refused_without_a_pending_code);

/// The portfolio through the read API, with a session cookie or a bearer token: 200 for a manager.
async fn reads_portfolio(app: &axum::Router, cookie: Option<&str>, bearer: Option<&str>) -> u16 {
    use tower::ServiceExt;
    let mut request = axum::http::Request::builder().uri("/api/v1/portfolio").header("host", "hrdd.test");
    if let Some(token) = cookie {
        request = request.header("cookie", format!("hrdd_session={token}"));
    }
    if let Some(token) = bearer {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    let response = app.clone().oneshot(request.body(axum::body::Body::empty()).unwrap()).await.expect("router answers");
    response.status().as_u16()
}

/// Polls `app` until the read answers `want`; fails after two seconds (issue 19: a change made on one
/// server reaches every other server sharing the database within two seconds).
async fn within_two_seconds(app: &axum::Router, cookie: Option<&str>, bearer: Option<&str>, want: u16, what: &str) {
    let start = std::time::Instant::now();
    loop {
        let status = reads_portfolio(app, cookie, bearer).await;
        if status == want {
            return;
        }
        assert!(start.elapsed() < std::time::Duration::from_secs(2), "{what}: still {status} after two seconds");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// Signed-in users are cached per server (issue 19). A change of roles, a deactivation and a
/// sign-out take effect on the next request to the server that made them, and within two seconds
/// on another server sharing the database, for sessions and access tokens alike.
async fn account_changes_reach_cached_sign_ins_at_once_here_and_within_two_seconds_elsewhere(t: TestDb) {
    let other = t.second_server();
    let (here, there) = (app(&t.db), app(&other));
    let by = service::ChangedBy::command_line("test");
    let id = make_user(&t.db, "mo@un.org", &[Role::Manager], None, &["KE"]).await;
    let spec = |roles: &[Role]| hrdd::accounts::UserSpec {
        name: "Mo".into(),
        roles: roles.to_vec(),
        approval_level: None,
        scope: hrdd::accounts::CountryScope::Countries(vec!["KE".into()]),
    };
    let cookie = sign_in(&here, "mo@un.org").await;
    let user = service::load_user(&t.db, id).await.unwrap().unwrap();
    let token = hrdd::services::tokens::create(&t.db, &user, "test", 30).await.unwrap().token;
    for app in [&here, &there] {
        for _ in 0..2 {
            assert_eq!(reads_portfolio(app, Some(&cookie), None).await, 200, "manager by session");
            assert_eq!(reads_portfolio(app, None, Some(&token)).await, 200, "manager by token");
        }
    }

    // Demoted: the portfolio is for managers and reviewers.
    service::update_user(&t.db, id, spec(&[Role::Assessor]), &by).await.unwrap();
    assert_eq!(reads_portfolio(&here, Some(&cookie), None).await, 403, "demoted, same server, session");
    assert_eq!(reads_portfolio(&here, None, Some(&token)).await, 403, "demoted, same server, token");
    within_two_seconds(&there, Some(&cookie), None, 403, "demoted, other server, session").await;
    within_two_seconds(&there, None, Some(&token), 403, "demoted, other server, token").await;

    // Promoted again, this time on the other server.
    service::update_user(&other, id, spec(&[Role::Manager]), &by).await.unwrap();
    assert_eq!(reads_portfolio(&there, Some(&cookie), None).await, 200, "promoted, same server");
    within_two_seconds(&here, Some(&cookie), None, 200, "promoted, other server").await;
    within_two_seconds(&here, None, Some(&token), 200, "promoted, other server, token").await;

    // Deactivated: every session and token ends.
    service::set_active(&t.db, id, false, &by).await.unwrap();
    assert_eq!(reads_portfolio(&here, Some(&cookie), None).await, 401, "deactivated, same server");
    assert_eq!(reads_portfolio(&here, None, Some(&token)).await, 401, "deactivated, same server, token");
    within_two_seconds(&there, Some(&cookie), None, 401, "deactivated, other server").await;
    within_two_seconds(&there, None, Some(&token), 401, "deactivated, other server, token").await;

    // Signed out on one server: the other server's cached session ends too.
    service::set_active(&t.db, id, true, &by).await.unwrap();
    let cookie = sign_in(&here, "mo@un.org").await;
    assert_eq!(reads_portfolio(&there, Some(&cookie), None).await, 200, "signed in again");
    let out = call(&here, "session/logout", Some(&cookie), &[]).await;
    assert!(out.status < 400, "{} {}", out.status, out.body);
    assert_eq!(reads_portfolio(&here, Some(&cookie), None).await, 401, "signed out, same server");
    within_two_seconds(&there, Some(&cookie), None, 401, "signed out, other server").await;
}
on_both_backends!(account_changes_reach_cached_sign_ins_at_once_here_and_within_two_seconds_elsewhere);

/// The summary page of a case waiting for a level-2 decision, as `cookie` sees it: whether it
/// offers the sign-off form.
async fn offers_sign_off(j: &crate::review::Journey, cookie: &str) -> bool {
    let page = send(&j.app, "GET", &format!("/cases/{}", j.id), Some(cookie), None, None).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("data-testid=\"sign-off-block\""), "the sign-off section is shown");
    page.body.contains("data-testid=\"sign-off-form\"")
}

async fn a_demoted_reviewer_loses_the_sign_off_button_on_the_next_request(t: TestDb) {
    let j = crate::review::submitted_case(&t).await;
    let by = service::ChangedBy::command_line("test");
    let users = service::list_users(&t.db).await.unwrap();
    let rev2 = users.iter().find(|u| u.user.email == "rev2@un.org").unwrap().user.clone();
    // Loaded twice so that the second answer comes from the cached sign-in.
    assert!(offers_sign_off(&j, &j.rev2).await && offers_sign_off(&j, &j.rev2).await, "level 2 may sign");

    let spec = |level: u8| hrdd::accounts::UserSpec {
        name: rev2.name.clone(),
        roles: rev2.roles.clone(),
        approval_level: Some(level),
        scope: rev2.scope.clone(),
    };
    service::update_user(&t.db, rev2.id, spec(1), &by).await.unwrap();
    assert!(!offers_sign_off(&j, &j.rev2).await, "level 1 may not sign a level-2 case");
    let page = send(&j.app, "GET", &format!("/cases/{}", j.id), Some(&j.rev2), None, None).await;
    assert!(page.body.contains("data-testid=\"sign-off-blocked\""), "and the page says why");

    service::update_user(&t.db, rev2.id, spec(2), &by).await.unwrap();
    assert!(offers_sign_off(&j, &j.rev2).await, "promoted again, the form is back");
}
on_both_backends!(a_demoted_reviewer_loses_the_sign_off_button_on_the_next_request);
