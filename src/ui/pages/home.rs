//! The start page: what HRDD does, and a risk-matrix explainer (a plain form: the server rates the
//! chosen likelihood and severity with the engine's banding).

use crate::methodology::codes::Band;
use crate::ui::components::tone::Shown;
use crate::ui::i18n::{t, t_with};
use leptos::prelude::*;
use leptos_meta::Title;

/// `/`: the signed-in user's inbox; the public start page for visitors (and administrators, who
/// never see case content).
#[component]
pub fn HomePage() -> impl IntoView {
    let session = crate::ui::components::layout::use_session();
    view! {
        <Transition fallback=|| ()>
            {move || {
                let user = session.get().and_then(|r| r.ok()).and_then(|s| s.user);
                match user {
                    Some(u) if crate::cases::CASE_READERS.iter().any(|r| u.has(*r)) => view! { <Title text=t("inbox-title")/><crate::ui::components::inbox::Inbox/> }.into_any(),
                    _ => view! { <PublicHome/> }.into_any(),
                }
            }}
        </Transition>
    }
}

#[component]
fn PublicHome() -> impl IntoView {
    view! {
        <Title text=t("layout-tagline")/>
        <section class="grid gap-10 lg:grid-cols-[3fr_2fr]">
            <div>
                <p class="text-sm font-semibold uppercase tracking-wider text-sky-800">{t("home-kicker")}</p>
                <h1 class="mt-2 text-3xl font-bold leading-tight text-slate-900 sm:text-4xl">
                    {t("home-title")}
                </h1>
                <p class="mt-4 max-w-2xl text-lg text-slate-700">
                    {t("home-intro")}
                </p>
                <ol class="mt-8 grid gap-4 sm:grid-cols-2">
                    <Step n=1 title=t("home-step-assess") text=t("home-step-assess-text")/>
                    <Step n=2 title=t("home-step-explain") text=t("home-step-explain-text")/>
                    <Step n=3 title=t("home-step-review") text=t("home-step-review-text")/>
                    <Step n=4 title=t("home-step-oversee") text=t("home-step-oversee-text")/>
                </ol>
                <p class="mt-8">
                    <a href="/methodology" class="inline-block rounded-md bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-800">
                        {t("home-read-methodology")}
                    </a>
                </p>
            </div>
            <RiskMatrix/>
        </section>
    }
}

#[component]
fn Step(n: u8, title: String, text: String) -> impl IntoView {
    view! {
        <li class="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <span class="text-xs font-semibold uppercase tracking-wider text-sky-800">{t_with("home-step", &[("number", u32::from(n).into())])}</span>
            <h2 class="mt-1 font-semibold text-slate-900">{title}</h2>
            <p class="mt-1 text-sm text-slate-700">{text}</p>
        </li>
    }
}

/// A 1–5 scale of the risk matrix, each step with its name.
#[component]
fn ScaleSelect(
    label: String,
    name: &'static str,
    testid: &'static str,
    value: u8,
    names: [String; 5],
) -> impl IntoView {
    view! {
        <label class="text-sm font-medium text-slate-800">
            {label}
            <select
                name=name
                class="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 focus:border-sky-700 focus:outline-2 focus:outline-sky-700"
                data-testid=testid
            >
                {names.iter().zip(1u8..).map(|(name, i)| {
                    view! { <option value=i.to_string() selected=i == value>{format!("{i} {name}")}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// One of the matrix's scales from the page's query (`?l=4&s=2`), 1–5; `default` otherwise.
fn scale_of(query: &leptos_router::params::ParamsMap, key: &str, default: u8) -> u8 {
    query.get(key).and_then(|v| v.parse().ok()).filter(|v| (1..=5).contains(v)).unwrap_or(default)
}

/// The risk-matrix explainer: a plain form that asks the server again (no script on this page).
#[component]
fn RiskMatrix() -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    let (likelihood, severity) = query.with_untracked(|q| (scale_of(q, "l", 3), scale_of(q, "s", 5)));
    let risk = likelihood * severity;
    let band = Band::of_risk(risk);
    view! {
        <aside
            id="risk-matrix"
            class="self-start rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
            aria-labelledby="matrix-title"
            data-testid="risk-matrix"
        >
            <h2 id="matrix-title" class="text-lg font-semibold text-slate-900">{t("matrix-title")}</h2>
            <p class="mt-1 text-sm text-slate-700">
                {t("matrix-intro")}
            </p>
            <form method="get" action="/#risk-matrix" class="mt-4 grid grid-cols-[1fr_1fr_auto] items-end gap-4">
                <ScaleSelect label=t("matrix-likelihood") name="l" testid="likelihood" value=likelihood
                    names=[t("likelihood-1"), t("likelihood-2"), t("likelihood-3"), t("likelihood-4"), t("likelihood-5")]/>
                <ScaleSelect label=t("matrix-severity") name="s" testid="severity" value=severity
                    names=[t("severity-1"), t("severity-2"), t("severity-3"), t("severity-4"), t("severity-5")]/>
                <button type="submit" class="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-800">{t("matrix-rate")}</button>
            </form>
            <p class="mt-4 flex items-center gap-3 text-sm text-slate-800" aria-live="polite">
                "R = " <strong data-testid="risk-value" class="text-xl">{risk}</strong>
                <span data-testid="risk-band" class=format!("rounded-full px-3 py-1 text-xs font-semibold ring-1 {}", band.tone().chip())>
                    {band.text()}
                </span>
            </p>
            <table class="mt-4 w-full table-fixed border-separate border-spacing-1 text-center text-xs">
                <caption class="sr-only">{t("matrix-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col" class="font-medium text-slate-600">"L \\ S"</th>
                        {(1..=5u8).map(|s| view! { <th scope="col" class="font-medium text-slate-600">{s}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {(1..=5u8).rev().map(|l| view! {
                        <tr>
                            <th scope="row" class="font-medium text-slate-600">{l}</th>
                            {(1..=5u8).map(|s| {
                                let cell_band = Band::of_risk(l * s);
                                let selected = likelihood == l && severity == s;
                                view! {
                                    <td class=format!(
                                        "rounded py-2 ring-1 {} {}",
                                        cell_band.tone().chip(),
                                        if selected { "outline-3 outline-sky-900 font-bold" } else { "" }
                                    )>{l * s}</td>
                                }
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </aside>
    }
}
