//! Read-only views of the engine's result inside the wizard: the live preview, the screening table
//! (step 5), the effect of measures (step 6), required consultations (step 7), the recommended
//! decision (step 8) and the review (step 9). All are computed in the browser from the draft.

use super::state::Wizard;
use crate::cases::parts;
use crate::cases::steps::{step_of_blocking_code, step_of_path, StepRef};
use crate::i18n::labels::Labelled;
use crate::methodology::catalogue::plain_words;
use crate::methodology::codes::ConsultationType;
use crate::methodology::draft::{provisional, Holder, Provisional, Slot};
use crate::methodology::result::{ComponentResult, ResultDocument};
use crate::ui::components::decision_card::{basis_in_words, plain_with_code, DecisionCard};
use crate::ui::components::forms::{TableHead, THEAD_BAND};
use crate::ui::components::tone::{band_badge, Shown};
use crate::ui::i18n::{t, t_count, t_with};
use leptos::prelude::*;
use serde_json::Value;
use std::sync::Arc;

fn component_result(r: &ResultDocument, id: &str) -> Option<ComponentResult> {
    r.components.iter().find(|c| c.component_id == id).cloned()
}

/// The side panel: bands per component and area, hard rules, and what still blocks submission.
#[component]
pub fn PreviewPanel(steps: Signal<Arc<Vec<StepRef>>>) -> impl IntoView {
    let w = expect_context::<Wizard>();
    let body = move || {
        let outcome = w.outcome.get();
        // While the draft does not score, the figures that can be computed, marked provisional.
        let provisional: Option<Provisional> = (!outcome.is_valid())
            .then(|| w.draft.with(|d| w.registry.with_value(|r| provisional(r, d, outcome.errors()))));
        let shown = outcome.result().cloned().or_else(|| provisional.as_ref().and_then(|p| p.result.clone()));
        match shown {
            None => {
                let n = outcome.errors().len();
                view! {
                    <div data-testid="preview-incomplete">
                        <p class="text-sm text-slate-700">
                            <span class="font-semibold">{format!("{} ", t("wizard-preview-nothing-rated"))}</span>
                            {t_count("wizard-preview-missing", n, &[])}
                        </p>
                        {provisional.as_ref().map(|p| view! { <NotRatedYet provisional=p.clone()/> })}
                        <FirstProblems steps limit=5/>
                    </div>
                }
                .into_any()
            }
            Some(r) => {
                let titles = w.with_catalogue(|c| c.hard_rule_titles());
                view! {
                    {provisional.as_ref().map(|p| view! {
                        <div class="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-950" data-testid="preview-provisional">
                            <p class="font-semibold">{t("wizard-preview-provisional")}</p>
                            <NotRatedYet provisional=p.clone()/>
                            <FirstProblems steps limit=3/>
                        </div>
                    })}
                    <DecisionCard result=r.clone() hard_rule_titles=titles.clone() calculation_href=calculation_href(w.case_id, &steps.get()) compact=true/>
                    <dl class="mt-4 grid grid-cols-2 gap-3 text-sm">
                        <div><dt class="text-xs text-slate-600">{t("wizard-overall-band")}</dt><dd class="mt-0.5" data-testid="preview-band">{band_badge(Some(r.overall_band))}</dd></div>
                        <div><dt class="text-xs text-slate-600">{t("wizard-recommended")}</dt><dd class="mt-0.5 font-semibold">{plain_with_code(t(r.overall_decision.label_id()), r.overall_decision.code(), Some("preview-decision"))}</dd></div>
                        <div><dt class="text-xs text-slate-600">{t("wizard-approval-level")}</dt><dd class="mt-0.5 font-semibold">{r.approval_level_required}</dd></div>
                        <div><dt class="text-xs text-slate-600">{t("wizard-next-review")}</dt><dd class="mt-0.5 font-semibold">{r.next_review_date.map(|d| d.to_string()).unwrap_or_else(|| t("wizard-on-trigger"))}</dd></div>
                    </dl>
                    {r.components.iter().map(|c| view! {
                        <div class="mt-4 border-t border-slate-200 pt-3">
                            <p class="flex items-center justify-between text-sm font-semibold">
                                <span>{c.component_id.clone()}</span>
                                <span class="flex items-center gap-1 text-xs">{band_badge(Some(c.band0))}" → "{band_badge(Some(c.band))}</span>
                            </p>
                            <ul class="mt-2 space-y-1 text-xs">
                                {c.areas.iter().filter_map(|a| a.triggered()).map(|a| view! {
                                    <li class="flex items-center justify-between gap-2">
                                        <span>{format!("{} {}", a.area.code(), a.name)}</span>
                                        <span class="whitespace-nowrap">{format!("{}×{} ", a.l1, a.s)}{band_badge(Some(a.band1))}</span>
                                    </li>
                                }).collect_view()}
                            </ul>
                            {(!c.hard_rules_fired.is_empty()).then(|| view! {
                                <p class="mt-2 text-xs text-red-900"><span class="font-semibold">{format!("{} ", t("wizard-rules"))}</span>{basis_in_words(&c.hard_rules_fired.iter().map(|h| h.code().to_string()).collect::<Vec<_>>(), &titles)}</p>
                            })}
                            <p class="mt-1 text-xs text-slate-700">{format!("{} ", t("wizard-recommended-label"))}<span class="font-semibold">{plain_with_code(t(c.recommended_decision.label_id()), c.recommended_decision.code(), None)}</span></p>
                        </div>
                    }).collect_view()}
                    {provisional.is_none().then(|| view! { <BlockingList result=r.clone() steps/> })}
                }
                .into_any()
            }
        }
    };
    view! {
        <aside class="rounded-xl border border-slate-200 bg-white p-4 shadow-sm xl:sticky xl:top-4" aria-labelledby="preview-h" data-testid="preview">
            <h2 id="preview-h" class="text-sm font-bold uppercase tracking-wide text-slate-700">{t("wizard-preview")}</h2>
            <p class="mb-3 text-xs text-slate-500">{t("wizard-preview-intro")}</p>
            <div aria-live="polite">{body}</div>
        </aside>
    }
}

/// What the provisional figures leave out: half-filled records, components still missing answers,
/// and missing case-level answers (which stop every figure).
#[component]
fn NotRatedYet(provisional: Provisional) -> impl IntoView {
    let p = provisional;
    view! {
        <ul class="mt-1 list-disc space-y-0.5 ps-4 text-xs" data-testid="preview-not-rated">
            {(p.case_problems > 0).then(|| view! {
                <li>{t_count("wizard-not-rated-case", p.case_problems, &[])}</li>
            })}
            {p.unrated_components.iter().map(|(id, n)| view! {
                <li>{t_count("wizard-not-rated-component", *n, &[("component", id.clone().into())])}</li>
            }).collect_view()}
            {(p.records_left_out > 0).then(|| view! {
                <li>{t_count("wizard-records-left-out", p.records_left_out, &[])}</li>
            })}
        </ul>
    }
}

/// "Show calculation" from the preview: the risk screening step of the first component.
fn calculation_href(case_id: i64, steps: &[StepRef]) -> String {
    let first = components_of(steps).into_iter().next();
    link_to(case_id, steps, 5, first)
}

/// The first validation problems, each linked to the step where it is answered.
#[component]
pub fn FirstProblems(steps: Signal<Arc<Vec<StepRef>>>, limit: usize) -> impl IntoView {
    let w = expect_context::<Wizard>();
    move || {
        let outcome = w.outcome.get();
        let steps = steps.get();
        let components: Vec<String> = components_of(&steps);
        let items = w.with_catalogue(|cat| {
            outcome
                .errors()
                .iter()
                .take(limit)
                .map(|e| {
                    let (n, i) = step_of_path(cat, &e.path);
                    (link_to(w.case_id, &steps, n, i.and_then(|i| components.get(i).cloned())), e.message.clone())
                })
                .collect::<Vec<_>>()
        });
        view! {
            <ul class="mt-2 space-y-1 text-xs" data-testid="problems">
                {items.into_iter().map(|(href, m)| view! { <li><a href=href class="text-sky-800 underline">{m}</a></li> }).collect_view()}
            </ul>
        }
    }
}

pub fn components_of(steps: &[StepRef]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in steps.iter().filter_map(|s| s.component.clone()) {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// The URL of step `number` (of `component` for per-component steps).
pub fn link_to(case_id: i64, steps: &[StepRef], number: u8, component: Option<String>) -> String {
    let step = steps
        .iter()
        .find(|s| s.number == number && (s.component.is_none() || s.component == component))
        .or_else(|| steps.iter().find(|s| s.number == number));
    match step {
        Some(s) => format!("/cases/{case_id}/edit/{}", s.segment()),
        None => format!("/cases/{case_id}"),
    }
}

#[component]
fn BlockingList(result: ResultDocument, steps: Signal<Arc<Vec<StepRef>>>) -> impl IntoView {
    let w = expect_context::<Wizard>();
    let steps = steps.get_untracked();
    let items = result.blocking_items;
    view! {
        <div class="mt-4 border-t border-slate-200 pt-3" data-testid="blocking">
            {if items.is_empty() {
                view! { <p class="text-sm font-semibold text-emerald-800">{t("wizard-nothing-blocks")}</p> }.into_any()
            } else {
                view! {
                    <p class="text-sm font-semibold text-red-900">{t_count("wizard-blocking", items.len(), &[])}</p>
                    <ul class="mt-1 space-y-1 text-xs">
                        {items.into_iter().map(|b| {
                            let href = link_to(w.case_id, &steps, step_of_blocking_code(&b.code), b.components.first().cloned());
                            view! { <li><a href=href class="text-sky-800 underline">{b.message}</a></li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </div>
    }
}

/// Step 5: the engine's screening of one component (triggered areas, nexus, L0, S and their terms).
#[component]
pub fn ScreeningTable(component: String) -> impl IntoView {
    let w = expect_context::<Wizard>();
    move || {
        let outcome = w.outcome.get();
        let Some(c) = outcome.result().and_then(|r| component_result(r, &component)) else {
            return view! { <Unavailable what="wizard-unavailable-screening"/> }.into_any();
        };
        view! {
            <div class="overflow-x-auto rounded-lg border border-slate-200" tabindex="0" role="region" aria-label=t("wizard-screening-region")>
                <table class="min-w-full divide-y divide-slate-200 text-sm" data-testid="screening">
                    <caption class="sr-only">{t("wizard-screening-caption")}</caption>
                    <TableHead columns=vec![t("wizard-col-area"), t("wizard-col-nexus"), "L0".into(), "S".into(), t("wizard-col-inherent"), t("wizard-col-why")] cell="px-3 py-2" head=THEAD_BAND/>
                    <tbody class="divide-y divide-slate-100">
                        {c.areas.iter().map(|a| match a.triggered() {
                            Some(t) => view! {
                                <tr class="align-top">
                                    <th scope="row" class="px-3 py-2 text-start font-medium">{format!("{} {}", t.area.code(), t.name)}</th>
                                    <td class="px-3 py-2">{crate::text::code_in_words(t.nexus.code())}</td>
                                    <td class="px-3 py-2 font-semibold">{t.l0}</td>
                                    <td class="px-3 py-2 font-semibold">{t.s}</td>
                                    <td class="px-3 py-2">{band_badge(Some(t.band0))}</td>
                                    <td class="px-3 py-2 text-xs text-slate-700">
                                        <ul class="list-disc ps-4">{t.trigger_reasons.iter().chain(t.l0_terms.iter().map(|x| &x.reason)).map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
                                    </td>
                                </tr>
                            }.into_any(),
                            None => view! {
                                <tr class="text-slate-500">
                                    <th scope="row" class="px-3 py-2 text-start font-normal">{format!("{} {}", a.code().code(), area_name(a))}</th>
                                    <td class="px-3 py-2">{crate::text::code_in_words(a.nexus().code())}</td>
                                    <td class="px-3 py-2" colspan="4">{t("wizard-not-triggered")}</td>
                                </tr>
                            }.into_any(),
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="mt-2 text-sm text-slate-700">
                {t(if c.hrddp_applicable { "wizard-hrddp-applies" } else { "wizard-hrddp-does-not-apply" })}
                {(c.hrddp_applicable != c.hrddp_applicable_computed).then(|| format!(" {}", t("wizard-overridden")))}
            </p>
        }
        .into_any()
    }
}

fn area_name(a: &crate::methodology::result::AreaResult) -> String {
    match a {
        crate::methodology::result::AreaResult::Triggered(t) => t.name.to_string(),
        crate::methodology::result::AreaResult::NotTriggered(u) => u.name.to_string(),
    }
}

/// The triggered areas of a component (code, name), for the severity editor.
pub fn triggered_areas(w: &Wizard, component: &str) -> Vec<(String, String)> {
    let outcome = w.outcome.get();
    match outcome.result().and_then(|r| component_result(r, component)) {
        Some(c) => c
            .areas
            .iter()
            .filter_map(|a| a.triggered())
            .map(|t| (t.area.code().to_string(), t.name.to_string()))
            .collect(),
        None => Vec::new(),
    }
}

#[component]
fn Unavailable(
    /// The message saying what appears once the case's answers are complete.
    what: &'static str,
) -> impl IntoView {
    view! {
        <p class="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700">
            {t(what)}
        </p>
    }
}

/// Step 6: inherent → residual per triggered area, as the measures are entered.
#[component]
pub fn MitigationEffect(component: String) -> impl IntoView {
    let w = expect_context::<Wizard>();
    move || {
        let outcome = w.outcome.get();
        let Some(c) = outcome.result().and_then(|r| component_result(r, &component)) else {
            return view! { <Unavailable what="wizard-unavailable-mitigation"/> }.into_any();
        };
        let labels = w.with_catalogue(|cat| cat.code_labels());
        view! {
            <div class="overflow-x-auto rounded-lg border border-slate-200" tabindex="0" role="region" aria-label=t("wizard-mitigation-region")>
                <table class="min-w-full divide-y divide-slate-200 text-sm" data-testid="mitigation-effect">
                    <caption class="sr-only">{t("wizard-mitigation-caption")}</caption>
                    <thead class=THEAD_BAND>
                        <tr>
                            <th scope="col" class="px-3 py-2">{t("wizard-col-area")}</th>
                            <th scope="col" class="px-3 py-2">{t("wizard-col-inherent")}</th>
                            <th scope="col" class="px-3 py-2">{t("wizard-col-qualifying")}</th>
                            <th scope="col" class="whitespace-nowrap px-3 py-2">"L0 → L1"</th>
                            <th scope="col" class="px-3 py-2">{t("wizard-col-residual")}</th>
                        </tr>
                    </thead>
                    <tbody class="divide-y divide-slate-100">
                        {c.areas.iter().filter_map(|a| a.triggered()).map(|t| view! {
                            <tr class="align-top">
                                <th scope="row" class="px-3 py-2 text-start font-medium">{format!("{} {}", t.area.code(), t.name)}</th>
                                <td class="px-3 py-2">{band_badge(Some(t.band0))}</td>
                                <td class="px-3 py-2 text-xs">
                                    {if t.qualifying_measures.is_empty() { crate::ui::i18n::t("wizard-measures-none") } else { t.qualifying_measures.iter().map(|m| m.code()).collect::<Vec<_>>().join(", ") }}
                                    <ul class="text-slate-600">{t.measures.iter().filter(|m| !m.qualifies).map(|m| view! { <li>{t_with("wizard-measure-does-not-count", &[("measure", m.code.code().into()), ("reasons", plain_words(&m.reasons.join("; "), &labels).into())])}</li> }).collect_view()}</ul>
                                </td>
                                <td class="whitespace-nowrap px-3 py-2 font-semibold">{format!("{} → {}", t.l0, t.l1)}</td>
                                <td class="px-3 py-2">{band_badge(Some(t.band1))}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="mt-2 text-sm">{format!("{} ", t("wizard-component-band"))}{band_badge(Some(c.band0))} " → " {band_badge(Some(c.band))}</p>
        }
        .into_any()
    }
}

/// Step 7: which consultations the result requires and whether a record exists.
#[component]
pub fn RequiredConsultations() -> impl IntoView {
    let w = expect_context::<Wizard>();
    move || {
        let outcome = w.outcome.get();
        let Some(r) = outcome.result() else {
            return view! { <Unavailable what="wizard-unavailable-consultations"/> }.into_any();
        };
        let done: Vec<String> = w.draft.with(|d| {
            d.get(Slot::Part(Holder::Document), None, parts::CONSULTATIONS.key)
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(|c| c.get("type").and_then(Value::as_str).map(String::from)).collect())
                .unwrap_or_default()
        });
        let labels = w.with_catalogue(|c| c.enum_values("ConsultationType").to_vec());
        view! {
            <ul class="grid gap-2 sm:grid-cols-2" data-testid="required-consultations">
                {labels.into_iter().map(|l| {
                    let kind = ConsultationType::parse(&l.code);
                    let required = kind.is_some_and(|k| r.consultations_required.get(k));
                    let recorded = done.contains(&l.code);
                    let (class, state) = match (required, recorded) {
                        (true, true) => ("border-emerald-300 bg-emerald-50 text-emerald-900", "wizard-consultation-required-recorded"),
                        (true, false) => ("border-red-300 bg-red-50 text-red-900", "wizard-consultation-required-missing"),
                        (false, true) => ("border-slate-200 bg-white text-slate-800", "wizard-consultation-recorded"),
                        (false, false) => ("border-slate-200 bg-white text-slate-500", "wizard-consultation-not-required"),
                    };
                    view! { <li class=format!("rounded-md border px-3 py-2 text-sm {class}")><span class="font-medium">{l.label.clone()}</span><span class="block text-xs">{t(state)}</span></li> }
                }).collect_view()}
            </ul>
        }
        .into_any()
    }
}

/// Step 8: the engine's recommendation for the component, before the office's own proposal.
#[component]
pub fn Recommendation(component: String) -> impl IntoView {
    let w = expect_context::<Wizard>();
    move || {
        let outcome = w.outcome.get();
        let Some(c) = outcome.result().and_then(|r| component_result(r, &component)) else {
            return view! { <Unavailable what="wizard-unavailable-decision"/> }.into_any();
        };
        view! {
            <dl class="grid gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm sm:grid-cols-3" data-testid="recommendation">
                <div><dt class="text-xs text-slate-600">{t("wizard-recommended-decision")}</dt><dd class="font-semibold">{plain_with_code(t(c.recommended_decision.label_id()), c.recommended_decision.code(), None)}</dd></div>
                <div><dt class="text-xs text-slate-600">{t("wizard-approval-level")}</dt><dd class="font-semibold">{c.approval_level_required}</dd></div>
                <div><dt class="text-xs text-slate-600">{t("wizard-monitoring-every")}</dt><dd class="font-semibold">{c.monitoring_frequency_months.map(|m| t_count("wizard-months", usize::from(m), &[])).unwrap_or_else(|| "—".into())}</dd></div>
                <div class="sm:col-span-3"><dt class="text-xs text-slate-600">{t("wizard-decided-by")}</dt><dd>{basis_in_words(&c.decision_basis, &w.with_catalogue(|cat| cat.hard_rule_titles()))}</dd></div>
                {(!c.blocking_items.is_empty()).then(|| view! {
                    <div class="sm:col-span-3"><dt class="text-xs text-red-900">{t("wizard-blocking-here")}</dt>
                        <dd><ul class="list-disc ps-5 text-red-900">{c.blocking_items.iter().map(|b| view! { <li>{b.message.clone()}</li> }).collect_view()}</ul></dd></div>
                })}
            </dl>
        }
        .into_any()
    }
}

/// Step 9: the whole result, everything still open with links, and the overall figures.
#[component]
pub fn ReviewSummary(steps: Signal<Arc<Vec<StepRef>>>) -> impl IntoView {
    let w = expect_context::<Wizard>();
    move || {
        let outcome = w.outcome.get();
        match outcome.result() {
            None => view! {
                <div class="rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="review-incomplete">
                    <p class="font-semibold text-amber-950">{t_count("wizard-review-missing", outcome.errors().len(), &[])}</p>
                    <FirstProblems steps limit=50/>
                </div>
            }
            .into_any(),
            Some(r) => {
                let r = r.clone();
                view! {
                    <div class="grid gap-4 sm:grid-cols-3">
                        <div class="rounded-lg border border-slate-200 p-4"><p class="text-xs text-slate-600">{t("wizard-overall-band")}</p><p class="mt-1" data-testid="review-band">{band_badge(Some(r.overall_band))}</p></div>
                        <div class="rounded-lg border border-slate-200 p-4"><p class="text-xs text-slate-600">{t("wizard-recommended-decision")}</p><p class="mt-1 font-semibold">{plain_with_code(t(r.overall_decision.label_id()), r.overall_decision.code(), Some("review-decision"))}</p></div>
                        <div class="rounded-lg border border-slate-200 p-4"><p class="text-xs text-slate-600">{t("wizard-approval-level-required")}</p><p class="mt-1 font-semibold">{r.approval_level_required}</p></div>
                    </div>
                    <div class="mt-4 overflow-x-auto" tabindex="0" role="region" aria-label=t("wizard-components-region")><table class="min-w-full divide-y divide-slate-200 text-sm">
                        <TableHead columns=vec![t("wizard-col-component"), t("wizard-col-inherent"), t("wizard-col-residual"), t("wizard-col-hard-rules"), t("wizard-col-recommended"), t("wizard-col-proposed")] cell="px-3 py-2" head=THEAD_BAND/>
                        <tbody class="divide-y divide-slate-100">
                            {r.components.iter().map(|c| view! {
                                <tr>
                                    <th scope="row" class="px-3 py-2 text-start font-medium">{c.component_id.clone()}</th>
                                    <td class="px-3 py-2">{band_badge(Some(c.band0))}</td>
                                    <td class="px-3 py-2">{band_badge(Some(c.band))}</td>
                                    <td class="px-3 py-2">{if c.hard_rules_fired.is_empty() { "—".to_string() } else { c.hard_rules_fired.iter().map(|h| h.code()).collect::<Vec<_>>().join(", ") }}</td>
                                    <td class="px-3 py-2 font-semibold">{c.recommended_decision.text()}</td>
                                    <td class="px-3 py-2">{c.proposed_decision.map(Shown::text).unwrap_or_else(|| "—".into())}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table></div>
                    <BlockingList result=r.clone() steps/>
                }
                .into_any()
            }
        }
    }
}
