//! The authorization matrix: every server function × every role (and signed out) × own-country /
//! other-country → allowed, 401 or 403, and a denied response leaks no case or user data.
//! Extend `endpoints()` with every new server function or API route.

use crate::common::*;
use crate::on_both_backends;
use hrdd::accounts::Role;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    SignedOut,
    As(Role),
}

/// Which country the request targets, relative to the caller's scope (all test users hold KE only).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Place {
    /// The endpoint has no country (accounts, the scoped list).
    None,
    Own,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Expect {
    Allowed,
    Unauthenticated,
    Forbidden,
}

struct Fixture {
    target_user: String,
    own_case: String,
    other_case: String,
}

struct Endpoint {
    path: &'static str,
    place: Place,
    form: fn(&Fixture) -> Vec<(&'static str, String)>,
    rule: fn(Who, Place) -> Expect,
}

fn signed_in(w: Who, _: Place) -> Expect {
    match w {
        Who::SignedOut => Expect::Unauthenticated,
        Who::As(_) => Expect::Allowed,
    }
}
fn anyone(_: Who, _: Place) -> Expect {
    Expect::Allowed
}
fn admin_only(w: Who, _: Place) -> Expect {
    match w {
        Who::SignedOut => Expect::Unauthenticated,
        Who::As(Role::Admin) => Expect::Allowed,
        Who::As(_) => Expect::Forbidden,
    }
}
/// Assessors, advisers, reviewers and managers read cases in their countries; admins never.
fn case_readers(w: Who, place: Place) -> Expect {
    match (w, place) {
        (Who::SignedOut, _) => Expect::Unauthenticated,
        (Who::As(Role::Admin), _) => Expect::Forbidden,
        (Who::As(_), Place::Other) => Expect::Forbidden,
        (Who::As(_), _) => Expect::Allowed,
    }
}
/// The answers themselves: case readers except managers (summaries only).
fn answer_readers(w: Who, place: Place) -> Expect {
    match w {
        Who::As(Role::Manager) => Expect::Forbidden,
        _ => case_readers(w, place),
    }
}
fn assessors_in_scope(w: Who, place: Place) -> Expect {
    match (w, place) {
        (Who::SignedOut, _) => Expect::Unauthenticated,
        (Who::As(Role::Assessor), Place::Own) => Expect::Allowed,
        (Who::As(_), _) => Expect::Forbidden,
    }
}

/// Only these roles, and only in their countries.
fn in_scope(roles: &[Role], w: Who, place: Place) -> Expect {
    match (w, place) {
        (Who::SignedOut, _) => Expect::Unauthenticated,
        (Who::As(r), Place::Own | Place::None) if roles.contains(&r) => Expect::Allowed,
        (Who::As(_), _) => Expect::Forbidden,
    }
}
fn reviewers_in_scope(w: Who, place: Place) -> Expect {
    in_scope(&[Role::Reviewer], w, place)
}
fn advisers_in_scope(w: Who, place: Place) -> Expect {
    in_scope(&[Role::HrAdviser], w, place)
}
fn assessors_or_advisers_in_scope(w: Who, place: Place) -> Expect {
    in_scope(&[Role::Assessor, Role::HrAdviser], w, place)
}
/// The portfolio: managers and reviewers, in their countries.
fn portfolio_readers(w: Who, place: Place) -> Expect {
    in_scope(&[Role::Manager, Role::Reviewer], w, place)
}
/// Personal access tokens: whoever reads cases (a token of an administrator would open nothing).
fn token_owners(w: Who, _: Place) -> Expect {
    match w {
        Who::SignedOut => Expect::Unauthenticated,
        Who::As(Role::Admin) => Expect::Forbidden,
        Who::As(_) => Expect::Allowed,
    }
}
/// The inbox (review queue): every role that reads cases; administrators have none.
fn queue_users(w: Who, place: Place) -> Expect {
    // The inbox: every role that works on assessments (managers see re-assessments due).
    in_scope(&[Role::Assessor, Role::HrAdviser, Role::Reviewer, Role::Manager], w, place)
}

/// One row per place (own and other country) for a review endpoint taking the case id plus `extra`.
fn review_rows(
    path: &'static str,
    rule: fn(Who, Place) -> Expect,
    own: fn(&Fixture) -> Vec<(&'static str, String)>,
    other: fn(&Fixture) -> Vec<(&'static str, String)>,
) -> [Endpoint; 2] {
    [Endpoint { path, place: Place::Own, form: own, rule }, Endpoint { path, place: Place::Other, form: other, rule }]
}

fn endpoints() -> Vec<Endpoint> {
    let none = |_: &Fixture| Vec::new();
    vec![
        Endpoint { path: "session/current", place: Place::None, form: none, rule: anyone },
        Endpoint {
            path: "account/password",
            place: Place::None,
            form: |_| {
                vec![
                    ("current", "wrong password x".into()),
                    ("new_password", "another long passphrase".into()),
                    ("confirm", "another long passphrase".into()),
                ]
            },
            rule: signed_in,
        },
        Endpoint { path: "admin/users/list", place: Place::None, form: none, rule: admin_only },
        Endpoint {
            path: "admin/users/create",
            place: Place::None,
            form: |_| {
                vec![
                    ("email", "created@un.org".into()),
                    ("name", "Created".into()),
                    ("role_manager", "on".into()),
                    ("countries", "KE".into()),
                    ("temporary_password", "temporary pass 123".into()),
                ]
            },
            rule: admin_only,
        },
        Endpoint {
            path: "admin/users/update",
            place: Place::None,
            form: |f| {
                vec![
                    ("id", f.target_user.clone()),
                    ("name", "Renamed".into()),
                    ("role_manager", "on".into()),
                    ("countries", "KE".into()),
                ]
            },
            rule: admin_only,
        },
        Endpoint {
            path: "admin/users/active",
            place: Place::None,
            form: |f| vec![("id", f.target_user.clone()), ("active", "true".into())],
            rule: admin_only,
        },
        Endpoint {
            path: "admin/users/password",
            place: Place::None,
            form: |f| vec![("id", f.target_user.clone()), ("temporary_password", "temporary pass 456".into())],
            rule: admin_only,
        },
        Endpoint { path: "cases/list", place: Place::None, form: none, rule: case_readers },
        Endpoint {
            path: "cases/overview",
            place: Place::Own,
            form: |f| vec![("id", f.own_case.clone())],
            rule: case_readers,
        },
        Endpoint {
            path: "cases/overview",
            place: Place::Other,
            form: |f| vec![("id", f.other_case.clone())],
            rule: case_readers,
        },
        Endpoint {
            path: "cases/editor",
            place: Place::Own,
            form: |f| vec![("id", f.own_case.clone())],
            rule: answer_readers,
        },
        Endpoint {
            path: "cases/editor",
            place: Place::Other,
            form: |f| vec![("id", f.other_case.clone())],
            rule: answer_readers,
        },
        Endpoint {
            path: "cases/components",
            place: Place::Own,
            form: |f| add_component(&f.own_case),
            rule: assessors_in_scope,
        },
        Endpoint {
            path: "cases/components",
            place: Place::Other,
            form: |f| add_component(&f.other_case),
            rule: assessors_in_scope,
        },
        Endpoint {
            path: "cases/submit",
            place: Place::Own,
            form: |f| vec![("id", f.own_case.clone()), ("revision", "1".into())],
            rule: assessors_in_scope,
        },
        Endpoint {
            path: "cases/submit",
            place: Place::Other,
            form: |f| vec![("id", f.other_case.clone()), ("revision", "1".into())],
            rule: assessors_in_scope,
        },
        Endpoint { path: "cases/create", place: Place::Own, form: |_| new_case("KE"), rule: assessors_in_scope },
        Endpoint { path: "cases/create", place: Place::Other, form: |_| new_case("UG"), rule: assessors_in_scope },
        Endpoint { path: "review/queue", place: Place::None, form: none, rule: queue_users },
        Endpoint { path: "portfolio/page", place: Place::None, form: none, rule: portfolio_readers },
        Endpoint {
            path: "portfolio/page",
            place: Place::Other,
            form: |_| vec![("filter[country]", "UG".into())],
            rule: portfolio_readers,
        },
        Endpoint { path: "account/tokens/list", place: Place::None, form: none, rule: token_owners },
        Endpoint {
            path: "account/tokens/create",
            place: Place::None,
            form: |_| vec![("name", "Matrix token".into()), ("days", "30".into())],
            rule: token_owners,
        },
        // An unknown id: callers who may hold tokens get 404 (nothing of theirs), the rest 401/403.
        Endpoint {
            path: "account/tokens/revoke",
            place: Place::None,
            form: |_| vec![("id", "999999".into())],
            rule: token_owners,
        },
    ]
    .into_iter()
    .chain(review_rows(
        "review/summary",
        case_readers,
        |f| vec![("id", f.own_case.clone())],
        |f| vec![("id", f.other_case.clone())],
    ))
    .chain(review_rows(
        "review/summary-page",
        case_readers,
        |f| vec![("id", f.own_case.clone())],
        |f| vec![("id", f.other_case.clone())],
    ))
    .chain(review_rows(
        "review/comment",
        case_readers,
        |f| vec![("id", f.own_case.clone()), ("body", "A comment".into())],
        |f| vec![("id", f.other_case.clone()), ("body", "A comment".into())],
    ))
    .chain(review_rows(
        "review/return",
        reviewers_in_scope,
        |f| vec![("id", f.own_case.clone()), ("body", "Fix it".into())],
        |f| vec![("id", f.other_case.clone()), ("body", "Fix it".into())],
    ))
    .chain(review_rows(
        "review/concur",
        advisers_in_scope,
        |f| concurrence(&f.own_case),
        |f| concurrence(&f.other_case),
    ))
    .chain(review_rows("review/sign-off", reviewers_in_scope, |f| sign_off(&f.own_case), |f| sign_off(&f.other_case)))
    .chain(review_rows(
        "review/trigger",
        assessors_or_advisers_in_scope,
        |f| trigger(&f.own_case),
        |f| trigger(&f.other_case),
    ))
    .chain(review_rows(
        "review/reassess",
        assessors_in_scope,
        |f| vec![("id", f.own_case.clone()), ("assessment_type", "PERIODIC".into())],
        |f| vec![("id", f.other_case.clone()), ("assessment_type", "PERIODIC".into())],
    ))
    .collect()
}

fn concurrence(case: &str) -> Vec<(&'static str, String)> {
    vec![
        ("id", case.into()),
        ("revision", "1".into()),
        ("component", "C1".into()),
        ("target", "override.0".into()),
        ("verdict", "concur".into()),
    ]
}

fn sign_off(case: &str) -> Vec<(&'static str, String)> {
    vec![
        ("id", case.into()),
        ("revision", "1".into()),
        ("decisions[0][component_id]", "C1".into()),
        ("decisions[0][final_decision]", "PROCEED".into()),
    ]
}

fn trigger(case: &str) -> Vec<(&'static str, String)> {
    vec![
        ("id", case.into()),
        ("trigger", "MONITORING_BREACH".into()),
        ("date", "2026-01-01".into()),
        ("description", "Breach".into()),
    ]
}

/// Server functions with JSON input (the wizard's saves).
struct JsonEndpoint {
    path: &'static str,
    place: Place,
    body: fn(&Fixture) -> serde_json::Value,
    rule: fn(Who, Place) -> Expect,
}

/// Assessors edit drafts in their countries; everyone else is refused.
fn assessors_edit(w: Who, place: Place) -> Expect {
    assessors_in_scope(w, place)
}

fn save_country_step(id: &str) -> serde_json::Value {
    serde_json::json!({"id": id.parse::<i64>().unwrap(), "revision": 1, "step": "country", "answers": {"compulsory_drug_detention_centres": false}})
}

fn json_endpoints() -> Vec<JsonEndpoint> {
    vec![
        JsonEndpoint {
            path: "cases/save-step",
            place: Place::Own,
            body: |f| save_country_step(&f.own_case),
            rule: assessors_edit,
        },
        JsonEndpoint {
            path: "cases/save-step",
            place: Place::Other,
            body: |f| save_country_step(&f.other_case),
            rule: assessors_edit,
        },
    ]
}

fn add_component(case: &str) -> Vec<(&'static str, String)> {
    vec![("id", case.into()), ("revision", "1".into()), ("action", "add".into()), ("new_id", "MATRIX".into())]
}

fn new_case(country: &str) -> Vec<(&'static str, String)> {
    vec![
        ("country", country.into()),
        ("un_entity", "UNODC".into()),
        ("office", "Country Office".into()),
        ("programme_title", "Matrix programme".into()),
        ("assessment_type", "NEW".into()),
    ]
}

const ROLES: &[(Role, &str, Option<u8>)] = &[
    (Role::Assessor, "assessor@un.org", None),
    (Role::HrAdviser, "adviser@un.org", None),
    (Role::Reviewer, "reviewer@un.org", Some(1)),
    (Role::Manager, "manager@un.org", None),
    (Role::Admin, "admin@un.org", None),
];

/// Secrets a denied response must not contain.
const SECRETS: &[&str] = &["@un.org", "target.person", "Secret KE programme", "Secret UG programme", "KE-20", "UG-20"];

async fn authorization_matrix(t: TestDb) {
    let app = app(&t.db);
    for (role, email, level) in ROLES {
        make_user(&t.db, email, &[*role], *level, &["KE"]).await;
    }
    let target = make_user(&t.db, "target.person@un.org", &[Role::Manager], None, &["UG"]).await.to_string();
    make_user(&t.db, "ug.assessor@un.org", &[Role::Assessor], None, &["UG"]).await;
    let own_case = create_case(&app, "assessor@un.org", "KE", "Secret KE programme").await;
    let other_case = create_case(&app, "ug.assessor@un.org", "UG", "Secret UG programme").await;
    let fixture = Fixture { target_user: target, own_case, other_case };

    let mut tokens = Vec::new();
    for (role, email, _) in ROLES {
        tokens.push((*role, sign_in(&app, email).await));
    }
    let mut failures = Vec::new();
    let mut rows = 0;
    let mut callers: Vec<(Who, Option<&str>)> = vec![(Who::SignedOut, None)];
    callers.extend(tokens.iter().map(|(r, t)| (Who::As(*r), Some(t.as_str()))));
    for endpoint in endpoints() {
        for &(who, token) in &callers {
            rows += 1;
            let form = (endpoint.form)(&fixture);
            let form_refs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let reply = call(&app, endpoint.path, token, &form_refs).await;
            let expected = (endpoint.rule)(who, endpoint.place);
            check(&mut failures, endpoint.path, endpoint.place, who, expected, &reply);
        }
    }
    for endpoint in json_endpoints() {
        for &(who, token) in &callers {
            rows += 1;
            let reply = call_json(&app, endpoint.path, token, (endpoint.body)(&fixture)).await;
            check(&mut failures, endpoint.path, endpoint.place, who, (endpoint.rule)(who, endpoint.place), &reply);
        }
    }
    assert_eq!(rows, (endpoints().len() + json_endpoints().len()) * (ROLES.len() + 1));
    assert!(failures.is_empty(), "authorization matrix failures:\n{}", failures.join("\n"));
}
on_both_backends!(authorization_matrix);

/// A case in another country and a case that does not exist get the same status and the same words,
/// from every endpoint that takes a case id, for a caller whose role may use it in their own country.
async fn out_of_scope_and_unknown_cases_get_the_same_answer(t: TestDb) {
    let app = app(&t.db);
    for (role, email, level) in ROLES {
        make_user(&t.db, email, &[*role], *level, &["KE"]).await;
    }
    make_user(&t.db, "ug.assessor@un.org", &[Role::Assessor], None, &["UG"]).await;
    let own_case = create_case(&app, "assessor@un.org", "KE", "Secret KE programme").await;
    let other_case = create_case(&app, "ug.assessor@un.org", "UG", "Secret UG programme").await;
    let unknown = "987654321".to_string();
    let mut tokens = std::collections::HashMap::new();
    for (role, email, _) in ROLES {
        tokens.insert(*role, sign_in(&app, email).await);
    }
    let mut compared = 0;
    for endpoint in endpoints().into_iter().filter(|e| e.place == Place::Other) {
        let with = |case: &str| {
            let fixture =
                Fixture { target_user: String::new(), own_case: own_case.clone(), other_case: case.to_string() };
            (endpoint.form)(&fixture)
        };
        if !with(&other_case).iter().any(|(k, _)| *k == "id") {
            continue; // a country filter or a new case: no id to probe
        }
        for role in [Role::Assessor, Role::HrAdviser, Role::Reviewer, Role::Manager] {
            if (endpoint.rule)(Who::As(role), Place::Own) != Expect::Allowed {
                continue;
            }
            let ask = |form: Vec<(&'static str, String)>| {
                let app = app.clone();
                let token = tokens[&role].clone();
                async move {
                    let refs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    call(&app, endpoint.path, Some(&token), &refs).await
                }
            };
            let (elsewhere, nowhere) = (ask(with(&other_case)).await, ask(with(&unknown)).await);
            assert_eq!(elsewhere.status, 404, "{} as {role:?}: {}", endpoint.path, elsewhere.body);
            assert_eq!(
                (elsewhere.status, &elsewhere.body),
                (nowhere.status, &nowhere.body),
                "{} as {role:?}",
                endpoint.path
            );
            compared += 1;
        }
    }
    assert!(compared >= 12, "only {compared} endpoint/role pairs compared");
}
on_both_backends!(out_of_scope_and_unknown_cases_get_the_same_answer);

/// Compares one reply with the expectation and checks that a denied reply leaks nothing.
fn check(failures: &mut Vec<String>, path: &str, place: Place, who: Who, expected: Expect, reply: &Reply) {
    // Authorization passed: success, the input's own validation error (422), or a revision conflict (409).
    let ok = match expected {
        Expect::Allowed => {
            reply.status < 400
                || reply.status == 422
                || reply.status == 409
                || (reply.status == 404 && path == "account/tokens/revoke")
        }
        Expect::Unauthenticated => reply.status == 401,
        // Denied: 403, or — for a case outside the caller's countries — the same 404 as an unknown id
        // (`out_of_scope_and_unknown_cases_get_the_same_answer` checks that they are identical).
        Expect::Forbidden => reply.status == 403 || (reply.status == 404 && place == Place::Other),
    };
    if !ok {
        failures
            .push(format!("{path} ({place:?}) as {who:?}: expected {expected:?}, got {} {}", reply.status, reply.body));
    }
    if expected != Expect::Allowed {
        if let Some(secret) = SECRETS.iter().find(|s| reply.body.contains(*s)) {
            failures.push(format!("{path} as {who:?}: denied response leaks {secret:?}: {}", reply.body));
        }
    }
}

async fn create_case(app: &axum::Router, email: &str, country: &str, title: &str) -> String {
    let token = sign_in(app, email).await;
    let mut form = new_case(country);
    form[3].1 = title.to_string();
    let form_refs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let reply = call(app, "cases/create", Some(&token), &form_refs).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.body.trim().to_string()
}
