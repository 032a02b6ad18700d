//! Accounts: users, roles, country scopes, sign-in and sessions (spec §10.1).
//!
//! The types here are shared with the browser; `service` and `session` are server-only.

#[cfg(feature = "ssr")]
pub mod setup;

use serde::{Deserialize, Serialize};

/// What a user may do (spec §10.1). A user holds one or more roles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Assessor,
    HrAdviser,
    Reviewer,
    Manager,
    Admin,
}

impl Role {
    pub const ALL: [Role; 5] = [Role::Assessor, Role::HrAdviser, Role::Reviewer, Role::Manager, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Assessor => "assessor",
            Role::HrAdviser => "hr_adviser",
            Role::Reviewer => "reviewer",
            Role::Manager => "manager",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Assessor => "Assessor",
            Role::HrAdviser => "Human-rights adviser",
            Role::Reviewer => "Reviewer",
            Role::Manager => "Manager",
            Role::Admin => "Administrator",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Role::Assessor => "Country-office staff: creates and edits assessments, submits them.",
            Role::HrAdviser => "OHCHR or human-rights component: advises, concurs with or refuses lowering overrides.",
            Role::Reviewer => "Approver at level 1 (head of office), 2 (senior management) or 3 (executive head).",
            Role::Manager => "Reads summaries and portfolio figures; no edits.",
            Role::Admin => "Manages users, roles and country scopes; sees no case content.",
        }
    }
}

/// Which countries a user works on: a list of ISO codes, or all countries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "countries", rename_all = "snake_case")]
pub enum CountryScope {
    All,
    Countries(Vec<String>),
}

impl CountryScope {
    pub fn covers(&self, country: &str) -> bool {
        match self {
            CountryScope::All => true,
            CountryScope::Countries(list) => list.iter().any(|c| c == country),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            CountryScope::All => "All countries".to_string(),
            CountryScope::Countries(list) if list.is_empty() => "No country".to_string(),
            CountryScope::Countries(list) => list.join(", "),
        }
    }
}

/// The signed-in user as every page and server function sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub roles: Vec<Role>,
    /// Reviewer approval level 1–3 (None for non-reviewers).
    pub approval_level: Option<u8>,
    pub scope: CountryScope,
    /// A temporary password was set by an admin: the user must choose a new one first.
    pub must_change_password: bool,
    /// The language the user chose (None: not chosen yet; the browser's is used).
    #[serde(default)]
    pub lang: Option<crate::i18n::Lang>,
}

impl CurrentUser {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    pub fn roles_label(&self) -> String {
        let mut parts: Vec<String> = self.roles.iter().map(|r| r.label().to_string()).collect();
        if let (Some(level), Some(p)) = (self.approval_level, parts.iter_mut().find(|p| p.as_str() == "Reviewer")) {
            *p = format!("Reviewer (level {level})");
        }
        parts.join(", ")
    }
}

/// What every page needs to know about the session: who is signed in, and whether this is a demo.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub user: Option<CurrentUser>,
    pub demo: bool,
    /// How many of the user's notifications are unread (the header's count).
    pub unread: i64,
}

/// Demo mode (`hrdd serve --demo`): one account per role, all with this password.
pub const DEMO_PASSWORD: &str = "demo-password-2026";
pub const DEMO_ACCOUNTS: &[(&str, &str)] = &[
    ("assessor@demo.hrdd", "Assessor (KE, UG)"),
    ("adviser@demo.hrdd", "Human-rights adviser (KE, UG)"),
    ("reviewer1@demo.hrdd", "Reviewer level 1 (KE, UG)"),
    ("reviewer2@demo.hrdd", "Reviewer level 2 (all countries)"),
    ("reviewer3@demo.hrdd", "Reviewer level 3 (all countries)"),
    ("manager@demo.hrdd", "Manager (all countries)"),
    ("admin@demo.hrdd", "Administrator"),
];

/// A user as the admin page lists it: the account plus its status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub user: CurrentUser,
    pub active: bool,
    pub last_sign_in: Option<String>,
    pub created_at: String,
}

/// Everything an admin (or the CLI) sets when creating or editing a user.
#[derive(Clone, Debug)]
pub struct UserSpec {
    pub name: String,
    pub roles: Vec<Role>,
    pub approval_level: Option<u8>,
    pub scope: CountryScope,
}

impl UserSpec {
    /// Checks the combination: at least one role; reviewers need a level 1–3; anyone who sees cases
    /// needs at least one country (or all countries). Every problem at once.
    pub fn check(self) -> Result<UserSpec, crate::error::AppError> {
        let problems = self.problems();
        crate::error::AppError::from_fields(problems)?;
        Ok(self.normalized())
    }

    /// The roles sorted without repeats, and no approval level unless the user reviews.
    fn normalized(mut self) -> UserSpec {
        self.roles.sort();
        self.roles.dedup();
        if !self.roles.contains(&Role::Reviewer) {
            self.approval_level = None;
        }
        self
    }

    /// Each (field, message) the combination breaks.
    pub fn problems(&self) -> Vec<(String, String)> {
        let mut problems = Vec::new();
        let mut problem = |field: &str, message: &str| problems.push((field.to_string(), message.to_string()));
        if self.roles.is_empty() {
            problem("roles", "Choose at least one role.");
        }
        // Spec §10.1: administrators see no case content and sign nothing. Holding another role as
        // well would let an administrator grant themself what the separation is there to prevent.
        if self.roles.contains(&Role::Admin) && self.roles.iter().any(|r| *r != Role::Admin) {
            problem(
                "roles",
                "The administrator role stands alone: an administrator cannot also assess, advise, review or manage cases. Use a second account for that work.",
            );
        }
        if self.roles.contains(&Role::Reviewer) && !matches!(self.approval_level, Some(1..=3)) {
            problem("approval_level", "A reviewer needs an approval level of 1, 2 or 3.");
        }
        let sees_cases = self.roles.iter().any(|r| *r != Role::Admin);
        if sees_cases && self.scope == CountryScope::Countries(Vec::new()) {
            problem("countries", "Give at least one country, or all countries.");
        }
        problems
    }
}

impl From<&CurrentUser> for UserSpec {
    fn from(u: &CurrentUser) -> UserSpec {
        UserSpec {
            name: u.name.clone(),
            roles: u.roles.clone(),
            approval_level: u.approval_level,
            scope: u.scope.clone(),
        }
    }
}

pub const PASSWORD_MIN: usize = 12;
pub const PASSWORD_MAX: usize = 200;
pub const NAME_MAX: usize = 120;
pub const EMAIL_MAX: usize = 254;

/// A syntactically valid, lower-cased e-mail address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Email, String> {
        let email = raw.trim().to_lowercase();
        if email.is_empty() {
            return Err("Enter an e-mail address.".into());
        }
        if email.len() > EMAIL_MAX {
            return Err(format!("An e-mail address has at most {EMAIL_MAX} characters."));
        }
        let valid = match email.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !email.chars().any(|c| c.is_whitespace() || c.is_control())
                    && !domain.contains('@')
            }
            None => false,
        };
        if valid {
            Ok(Email(email))
        } else {
            Err("Enter an e-mail address such as name@un.org.".into())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password that meets the policy (12–200 characters).
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(raw: &str) -> Result<NewPassword, String> {
        let n = raw.chars().count();
        if n < PASSWORD_MIN {
            return Err(format!("Use at least {PASSWORD_MIN} characters (a short sentence works well)."));
        }
        if n > PASSWORD_MAX {
            return Err(format!("A password has at most {PASSWORD_MAX} characters."));
        }
        Ok(NewPassword(raw.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// A display name: 1–120 characters, no control characters.
pub fn parse_name(raw: &str) -> Result<String, String> {
    let name = raw.trim();
    if name.is_empty() {
        return Err("Enter the person's name.".into());
    }
    if name.chars().count() > NAME_MAX {
        return Err(format!("A name has at most {NAME_MAX} characters."));
    }
    if name.chars().any(char::is_control) {
        return Err("The name contains characters that are not allowed.".into());
    }
    Ok(name.to_string())
}

/// Parses a country list such as "KE, ug tz" into sorted, unique ISO alpha-2 codes.
pub fn parse_countries(raw: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for part in raw.split(|c: char| c == ',' || c.is_whitespace()).filter(|p| !p.is_empty()) {
        let code = part.to_ascii_uppercase();
        if !crate::methodology::validate::is_country(&code) {
            return Err(format!("{part:?} is not a two-letter country code (ISO 3166, e.g. KE)."));
        }
        if !out.contains(&code) {
            out.push(code);
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(Email::parse("  Ana.Diaz@UN.org ").unwrap().as_str(), "ana.diaz@un.org");
        for bad in ["", "ana", "ana@", "@un.org", "ana@un", "a b@un.org", "ana@@un.org", "ana@un.org."] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn passwords_need_twelve_characters() {
        assert!(NewPassword::parse("short").is_err());
        assert!(NewPassword::parse("elevenchars").is_err());
        assert!(NewPassword::parse("twelve chars").is_ok());
        assert!(NewPassword::parse(&"x".repeat(201)).is_err());
    }

    #[test]
    fn countries_parse_into_sorted_unique_codes() {
        assert_eq!(parse_countries("ke, UG tz ke").unwrap(), vec!["KE", "TZ", "UG"]);
        assert!(parse_countries("Kenya").is_err());
        assert_eq!(parse_countries("").unwrap(), Vec::<String>::new());
    }
}

/// Longest name of a personal access token.
pub const TOKEN_NAME_MAX: usize = 80;

/// A personal access token as its owner sees it on the profile page (never the token itself).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApiToken {
    pub id: i64,
    pub name: String,
    /// The first characters, e.g. `hrdd_3fa9c1`, to tell tokens apart.
    pub prefix: String,
    pub created_at: String,
    pub expires_at: Option<String>,
    pub last_used_at: Option<String>,
    /// Neither revoked nor expired.
    pub active: bool,
    pub revoked: bool,
}

/// A token just created: the only time the token itself is shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreatedToken {
    pub id: i64,
    pub name: String,
    pub token: String,
    pub expires_at: String,
}

/// One change of an account, as its history page shows it (from the signed audit record).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountEvent {
    /// Its number in the installation's audit record.
    pub seq: i64,
    pub at: String,
    /// Who did it: an administrator's e-mail, the user themself, or the command line.
    pub actor: String,
    pub action: AccountChange,
    /// What changed: `(field, before, after)`, the field by its recorded key (`approval_level`);
    /// before is empty for a creation. Pages word the key (`i18n::labels::account_field_id`).
    pub changes: Vec<(String, String, String)>,
    pub hash: String,
    /// The event's hash and signature hold.
    pub verified: bool,
}

/// What happened to an account, as its history lists it (from the audit record's action).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountChange {
    Created,
    Updated,
    Deactivated,
    Reactivated,
    /// A temporary password set by an administrator.
    PasswordReset,
    /// The user changed their own password.
    PasswordChanged,
    TokenCreated,
    TokenRevoked,
    /// An administrator sent one of the account's e-mails again.
    MailRetried,
    /// An event of another kind (none is recorded against accounts today).
    Other,
}

/// An account and every recorded change of it, oldest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountHistory {
    pub user: UserSummary,
    pub events: Vec<AccountEvent>,
}
