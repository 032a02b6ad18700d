//! Country reference data (`/reference/countries`): the countries whose country context (4.1–4.8)
//! the user may read, with how much is recorded for each. Administrators of every country open a
//! country that has nothing recorded yet by its code.

use crate::ui::components::access::AccessProblem;
use crate::ui::components::forms::{TableHead, BUTTON_SECONDARY, INPUT, TABLE, TD, TH};
use crate::ui::i18n::{t, t_args, t_count};
use crate::web::server_fns::reference::get_reference_index;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ReferenceCountriesPage() -> impl IntoView {
    let index = Resource::new(|| (), |_| get_reference_index());
    let query = leptos_router::hooks::use_query_map();
    let imported = query.with_untracked(|q| {
        let n: usize = q.get("imported")?.parse().ok()?;
        let triggered: usize = q.get("triggered").and_then(|t| t.parse().ok()).unwrap_or(0);
        let mut text = t_count("reference-imported", n, &[]);
        if triggered > 0 {
            text.push(' ');
            text.push_str(&t_count("reference-imported-triggered", triggered, &[]));
        }
        Some(text)
    });
    // A code typed into "open a country" that is not one (see `web::reference::open_country`).
    let unknown = query.with_untracked(|q| q.get("unknown"));
    let unknown_message = unknown.as_ref().map(|code| {
        if code.is_empty() {
            t("reference-open-empty")
        } else {
            t_args("reference-open-unknown", &[("code", code.clone())])
        }
    });
    let title = t("reference-title");
    let columns = vec![t("reference-col-country"), t("reference-col-entries"), t("reference-col-last")];
    view! {
        <Title text=title.clone()/>
        <h1 class="text-2xl font-bold text-slate-900">{title}</h1>
        <p class="mt-1 max-w-3xl text-sm text-slate-600">
            {t("reference-intro")}
        </p>
        <div class="mt-4"><crate::ui::components::forms::Notice message=Signal::derive(move || imported.clone()) success=true/></div>
        <p class="mt-3 text-sm">
            {t("reference-export")}" "
            <a class="text-sky-800 underline" href="/api/v1/reference/export.csv">"CSV"</a>" · "
            <a class="text-sky-800 underline" href="/api/v1/reference/export.json">"JSON"</a>
        </p>
        <Transition fallback=|| view! { <p class="mt-6 text-slate-600">{t("reference-loading")}</p> }>
            {move || index.get().map(|result| match result {
                Err(e) => view! { <AccessProblem error=e/> }.into_any(),
                Ok(index) => view! {
                    {index.can_import.then(|| view! {
                        <p class="mt-3 text-sm"><a class="font-medium text-sky-800 underline" href="/reference/import">{t("reference-import-link")}</a></p>
                    })}
                    {index.can_add.then(|| {
                        let (unknown, message) = (unknown.clone(), unknown_message.clone());
                        view! {
                            <form method="get" action="/reference/countries/open" class="mt-4 flex flex-wrap items-start gap-3">
                                <div>
                                    <label for="open-code" class="block text-sm font-medium text-slate-800">{t("reference-open-label")}</label>
                                    <input id="open-code" name="code" type="text" maxlength="2" placeholder="KE" class=format!("{INPUT} w-24 uppercase") required
                                        value=unknown.unwrap_or_default() aria-invalid=message.is_some().to_string() aria-describedby="open-code-error"/>
                                    <p id="open-code-error" class="mt-1 text-sm font-medium text-red-800" data-testid="open-code-error">{message}</p>
                                </div>
                                <button type="submit" class=format!("{BUTTON_SECONDARY} mt-6")>{t("reference-open")}</button>
                            </form>
                        }
                    })}
                    {if index.countries.is_empty() {
                        view! { <p class="mt-6 text-slate-600" data-testid="reference-empty">{t("reference-empty")}</p> }.into_any()
                    } else {
                        view! {
                            <table class=TABLE data-testid="reference-countries">
                                <TableHead columns=columns.clone() cell=TH/>
                                <tbody>
                                    {index.countries.into_iter().map(|c| view! {
                                        <tr>
                                            <td class=TD><a class="font-medium text-sky-800 underline" href=format!("/reference/countries/{}", c.code)>{c.code.clone()}</a></td>
                                            <td class=TD>{c.entries}</td>
                                            <td class=TD>{c.last_recorded.unwrap_or_else(|| t("reference-nothing-yet"))}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }}
                }.into_any(),
            })}
        </Transition>
    }
}
