//! The approval matrix (spec §10.4) and segregation of duties (§10.3) as pure functions: which final
//! decisions a component may receive, whether a reviewer's set of decisions is acceptable, and who may
//! not sign or concur. No I/O; unit-tested below.

use crate::accounts::{CurrentUser, Role};
use crate::methodology::codes::{FinalDecision, ImplementationStatus, RecommendedDecision};
use crate::methodology::result::ComponentResult;

/// Who took part in a version: its creator, the users who edited its answers as assessors, everyone
/// who saved anything in it (advisers' advice and concurrences included) and whoever submitted it.
#[derive(Clone, Debug, Default)]
pub struct Participants {
    pub creator: i64,
    pub editors: Vec<i64>,
    pub savers: Vec<i64>,
    pub submitters: Vec<i64>,
}

/// Why `user` may not sign this version off (spec §10.1, §10.3), or None. An administrator never
/// signs; nobody signs a version they created, edited, advised on, concurred in or submitted.
pub fn signer_conflict(p: &Participants, user: &CurrentUser) -> Option<String> {
    if user.has(Role::Admin) {
        Some("Administrators do not sign off assessments (spec §10.1); ask a reviewer.".into())
    } else if p.creator == user.id {
        Some("You created this assessment, so someone else must sign it off (segregation of duties).".into())
    } else if p.submitters.contains(&user.id) {
        Some("You submitted this assessment, so someone else must sign it off (segregation of duties).".into())
    } else if p.editors.contains(&user.id) {
        Some("You edited this assessment's answers, so someone else must sign it off (segregation of duties).".into())
    } else if p.savers.contains(&user.id) {
        Some("You gave advice or a concurrence in this assessment, so someone else must sign it off (segregation of duties).".into())
    } else {
        None
    }
}

/// Why `user` may not give the adviser's concurrence in this version (spec §10.3), or None.
pub fn adviser_conflict(p: &Participants, user: &CurrentUser) -> Option<String> {
    if p.creator == user.id || p.editors.contains(&user.id) || p.submitters.contains(&user.id) {
        Some("You created, edited or submitted this assessment, so another human-rights adviser must give the concurrence (segregation of duties).".into())
    } else {
        None
    }
}

/// Final decisions allowed for a component with this result, given whether the support is already
/// running (1.8). Ordered least to most restrictive.
pub fn allowed_decisions(component: &ComponentResult, status: ImplementationStatus) -> Vec<FinalDecision> {
    use FinalDecision::*;
    let recommended = component.recommended_decision;
    let fits_status = |d: FinalDecision| match d {
        DoNotProceed => status == ImplementationStatus::NotStarted,
        d if d.needs_ongoing_support() => status == ImplementationStatus::Ongoing,
        _ => true,
    };
    let by_matrix = |d: FinalDecision| match recommended {
        RecommendedDecision::Proceed => true,
        RecommendedDecision::ProceedWithMitigation => d.rank() >= 1,
        RecommendedDecision::Escalate => d == ProceedWithConditions || d.is_stop(),
        _ => d.is_stop(),
    };
    // A valid override request also allows its proposed decision (at the raised level, §7.3).
    let requested = component.override_request.then_some(component.proposed_decision).flatten();
    FinalDecision::ALL.iter().copied().filter(|d| fits_status(*d) && (by_matrix(*d) || Some(*d) == requested)).collect()
}

/// Why a final decision is not acceptable for a component, in words (None when it is).
pub fn decision_problem(
    component: &ComponentResult,
    status: ImplementationStatus,
    decision: FinalDecision,
    conditions: &str,
) -> Option<String> {
    if !allowed_decisions(component, status).contains(&decision) {
        let reason = match decision {
            FinalDecision::DoNotProceed if status == ImplementationStatus::Ongoing => {
                " (the support is already running: suspend, freeze or withdraw it instead)".to_string()
            }
            d if d.needs_ongoing_support() && status == ImplementationStatus::NotStarted => {
                " (the support has not started: do not proceed instead)".to_string()
            }
            _ => format!(" when the recommendation is {}", component.recommended_decision.code()),
        };
        return Some(format!("{} is not allowed for {}{reason}.", decision.code(), component.component_id));
    }
    if decision == FinalDecision::ProceedWithConditions && conditions.trim().is_empty() {
        return Some(format!(
            "Write the conditions for {} (required to proceed with conditions).",
            component.component_id
        ));
    }
    None
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::methodology::draft::score_draft;
    use crate::methodology::Registry;

    fn component(example: &str) -> ComponentResult {
        let registry: Registry = crate::methodology::load_registry_from_dir(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/methodology"
        )))
        .expect("catalogue");
        let path = format!("{}/tests/fixtures/examples/{example}.answers.json", env!("CARGO_MANIFEST_DIR"));
        let answers = crate::methodology::draft::Draft::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
        score_draft(&registry, &answers).result().expect("valid example").components[0].clone()
    }

    fn user(id: i64, roles: &[Role]) -> CurrentUser {
        CurrentUser {
            id,
            email: format!("u{id}@un.org"),
            name: format!("U{id}"),
            roles: roles.to_vec(),
            approval_level: Some(3),
            scope: crate::accounts::CountryScope::All,
            must_change_password: false,
            lang: None,
        }
    }

    #[test]
    fn the_submitter_creator_editors_advisers_and_administrators_never_sign() {
        let p = Participants { creator: 1, editors: vec![1, 2], savers: vec![1, 2, 3], submitters: vec![4] };
        let reviewer = [Role::Reviewer];
        assert!(signer_conflict(&p, &user(1, &reviewer)).unwrap().contains("created"));
        assert!(signer_conflict(&p, &user(2, &reviewer)).unwrap().contains("edited"));
        assert!(signer_conflict(&p, &user(3, &reviewer)).unwrap().contains("advice"));
        // An assessor who is also a level-3 reviewer submitted someone else's case: not theirs to sign.
        assert!(signer_conflict(&p, &user(4, &[Role::Assessor, Role::Reviewer])).unwrap().contains("submitted"));
        assert!(signer_conflict(&p, &user(5, &[Role::Admin, Role::Reviewer])).unwrap().contains("Administrators"));
        assert_eq!(signer_conflict(&p, &user(5, &reviewer)), None);
        assert!(adviser_conflict(&p, &user(4, &[Role::HrAdviser])).is_some());
        assert_eq!(adviser_conflict(&p, &user(3, &[Role::HrAdviser])), None);
    }

    #[test]
    fn escalate_allows_conditions_or_a_stop_and_conditions_need_text() {
        let c = component("03_substantial_gendarmerie_vehicles");
        assert_eq!(c.recommended_decision, RecommendedDecision::Escalate);
        let allowed = allowed_decisions(&c, ImplementationStatus::NotStarted);
        assert_eq!(allowed, [FinalDecision::ProceedWithConditions, FinalDecision::DoNotProceed]);
        assert!(decision_problem(&c, ImplementationStatus::NotStarted, FinalDecision::Proceed, "").is_some());
        assert!(decision_problem(&c, ImplementationStatus::NotStarted, FinalDecision::ProceedWithConditions, " ")
            .unwrap()
            .contains("conditions"));
        assert_eq!(
            decision_problem(
                &c,
                ImplementationStatus::NotStarted,
                FinalDecision::ProceedWithConditions,
                "Quarterly visits"
            ),
            None
        );
        let ongoing = allowed_decisions(&c, ImplementationStatus::Ongoing);
        assert!(ongoing.contains(&FinalDecision::Suspend) && !ongoing.contains(&FinalDecision::DoNotProceed));
    }

    #[test]
    fn proceed_allows_everything_that_fits_the_implementation_status() {
        let mut c = component("01_low_forensic_lab_police");
        c.recommended_decision = RecommendedDecision::Proceed;
        let allowed = allowed_decisions(&c, ImplementationStatus::NotStarted);
        assert!(allowed.contains(&FinalDecision::Proceed) && allowed.contains(&FinalDecision::ProceedWithConditions));
        assert!(!allowed.contains(&FinalDecision::Withdraw));
        c.recommended_decision = RecommendedDecision::ProceedWithMitigation;
        assert!(!allowed_decisions(&c, ImplementationStatus::NotStarted).contains(&FinalDecision::Proceed));
        c.recommended_decision = RecommendedDecision::Suspend;
        assert_eq!(
            allowed_decisions(&c, ImplementationStatus::Ongoing),
            [FinalDecision::Suspend, FinalDecision::TemporaryFreeze, FinalDecision::Withdraw]
        );
        // A valid override request adds its proposed decision.
        c.recommended_decision = RecommendedDecision::Escalate;
        c.override_request = true;
        c.proposed_decision = Some(FinalDecision::ProceedWithMitigation);
        assert!(allowed_decisions(&c, ImplementationStatus::NotStarted).contains(&FinalDecision::ProceedWithMitigation));
    }
}
