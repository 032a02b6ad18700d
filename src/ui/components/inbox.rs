//! The inbox (`/` after sign-in, and `/review`): what each of the user's roles asks of them —
//! returned cases and drafts, concurrence, sign-off at their level — and re-assessments due.

use crate::review::{QueueItem, QueueReason, ReviewQueue, REVIEW_DAYS};
use crate::ui::components::access::AccessProblem;
use crate::ui::components::forms::TableHead;
use crate::ui::components::tone::{band_badge, state_badge, Shown};
use crate::ui::i18n::{t, t_args, t_with};
use crate::web::server_fns::review::get_review_queue;
use leptos::prelude::*;

/// What the signed-in user's roles ask of them, with counts and links: the landing page after
/// sign-in (`/`) and `/review`.
#[component]
pub fn Inbox() -> impl IntoView {
    let queue = Resource::new(|| (), |_| get_review_queue());
    view! {
        <h1 class="text-2xl font-bold text-slate-900">{t("inbox-heading")}</h1>
        <Transition fallback=|| view! { <p class="mt-6 text-slate-600">{t("inbox-loading")}</p> }>
            {move || queue.get().map(|result| match result {
                Err(e) => view! { <AccessProblem error=e/> }.into_any(),
                Ok(q) => view! { <Queues queue=q/> }.into_any(),
            })}
        </Transition>
    }
}

/// One queue: its id, title, explanation, items and what to say when it is empty.
struct Queue {
    id: &'static str,
    title: String,
    intro: String,
    items: Vec<QueueItem>,
    empty: String,
}

fn queues_of(queue: ReviewQueue) -> Vec<Queue> {
    let level = queue.level.unwrap_or(0);
    let mut out = Vec::new();
    if queue.is_assessor {
        out.push(Queue {
            id: "returned",
            title: t("inbox-returned"),
            intro: t("inbox-returned-intro"),
            items: queue.returned,
            empty: t("inbox-returned-empty"),
        });
        out.push(Queue {
            id: "drafts",
            title: t("inbox-drafts"),
            intro: t("inbox-drafts-intro"),
            items: queue.drafts,
            empty: t("inbox-drafts-empty"),
        });
    }
    if queue.is_adviser {
        out.push(Queue {
            id: "advice",
            title: t("inbox-advice"),
            intro: t("inbox-advice-intro"),
            items: queue.advice,
            empty: t("inbox-advice-empty"),
        });
    }
    if queue.is_reviewer {
        out.push(Queue {
            id: "decide",
            title: t_with("inbox-decide", &[("level", u32::from(level).into())]),
            intro: t_with("inbox-decide-intro", &[("level", u32::from(level).into()), ("days", REVIEW_DAYS.into())]),
            items: queue.decidable,
            empty: t("inbox-decide-empty"),
        });
        out.push(Queue {
            id: "waiting",
            title: t("inbox-waiting"),
            intro: t("inbox-waiting-intro"),
            items: queue.waiting,
            empty: t("inbox-waiting-empty"),
        });
    }
    out.push(Queue {
        id: "reassess",
        title: t("inbox-reassess"),
        intro: t("inbox-reassess-intro"),
        items: queue.reassessment,
        empty: t("inbox-reassess-empty"),
    });
    out
}

#[component]
fn Queues(queue: ReviewQueue) -> impl IntoView {
    let queues = queues_of(queue);
    view! {
        <nav aria-label=t("inbox-sections") class="mt-4">
            <ul class="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="inbox-counts">
                {queues.iter().map(|q| {
                    let n = q.items.len();
                    let tone = if n > 0 && matches!(q.id, "returned" | "decide" | "advice") { "ring-amber-300 bg-amber-50" } else { "ring-slate-200 bg-white" };
                    view! {
                        <li>
                            <a href=format!("#queue-{}", q.id) class=format!("block rounded-xl p-3 shadow-sm ring-1 hover:ring-sky-400 {tone}")>
                                <span class="block text-xs font-medium text-slate-700">{q.title.clone()}</span>
                                <span class="mt-1 block text-2xl font-bold tabular-nums text-slate-900">{n}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </nav>
        {queues.into_iter().map(|q| view! { <QueueTable id=q.id title=q.title intro=q.intro items=q.items empty=q.empty/> }).collect_view()}
    }
}

/// Why a case is in its queue, in the reader's words.
fn reason_text(reason: &QueueReason) -> String {
    let level = |id: &'static str, n: u8| t_with(id, &[("level", u32::from(n).into())]);
    match reason {
        QueueReason::ReturnedWith { by, excerpt } => {
            t_args("inbox-why-returned-by", &[("name", by.clone()), ("comment", excerpt.clone())])
        }
        QueueReason::Returned => t("inbox-why-returned"),
        QueueReason::AnswersMissing => t("inbox-why-answers-missing"),
        QueueReason::Blocked => t("inbox-why-blocked"),
        QueueReason::ReadyToSubmit => t("inbox-why-ready"),
        QueueReason::NeedsLevel(n) => level("inbox-why-needs-level", *n),
        QueueReason::WaitsForLevel(n) => level("inbox-why-waits-for-level", *n),
        QueueReason::NeedsAdvice { consultation, lowering_override, override_request } => {
            let needs: Vec<String> = [
                (*consultation, "inbox-need-consultation"),
                (*lowering_override, "inbox-need-lowering-override"),
                (*override_request, "inbox-need-override-request"),
            ]
            .into_iter()
            .filter(|(asked, _)| *asked)
            .map(|(_, id)| t(id))
            .collect();
            t_args("inbox-why-needs", &[("needs", needs.join(&t("inbox-list-separator")))])
        }
        QueueReason::TriggerRecorded => t("inbox-why-trigger"),
        QueueReason::ReviewDatePassed => t("inbox-why-review-date"),
    }
}

#[component]
fn QueueTable(id: &'static str, title: String, intro: String, items: Vec<QueueItem>, empty: String) -> impl IntoView {
    let heading = format!("{id}-h");
    let count = items.len();
    view! {
        <section id=format!("queue-{id}") class="mt-8 scroll-mt-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby=format!("{id}-h") data-testid=format!("queue-{id}")>
            <h2 id=heading class="text-lg font-semibold text-slate-900">{format!("{title} ({count})")}</h2>
            <p class="mt-1 text-sm text-slate-600">{intro}</p>
            {if items.is_empty() {
                view! { <p class="mt-3 text-sm text-slate-700">{empty}</p> }.into_any()
            } else {
                view! {
                    <div class="mt-3 overflow-x-auto" tabindex="0">
                        <table class="w-full border-collapse text-start text-sm">
                            <TableHead columns=vec![t("inbox-col-assessment"), t("cases-country"), t("cases-status"), t("cases-col-band"), t("inbox-col-decision"), t("inbox-col-since"), t("inbox-col-due"), t("inbox-col-why")] cell="px-2 py-1.5" row="border-b border-slate-300 text-xs uppercase tracking-wide text-slate-600"/>
                            <tbody>
                                {items.into_iter().map(|i| view! {
                                    <tr class="border-b border-slate-100 align-top">
                                        <td class="px-2 py-1.5">
                                            <a href=i.open.clone() class="font-medium text-sky-800 underline">{i.reference.clone()}</a>
                                            <span class="block text-xs text-slate-600">{i.title.clone()}</span>
                                        </td>
                                        <td class="px-2 py-1.5">{i.country.clone()}</td>
                                        <td class="px-2 py-1.5">{state_badge(i.state)}</td>
                                        <td class="px-2 py-1.5">{band_badge(i.band)}</td>
                                        <td class="px-2 py-1.5">{i.decision.map(Shown::text).unwrap_or_default()}</td>
                                        <td class="px-2 py-1.5 whitespace-nowrap">{i.since.clone()}</td>
                                        <td class=format!("px-2 py-1.5 whitespace-nowrap {}", if i.overdue { "font-semibold text-red-800" } else { "" })>
                                            {i.due.clone().unwrap_or_else(|| "—".into())}{i.overdue.then(|| format!(" {}", t("inbox-overdue")))}
                                        </td>
                                        <td class="px-2 py-1.5 text-xs">{reason_text(&i.reason)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
