//! The signed-in user's notifications (`/notifications`): what the workflow told them, newest
//! first, each leading to its case. Plain HTML forms: "Open" marks the notice read and goes to the
//! case; "Mark all read" empties the count. No script needed.

use crate::notify::{Inbox, NoticeView};
use crate::ui::components::access::AccessProblem;
use crate::ui::components::forms::{BUTTON_PRIMARY, BUTTON_SECONDARY};
use crate::web::server_fns::notify::{get_inbox, MarkNoticesRead};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let inbox = Resource::new(|| (), |_| get_inbox());
    view! {
        <Title text="Notifications"/>
        <h1 class="text-2xl font-bold text-slate-900">"Notifications"</h1>
        <p class="mt-1 max-w-3xl text-sm text-slate-600">
            "What happened to the assessments you work on: submissions waiting for you, returns, concurrences, decisions, comments and re-assessment triggers."
        </p>
        <Transition fallback=|| view! { <p class="mt-6 text-slate-600">"Loading…"</p> }>
            {move || inbox.get().map(|result| match result {
                Err(e) => view! { <AccessProblem error=e/> }.into_any(),
                Ok(inbox) => view! { <Notices inbox/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn Notices(inbox: Inbox) -> impl IntoView {
    let mark_all = ServerAction::<MarkNoticesRead>::new();
    let Inbox { notices, unread, more } = inbox;
    if notices.is_empty() {
        return view! { <p class="mt-6 text-slate-600" data-testid="notifications-empty">"Nothing yet. You will find here what the workflow asks of you."</p> }.into_any();
    }
    view! {
        <div class="mt-4 flex flex-wrap items-center gap-4">
            <p class="text-sm text-slate-700" data-testid="unread-summary">{match unread {
                0 => "Everything is read.".to_string(),
                1 => "1 unread notification.".to_string(),
                n => format!("{n} unread notifications."),
            }}</p>
            {(unread > 0).then(|| view! {
                <ActionForm action=mark_all>
                    <button type="submit" class=BUTTON_SECONDARY>"Mark all read"</button>
                </ActionForm>
            })}
        </div>
        <ul class="mt-4 space-y-3" data-testid="notifications">
            {notices.into_iter().map(|n| view! { <Notice notice=n/> }).collect_view()}
        </ul>
        {more.then(|| view! { <p class="mt-4 text-sm text-slate-600">{format!("Only the newest {} are listed.", crate::notify::INBOX_SIZE)}</p> })}
    }
    .into_any()
}

#[component]
fn Notice(notice: NoticeView) -> impl IntoView {
    let open = ServerAction::<MarkNoticesRead>::new();
    let NoticeView { id, subject, body, link, at, read, .. } = notice;
    let frame = if read {
        "rounded-lg border border-slate-200 bg-white p-4"
    } else {
        "rounded-lg border border-sky-300 bg-sky-50 p-4"
    };
    view! {
        <li class=frame data-testid="notice" data-read=read.to_string()>
            <div class="flex flex-wrap items-start justify-between gap-3">
                <div class="min-w-0">
                    <p class="font-semibold text-slate-900">
                        {(!read).then(|| view! { <span class="me-2 rounded bg-sky-800 px-1.5 py-0.5 text-xs font-medium text-white">"New"</span> })}
                        {subject}
                    </p>
                    <p class="mt-1 whitespace-pre-line text-sm text-slate-700">{body}</p>
                    <p class="mt-1 text-xs text-slate-500">{format!("{at} UTC")}</p>
                </div>
                <ActionForm action=open>
                    <input type="hidden" name="id" value=id/>
                    <input type="hidden" name="open" value=link/>
                    <button type="submit" class=BUTTON_PRIMARY>"Open the case"</button>
                </ActionForm>
            </div>
        </li>
    }
}
