//! Saving one wizard step with 10,000 cases in the SQLite database (target: p99 under 10 ms).
//! Run with `cargo bench --features ssr --bench save_step`; figures go to docs/BENCHMARKS.md.
//!
//! The request goes through the whole router in-process (session lookup, CSRF check, server
//! function, revision check, engine on the merged draft, the UPDATE + revision INSERT transaction),
//! without the network; the load harness of issue 8 measures over loopback.

/// Runs `$body` with `$pool` bound to the concrete pool of a store: the benchmark reads and
/// prepares rows directly.
macro_rules! with_pool {
    ($db:expr, $pool:ident => $body:expr) => {
        match &$db.pool {
            hrdd::store::Pool::Sqlite($pool) => $body,
            hrdd::store::Pool::Postgres($pool) => $body,
        }
    };
}

use hrdd::methodology::{load_registry_from_dir, methodology_dir};
use hrdd::serve::router;
use hrdd::store::Store;
use hrdd::web::http::AppState;
use leptos::prelude::LeptosOptions;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower::ServiceExt;

const CASES: u64 = 10_000;
const SAVES: usize = 2_000;

async fn post(
    app: &axum::Router,
    uri: &str,
    cookie: Option<&str>,
    content_type: &str,
    body: String,
) -> (u16, Vec<String>, String) {
    let mut req = axum::http::Request::builder()
        .method("POST")
        .uri(uri)
        .header("host", "bench.test")
        .header("origin", "http://bench.test")
        .header("content-type", content_type);
    if let Some(c) = cookie {
        req = req.header("cookie", format!("hrdd_session={c}"));
    }
    let res = app.clone().oneshot(req.body(axum::body::Body::from(body)).unwrap()).await.unwrap();
    let status = res.status().as_u16();
    let cookies =
        res.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).map(String::from).collect();
    let bytes = axum::body::to_bytes(res.into_body(), 1 << 24).await.unwrap();
    (status, cookies, String::from_utf8_lossy(&bytes).into_owned())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("save-step.sqlite");
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
        }
        let db = Store::connect(&format!("sqlite://{}", file.display())).await.unwrap();
        db.migrate().await.unwrap();
        let registry = load_registry_from_dir(&methodology_dir()).unwrap();
        hrdd::server::demo::seed(&db).await.unwrap();
        let started = Instant::now();
        let report = hrdd::services::seed::seed_cases(&db, &registry, CASES, 1).await.unwrap();
        println!("seeded {CASES} cases ({} versions in every workflow state) in {:.1} s", report.rows(), started.elapsed().as_secs_f64());

        let app = router(AppState {
            leptos_options: LeptosOptions::builder().output_name("hrdd").site_root("target/site").build(),
            db: db.clone(),
            registry: Arc::new(registry),
            cookies: hrdd::web::session::CookiePolicy { secure: false },
            demo: hrdd::server::config::DemoMode(true),
            portfolio_cache: Default::default(),
            sessions: Default::default(),
            tokens: Default::default(),
            pages: Default::default(),
            books: Default::default(),
            setup: hrdd::accounts::setup::SetupCode::none(),
        });
        let login = format!("email={}&password={}", "assessor%40demo.hrdd", hrdd::accounts::DEMO_PASSWORD);
        let (status, cookies, _) = post(&app, "/api/session/login", None, "application/x-www-form-urlencoded", login).await;
        assert!(status < 400, "sign-in failed: {status}");
        let token = cookies.iter().find_map(|c| c.strip_prefix("hrdd_session=")).map(|c| c.split(';').next().unwrap().to_string()).expect("session cookie");
        let (id, mut revision): (i64, i64) = with_pool!(&db, pool => sqlx::query_as("SELECT id, revision FROM cases WHERE state = 'DRAFT' AND country = 'KE' AND valid = TRUE ORDER BY id DESC LIMIT 1").fetch_one(pool).await.unwrap());

        let mut times = Vec::with_capacity(SAVES);
        for n in 0..SAVES {
            let (step, answers) = if n % 2 == 0 {
                ("case", json!({"office": format!("Country Office {n}")}))
            } else {
                ("country", json!({"armed_conflict_or_peace_operation": n % 4 == 1}))
            };
            let body = json!({"id": id, "revision": revision, "step": step, "answers": answers}).to_string();
            let t = Instant::now();
            let (status, _, reply) = post(&app, "/api/cases/save-step", Some(&token), "application/json", body).await;
            times.push(t.elapsed());
            assert_eq!(status, 200, "{reply}");
            let out: Value = serde_json::from_str(&reply).unwrap();
            revision = out["Saved"]["revision"].as_i64().expect("saved");
        }
        times.sort();
        println!(
            "save-step ({SAVES} saves, one client, {CASES} cases, SQLite): p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            percentile(&times, 0.50).as_secs_f64() * 1e3,
            percentile(&times, 0.95).as_secs_f64() * 1e3,
            percentile(&times, 0.99).as_secs_f64() * 1e3,
            times.last().unwrap().as_secs_f64() * 1e3,
        );
    });
}
