//! The profile page (`/account`): who you are, and personal access tokens for the read API.

use crate::accounts::ApiToken;
use crate::ui::components::forms::{
    action_or_query_error, banner_of, field_of, FieldError, Notice, BUTTON_DANGER, BUTTON_PRIMARY, INPUT,
};
use crate::ui::components::layout::{roles_label, scope_label};
use crate::ui::i18n::{t, use_lang};
use crate::web::server_fns::accounts::{list_tokens, take_created_token, CreateToken, RevokeToken};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AccountPage() -> impl IntoView {
    let session = crate::ui::components::layout::use_session();
    let create = ServerAction::<CreateToken>::new();
    let revoke = ServerAction::<RevokeToken>::new();
    let tokens = Resource::new(move || (create.version().get(), revoke.version().get()), |_| list_tokens());
    // The page is plain HTML: a refused form comes back with its messages in the address, and a new
    // token once, from this browser's short-lived cookie (`take_created_token`).
    let just_created = Resource::new(|| (), |_| take_created_token());
    let error = action_or_query_error(create, "token");
    let revoke_error = action_or_query_error(revoke, "revoke");
    let field_error = move |name: &'static str| field_of(error, name);
    let form_error = Signal::derive(move || banner_of(error).get().or(revoke_error.get().map(|e| e.to_string())));
    let created =
        move || create.value().get().and_then(|r| r.ok()).or_else(|| just_created.get().and_then(|r| r.ok()).flatten());
    let typed_name = leptos_router::hooks::use_query_map()
        .with_untracked(|q| (q.get("form").as_deref() == Some("token")).then(|| q.get("name")).flatten())
        .unwrap_or_default();
    view! {
        <Title text=t("account-title")/>
        <div class="mx-auto max-w-3xl space-y-6">
            <section class="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
                <h1 class="text-2xl font-bold text-slate-900">{t("account-title")}</h1>
                <Transition fallback=|| ()>
                    {move || session.get().and_then(|r| r.ok()).and_then(|s| s.user).map(|u| view! {
                        <dl class="mt-4 grid grid-cols-[10rem_1fr] gap-y-2 text-sm">
                            <dt class="font-medium text-slate-600">{t("account-name")}</dt><dd>{u.name.clone()}</dd>
                            <dt class="font-medium text-slate-600">{t("account-email")}</dt><dd>{u.email.clone()}</dd>
                            <dt class="font-medium text-slate-600">{t("account-roles")}</dt><dd>{roles_label(&u)}</dd>
                            <dt class="font-medium text-slate-600">{t("account-countries")}</dt><dd>{scope_label(&u.scope)}</dd>
                            <dt class="font-medium text-slate-600">{t("account-language")}</dt>
                            <dd data-testid="profile-language">
                                {use_lang().native_name()}
                                <span class="block text-xs text-slate-600">{if u.lang.is_some() { t("account-language-saved") } else { t("account-language-browser") }}</span>
                            </dd>
                        </dl>
                    })}
                </Transition>
                <p class="mt-4 text-sm"><a href="/account/password" class="font-medium text-sky-800 underline">{t("account-change-password")}</a></p>
            </section>

            <section class="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="tokens-h">
                <h2 id="tokens-h" class="text-lg font-semibold text-slate-900">"Personal access tokens"</h2>
                <p class="mt-1 text-sm text-slate-600">
                    "A token lets a script or a spreadsheet read the API at " <code class="rounded bg-slate-100 px-1">"/api/v1"</code>
                    " as you: with your roles and your countries, nothing more. Send it as "
                    <code class="rounded bg-slate-100 px-1">"Authorization: Bearer <token>"</code>
                    ". The API is described at " <a class="text-sky-800 underline" href="/api/v1/openapi.json">"/api/v1/openapi.json"</a> "."
                </p>
                <div class="mt-3"><Notice message=form_error/></div>
                <Transition fallback=|| ()>{move || created().map(|t| view! {
                    <div class="mt-4 rounded-md border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-950" role="status" data-testid="new-token">
                        <p class="font-semibold">{format!("Token “{}” created (valid until {}).", t.name, t.expires_at)}</p>
                        <p class="mt-1">"Copy it now: it is shown only this once."</p>
                        <input readonly class="mt-2 block w-full rounded border border-emerald-400 bg-white px-2 py-1 font-mono text-xs" value=t.token.clone() aria-label="The new token"/>
                    </div>
                })}</Transition>
                <ActionForm action=create attr:class="mt-4 grid gap-3 sm:grid-cols-[1fr_8rem_12rem_auto]" attr:novalidate="true">
                    <div>
                        <label for="token-name" class="block text-sm font-medium text-slate-800">"Name"</label>
                        <input id="token-name" name="name" value=typed_name maxlength=crate::accounts::TOKEN_NAME_MAX class=INPUT placeholder="e.g. Monthly portfolio spreadsheet"
                            aria-describedby="name-error" aria-invalid=move || field_error("name").get().is_some().to_string()/>
                        <FieldError id="name" message=field_error("name")/>
                    </div>
                    <div>
                        <label for="token-days" class="block text-sm font-medium text-slate-800">"Valid for"</label>
                        <select id="token-days" name="days" class=INPUT aria-describedby="days-error">
                            <option value="30">"30 days"</option>
                            <option value="90" selected>"90 days"</option>
                        </select>
                        <FieldError id="days" message=field_error("days")/>
                    </div>
                    <div>
                        <label for="token-password" class="block text-sm font-medium text-slate-800">"Your password"</label>
                        <input id="token-password" name="password" type="password" autocomplete="current-password" class=INPUT
                            aria-describedby="password-error" aria-invalid=move || field_error("password").get().is_some().to_string()/>
                        <FieldError id="password" message=field_error("password")/>
                    </div>
                    <div class="flex items-start pt-6">
                        <button type="submit" class=BUTTON_PRIMARY disabled=move || create.pending().get()>"Create token"</button>
                    </div>
                </ActionForm>
                <Transition fallback=|| view! { <p class="mt-4 text-sm text-slate-600">"Loading your tokens…"</p> }>
                    {move || tokens.get().map(|r| match r {
                        Err(e) => view! { <p class="mt-4 text-sm text-slate-600">{e.to_string()}</p> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p class="mt-4 text-sm text-slate-600">"You have no tokens."</p> }.into_any(),
                        Ok(list) => view! { <TokenTable list revoke/> }.into_any(),
                    })}
                </Transition>
            </section>
        </div>
    }
}

#[component]
fn TokenTable(list: Vec<ApiToken>, revoke: ServerAction<RevokeToken>) -> impl IntoView {
    const TH: &str =
        "border-b border-slate-300 px-2 py-1.5 text-xs font-semibold uppercase tracking-wide text-slate-600";
    const TD: &str = "border-b border-slate-100 px-2 py-1.5 align-top";
    view! {
        <table class="mt-4 w-full border-collapse text-start text-sm" data-testid="token-table">
            <thead><tr>
                <th class=TH scope="col">"Name"</th><th class=TH scope="col">"Token"</th><th class=TH scope="col">"Created"</th>
                <th class=TH scope="col">"Expires"</th><th class=TH scope="col">"Last used"</th><th class=TH scope="col"><span class="sr-only">"Actions"</span></th>
            </tr></thead>
            <tbody>
                {list.into_iter().map(|t| {
                    let status = if t.revoked { Some("revoked") } else if !t.active { Some("expired") } else { None };
                    view! {
                        <tr>
                            <td class=TD>{t.name.clone()}</td>
                            <td class=format!("{TD} font-mono text-xs")>{format!("{}…", t.prefix)}</td>
                            <td class=TD>{t.created_at.clone()}</td>
                            <td class=TD>{t.expires_at.clone().unwrap_or_else(|| "never".into())}</td>
                            <td class=TD>{t.last_used_at.clone().unwrap_or_else(|| "never".into())}</td>
                            <td class=TD>
                                {match status {
                                    Some(s) => view! { <span class="text-xs font-medium text-slate-500">{s}</span> }.into_any(),
                                    None => view! {
                                        <ActionForm action=revoke>
                                            <input type="hidden" name="id" value=t.id/>
                                            <button type="submit" class=BUTTON_DANGER aria-label=format!("Revoke token {}", t.name)>"Revoke"</button>
                                        </ActionForm>
                                    }.into_any(),
                                }}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
