//! `/setup`: the first administrator is created in the browser with the one-time code the server
//! printed on its first start (issue 17, item 16). Works without JavaScript.

use crate::accounts::PASSWORD_MIN;
use crate::ui::components::forms::{
    action_or_query_error, banner_of, field_of, FieldError, Notice, BUTTON_PRIMARY, INPUT,
};
use crate::web::server_fns::accounts::{setup_status, SetupFirstAdmin};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SetupPage() -> impl IntoView {
    let status = Resource::new(|| (), |_| setup_status());
    view! {
        <Title text="Set up HRDD"/>
        <section class="mx-auto max-w-lg rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
            <h1 class="text-2xl font-bold text-slate-900">"Set up HRDD"</h1>
            <Transition fallback=|| ()>
                {move || status.get().map(|open| match open {
                    Ok(true) => view! { <SetupForm/> }.into_any(),
                    _ => view! {
                        <p class="mt-3 text-sm text-slate-700" data-testid="setup-closed">
                            "This server is already set up. " <a class="text-sky-800 underline" href="/login">"Sign in"</a>
                            ", or ask an administrator for an account."
                        </p>
                    }.into_any(),
                })}
            </Transition>
        </section>
    }
}

#[component]
fn SetupForm() -> impl IntoView {
    let query = use_query_map();
    let action = ServerAction::<SetupFirstAdmin>::new();
    let q = move |key: &str| query.with(|q| q.get(key).filter(|v| !v.is_empty()));
    let error = action_or_query_error(action, "setup");
    let field_error = move |name: &'static str| field_of(error, name);
    let form_error = banner_of(error);
    let invalid = move |name: &'static str| move || field_error(name).get().is_some().to_string();
    view! {
        <p class="mt-2 text-sm text-slate-700">
            "No account exists yet. Create the first administrator: enter the set-up code that the server printed when it started, then your name, e-mail address and a password. The administrator then creates the other accounts."
        </p>
        <div class="mt-4"><Notice message=form_error/></div>
        <ActionForm action attr:class="mt-4 space-y-5" attr:novalidate="true" attr:data-testid="setup-form">
            <div>
                <label for="code" class="block text-sm font-medium text-slate-800">"Set-up code"</label>
                <input id="code" name="code" type="text" autocomplete="off" required class=format!("{INPUT} font-mono uppercase")
                    aria-describedby="code-error" aria-invalid=invalid("code")/>
                <FieldError id="code" message=field_error("code")/>
            </div>
            <div>
                <label for="name" class="block text-sm font-medium text-slate-800">"Your name"</label>
                <input id="name" name="name" type="text" autocomplete="name" required maxlength="120" class=INPUT
                    value=move || q("name").unwrap_or_default() aria-describedby="name-error" aria-invalid=invalid("name")/>
                <FieldError id="name" message=field_error("name")/>
            </div>
            <div>
                <label for="email" class="block text-sm font-medium text-slate-800">"E-mail address"</label>
                <input id="email" name="email" type="email" autocomplete="username" required maxlength="254" class=INPUT
                    value=move || q("email").unwrap_or_default() aria-describedby="email-error" aria-invalid=invalid("email")/>
                <FieldError id="email" message=field_error("email")/>
            </div>
            <div>
                <label for="password" class="block text-sm font-medium text-slate-800">"Password"</label>
                <input id="password" name="password" type="password" autocomplete="new-password" required class=INPUT
                    aria-describedby="password-help password-error" aria-invalid=invalid("password")/>
                <p id="password-help" class="mt-1 text-xs text-slate-600">{format!("At least {PASSWORD_MIN} characters; a short sentence works well.")}</p>
                <FieldError id="password" message=field_error("password")/>
            </div>
            <div>
                <label for="password_again" class="block text-sm font-medium text-slate-800">"Password again"</label>
                <input id="password_again" name="password_again" type="password" autocomplete="new-password" required class=INPUT
                    aria-describedby="password_again-error" aria-invalid=invalid("password_again")/>
                <FieldError id="password_again" message=field_error("password_again")/>
            </div>
            <button type="submit" class=format!("{BUTTON_PRIMARY} w-full") disabled=move || action.pending().get()>"Create the administrator"</button>
        </ActionForm>
    }
}
