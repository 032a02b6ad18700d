//! A readable reference of the loaded methodology: risk areas with their standards, mitigation
//! measures and hard rules with their sources. Everything comes from the catalogue data.

use crate::methodology::Catalogue;
use crate::ui::components::forms::TableHead;
use crate::ui::i18n::{t, t_with};
use crate::web::server_fns::methodology::current_methodology;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn MethodologyPage() -> impl IntoView {
    let catalogue = Resource::new(|| (), |_| current_methodology());
    view! {
        <Title text=t("methodology-title")/>
        <Suspense fallback=|| view! { <p class="text-slate-600">{t("methodology-loading")}</p> }>
            {move || catalogue.get().map(|result| match result {
                Ok(c) => view! { <CatalogueView catalogue=c/> }.into_any(),
                Err(e) => view! { <p role="alert" class="text-red-800">{t("methodology-load-failed")} " " {e.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn CatalogueView(catalogue: Catalogue) -> impl IntoView {
    let Catalogue { title, summary, version, areas, measures, hard_rules, steps, .. } = catalogue;
    view! {
        <header>
            <p class="font-mono text-sm font-semibold text-sky-800">{version}</p>
            <h1 class="mt-1 text-3xl font-bold text-slate-900">{title}</h1>
            <p class="mt-3 max-w-3xl text-slate-700">{summary}</p>
        </header>
        <section class="mt-8" aria-labelledby="steps-h">
            <h2 id="steps-h" class="text-xl font-semibold text-slate-900">{t("methodology-steps")}</h2>
            <ol class="mt-3 grid gap-3 md:grid-cols-3">
                {steps.into_iter().map(|s| view! {
                    <li class="rounded-lg border border-slate-200 bg-white p-4">
                        <p class="text-xs font-semibold uppercase text-sky-800">
                            {if s.per_component {
                                t_with("methodology-step-per-component", &[("number", u32::from(s.number).into())])
                            } else {
                                t_with("methodology-step", &[("number", u32::from(s.number).into())])
                            }}
                        </p>
                        <h3 class="font-semibold">{s.title}</h3>
                        <p class="mt-1 text-sm text-slate-700">{s.intro}</p>
                    </li>
                }).collect_view()}
            </ol>
        </section>
        <section class="mt-10" aria-labelledby="areas-h">
            <h2 id="areas-h" class="text-xl font-semibold text-slate-900">{t("methodology-areas")}</h2>
            <div class="mt-3 grid gap-3 md:grid-cols-2">
                {areas.into_iter().map(|a| view! {
                    <article class="rounded-lg border border-slate-200 bg-white p-4">
                        <h3 class="font-semibold"><span class="me-2 rounded bg-slate-100 px-2 py-0.5 font-mono text-xs">{a.code.code()}</span>{a.name.to_string()}</h3>
                        <p class="mt-1 text-sm text-slate-700">{a.description}</p>
                        <p class="mt-2 text-xs text-slate-600">{t("methodology-standards")} " " {a.standards.join("; ")}</p>
                    </article>
                }).collect_view()}
            </div>
        </section>
        <section class="mt-10" aria-labelledby="measures-h">
            <h2 id="measures-h" class="text-xl font-semibold text-slate-900">{t("methodology-measures")}</h2>
            <div class="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white" tabindex="0">
                <table class="min-w-full divide-y divide-slate-200 text-sm">
                    <TableHead columns=vec![t("methodology-col-code"), t("methodology-col-measure"), t("methodology-col-effect")] cell="px-3 py-2" head="bg-slate-100 text-start text-slate-700"/>
                    <tbody class="divide-y divide-slate-100">
                        {measures.into_iter().map(|m| {
                            let effects = if m.effects.is_empty() {
                                t("methodology-effect-none")
                            } else {
                                let all = t("methodology-effect-all");
                                m.effects.iter().map(|(k, v)| format!("{} {v}", if k == "all" { all.as_str() } else { k })).collect::<Vec<_>>().join(", ")
                            };
                            view! {
                                <tr>
                                    <td class="px-3 py-2 font-mono">{m.code.code()}</td>
                                    <td class="px-3 py-2"><strong class="font-medium">{m.name}</strong><br/><span class="text-slate-600">{m.description}</span></td>
                                    <td class="px-3 py-2 whitespace-nowrap">{effects}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <section class="mt-10" aria-labelledby="rules-h">
            <h2 id="rules-h" class="text-xl font-semibold text-slate-900">{t("methodology-rules")}</h2>
            <ul class="mt-3 grid gap-3 md:grid-cols-2">
                {hard_rules.into_iter().map(|h| view! {
                    <li class="rounded-lg border border-slate-200 bg-white p-4">
                        <h3 class="font-semibold"><span class="me-2 rounded bg-red-50 px-2 py-0.5 font-mono text-xs text-red-900">{h.id.code()}</span>{h.title}</h3>
                        <p class="mt-1 text-sm text-slate-700">{h.effect.to_string()}</p>
                        <p class="mt-2 text-xs text-slate-600">{t("methodology-sources")} " " {h.sources.join("; ")}</p>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
