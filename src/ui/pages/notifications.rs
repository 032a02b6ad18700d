//! The signed-in user's notifications (`/notifications`): what the workflow told them, newest
//! first, each leading to its case, and how they take e-mail. Plain HTML forms: "Open" marks the
//! notice read and goes to the case; "Mark all read" empties the count. No script needed.

use crate::notify::{Inbox, MailPref, NoticeView};
use crate::ui::components::access::AccessProblem;
use crate::ui::components::forms::{
    action_or_query_error, field_of, FieldError, Notice as Banner, BUTTON_PRIMARY, BUTTON_SECONDARY,
};
use crate::web::server_fns::notify::{get_inbox, get_mail_choice, MailChoice, MarkNoticesRead, SetMailChoice};
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
            "What happened to the assessments you work on: submissions waiting for you, returns, concurrences, decisions, comments, re-assessment triggers and reminders."
        </p>
        <Transition fallback=|| view! { <p class="mt-6 text-slate-600">"Loading…"</p> }>
            {move || inbox.get().map(|result| match result {
                Err(e) => view! { <AccessProblem error=e/> }.into_any(),
                Ok(inbox) => view! { <Notices inbox/> <MailSection/> }.into_any(),
            })}
        </Transition>
    }
}

/// How the user takes e-mail: immediately, a daily digest, or none.
#[component]
fn MailSection() -> impl IntoView {
    let choice = Resource::new(|| (), |_| get_mail_choice());
    view! {
        <Transition fallback=|| ()>
            {move || choice.get().and_then(Result::ok).map(|c| view! { <MailForm choice=c/> })}
        </Transition>
    }
}

#[component]
fn MailForm(choice: MailChoice) -> impl IntoView {
    let set = ServerAction::<SetMailChoice>::new();
    let error = action_or_query_error(set, "mail");
    let query = leptos_router::hooks::use_query_map();
    let saved = Signal::derive(move || {
        (query.with(|q| q.get("mail").as_deref() == Some("saved")) && error.get().is_none())
            .then(|| "Your e-mail choice is saved.".to_string())
    });
    let MailChoice { pref, mail_on } = choice;
    view! {
        <section id="mail" class="mt-10 max-w-3xl rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="mail-heading">
            <h2 id="mail-heading" class="text-lg font-semibold text-slate-900">"E-mail"</h2>
            <p class="mt-1 text-sm text-slate-600">
                "Every notification is shown here. By e-mail you also get each one's case reference, title, country and state with a link back — never answers or risk figures."
            </p>
            {(!mail_on).then(|| view! {
                <p class="mt-2 text-sm text-amber-900" data-testid="mail-off">"This server does not send e-mail at the moment (no mail server is configured); your choice applies once it does."</p>
            })}
            <div class="mt-3"><Banner message=saved success=true/></div>
            <ActionForm action=set attr:class="mt-3">
                <fieldset aria-describedby="pref-error">
                    <legend class="text-sm font-medium text-slate-800">"Send me e-mail"</legend>
                    {MailPref::ALL.into_iter().map(|p| view! {
                        <label class="mt-2 flex items-center gap-2 text-sm text-slate-800">
                            <input type="radio" name="pref" value=p.code() checked=p == pref/>
                            {p.label()}
                        </label>
                    }).collect_view()}
                </fieldset>
                <FieldError id="pref" message=field_of(error, "pref")/>
                <button type="submit" class=format!("{BUTTON_SECONDARY} mt-3")>"Save e-mail choice"</button>
            </ActionForm>
        </section>
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
    let NoticeView { id, subject, body, note, link, at, read, .. } = notice;
    let label = if link.starts_with("/cases/") { "Open the case" } else { "Open" };
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
                    {note.map(|note| view! { <p class="mt-1 text-sm italic text-slate-700">{note}</p> })}
                    <p class="mt-1 text-xs text-slate-500">{format!("{at} UTC")}</p>
                </div>
                <ActionForm action=open>
                    <input type="hidden" name="id" value=id/>
                    <input type="hidden" name="open" value=link/>
                    <button type="submit" class=BUTTON_PRIMARY>{label}</button>
                </ActionForm>
            </div>
        </li>
    }
}
