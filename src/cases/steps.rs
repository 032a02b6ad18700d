//! The wizard's steps for one case (spec §3.6): case-level steps once, per-component steps once per
//! support component. Each step has a stable URL segment: `case`, `country`, `support-C1`, ….

use crate::methodology::draft::Draft;
use crate::methodology::Catalogue;

/// One step of one case, e.g. step 3 ("support") for component `C1`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepRef {
    pub number: u8,
    pub slug: String,
    pub title: String,
    pub component: Option<String>,
}

impl StepRef {
    /// The URL segment: the slug, plus `-{component_id}` for per-component steps.
    pub fn segment(&self) -> String {
        match &self.component {
            Some(c) => format!("{}-{c}", self.slug),
            None => self.slug.clone(),
        }
    }
}

/// Every step of a case with these components, in the order the wizard walks them:
/// case set-up and country context, then steps 3–6 for each component in turn, consultations,
/// step 8 for each component, and review.
pub fn steps_for(catalogue: &Catalogue, components: &[String]) -> Vec<StepRef> {
    let mut out = Vec::new();
    let mk = |number: u8, component: Option<&String>| {
        catalogue.step(number).map(|s| StepRef {
            number,
            slug: s.slug.clone(),
            title: s.title.clone(),
            component: component.cloned(),
        })
    };
    out.extend([mk(1, None), mk(2, None)].into_iter().flatten());
    for c in components {
        out.extend((3..=6).filter_map(|n| mk(n, Some(c))));
    }
    out.extend(mk(7, None));
    for c in components {
        out.extend(mk(8, Some(c)));
    }
    out.extend(mk(9, None));
    out
}

/// Finds the step a URL segment names (`support-C1` → step 3 of component C1). Component ids may
/// contain `-`, slugs never do, so the segment splits at its first `-`.
pub fn parse_segment(catalogue: &Catalogue, components: &[String], segment: &str) -> Option<StepRef> {
    let (slug, component) = match segment.split_once('-') {
        Some((slug, c)) => (slug, Some(c)),
        None => (segment, None),
    };
    let step = catalogue.steps.iter().find(|s| s.slug == slug)?;
    match (step.per_component, component) {
        (true, Some(c)) if components.iter().any(|x| x == c) => Some(StepRef {
            number: step.number,
            slug: step.slug.clone(),
            title: step.title.clone(),
            component: Some(c.to_string()),
        }),
        (false, None) => {
            Some(StepRef { number: step.number, slug: step.slug.clone(), title: step.title.clone(), component: None })
        }
        _ => None,
    }
}

/// The steps before and after `current` in the wizard's order.
pub fn neighbours<'a>(steps: &'a [StepRef], current: &StepRef) -> (Option<&'a StepRef>, Option<&'a StepRef>) {
    match steps.iter().position(|s| s == current) {
        Some(i) => (i.checked_sub(1).and_then(|p| steps.get(p)), steps.get(i + 1)),
        None => (None, None),
    }
}

/// The step (number, component index) where the answer at a validation path (spec §9) is given:
/// `case.office` → step 1, `components[0].evidence[1].date` → step 4 of the first component.
pub fn step_of_path(catalogue: &Catalogue, path: &str) -> (u8, Option<usize>) {
    let step_of_question = |rest: &str| {
        let id = rest.split(['.', '[']).next().unwrap_or_default();
        catalogue.steps.iter().find(|s| s.questions.iter().any(|q| q == id)).map(|s| s.number)
    };
    if let Some(rest) = path.strip_prefix("case.") {
        return (step_of_question(rest).unwrap_or(1), None);
    }
    if path.starts_with("consultations") {
        return (7, None);
    }
    if path.starts_with(crate::methodology::draft::COUNTRY_CONTEXT_KEY) {
        return (2, None);
    }
    if let Some(rest) = path.strip_prefix("components[") {
        let Some((index, rest)) = rest.split_once(']') else { return (3, None) };
        let index = index.parse::<usize>().ok();
        let rest = rest.trim_start_matches('.');
        let part = rest.split(['.', '[']).next().unwrap_or_default();
        let number = match part {
            "answers" => rest.strip_prefix("answers.").and_then(step_of_question).unwrap_or(3),
            "evidence" => 4,
            "severity" | "overrides" => 5,
            "measures" => 6,
            "proposed_decision" | "intercession" => 8,
            _ => 3,
        };
        return (number, index);
    }
    (9, None)
}

/// The step that clears a blocking item (spec §7.4), for the links on the review step.
pub fn step_of_blocking_code(code: &str) -> u8 {
    match code {
        "MISSING_OHCHR_CONSULTATION"
        | "MISSING_RC_NOTIFICATION"
        | "MISSING_LEGAL_OFFICE_CONSULTATION"
        | "MISSING_HRDDP_LETTER" => 7,
        "MISSING_M8" => 6,
        "OVERRIDE_CONCURRENCE_PENDING" => 5,
        _ => 8,
    }
}

/// How far a step is: shown in the progress list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepStatus {
    NotStarted,
    Incomplete,
    /// Answered, but something here still blocks submission (a missing consultation, a pending concurrence…).
    Blocked,
    Done,
}

impl StepStatus {
    pub fn label(self) -> &'static str {
        match self {
            StepStatus::NotStarted => "not started",
            StepStatus::Incomplete => "incomplete",
            StepStatus::Blocked => "blocked",
            StepStatus::Done => "done",
        }
    }
}

/// The status of every step, from the draft and the engine's outcome on it.
pub fn statuses(
    catalogue: &Catalogue,
    draft: &Draft,
    outcome: &crate::methodology::ScoreOutcome,
    steps: &[StepRef],
) -> Vec<StepStatus> {
    let components: Vec<String> = steps.iter().filter_map(|s| s.component.clone()).fold(Vec::new(), |mut acc, c| {
        if !acc.contains(&c) {
            acc.push(c);
        }
        acc
    });
    let index_of = |s: &StepRef| s.component.as_ref().and_then(|c| components.iter().position(|x| x == c));
    let error_at: Vec<(u8, Option<usize>)> =
        outcome.errors().iter().map(|e| step_of_path(catalogue, &e.path)).collect();
    let blocked_at: Vec<(u8, Option<usize>)> = outcome
        .result()
        .map(|r| {
            r.blocking_items
                .iter()
                .flat_map(|b| {
                    let n = step_of_blocking_code(&b.code);
                    if n == 7 || b.components.is_empty() {
                        vec![(n, None)]
                    } else {
                        b.components.iter().map(|c| (n, components.iter().position(|x| x == c))).collect()
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let started = |s: &StepRef| -> bool {
        let component = s.component.as_deref().and_then(|c| draft.component(c));
        let answers = match component {
            Some(c) => &c.answers,
            None => &draft.case,
        };
        let answered = catalogue.step(s.number).is_some_and(|st| st.questions.iter().any(|q| answers.get(q).is_some()));
        let part_filled = |key: &str| match component {
            Some(c) => c.part(key).is_some_and(|v| v.as_array().is_none_or(|a| !a.is_empty())),
            None => draft.parts.get(key).is_some_and(|v| v.as_array().is_some_and(|a| !a.is_empty())),
        };
        answered
            || match s.number {
                4 => part_filled("evidence"),
                5 => part_filled("overrides") || part_filled("severity"),
                6 => part_filled("measures"),
                7 => part_filled("consultations"),
                8 => part_filled("proposed_decision"),
                _ => false,
            }
    };
    steps
        .iter()
        .map(|s| {
            let here = (s.number, index_of(s));
            let has_errors = error_at.contains(&here);
            if s.number == 9 {
                return match outcome.result() {
                    Some(r) if r.can_submit => StepStatus::Done,
                    Some(_) => StepStatus::Blocked,
                    None => StepStatus::Incomplete,
                };
            }
            if has_errors {
                return if started(s) { StepStatus::Incomplete } else { StepStatus::NotStarted };
            }
            if blocked_at.contains(&here) {
                return StepStatus::Blocked;
            }
            // Steps 5–8 may rightly stay empty: one is done once nothing up to it is wrong or missing for
            // its component or the case. Another component's missing answers do not undo it.
            let clear_up_to_here =
                !error_at.iter().any(|&(n, c)| n <= s.number && (c.is_none() || here.1.is_none() || c == here.1));
            if started(s) || (matches!(s.number, 5..=8) && clear_up_to_here) {
                StepStatus::Done
            } else {
                StepStatus::NotStarted
            }
        })
        .collect()
}

/// A component id from what the user typed: an id as it is ("C2", "VEHICLES"), or a readable name
/// turned into one ("Forensic lab (Nairobi)" → "FORENSIC-LAB-NAIROBI"): letters and digits kept
/// (accents dropped), every other run of characters one `-`, at most 40 characters.
pub fn component_id_from(typed: &str) -> String {
    let typed = typed.trim();
    let id_like = typed.len() <= 40 && typed.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if id_like && typed.chars().any(|c| c.is_ascii_alphanumeric()) {
        return typed.to_string();
    }
    let mut id = String::new();
    for c in typed.chars() {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_uppercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let mut id: String = id.trim_end_matches('-').chars().take(40).collect();
    while id.ends_with('-') {
        id.pop();
    }
    id
}

/// The plain letter of a common accented Latin letter (é → e), other characters unchanged.
fn fold_accent(c: char) -> char {
    match c {
        'à'..='å' | 'À'..='Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è'..='ë' | 'È'..='Ë' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò'..='ö' | 'Ò'..='Ö' | 'ø' | 'Ø' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        _ => c,
    }
}

#[cfg(all(test, feature = "ssr"))]
mod status_tests {
    use super::*;
    use crate::methodology::draft::{score_draft, ComponentDraft};

    /// Seen in a browser: adding a second component turned the first one's risk screening (left empty,
    /// as it may be) from "done" to "not started", because the whole document was no longer valid.
    #[test]
    fn another_components_missing_answers_do_not_undo_a_finished_step() {
        let registry = crate::methodology::load_registry_from_dir(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/methodology"
        )))
        .expect("catalogue");
        let path =
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/examples/01_low_forensic_lab_police.answers.json");
        let mut draft = Draft::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
        let catalogue = registry.get(&draft.methodology_version).unwrap().clone();
        let first = draft.component_ids()[0].clone();
        let status_of = |draft: &Draft, number: u8, component: &str| {
            let outcome = score_draft(&registry, draft);
            let steps = steps_for(&catalogue, &draft.component_ids());
            let i = steps
                .iter()
                .position(|s| s.number == number && s.component.as_deref() == Some(component))
                .expect("step");
            statuses(&catalogue, draft, &outcome, &steps)[i]
        };
        assert_eq!(status_of(&draft, 5, &first), StepStatus::Done);

        draft.components.push(ComponentDraft { component_id: "C2".into(), ..Default::default() });
        assert_eq!(status_of(&draft, 5, &first), StepStatus::Done, "the first component is still screened");
        assert_eq!(status_of(&draft, 3, "C2"), StepStatus::NotStarted);
        assert_eq!(status_of(&draft, 5, "C2"), StepStatus::NotStarted, "nothing before it is answered");
    }
}

#[cfg(test)]
mod component_id_tests {
    use super::component_id_from;

    #[test]
    fn readable_names_become_ids_and_ids_stay() {
        assert_eq!(component_id_from(" C2 "), "C2");
        assert_eq!(component_id_from("VEHICLES"), "VEHICLES");
        assert_eq!(component_id_from("Forensic lab (Nairobi)"), "FORENSIC-LAB-NAIROBI");
        assert_eq!(component_id_from("Équipement de détection"), "EQUIPEMENT-DE-DETECTION");
        assert_eq!(component_id_from("  --  "), "");
        assert!(component_id_from(&"very long name ".repeat(10)).len() <= 40);
        assert!(!component_id_from(&"very long name ".repeat(10)).ends_with('-'));
    }
}
