//! The command line: `hrdd score` and `hrdd methodology`.

use crate::common::*;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn hrdd(args: &[&str], stdin: Option<&str>, envs: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hrdd"));
    cmd.args(args).current_dir(repo_path("")).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("hrdd runs");
    if let Some(text) = stdin {
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

#[test]
fn score_prints_exactly_the_expected_document_for_every_example() {
    for name in example_names() {
        let path = format!("tests/fixtures/examples/{name}.answers.json");
        let out = hrdd(&["score", &path], None, &[]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let printed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
        assert_eq!(printed, example_result(&name), "{name}");
    }
}

#[test]
fn score_reads_standard_input_with_a_dash() {
    let text =
        std::fs::read_to_string(repo_path("tests/fixtures/examples/01_low_forensic_lab_police.answers.json")).unwrap();
    let out = hrdd(&["score", "-"], Some(&text), &[]);
    assert_eq!(out.status.code(), Some(0));
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed["overall_decision"], "PROCEED");
}

#[test]
fn score_prints_validation_errors_and_exits_2() {
    let out =
        hrdd(&["score", "-"], Some(r#"{"methodology_version": "hrdd-2026.1", "case": {}, "components": []}"#), &[]);
    assert_eq!(out.status.code(), Some(2));
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("errors are JSON on stdout");
    assert_eq!(printed["valid"], false);
    assert!(printed["errors"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["code"] == "MISSING_REQUIRED" && e["path"] == "components"));
}

#[test]
fn unreadable_or_non_json_input_exits_2_with_one_line() {
    for (args, stdin) in [(vec!["score", "no/such/file.json"], None), (vec!["score", "-"], Some("this is not json"))] {
        let out = hrdd(&args, stdin, &[]);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim().lines().count(), 1, "one clear line: {err}");
        assert!(err.starts_with("hrdd: "), "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn methodology_prints_the_catalogue_as_json() {
    let out = hrdd(&["methodology"], None, &[]);
    assert_eq!(out.status.code(), Some(0));
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed[0]["version"], "hrdd-2026.1");
    assert_eq!(printed[0]["areas"].as_array().unwrap().len(), 13);
    assert_eq!(printed[0]["questions"].as_array().unwrap().len(), 53);
}

#[test]
fn a_malformed_catalogue_stops_with_the_entry_named() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(repo_path("methodology/hrdd-2026.1.toml")).unwrap();
    let broken = original.replacen("enum = \"MaxPenalty\"", "enum = \"MaxPenaltyTypo\"", 1);
    std::fs::write(dir.path().join("hrdd-2026.1.toml"), broken).unwrap();
    let out = hrdd(&["methodology"], None, &[("HRDD_METHODOLOGY_DIR", dir.path().to_str().unwrap())]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("max_penalty") && err.contains("MaxPenaltyTypo"), "{err}");

    let syntax = original.replacen("[[areas]]", "[[areas]\n", 1);
    std::fs::write(dir.path().join("hrdd-2026.1.toml"), syntax).unwrap();
    let out = hrdd(&["methodology"], None, &[("HRDD_METHODOLOGY_DIR", dir.path().to_str().unwrap())]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("hrdd-2026.1.toml"));
}

#[test]
fn catalogue_checks_name_each_kind_of_bad_entry() {
    use hrdd::methodology::load::parse_catalogue;
    let original = std::fs::read_to_string(repo_path("methodology/hrdd-2026.1.toml")).unwrap();
    for (from, to, expect) in [
        ("{ code = \"ST12\",", "{ code = \"ST13\",", "enums.SupportType"),
        ("id = \"office\"", "id = \"bureau\"", "questions[2] (bureau)"),
        ("code = \"SURV\"\nname", "code = \"DP\"\nname", "areas[12]"),
        ("effects = { IND = -1 }", "effects = { IND = -3 }", "measures[11] (M12)"),
        ("question = \"case_specific\", value = true }\ncondition_text = \"Asked when the support concerns identified persons or cases.\"\n\n[[questions]]\nid = \"transfer", "question = \"later_question\", value = true }\ncondition_text = \"x\"\n\n[[questions]]\nid = \"transfer", "unknown question `later_question`"),
    ] {
        assert!(original.contains(from), "fixture text {from:?} not found");
        let err = parse_catalogue(&original.replacen(from, to, 1), "test.toml").unwrap_err().to_string();
        assert!(err.contains(expect), "expected {expect:?} in {err}");
    }
}

#[test]
fn user_add_reads_the_password_from_stdin_and_user_list_shows_the_user() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("cli.sqlite").display());
    let env = [("DATABASE_URL", url.as_str())];
    let args = ["user", "add", "--email", "First.Admin@UN.org", "--name", "First Admin", "--role", "admin"];
    let short = hrdd(&args, Some("too short\n"), &env);
    assert_eq!(short.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&short.stderr).contains("12 characters"));
    let ok = hrdd(&args, Some("a long enough passphrase\n"), &env);
    assert_eq!(ok.status.code(), Some(0), "{}", String::from_utf8_lossy(&ok.stderr));
    let again = hrdd(&args, Some("a long enough passphrase\n"), &env);
    assert_eq!(again.status.code(), Some(2), "duplicate e-mail is refused");
    let reviewer = hrdd(
        &[
            "user",
            "add",
            "--email",
            "rev@un.org",
            "--name",
            "Rev",
            "--role",
            "reviewer",
            "--level",
            "2",
            "--country",
            "ke",
            "--country",
            "UG",
        ],
        Some("another long passphrase\n"),
        &env,
    );
    assert_eq!(reviewer.status.code(), Some(0), "{}", String::from_utf8_lossy(&reviewer.stderr));
    let bad_role = hrdd(
        &["user", "add", "--email", "x@un.org", "--name", "X", "--role", "boss"],
        Some("another long passphrase\n"),
        &env,
    );
    assert_eq!(bad_role.status.code(), Some(2));
    let list = hrdd(&["user", "list"], None, &env);
    let text = String::from_utf8_lossy(&list.stdout);
    assert!(text.contains("first.admin@un.org") && text.contains("admin"), "{text}");
    assert!(text.contains("reviewer:2") && text.contains("KE, UG"), "{text}");
}

#[test]
fn first_start_without_users_says_how_to_create_the_first_admin() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("first.sqlite").display());
    let mut child = Command::new(env!("CARGO_BIN_EXE_hrdd"))
        .arg("serve")
        .current_dir(repo_path(""))
        .env("DATABASE_URL", &url)
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("server starts");
    let mut seen = String::new();
    for line in BufReader::new(child.stdout.take().unwrap()).lines().map_while(Result::ok) {
        seen.push_str(&line);
        seen.push('\n');
        if line.contains("listening on") {
            break;
        }
    }
    child.kill().ok();
    child.wait().ok();
    assert!(seen.contains("No users yet") && seen.contains("hrdd user add --email"), "{seen}");
}

#[test]
fn audit_verify_passes_on_a_seeded_database_and_names_a_tampered_event() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("audit.sqlite");
    let url = format!("sqlite://{}", file.display());
    let env = [("DATABASE_URL", url.as_str())];
    let seeded = hrdd(&["seed", "--cases", "40", "--seed", "3"], None, &env);
    assert_eq!(seeded.status.code(), Some(0), "{}", String::from_utf8_lossy(&seeded.stderr));
    let ok = hrdd(&["audit", "verify"], None, &env);
    let text = String::from_utf8_lossy(&ok.stdout);
    assert_eq!(ok.status.code(), Some(0), "{text}");
    assert!(text.contains("audit record intact") && text.contains("snapshots") && text.contains("cases"), "{text}");
    // Change one stored event directly in the database.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let reference: String = runtime.block_on(async {
        let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
        let (case_id, reference): (i64, String) =
            sqlx::query_as("SELECT c.id, c.reference FROM cases c WHERE c.state = 'DECIDED' ORDER BY c.id LIMIT 1")
                .fetch_one(&pool)
                .await
                .unwrap();
        sqlx::query("UPDATE audit_events SET at = '2020-01-01T00:00:00.000Z' WHERE case_id = $1 AND case_seq = 2")
            .bind(case_id)
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;
        reference
    });
    let broken = hrdd(&["audit", "verify"], None, &env);
    let text = String::from_utf8_lossy(&broken.stdout);
    assert_eq!(broken.status.code(), Some(1), "{text}");
    assert!(
        text.contains(&format!("BROKEN case {reference}"))
            && text.contains("(SUBMITTED) was changed after it was written"),
        "{text}"
    );
}

#[test]
fn token_create_prints_a_working_token_once_and_refuses_what_it_cannot_give() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("tokens.sqlite").display());
    let env = [("DATABASE_URL", url.as_str())];
    let seeded = hrdd(&["seed", "--cases", "5"], None, &env);
    assert_eq!(seeded.status.code(), Some(0), "{}", String::from_utf8_lossy(&seeded.stderr));
    let out = hrdd(&["token", "create", "--email", "manager@demo.hrdd", "--name", "Nightly export"], None, &env);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let token = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(token.starts_with("hrdd_") && token.len() == 45, "only the token on stdout: {token:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("shown only now"));
    // It resolves to the manager, and the database holds only its hash.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let db = hrdd::store::Store::connect(&url).await.unwrap();
        let user = hrdd::services::tokens::resolve(&db, &token).await.unwrap().expect("token valid");
        assert_eq!(user.email, "manager@demo.hrdd");
        let stored: String = with_pool!(&db, pool => sqlx::query_scalar("SELECT token_hash FROM api_tokens").fetch_one(pool).await.unwrap());
        assert!(!stored.contains(&token[5..]));
        db.close().await;
    });
    for (args, message) in [
        (vec!["--email", "nobody@demo.hrdd", "--name", "x"], "no active user"),
        (vec!["--email", "admin@demo.hrdd", "--name", "x"], "no role that reads assessments"),
        (vec!["--email", "manager@demo.hrdd", "--name", "x", "--days", "999"], "between 1 and 90"),
    ] {
        let mut full = vec!["token", "create"];
        full.extend(args);
        let out = hrdd(&full, None, &env);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains(message), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stdout.is_empty());
    }
}

/// `hrdd backup` copies the live SQLite database while saves go on; `hrdd restore` puts it into a
/// stopped data directory and verifies the record; a running server's database is never replaced.
#[test]
fn a_backup_taken_during_writes_restores_and_verifies() {
    let source = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", source.path().join("hrdd.sqlite").display());
    let env = [("DATABASE_URL", url.as_str())];
    let seeded = hrdd(&["seed", "--cases", "30", "--seed", "5"], None, &env);
    assert_eq!(seeded.status.code(), Some(0), "{}", String::from_utf8_lossy(&seeded.stderr));
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let backup_file = source.path().join("backups").join("copy.sqlite");
    let saves = runtime.block_on(async {
        // The server side: the same database and audit files, saving drafts in a loop.
        let db = hrdd::store::Store::connect(&url).await.unwrap();
        let app = app(&db);
        let token = {
            let r = call(&app, "session/login", None, &[("email", "assessor@demo.hrdd"), ("password", hrdd::accounts::DEMO_PASSWORD)]).await;
            session_token(&r).expect("demo assessor signs in")
        };
        let drafts: Vec<(i64, i64)> = with_pool!(&db, pool => sqlx::query_as("SELECT id, revision FROM cases WHERE state = 'DRAFT' AND country IN ('KE', 'UG') ORDER BY id LIMIT 3").fetch_all(pool).await.unwrap());
        assert!(!drafts.is_empty());
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let writer = {
            let stop = stop.clone();
            tokio::spawn(async move {
                let mut revisions = drafts;
                let mut saved = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    for (id, revision) in revisions.iter_mut() {
                        let body = serde_json::json!({ "id": *id, "revision": *revision, "step": "case", "answers": { "office": format!("Office {saved}") } });
                        let r = call_json(&app, "cases/save-step", Some(&token), body).await;
                        assert_eq!(r.status, 200, "{}", r.body);
                        *revision += 1;
                        saved += 1;
                    }
                }
                saved
            })
        };
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let out = tokio::task::spawn_blocking({
            let (url, file) = (url.clone(), backup_file.display().to_string());
            move || hrdd(&["backup", &file], None, &[("DATABASE_URL", url.as_str())])
        })
        .await
        .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stdout).contains("audit record up to event"));
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let saved = writer.await.unwrap();
        db.close().await;
        saved
    });
    assert!(saves > 3, "saves went on during the backup ({saves})");
    // A backup never overwrites.
    let again = hrdd(&["backup", &backup_file.display().to_string()], None, &env);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    // Restore into another, stopped data directory that holds the trusted public keys.
    let target = tempfile::tempdir().unwrap();
    std::fs::copy(source.path().join("audit-keys.pub"), target.path().join("audit-keys.pub")).unwrap();
    let target_url = format!("sqlite://{}", target.path().join("hrdd.sqlite").display());
    let restored =
        hrdd(&["restore", &backup_file.display().to_string()], None, &[("DATABASE_URL", target_url.as_str())]);
    let text = String::from_utf8_lossy(&restored.stdout);
    assert_eq!(restored.status.code(), Some(0), "{text} {}", String::from_utf8_lossy(&restored.stderr));
    assert!(text.contains("audit record intact"), "{text}");
    // While a server holds the target, a restore is refused.
    let _running = hrdd::store::backup::ServerLock::try_take(&target.path().join("hrdd.sqlite")).unwrap().unwrap();
    let refused =
        hrdd(&["restore", &backup_file.display().to_string()], None, &[("DATABASE_URL", target_url.as_str())]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("still running"));
}
