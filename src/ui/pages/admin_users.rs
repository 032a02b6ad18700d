//! User administration (`/admin/users`): create users, assign roles, levels and countries,
//! deactivate, and set temporary passwords. Admins only — enforced by every server function.

use crate::accounts::{CountryScope, Role, UserSummary, PASSWORD_MIN};
use crate::error::AppError;
use crate::i18n::labels::role_description_id;
use crate::ui::components::access::AccessProblem;
use crate::ui::components::forms::THEAD_BAND;
use crate::ui::components::forms::{
    action_or_query_error, banner_of, field_of, FieldError, Notice, BUTTON_DANGER, BUTTON_PRIMARY, BUTTON_SECONDARY,
    INPUT,
};
use crate::ui::components::tone::{chip, value_chip, AccountStatus, Shown};
use crate::ui::i18n::{t, t_args, t_count, t_with};
use crate::web::server_fns::accounts::{list_users, CreateUser, SetTemporaryPassword, SetUserActive, UpdateUser};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

fn error_of<T>(action: ServerAction<T>) -> Signal<Option<AppError>>
where
    T: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    T::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(|r| r.err()))
}

#[component]
pub fn AdminUsersPage() -> impl IntoView {
    let create = ServerAction::<CreateUser>::new();
    let update = ServerAction::<UpdateUser>::new();
    let active = ServerAction::<SetUserActive>::new();
    let password = ServerAction::<SetTemporaryPassword>::new();
    let users = Resource::new(
        move || (create.version().get(), update.version().get(), active.version().get(), password.version().get()),
        |_| list_users(),
    );
    // With JavaScript the outcome comes from the action; without, from the redirect's address
    // (`?created=1`, or the messages with the e-mail and name to fill in again).
    let query = leptos_router::hooks::use_query_map();
    let q = move |key: &str| query.with(|q| q.get(key).filter(|v| !v.is_empty()));
    let create_error = action_or_query_error(create, "create-user");
    // The roles a refused plain post asked for (`role_<name>=on`), to tick again.
    let kept_roles =
        move || Role::ALL.into_iter().filter(|r| q(&format!("role_{}", r.as_str())).is_some()).collect::<Vec<_>>();
    let created = Signal::derive(move || {
        (matches!(create.value().get(), Some(Ok(_))) || q("created").is_some()).then(|| t("admin-user-created"))
    });
    // Without JavaScript a refused row action comes back as `form=user-row` with its messages.
    let row_query_error = action_or_query_error(update, "user-row");
    let row_error = Signal::derive(move || {
        [error_of(update).get(), error_of(active).get(), error_of(password).get(), row_query_error.get()]
            .into_iter()
            .flatten()
            .next()
            // The row's form closes when the table reloads, so every message goes in the notice.
            .map(|e| e.every_message())
    });
    view! {
        <Title text=t("admin-users-title")/>
        <div class="flex flex-wrap items-end justify-between gap-4">
            <div>
                <h1 class="text-2xl font-bold text-slate-900">{t("admin-users-title")}</h1>
                <p class="mt-1 text-sm text-slate-600">{t("admin-users-intro")}</p>
            </div>
            <a href="/admin/outbox" class="text-sm text-sky-800 underline">{t("admin-outbox-link")}</a>
        </div>
        <Transition fallback=|| view! { <p class="mt-6 text-slate-600">{t("admin-users-loading")}</p> }>
            {move || users.get().map(|result| match result {
                Err(e) => view! { <AccessProblem error=e/> }.into_any(),
                Ok(list) => view! {
                    <div class="mt-6 space-y-4">
                        <Notice message=row_error/>
                        <UserTable users=list update active password/>
                        <details class="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" open=create_error.get().is_some() || created.get().is_some()>
                            <summary class="cursor-pointer text-lg font-semibold text-slate-900">{t("admin-add-user")}</summary>
                            <div class="mt-4 space-y-3">
                                <Notice message=created success=true/>
                                <Notice message=banner_of(create_error)/>
                            </div>
                            <ActionForm action=create attr:class="mt-4 grid gap-5 md:grid-cols-2" attr:novalidate="true">
                                <TextField id="new-email" name="email" label=t("admin-email") kind="email" error=create_error value=q("email").unwrap_or_default()/>
                                <TextField id="new-name" name="name" label=t("admin-full-name") kind="text" error=create_error value=q("name").unwrap_or_default()/>
                                <RoleFields prefix="new" roles=kept_roles() level=q("approval_level").and_then(|l| l.parse().ok())
                                    scope=if q("all_countries").is_some() { CountryScope::All } else { CountryScope::Countries(q("countries").into_iter().collect()) }
                                    error=create_error/>
                                <div>
                                    <label for="new-temporary_password" class="block text-sm font-medium text-slate-800">{t("admin-temporary-password")}</label>
                                    <p id="new-temporary_password-hint" class="text-xs text-slate-600">{t_args("admin-temporary-password-hint", &[("min", PASSWORD_MIN.to_string())])}</p>
                                    <input id="new-temporary_password" name="temporary_password" type="text" autocomplete="off" class=INPUT
                                        aria-describedby="new-temporary_password-hint new-temporary_password-error"/>
                                    <FieldError id="new-temporary_password" message=field_of(create_error, "temporary_password")/>
                                </div>
                                <div class="md:col-span-2">
                                    <button type="submit" class=BUTTON_PRIMARY>{t("admin-create-user")}</button>
                                </div>
                            </ActionForm>
                        </details>
                    </div>
                }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn TextField(
    id: &'static str,
    name: &'static str,
    label: String,
    kind: &'static str,
    error: Signal<Option<AppError>>,
    value: String,
) -> impl IntoView {
    let message = Signal::derive(move || error.get().and_then(|e| e.for_field(name)));
    view! {
        <div>
            <label for=id class="block text-sm font-medium text-slate-800">{label}</label>
            <input id=id name=name type=kind value=value class=INPUT aria-describedby=format!("{id}-error")
                aria-invalid=move || message.get().is_some().to_string()/>
            <FieldError id=id message=message/>
        </div>
    }
}

/// Role checkboxes, approval level and country scope; shared by the create and edit forms.
#[component]
fn RoleFields(
    #[prop(into)] prefix: String,
    roles: Vec<Role>,
    level: Option<u8>,
    scope: CountryScope,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let field = move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.for_field(name)));
    let (all, countries) = match &scope {
        CountryScope::All => (true, String::new()),
        CountryScope::Countries(list) => (false, list.join(", ")),
    };
    let roles_id = format!("{prefix}-roles");
    let level_id = format!("{prefix}-approval_level");
    let countries_id = format!("{prefix}-countries");
    let all_id = format!("{prefix}-all_countries");
    let all_label = all_id.clone();
    let (level_label, level_error, countries_label, countries_error) =
        (level_id.clone(), format!("{level_id}-error"), countries_id.clone(), format!("{countries_id}-error"));
    view! {
        <fieldset class="md:col-span-2" aria-describedby=format!("{roles_id}-error")>
            <legend class="text-sm font-medium text-slate-800">{t("admin-roles")}</legend>
            <div class="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
                {Role::ALL.into_iter().map(|role| {
                    let id = format!("{}-role-{}", prefix, role.as_str());
                    let label_for = id.clone();
                    view! {
                        <label for=label_for class="flex gap-2 rounded-md border border-slate-200 p-3 text-sm hover:bg-slate-50">
                            <input id=id type="checkbox" name=format!("role_{}", role.as_str()) value="on" checked=roles.contains(&role) class="mt-0.5 h-4 w-4 accent-sky-800"/>
                            <span><span class="font-medium">{role.text()}</span><br/><span class="text-xs text-slate-600">{t(role_description_id(role))}</span></span>
                        </label>
                    }
                }).collect_view()}
            </div>
            <p id=format!("{roles_id}-error") class="mt-1 text-sm font-medium text-red-800" role="alert">{move || field("roles").get()}</p>
        </fieldset>
        <div>
            <label for=level_label class="block text-sm font-medium text-slate-800">{t("admin-level")}</label>
            <select id=level_id name="approval_level" class=INPUT aria-describedby=level_error.clone()>
                <option value="" selected=level.is_none()>{t("admin-level-none")}</option>
                <option value="1" selected=level == Some(1)>{t("admin-level-1")}</option>
                <option value="2" selected=level == Some(2)>{t("admin-level-2")}</option>
                <option value="3" selected=level == Some(3)>{t("admin-level-3")}</option>
            </select>
            <p id=level_error class="mt-1 text-sm font-medium text-red-800" role="alert">{move || field("approval_level").get()}</p>
        </div>
        <div>
            <label for=countries_label class="block text-sm font-medium text-slate-800">{t("admin-countries")}</label>
            <input id=countries_id name="countries" type="text" value=countries placeholder="KE, UG" class=INPUT
                aria-describedby=countries_error.clone()/>
            <label for=all_label class="mt-2 flex items-center gap-2 text-sm">
                <input id=all_id type="checkbox" name="all_countries" value="on" checked=all class="h-4 w-4 accent-sky-800"/>
                {t("admin-all-countries")}
            </label>
            <p id=countries_error class="mt-1 text-sm font-medium text-red-800" role="alert">{move || field("countries").get()}</p>
        </div>
    }
}

/// Which countries an account covers, in the page's language.
fn scope_text(scope: &CountryScope) -> String {
    match scope {
        CountryScope::All => t("admin-all-countries"),
        CountryScope::Countries(list) if list.is_empty() => t("admin-no-country"),
        CountryScope::Countries(list) => list.join(", "),
    }
}

#[component]
fn UserTable(
    users: Vec<UserSummary>,
    update: ServerAction<UpdateUser>,
    active: ServerAction<SetUserActive>,
    password: ServerAction<SetTemporaryPassword>,
) -> impl IntoView {
    let count = users.len();
    view! {
        <div class="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm" tabindex="0">
            <table class="min-w-full divide-y divide-slate-200 text-sm" data-testid="user-table">
                <caption class="sr-only">{t_count("admin-users-caption", count, &[])}</caption>
                <thead class=THEAD_BAND>
                    <tr>
                        <th scope="col" class="px-4 py-3">{t("admin-col-user")}</th>
                        <th scope="col" class="px-4 py-3">{t("admin-roles")}</th>
                        <th scope="col" class="px-4 py-3">{t("admin-countries")}</th>
                        <th scope="col" class="px-4 py-3">{t("cases-status")}</th>
                        <th scope="col" class="px-4 py-3">{t("admin-col-last-sign-in")}</th>
                        <th scope="col" class="px-4 py-3"><span class="sr-only">{t("admin-col-actions")}</span></th>
                    </tr>
                </thead>
                <tbody class="divide-y divide-slate-100">
                    {users.into_iter().map(|u| view! { <UserRow user=u update active password/> }.into_any()).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn UserRow(
    user: UserSummary,
    update: ServerAction<UpdateUser>,
    active: ServerAction<SetUserActive>,
    password: ServerAction<SetTemporaryPassword>,
) -> impl IntoView {
    let UserSummary { user, active: is_active, last_sign_in, .. } = user;
    let crate::accounts::CurrentUser { id, email, name, roles, approval_level, scope, must_change_password, .. } = user;
    let role_badges = roles
        .iter()
        .map(|r| {
            let text = match (r, approval_level) {
                (Role::Reviewer, Some(l)) => t_with("admin-reviewer-level", &[("level", u32::from(l).into())]),
                _ => r.text(),
            };
            view! { <span class="me-1 mb-1 inline-block">{chip(r.tone(), text)}</span> }
        })
        .collect_view();
    let status = value_chip(AccountStatus::of(is_active, must_change_password));
    let no_error = Signal::derive(|| None);
    let edit_id = format!("edit-{id}");
    let (name_id, name_label, pw_id, pw_label) =
        (format!("{edit_id}-name"), format!("{edit_id}-name"), format!("{edit_id}-pw"), format!("{edit_id}-pw"));
    view! {
        <tr class=if is_active { "" } else { "bg-slate-50 text-slate-500" } data-testid=format!("user-{email}")>
            <td class="px-4 py-3"><span class="font-medium text-slate-900">{name.clone()}</span><br/><span class="text-slate-600">{email.clone()}</span></td>
            <td class="px-4 py-3">{role_badges}</td>
            <td class="px-4 py-3">{if roles == [Role::Admin] { t("admin-no-case-access") } else { scope_text(&scope) }}</td>
            <td class="px-4 py-3">{status}</td>
            <td class="px-4 py-3 text-slate-600">{last_sign_in.unwrap_or_else(|| t("admin-never"))}</td>
            <td class="px-4 py-3 text-end">
                <a href=format!("/admin/users/{id}/history") class="me-3 text-sm font-medium text-sky-800 underline">{t("admin-history")}</a>
                <details class="inline-block text-start">
                    <summary class=format!("{BUTTON_SECONDARY} cursor-pointer py-1.5 text-sm")>{t("admin-manage")}</summary>
                    <div class="absolute end-6 z-10 mt-2 w-[min(44rem,90vw)] space-y-5 rounded-xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl">
                        <ActionForm action=update attr:class="grid gap-4 md:grid-cols-2" attr:novalidate="true">
                            <input type="hidden" name="id" value=id/>
                            <div class="md:col-span-2">
                                <label for=name_label class="block text-sm font-medium text-slate-800">{t("admin-full-name")}</label>
                                <input id=name_id name="name" type="text" value=name class=INPUT/>
                            </div>
                            <RoleFields prefix=edit_id roles=roles level=approval_level scope=scope error=no_error/>
                            <div class="md:col-span-2"><button type="submit" class=BUTTON_PRIMARY>{t("admin-save-changes")}</button></div>
                        </ActionForm>
                        <ActionForm action=password attr:class="flex flex-wrap items-end gap-3 border-t border-slate-200 pt-4">
                            <input type="hidden" name="id" value=id/>
                            <div class="flex-1">
                                <label for=pw_label class="block text-sm font-medium text-slate-800">{t("admin-set-temporary-password")}</label>
                                <input id=pw_id name="temporary_password" type="text" autocomplete="off" class=INPUT/>
                            </div>
                            <button type="submit" class=BUTTON_SECONDARY>{t("admin-set-password")}</button>
                        </ActionForm>
                        <ActionForm action=active attr:class="border-t border-slate-200 pt-4">
                            <input type="hidden" name="id" value=id/>
                            <input type="hidden" name="active" value=(!is_active).to_string()/>
                            {is_active.then(|| view! {
                                <label class="mb-3 flex items-start gap-2 text-sm text-slate-800">
                                    <input type="checkbox" name="confirm" value="yes" required class="mt-0.5 size-4 accent-red-800"/>
                                    <span>{t("admin-confirm-deactivate")}</span>
                                </label>
                            })}
                            <button type="submit" class=if is_active { BUTTON_DANGER } else { BUTTON_SECONDARY }>
                                {t(if is_active { "admin-deactivate" } else { "admin-reactivate" })}
                            </button>
                        </ActionForm>
                    </div>
                </details>
            </td>
        </tr>
    }
}
