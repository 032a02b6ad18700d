//! Which message labels each coded value. Pages (`ui::components::tone`) and exports (`?lang=`) both
//! take a value's words from here, so a band or a decision reads the same wherever it appears;
//! stored data and the API keep the codes.

use crate::accounts::Role;
use crate::cases::CaseState;
use crate::methodology::codes::{Band, FinalDecision, RecommendedDecision};

/// A coded value with a label in the message files (`src/i18n/locales/<code>/values.ftl`).
pub trait Labelled: Copy {
    /// The message id of the value's label.
    fn label_id(self) -> &'static str;
}

impl Labelled for Band {
    /// Bands are shown in capitals (LOW … HIGH, FAIBLE … ÉLEVÉ): the methodology's users read them so.
    fn label_id(self) -> &'static str {
        match self {
            Band::Low => "band-low",
            Band::Moderate => "band-moderate",
            Band::Substantial => "band-substantial",
            Band::High => "band-high",
        }
    }
}

impl Labelled for CaseState {
    fn label_id(self) -> &'static str {
        match self {
            CaseState::Draft => "state-draft",
            CaseState::Submitted => "state-submitted",
            CaseState::Returned => "state-returned",
            CaseState::Decided => "state-decided",
            CaseState::Superseded => "state-superseded",
        }
    }
}

impl Labelled for RecommendedDecision {
    fn label_id(self) -> &'static str {
        match self {
            RecommendedDecision::Proceed => "decision-proceed",
            RecommendedDecision::ProceedWithMitigation => "decision-proceed-with-mitigation",
            RecommendedDecision::Escalate => "decision-escalate",
            RecommendedDecision::DoNotProceed => "decision-do-not-proceed",
            RecommendedDecision::Suspend => "decision-suspend",
            RecommendedDecision::TemporaryFreeze => "decision-temporary-freeze",
        }
    }
}

impl Labelled for FinalDecision {
    fn label_id(self) -> &'static str {
        match self {
            FinalDecision::Proceed => "decision-proceed",
            FinalDecision::ProceedWithMitigation => "decision-proceed-with-mitigation",
            FinalDecision::ProceedWithConditions => "decision-proceed-with-conditions",
            FinalDecision::DoNotProceed => "decision-do-not-proceed",
            FinalDecision::Suspend => "decision-suspend",
            FinalDecision::TemporaryFreeze => "decision-temporary-freeze",
            FinalDecision::Withdraw => "decision-withdraw",
        }
    }
}

impl Labelled for Role {
    fn label_id(self) -> &'static str {
        match self {
            Role::Assessor => "role-assessor",
            Role::HrAdviser => "role-hr-adviser",
            Role::Reviewer => "role-reviewer",
            Role::Manager => "role-manager",
            Role::Admin => "role-admin",
        }
    }
}

impl Labelled for crate::notify::MailPref {
    fn label_id(self) -> &'static str {
        match self {
            crate::notify::MailPref::Immediate => "mail-pref-immediate",
            crate::notify::MailPref::Daily => "mail-pref-daily",
            crate::notify::MailPref::None => "mail-pref-none",
        }
    }
}

impl Labelled for crate::accounts::AccountChange {
    fn label_id(self) -> &'static str {
        use crate::accounts::AccountChange as Change;
        match self {
            Change::Created => "account-change-created",
            Change::Updated => "account-change-updated",
            Change::Deactivated => "account-change-deactivated",
            Change::Reactivated => "account-change-reactivated",
            Change::PasswordReset => "account-change-password-reset",
            Change::PasswordChanged => "account-change-password-changed",
            Change::TokenCreated => "account-change-token-created",
            Change::TokenRevoked => "account-change-token-revoked",
            Change::MailRetried => "account-change-mail-retried",
            Change::Other => "account-change-other",
        }
    }
}

/// The words of a field an account event records (`services::accounts::account_history`); None
/// for a key it does not know, which the page then shows as recorded.
pub fn account_field_id(key: &str) -> Option<&'static str> {
    Some(match key {
        "email" => "account-field-email",
        "name" => "account-field-name",
        "roles" => "account-field-roles",
        "approval_level" => "account-field-approval-level",
        "countries" => "account-field-countries",
        "active" => "account-field-active",
        "tokens_revoked" => "account-field-tokens-revoked",
        "prefix" => "account-field-prefix",
        "expires_at" => "account-field-expires-at",
        "token_id" => "account-field-token-id",
        "temporary" => "account-field-temporary",
        _ => return None,
    })
}

/// The message id of what a role may do (the user administration's role choices).
pub fn role_description_id(role: Role) -> &'static str {
    match role {
        Role::Assessor => "role-assessor-description",
        Role::HrAdviser => "role-hr-adviser-description",
        Role::Reviewer => "role-reviewer-description",
        Role::Manager => "role-manager-description",
        Role::Admin => "role-admin-description",
    }
}

/// The label id of a decision code as stored (final or recommended); None for an unknown code.
pub fn decision_label_id(code: &str) -> Option<&'static str> {
    FinalDecision::parse(code)
        .map(Labelled::label_id)
        .or_else(|| RecommendedDecision::parse(code).map(Labelled::label_id))
}

/// The words of a list flag (`crate::cases::FLAGS`) in the message files.
pub fn flag_label_id(flag: &str) -> Option<&'static str> {
    Some(match flag {
        "review_overdue" => "flag-review-overdue",
        "reassessment_due" => "flag-reassessment-due",
        "stop_decision" => "flag-stop-decision",
        "open_intercession" => "flag-open-intercession",
        _ => return None,
    })
}

/// The label ids of every band, case state, decision and role, once each.
pub fn value_label_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = Band::ALL.iter().map(|b| b.label_id()).collect();
    ids.extend(CaseState::ALL.iter().map(|s| s.label_id()));
    ids.extend(RecommendedDecision::ALL.iter().map(|d| d.label_id()));
    ids.extend(FinalDecision::ALL.iter().map(|d| d.label_id()));
    ids.extend(Role::ALL.iter().map(|r| r.label_id()));
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The message ids that island code can reach (the value labels and the access problem's words).
/// The server sends their text in the reader's language with the island's props, because the WASM
/// carries no translation (`ui::i18n::IslandWords`).
pub fn island_word_ids() -> Vec<&'static str> {
    let mut ids = value_label_ids();
    ids.extend(["band-incomplete", "access-sign-in", "access-session-ended", "access-forbidden", "access-failed"]);
    ids
}
