//! Change password (`/account/password`), also where a temporary password must be replaced.

use crate::accounts::PASSWORD_MIN;
use crate::ui::components::forms::{
    action_or_query_error, banner_of, field_of, FieldError, Notice, BUTTON_PRIMARY, INPUT,
};
use crate::ui::i18n::{t, t_with};
use crate::web::server_fns::accounts::ChangePassword;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PasswordPage() -> impl IntoView {
    let query = use_query_map();
    let action = ServerAction::<ChangePassword>::new();
    let q = move |key: &str| query.with(|q| q.get(key).filter(|v| !v.is_empty()));
    let error = action_or_query_error(action, "password");
    let field_error = move |name: &'static str| field_of(error, name);
    let form_error = banner_of(error);
    let changed_text = t("password-changed");
    let changed = Signal::derive(move || {
        let done = matches!(action.value().get(), Some(Ok(()))) || q("changed").is_some();
        done.then(|| changed_text.clone())
    });
    let temporary = t("password-temporary");
    let session = crate::ui::components::layout::use_session();
    let must_change =
        move || session.get().and_then(|r| r.ok()).and_then(|s| s.user).is_some_and(|u| u.must_change_password);
    let invalid = move |name: &'static str| move || field_error(name).get().is_some().to_string();
    view! {
        <Title text=t("password-title")/>
        <section class="mx-auto max-w-lg rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
            <h1 class="text-2xl font-bold text-slate-900">{t("password-heading")}</h1>
            <Transition fallback=|| ()>
                {move || must_change().then(|| view! {
                    <p class="mt-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" role="status">
                        {temporary.clone()}
                    </p>
                })}
            </Transition>
            <div class="mt-4 space-y-3">
                <Notice message=changed success=true/>
                <Notice message=form_error/>
            </div>
            <ActionForm action=action attr:class="mt-4 space-y-5" attr:novalidate="true">
                <div>
                    <label for="current" class="block text-sm font-medium text-slate-800">{t("password-current")}</label>
                    <input id="current" name="current" type="password" autocomplete="current-password" required class=INPUT
                        aria-describedby="current-error" aria-invalid=invalid("current")/>
                    <FieldError id="current" message=field_error("current")/>
                </div>
                <div>
                    <label for="new_password" class="block text-sm font-medium text-slate-800">{t("password-new")}</label>
                    <p id="new_password-hint" class="text-xs text-slate-600">{t_with("password-hint", &[("min", PASSWORD_MIN.into())])}</p>
                    <input id="new_password" name="new_password" type="password" autocomplete="new-password" required minlength=PASSWORD_MIN class=INPUT
                        aria-describedby="new_password-hint new_password-error" aria-invalid=invalid("new_password")/>
                    <FieldError id="new_password" message=field_error("new_password")/>
                </div>
                <div>
                    <label for="confirm" class="block text-sm font-medium text-slate-800">{t("password-confirm")}</label>
                    <input id="confirm" name="confirm" type="password" autocomplete="new-password" required class=INPUT
                        aria-describedby="confirm-error" aria-invalid=invalid("confirm")/>
                    <FieldError id="confirm" message=field_error("confirm")/>
                </div>
                <button type="submit" class=BUTTON_PRIMARY disabled=move || action.pending().get()>{t("password-title")}</button>
            </ActionForm>
        </section>
    }
}
