//! A readable reference of the loaded methodology: risk areas with their standards, mitigation
//! measures and hard rules with their sources. Everything comes from the catalogue data.

use crate::methodology::Catalogue;
use crate::ui::components::forms::TableHead;
use crate::web::server_fns::methodology::current_methodology;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn MethodologyPage() -> impl IntoView {
    let catalogue = Resource::new(|| (), |_| current_methodology());
    view! {
        <Title text="Methodology"/>
        <Suspense fallback=|| view! { <p class="text-slate-600">"Loading the methodology…"</p> }>
            {move || catalogue.get().map(|result| match result {
                Ok(c) => view! { <CatalogueView catalogue=c/> }.into_any(),
                Err(e) => view! { <p role="alert" class="text-red-800">"The methodology could not be loaded: " {e.to_string()}</p> }.into_any(),
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
            <h2 id="steps-h" class="text-xl font-semibold text-slate-900">"The assessment, step by step"</h2>
            <ol class="mt-3 grid gap-3 md:grid-cols-3">
                {steps.into_iter().map(|s| view! {
                    <li class="rounded-lg border border-slate-200 bg-white p-4">
                        <p class="text-xs font-semibold uppercase text-sky-800">
                            "Step " {s.number} {if s.per_component { " · per component" } else { "" }}
                        </p>
                        <h3 class="font-semibold">{s.title}</h3>
                        <p class="mt-1 text-sm text-slate-700">{s.intro}</p>
                    </li>
                }).collect_view()}
            </ol>
        </section>
        <section class="mt-10" aria-labelledby="areas-h">
            <h2 id="areas-h" class="text-xl font-semibold text-slate-900">"Risk areas"</h2>
            <div class="mt-3 grid gap-3 md:grid-cols-2">
                {areas.into_iter().map(|a| view! {
                    <article class="rounded-lg border border-slate-200 bg-white p-4">
                        <h3 class="font-semibold"><span class="mr-2 rounded bg-slate-100 px-2 py-0.5 font-mono text-xs">{a.code.code()}</span>{a.name.to_string()}</h3>
                        <p class="mt-1 text-sm text-slate-700">{a.description}</p>
                        <p class="mt-2 text-xs text-slate-600">"Standards: " {a.standards.join("; ")}</p>
                    </article>
                }).collect_view()}
            </div>
        </section>
        <section class="mt-10" aria-labelledby="measures-h">
            <h2 id="measures-h" class="text-xl font-semibold text-slate-900">"Mitigation measures"</h2>
            <div class="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white" tabindex="0">
                <table class="min-w-full divide-y divide-slate-200 text-sm">
                    <TableHead columns=&["Code", "Measure", "Effect on likelihood"] cell="px-3 py-2" head="bg-slate-100 text-left text-slate-700"/>
                    <tbody class="divide-y divide-slate-100">
                        {measures.into_iter().map(|m| {
                            let effects = if m.effects.is_empty() {
                                "none (recorded only)".to_string()
                            } else {
                                m.effects.iter().map(|(k, v)| format!("{} {v}", if k == "all" { "all areas except EXT" } else { k })).collect::<Vec<_>>().join(", ")
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
            <h2 id="rules-h" class="text-xl font-semibold text-slate-900">"Hard rules"</h2>
            <ul class="mt-3 grid gap-3 md:grid-cols-2">
                {hard_rules.into_iter().map(|h| view! {
                    <li class="rounded-lg border border-slate-200 bg-white p-4">
                        <h3 class="font-semibold"><span class="mr-2 rounded bg-red-50 px-2 py-0.5 font-mono text-xs text-red-900">{h.id.code()}</span>{h.title}</h3>
                        <p class="mt-1 text-sm text-slate-700">{h.effect.to_string()}</p>
                        <p class="mt-2 text-xs text-slate-600">"Sources: " {h.sources.join("; ")}</p>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
