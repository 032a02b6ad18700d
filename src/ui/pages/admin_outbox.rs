//! The e-mail outbox (`/admin/outbox`): for administrators of all countries, the messages waiting
//! to go and those given up, each with its last error, and a button to send one again (audited).
//! Plain HTML forms; no script needed.

use crate::notify::{OutboxLine, OutboxView};
use crate::ui::components::access::AccessProblem;
use crate::ui::components::forms::{action_or_query_error, banner_of, Notice, TableHead, BUTTON_SECONDARY, TD, TH};
use crate::web::server_fns::notify::{get_outbox, RetryMail};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AdminOutboxPage() -> impl IntoView {
    let retry = ServerAction::<RetryMail>::new();
    let outbox = Resource::new(move || retry.version().get(), |_| get_outbox());
    let error = action_or_query_error(retry, "retry");
    let query = leptos_router::hooks::use_query_map();
    let retried = Signal::derive(move || {
        let asked = matches!(retry.value().get(), Some(Ok(_))) || query.with(|q| q.get("retried").is_some());
        (asked && error.get().is_none())
            .then(|| "The message is due again and goes with the next pass of the sender.".to_string())
    });
    view! {
        <Title text="E-mail outbox"/>
        <p class="text-sm"><a href="/admin/users" class="text-sky-800 underline"><span class="inline-block rtl:-scale-x-100">"←"</span>" Users"</a></p>
        <h1 class="mt-2 text-2xl font-bold text-slate-900">"E-mail outbox"</h1>
        <p class="mt-1 max-w-3xl text-sm text-slate-600">
            "Notifications by e-mail wait here until the mail server accepts them. A failed try is repeated with growing pauses (30 seconds up to 6 hours, 8 tries in all); then the message is given up and listed below with its last error. Sending one again is recorded in the recipient's account history."
        </p>
        <div class="mt-4 space-y-3">
            <Notice message=retried success=true/>
            <Notice message=banner_of(error)/>
        </div>
        <Transition fallback=|| view! { <p class="mt-6 text-slate-600">"Loading…"</p> }>
            {move || outbox.get().map(|result| match result {
                Err(e) => view! { <AccessProblem error=e/> }.into_any(),
                Ok(view) => view! { <Outbox view retry/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn Outbox(view: OutboxView, retry: ServerAction<RetryMail>) -> impl IntoView {
    let OutboxView { smtp, pending, sent, failed, waiting, given_up } = view;
    view! {
        <p class="mt-4 text-sm text-slate-800" data-testid="outbox-status">{match smtp {
            Some(server) => format!("Sending through {server}. Waiting: {pending} · sent: {sent} · given up: {failed}."),
            None => format!("This server sends no e-mail (HRDD_SMTP_URL is not set). Waiting: {pending} · sent: {sent} · given up: {failed}."),
        }}</p>
        <Lines title="Waiting" lines=waiting retry testid="outbox-waiting" empty="Nothing waits."/>
        <Lines title="Given up" lines=given_up retry testid="outbox-failed" empty="Nothing was given up."/>
    }
}

#[component]
fn Lines(
    title: &'static str,
    lines: Vec<OutboxLine>,
    retry: ServerAction<RetryMail>,
    testid: &'static str,
    empty: &'static str,
) -> impl IntoView {
    view! {
        <section class="mt-8">
            <h2 class="text-lg font-semibold text-slate-900">{title}</h2>
            {if lines.is_empty() {
                view! { <p class="mt-2 text-sm text-slate-600">{empty}</p> }.into_any()
            } else {
                view! {
                    <table class="mt-3 w-full border-collapse text-start text-sm" data-testid=testid>
                        <TableHead columns=&["To", "Subject", "Queued (UTC)", "Tries", "Next try (UTC)", "Last error", ""] cell=TH/>
                        <tbody>
                            {lines.into_iter().map(|l| view! {
                                <tr>
                                    <td class=TD>{l.to}</td>
                                    <td class=TD>{l.subject}</td>
                                    <td class=TD>{l.created}</td>
                                    <td class=TD>{l.attempts}</td>
                                    <td class=TD>{l.next_attempt}</td>
                                    <td class=format!("{TD} text-red-800")>{l.last_error.unwrap_or_default()}</td>
                                    <td class=TD>
                                        <ActionForm action=retry>
                                            <input type="hidden" name="id" value=l.id/>
                                            <button type="submit" class=BUTTON_SECONDARY>"Send again now"</button>
                                        </ActionForm>
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}
