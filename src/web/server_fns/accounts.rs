//! Server functions for accounts: sign-in, sign-out, password change and user administration.
//! Every function checks authorization itself (route guards alone are not enough).

// Server-function arguments are the form's fields, one each, so the admin forms need many.
#![allow(clippy::too_many_arguments)]

use crate::accounts::{SessionInfo, UserSummary};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod ssr {
    pub use crate::accounts::UserSpec;
    pub use crate::accounts::{parse_countries, parse_name, CountryScope, Email, NewPassword, Role};
    pub use crate::services::accounts as service;
    pub use crate::services::sessions as session;
    pub use crate::web::context::db;
    pub use crate::web::session::{cookie_token, fail, principal, request_client_address, require_role, CookiePolicy};
    pub use axum::http::header::{SET_COOKIE, USER_AGENT};
    pub use leptos_axum::ResponseOptions;

    pub fn parts() -> Option<axum::http::request::Parts> {
        leptos::prelude::use_context::<axum::http::request::Parts>()
    }

    pub use crate::web::context::is_plain_form_post;

    pub use crate::web::context::refuse;

    /// The client's address for throttling and the sign-in record (see `web::session::client_address`).
    pub fn client_ip() -> String {
        parts().map_or_else(|| "unknown".into(), |p| request_client_address(&p))
    }

    pub fn cookies() -> CookiePolicy {
        leptos::prelude::use_context::<CookiePolicy>().unwrap_or(CookiePolicy { secure: true })
    }

    /// Only plain same-site paths are followed after sign-in (no open redirects, no header
    /// injection); anything else goes to the start page.
    pub fn safe_next(next: Option<String>) -> String {
        let next = safe_next_any(next);
        if next.starts_with("/login") {
            "/".to_string()
        } else {
            next
        }
    }

    /// Back to the page the language was switched on (any plain same-site path, the sign-in page
    /// included).
    pub fn safe_next_any(next: Option<String>) -> String {
        next.as_deref().and_then(crate::url::safe_local_path).unwrap_or("/").to_string()
    }

    /// Why sign-in failed, as a code for the sign-in page's query string (the page words it; it
    /// never displays text taken from the URL).
    pub fn login_error_code(err: &crate::error::AppError) -> &'static str {
        use crate::error::AppError;
        match err {
            AppError::TooManyAttempts(_) => "throttled",
            AppError::Invalid { field: Some(f), .. } if f == "email" => "email",
            AppError::Invalid { field: Some(f), .. } if f == "password" => "password",
            _ => "credentials",
        }
    }

    pub use crate::url::encode as url_encode;

    pub fn require_admin() -> Result<crate::accounts::CurrentUser, crate::error::AppError> {
        require_role(&[Role::Admin])
    }

    /// The admin form's role checkboxes, in [`Role::ALL`] order.
    pub fn role_flags(
        assessor: Option<String>,
        hr_adviser: Option<String>,
        reviewer: Option<String>,
        manager: Option<String>,
        admin: Option<String>,
    ) -> [(Role, Option<String>); 5] {
        [
            (Role::Assessor, assessor),
            (Role::HrAdviser, hr_adviser),
            (Role::Reviewer, reviewer),
            (Role::Manager, manager),
            (Role::Admin, admin),
        ]
    }

    /// Builds a [`UserSpec`] from the admin form's fields, or every (field, message) that is wrong:
    /// what cannot be read, and what the combination breaks (`UserSpec::problems`).
    pub fn user_spec(
        name: &str,
        roles: &[(Role, Option<String>)],
        approval_level: Option<String>,
        countries: &str,
        all_countries: Option<String>,
    ) -> Result<UserSpec, Vec<(String, String)>> {
        let mut problems: Vec<(String, String)> = Vec::new();
        let mut note = |field: &str, message: String| problems.push((field.to_string(), message));
        let name = parse_name(name).unwrap_or_else(|m| {
            note("name", m);
            String::new()
        });
        let roles: Vec<Role> = roles.iter().filter(|(_, on)| on.is_some()).map(|(r, _)| *r).collect();
        let approval_level = match approval_level.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(l) => match l.parse::<u8>().ok().filter(|l| (1..=3).contains(l)) {
                Some(level) => Some(level),
                None => {
                    note("approval_level", "The approval level is 1, 2 or 3.".into());
                    None
                }
            },
        };
        let scope = if all_countries.is_some() {
            CountryScope::All
        } else {
            CountryScope::Countries(parse_countries(countries).unwrap_or_else(|m| {
                note("countries", m);
                Vec::new()
            }))
        };
        let spec = UserSpec { name, roles, approval_level, scope };
        // A field already reported as unreadable is not reported again for the combination.
        for (field, message) in spec.problems() {
            if !problems.iter().any(|(f, _)| *f == field) {
                problems.push((field, message));
            }
        }
        if problems.is_empty() {
            Ok(spec)
        } else {
            Err(problems)
        }
    }
}

/// Who is signed in (if anyone) and whether the server runs in demo mode. Never fails.
#[server(prefix = "/api", endpoint = "session/current")]
pub async fn get_session() -> Result<SessionInfo, AppError> {
    let demo = use_context::<crate::server::config::DemoMode>().is_some_and(|d| d.0);
    let user = ssr::principal();
    // The header's count; a failure to read it leaves the count out rather than the page.
    // (The fallback 404 page renders without the store in its context: no count there.)
    let store = use_context::<crate::store::Store>();
    let unread = match (&user, store) {
        (Some(u), Some(db)) => crate::services::notify::unread(&db, u).await.unwrap_or(0),
        _ => 0,
    };
    Ok(SessionInfo { user, demo, unread })
}

/// Signs in. Works with and without JavaScript: a plain form post is redirected back to `/login`
/// with the message, and on success to `next`.
#[server(prefix = "/api", endpoint = "session/login")]
pub async fn login(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use ssr::*;
    let db = db();
    let ip = client_ip();
    let outcome = service::authenticate(&db, &email, &password, &ip).await;
    let user_id = match outcome {
        Ok(id) => id,
        Err(err) => {
            // Without JavaScript the browser shows whatever we answer: redirect back to the form with the
            // message (and no error status, which would replace the redirect).
            if is_plain_form_post() {
                let next_q = next.as_deref().map(|n| format!("&next={}", url_encode(n))).unwrap_or_default();
                crate::web::context::redirect(&format!(
                    "/login?error={}&email={}{next_q}",
                    login_error_code(&err),
                    url_encode(email.trim())
                ));
                return Err(err);
            }
            return Err(fail(err));
        }
    };
    // Rotate: a session id from before sign-in never becomes an authenticated one.
    if let Some(old) = parts().and_then(|p| cookie_token(&p.headers)) {
        session::revoke(&db, &old).await?;
    }
    let agent = parts()
        .and_then(|p| p.headers.get(USER_AGENT).and_then(|v| v.to_str().ok()).map(String::from))
        .unwrap_or_default();
    let token = session::create(&db, user_id, &ip, &agent).await?;
    let user = service::load_user(&db, user_id).await?;
    // A language picked before signing in is the latest choice: it becomes the profile's.
    if let (Some(user), Some(lang)) = (&user, parts().and_then(|p| crate::web::session::cookie_lang(&p.headers))) {
        service::set_language(&db, user, lang).await?;
    }
    let response = expect_context::<ResponseOptions>();
    response.append_header(SET_COOKIE, cookies().set_cookie(&token));
    let must_change = user.is_some_and(|u| u.must_change_password);
    let target = if must_change { "/account/password".to_string() } else { safe_next(next) };
    crate::web::context::redirect(&target);
    Ok(())
}

/// Chooses the interface language (the switcher on every page; a plain form post). Kept in a cookie
/// for signed-out pages and, for a signed-in user, in the profile (also for their e-mail).
#[server(prefix = "/api", endpoint = "language")]
pub async fn set_language(lang: String, next: Option<String>) -> Result<(), AppError> {
    use ssr::*;
    let Some(lang) = crate::i18n::Lang::parse(&lang) else {
        return Err(fail(AppError::invalid("lang", "Choose one of: English, Français, Español, العربية.")));
    };
    if let Some(user) = principal() {
        service::set_language(&db(), &user, lang).await?;
    }
    expect_context::<ResponseOptions>().append_header(SET_COOKIE, cookies().set_lang(lang));
    crate::web::context::redirect(&safe_next_any(next));
    Ok(())
}

/// Signs out: ends this session and clears the cookie.
#[server(prefix = "/api", endpoint = "session/logout")]
pub async fn logout() -> Result<(), AppError> {
    use ssr::*;
    if let Some(token) = parts().and_then(|p| cookie_token(&p.headers)) {
        session::revoke(&db(), &token).await?;
    }
    expect_context::<ResponseOptions>().append_header(SET_COOKIE, cookies().clear_cookie());
    crate::web::context::redirect("/login?signed_out=1");
    Ok(())
}

/// Changes the signed-in user's password; ends every other session, then signs in afresh.
#[server(prefix = "/api", endpoint = "account/password")]
pub async fn change_password(current: String, new_password: String, confirm: String) -> Result<(), AppError> {
    use ssr::*;
    let user = principal().ok_or_else(|| fail(AppError::Unauthenticated))?;
    let db = db();
    let result: Result<(), AppError> = async {
        if !service::check_password(&db, user.id, &current).await? {
            return Err(AppError::invalid("current", "Your current password is not correct."));
        }
        let new = NewPassword::parse(&new_password).map_err(|m| AppError::invalid("new_password", m))?;
        if new_password != confirm {
            return Err(AppError::invalid("confirm", "The two new passwords are not the same."));
        }
        if new_password == current {
            return Err(AppError::invalid("new_password", "Choose a password different from the current one."));
        }
        service::set_password(&db, user.id, &new, false, &service::ChangedBy::own(&user)).await?;
        let token = session::create(&db, user.id, &client_ip(), "").await?;
        expect_context::<ResponseOptions>().append_header(SET_COOKIE, cookies().set_cookie(&token));
        Ok(())
    }
    .await;
    match result {
        Ok(()) => {
            crate::web::context::redirect("/account/password?changed=1");
            Ok(())
        }
        Err(err) => Err(refuse(err, "password", "/account/password", &[])),
    }
}

/// One account's history of changes (roles, level, countries, activation, passwords, tokens) from
/// the signed audit record. Admins only.
#[server(prefix = "/api", endpoint = "admin/users/history")]
pub async fn account_history(id: i64) -> Result<crate::accounts::AccountHistory, AppError> {
    ssr::require_admin()?;
    ssr::service::account_history(&ssr::db(), id).await.map_err(ssr::fail)
}

/// Every user, for the admin page. Admins only.
#[server(prefix = "/api", endpoint = "admin/users/list")]
pub async fn list_users() -> Result<Vec<UserSummary>, AppError> {
    ssr::require_admin()?;
    ssr::service::list_users(&ssr::db()).await
}

/// Creates a user with a temporary password they must change at first sign-in. Admins only.
#[server(prefix = "/api", endpoint = "admin/users/create")]
pub async fn create_user(
    email: String,
    name: String,
    role_assessor: Option<String>,
    role_hr_adviser: Option<String>,
    role_reviewer: Option<String>,
    role_manager: Option<String>,
    role_admin: Option<String>,
    approval_level: Option<String>,
    countries: String,
    all_countries: Option<String>,
    temporary_password: String,
) -> Result<i64, AppError> {
    use ssr::*;
    let admin = require_admin()?;
    // What a refused plain post fills in again besides the e-mail and name (never the password).
    let mut kept: Vec<(String, String)> = [
        ("role_assessor", &role_assessor),
        ("role_hr_adviser", &role_hr_adviser),
        ("role_reviewer", &role_reviewer),
        ("role_manager", &role_manager),
        ("role_admin", &role_admin),
        ("all_countries", &all_countries),
    ]
    .into_iter()
    .filter(|(_, v)| v.is_some())
    .map(|(k, _)| (k.to_string(), "on".to_string()))
    .collect();
    kept.push(("approval_level".into(), approval_level.clone().unwrap_or_default()));
    kept.push(("countries".into(), countries.clone()));
    let result: Result<i64, AppError> = async {
        // Every problem at once, each next to its field.
        let mut problems: Vec<(String, String)> = Vec::new();
        let email = Email::parse(&email).map_err(|m| problems.push(("email".into(), m)));
        let roles = role_flags(role_assessor, role_hr_adviser, role_reviewer, role_manager, role_admin);
        let spec =
            user_spec(&name, &roles, approval_level, &countries, all_countries).map_err(|list| problems.extend(list));
        let password =
            NewPassword::parse(&temporary_password).map_err(|m| problems.push(("temporary_password".into(), m)));
        let (Ok(email), Ok(spec), Ok(password)) = (email, spec, password) else {
            return Err(AppError::fields(problems));
        };
        let id = service::create_user(&db(), &email, spec, &password, true, &service::ChangedBy::admin(&admin)).await?;
        Ok(id)
    }
    .await;
    match result {
        Ok(id) => {
            // Without JavaScript the page says so from its address.
            if is_plain_form_post() {
                crate::web::context::redirect("/admin/users?created=1");
            }
            Ok(id)
        }
        Err(err) => {
            let mut keep: Vec<(&str, &str)> = vec![("email", &email), ("name", &name)];
            keep.extend(kept.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            Err(refuse(err, "create-user", "/admin/users", &keep))
        }
    }
}

/// A refused action on one row of the users table: back to the table, with the message as a
/// notice above it (the row's inputs are the user's stored values, so nothing needs keeping).
#[cfg(feature = "ssr")]
fn row_refused(err: AppError) -> AppError {
    ssr::refuse(err, "user-row", "/admin/users", &[])
}

/// Replaces a user's name, roles, approval level and countries. Admins only.
#[server(prefix = "/api", endpoint = "admin/users/update")]
pub async fn update_user(
    id: i64,
    name: String,
    role_assessor: Option<String>,
    role_hr_adviser: Option<String>,
    role_reviewer: Option<String>,
    role_manager: Option<String>,
    role_admin: Option<String>,
    approval_level: Option<String>,
    countries: String,
    all_countries: Option<String>,
) -> Result<(), AppError> {
    use ssr::*;
    let admin = require_admin()?;
    let roles = role_flags(role_assessor, role_hr_adviser, role_reviewer, role_manager, role_admin);
    let spec = user_spec(&name, &roles, approval_level, &countries, all_countries)
        .map_err(|problems| row_refused(AppError::fields(problems)))?;
    service::update_user(&db(), id, spec, &service::ChangedBy::admin(&admin)).await.map_err(row_refused)
}

/// Deactivates (ending all sessions) or reactivates a user. Admins only; not oneself.
#[server(prefix = "/api", endpoint = "admin/users/active")]
pub async fn set_user_active(
    id: i64,
    active: bool,
    #[server(default)] confirm: Option<String>,
) -> Result<(), AppError> {
    use ssr::*;
    let admin = require_admin()?;
    // Deactivating signs the person out at once: the form asks for a tick first.
    if !active && confirm.is_none() {
        return Err(row_refused(AppError::invalid("confirm", "Tick the box to confirm the deactivation.")));
    }
    service::set_active(&db(), id, active, &service::ChangedBy::admin(&admin)).await.map_err(row_refused)
}

/// Sets a temporary password (the user must change it at next sign-in; sessions end). Admins only.
#[server(prefix = "/api", endpoint = "admin/users/password")]
pub async fn set_temporary_password(id: i64, temporary_password: String) -> Result<(), AppError> {
    use ssr::*;
    let admin = require_admin()?;
    let password =
        NewPassword::parse(&temporary_password).map_err(|m| row_refused(AppError::invalid("temporary_password", m)))?;
    service::set_password(&db(), id, &password, true, &service::ChangedBy::admin(&admin)).await.map_err(row_refused)
}

/// The signed-in user's personal access tokens (for the read API), newest first.
#[server(prefix = "/api", endpoint = "account/tokens/list")]
pub async fn list_tokens() -> Result<Vec<crate::accounts::ApiToken>, AppError> {
    use ssr::*;
    let user = require_role(crate::cases::CASE_READERS)?;
    crate::services::tokens::list(&db(), user.id).await.map_err(fail)
}

/// Creates a personal access token for the signed-in user, who confirms with their password (a
/// stolen session alone cannot mint a long-lived credential); the response is the only time the
/// token is shown.
#[server(prefix = "/api", endpoint = "account/tokens/create")]
pub async fn create_token(
    name: String,
    #[server(default)] days: Option<String>,
    #[server(default)] password: String,
) -> Result<crate::accounts::CreatedToken, AppError> {
    use ssr::*;
    let user = require_role(crate::cases::CASE_READERS)?;
    let db = db();
    let result: Result<crate::accounts::CreatedToken, AppError> = async {
        let name = crate::services::tokens::parse_name(&name)?;
        let days = match days.as_deref().map(str::trim) {
            None | Some("") => crate::services::tokens::MAX_DAYS,
            Some(d) => {
                d.parse::<i64>().map_err(|_| AppError::invalid("days", "Choose how many days the token lasts."))?
            }
        };
        if password.is_empty() {
            return Err(AppError::invalid("password", "Enter your password to confirm."));
        }
        // The same throttling as sign-in: the password check must not become a guessing oracle.
        let confirmed = service::authenticate(&db, &user.email, &password, &client_ip()).await;
        match confirmed {
            Ok(id) if id == user.id => {}
            Err(e @ AppError::TooManyAttempts(_)) => return Err(e),
            _ => return Err(AppError::invalid("password", "Your password is not correct.")),
        }
        crate::services::tokens::create(&db, &user, &name, days).await
    }
    .await;
    match result {
        Ok(created) => {
            // Without JavaScript the answer is not shown: the profile page shows the token once, from
            // a short-lived cookie of this browser (see `NEW_TOKEN_COOKIE`).
            if is_plain_form_post() {
                let shown = ShownToken { user_id: user.id, token: created.clone() };
                let value = hex::encode(serde_json::to_vec(&shown).unwrap_or_default());
                expect_context::<ResponseOptions>().append_header(SET_COOKIE, cookies().set_new_token(&value));
                crate::web::context::redirect("/account?token=created#tokens-h");
            }
            Ok(created)
        }
        Err(err) => Err(refuse(err, "token", "/account#tokens-h", &[("name", &name)])),
    }
}

/// A new token on its way to the profile page, for the account that created it only.
#[cfg(feature = "ssr")]
#[derive(serde::Serialize, serde::Deserialize)]
struct ShownToken {
    user_id: i64,
    token: crate::accounts::CreatedToken,
}

/// The token just created by a plain form post of this browser, once: reading it clears it.
#[server(prefix = "/api", endpoint = "account/tokens/just-created")]
pub async fn take_created_token() -> Result<Option<crate::accounts::CreatedToken>, AppError> {
    use ssr::*;
    let user = require_role(crate::cases::CASE_READERS)?;
    let Some(value) =
        parts().and_then(|p| crate::web::session::cookie_value(&p.headers, crate::web::session::NEW_TOKEN_COOKIE))
    else {
        return Ok(None);
    };
    expect_context::<ResponseOptions>().append_header(SET_COOKIE, cookies().clear_new_token());
    let shown = hex::decode(value).ok().and_then(|bytes| serde_json::from_slice::<ShownToken>(&bytes).ok());
    Ok(shown.filter(|s| s.user_id == user.id).map(|s| s.token))
}

/// Revokes one of the signed-in user's tokens.
#[server(prefix = "/api", endpoint = "account/tokens/revoke")]
pub async fn revoke_token(id: i64) -> Result<(), AppError> {
    use ssr::*;
    let user = require_role(crate::cases::CASE_READERS)?;
    crate::services::tokens::revoke(&db(), &user, id).await.map_err(|e| refuse(e, "revoke", "/account#tokens-h", &[]))
}

/// Whether the first administrator can be created in the browser (a fresh server with no account
/// printed a set-up code). Public: it tells nothing beyond "this server is not set up yet".
#[server(prefix = "/api", endpoint = "setup/status")]
pub async fn setup_status() -> Result<bool, AppError> {
    use ssr::*;
    let code = leptos::prelude::use_context::<crate::accounts::setup::SetupCode>().unwrap_or_default();
    Ok(code.is_open() && service::user_count(&db()).await.map_err(fail)? == 0)
}

/// Creates the first administrator with the one-time set-up code the server printed on its first
/// start (issue 17, item 16). Refused once any account exists or the code was used. Every field is
/// checked before the code is used, so a typo costs nothing; the account event names the set-up.
#[server(prefix = "/api", endpoint = "setup/first-admin")]
pub async fn setup_first_admin(
    code: String,
    name: String,
    email: String,
    password: String,
    password_again: String,
) -> Result<(), AppError> {
    use ssr::*;
    let setup = leptos::prelude::use_context::<crate::accounts::setup::SetupCode>().unwrap_or_default();
    let db = db();
    let result: Result<(), AppError> = async {
        if !setup.is_open() || service::user_count(&db).await? > 0 {
            return Err(AppError::forbidden(
                "HRDD is already set up: sign in, or ask an administrator for an account.",
            ));
        }
        // Every problem at once, each next to its field; the code is spent only when all is well.
        let mut problems: Vec<(String, String)> = Vec::new();
        let name = parse_name(&name).map_err(|m| problems.push(("name".into(), m)));
        let email = Email::parse(&email).map_err(|m| problems.push(("email".into(), m)));
        let password = NewPassword::parse(&password).map_err(|m| problems.push(("password".into(), m)));
        if password.as_ref().is_ok_and(|p| p.expose() != password_again) {
            problems.push(("password_again".into(), "The two passwords differ.".into()));
        }
        if code.trim().is_empty() {
            problems.push(("code".into(), "Enter the set-up code the server printed when it started.".into()));
        }
        let (Ok(name), Ok(email), Ok(password), true) = (name, email, password, problems.is_empty()) else {
            return Err(AppError::fields(problems));
        };
        let Some(used) = setup.redeem(&code) else {
            return Err(AppError::invalid("code", "This is not the set-up code the server printed when it started."));
        };
        let spec = UserSpec {
            name,
            roles: vec![Role::Admin],
            approval_level: None,
            scope: CountryScope::Countries(Vec::new()),
        };
        let by = service::ChangedBy::command_line("first-run set-up in the browser");
        match service::create_user(&db, &email, spec, &password, false, &by).await {
            Ok(_) => Ok(()),
            Err(e) => {
                setup.reopen(used);
                Err(e)
            }
        }
    }
    .await;
    match result {
        Ok(()) => {
            crate::web::context::redirect(&format!("/login?created=1&email={}", url_encode(email.trim())));
            Ok(())
        }
        Err(err) => Err(refuse(err, "setup", "/setup", &[("name", &name), ("email", &email)])),
    }
}
