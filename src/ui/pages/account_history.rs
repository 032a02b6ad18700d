//! One account's history (`/admin/users/{id}/history`): every change of its roles, approval level,
//! countries, activation, passwords and tokens, who made it and when, from the signed audit record.
//! Administrators only (the server function checks).

use crate::i18n::labels::{account_field_id, Labelled};
use crate::ui::components::access::AccessProblem;
use crate::ui::components::forms::TableHead;
use crate::ui::components::forms::{TABLE, TD, TH};
use crate::ui::i18n::{t, t_args, t_count};
use crate::web::server_fns::accounts::account_history;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn AccountHistoryPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()));
    let history = Resource::new(id, |id| async move {
        match id {
            Some(id) => account_history(id).await,
            None => Err(crate::error::AppError::NotFound("No such user.".into())),
        }
    });
    let columns: Vec<String> = [
        "history-col-when",
        "history-col-who",
        "history-col-what",
        "history-col-before",
        "history-col-after",
        "history-col-record",
    ]
    .into_iter()
    .map(t)
    .collect();
    view! {
        <Title text=t("history-title")/>
        <p class="text-sm"><a href="/admin/users" class="text-sky-800 underline"><span class="inline-block rtl:-scale-x-100">"←"</span>" "{t("history-all-users")}</a></p>
        <Transition fallback=|| view! { <p class="mt-6 text-slate-600">{t("history-loading")}</p> }>
            {move || history.get().map(|result| match result {
                Err(e) => view! { <AccessProblem error=e/> }.into_any(),
                Ok(h) => {
                    let all_verified = h.events.iter().all(|e| e.verified);
                    let roles = crate::ui::components::layout::roles_label(&h.user.user);
                    view! {
                        <h1 class="mt-2 text-2xl font-bold text-slate-900">{t_args("history-of", &[("name", h.user.user.name.clone())])}</h1>
                        <p class="mt-1 text-sm text-slate-600">{format!("{} · {} · {}", h.user.user.email, roles, t_args("history-created", &[("date", h.user.created_at.clone())]))}</p>
                        <p class=if all_verified { "mt-3 text-sm text-slate-700" } else { "mt-3 rounded-md border border-red-400 bg-red-50 px-3 py-2 text-sm text-red-900" }
                            role=if all_verified { "status" } else { "alert" } data-testid="history-status">
                            {if all_verified {
                                t_count("history-verified", h.events.len(), &[])
                            } else {
                                t("history-not-verified")
                            }}
                        </p>
                        <table class=TABLE data-testid="account-history">
                            <TableHead columns=columns.clone() cell=TH/>
                            <tbody>
                                {h.events.into_iter().map(|e| {
                                    let rows = e.changes.len().max(1);
                                    let first = e.changes.first().cloned().map(field_in_words);
                                    let rest: Vec<(String, String, String)> = e.changes.iter().skip(1).cloned().map(field_in_words).collect();
                                    let record = if e.verified { format!("#{}", e.seq) } else { format!("#{} — {}", e.seq, t("history-does-not-verify")) };
                                    let action = t(e.action.label_id());
                                    view! {
                                        <tr>
                                            <td class=format!("{TD} whitespace-nowrap") rowspan=rows>{e.at}</td>
                                            <td class=TD rowspan=rows>{e.actor}</td>
                                            <td class=TD>{match &first { Some((what, _, _)) => t_args("history-action-field", &[("action", action.clone()), ("field", what.clone())]), None => action.clone() }}</td>
                                            <td class=TD>{first.as_ref().map(|c| c.1.clone()).unwrap_or_default()}</td>
                                            <td class=TD>{first.as_ref().map(|c| c.2.clone()).unwrap_or_default()}</td>
                                            <td class=format!("{TD} font-mono text-xs") rowspan=rows title=e.hash>{record}</td>
                                        </tr>
                                        {rest.into_iter().map(|(what, before, after)| view! {
                                            <tr><td class=TD>{what}</td><td class=TD>{before}</td><td class=TD>{after}</td></tr>
                                        }).collect_view()}
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }
            })}
        </Transition>
    }
}

/// A recorded field and its values in the reader's words: roles by their labels, yes/no for
/// true/false; an unknown key or value as recorded.
fn field_in_words((key, before, after): (String, String, String)) -> (String, String, String) {
    let value = |v: String| match (key.as_str(), v.as_str()) {
        ("roles", _) => v
            .split(", ")
            .map(|code| crate::accounts::Role::parse(code).map_or_else(|| code.to_string(), |r| t(r.label_id())))
            .collect::<Vec<_>>()
            .join(", "),
        (_, "true") => t("history-yes"),
        (_, "false") => t("history-no"),
        _ => v,
    };
    let (before, after) = (value(before), value(after));
    (account_field_id(&key).map_or(key, t), before, after)
}
