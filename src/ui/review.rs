//! The review queues (`/review`): what the reviewer can decide, what waits for a higher level, what
//! the human-rights adviser is asked for, and decided versions due for re-assessment.

use crate::review::server_fns::get_review_queue;
use crate::review::{QueueItem, ReviewQueue, REVIEW_DAYS};
use crate::ui::admin_users::AccessProblem;
use crate::ui::cases::{band_badge, state_badge};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn ReviewQueuePage() -> impl IntoView {
    let queue = Resource::new(|| (), |_| get_review_queue());
    view! {
        <Title text="Review"/>
        <h1 class="text-2xl font-bold text-slate-900">"Review"</h1>
        <Transition fallback=|| view! { <p class="mt-6 text-slate-600">"Loading the queue…"</p> }>
            {move || queue.get().map(|result| match result {
                Err(e) => view! { <AccessProblem error=e/> }.into_any(),
                Ok(q) => view! { <Queues queue=q/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn Queues(queue: ReviewQueue) -> impl IntoView {
    let level = queue.level.unwrap_or(0);
    view! {
        {queue.is_reviewer.then(|| view! {
            <QueueTable
                id="decide"
                title=format!("You can decide (approval level {level})")
                intro=format!("Submitted assessments that need level {level} or lower, oldest first. A decision is due {REVIEW_DAYS} days after submission.")
                items=queue.decidable.clone()
                empty="Nothing is waiting for your decision."
            />
            <QueueTable
                id="waiting"
                title="Waiting for a higher level".to_string()
                intro="Submitted assessments that need a higher approval level than yours: you may read, comment and return them, not sign them.".to_string()
                items=queue.waiting.clone()
                empty="None."
            />
        })}
        {queue.is_adviser.then(|| view! {
            <QueueTable
                id="advice"
                title="Needs your advice or concurrence".to_string()
                intro="Drafts and returned assessments with a required OHCHR consultation not yet recorded, or lowering overrides and override requests awaiting concurrence.".to_string()
                items=queue.advice.clone()
                empty="No assessment is waiting for you."
            />
        })}
        <QueueTable
            id="reassess"
            title="Due for re-assessment".to_string()
            intro="Decided assessments whose review date has passed or that had a trigger event recorded (spec §10.6).".to_string()
            items=queue.reassessment.clone()
            empty="No re-assessment is due."
        />
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
        <section class="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby=format!("{id}-h") data-testid=format!("queue-{id}")>
            <h2 id=heading class="text-lg font-semibold text-slate-900">{format!("{title} ({count})")}</h2>
            <p class="mt-1 text-sm text-slate-600">{intro}</p>
            {if items.is_empty() {
                view! { <p class="mt-3 text-sm text-slate-700">{empty}</p> }.into_any()
            } else {
                view! {
                    <div class="mt-3 overflow-x-auto">
                        <table class="w-full border-collapse text-left text-sm">
                            <thead>
                                <tr class="border-b border-slate-300 text-xs uppercase tracking-wide text-slate-600">
                                    <th scope="col" class="px-2 py-1.5">"Assessment"</th>
                                    <th scope="col" class="px-2 py-1.5">"Country"</th>
                                    <th scope="col" class="px-2 py-1.5">"Status"</th>
                                    <th scope="col" class="px-2 py-1.5">"Band"</th>
                                    <th scope="col" class="px-2 py-1.5">"Decision"</th>
                                    <th scope="col" class="px-2 py-1.5">"Since"</th>
                                    <th scope="col" class="px-2 py-1.5">"Due"</th>
                                    <th scope="col" class="px-2 py-1.5">"Why here"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {items.into_iter().map(|i| view! {
                                    <tr class="border-b border-slate-100 align-top">
                                        <td class="px-2 py-1.5">
                                            <A href=format!("/cases/{}", i.id) attr:class="font-medium text-sky-800 underline">{i.reference.clone()}</A>
                                            <span class="block text-xs text-slate-600">{i.title.clone()}</span>
                                        </td>
                                        <td class="px-2 py-1.5">{i.country.clone()}</td>
                                        <td class="px-2 py-1.5">{state_badge(i.state)}</td>
                                        <td class="px-2 py-1.5">{band_badge(i.band)}</td>
                                        <td class="px-2 py-1.5">{i.decision.map(|d| d.code().to_string()).unwrap_or_default()}</td>
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
