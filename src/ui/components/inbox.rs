//! The inbox (`/` after sign-in, and `/review`): what each of the user's roles asks of them —
//! returned cases and drafts, concurrence, sign-off at their level — and re-assessments due.

use crate::review::{QueueItem, ReviewQueue, REVIEW_DAYS};
use crate::ui::components::access::AccessProblem;
use crate::ui::components::forms::TableHead;
use crate::ui::components::tone::{band_badge, state_badge};
use crate::web::server_fns::review::get_review_queue;
use leptos::prelude::*;

/// What the signed-in user's roles ask of them, with counts and links: the landing page after
/// sign-in (`/`) and `/review`.
#[component]
pub fn Inbox() -> impl IntoView {
    let queue = Resource::new(|| (), |_| get_review_queue());
    view! {
        <h1 class="text-2xl font-bold text-slate-900">"Your inbox"</h1>
        <Transition fallback=|| view! { <p class="mt-6 text-slate-600">"Loading your inbox…"</p> }>
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
    empty: &'static str,
}

fn queues_of(queue: ReviewQueue) -> Vec<Queue> {
    let level = queue.level.unwrap_or(0);
    let mut out = Vec::new();
    if queue.is_assessor {
        out.push(Queue {
            id: "returned",
            title: "Returned to you".into(),
            intro: "Assessments a reviewer returned with a comment; open one to go to the step the comment concerns."
                .into(),
            items: queue.returned,
            empty: "No assessment has been returned.",
        });
        out.push(Queue {
            id: "drafts",
            title: "Your drafts".into(),
            intro: "Assessments you started and have not submitted yet, most recently changed first.".into(),
            items: queue.drafts,
            empty: "You have no draft.",
        });
    }
    if queue.is_adviser {
        out.push(Queue {
            id: "advice",
            title: "Needs your concurrence or advice".into(),
            intro: "Drafts and returned assessments with a required OHCHR consultation not yet recorded, or lowering overrides and override requests awaiting concurrence.".into(),
            items: queue.advice,
            empty: "No assessment is waiting for you.",
        });
    }
    if queue.is_reviewer {
        out.push(Queue {
            id: "decide",
            title: format!("Needs your sign-off (level {level})"),
            intro: format!("Submitted assessments that need level {level} or lower, oldest first. A decision is due {REVIEW_DAYS} days after submission."),
            items: queue.decidable,
            empty: "Nothing is waiting for your decision.",
        });
        out.push(Queue {
            id: "waiting",
            title: "Waiting for a higher level".into(),
            intro: "Submitted assessments that need a higher approval level than yours: you may read, comment and return them, not sign them.".into(),
            items: queue.waiting,
            empty: "None.",
        });
    }
    out.push(Queue {
        id: "reassess",
        title: "Due for re-assessment".into(),
        intro: "Decided assessments whose review date has passed or that had a trigger event recorded (spec §10.6)."
            .into(),
        items: queue.reassessment,
        empty: "No re-assessment is due.",
    });
    out
}

#[component]
fn Queues(queue: ReviewQueue) -> impl IntoView {
    let queues = queues_of(queue);
    view! {
        <nav aria-label="Inbox sections" class="mt-4">
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

#[component]
fn QueueTable(
    id: &'static str,
    title: String,
    intro: String,
    items: Vec<QueueItem>,
    empty: &'static str,
) -> impl IntoView {
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
                        <table class="w-full border-collapse text-left text-sm">
                            <TableHead columns=&["Assessment", "Country", "Status", "Band", "Decision", "Since", "Due", "Why here"] cell="px-2 py-1.5" row="border-b border-slate-300 text-xs uppercase tracking-wide text-slate-600"/>
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
                                        <td class="px-2 py-1.5">{i.decision.map(|d| d.label()).unwrap_or_default()}</td>
                                        <td class="px-2 py-1.5 whitespace-nowrap">{i.since.clone()}</td>
                                        <td class=format!("px-2 py-1.5 whitespace-nowrap {}", if i.overdue { "font-semibold text-red-800" } else { "" })>
                                            {i.due.clone().unwrap_or_else(|| "—".into())}{i.overdue.then_some(" overdue")}
                                        </td>
                                        <td class="px-2 py-1.5 text-xs">{i.reason.clone()}</td>
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
