//! The signed-in user's notifications (`/notifications`): what the workflow told them, newest
//! first, each leading to its case, and how they take e-mail. Plain HTML forms: "Open" marks the
//! notice read and goes to the case; "Mark all read" empties the count. No script needed.

use crate::i18n::labels::Labelled;
use crate::notify::{Inbox, MailPref, NoticeView};
use crate::ui::components::access::AccessProblem;
use crate::ui::components::forms::{
    action_or_query_error, field_of, FieldError, Notice as Banner, BUTTON_PRIMARY, BUTTON_SECONDARY,
};
use crate::ui::i18n::{t, t_args, t_count};
use crate::web::server_fns::notify::{get_inbox, get_mail_choice, MailChoice, MarkNoticesRead, SetMailChoice};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let inbox = Resource::new(|| (), |_| get_inbox());
    view! {
        <Title text=t("nav-notifications")/>
        <h1 class="text-2xl font-bold text-slate-900">{t("nav-notifications")}</h1>
        <p class="mt-1 max-w-3xl text-sm text-slate-600">{t("notifications-intro")}</p>
        <Transition fallback=|| view! { <p class="mt-6 text-slate-600">{t("notifications-loading")}</p> }>
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
        (query.with(|q| q.get("mail").as_deref() == Some("saved")) && error.get().is_none()).then(|| t("mail-saved"))
    });
    let MailChoice { pref, mail_on } = choice;
    view! {
        <section id="mail" class="mt-10 max-w-3xl rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="mail-heading">
            <h2 id="mail-heading" class="text-lg font-semibold text-slate-900">{t("mail-heading")}</h2>
            <p class="mt-1 text-sm text-slate-600">{t("mail-intro")}</p>
            {(!mail_on).then(|| view! {
                <p class="mt-2 text-sm text-amber-900" data-testid="mail-off">{t("mail-off")}</p>
            })}
            <div class="mt-3"><Banner message=saved success=true/></div>
            <ActionForm action=set attr:class="mt-3">
                <fieldset aria-describedby="pref-error">
                    <legend class="text-sm font-medium text-slate-800">{t("mail-legend")}</legend>
                    {MailPref::ALL.into_iter().map(|p| view! {
                        <label class="mt-2 flex items-center gap-2 text-sm text-slate-800">
                            <input type="radio" name="pref" value=p.code() checked=p == pref/>
                            {t(p.label_id())}
                        </label>
                    }).collect_view()}
                </fieldset>
                <FieldError id="pref" message=field_of(error, "pref")/>
                <button type="submit" class=format!("{BUTTON_SECONDARY} mt-3")>{t("mail-save")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn Notices(inbox: Inbox) -> impl IntoView {
    let mark_all = ServerAction::<MarkNoticesRead>::new();
    let Inbox { notices, unread, more } = inbox;
    if notices.is_empty() {
        return view! { <p class="mt-6 text-slate-600" data-testid="notifications-empty">{t("notifications-empty")}</p> }.into_any();
    }
    view! {
        <div class="mt-4 flex flex-wrap items-center gap-4">
            <p class="text-sm text-slate-700" data-testid="unread-summary">{if unread == 0 { t("notifications-all-read") } else { t_count("notifications-unread", unread as usize, &[]) }}</p>
            {(unread > 0).then(|| view! {
                <ActionForm action=mark_all>
                    <button type="submit" class=BUTTON_SECONDARY>{t("notifications-mark-all-read")}</button>
                </ActionForm>
            })}
        </div>
        <ul class="mt-4 space-y-3" data-testid="notifications">
            {notices.into_iter().map(|n| view! { <Notice notice=n/> }).collect_view()}
        </ul>
        {more.then(|| view! { <p class="mt-4 text-sm text-slate-600">{t_args("notifications-newest-only", &[("n", crate::notify::INBOX_SIZE.to_string())])}</p> })}
    }
    .into_any()
}

#[component]
fn Notice(notice: NoticeView) -> impl IntoView {
    let open = ServerAction::<MarkNoticesRead>::new();
    let NoticeView { id, subject, body, note, link, at, read, .. } = notice;
    let label = t(if link.starts_with("/cases/") { "notifications-open-case" } else { "notifications-open" });
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
                        {(!read).then(|| view! { <span class="me-2 rounded bg-sky-800 px-1.5 py-0.5 text-xs font-medium text-white">{t("notifications-new")}</span> })}
                        {subject}
                    </p>
                    <p class="mt-1 whitespace-pre-line text-sm text-slate-700">{body}</p>
                    {note.map(|note| view! { <p class="mt-1 text-sm italic text-slate-700">{note}</p> })}
                    <p class="mt-1 text-xs text-slate-500">{t_args("notifications-at", &[("at", at)])}</p>
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
