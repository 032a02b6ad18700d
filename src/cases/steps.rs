//! The wizard's steps for one case (spec §3.6): case-level steps once, per-component steps once per
//! support component. Each step has a stable URL segment: `case`, `country`, `support-C1`, ….

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
