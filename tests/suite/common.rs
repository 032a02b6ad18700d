//! Helpers shared by the test modules.

use hrdd::methodology::{load_registry_from_dir, Registry};
use serde_json::Value;
use std::path::PathBuf;
use std::sync::OnceLock;

pub fn repo_path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The catalogues shipped in `methodology/`, loaded once per test binary.
pub fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| load_registry_from_dir(&repo_path("methodology")).expect("shipped methodology loads"))
}

/// A test document as the wizard holds it (a draft); the documents are built as JSON in the tests.
pub fn draft(doc: &Value) -> hrdd::methodology::draft::Draft {
    hrdd::methodology::draft::Draft::from_value(doc.clone()).expect("a draft-shaped document")
}

pub fn read_json(rel: &str) -> Value {
    let text = std::fs::read_to_string(repo_path(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("parse {rel}: {e}"))
}

/// The names of the worked examples (`NN_name`), from the fixtures folder.
pub fn example_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo_path("tests/fixtures/examples"))
        .expect("fixtures folder")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".answers.json").map(String::from))
        .collect();
    names.sort();
    names
}

pub fn example_answers(name: &str) -> Value {
    read_json(&format!("tests/fixtures/examples/{name}.answers.json"))
}

pub fn example_result(name: &str) -> Value {
    read_json(&format!("tests/fixtures/examples/{name}.result.json"))
}

/// Removes the informative text fields the spec (§8) excludes from golden comparison.
pub fn strip_informative(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for key in ["trigger_reasons", "explanation", "reason", "message"] {
                map.remove(key);
            }
            if let Some(Value::Array(details)) = map.get_mut("hard_rule_details") {
                for d in details.iter_mut() {
                    if let Some(obj) = d.as_object_mut() {
                        obj.remove("effect");
                    }
                }
            }
            for (_, child) in map.iter_mut() {
                strip_informative(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(strip_informative),
        _ => {}
    }
}

/// Lists the paths where two JSON values differ (for readable golden-test failures).
pub fn diff(expected: &Value, actual: &Value, path: &str, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                match a.get(k) {
                    Some(av) => diff(ev, av, &format!("{path}.{k}"), out),
                    None => out.push(format!("{path}.{k}: missing (expected {ev})")),
                }
            }
            for k in a.keys().filter(|k| !e.contains_key(*k)) {
                out.push(format!("{path}.{k}: unexpected field"));
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                diff(ev, av, &format!("{path}[{i}]"), out);
            }
        }
        _ if expected != actual => out.push(format!("{path}: expected {expected}, got {actual}")),
        _ => {}
    }
}

// ----- databases and the app under test ----------------------------------------------------------

use hrdd::serve::router;
use hrdd::store::Store;
use hrdd::web::http::AppState;
use leptos::config::LeptosOptions;
use std::sync::Arc;

/// A fresh, empty database for one test: a temporary SQLite file, or a new PostgreSQL schema.
pub struct TestDb {
    pub db: Store,
    /// The SQLite file's directory, which also holds the audit key files and anchor.
    #[allow(dead_code)] // read by the backup tests
    pub dir: Option<tempfile::TempDir>,
    /// How to reach the PostgreSQL schema again (`None` on SQLite).
    pub postgres: Option<sqlx::postgres::PgConnectOptions>,
}

impl TestDb {
    pub async fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("test.sqlite").display());
        let settings = hrdd::audit::AuditSettings { dir: dir.path().to_path_buf(), create_key: true };
        let db = Store::connect_with(&url, &settings).await.expect("sqlite connects");
        db.migrate().await.expect("sqlite migrates");
        TestDb { db, dir: Some(dir), postgres: None }
    }

    /// `None` when `HRDD_TEST_POSTGRES_URL` is unset (the suite then covers SQLite only; `.ci/run` sets it).
    pub async fn postgres() -> Option<TestDb> {
        let url = std::env::var("HRDD_TEST_POSTGRES_URL").ok()?;
        use sqlx::postgres::PgConnectOptions;
        use std::str::FromStr;
        let schema = format!("t_{}", uuid_like());
        let admin = sqlx::PgPool::connect(&url).await.expect("postgres reachable at HRDD_TEST_POSTGRES_URL");
        sqlx::query(&format!("CREATE SCHEMA {schema}")).execute(&admin).await.expect("create schema");
        admin.close().await;
        let options = PgConnectOptions::from_str(&url).unwrap().options([("search_path", schema.as_str())]);
        let dir = tempfile::tempdir().expect("temp dir");
        let settings = hrdd::audit::AuditSettings { dir: dir.path().to_path_buf(), create_key: true };
        let db = Store::connect_postgres(options.clone(), &settings).await.expect("postgres connects");
        db.migrate().await.expect("postgres migrates");
        Some(TestDb { db, dir: Some(dir), postgres: Some(options) })
    }
}

impl TestDb {
    /// Another server on the same database: its own store handle, so its own change counter and (with
    /// [`app`]) its own session cache, as a second process would have.
    pub fn second_server(&self) -> Store {
        let dir = self.dir.as_ref().expect("the test database's directory").path().to_path_buf();
        Store::from_pool(self.db.pool.clone(), &hrdd::audit::AuditSettings { dir, create_key: false })
            .expect("a second store on the same database")
    }
}

impl TestDb {
    /// Another server with connections of its own: on PostgreSQL a new pool to the same schema (as a
    /// second process would open); SQLite has one process, so there it is [`TestDb::second_server`].
    pub async fn second_server_with_own_pool(&self) -> Store {
        let dir = self.dir.as_ref().expect("the test database's directory").path().to_path_buf();
        let settings = hrdd::audit::AuditSettings { dir, create_key: false };
        match &self.postgres {
            Some(options) => Store::connect_postgres(options.clone(), &settings).await.expect("a second pool"),
            None => self.second_server(),
        }
    }
}

fn uuid_like() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    format!("{}_{}_{}", std::process::id(), nanos % 1_000_000_000, COUNTER.fetch_add(1, Ordering::Relaxed))
}

pub fn app(db: &Store) -> axum::Router {
    app_with_setup(db, hrdd::accounts::setup::SetupCode::none())
}

/// The app with a pending first-run set-up code.
pub fn app_with_setup(db: &Store, setup: hrdd::accounts::setup::SetupCode) -> axum::Router {
    let leptos_options = LeptosOptions::builder().output_name("hrdd").site_root("target/site").build();
    router(AppState {
        leptos_options,
        db: db.clone(),
        registry: Arc::new(registry().clone()),
        cookies: hrdd::web::session::CookiePolicy { secure: true },
        demo: hrdd::server::config::DemoMode(false),
        portfolio_cache: Default::default(),
        sessions: Default::default(),
        tokens: Default::default(),
        pages: Default::default(),
        books: Default::default(),
        setup,
    })
}

/// Runs a test body against SQLite, and against PostgreSQL when configured.
#[macro_export]
macro_rules! on_both_backends {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::common::TestDb::sqlite().await).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                match $crate::common::TestDb::postgres().await {
                    Some(db) => super::$name(db).await,
                    None => eprintln!("HRDD_TEST_POSTGRES_URL not set: PostgreSQL variant not run"),
                }
            }
        }
    };
}

pub const ORIGIN: &str = "http://hrdd.test";

/// A response, simplified for assertions.
pub struct Reply {
    pub status: u16,
    pub location: Option<String>,
    pub set_cookie: Vec<String>,
    /// The page cache's answer for this response (`X-Page-Cache`: hit, miss or off), if any.
    pub page_cache: Option<String>,
    pub body: String,
}

/// The key and JSON of the island data a wizard page carries beside its island (`hrdd::preload`).
pub fn island_data(page: &str) -> (String, serde_json::Value) {
    let at = page.find("data-island-data=\"").expect("the page carries island data") + "data-island-data=\"".len();
    let key = page[at..at + page[at..].find('"').unwrap()].to_string();
    let start = at + page[at..].find('>').unwrap() + 1;
    let text = &page[start..start + page[start..].find("</script>").unwrap()];
    (key, serde_json::from_str(text).expect("island data is JSON"))
}

/// Sends a request through the router. `cookie` is the session token; forms are url-encoded.
pub async fn send(
    app: &axum::Router,
    method: &str,
    uri: &str,
    cookie: Option<&str>,
    form: Option<&[(&str, &str)]>,
    origin: Option<&str>,
) -> Reply {
    let session = cookie.map(|token| format!("hrdd_session={token}"));
    let mut headers: Vec<(&str, &str)> = Vec::new();
    if let Some(session) = &session {
        headers.push(("cookie", session));
    }
    if let Some(o) = origin {
        headers.push(("origin", o));
    }
    send_headers(app, method, uri, &headers, form).await
}

/// A request with any headers (a language cookie, `Accept-Language`, …); `form` is sent URL-encoded.
pub async fn send_headers(
    app: &axum::Router,
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
    form: Option<&[(&str, &str)]>,
) -> Reply {
    use tower::ServiceExt;
    let mut builder = axum::http::Request::builder().method(method).uri(uri).header("host", "hrdd.test");
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let body = match form {
        Some(fields) => {
            builder = builder.header("content-type", "application/x-www-form-urlencoded");
            let encoded: Vec<String> =
                fields.iter().map(|(k, v)| format!("{}={}", hrdd::url::encode(k), hrdd::url::encode(v))).collect();
            axum::body::Body::from(encoded.join("&"))
        }
        None => axum::body::Body::empty(),
    };
    // A request that never answers fails its test with its address instead of stalling the suite.
    let answer = async {
        let response = app.clone().oneshot(builder.body(body).unwrap()).await.expect("router answers");
        let status = response.status().as_u16();
        let location = response.headers().get("location").and_then(|v| v.to_str().ok()).map(String::from);
        let set_cookie =
            response.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).map(String::from).collect();
        let page_cache = response.headers().get("x-page-cache").and_then(|v| v.to_str().ok()).map(String::from);
        let bytes = axum::body::to_bytes(response.into_body(), 10 << 20).await.expect("body");
        Reply { status, location, set_cookie, page_cache, body: String::from_utf8_lossy(&bytes).into_owned() }
    };
    tokio::time::timeout(std::time::Duration::from_secs(90), answer)
        .await
        .unwrap_or_else(|_| panic!("{method} {uri} did not answer within 90 s"))
}

/// Posts to a server function as the browser's JavaScript client does (same origin).
pub async fn call(app: &axum::Router, endpoint: &str, cookie: Option<&str>, form: &[(&str, &str)]) -> Reply {
    send(app, "POST", &format!("/api/{endpoint}"), cookie, Some(form), Some(ORIGIN)).await
}

/// The session token from a sign-in response.
pub fn session_token(reply: &Reply) -> Option<String> {
    reply.set_cookie.iter().find_map(|c| {
        let value = c.strip_prefix("hrdd_session=")?.split(';').next()?;
        (!value.is_empty()).then(|| value.to_string())
    })
}

pub const PASSWORD: &str = "correct horse battery staple";

/// Creates a user directly through the service layer. `countries == ["*"]` means all countries.
pub async fn make_user(
    db: &Store,
    email: &str,
    roles: &[hrdd::accounts::Role],
    level: Option<u8>,
    countries: &[&str],
) -> i64 {
    use hrdd::accounts::{CountryScope, Email, NewPassword};
    use hrdd::services::accounts as service;
    let scope = if countries == ["*"] {
        CountryScope::All
    } else {
        CountryScope::Countries(countries.iter().map(|c| c.to_string()).collect())
    };
    let spec =
        hrdd::accounts::UserSpec { name: format!("User {email}"), roles: roles.to_vec(), approval_level: level, scope };
    let by = service::ChangedBy::command_line("test");
    service::create_user(db, &Email::parse(email).unwrap(), spec, &NewPassword::parse(PASSWORD).unwrap(), false, &by)
        .await
        .expect("user created")
}

/// Signs in through the HTTP endpoint and returns the session token.
pub async fn sign_in(app: &axum::Router, email: &str) -> String {
    let reply = call(app, "session/login", None, &[("email", email), ("password", PASSWORD)]).await;
    session_token(&reply).unwrap_or_else(|| panic!("sign-in of {email} failed: {} {}", reply.status, reply.body))
}

/// A signed-out GET: status and body.
pub async fn get(app: &axum::Router, uri: &str) -> (u16, String) {
    let reply = send(app, "GET", uri, None, None, None).await;
    (reply.status, reply.body)
}

/// A GET as a freshly created user with `role` (countries KE).
pub async fn get_as(db: &Store, app: &axum::Router, role: hrdd::accounts::Role, uri: &str) -> (u16, String) {
    let email = format!("{}-{}@un.org", role.as_str(), uuid_like());
    make_user(db, &email, &[role], (role == hrdd::accounts::Role::Reviewer).then_some(1), &["KE"]).await;
    let token = sign_in(app, &email).await;
    let reply = send(app, "GET", uri, Some(&token), None, None).await;
    (reply.status, reply.body)
}

/// Posts a JSON body to a server function (those declared with JSON input).
pub async fn call_json(app: &axum::Router, endpoint: &str, cookie: Option<&str>, body: serde_json::Value) -> Reply {
    use tower::ServiceExt;
    let mut builder = axum::http::Request::builder()
        .method("POST")
        .uri(format!("/api/{endpoint}"))
        .header("host", "hrdd.test")
        .header("origin", ORIGIN)
        .header("content-type", "application/json")
        .header("accept", "application/json");
    if let Some(token) = cookie {
        builder = builder.header("cookie", format!("hrdd_session={token}"));
    }
    let response = app.clone().oneshot(builder.body(axum::body::Body::from(body.to_string())).unwrap()).await.unwrap();
    let status = response.status().as_u16();
    let bytes = axum::body::to_bytes(response.into_body(), 10 << 20).await.unwrap();
    Reply {
        status,
        location: None,
        set_cookie: Vec::new(),
        page_cache: None,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// Creates a draft case in `country` as the signed-in assessor `token`; its id.
pub async fn create_draft(app: &axum::Router, token: &str, country: &str) -> String {
    let form = [
        ("country", country),
        ("un_entity", "UNODC"),
        ("office", "Nairobi"),
        ("programme_title", "Police support"),
        ("assessment_type", "NEW"),
    ];
    let r = call(app, "cases/create", Some(token), &form).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.body.trim().to_string()
}

// ----- the SMTP server of the e-mail tests ----------------------------------------------------

/// The tests' SMTP server: aiosmtpd (scripts/smtp_sink.py, installed by scripts/bootstrap.sh),
/// started once per test binary on a free port. Every accepted message is a JSON file in `dir`.
pub struct SmtpSink {
    pub port: u16,
    pub dir: PathBuf,
}

pub fn smtp_sink() -> &'static SmtpSink {
    static SINK: OnceLock<SmtpSink> = OnceLock::new();
    SINK.get_or_init(|| {
        use std::io::BufRead;
        let python = repo_path(".tools/aiosmtpd/bin/python");
        assert!(
            python.exists(),
            "{} is missing: run `bash scripts/bootstrap.sh` (it installs aiosmtpd)",
            python.display()
        );
        let dir = std::env::temp_dir().join(format!("hrdd-mail-{}", std::process::id()));
        let mut child = std::process::Command::new(python)
            .arg(repo_path("scripts/smtp_sink.py"))
            .arg("0")
            .arg(&dir)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("the SMTP sink starts");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).expect("the sink says it is ready");
        let port = line.trim().strip_prefix("ready ").and_then(|p| p.parse().ok()).expect("ready <port>");
        // The sink stops when its standard input closes, that is when this test process ends.
        std::mem::forget(child);
        SmtpSink { port, dir }
    })
}

impl SmtpSink {
    /// The delivered messages whose Message-ID is one of `ids` (the sink is shared by every test).
    pub fn messages(&self, ids: &[String]) -> Vec<Value> {
        let mut found: Vec<(String, Value)> = std::fs::read_dir(&self.dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
                    .filter_map(|e| {
                        let v: Value = serde_json::from_str(&std::fs::read_to_string(e.path()).ok()?).ok()?;
                        ids.contains(&v["message_id"].as_str()?.to_string())
                            .then(|| (e.file_name().to_string_lossy().into_owned(), v))
                    })
                    .collect()
            })
            .unwrap_or_default();
        found.sort_by(|a, b| a.0.cmp(&b.0));
        found.into_iter().map(|(_, v)| v).collect()
    }
}

/// A mailer to the tests' SMTP server, sending as hrdd@hrdd.test with links to [`ORIGIN`].
pub fn mailer() -> hrdd::services::mail::Mailer {
    mailer_to(smtp_sink().port)
}

/// A mailer to `port` on this machine (a closed port: the mail server is down).
pub fn mailer_to(port: u16) -> hrdd::services::mail::Mailer {
    let settings = hrdd::services::mail::MailSettings::from_values(
        Some(format!("smtp://127.0.0.1:{port}")),
        Some("HRDD <hrdd@hrdd.test>".into()),
        Some(ORIGIN.into()),
        "",
    )
    .unwrap()
    .unwrap();
    hrdd::services::mail::Mailer::new(&settings).unwrap()
}

/// The Message-IDs of the outbox messages of `db` to `email`, oldest first.
pub async fn message_ids_to(db: &Store, email: &str) -> Vec<String> {
    let keys: Vec<String> = with_pool!(db, pool => sqlx::query_scalar("SELECT o.message_key FROM outbox o JOIN users u ON u.id = o.user_id WHERE u.email = $1 ORDER BY o.id").bind(email).fetch_all(pool).await.unwrap());
    let m = mailer();
    keys.iter().map(|k| m.message_id(k)).collect()
}

/// Runs sender passes until nothing is due; what they did in all.
pub async fn deliver_all(db: &Store, mailer: &hrdd::services::mail::Mailer) -> hrdd::services::mail::Delivered {
    let mut all = hrdd::services::mail::Delivered::default();
    loop {
        let done = hrdd::services::mail::deliver_due(db, mailer, chrono::Utc::now()).await.expect("a sender pass");
        if done.claimed() == 0 {
            return all;
        }
        all.sent += done.sent;
        all.retrying += done.retrying;
        all.failed += done.failed;
    }
}
