//! The page frame: header with navigation and the user menu, main area, footer with the version.

use crate::accounts::{Role, SessionInfo};
use crate::web::server_fns::accounts::{get_session, Logout};
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
    // sign-in and sign-out are form posts that load the next page.
    let session: SessionResource = Resource::new(|| (), |_| get_session());
    provide_context(session);
    let logout = ServerAction::<Logout>::new();
    view! {
        <a href="#main" class="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-sky-900 focus:shadow">
            "Skip to content"
        </a>
        // The demo banner sits inside the header landmark (axe `region`: all content in landmarks).
        <header class="border-b border-sky-950 bg-sky-900 text-white print:hidden">
            <Transition fallback=|| ()>
                {move || session.get().and_then(|r| r.ok()).filter(|s| s.demo).map(|_| view! {
                    <div class="bg-amber-400 px-4 py-1.5 text-center text-sm font-semibold text-amber-950 print:hidden" role="note" data-testid="demo-banner">
                        "DEMO MODE — sample accounts and cases. Do not enter real information."
                    </div>
                })}
            </Transition>
            <div class="mx-auto flex max-w-7xl flex-wrap items-center gap-x-8 gap-y-2 px-4 py-3 sm:px-6">
                <A href="/" attr:class="flex items-center gap-3 rounded focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-white">
                    <span class="grid h-9 w-9 place-items-center rounded-md bg-white font-black tracking-tight text-sky-900" aria-hidden="true">"HR"</span>
                    <span class="leading-tight">
                        <span class="block text-lg font-semibold tracking-wide">"HRDD"</span>
                        <span class="block text-xs text-sky-100">"Human-rights due diligence"</span>
                    </span>
                </A>
                <nav aria-label="Main" class="flex flex-1 flex-wrap items-center gap-1 text-sm">
                    <Transition fallback=|| ()>
                        {move || {
                            let user = session.get().and_then(|r| r.ok()).and_then(|s| s.user);
                            let is_admin = user.as_ref().is_some_and(|u| u.has(Role::Admin));
                            let reads_cases = user.as_ref().is_some_and(|u| crate::cases::CASE_READERS.iter().any(|r| u.has(*r)));
                            let reviews = user.as_ref().is_some_and(|u| [Role::Reviewer, Role::HrAdviser, Role::Assessor].iter().any(|r| u.has(*r)));
                            let portfolio = user.as_ref().is_some_and(|u| crate::portfolio::PORTFOLIO_READERS.iter().any(|r| u.has(*r)));
                            view! {
                                {reads_cases.then(|| view! { <NavLink href="/cases" label="Assessments"/> })}
                                {reviews.then(|| view! { <NavLink href="/review" label="Review"/> })}
                                {portfolio.then(|| view! { <NavLink href="/portfolio" label="Portfolio"/> })}
                                <NavLink href="/methodology" label="Methodology"/>
                                {user.as_ref().is_some_and(|u| !u.roles.is_empty()).then(|| view! { <NavLink href="/reference/countries" label="Countries"/> })}
                                {is_admin.then(|| view! { <NavLink href="/admin/users" label="Users"/> })}
                            }
                        }}
                    </Transition>
                </nav>
                <Transition fallback=|| ()>
                    {move || match session.get().and_then(|r| r.ok()).and_then(|s| s.user.map(|u| (u, s.unread))) {
                        Some((user, unread)) => view! {
                            <div class="flex items-center gap-3 text-sm" data-testid="user-menu">
                                <A href="/notifications" attr:class="relative rounded-md px-2 py-1 text-sky-50 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-white" attr:data-testid="notifications-link">
                                    "Notifications"
                                    {(unread > 0).then(|| view! {
                                        <span class="ms-1 rounded-full bg-amber-300 px-1.5 py-0.5 text-xs font-bold text-slate-900" data-testid="unread-count">
                                            {unread}<span class="sr-only">" unread"</span>
                                        </span>
                                    })}
                                </A>
                                <span class="text-right leading-tight">
                                    <span class="block font-medium">{user.name.clone()}</span>
                                    <span class="block text-xs text-sky-100">
                                        {user.roles_label()}
                                        {(user.scope != crate::accounts::CountryScope::Countries(vec![])).then(|| format!(" · {}", user.scope.describe()))}
                                    </span>
                                </span>
                                <A href="/account" attr:class="rounded-md px-2 py-1 text-sky-50 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-white">"Profile"</A>
                                <ActionForm action=logout>
                                    <button type="submit" class="rounded-md border border-sky-700 px-3 py-1.5 font-medium hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-white">"Sign out"</button>
                                </ActionForm>
                            </div>
                        }.into_any(),
                        None => view! {
                            <A href="/login" attr:class="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-sky-900 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white">"Sign in"</A>
                        }.into_any(),
                    }}
                </Transition>
            </div>
        </header>
        <main id="main" tabindex="-1" class="mx-auto w-full max-w-7xl flex-1 px-4 py-8 outline-none sm:px-6">{children()}</main>
        <footer class="border-t border-slate-200 bg-white print:hidden">
            <div class="mx-auto flex max-w-7xl flex-wrap justify-between gap-2 px-4 py-4 text-xs text-slate-600 sm:px-6">
                <span>"HRDD " {crate::VERSION} " · methodology hrdd-2026.1"</span>
                <span>"For UN internal use. Assessments are confidential."</span>
            </div>
        </footer>
    }
}

/// The router's `<A>` is kept here (and only in the header) for `aria-current="page"` on the current
/// section; elsewhere links are plain `<a>`: pages have no client-side router, and inside a page's
/// `Suspense` an `<A>` costs a router lookup per link.
#[component]
fn NavLink(href: &'static str, label: &'static str) -> impl IntoView {
    view! {
        <A
            href=href
            attr:class="rounded-md px-3 py-2 font-medium text-sky-50 hover:bg-sky-800 aria-[current=page]:bg-sky-950 aria-[current=page]:text-white focus-visible:outline-2 focus-visible:outline-white"
        >
            {label}
        </A>
    }
}
