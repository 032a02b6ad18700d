//! Who may do what to a case version in which state (spec §10.1–§10.4), as one pure function:
//! [`decide`] takes the version's state and country, the action and the acting user, and answers
//! with the state the version moves to and what the record notes — or a typed [`Refusal`]. The
//! services ask it before they touch the store; the tests below walk every combination.

use super::rules::{adviser_conflict, signer_conflict, Participants};
use crate::accounts::{CurrentUser, Role};
use crate::cases::CaseState;

/// What a user asks to do to one case version.
#[derive(Clone, Copy, Debug)]
pub enum Act<'p> {
    /// Save answers of a wizard step; human-rights advisers may save the consultations step.
    EditAnswers {
        consultations_step: bool,
    },
    /// Concur with or refuse a lowering override or an override request (human-rights advisers).
    Concur {
        participants: &'p Participants,
    },
    Submit,
    /// Send a submitted version back to the assessors (any reviewer level).
    Return,
    /// Sign the version off. `required_level` is the engine's `approval_level_required`, `None`
    /// when the stored answers no longer score.
    SignOff {
        required_level: Option<u8>,
        participants: &'p Participants,
    },
    RecordTrigger,
    StartReassessment,
    Comment,
}

/// What the audit record notes for an allowed act.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Noted {
    AnswersSaved,
    Concurrence,
    Submitted,
    Returned,
    SignedOff,
    TriggerRecorded,
    /// On the new version; this one stays decided until the new one is signed off.
    ReassessmentStarted,
    Commented,
}

/// An allowed act: the state the version is in afterwards, and what is noted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub to: CaseState,
    pub noted: Noted,
}

/// Why an act is refused. Each carries the sentence the user reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The version is outside the user's countries (shown as "not found": its existence stays hidden).
    OutOfScope,
    /// The user's roles do not allow the act.
    Role(String),
    /// The version's state does not allow it (someone else may have moved it on).
    State(String),
    /// Segregation of duties (spec §10.3).
    Segregation(String),
    /// The reviewer's approval level is below what the version requires (spec §10.4).
    Level(String),
}

#[cfg(feature = "ssr")]
impl From<Refusal> for crate::error::AppError {
    fn from(refusal: Refusal) -> Self {
        use crate::error::AppError;
        match refusal {
            Refusal::OutOfScope => crate::cases::access::not_found(),
            Refusal::Role(why) | Refusal::Segregation(why) | Refusal::Level(why) => AppError::forbidden(why),
            Refusal::State(why) => AppError::Conflict(why),
        }
    }
}

/// Answers whether `user` may do `act` to a version in `state` in `country`.
pub fn decide(state: CaseState, country: &str, act: Act<'_>, user: &CurrentUser) -> Result<Step, Refusal> {
    use CaseState::*;
    if !crate::cases::CASE_READERS.iter().any(|r| user.has(*r)) || !user.scope.covers(country) {
        return Err(Refusal::OutOfScope);
    }
    let role = |ok: bool, sentence: &str| if ok { Ok(()) } else { Err(Refusal::Role(sentence.to_string())) };
    let in_state = |ok: bool, sentence: String| if ok { Ok(()) } else { Err(Refusal::State(sentence)) };
    let is = |s: CaseState| s.label().to_lowercase();
    match act {
        Act::EditAnswers { consultations_step } => {
            role(
                user.has(Role::Assessor) || (consultations_step && user.has(Role::HrAdviser)),
                "Only assessors edit answers (human-rights advisers record their advice on the consultations step).",
            )?;
            in_state(state.editable(), format!("This assessment is {} and read-only.", is(state)))?;
            Ok(Step { to: state, noted: Noted::AnswersSaved })
        }
        Act::Concur { participants } => {
            role(user.has(Role::HrAdviser), "Only human-rights advisers give concurrences.")?;
            in_state(
                state.editable(),
                format!("This assessment is {}; concurrences are given on drafts and returned cases.", is(state)),
            )?;
            adviser_conflict(participants, user).map_or(Ok(()), |why| Err(Refusal::Segregation(why)))?;
            Ok(Step { to: state, noted: Noted::Concurrence })
        }
        Act::Submit => {
            role(user.has(Role::Assessor), "Only assessors submit assessments.")?;
            in_state(state.editable(), format!("This assessment is {} and read-only.", is(state)))?;
            Ok(Step { to: Submitted, noted: Noted::Submitted })
        }
        Act::Return => {
            role(user.has(Role::Reviewer), "Only reviewers return assessments.")?;
            in_state(
                state == Submitted,
                format!("Only a submitted assessment can be returned; this one is {}.", is(state)),
            )?;
            Ok(Step { to: Returned, noted: Noted::Returned })
        }
        Act::SignOff { required_level, participants } => {
            role(user.has(Role::Reviewer), "Only reviewers sign off assessments.")?;
            in_state(
                state == Submitted,
                format!("Only a submitted assessment can be signed off; this one is {}.", is(state)),
            )?;
            signer_conflict(participants, user).map_or(Ok(()), |why| Err(Refusal::Segregation(why)))?;
            let required = required_level
                .ok_or_else(|| Refusal::State("The stored answers no longer score; return the case.".into()))?;
            let level = user.approval_level.unwrap_or(0);
            if level < required {
                return Err(Refusal::Level(format!(
                    "This case needs approval level {required}; you sign at level {level}."
                )));
            }
            Ok(Step { to: Decided, noted: Noted::SignedOff })
        }
        Act::RecordTrigger => {
            role(
                user.has(Role::Assessor) || user.has(Role::HrAdviser),
                "Assessors and human-rights advisers record trigger events.",
            )?;
            in_state(state == Decided, "Trigger events are recorded on decided assessments.".into())?;
            Ok(Step { to: Decided, noted: Noted::TriggerRecorded })
        }
        Act::StartReassessment => {
            role(user.has(Role::Assessor), "Only assessors of this country start a re-assessment.")?;
            in_state(state == Decided, "Only a decided assessment can be re-assessed.".into())?;
            Ok(Step { to: Decided, noted: Noted::ReassessmentStarted })
        }
        Act::Comment => Ok(Step { to: state, noted: Noted::Commented }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::CountryScope;

    const STATES: [CaseState; 5] =
        [CaseState::Draft, CaseState::Submitted, CaseState::Returned, CaseState::Decided, CaseState::Superseded];
    /// Every role alone, plus the combinations the admin form allows.
    const ROLE_SETS: [&[Role]; 8] = [
        &[Role::Assessor],
        &[Role::HrAdviser],
        &[Role::Reviewer],
        &[Role::Manager],
        &[Role::Admin],
        &[Role::Assessor, Role::HrAdviser],
        &[Role::Reviewer, Role::Manager],
        &[Role::Assessor, Role::Reviewer],
    ];
    const ME: i64 = 7;

    fn user(roles: &[Role], level: Option<u8>, scope: CountryScope) -> CurrentUser {
        CurrentUser {
            id: ME,
            email: "me@un.org".into(),
            name: "Me".into(),
            roles: roles.to_vec(),
            approval_level: level,
            scope,
            must_change_password: false,
            lang: None,
        }
    }

    /// The ways the acting user can have taken part in the version already.
    fn histories() -> Vec<(&'static str, Participants)> {
        let none = Participants { creator: 1, editors: vec![1], savers: vec![1, 2], submitters: vec![1] };
        vec![
            ("none", none.clone()),
            ("creator", Participants { creator: ME, ..none.clone() }),
            ("editor", Participants { editors: vec![1, ME], savers: vec![1, 2, ME], ..none.clone() }),
            ("saver", Participants { savers: vec![1, 2, ME], ..none.clone() }),
            ("submitter", Participants { submitters: vec![ME], ..none }),
        ]
    }

    /// What the spec's tables say, written independently of `decide`: the expected outcome of one
    /// combination, as (allowed?, next state).
    fn expected(
        state: CaseState,
        act: &str,
        u: &CurrentUser,
        history: &str,
        required: Option<u8>,
    ) -> Option<CaseState> {
        use CaseState::*;
        let has = |r: Role| u.roles.contains(&r);
        let editable = matches!(state, Draft | Returned);
        let reads = u.roles.iter().any(|r| *r != Role::Admin);
        if !reads || !u.scope.covers("KE") {
            return None;
        }
        match act {
            "edit" => (has(Role::Assessor) && editable).then_some(state),
            "edit-consultations" => ((has(Role::Assessor) || has(Role::HrAdviser)) && editable).then_some(state),
            "concur" => {
                let took_part = matches!(history, "creator" | "editor" | "submitter");
                (has(Role::HrAdviser) && editable && !took_part).then_some(state)
            }
            "submit" => (has(Role::Assessor) && editable).then_some(Submitted),
            "return" => (has(Role::Reviewer) && state == Submitted).then_some(Returned),
            "sign-off" => {
                let level_ok = required.is_some_and(|r| u.approval_level.unwrap_or(0) >= r);
                (has(Role::Reviewer) && state == Submitted && history == "none" && level_ok).then_some(Decided)
            }
            "trigger" => ((has(Role::Assessor) || has(Role::HrAdviser)) && state == Decided).then_some(Decided),
            "reassess" => (has(Role::Assessor) && state == Decided).then_some(Decided),
            "comment" => Some(state),
            other => panic!("{other}"),
        }
    }

    #[test]
    fn every_state_act_role_level_scope_and_history_follows_the_spec() {
        let mut checked = 0;
        for state in STATES {
            for roles in ROLE_SETS {
                for level in [None, Some(1), Some(2), Some(3)] {
                    for scope in [
                        CountryScope::All,
                        CountryScope::Countries(vec!["KE".into()]),
                        CountryScope::Countries(vec!["UG".into()]),
                    ] {
                        for (history, participants) in histories() {
                            for required in [None, Some(1), Some(2), Some(3)] {
                                let u = user(roles, level, scope.clone());
                                let acts: [(&str, Act); 9] = [
                                    ("edit", Act::EditAnswers { consultations_step: false }),
                                    ("edit-consultations", Act::EditAnswers { consultations_step: true }),
                                    ("concur", Act::Concur { participants: &participants }),
                                    ("submit", Act::Submit),
                                    ("return", Act::Return),
                                    (
                                        "sign-off",
                                        Act::SignOff { required_level: required, participants: &participants },
                                    ),
                                    ("trigger", Act::RecordTrigger),
                                    ("reassess", Act::StartReassessment),
                                    ("comment", Act::Comment),
                                ];
                                for (name, act) in acts {
                                    let got = decide(state, "KE", act, &u);
                                    let want = expected(state, name, &u, history, required);
                                    assert_eq!(
                                        got.as_ref().ok().map(|s| s.to),
                                        want,
                                        "{name} on {state:?} by {roles:?} level {level:?} scope {scope:?} history {history} required {required:?}: {got:?}"
                                    );
                                    if let Err(refusal) = &got {
                                        let out_of_scope = *refusal == Refusal::OutOfScope;
                                        assert_eq!(out_of_scope, !u.scope.covers("KE") || roles == [Role::Admin]);
                                    }
                                    checked += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(checked, 5 * 8 * 4 * 3 * 5 * 4 * 9);
    }

    #[test]
    fn refusals_say_why_in_the_order_a_user_can_act_on() {
        let reviewer = user(&[Role::Reviewer], Some(1), CountryScope::All);
        let clean = Participants { creator: 1, editors: vec![], savers: vec![], submitters: vec![] };
        let creator = Participants { creator: ME, ..clean.clone() };
        // Role before state, state before segregation, segregation before the level.
        let assessor = user(&[Role::Assessor], None, CountryScope::All);
        let sign = |p| Act::SignOff { required_level: Some(3), participants: p };
        assert!(matches!(decide(CaseState::Draft, "KE", sign(&clean), &assessor), Err(Refusal::Role(_))));
        assert!(matches!(decide(CaseState::Draft, "KE", sign(&clean), &reviewer), Err(Refusal::State(_))));
        assert!(matches!(decide(CaseState::Submitted, "KE", sign(&creator), &reviewer), Err(Refusal::Segregation(_))));
        let Err(Refusal::Level(why)) = decide(CaseState::Submitted, "KE", sign(&clean), &reviewer) else { panic!() };
        assert_eq!(why, "This case needs approval level 3; you sign at level 1.");
        let unscored = Act::SignOff { required_level: None, participants: &clean };
        assert!(matches!(decide(CaseState::Submitted, "KE", unscored, &reviewer), Err(Refusal::State(_))));
        let Err(Refusal::State(why)) =
            decide(CaseState::Decided, "KE", Act::EditAnswers { consultations_step: false }, &assessor)
        else {
            panic!()
        };
        assert_eq!(why, "This assessment is decided and read-only.");
    }
}
