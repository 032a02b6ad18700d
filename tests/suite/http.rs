//! The HTTP surface of the foundation: health check, shell, 404, methodology page — on both databases.

use crate::common::*;
use crate::on_both_backends;

async fn healthz_reports_backend_version_and_migrations(t: TestDb) {
    let app = app(&t.db);
    let (status, body) = get(&app, "/healthz").await;
    assert_eq!(status, 200, "{body}");
    let health: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(health["status"], "ok");
    assert_eq!(health["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(health["database"], t.db.backend().as_str());
    assert_eq!(health["migrations"], t.db.known_migrations() as i64);
    assert!(t.db.known_migrations() >= 1);
}
on_both_backends!(healthz_reports_backend_version_and_migrations);

async fn healthz_is_503_when_the_database_is_gone(t: TestDb) {
    let app = app(&t.db);
    t.db.close().await;
    let (status, body) = get(&app, "/healthz").await;
    assert_eq!(status, 503);
    assert!(body.contains("database_unavailable"), "{body}");
}
on_both_backends!(healthz_is_503_when_the_database_is_gone);

async fn migrations_are_idempotent(t: TestDb) {
    t.db.migrate().await.expect("second run is a no-op");
    assert_eq!(t.db.applied_migrations().await.unwrap(), t.db.known_migrations() as i64);
}
on_both_backends!(migrations_are_idempotent);

async fn home_page_renders_the_shell(t: TestDb) {
    let (status, body) = get(&app(&t.db), "/").await;
    assert_eq!(status, 200);
    for needle in [
        "<html lang=\"en\"",
        "/pkg/hrdd.css",
        "Human-rights due diligence",
        "Skip to content",
        "data-testid=\"risk-matrix\"",
        env!("CARGO_PKG_VERSION"),
    ] {
        assert!(body.contains(needle), "home page lacks {needle:?}");
    }
}
on_both_backends!(home_page_renders_the_shell);

/// Pages without an island are never hydrated: the data their server components loaded stays on the
/// server instead of travelling in the page as serialized resources. The wizard, an island, still
/// gets its props.
async fn pages_without_islands_carry_no_serialized_data(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "ana@un.org", &[hrdd::accounts::Role::Assessor], None, &["KE"]).await;
    let ana = sign_in(&app, "ana@un.org").await;
    let id = create_draft(&app, &ana, "KE").await;
    for path in ["/".to_string(), "/cases".into(), format!("/cases/{id}"), "/review".into(), "/account".into()] {
        let r = send(&app, "GET", &path, Some(&ana), None, None).await;
        assert_eq!(r.status, 200, "{path}");
        assert!(r.body.contains("Police support") || !path.starts_with("/cases"), "{path} shows the case");
        assert!(!r.body.contains("__RESOLVED_RESOURCES[0]"), "{path} carries serialized resources");
    }
    let r = send(&app, "GET", &format!("/cases/{id}/edit/case"), Some(&ana), None, None).await;
    assert!(r.body.contains("<leptos-island"), "the wizard is an island with its props");
}
on_both_backends!(pages_without_islands_carry_no_serialized_data);

async fn unknown_pages_are_404_with_a_helpful_message(t: TestDb) {
    let (status, body) = get_as(&t.db, &app(&t.db), hrdd::accounts::Role::Assessor, "/no/such/page").await;
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"), "{body}");
}
on_both_backends!(unknown_pages_are_404_with_a_helpful_message);

async fn methodology_page_lists_areas_and_hard_rules_from_the_catalogue(t: TestDb) {
    let (status, body) = get_as(&t.db, &app(&t.db), hrdd::accounts::Role::Manager, "/methodology").await;
    assert_eq!(status, 200);
    for needle in [
        "Death penalty for drug offences",
        "Credible and effective assurances",
        "Four-eyes on lowering",
        "CAT arts 1, 2, 16",
    ] {
        assert!(body.contains(needle), "methodology page lacks {needle:?}");
    }
}
on_both_backends!(methodology_page_lists_areas_and_hard_rules_from_the_catalogue);

/// Pages go out compressed for browsers that accept it (and plain for those that do not); they
/// are never cached, whatever the encoding.
async fn pages_are_compressed_when_the_browser_accepts_it(t: TestDb) {
    use tower::ServiceExt;
    let app = app(&t.db);
    for (accept, expected) in [("br", Some("br")), ("gzip", Some("gzip")), ("identity", None)] {
        let request = axum::http::Request::builder()
            .uri("/")
            .header("host", "hrdd.test")
            .header("accept-encoding", accept)
            .body(axum::body::Body::empty())
            .unwrap();
        let response = app.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), 200);
        let encoding = response.headers().get("content-encoding").and_then(|v| v.to_str().ok()).map(String::from);
        assert_eq!(encoding.as_deref(), expected, "Accept-Encoding: {accept}");
        assert_eq!(response.headers().get("cache-control").unwrap(), "no-store");
    }
}
on_both_backends!(pages_are_compressed_when_the_browser_accepts_it);

/// Another server starting in the same process (as every test here does) never stalls a page
/// being rendered. Listing a router's routes runs the app with resource loading switched off for
/// the whole process (leptos-rs/leptos#4773): a page whose resource first ran in that moment never
/// answered, and the suite failed now and then on a page that "did not answer within 90 s".
async fn pages_answer_while_other_servers_start(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "kept-busy@un.org", &[hrdd::accounts::Role::Assessor], None, &["KE"]).await;
    let token = sign_in(&app, "kept-busy@un.org").await;
    let db = t.db.clone();
    let starting = tokio::task::spawn_blocking(move || {
        for _ in 0..300 {
            drop(crate::common::app(&db));
        }
    });
    for round in 0..300 {
        let page = send(&app, "GET", "/reference/countries", Some(&token), None, None);
        let reply = tokio::time::timeout(std::time::Duration::from_secs(30), page)
            .await
            .unwrap_or_else(|_| panic!("round {round}: the page never answered while other servers started"));
        assert_eq!(reply.status, 200, "round {round}: {}", reply.body);
        assert!(reply.body.contains("Country reference data"), "round {round}");
        if starting.is_finished() && round > 20 {
            break;
        }
    }
    starting.await.expect("the other servers started");
}
on_both_backends!(pages_answer_while_other_servers_start);
