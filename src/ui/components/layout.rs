//! The page frame: header with navigation and the user menu, main area, footer with the version.

use crate::accounts::{CountryScope, CurrentUser, Role, SessionInfo};
use crate::i18n::Lang;
use crate::ui::i18n::{t, t_with, use_lang};
use crate::web::server_fns::accounts::{get_session, Logout, SetLanguage};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::A;

/// The session, fetched once per page load and shared with every page through context.
pub type SessionResource = Resource<Result<SessionInfo, crate::error::AppError>>;

pub fn use_session() -> SessionResource {
    expect_context::<SessionResource>()
}

/// The demo accounts to show on the sign-in page, when the server runs in demo mode.
pub fn demo_accounts() -> Signal<Option<Vec<(&'static str, &'static str)>>> {
    let session = use_session();
    Signal::derive(move || {
        session.get().and_then(|r| r.ok()).filter(|s| s.demo).map(|_| crate::accounts::DEMO_ACCOUNTS.to_vec())
    })
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    // Every page is rendered on the server (islands), so the session is read once per request;
    // sign-in and sign-out are form posts that load the next page. The three boundaries below await
    // the resource (`Suspend`) instead of reading it with `.get()`: one resource read by `.get()` in
    // several boundaries can leave an SSR response hanging (leptos-rs/leptos #4851, #4578).
    let session: SessionResource = Resource::new(|| (), |_| get_session());
    provide_context(session);
    let logout = ServerAction::<Logout>::new();
    view! {
        <a href="#main" class="sr-only focus:not-sr-only focus:absolute focus:start-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-sky-900 focus:shadow">
            {t("layout-skip-to-content")}
        </a>
        // The demo banner sits inside the header landmark (axe `region`: all content in landmarks).
        <header class="border-b border-sky-950 bg-sky-900 text-white print:hidden">
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    session.await.ok().filter(|s| s.demo).map(|_| view! {
                        <div class="bg-amber-400 px-4 py-1.5 text-center text-sm font-semibold text-amber-950 print:hidden" role="note" data-testid="demo-banner">
                            {t("layout-demo-banner")}
                        </div>
                    })
                })}
            </Transition>
            <div class="mx-auto flex max-w-7xl flex-wrap items-center gap-x-8 gap-y-2 px-4 py-3 sm:px-6">
                <A href="/" attr:class="flex items-center gap-3 rounded focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-white">
                    <span class="grid h-9 w-9 place-items-center rounded-md bg-white font-black tracking-tight text-sky-900" aria-hidden="true">"HR"</span>
                    <span class="leading-tight">
                        <span class="block text-lg font-semibold tracking-wide">"HRDD"</span>
                        <span class="block text-xs text-sky-100">{t("layout-tagline")}</span>
                    </span>
                </A>
                <nav aria-label=t("layout-nav-main") class="flex flex-1 flex-wrap items-center gap-1 text-sm">
                    <Transition fallback=|| ()>
                        {move || Suspend::new(async move {
                            let user = session.await.ok().and_then(|s| s.user);
                            let is_admin = user.as_ref().is_some_and(|u| u.has(Role::Admin));
                            let reads_cases = user.as_ref().is_some_and(|u| crate::cases::CASE_READERS.iter().any(|r| u.has(*r)));
                            let reviews = user.as_ref().is_some_and(|u| [Role::Reviewer, Role::HrAdviser, Role::Assessor].iter().any(|r| u.has(*r)));
                            let portfolio = user.as_ref().is_some_and(|u| crate::portfolio::PORTFOLIO_READERS.iter().any(|r| u.has(*r)));
                            view! {
                                {reads_cases.then(|| view! { <NavLink href="/cases" label=t("nav-assessments")/> })}
                                {reviews.then(|| view! { <NavLink href="/review" label=t("nav-review")/> })}
                                {portfolio.then(|| view! { <NavLink href="/portfolio" label=t("nav-portfolio")/> })}
                                <NavLink href="/methodology" label=t("nav-methodology")/>
                                {user.as_ref().is_some_and(|u| !u.roles.is_empty()).then(|| view! { <NavLink href="/reference/countries" label=t("nav-countries")/> })}
                                {is_admin.then(|| view! { <NavLink href="/admin/users" label=t("nav-users")/> })}
                            }
                        })}
                    </Transition>
                </nav>
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move { match session.await.ok().and_then(|s| s.user.map(|u| (u, s.unread))) {
                        Some((user, unread)) => view! {
                            <div class="flex items-center gap-3 text-sm" data-testid="user-menu">
                                <A href="/notifications" attr:class="relative rounded-md px-2 py-1 text-sky-50 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-white" attr:data-testid="notifications-link">
                                    {t("nav-notifications")}
                                    {(unread > 0).then(|| view! {
                                        <span class="ms-1 rounded-full bg-amber-300 px-1.5 py-0.5 text-xs font-bold text-slate-900" data-testid="unread-count">
                                            {unread}<span class="sr-only">{t_with("layout-unread", &[("count", unread.into())])}</span>
                                        </span>
                                    })}
                                </A>
                                <span class="text-end leading-tight">
                                    <span class="block font-medium">{user.name.clone()}</span>
                                    <span class="block text-xs text-sky-100">
                                        {roles_label(&user)}
                                        {(user.scope != CountryScope::Countries(vec![])).then(|| format!(" · {}", scope_label(&user.scope)))}
                                    </span>
                                </span>
                                <A href="/account" attr:class="rounded-md px-2 py-1 text-sky-50 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-white">{t("nav-profile")}</A>
                                <ActionForm action=logout>
                                    <button type="submit" class="rounded-md border border-sky-700 px-3 py-1.5 font-medium hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-white">{t("nav-sign-out")}</button>
                                </ActionForm>
                            </div>
                        }.into_any(),
                        None => view! {
                            <A href="/login" attr:class="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-sky-900 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white">{t("nav-sign-in")}</A>
                        }.into_any(),
                    }})}
                </Transition>
            </div>
        </header>
        <main id="main" tabindex="-1" class="mx-auto w-full max-w-7xl flex-1 px-4 py-8 outline-none sm:px-6">{children()}</main>
        <footer class="border-t border-slate-200 bg-white print:hidden">
            <div class="mx-auto flex max-w-7xl flex-wrap justify-between gap-2 px-4 py-4 text-xs text-slate-600 sm:px-6">
                <span>{t_with("layout-footer-version", &[("version", crate::VERSION.into()), ("methodology", "hrdd-2026.1".into())])}</span>
                <LanguageSwitcher/>
                <span>{t("layout-footer-confidential")}</span>
            </div>
        </footer>
    }
}

/// The router's `<A>` is kept here (and only in the header) for `aria-current="page"` on the current
/// section; elsewhere links are plain `<a>`: pages have no client-side router, and inside a page's
/// `Suspense` an `<A>` costs a router lookup per link.
#[component]
fn NavLink(href: &'static str, label: String) -> impl IntoView {
    view! {
        <A
            href=href
            attr:class="rounded-md px-3 py-2 font-medium text-sky-50 hover:bg-sky-800 aria-[current=page]:bg-sky-950 aria-[current=page]:text-white focus-visible:outline-2 focus-visible:outline-white"
        >
            {label}
        </A>
    }
}

/// The language switcher on every page: a plain form post (no JavaScript), back to the same page.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let action = ServerAction::<SetLanguage>::new();
    let location = leptos_router::hooks::use_location();
    let here = move || {
        let search = location.search.get();
        let search = search.trim_start_matches('?');
        if search.is_empty() {
            location.pathname.get()
        } else {
            format!("{}?{search}", location.pathname.get())
        }
    };
    let current = use_lang();
    view! {
        <ActionForm action=action attr:class="flex flex-wrap items-center gap-1" attr:data-testid="language-switcher">
            <input type="hidden" name="next" value=here/>
            <span id="language-label">{t("layout-language")}</span>
            {Lang::ALL.into_iter().map(|lang| if lang == current {
                view! {
                    <span lang=lang.code() dir=lang.dir() aria-current="true" class="rounded px-1.5 py-0.5 font-semibold text-slate-900">{lang.native_name()}</span>
                }.into_any()
            } else {
                view! {
                    <button type="submit" name="lang" value=lang.code() lang=lang.code() dir=lang.dir()
                        class="rounded px-1.5 py-0.5 text-sky-800 underline underline-offset-2 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-800">
                        {lang.native_name()}
                    </button>
                }.into_any()
            }).collect_view()}
        </ActionForm>
    }
}

/// The user's roles in the page's language ("Reviewer (level 2), Manager").
pub fn roles_label(user: &CurrentUser) -> String {
    user.roles
        .iter()
        .map(|role| match (role, user.approval_level) {
            (Role::Reviewer, Some(level)) => t_with("role-reviewer-level", &[("level", u32::from(level).into())]),
            _ => crate::ui::components::tone::Shown::text(*role),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which countries a user works on, in the page's language (country codes stay codes).
pub fn scope_label(scope: &CountryScope) -> String {
    match scope {
        CountryScope::All => t("scope-all-countries"),
        CountryScope::Countries(list) if list.is_empty() => t("scope-no-country"),
        CountryScope::Countries(list) => list.join(", "),
    }
}
