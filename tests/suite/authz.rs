//! The authorization matrix: every server function × every role (and signed out) → allowed, 401 or 403,
//! and a denied response leaks nothing. Extend `ENDPOINTS` with every new server function or API route.

use crate::common::*;
use crate::on_both_backends;
use hrdd::accounts::Role;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    SignedOut,
    As(Role),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Expect {
    Allowed,
    Unauthenticated,
    Forbidden,
}

struct Endpoint {
    path: &'static str,
    /// Form fields; `{target}` is replaced with the id of a user the call acts on.
    form: &'static [(&'static str, &'static str)],
    rule: fn(Who) -> Expect,
}

fn anyone(_: Who) -> Expect {
    Expect::Allowed
}
fn signed_in(w: Who) -> Expect {
    match w {
        Who::SignedOut => Expect::Unauthenticated,
        Who::As(_) => Expect::Allowed,
    }
}
fn admin_only(w: Who) -> Expect {
    match w {
        Who::SignedOut => Expect::Unauthenticated,
        Who::As(Role::Admin) => Expect::Allowed,
        Who::As(_) => Expect::Forbidden,
    }
}

const ENDPOINTS: &[Endpoint] = &[
    Endpoint { path: "session/current", form: &[], rule: anyone },
    Endpoint {
        path: "account/password",
        form: &[
            ("current", "wrong password x"),
            ("new_password", "another long passphrase"),
            ("confirm", "another long passphrase"),
        ],
        rule: signed_in,
    },
    Endpoint { path: "admin/users/list", form: &[], rule: admin_only },
    Endpoint {
        path: "admin/users/create",
        form: &[
            ("email", "created@un.org"),
            ("name", "Created"),
            ("role_manager", "on"),
            ("countries", "KE"),
            ("temporary_password", "temporary pass 123"),
        ],
        rule: admin_only,
    },
    Endpoint {
        path: "admin/users/update",
        form: &[("id", "{target}"), ("name", "Renamed"), ("role_manager", "on"), ("countries", "KE")],
        rule: admin_only,
    },
    Endpoint { path: "admin/users/active", form: &[("id", "{target}"), ("active", "true")], rule: admin_only },
    Endpoint {
        path: "admin/users/password",
        form: &[("id", "{target}"), ("temporary_password", "temporary pass 456")],
        rule: admin_only,
    },
];

const ROLES: &[(Role, &str, Option<u8>)] = &[
    (Role::Assessor, "assessor@un.org", None),
    (Role::HrAdviser, "adviser@un.org", None),
    (Role::Reviewer, "reviewer@un.org", Some(1)),
    (Role::Manager, "manager@un.org", None),
    (Role::Admin, "admin@un.org", None),
];

async fn authorization_matrix(t: TestDb) {
    let app = app(&t.db);
    for (role, email, level) in ROLES {
        make_user(&t.db, email, &[*role], *level, &["KE"]).await;
    }
    let target = make_user(&t.db, "target.person@un.org", &[Role::Manager], None, &["UG"]).await.to_string();
    let mut failures = Vec::new();
    let mut who_list = vec![Who::SignedOut];
    who_list.extend(ROLES.iter().map(|(r, _, _)| Who::As(*r)));
    for endpoint in ENDPOINTS {
        for who in &who_list {
            let token = match who {
                Who::SignedOut => None,
                Who::As(role) => Some(sign_in(&app, ROLES.iter().find(|(r, _, _)| r == role).unwrap().1).await),
            };
            let form: Vec<(&str, String)> =
                endpoint.form.iter().map(|(k, v)| (*k, v.replace("{target}", &target))).collect();
            let form_refs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let reply = call(&app, endpoint.path, token.as_deref(), &form_refs).await;
            let expected = (endpoint.rule)(*who);
            let ok = match expected {
                Expect::Allowed => reply.status < 400 || reply.status == 422,
                Expect::Unauthenticated => reply.status == 401,
                Expect::Forbidden => reply.status == 403,
            };
            if !ok {
                failures.push(format!(
                    "{} as {who:?}: expected {expected:?}, got {} {}",
                    endpoint.path, reply.status, reply.body
                ));
            }
            if expected != Expect::Allowed && (reply.body.contains("@un.org") || reply.body.contains("target.person")) {
                failures.push(format!("{} as {who:?}: denied response leaks data: {}", endpoint.path, reply.body));
            }
            // Undo side effects that would change later rows of the matrix.
            if expected == Expect::Allowed && endpoint.path == "admin/users/create" {
                hrdd::with_pool!(&t.db, pool => sqlx::query("DELETE FROM users WHERE email = $1").bind("created@un.org").execute(pool).await.unwrap().rows_affected());
            }
        }
    }
    assert!(failures.is_empty(), "authorization matrix failures:\n{}", failures.join("\n"));
}
on_both_backends!(authorization_matrix);
