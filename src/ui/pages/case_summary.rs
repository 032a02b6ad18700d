//! The risk summary of a case version (`/cases/{id}`): the engine's result explained figure by figure,
//! the heat map, hard rules with their sources, the mitigation and monitoring plans, consultations,
//! the sign-off block with its verifiable hash, comments, versions and the audit trail — and the
//! review actions the signed-in user may take. Prints as an A4 report (see `style/main.css`).

use crate::error::AppError;
use crate::i18n::labels::Labelled;
use crate::methodology::catalogue::plain_words;
use crate::methodology::codes::{Band, FinalDecision};
use crate::methodology::result::{ComponentResult, TriggeredArea};
use crate::methodology::ResultDocument;
use crate::review::{Actions, CaseSummary, DecisionChoice};
use crate::ui::components::access::AccessProblem;
use crate::ui::components::case_overview::OverviewBody;
use crate::ui::components::decision_card::{basis_in_words, plain_with_code, DecisionCard};
use crate::ui::components::forms::TableHead;
use crate::ui::components::forms::{
    action_or_query_error, banner_of, Notice, BUTTON_DANGER, BUTTON_PRIMARY, BUTTON_SECONDARY, INPUT, TABLE, TD, TH,
};
use crate::ui::components::tone::{band_badge, Shown};
use crate::ui::i18n::{t, t_args, t_count};
use crate::web::server_fns::review::{
    get_case_summary_page, AddComment, Concur, RecordTrigger, ReturnCase, SignOff, StartReassessment, SummaryPage,
};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

const SECTION: &str = "mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm print:mt-4 print:border-0 print:p-0 print:shadow-none";
const H2: &str = "text-lg font-semibold text-slate-900";

/// The review actions on this page, so the summary refetches after any of them.
#[derive(Clone, Copy)]
struct ReviewActions {
    comment: ServerAction<AddComment>,
    ret: ServerAction<ReturnCase>,
    concur: ServerAction<Concur>,
    sign: ServerAction<SignOff>,
    trigger: ServerAction<RecordTrigger>,
    reassess: ServerAction<StartReassessment>,
}

impl ReviewActions {
    fn versions(&self) -> usize {
        self.comment.version().get()
            + self.ret.version().get()
            + self.concur.version().get()
            + self.sign.version().get()
            + self.trigger.version().get()
    }
}

/// What a refused plain form post sent back to keep in its field (empty unless `form` was refused).
fn kept(form: &'static str, key: &str) -> String {
    let query = leptos_router::hooks::use_query_map();
    query.with_untracked(|q| (q.get("form").as_deref() == Some(form)).then(|| q.get(key)).flatten().unwrap_or_default())
}

#[component]
fn InlineError(id: String, #[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! { <p id=id class="mt-1 text-sm font-medium text-red-800" role="alert" aria-live="polite">{move || message.get()}</p> }
}

#[component]
pub fn CaseSummaryPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok())));
    let actions = ReviewActions {
        comment: ServerAction::new(),
        ret: ServerAction::new(),
        concur: ServerAction::new(),
        sign: ServerAction::new(),
        trigger: ServerAction::new(),
        reassess: ServerAction::new(),
    };
    let page = Resource::new(
        move || (id.get(), actions.versions()),
        move |(id, _)| async move {
            match id {
                Some(id) => get_case_summary_page(id).await,
                None => Err(AppError::NotFound("No such assessment.".into())),
            }
        },
    );
    view! {
        <Transition fallback=|| view! { <p class="text-slate-600">{t("summary-loading")}</p> }>
            {move || page.get().map(|result| match result {
                Err(e) => view! { <Title text=t("summary-assessment")/><AccessProblem error=e/> }.into_any(),
                Ok(SummaryPage::Kept { id, title, html }) => view! {
                    <SummaryFrame id title><div inner_html=html></div></SummaryFrame>
                }.into_any(),
                Ok(SummaryPage::Fresh { summary, keep_as }) => fresh(*summary, keep_as, actions),
            })}
        </Transition>
    }
}

/// Renders a summary; when it came with a key (a version that no longer changes), renders it to
/// HTML once and keeps that for the next reader with the same key.
fn fresh(summary: CaseSummary, keep_as: Option<String>, actions: ReviewActions) -> AnyView {
    let id = summary.overview.item.id;
    let title = summary.overview.item.reference.clone();
    #[cfg(feature = "ssr")]
    if let Some(key) = keep_as {
        use leptos::tachys::view::RenderHtml;
        let html = view! { <SummaryBody summary actions/> }.into_any().to_html();
        crate::web::server_fns::review::keep_summary_page(key, title.clone(), html.clone());
        return view! { <SummaryFrame id title><div inner_html=html></div></SummaryFrame> }.into_any();
    }
    let _ = keep_as;
    view! { <SummaryFrame id title><SummaryBody summary actions/></SummaryFrame> }.into_any()
}

/// What every summary page renders around its body, cached or not: the tab title, the print
/// stylesheet, and the print line whose one line of script carries this response's nonce.
#[component]
fn SummaryFrame(id: i64, title: String, children: Children) -> impl IntoView {
    // The printed page's running header names the case (Chromium prints @page margin boxes); it
    // comes as a stylesheet because the CSP allows no inline style.
    let print_css = format!("/cases/{id}/print.css");
    view! {
        <Title text=title/>
        <leptos_meta::Stylesheet href=print_css/>
        {children()}
        <p class="mt-6 text-xs text-slate-500 print:hidden">
            // The page ships no WASM; one line of script (allowed by the page's nonce) opens the
            // browser's print dialog. Without JavaScript the browser's own print menu does the same.
            <button type="button" class="underline" id="print-summary">{t("summary-print")}</button>
            <script nonce=leptos::nonce::use_nonce()>"document.getElementById('print-summary').addEventListener('click', () => window.print());"</script>
            " · " <a href=format!("/api/v1/cases/{id}/summary.json") class="underline" download="">{t("summary-download-json")}</a>
            {format!(" {}", t("summary-download-recorded"))}
            " · " <a href=format!("/cases/{id}") class="underline">{t("summary-permanent-link")}</a>
        </p>
    }
}

#[component]
fn SummaryBody(summary: CaseSummary, actions: ReviewActions) -> impl IntoView {
    let reference = summary.overview.item.reference.clone();
    let printed_title = format!("{} · {}", reference, summary.overview.item.title);
    let result = summary.result.clone();
    view! {
        <div class="hidden print:mb-4 print:block print:border-b print:border-slate-400 print:pb-2">
            <p class="text-xs uppercase tracking-wide text-slate-600">{t("summary-print-heading")}</p>
            <p class="text-base font-semibold">{printed_title}</p>
        </div>
        <OverviewBody overview=summary.overview.clone()/>
        <Alerts summary=summary.clone()/>
        {result.clone().map(|r| view! {
            <div class="mt-6">
                <DecisionCard result=r hard_rule_titles=summary.hard_rule_titles.clone() sign_off=summary.sign_off.clone() calculation_href="#risk-summary"
                    awaiting_decision=summary.overview.item.state == crate::cases::CaseState::Submitted/>
            </div>
        })}
        // Reviewers act where they read: the sign-off and return controls come first.
        <ReviewPanel summary=summary.clone() actions/>
        {result.map(|r| view! { <RiskSummary result=r hard_rule_titles=summary.hard_rule_titles.clone() code_labels=summary.code_labels.clone()/> })}
        <CountryContext rows=summary.country_context.clone() confirmed=summary.country_context_confirmed/>
        <Plans summary=summary.clone()/>
        <SignOffBlock summary=summary.clone()/>
        <Comments summary=summary.clone() actions/>
        <AuditTrail summary=summary.clone()/>
    }
}

#[component]
fn Alerts(summary: CaseSummary) -> impl IntoView {
    let versions = summary.versions.clone();
    let current = summary.overview.item.id;
    view! {
        {(!summary.integrity_problems.is_empty()).then(|| view! {
            <div class="mt-6 rounded-md border border-red-400 bg-red-50 px-4 py-3 text-sm text-red-900" role="alert" data-testid="integrity-problem">
                <strong>{t("summary-integrity-problem")}</strong>
                <ul class="mt-2 list-disc ps-5">
                    {summary.integrity_problems.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}
                </ul>
            </div>
        })}
        {summary.review_due.clone().map(|due| view! {
            <p class=format!("mt-6 rounded-md border px-4 py-3 text-sm {}", if summary.review_overdue { "border-red-300 bg-red-50 text-red-900" } else { "border-sky-200 bg-sky-50 text-sky-900" })>
                {t_args(if summary.review_overdue { "summary-review-overdue" } else { "summary-review-awaiting" }, &[("date", due)])}
            </p>
        })}
        {summary.review_date_warning.clone().filter(|_| summary.sign_off.is_some()).map(|w| view! {
            <p class="mt-6 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="review-date-warning">{w}</p>
        })}
        {summary.reassessment_due.then(|| view! {
            <div class="mt-6 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="reassessment-due">
                <p>{t("summary-reassessment-due")}</p>
                {(!summary.triggers.is_empty()).then(|| view! {
                    <ul class="mt-2 list-disc ps-5" data-testid="trigger-events">
                        {summary.triggers.iter().map(|t| view! {
                            <li>{t_args("summary-trigger-line", &[("event", option_label(&summary.trigger_events, &t.trigger)), ("date", t.date.clone()), ("by", t.by.clone()), ("description", t.description.clone())])}</li>
                        }).collect_view()}
                    </ul>
                })}
            </div>
        })}
        {(versions.len() > 1).then(|| view! {
            <nav class="mt-6 text-sm print:hidden" aria-label=t("summary-versions")>
                <span class="font-medium text-slate-700">{format!("{}: ", t("summary-versions"))}</span>
                {versions.into_iter().map(|v| {
                    let label = format!("v{} {} ({})", v.version_no, v.reference, t(v.state.label_id()));
                    if v.id == current {
                        view! { <span class="me-3 font-semibold" aria-current="page">{label}</span> }.into_any()
                    } else {
                        view! { <a href=format!("/cases/{}", v.id) class="me-3 text-sky-800 underline">{label}</a> }.into_any()
                    }
                }).collect_view()}
            </nav>
        })}
        {summary.previous_reference.clone().map(|prev| {
            let changes = summary.changes.clone();
            let answers_hidden = summary.overview.answers_hidden;
            view! {
                <section class=SECTION aria-labelledby="changes-h" data-testid="version-changes">
                    <h2 id="changes-h" class=H2>{t_args("summary-changes-since", &[("previous", prev)])}</h2>
                    {if changes.is_empty() {
                        view! { <p class="mt-2 text-sm text-slate-700">{t("summary-no-change")}</p> }.into_any()
                    } else {
                        view! {
                            <div class="overflow-x-auto" tabindex="0"><table class=TABLE>
                                <TableHead columns=vec![t("summary-col-answer"), t("summary-col-before"), t("summary-col-now")] cell=TH/>
                                <tbody>
                                    {changes.into_iter().map(|c| {
                                        let (before, after) = if answers_hidden { (t("summary-changed"), String::new()) } else { (c.before, c.after) };
                                        view! { <tr><td class=TD>{c.label}</td><td class=TD>{before}</td><td class=format!("{TD} font-medium")>{after}</td></tr> }
                                    }).collect_view()}
                                </tbody>
                            </table></div>
                        }.into_any()
                    }}
                </section>
            }
        })}
    }
}

/// The label of `code` among a catalogue enum's (code, label) pairs; an unknown code in words.
fn option_label(options: &[(String, String)], code: &str) -> String {
    options.iter().find(|(c, _)| c == code).map_or_else(|| crate::text::code_in_words(code), |(_, l)| l.clone())
}

/// `<option>`s of a catalogue enum, in the catalogue's order.
fn options(values: Vec<(String, String)>) -> impl IntoView {
    values.into_iter().map(|(code, label)| view! { <option value=code>{label}</option> }).collect_view()
}

#[component]
fn RiskSummary(
    result: ResultDocument,
    hard_rule_titles: Vec<(String, String)>,
    code_labels: Vec<(String, String)>,
) -> impl IntoView {
    let blocking = result.blocking_items.clone();
    view! {
        <section id="risk-summary" class=format!("{SECTION} scroll-mt-4") aria-labelledby="risk-h" data-testid="risk-summary">
            <h2 id="risk-h" class=H2>{t("summary-risk")}</h2>
            <div class="mt-3 flex flex-wrap items-center gap-x-8 gap-y-2 text-sm">
                <p>{format!("{} ", t("summary-overall-band"))}<span data-testid="summary-band">{band_badge(Some(result.overall_band))}</span></p>
                <p>{format!("{} ", t("summary-recommended-decision"))}<strong>{plain_with_code(t(result.overall_decision.label_id()), result.overall_decision.code(), Some("summary-decision"))}</strong></p>
                <p>{format!("{} ", t("summary-approval-level"))}<strong data-testid="summary-level">{result.approval_level_required}</strong></p>
                <p>{format!("{} ", t("summary-next-review"))}<strong>{result.next_review_date.map(|d| d.to_string()).unwrap_or_else(|| t("summary-on-request"))}</strong></p>
            </div>
            {(!blocking.is_empty()).then(|| view! {
                <ul class="mt-3 list-disc ps-5 text-sm text-red-900">
                    {blocking.into_iter().map(|b| view! { <li>{b.message}</li> }).collect_view()}
                </ul>
            })}
            {result.components.into_iter().map(|c| view! { <ComponentSummary component=c hard_rule_titles=hard_rule_titles.clone() code_labels=code_labels.clone()/> }).collect_view()}
        </section>
    }
}

#[component]
fn ComponentSummary(
    component: ComponentResult,
    hard_rule_titles: Vec<(String, String)>,
    code_labels: Vec<(String, String)>,
) -> impl IntoView {
    let triggered: Vec<TriggeredArea> = component.areas.iter().filter_map(|a| a.triggered().cloned()).collect();
    let cid = component.component_id.clone();
    let rules = component.hard_rule_details.clone();
    let basis = basis_in_words(&component.decision_basis, &hard_rule_titles);
    let title_of =
        move |id: &str| hard_rule_titles.iter().find(|(h, _)| h == id).map(|(_, t)| t.clone()).unwrap_or_default();
    view! {
        <article class="mt-6 border-t border-slate-200 pt-4" data-testid=format!("component-{cid}")>
            <h3 class="text-base font-semibold text-slate-900">
                {t_args("summary-component", &[("component", cid.clone())])}
            </h3>
            <p class="mt-1 text-sm text-slate-700">
                {format!("{} ", t("summary-inherent"))}{band_badge(Some(component.band0))}{format!(" → {} ", t("summary-residual"))}{band_badge(Some(component.band))}
                {format!(" · {}", t_args("summary-component-decision", &[("decision", t(component.recommended_decision.label_id())), ("level", component.approval_level_required.to_string())]))}
                {component.hrddp_applicable.then(|| format!(" · {}", t("summary-hrddp")))}
            </p>
            {(!component.decision_basis.is_empty()).then(|| view! {
                <p class="mt-1 text-xs text-slate-600">{t_args("summary-decided-by", &[("basis", basis)])}</p>
            })}
            {if triggered.is_empty() {
                view! { <p class="mt-2 text-sm text-slate-700">{t("summary-no-area")}</p> }.into_any()
            } else {
                view! {
                    <div class="mt-3 grid gap-6 lg:grid-cols-[1fr_auto] print:block">
                        <AreaTable areas=triggered.clone() code_labels=code_labels.clone()/>
                        <HeatMap component=cid.clone() areas=triggered/>
                    </div>
                }.into_any()
            }}
            {(!rules.is_empty()).then(|| view! {
                <div class="mt-4">
                    <h4 class="text-sm font-semibold text-slate-900">{t("summary-hard-rules")}</h4>
                    <ul class="mt-1 space-y-2 text-sm" data-testid=format!("hard-rules-{cid}")>
                        {rules.into_iter().map(|r| {
                            let title = title_of(r.id.code());
                            view! {
                                <li class="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-950">
                                    <p><strong>{r.id.code()}</strong> " " {title} ": " {r.effect.to_string()}</p>
                                    <p class="mt-0.5 text-xs text-red-900">{t_args("summary-sources", &[("sources", r.sources.join("; "))])}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            })}
        </article>
    }
}

/// Inherent → residual per triggered area, with the reasons behind every figure.
#[component]
fn AreaTable(areas: Vec<TriggeredArea>, code_labels: Vec<(String, String)>) -> impl IntoView {
    view! {
        <div class="overflow-x-auto" tabindex="0"><table class=TABLE>
            <TableHead columns=vec![t("summary-col-area"), t("summary-col-nexus"), t("summary-col-inherent"), t("summary-col-mitigation"), t("summary-col-residual")] cell=TH/>
            <tbody>
                {areas.into_iter().map(|a| {
                    let measures: Vec<String> = a.qualifying_measures.iter().map(|m| m.code().to_string()).collect();
                    let why: Vec<String> = a.trigger_reasons.iter().cloned()
                        .chain(a.l0_terms.iter().map(|t| t.reason.clone()))
                        .chain(a.explanation.iter().cloned())
                        .map(|w| plain_words(&w, &code_labels))
                        .collect();
                    view! {
                        <tr data-testid=format!("area-{}", a.area.code())>
                            <th scope="row" class=format!("{TD} font-medium")>{format!("{} {}", a.area.code(), a.name)}</th>
                            <td class=TD>{crate::text::code_in_words(a.nexus.code())}</td>
                            <td class=TD>{format!("{} × {} = {} ", a.l0, a.s, a.r0)}{band_badge(Some(a.band0))}</td>
                            <td class=TD>{if measures.is_empty() { t("summary-none-qualifying") } else { format!("−{} ({})", a.reduction, measures.join(", ")) }}</td>
                            <td class=TD>{format!("{} × {} = {} ", a.l1, a.s, a.r1)}{band_badge(Some(a.band1))}</td>
                        </tr>
                        <tr>
                            <td colspan="5" class="border-b border-slate-200 px-2 pb-2 text-xs text-slate-600">
                                <ul class="list-disc ps-4">{why.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table></div>
    }
}

/// Likelihood × severity grid (server-rendered SVG): a hollow mark at the inherent position, a
/// filled one at the residual position. The caption is the text alternative.
#[component]
fn HeatMap(component: String, areas: Vec<TriggeredArea>) -> impl IntoView {
    const CELL: i32 = 44;
    const LEFT: i32 = 28;
    const TOP: i32 = 8;
    let size = LEFT + CELL * 5 + 8;
    let height = TOP + CELL * 5 + 30;
    let title_id = format!("heat-title-{component}");
    let desc_id = format!("heat-desc-{component}");
    let description: Vec<String> = areas
        .iter()
        .map(|a| {
            t_args(
                "summary-heat-mark",
                &[
                    ("area", a.area.code().to_string()),
                    ("l0", a.l0.to_string()),
                    ("l1", a.l1.to_string()),
                    ("s", a.s.to_string()),
                    ("band0", t(a.band0.label_id())),
                    ("band1", t(a.band1.label_id())),
                ],
            )
        })
        .collect();
    let x = |s: u8| LEFT + (i32::from(s) - 1) * CELL + CELL / 2;
    let y = |l: u8| TOP + (5 - i32::from(l)) * CELL + CELL / 2;
    let cells = (1..=5u8)
        .flat_map(|l| (1..=5u8).map(move |s| (l, s)))
        .map(|(l, s)| {
            let fill = Band::of_risk(l * s).tone().tint();
            view! { <rect x=LEFT + (i32::from(s) - 1) * CELL y=TOP + (5 - i32::from(l)) * CELL width=CELL height=CELL fill=fill stroke="#ffffff" stroke-width="2"/> }
        })
        .collect_view();
    let marks = areas
        .iter()
        .enumerate()
        .map(|(i, a)| {
            // Spread marks that share a cell so their labels stay readable.
            let dx = (i as i32 % 3 - 1) * 10;
            let dy = (i as i32 / 3 % 3 - 1) * 10;
            let (x0, y0, x1, y1) = (x(a.s) + dx, y(a.l0) + dy, x(a.s) + dx, y(a.l1) + dy);
            view! {
                <g>
                    <line x1=x0 y1=y0 x2=x1 y2=y1 stroke="#334155" stroke-width="1.5" stroke-dasharray="3 2"/>
                    <circle cx=x0 cy=y0 r="5" fill="none" stroke="#0f172a" stroke-width="1.5"/>
                    <circle cx=x1 cy=y1 r="5" fill="#0f172a"/>
                    <text x=x1 + 7 y=y1 + 4 font-size="10" fill="#0f172a">{a.area.code()}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="print:mt-3">
            <svg role="img" aria-labelledby=format!("{title_id} {desc_id}") width=size height=height viewBox=format!("0 0 {size} {height}") data-testid=format!("heatmap-{component}")>
                <title id=title_id.clone()>{t_args("summary-heat-title", &[("component", component.clone())])}</title>
                <desc id=desc_id.clone()>{description.join("; ")}</desc>
                {cells}
                {(1..=5u8).map(|n| view! {
                    <text x=LEFT - 14 y=y(n) + 4 font-size="10" fill="#475569">{n}</text>
                    <text x=x(n) - 3 y=TOP + CELL * 5 + 13 font-size="10" fill="#475569">{n}</text>
                }).collect_view()}
                <text x=LEFT y=TOP + CELL * 5 + 27 font-size="10" fill="#475569">{t("summary-heat-axis")}</text>
                {marks}
            </svg>
            <figcaption class="mt-1 max-w-60 text-xs text-slate-600">
                {format!("{} {}", t("summary-heat-legend"), description.join("; "))}
            </figcaption>
        </figure>
    }
}

/// Step 2 beside the country reference data: which answers the assessor confirmed and which they
/// changed (readers who see answers only).
#[component]
fn CountryContext(rows: Vec<crate::review::ContextRow>, confirmed: bool) -> impl IntoView {
    let any_reference = rows.iter().any(|r| r.reference.is_some());
    (!rows.is_empty()).then(|| view! {
        <section class=SECTION aria-labelledby="context-h" data-testid="country-context">
            <h2 id="context-h" class=H2>{t("summary-country-context")}</h2>
            {if !any_reference {
                view! { <p class="mt-1 text-sm text-slate-600">{t("summary-context-not-prefilled")}</p> }.into_any()
            } else if confirmed {
                view! { <p class="mt-1 text-sm text-slate-600" data-testid="context-confirmed">{t("summary-context-confirmed")}</p> }.into_any()
            } else {
                view! { <p class="mt-1 text-sm font-medium text-amber-900" data-testid="context-unconfirmed">{t("summary-context-unconfirmed")}</p> }.into_any()
            }}
            <div class="overflow-x-auto" tabindex="0"><table class=TABLE>
                <TableHead columns=vec![t("summary-col-question"), t("summary-col-answer"), t("summary-col-reference")] cell=TH/>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr data-question=r.question.clone()>
                            <td class=TD>{r.label}</td>
                            <td class=TD>
                                {r.answer}
                                {r.changed.then(|| view! { <span class="ms-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">{t("summary-context-changed")}</span> })}
                                {r.reason.map(|reason| view! { <p class="mt-1 whitespace-pre-line text-xs text-slate-700" data-testid="context-reason">{format!("{} {reason}", t("summary-reason"))}</p> })}
                            </td>
                            <td class=format!("{TD} text-xs text-slate-700")>{match r.reference {
                                Some((value, date, source)) => t_args("summary-reference-value", &[("value", value), ("date", date), ("source", source)]),
                                None => "—".to_string(),
                            }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table></div>
        </section>
    })
}

#[component]
fn Plans(summary: CaseSummary) -> impl IntoView {
    let hidden = summary.overview.answers_hidden;
    let CaseSummary { mitigation, monitoring, consultations, trigger_events, .. } = summary;
    view! {
        <section class=SECTION aria-labelledby="mitigation-h">
            <h2 id="mitigation-h" class=H2>{t("summary-mitigation-plan")}</h2>
            {if mitigation.is_empty() {
                view! { <p class="mt-2 text-sm text-slate-700">{t("summary-no-mitigation")}</p> }.into_any()
            } else {
                view! {
                    <div class="overflow-x-auto" tabindex="0"><table class=TABLE data-testid="mitigation-plan">
                        <TableHead columns=vec![t("summary-col-component"), t("summary-col-measure"), t("summary-col-areas"), t("summary-col-status"), t("summary-col-responsible"), t("summary-col-indicator")] cell=TH/>
                        <tbody>
                            {mitigation.into_iter().map(|m| view! {
                                <tr>
                                    <td class=TD>{m.component_id}</td>
                                    <td class=TD>
                                        <strong>{m.code}</strong> " " {m.name}
                                        {m.description.filter(|d| !d.is_empty()).map(|d| view! { <p class="text-xs text-slate-600">{d}</p> })}
                                    </td>
                                    <td class=TD>{m.target_areas.join(", ")}</td>
                                    <td class=TD>{m.status_label}</td>
                                    <td class=TD>{m.responsible.unwrap_or_else(|| if hidden { "—".into() } else if m.resourced { t("summary-resourced") } else { t("summary-not-named") })}</td>
                                    <td class=TD>{if m.has_indicator { t("summary-indicator-defined") } else { t("summary-indicator-none") }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table></div>
                }.into_any()
            }}
        </section>
        <section class=SECTION aria-labelledby="monitoring-h">
            <h2 id="monitoring-h" class=H2>{t("summary-monitoring")}</h2>
            <div class="overflow-x-auto" tabindex="0"><table class=TABLE>
                <TableHead columns=vec![t("summary-col-component"), t("summary-col-plan"), t("summary-col-reports"), t("summary-col-next-review"), t("summary-col-watch")] cell=TH/>
                <tbody>
                    {monitoring.into_iter().map(|m| view! {
                        <tr>
                            <td class=TD>{m.component_id}</td>
                            <td class=TD>{m.plan.unwrap_or_else(|| if m.has_plan { t("summary-plan-written") } else { "—".into() })}</td>
                            <td class=TD>{m.frequency_months.map(|n| t_count("summary-months", n as usize, &[])).unwrap_or_else(|| "—".into())}</td>
                            <td class=TD>{m.next_review_date.unwrap_or_else(|| t("summary-on-request"))}</td>
                            <td class=format!("{TD} text-xs")>{m.watch_triggers.iter().map(|w| option_label(&trigger_events, w)).collect::<Vec<_>>().join(", ")}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table></div>
        </section>
        <section class=SECTION aria-labelledby="consult-h">
            <h2 id="consult-h" class=H2>{t("summary-consultations")}</h2>
            <div class="overflow-x-auto" tabindex="0"><table class=TABLE data-testid="consultations">
                <TableHead columns=vec![t("summary-col-consultation"), t("summary-col-required"), t("summary-col-record")] cell=TH/>
                <tbody>
                    {consultations.into_iter().map(|c| {
                        let missing = c.required && c.records.is_empty();
                        view! {
                            <tr>
                                <td class=TD>{c.label}</td>
                                <td class=TD>{if c.required { t("summary-yes") } else { t("summary-no") }}</td>
                                <td class=format!("{TD} {}", if missing { "font-medium text-red-800" } else { "" })>
                                    {if c.records.is_empty() {
                                        view! { <span>{if missing { t("summary-missing") } else { "—".to_string() }}</span> }.into_any()
                                    } else {
                                        view! { <ul>{c.records.into_iter().map(|(date, by, text)| view! {
                                            <li>{if by.is_empty() { date } else { format!("{date} · {by}") }}{text.map(|t| view! { <span class="block text-xs text-slate-600">{t}</span> })}</li>
                                        }).collect_view()}</ul> }.into_any()
                                    }}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table></div>
        </section>
    }
}

#[component]
fn SignOffBlock(summary: CaseSummary) -> impl IntoView {
    let verified_badge = |ok: bool| {
        if ok {
            view! { <span class="ms-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900">{t("summary-hash-verified")}</span> }.into_any()
        } else {
            view! { <span class="ms-2 rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900">{t("summary-hash-mismatch")}</span> }.into_any()
        }
    };
    view! {
        <section id="sign-off" class=SECTION aria-labelledby="signoff-h" data-testid="sign-off-block">
            <h2 id="signoff-h" class=H2>{t("summary-sign-off")}</h2>
            {summary.submission.clone().map(|s| view! {
                <p class="mt-2 text-sm text-slate-700">
                    {format!("{} ", t_args("summary-submitted-by", &[("name", s.by.clone()), ("date", s.at.clone())]))}
                    <code class="break-all text-xs" data-testid="submission-hash">{s.content_hash}</code>
                    {verified_badge(s.verified)}
                </p>
            })}
            {match summary.sign_off.clone() {
                None => view! {
                    <div class="mt-3 grid gap-6 text-sm sm:grid-cols-2 print:grid-cols-2">
                        <p class="text-slate-700">{t("summary-not-signed")}</p>
                        <div class="hidden print:block">
                            <p class="mt-8 border-t border-slate-500 pt-1">{t("summary-signature-line")}</p>
                            <p class="mt-8 border-t border-slate-500 pt-1">{t("summary-date")}</p>
                        </div>
                    </div>
                }.into_any(),
                Some(s) => view! {
                    <div class="mt-3 text-sm">
                        <p>
                            {t_args("summary-signed-by", &[("name", s.signed_by.clone()), ("level", s.signer_level.to_string()), ("date", s.signed_at.clone())])}
                        </p>
                        <div class="overflow-x-auto" tabindex="0"><table class=TABLE data-testid="final-decisions">
                            <TableHead columns=vec![t("summary-col-component"), t("summary-col-recommended"), t("summary-col-final"), t("summary-col-conditions"), t("summary-col-level")] cell=TH/>
                            <tbody>
                                {s.decisions.into_iter().map(|d| view! {
                                    <tr>
                                        <td class=TD>{d.component_id}</td>
                                        <td class=TD>{t(d.recommended.label_id())}</td>
                                        <td class=format!("{TD} font-semibold")>{t(d.final_decision.label_id())}</td>
                                        <td class=TD>{d.conditions.unwrap_or_else(|| "—".into())}</td>
                                        <td class=TD>{d.approval_level_required}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table></div>
                        {s.comment.map(|c| view! { <p class="mt-2"><span class="font-medium">{format!("{}: ", t("summary-comment"))}</span>{c}</p> })}
                        <p class="mt-3">
                            {format!("{} ", t("summary-sign-off-record"))}<code class="break-all text-xs" data-testid="sign-off-hash">{s.content_hash}</code>
                            {verified_badge(s.verified)}
                        </p>
                        <p class="mt-1 text-xs text-slate-600">
                            {t("summary-hash-explained")}
                        </p>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ReviewPanel(summary: CaseSummary, actions: ReviewActions) -> impl IntoView {
    let id = summary.overview.item.id;
    let a: Actions = summary.actions.clone();
    let anchors = summary.anchors.clone();
    let show =
        a.sign_off.is_some() || a.can_return || !a.concurrences.is_empty() || a.can_record_trigger || a.can_reassess;
    let warning = summary.review_date_warning.clone();
    show.then(|| view! {
        <section id="review" class=format!("{SECTION} print:hidden") aria-labelledby="review-h" data-testid="review-panel">
            <h2 id="review-h" class=H2>{t("summary-your-review")}</h2>
            {a.sign_off.clone().map(|s| match s {
                Ok(()) => view! {
                    {warning.clone().map(|w| view! { <p class="mt-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="review-date-warning">{w}</p> })}
                    <SignOffForm id revision=a.revision choices=a.decision_choices.clone() action=actions.sign/>
                }.into_any(),
                Err(reason) => view! { <p class="mt-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="sign-off-blocked">{reason}</p> }.into_any(),
            })}
            {a.can_return.then(|| view! { <ReturnForm id anchors=anchors.clone() action=actions.ret/> })}
            {(!a.concurrences.is_empty()).then(|| view! { <ConcurrenceForms id actions=a.clone() action=actions.concur/> })}
            {a.can_record_trigger.then(|| view! { <TriggerForm id events=summary.trigger_events.clone() action=actions.trigger/> })}
            {a.can_reassess.then(|| view! { <ReassessForm id types=summary.reassessment_types.clone() events=summary.trigger_events.clone() action=actions.reassess/> })}
        </section>
    })
}

#[component]
fn SignOffForm(id: i64, revision: i64, choices: Vec<DecisionChoice>, action: ServerAction<SignOff>) -> impl IntoView {
    let error = action_or_query_error(action, "sign-off");
    let field = move |name: String| Signal::derive(move || error.get().and_then(|e| e.for_field(&name)));
    let general = banner_of(error);
    view! {
        <ActionForm action attr:class="mt-4 space-y-4 rounded-lg border border-slate-200 p-4" attr:data-testid="sign-off-form">
            <h3 class="font-semibold text-slate-900">{t("summary-sign-off-title")}</h3>
            <Notice message=general/>
            <input type="hidden" name="id" value=id/>
            <input type="hidden" name="revision" value=revision/>
            {choices.into_iter().enumerate().map(|(i, c)| {
                let select_id = format!("final-{}", c.component_id);
                let cond_id = format!("conditions-{}", c.component_id);
                let final_field = field(format!("final.{}", c.component_id));
                let cond_field = field(format!("conditions.{}", c.component_id));
                // Nothing is preselected; the conditions become required as soon as
                // "proceed with conditions" is chosen.
                let sent_decision = kept("sign-off", &format!("final.{}", c.component_id));
                let sent_conditions = kept("sign-off", &format!("conditions.{}", c.component_id));
                let chosen = RwSignal::new(FinalDecision::parse(&sent_decision));
                let needs_conditions = move || chosen.get() == Some(FinalDecision::ProceedWithConditions);
                view! {
                    <fieldset class="grid gap-3 sm:grid-cols-2">
                        <legend class="text-sm font-medium text-slate-800">
                            {format!("{} · {}", c.component_id, t_args("summary-component-decision", &[("decision", t(c.recommended.label_id())), ("level", c.approval_level_required.to_string())]))}
                        </legend>
                        <input type="hidden" name=format!("decisions[{i}][component_id]") value=c.component_id.clone()/>
                        <div>
                            <label for=select_id.clone() class="block text-sm text-slate-700">{t("summary-col-final")}</label>
                            <select id=select_id.clone() name=format!("decisions[{i}][final_decision]") class=INPUT aria-describedby=format!("{select_id}-hint {select_id}-error")
                                on:change=move |ev| chosen.set(FinalDecision::parse(&event_target_value(&ev)))>
                                <option value="" selected=sent_decision.is_empty()>{t("summary-choose-final")}</option>
                                {c.allowed.iter().map(|d| view! { <option value=d.code() selected=d.code() == sent_decision>{t(d.label_id())}</option> }).collect_view()}
                            </select>
                            <p id=format!("{select_id}-hint") class="mt-1 text-xs text-slate-600">
                                {match c.proposed {
                                    Some(p) => t_args("summary-proposed", &[("decision", t(p.label_id()))]),
                                    None => t("summary-proposed-none"),
                                }}
                            </p>
                            <InlineError id=format!("{select_id}-error") message=final_field/>
                        </div>
                        <div>
                            <label for=cond_id.clone() class="block text-sm text-slate-700">
                                {move || if needs_conditions() { t("summary-conditions-required") } else { t("summary-conditions-when") }}
                            </label>
                            <textarea id=cond_id.clone() name=format!("decisions[{i}][conditions]") rows="2" maxlength="5000" class=INPUT
                                aria-required=move || needs_conditions().to_string() aria-describedby=format!("{cond_id}-error")>{sent_conditions}</textarea>
                            <InlineError id=format!("{cond_id}-error") message=cond_field/>
                        </div>
                    </fieldset>
                }
            }).collect_view()}
            <div>
                <label for="signoff-comment" class="block text-sm text-slate-700">{t("summary-signoff-comment")}</label>
                <textarea id="signoff-comment" name="comment" rows="2" maxlength="5000" class=INPUT>{kept("sign-off", "comment")}</textarea>
            </div>
            <button type="submit" class=BUTTON_PRIMARY disabled=move || action.pending().get()>{t("summary-sign-off-button")}</button>
            <p class="text-xs text-slate-600">{t("summary-signing-freezes")}</p>
        </ActionForm>
    }
}

fn anchor_select(id: &'static str, anchors: Vec<(String, String)>) -> impl IntoView {
    view! {
        <div>
            <label for=id class="block text-sm text-slate-700">{t("summary-about")}</label>
            <select id=id name="anchor" class=INPUT>
                {anchors.into_iter().map(|(value, label)| view! { <option value=value>{label}</option> }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn ReturnForm(id: i64, anchors: Vec<(String, String)>, action: ServerAction<ReturnCase>) -> impl IntoView {
    let error = action_or_query_error(action, "return");
    let body_error = Signal::derive(move || error.get().map(|e| e.to_string()));
    view! {
        <details id="return" class="mt-4 rounded-lg border border-slate-200 p-4" open=error.get_untracked().is_some()>
            <summary class="cursor-pointer font-semibold text-slate-900">{t("summary-return-title")}</summary>
            <ActionForm action attr:class="mt-3 space-y-3" attr:data-testid="return-form">
                <input type="hidden" name="id" value=id/>
                {anchor_select("return-anchor", anchors)}
                <div>
                    <label for="return-body" class="block text-sm text-slate-700">{t("summary-return-body")}</label>
                    <textarea id="return-body" name="body" rows="3" maxlength="5000" class=INPUT aria-describedby="return-body-error">{kept("return", "body")}</textarea>
                    <InlineError id="return-body-error".to_string() message=body_error/>
                </div>
                <button type="submit" class=BUTTON_DANGER disabled=move || action.pending().get()>{t("summary-return-button")}</button>
            </ActionForm>
        </details>
    }
}

#[component]
fn ConcurrenceForms(id: i64, actions: Actions, action: ServerAction<Concur>) -> impl IntoView {
    let error = action_or_query_error(action, "concur");
    let message = Signal::derive(move || error.get().map(|e| e.to_string()));
    view! {
        <div id="concurrence" class="mt-4 rounded-lg border border-slate-200 p-4" data-testid="concurrence">
            <h3 class="font-semibold text-slate-900">{t("summary-concurrence-title")}</h3>
            {actions.concurrence_blocked.clone().map(|r| view! { <p class="mt-2 text-sm text-amber-900">{r}</p> })}
            <Notice message/>
            <ul class="mt-2 space-y-3">
                {actions.concurrences.into_iter().enumerate().map(|(i, c)| {
                    let body_id = format!("concur-body-{i}");
                    view! {
                        <li class="rounded-md border border-slate-200 p-3 text-sm">
                            <p class="font-medium">{format!("{} · {}", c.component_id, c.description)}</p>
                            <p class="text-slate-700">{t_args("summary-justification", &[("text", if c.justification.is_empty() { "—".to_string() } else { c.justification.clone() })])}</p>
                            <p class="text-slate-700">{t(match c.concurred { Some(true) => "summary-status-concurred", Some(false) => "summary-status-refused", None => "summary-status-awaiting" })}</p>
                            <ActionForm action attr:class="mt-2 space-y-2">
                                <input type="hidden" name="id" value=id/>
                                <input type="hidden" name="revision" value=actions.revision/>
                                <input type="hidden" name="component" value=c.component_id.clone()/>
                                <input type="hidden" name="target" value=c.target.clone()/>
                                <label for=body_id.clone() class="block text-sm text-slate-700">{t("summary-reasoning")}</label>
                                <textarea id=body_id name="body" rows="2" maxlength="5000" class=INPUT></textarea>
                                <div class="flex gap-2">
                                    <button type="submit" name="verdict" value="concur" class=BUTTON_PRIMARY disabled=move || action.pending().get()>{t("summary-concur")}</button>
                                    <button type="submit" name="verdict" value="refuse" class=BUTTON_DANGER disabled=move || action.pending().get()>{t("summary-refuse")}</button>
                                </div>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

#[component]
fn TriggerForm(id: i64, events: Vec<(String, String)>, action: ServerAction<RecordTrigger>) -> impl IntoView {
    let error = action_or_query_error(action, "trigger");
    let message = Signal::derive(move || error.get().map(|e| e.to_string()));
    view! {
        <details id="triggers" class="mt-4 rounded-lg border border-slate-200 p-4" open=error.get_untracked().is_some()>
            <summary class="cursor-pointer font-semibold text-slate-900">{t("summary-trigger-title")}</summary>
            <ActionForm action attr:class="mt-3 grid gap-3 sm:grid-cols-2">
                <input type="hidden" name="id" value=id/>
                <Notice message/>
                <div>
                    <label for="trigger-kind" class="block text-sm text-slate-700">{t("summary-event")}</label>
                    <select id="trigger-kind" name="trigger" class=INPUT>
                        {options(events)}
                    </select>
                </div>
                <div>
                    <label for="trigger-date" class="block text-sm text-slate-700">{t("summary-date")}</label>
                    <input id="trigger-date" name="date" type="date" class=INPUT value=kept("trigger", "date")/>
                </div>
                <div class="sm:col-span-2">
                    <label for="trigger-description" class="block text-sm text-slate-700">{t("summary-what-happened")}</label>
                    <textarea id="trigger-description" name="description" rows="2" maxlength="5000" class=INPUT>{kept("trigger", "description")}</textarea>
                </div>
                <div><button type="submit" class=BUTTON_SECONDARY disabled=move || action.pending().get()>{t("summary-record-event")}</button></div>
            </ActionForm>
        </details>
    }
}

#[component]
fn ReassessForm(
    id: i64,
    types: Vec<(String, String)>,
    events: Vec<(String, String)>,
    action: ServerAction<StartReassessment>,
) -> impl IntoView {
    let error = action_or_query_error(action, "reassess");
    let message = Signal::derive(move || error.get().map(|e| e.to_string()));
    view! {
        <details id="reassess" class="mt-4 rounded-lg border border-slate-200 p-4" open=error.get_untracked().is_some()>
            <summary class="cursor-pointer font-semibold text-slate-900">{t("summary-reassess-title")}</summary>
            <p class="mt-2 text-sm text-slate-700">{t("summary-reassess-help")}</p>
            <ActionForm action attr:class="mt-3 grid gap-3 sm:grid-cols-2">
                <input type="hidden" name="id" value=id/>
                <Notice message/>
                <div>
                    <label for="reassess-type" class="block text-sm text-slate-700">{t("summary-reassess-why")}</label>
                    <select id="reassess-type" name="assessment_type" class=INPUT>
                        {options(types)}
                    </select>
                </div>
                <div>
                    <label for="reassess-trigger" class="block text-sm text-slate-700">{t("summary-reassess-trigger")}</label>
                    <select id="reassess-trigger" name="trigger_event" class=INPUT>
                        <option value="">"—"</option>
                        {options(events)}
                    </select>
                </div>
                <div><button type="submit" class=BUTTON_PRIMARY disabled=move || action.pending().get()>{t("summary-reassess-button")}</button></div>
            </ActionForm>
        </details>
    }
}

#[component]
fn Comments(summary: CaseSummary, actions: ReviewActions) -> impl IntoView {
    let id = summary.overview.item.id;
    let action = actions.comment;
    let error = action_or_query_error(action, "comment");
    let body_error = Signal::derive(move || error.get().map(|e| e.to_string()));
    let comments = summary.comments.clone();
    view! {
        <section id="comments" class=SECTION aria-labelledby="comments-h">
            <h2 id="comments-h" class=H2>{t_args("summary-comments", &[("n", comments.len().to_string())])}</h2>
            <ul class="mt-3 space-y-3" data-testid="comments">
                {comments.into_iter().map(|c| {
                    let tag = crate::cases::ReviewNote::kind_label(&c.kind);
                    view! {
                        <li class="rounded-md border border-slate-200 p-3 text-sm">
                            <p class="text-xs text-slate-600">{format!("{tag} · {} · {} ({}) · {}", c.anchor_label, c.author, c.role, c.at)}</p>
                            <p class="mt-1 whitespace-pre-line text-slate-900">{c.body}</p>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {summary.actions.can_comment.then(|| view! {
                <ActionForm action attr:class="mt-4 space-y-3 print:hidden" attr:data-testid="comment-form">
                    <input type="hidden" name="id" value=id/>
                    {anchor_select("comment-anchor", summary.anchors.clone())}
                    <div>
                        <label for="comment-body" class="block text-sm text-slate-700">{t("summary-comment")}</label>
                        <textarea id="comment-body" name="body" rows="3" maxlength="5000" class=INPUT aria-describedby="comment-body-error">{kept("comment", "body")}</textarea>
                        <InlineError id="comment-body-error".to_string() message=body_error/>
                    </div>
                    <button type="submit" class=BUTTON_SECONDARY disabled=move || action.pending().get()>{t("summary-add-comment")}</button>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
fn AuditTrail(summary: CaseSummary) -> impl IntoView {
    let events = summary.events.clone();
    let intact = summary.integrity_problems.is_empty();
    view! {
        <section class=format!("{SECTION} print:break-before-page") aria-labelledby="audit-h">
            <h2 id="audit-h" class=H2>{t("summary-audit")}</h2>
            <p class="mt-1 text-sm text-slate-700" data-testid="audit-status">
                {if intact {
                    t_count("summary-audit-intact", events.len(), &[])
                } else {
                    t("summary-audit-broken")
                }}
            </p>
            <div class="overflow-x-auto" tabindex="0"><table class=TABLE data-testid="audit-trail">
                <TableHead columns=vec!["#".to_string(), t("summary-col-when"), t("summary-col-who"), t("summary-col-what"), t("summary-col-hash")] cell=TH/>
                <tbody>
                    {events.into_iter().map(|e| view! {
                        <tr>
                            <td class=TD>{e.seq}</td>
                            <td class=format!("{TD} whitespace-nowrap")>{e.at}</td>
                            <td class=TD>{format!("{} ({})", e.actor, e.role)}</td>
                            <td class=TD>{e.summary}</td>
                            <td class=format!("{TD} font-mono text-xs") title=format!("record event {}: {}", e.record_seq, e.hash)>{e.hash.chars().take(19).collect::<String>()}"…"</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table></div>
        </section>
    }
}
