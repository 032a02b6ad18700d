//! A change of country reference data in a country with 10,000 decided cases that watch it
//! (issue 20: every DEATH_PENALTY_CHANGE trigger recorded within 5 s on SQLite, in one transaction).
//! Run with `cargo bench --features ssr --bench reference`; figures go to docs/BENCHMARKS.md.
//!
//! SQLite always; PostgreSQL too when `HRDD_BENCH_POSTGRES_URL` is set (a fresh schema is created).
//! `HRDD_BENCH_DECIDED` changes the number of decided cases (default 10,000).
//!
//! The cases are seeded as usual (every state, twelve countries), then made decided Kenyan cases
//! that watch DEATH_PENALTY_CHANGE directly in the database: what is measured is the change itself —
//! the check, the new entry and its audit event, then per case the due mark, a signed trigger
//! event and the notices to its assessor and the country's managers — as
//! `services::reference::record` does it for an administrator's form.

/// Runs `$body` with `$pool` bound to the concrete pool of a store: the benchmark prepares rows directly.
macro_rules! with_pool {
    ($db:expr, $pool:ident => $body:expr) => {
        match &$db.pool {
            hrdd::store::Pool::Sqlite($pool) => $body,
            hrdd::store::Pool::Postgres($pool) => $body,
        }
    };
}

use hrdd::methodology::{load_registry_from_dir, methodology_dir};
use hrdd::store::Store;
use std::time::Instant;

async fn measure(db: Store, backend: &str, decided: u64) {
    let registry = load_registry_from_dir(&methodology_dir()).unwrap();
    db.migrate().await.unwrap();
    hrdd::server::demo::seed(&db).await.unwrap();
    let started = Instant::now();
    hrdd::services::seed::seed_cases(&db, &registry, decided, 3).await.unwrap();
    println!("[{backend}] seeded {decided} cases in {:.1} s", started.elapsed().as_secs_f64());
    // Every first version becomes a decided Kenyan case that watches a death-penalty change.
    with_pool!(&db, pool => {
        sqlx::query("UPDATE cases SET country = 'KE', state = 'DECIDED' WHERE state <> 'SUPERSEDED'").execute(pool).await.unwrap();
        sqlx::query("UPDATE case_facts SET watches = 'DEATH_PENALTY_CHANGE GRAVE_VIOLATION_REPORT' WHERE state = 'DECIDED'").execute(pool).await.unwrap();
    });
    if let hrdd::store::Pool::Postgres(pool) = &db.pool {
        sqlx::query("ANALYZE").execute(pool).await.unwrap();
    }
    let watching = db.decided_cases_watching("KE", "DEATH_PENALTY_CHANGE").await.unwrap();
    let admin_id: i64 = with_pool!(&db, pool => sqlx::query_scalar("SELECT id FROM users WHERE email = 'admin@demo.hrdd'").fetch_one(pool).await.unwrap());
    let admin = hrdd::services::accounts::load_user(&db, admin_id).await.unwrap().unwrap();
    let mut values = serde_json::Map::new();
    values.insert("dp_status_drugs".into(), serde_json::json!("DRUG_DP_SENTENCING"));
    let form = hrdd::reference::ReferenceForm {
        effective_from: "2026-01-01".into(),
        citation: "Drug Control (Amendment) Act 2026, s. 3 (benchmark)".into(),
        url: String::new(),
        based_on: 0,
        values,
    };
    let t = Instant::now();
    let recorded = hrdd::services::reference::record(&db, &registry, &admin, "KE", &form).await.unwrap();
    let elapsed = t.elapsed();
    assert_eq!(recorded.triggered_cases as i64, watching, "every watching decided case got its trigger");
    let notices: i64 = with_pool!(&db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE kind = 'TRIGGER_RECORDED'").fetch_one(pool).await.unwrap());
    println!(
        "[{backend}] 4.1 changed in a country with {watching} decided cases that watch it: {} trigger events and {notices} notices recorded in one transaction in {:.2} s (budget 5 s on SQLite)",
        recorded.triggered_cases,
        elapsed.as_secs_f64()
    );
    db.close().await;
}

fn main() {
    let decided: u64 = std::env::var("HRDD_BENCH_DECIDED").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("reference.sqlite");
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
        }
        let db = Store::connect(&format!("sqlite://{}", file.display())).await.unwrap();
        measure(db, "sqlite", decided).await;
        if let Ok(url) = std::env::var("HRDD_BENCH_POSTGRES_URL") {
            use sqlx::postgres::PgConnectOptions;
            use std::str::FromStr;
            let schema = format!("bench_reference_{}", std::process::id());
            let admin = sqlx::PgPool::connect(&url).await.unwrap();
            sqlx::query(&format!("CREATE SCHEMA {schema}")).execute(&admin).await.unwrap();
            let options = PgConnectOptions::from_str(&url).unwrap().options([("search_path", schema.as_str())]);
            let audit =
                hrdd::audit::AuditSettings { dir: file.parent().unwrap().join("pg-reference-audit"), create_key: true };
            let db = Store::connect_postgres(options, &audit).await.unwrap();
            measure(db, "postgres", decided).await;
            sqlx::query(&format!("DROP SCHEMA {schema} CASCADE")).execute(&admin).await.unwrap();
        } else {
            println!("HRDD_BENCH_POSTGRES_URL not set: PostgreSQL not measured");
        }
    });
}
