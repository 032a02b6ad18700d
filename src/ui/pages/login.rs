//! Sign-in page. Works without JavaScript: the form posts to the server function, which redirects
//! back here with the message on failure.

use crate::ui::components::forms::{Notice, BUTTON_PRIMARY, INPUT};
use crate::ui::i18n::t;
use crate::web::server_fns::accounts::Login;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LoginPage() -> impl IntoView {
    let query = use_query_map();
    let login = ServerAction::<Login>::new();
    let from_query = move |key: &str| query.with(|q| q.get(key).filter(|v| !v.is_empty()));
    let error = Signal::derive(move || match login.value().get() {
        Some(Err(e)) => Some(e.to_string()),
        Some(Ok(())) => None,
        None => from_query("error").map(|code| t(login_error_message(&code))),
    });
    let signed_out = Signal::derive(move || {
        from_query("signed_out")
            .map(|_| t("login-signed-out"))
            .or_else(|| from_query("created").map(|_| t("login-admin-ready")))
    });
    let setup_open = Resource::new(|| (), |_| crate::web::server_fns::accounts::setup_status());
    let email = move || from_query("email").unwrap_or_default();
    let next = move || from_query("next").unwrap_or_default();
    let demo = crate::ui::components::layout::demo_accounts();
    view! {
        <Title text=t("login-title")/>
        <div class="mx-auto grid max-w-4xl gap-8 py-6 md:grid-cols-[1fr_1fr]">
            <section class="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
                <h1 class="text-2xl font-bold text-slate-900">{t("login-title")}</h1>
                <p class="mt-1 text-sm text-slate-600">{t("login-intro")}</p>
                <div class="mt-6 space-y-4">
                    <Notice message=signed_out success=true/>
                    <Notice message=error/>
                    <Transition fallback=|| ()>
                        {move || matches!(setup_open.get(), Some(Ok(true))).then(|| view! {
                            <p class="rounded-md border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-950" data-testid="setup-link">
                                {t("login-first-run")} " " <a class="font-medium underline" href="/setup">{t("login-first-run-link")}</a>
                                " " {t("login-first-run-code")}
                            </p>
                        })}
                    </Transition>
                </div>
                <ActionForm action=login attr:class="mt-4 space-y-5" attr:novalidate="true">
                    <input type="hidden" name="next" value=next/>
                    <div>
                        <label for="email" class="block text-sm font-medium text-slate-800">{t("login-email")}</label>
                        <input id="email" name="email" type="email" autocomplete="username" required maxlength="254"
                            class=INPUT value=email aria-describedby="login-error"/>
                    </div>
                    <div>
                        <label for="password" class="block text-sm font-medium text-slate-800">{t("login-password")}</label>
                        <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="800"
                            class=INPUT aria-describedby="login-error"/>
                    </div>
                    <span id="login-error" class="sr-only">{move || error.get()}</span>
                    <button type="submit" class=format!("{BUTTON_PRIMARY} w-full") disabled=move || login.pending().get()>
                        {move || if login.pending().get() { t("login-signing-in") } else { t("login-submit") }}
                    </button>
                </ActionForm>
                <p class="mt-6 text-xs text-slate-600">
                    {t("login-forgot")}
                </p>
            </section>
            <aside class="self-start rounded-xl bg-sky-900 p-8 text-sky-50">
                <h2 class="text-lg font-semibold text-white">{t("layout-tagline")}</h2>
                <p class="mt-2 text-sm">{t("login-confidential")}</p>
                {move || demo.get().map(|accounts| view! {
                    <div class="mt-6 rounded-lg bg-amber-100 p-4 text-amber-950" data-testid="demo-accounts">
                        <p class="font-semibold">{t("login-demo-title")}</p>
                        <p class="mt-1 text-xs">{t("login-demo-password")} " " <code class="font-mono">{crate::accounts::DEMO_PASSWORD}</code></p>
                        <ul class="mt-2 space-y-1 text-xs">
                            {accounts.into_iter().map(|(email, label)| view! { <li><code class="font-mono">{email}</code>" — "{label}</li> }).collect_view()}
                        </ul>
                    </div>
                })}
            </aside>
        </div>
    }
}

/// The message id for a sign-in failure code in the page's address (`/login?error=…`). The page
/// never shows text taken from the address itself, so a link cannot make it display a message of
/// its own.
pub fn login_error_message(code: &str) -> &'static str {
    match code {
        "throttled" => "login-error-throttled",
        "email" => "login-error-email",
        "password" => "login-error-password",
        _ => "login-error-credentials",
    }
}
