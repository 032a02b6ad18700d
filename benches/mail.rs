//! E-mail notifications (issue 21): what queueing mail adds to a workflow action, and how fast the
//! sender empties a full outbox into a real SMTP server.
//! Run with `cargo bench --features ssr --bench mail`; figures go to docs/BENCHMARKS.md.
//!
//! 1. A workflow action: 1,000 comments by a reviewer on a submitted case (each tells the assessor and
//!    the reviewers of the case's level), timed through `services::review::comment`, alternately with
//!    e-mail off (notices in the app only) and on (each notice also an outbox message, written in the
//!    same transaction). Budget: p50 with e-mail no more than 1 ms above p50 without.
//! 2. 10,000 queued messages sent to aiosmtpd on loopback (scripts/smtp_sink.py, installed by
//!    scripts/bootstrap.sh), by the same passes the server's sender task runs. Budget: under a minute.
//!
//! SQLite always; PostgreSQL too when `HRDD_BENCH_POSTGRES_URL` is set (a fresh schema is created).

/// Runs `$body` with `$pool` bound to the concrete pool of a store: the benchmark reads rows directly.
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
use std::time::{Duration, Instant};

const COMMENTS: usize = 1_000;
const MESSAGES: usize = 10_000;

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1000.0
}

/// The tests' SMTP server on a free port, writing into `dir`; it stops when this process ends.
fn smtp_sink(dir: &std::path::Path) -> u16 {
    use std::io::BufRead;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let python = root.join(".tools/aiosmtpd/bin/python");
    assert!(python.exists(), "{} is missing: run scripts/bootstrap.sh", python.display());
    let mut child = std::process::Command::new(python)
        .arg(root.join("scripts/smtp_sink.py"))
        .arg("0")
        .arg(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("the SMTP sink starts");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    std::mem::forget(child);
    line.trim().strip_prefix("ready ").unwrap().parse().unwrap()
}

async fn measure(db: Store, backend: &str, port: u16) {
    let registry = load_registry_from_dir(&methodology_dir()).unwrap();
    db.migrate().await.unwrap();
    hrdd::server::demo::seed(&db).await.unwrap();
    hrdd::services::seed::seed_cases(&db, &registry, 200, 5).await.unwrap();
    let (case_id, level): (i64, i64) = with_pool!(&db, pool => sqlx::query_as("SELECT id, COALESCE(approval_level, 1) FROM cases WHERE state = 'SUBMITTED' AND country IN ('KE', 'UG') ORDER BY id LIMIT 1").fetch_one(pool).await.unwrap());
    let reviewer = if level <= 2 { "reviewer2@demo.hrdd" } else { "reviewer3@demo.hrdd" };
    let id: i64 = with_pool!(&db, pool => sqlx::query_scalar("SELECT id FROM users WHERE email = $1").bind(reviewer).fetch_one(pool).await.unwrap());
    let user = hrdd::services::accounts::load_user(&db, id).await.unwrap().unwrap();
    let mail_off = db.clone().with_mail(None);
    let mail_on = db.clone().with_mail(Some("smtp://127.0.0.1 (bench)"));
    // Alternate blocks of 50, so that a growing table or a warming cache weighs on both alike.
    let (mut off, mut on) = (Vec::with_capacity(COMMENTS), Vec::with_capacity(COMMENTS));
    for block in 0..COMMENTS / 50 {
        for (store, times) in [(&mail_off, &mut off), (&mail_on, &mut on)] {
            for n in 0..50 {
                let t = Instant::now();
                hrdd::services::review::comment(store, &registry, &user, case_id, "", &format!("Comment {block}.{n}"))
                    .await
                    .unwrap();
                times.push(t.elapsed());
            }
        }
    }
    off.sort();
    on.sort();
    let queued: i64 =
        with_pool!(&db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM outbox").fetch_one(pool).await.unwrap());
    println!(
        "[{backend}] a comment (tells {} people): e-mail off p50 {:.2} ms p95 {:.2} ms; e-mail on p50 {:.2} ms p95 {:.2} ms; p50 difference {:+.2} ms (budget ≤ +1 ms); {queued} messages queued",
        queued / COMMENTS as i64,
        percentile(&off, 0.5),
        percentile(&off, 0.95),
        percentile(&on, 0.5),
        percentile(&on, 0.95),
        percentile(&on, 0.5) - percentile(&off, 0.5)
    );

    // Fill the outbox to 10,000 messages (notices to the demo accounts), then send them all.
    let users: Vec<i64> =
        with_pool!(&db, pool => sqlx::query_scalar("SELECT id FROM users ORDER BY id").fetch_all(pool).await.unwrap());
    let notice = hrdd::notify::compose_account(hrdd::notify::Kind::PasswordReset, "someone@demo.hrdd", "bench");
    let missing = MESSAGES - queued as usize;
    let rows: Vec<(i64, &hrdd::notify::Notice)> = (0..missing).map(|i| (users[i % users.len()], &notice)).collect();
    let mut write = mail_on.write().await.unwrap();
    write.insert_notices(&rows, chrono::Utc::now(), true).await.unwrap();
    write.commit().await.unwrap();
    let settings = hrdd::services::mail::MailSettings::from_values(
        Some(format!("smtp://127.0.0.1:{port}")),
        Some("HRDD <hrdd@bench.test>".into()),
        Some("http://127.0.0.1:3000".into()),
        "",
    )
    .unwrap()
    .unwrap();
    let mailer = hrdd::services::mail::Mailer::new(&settings).unwrap();
    let t = Instant::now();
    let mut sent = 0;
    loop {
        let pass = hrdd::services::mail::deliver_due(&mail_on, &mailer, chrono::Utc::now()).await.unwrap();
        assert_eq!(pass.failed + pass.retrying, 0, "every message is accepted");
        if pass.claimed() == 0 {
            break;
        }
        sent += pass.sent;
    }
    let elapsed = t.elapsed().as_secs_f64();
    let left: i64 = with_pool!(&db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE state <> 'SENT'").fetch_one(pool).await.unwrap());
    assert_eq!(left, 0);
    println!(
        "[{backend}] {sent} queued messages sent to aiosmtpd on loopback in {elapsed:.1} s ({:.0} per second; budget under 60 s)",
        sent as f64 / elapsed
    );
    db.close().await;
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
        std::fs::create_dir_all(&dir).unwrap();
        let mailbox = dir.join("mail");
        let _ = std::fs::remove_dir_all(&mailbox);
        let port = smtp_sink(&mailbox);
        let file = dir.join("mail.sqlite");
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
        }
        let db = Store::connect(&format!("sqlite://{}", file.display())).await.unwrap();
        measure(db, "sqlite", port).await;
        if let Ok(url) = std::env::var("HRDD_BENCH_POSTGRES_URL") {
            use sqlx::postgres::PgConnectOptions;
            use std::str::FromStr;
            let schema = format!("bench_mail_{}", std::process::id());
            let admin = sqlx::PgPool::connect(&url).await.unwrap();
            sqlx::query(&format!("CREATE SCHEMA {schema}")).execute(&admin).await.unwrap();
            let options = PgConnectOptions::from_str(&url).unwrap().options([("search_path", schema.as_str())]);
            let audit = hrdd::audit::AuditSettings { dir: dir.join("pg-mail-audit"), create_key: true };
            let _ = std::fs::remove_dir_all(&audit.dir);
            let db = Store::connect_postgres(options, &audit).await.unwrap();
            measure(db, "postgres", port).await;
            sqlx::query(&format!("DROP SCHEMA {schema} CASCADE")).execute(&admin).await.unwrap();
        } else {
            println!("HRDD_BENCH_POSTGRES_URL not set: PostgreSQL not measured");
        }
    });
}
