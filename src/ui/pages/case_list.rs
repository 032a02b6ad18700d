//! Case pages: the list (`/cases`), a new assessment (`/cases/new`) and the overview (`/cases/{id}`).

use crate::cases::{CaseFilter, CaseListItem, CasePage, CaseState};
use crate::methodology::codes::Band;
use crate::ui::components::access::AccessProblem;
use crate::ui::components::forms::{TableHead, THEAD_BAND};
use crate::ui::components::forms::{BUTTON_PRIMARY, BUTTON_SECONDARY, INPUT};
use crate::ui::components::tone::{band_badge, decision_text, state_badge, Shown};
use crate::ui::i18n::{t, t_with};
use crate::web::server_fns::cases::list_cases;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CaseListPage() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| CaseFilter::from_pairs(|k| q.get(k))));
    let cases = Resource::new(move || filter.get(), list_cases);
    view! {
        <Title text=t("cases-title")/>
        <div class="flex flex-wrap items-end justify-between gap-4">
            <div>
                <h1 class="text-2xl font-bold text-slate-900">{t("cases-title")}</h1>
                <p class="mt-1 text-sm text-slate-600">{t("cases-intro")}</p>
            </div>
        </div>
        <Transition fallback=|| view! { <p class="mt-6 text-slate-600">{t("cases-loading")}</p> }>
            {move || cases.get().map(|result| match result {
                Err(e) => view! { <AccessProblem error=e/> }.into_any(),
                Ok(page) => view! { <CaseListBody page filter=filter.get()/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn CaseListBody(page: CasePage, filter: CaseFilter) -> impl IntoView {
    let CasePage { items, total, page: current, pages, countries, can_create } = page;
    let selected = |value: &Option<String>, option: &str| value.as_deref() == Some(option);
    let link_for = {
        let filter = filter.clone();
        move |p: u32| {
            let q = filter.query_string();
            if q.is_empty() {
                format!("/cases?page={p}")
            } else {
                format!("/cases?{q}&page={p}")
            }
        }
    };
    let query = filter.query_string();
    let export = move |ext: &str| {
        if query.is_empty() {
            format!("/api/v1/cases/export.{ext}")
        } else {
            format!("/api/v1/cases/export.{ext}?{query}")
        }
    };
    let drill = drill_down_chips(&filter);
    let hidden: Vec<(&'static str, String)> = DRILL_KEYS
        .iter()
        .filter_map(|k| filter.pairs().into_iter().find(|(p, _)| p == k))
        .map(|(k, v)| (k, v.to_string()))
        .collect();
    let prev = (current > 1).then(|| link_for(current - 1));
    let next = (current < pages).then(|| link_for(current + 1));
    view! {
        <Form method="GET" action="/cases" attr:class="mt-6 grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-[2fr_1fr_1fr_1fr_auto]" attr:role="search" attr:aria-label=t("cases-filter-label")>
            <div>
                <label for="f-q" class="block text-xs font-medium text-slate-700">{t("cases-search")}</label>
                <input id="f-q" name="q" type="search" value=filter.q.clone().unwrap_or_default() maxlength="200" class=INPUT placeholder=t("cases-search-example")/>
            </div>
            <div>
                <label for="f-state" class="block text-xs font-medium text-slate-700">{t("cases-status")}</label>
                <select id="f-state" name="state" class=INPUT>
                    <option value="">{t("cases-any-status")}</option>
                    {CaseState::ALL.into_iter().map(|s| view! { <option value=s.as_str() selected=selected(&filter.state, s.as_str())>{s.text()}</option> }).collect_view()}
                </select>
            </div>
            <div>
                <label for="f-band" class="block text-xs font-medium text-slate-700">{t("cases-band")}</label>
                <select id="f-band" name="band" class=INPUT>
                    <option value="">{t("cases-any-band")}</option>
                    {Band::ALL.iter().map(|b| view! { <option value=b.code() selected=selected(&filter.band, b.code())>{b.text()}</option> }).collect_view()}
                    <option value="INCOMPLETE" selected=selected(&filter.band, "INCOMPLETE")>{t("cases-incomplete-draft")}</option>
                </select>
            </div>
            <div>
                <label for="f-country" class="block text-xs font-medium text-slate-700">{t("cases-country")}</label>
                <select id="f-country" name="country" class=INPUT>
                    <option value="">{t("cases-all-my-countries")}</option>
                    {countries.into_iter().map(|c| {
                        let is = selected(&filter.country, &c);
                        view! { <option value=c.clone() selected=is>{c.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            {hidden.into_iter().map(|(k, v)| view! { <input type="hidden" name=k value=v/> }).collect_view()}
            <div class="flex items-end gap-2">
                <button type="submit" class=BUTTON_SECONDARY>{t("cases-filter")}</button>
                {can_create.then(|| view! { <a href="/cases/new" class=BUTTON_PRIMARY>{t("cases-new")}</a> })}
            </div>
        </Form>
        {drill}
        <div class="mt-4 flex flex-wrap items-center justify-between gap-2">
            <p class="text-sm text-slate-600" aria-live="polite" data-testid="case-total">{t_with("cases-total", &[("count", total.into())])}</p>
            <p class="flex gap-3 text-sm">
                <span class="text-slate-600">{t("cases-export")}</span>
                <a href=export("csv") class="font-medium text-sky-800 underline" download="">"CSV"</a>
                <a href=export("json") class="font-medium text-sky-800 underline" download="">"JSON"</a>
            </p>
        </div>
        {if items.is_empty() {
            view! {
                <div class="mt-3 rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
                    {t("cases-none")} " " {can_create.then(|| view! { <a href="/cases/new" class="font-medium text-sky-800 underline">{t("cases-start-new")}</a> })}
                </div>
            }.into_any()
        } else {
            view! {
                <div class="mt-3 overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm" tabindex="0">
                    <table class="min-w-full divide-y divide-slate-200 text-sm" data-testid="case-table">
                        <TableHead columns=vec![t("cases-col-reference"), t("cases-col-programme"), t("cases-country"), t("cases-status"), t("cases-col-band"), t("cases-col-last-change")] cell="px-4 py-3" head=THEAD_BAND/>
                        <tbody class="divide-y divide-slate-100">
                            {items.into_iter().map(|c| view! { <CaseRow item=c/> }.into_any()).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <nav class="mt-4 flex items-center justify-between text-sm" aria-label=t("pages-label")>
            <span class="text-slate-600">{t_with("pages-of", &[("page", current.into()), ("pages", pages.into())])}</span>
            <span class="flex gap-2">
                {prev.map(|href| view! { <a href=href class=BUTTON_SECONDARY rel="prev">{t("pages-previous")}</a> })}
                {next.map(|href| view! { <a href=href class=BUTTON_SECONDARY rel="next">{t("pages-next")}</a> })}
            </span>
        </nav>
    }
}

/// Filters that only come from portfolio drill-downs; the list shows them as removable chips.
const DRILL_KEYS: &[&str] = &["decision", "support_type", "from", "to", "area", "area_band", "rule", "flag"];

fn drill_down_chips(filter: &CaseFilter) -> impl IntoView {
    let label = |key: &str, value: &str| -> String {
        match key {
            "decision" => t_with("cases-drill-decision", &[("decision", decision_text(value).into())]),
            "support_type" => t_with("cases-drill-support-type", &[("code", value.into())]),
            "from" => t_with("cases-drill-from", &[("date", value.into())]),
            "to" => t_with("cases-drill-to", &[("date", value.into())]),
            "area" => t_with("cases-drill-area", &[("code", value.into())]),
            "area_band" => t_with(
                "cases-drill-area-band",
                &[("band", Band::parse(value).map_or(value.to_string(), Shown::text).into())],
            ),
            "rule" => t_with("cases-drill-rule", &[("code", value.into())]),
            "flag" => crate::i18n::labels::flag_label_id(value).map_or(value.to_string(), t),
            _ => value.to_string(),
        }
    };
    let chips: Vec<(String, String)> = filter
        .pairs()
        .into_iter()
        .filter(|(k, _)| DRILL_KEYS.contains(k))
        .map(|(k, v)| (label(k, v), filter.without(k).list_url()))
        .collect();
    (!chips.is_empty()).then(|| view! {
        <ul class="mt-3 flex flex-wrap gap-2" aria-label=t("cases-drill-label") data-testid="drill-filters">
            {chips.into_iter().map(|(text, href)| view! {
                <li class="inline-flex items-center gap-1 rounded-full bg-sky-50 px-3 py-1 text-xs font-medium text-sky-900 ring-1 ring-sky-200">
                    {text.clone()}
                    <a href=href class="ms-1 rounded-full px-1 text-sky-700 hover:bg-sky-100" aria-label=t_with("cases-drill-remove", &[("filter", text.clone().into())])>"×"</a>
                </li>
            }).collect_view()}
        </ul>
    })
}

#[component]
fn CaseRow(item: CaseListItem) -> impl IntoView {
    let href = format!("/cases/{}", item.id);
    view! {
        <tr class="hover:bg-slate-50">
            <td class="px-4 py-3 font-mono text-xs"><a href=href.clone() class="font-medium text-sky-800 underline-offset-2 hover:underline">{item.reference.clone()}</a></td>
            <td class="px-4 py-3"><a href=href class="text-slate-900 hover:underline">{item.title.clone()}</a>
                {(item.version_no > 1).then(|| view! { <span class="ms-2 text-xs text-slate-500">{t_with("cases-version", &[("number", item.version_no.into())])}</span> })}
            </td>
            <td class="px-4 py-3">{item.country.clone()}</td>
            <td class="px-4 py-3">{state_badge(item.state)}
                {item.attention.clone().map(|a| view! { <span class="mt-1 block text-xs font-semibold text-red-800" data-testid="attention">{a}</span> })}
            </td>
            <td class="px-4 py-3">{band_badge(item.overall_band)}</td>
            <td class="px-4 py-3 text-slate-600">{item.updated_at.clone()}<br/><span class="text-xs">{item.updated_by.clone()}</span></td>
        </tr>
    }
}
