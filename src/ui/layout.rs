//! The page frame: header with navigation, main area, footer with the version.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <a href="#main" class="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-sky-900 focus:shadow">
            "Skip to content"
        </a>
        <header class="border-b border-sky-950 bg-sky-900 text-white print:hidden">
            <div class="mx-auto flex max-w-7xl flex-wrap items-center gap-x-8 gap-y-2 px-4 py-3 sm:px-6">
                <A href="/" attr:class="flex items-center gap-3 rounded focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-white">
                    <span class="grid h-9 w-9 place-items-center rounded-md bg-white font-black tracking-tight text-sky-900" aria-hidden="true">"HR"</span>
                    <span class="leading-tight">
                        <span class="block text-lg font-semibold tracking-wide">"HRDD"</span>
                        <span class="block text-xs text-sky-100">"Human-rights due diligence"</span>
                    </span>
                </A>
                <nav aria-label="Main" class="flex flex-1 flex-wrap items-center gap-1 text-sm">
                    <NavLink href="/methodology" label="Methodology"/>
                </nav>
            </div>
        </header>
        <main id="main" class="mx-auto w-full max-w-7xl flex-1 px-4 py-8 sm:px-6">{children()}</main>
        <footer class="border-t border-slate-200 bg-white print:hidden">
            <div class="mx-auto flex max-w-7xl flex-wrap justify-between gap-2 px-4 py-4 text-xs text-slate-600 sm:px-6">
                <span>"HRDD " {crate::VERSION} " · methodology hrdd-2026.1"</span>
                <span>"For UN internal use. Assessments are confidential."</span>
            </div>
        </footer>
    }
}

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
