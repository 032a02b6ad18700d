//! The portfolio page with 100,000 seeded cases (target: p95 under 100 ms on SQLite and PostgreSQL).
//! Run with `cargo bench --features ssr --bench portfolio`; figures go to docs/BENCHMARKS.md.
//!
//! SQLite always; PostgreSQL too when `HRDD_BENCH_POSTGRES_URL` is set (a fresh schema is created).
//! `HRDD_BENCH_CASES` changes the number of cases (default 100,000).
//!
//! Each request goes through the whole router in-process — session lookup, the Leptos page rendered
//! server-side with its data (five aggregate queries), the HTML streamed out — without the network.
//! The dashboard is read with no filter (every country), with a country filter, and through the read API.
//! Pages reuse figures computed in the last 30 s (`PortfolioCache`), so the aggregates are also timed
//! on their own, uncached.

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
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower::ServiceExt;

const REQUESTS: usize = 200;
const UNCACHED: usize = 20;

async fn request(
    app: &axum::Router,
    method: &str,
    uri: &str,
    cookie: Option<&str>,
    body: String,
) -> (u16, Vec<String>, String) {
    let mut req = axum::http::Request::builder()
        .method(method)
        .uri(uri)
        .header("host", "bench.test")
        .header("origin", "http://bench.test")
        .header("content-type", "application/x-www-form-urlencoded");
    if let Some(c) = cookie {
        req = req.header("cookie", format!("hrdd_session={c}"));
    }
    let res = app.clone().oneshot(req.body(axum::body::Body::from(body)).unwrap()).await.unwrap();
    let status = res.status().as_u16();
    let cookies =
        res.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).map(String::from).collect();
    let bytes = axum::body::to_bytes(res.into_body(), 1 << 26).await.unwrap();
    (status, cookies, String::from_utf8_lossy(&bytes).into_owned())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

async fn measure(db: Store, backend: &str, cases: u64) {
    let registry = load_registry_from_dir(&methodology_dir()).unwrap();
    db.migrate().await.unwrap();
    hrdd::server::demo::seed(&db).await.unwrap();
    let started = Instant::now();
    let report = hrdd::services::seed::seed_cases(&db, &registry, cases, 1).await.unwrap();
    println!(
        "[{backend}] seeded {cases} cases ({} versions, {} decided, {} superseded) in {:.1} s",
        report.rows(),
        report.decided,
        report.superseded,
        started.elapsed().as_secs_f64()
    );
    if let hrdd::store::Pool::Postgres(pool) = &db.pool {
        sqlx::query("ANALYZE").execute(pool).await.unwrap();
    }
    // The aggregates themselves (five SQL queries, no cache), as a manager of every country.
    let manager_id: i64 = with_pool!(&db, pool => sqlx::query_scalar("SELECT id FROM users WHERE email = 'manager@demo.hrdd'").fetch_one(pool).await.unwrap());
    let manager = hrdd::services::accounts::load_user(&db, manager_id).await.unwrap().unwrap();
    for (what, filter) in [
        ("aggregates, all countries", hrdd::cases::CaseFilter::default()),
        ("aggregates, KE, decided", hrdd::cases::CaseFilter::default().with("country", "KE").with("state", "DECIDED")),
    ] {
        let mut times = Vec::new();
        for _ in 0..UNCACHED {
            let t = Instant::now();
            hrdd::services::portfolio::portfolio(&db, &registry, &manager, &filter).await.unwrap();
            times.push(t.elapsed());
        }
        times.sort();
        println!(
            "[{backend}] {what}, computed without cache ({UNCACHED} runs): p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
            ms(percentile(&times, 0.50)),
            ms(percentile(&times, 0.95)),
            ms(*times.last().unwrap()),
        );
    }
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
    let login = format!("email={}&password={}", "manager%40demo.hrdd", hrdd::accounts::DEMO_PASSWORD);
    let (status, cookies, _) = request(&app, "POST", "/api/session/login", None, login).await;
    assert!(status < 400, "sign-in failed: {status}");
    let token = cookies
        .iter()
        .find_map(|c| c.strip_prefix("hrdd_session="))
        .map(|c| c.split(';').next().unwrap().to_string())
        .expect("session cookie");
    for (what, uri) in [
        ("portfolio page, all countries", "/portfolio"),
        ("portfolio page, KE, decided", "/portfolio?country=KE&state=DECIDED"),
        ("portfolio page, support type ST3", "/portfolio?support_type=ST3"),
        ("read API /api/v1/portfolio", "/api/v1/portfolio"),
        ("case list drill-down (area DP at HIGH)", "/cases?area=DP&area_band=HIGH"),
    ] {
        // Warm-up (page cache, prepared statements).
        for _ in 0..5 {
            let (status, _, body) = request(&app, "GET", uri, Some(&token), String::new()).await;
            assert_eq!(status, 200, "{uri}: {body}");
        }
        let mut times = Vec::with_capacity(REQUESTS);
        let mut bytes = 0;
        for _ in 0..REQUESTS {
            let t = Instant::now();
            let (status, _, body) = request(&app, "GET", uri, Some(&token), String::new()).await;
            times.push(t.elapsed());
            assert_eq!(status, 200);
            bytes = body.len();
        }
        times.sort();
        println!(
            "[{backend}] {what} ({REQUESTS} requests, one client, {cases} cases, {} KB): p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            bytes / 1024,
            ms(percentile(&times, 0.50)),
            ms(percentile(&times, 0.95)),
            ms(percentile(&times, 0.99)),
            ms(*times.last().unwrap()),
        );
    }
    db.close().await;
}

fn main() {
    let cases: u64 = std::env::var("HRDD_BENCH_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("portfolio.sqlite");
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
        }
        let db = Store::connect(&format!("sqlite://{}", file.display())).await.unwrap();
        measure(db, "sqlite", cases).await;
        if let Ok(url) = std::env::var("HRDD_BENCH_POSTGRES_URL") {
            use sqlx::postgres::PgConnectOptions;
            use std::str::FromStr;
            let schema = format!("bench_portfolio_{}", std::process::id());
            let admin = sqlx::PgPool::connect(&url).await.unwrap();
            sqlx::query(&format!("CREATE SCHEMA {schema}")).execute(&admin).await.unwrap();
            let options = PgConnectOptions::from_str(&url).unwrap().options([("search_path", schema.as_str())]);
            let audit = hrdd::audit::AuditSettings { dir: file.parent().unwrap().join("pg-audit"), create_key: true };
            let db = Store::connect_postgres(options, &audit).await.unwrap();
            measure(db, "postgres", cases).await;
            sqlx::query(&format!("DROP SCHEMA {schema} CASCADE")).execute(&admin).await.unwrap();
        } else {
            println!("HRDD_BENCH_POSTGRES_URL not set: PostgreSQL not measured");
        }
    });
}
