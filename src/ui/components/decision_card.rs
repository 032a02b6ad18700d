//! The decision card: what the assessment says, in plain words, at the top of the wizard's
//! preview, the summary and the printed page. A stop is unmistakably red. For a signed-off version
//! the card leads with the final decisions; the figures behind it stay one link away.

use crate::i18n::labels::Labelled;
use crate::methodology::ResultDocument;
use crate::review::SignOffView;
use crate::ui::components::tone::{Shown, Tone};
use crate::ui::i18n::{t, t_args};
use leptos::prelude::*;

// The card's words live in `wizard.ftl` (`decision-card-*`): the wizard island shows the card too.

/// The word for a decision tone in `data-severity` (tests and print styles read it).
fn severity_word(tone: Tone) -> &'static str {
    match tone {
        Tone::Danger => "stop",
        Tone::Warning => "escalate",
        Tone::Caution => "mitigate",
        _ => "proceed",
    }
}

/// Why the engine recommends what it does, in one phrase: what decided it for the components that
/// carry the overall decision (their decision basis): the hard rules by title, or the residual
/// band ("residual risk HIGH in PENAL-CHAPTER").
fn reason(result: &ResultDocument, titles: &[(String, String)]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in result.components.iter().filter(|c| c.recommended_decision == result.overall_decision) {
        for basis in &c.decision_basis {
            let part = if basis == "BAND" {
                t_args(
                    "decision-card-reason-band",
                    &[("band", t(c.band.label_id())), ("component", c.component_id.to_string())],
                )
            } else {
                titles.iter().find(|(id, _)| id == basis).map_or_else(|| basis.clone(), |(id, t)| format!("{t} ({id})"))
            };
            if !parts.contains(&part) {
                parts.push(part);
            }
        }
    }
    if parts.is_empty() {
        t_args("decision-card-reason-overall", &[("band", t(result.overall_band.label_id()))])
    } else {
        parts.join("; ")
    }
}

/// The card. `sign_off` is the signed record of a decided version.
#[component]
pub fn DecisionCard(
    result: ResultDocument,
    hard_rule_titles: Vec<(String, String)>,
    #[prop(default = None)] sign_off: Option<SignOffView>,
    /// Where "Show calculation" leads.
    #[prop(into)]
    calculation_href: String,
    /// Smaller type for the wizard's side panel.
    #[prop(optional)]
    compact: bool,
    /// The version is submitted and waits for a reviewer (nothing is left for the office to submit).
    #[prop(optional)]
    awaiting_decision: bool,
) -> impl IntoView {
    let recommended = result.overall_decision;
    // A signed-off version takes the colour of its gravest final decision.
    let tone = match &sign_off {
        Some(s) => {
            s.decisions.iter().map(|d| d.final_decision.tone()).max_by_key(|t| t.gravity()).unwrap_or(Tone::Good)
        }
        None => recommended.tone(),
    };
    let (card, headline) = tone.card();
    let headline_size = if compact { "text-base" } else { "text-xl" };
    let why = reason(&result, &hard_rule_titles);
    let title_of = {
        let titles = hard_rule_titles.clone();
        move |code: &str| titles.iter().find(|(h, _)| h == code).map(|(_, t)| t.clone()).unwrap_or_default()
    };
    let mut fired = Vec::new();
    for c in &result.components {
        for r in &c.hard_rule_details {
            if !fired.iter().any(|(id, _, _): &(String, String, String)| id == r.id.code()) {
                fired.push((r.id.code().to_string(), r.effect.to_string(), r.sources.join("; ")));
            }
        }
    }
    let next_steps: Vec<String> = match &sign_off {
        Some(s) => {
            let mut steps: Vec<String> = s
                .decisions
                .iter()
                .filter_map(|d| {
                    d.conditions.as_ref().map(|c| {
                        t_args(
                            "decision-card-meet-conditions",
                            &[("component", d.component_id.clone()), ("conditions", c.clone())],
                        )
                    })
                })
                .collect();
            if let Some(date) = result.next_review_date {
                steps.push(t_args("decision-card-review-by", &[("date", date.to_string())]));
            }
            steps
        }
        None if awaiting_decision => {
            vec![t_args("decision-card-submitted", &[("level", result.approval_level_required.to_string())])]
        }
        None if result.blocking_items.is_empty() => {
            vec![t_args("decision-card-nothing-blocks", &[("level", result.approval_level_required.to_string())])]
        }
        None => result.blocking_items.iter().map(|b| b.message.clone()).collect(),
    };
    let headline_text = match &sign_off {
        Some(s) if s.decisions.len() == 1 => {
            t_args("decision-card-final-one", &[("decision", t(s.decisions[0].final_decision.label_id()))])
        }
        Some(_) => t("decision-card-finals"),
        None => t_args("decision-card-headline", &[("decision", t(recommended.label_id())), ("why", why.clone())]),
    };
    view! {
        <section class=format!("rounded-xl border-s-8 border {card} p-4") aria-labelledby="decision-card-h"
            data-testid="decision-card" data-severity=severity_word(tone)>
            <p class="text-xs font-semibold uppercase tracking-wide text-slate-700">
                {if sign_off.is_some() { t("decision-card-signed-off") } else { t("decision-card-recommendation") }}
            </p>
            <h2 id="decision-card-h" class=format!("mt-1 font-bold {headline_size} {headline}") data-testid="decision-headline">{headline_text}</h2>
            {sign_off.clone().map(|s| view! {
                <ul class="mt-2 space-y-1 text-sm text-slate-900" data-testid="decision-card-finals">
                    {s.decisions.iter().map(|d| view! {
                        <li>
                            <span class="font-semibold">{t_args("decision-card-component-decision", &[("component", d.component_id.clone()), ("decision", t(d.final_decision.label_id()))])}</span>
                            {d.conditions.clone().map(|c| view! { <span>{format!(" {}", t_args("decision-card-conditions", &[("conditions", c)]))}</span> })}
                            <span class="text-slate-600">{format!(" {}", t_args("decision-card-recommended-was", &[("decision", t(d.recommended.label_id()))]))}</span>
                        </li>
                    }).collect_view()}
                </ul>
                <p class="mt-2 text-sm text-slate-700">{t_args("decision-card-signed-by", &[("name", s.signed_by.clone()), ("level", s.signer_level.to_string()), ("date", s.signed_at.get(..10).unwrap_or(&s.signed_at).to_string())])}</p>
                <p class="mt-1 text-sm text-slate-700">{t_args("decision-card-methodology-recommended", &[("decision", t(recommended.label_id())), ("why", why.clone())])}</p>
            })}
            {(!fired.is_empty()).then(|| view! {
                <div class="mt-3">
                    <h3 class="text-sm font-semibold text-slate-900">{t("decision-card-rules")}</h3>
                    <ul class="mt-1 space-y-1 text-sm text-slate-900">
                        {fired.into_iter().map(|(id, effect, sources)| view! {
                            <li>
                                <span class="font-semibold">{title_of(&id)}</span>
                                <span class="ms-1 text-xs text-slate-700">{id}</span>
                                {format!(": {effect}.")}
                                <span class="block text-xs text-slate-600">{t_args("decision-card-source", &[("sources", sources)])}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            {(!next_steps.is_empty()).then(|| view! {
                <div class="mt-3">
                    <h3 class="text-sm font-semibold text-slate-900">{t("decision-card-next")}</h3>
                    <ul class="mt-1 list-disc space-y-1 ps-5 text-sm text-slate-900" data-testid="decision-card-next">
                        {next_steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                    </ul>
                </div>
            })}
            <p class="mt-3 text-sm print:hidden"><a class="text-sky-800 underline" href=calculation_href>{t("decision-card-show-calculation")}</a></p>
        </section>
    }
}

/// A coded value in plain words, its code following in small type (`testid` marks the code, which
/// tests and screen readers can still find).
pub fn plain_with_code(label: String, code: &'static str, testid: Option<&'static str>) -> impl IntoView {
    view! {
        <span>{label}</span>
        " "
        <span class="text-xs font-normal text-slate-600" data-testid=testid>{code}</span>
    }
}

/// What decided a recommendation, in words: "the residual risk band" and hard-rule titles, the
/// rule id following in brackets.
pub fn basis_in_words(basis: &[String], titles: &[(String, String)]) -> String {
    basis
        .iter()
        .map(|b| match titles.iter().find(|(id, _)| id == b) {
            _ if b == "BAND" => t("decision-card-band-basis"),
            Some((id, title)) => format!("{title} ({id})"),
            None => b.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}
