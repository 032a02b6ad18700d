//! `/portfolio`: the manager's dashboard across countries. Filters stay in the URL; every figure
//! links to the case list behind it (`/cases?…` with the same filter plus the figure's own).

use crate::cases::{CaseFilter, CaseState};
use crate::methodology::codes::Band;
use crate::portfolio::{Count, Portfolio, PortfolioPage};
use crate::ui::components::access::AccessProblem;
use crate::ui::components::charts::{bar_chart, heat_map, Bar, HeatMap};
use crate::ui::components::forms::TableHead;
use crate::ui::components::forms::{BUTTON_PRIMARY, BUTTON_SECONDARY, INPUT};
use crate::ui::components::tone::{band_fill, decision_fill, decision_text, state_fill, Shown};
use crate::ui::i18n::{t, t_args};
use crate::web::server_fns::portfolio::get_portfolio;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

const CARD: &str = "rounded-xl border border-slate-200 bg-white p-5 shadow-sm";
const H2: &str = "text-base font-semibold text-slate-900";
const TABLE: &str = "mt-2 w-full border-collapse text-start text-sm";
const TH: &str = "border-b border-slate-300 px-2 py-1 text-xs font-semibold uppercase tracking-wide text-slate-600";
const TD: &str = "border-b border-slate-100 px-2 py-1";
const LINK: &str = "font-medium text-sky-800 underline-offset-2 hover:underline";

#[component]
pub fn PortfolioPageView() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| CaseFilter::from_pairs(|k| q.get(k))));
    let data = Resource::new(move || filter.get(), get_portfolio);
    view! {
        <Title text=t("nav-portfolio")/>
        <Transition fallback=|| view! { <p class="text-slate-600">{t("portfolio-loading")}</p> }>
            {move || data.get().map(|result| match result {
                Err(e) => view! { <AccessProblem error=e/> }.into_any(),
                Ok(page) => view! { <Dashboard page/> }.into_any(),
            })}
        </Transition>
    }
}

/// A chart of counts, each bar drilling down by `key` = its code, with its table.
#[component]
fn CountChart(
    title: String,
    id: &'static str,
    counts: Vec<Count>,
    filter: CaseFilter,
    key: &'static str,
    fill: fn(&str) -> &'static str,
    #[prop(optional)] note: Option<String>,
) -> impl IntoView {
    let bars: Vec<Bar> = counts
        .iter()
        .map(|c| Bar {
            label: c.label.clone(),
            value: c.count,
            fill: fill(&c.code),
            href: filter.with(key, &c.code).list_url(),
        })
        .collect();
    let svg = bar_chart(&title, &bars);
    view! {
        <section class=CARD aria-labelledby=id data-testid=id>
            <h2 id=id class=H2>{title.clone()}</h2>
            {note.map(|n| view! { <p class="text-xs text-slate-500">{n}</p> })}
            <div class="mt-3" inner_html=svg></div>
            <details class="mt-2 text-sm">
                <summary class="cursor-pointer text-xs font-medium text-slate-600">{t("portfolio-show-table")}</summary>
                <table class=TABLE>
                    <thead><tr><th class=TH scope="col">{title}</th><th class=TH scope="col">{t("portfolio-cases")}</th></tr></thead>
                    <tbody>
                        {counts.into_iter().zip(bars).map(|(c, b)| view! {
                            <tr><th scope="row" class=TD>{c.label}</th><td class=TD><a class=LINK href=b.href>{c.count}</a></td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </section>
    }
}

/// One filter of the portfolio form: a labelled select whose first choice means "no filter".
#[component]
fn FilterSelect(
    id: &'static str,
    name: &'static str,
    label: String,
    any: String,
    items: Vec<(String, String)>,
    current: Option<String>,
    #[prop(optional)] wide: bool,
) -> impl IntoView {
    let current = current.unwrap_or_default();
    let options = items
        .into_iter()
        .map(|(code, text)| {
            let is = code == current;
            view! { <option value=code selected=is>{text}</option> }
        })
        .collect_view();
    view! {
        <div class=if wide { "lg:col-span-2" } else { "" }>
            <label for=id class="block text-xs font-medium text-slate-700">{label}</label>
            <select id=id name=name class=INPUT>
                <option value="">{any}</option>
                {options}
            </select>
        </div>
    }
}

#[component]
fn Tile(
    label: String,
    value: i64,
    href: String,
    tone: &'static str,
    testid: &'static str,
    #[prop(optional)] note: Option<String>,
) -> impl IntoView {
    let (ring, text) = match tone {
        "alert" if value > 0 => ("ring-red-300 bg-red-50", "text-red-800"),
        "warn" if value > 0 => ("ring-amber-300 bg-amber-50", "text-amber-900"),
        _ => ("ring-slate-200 bg-white", "text-slate-900"),
    };
    view! {
        <a href=href data-testid=testid class=format!("block rounded-xl p-4 shadow-sm ring-1 hover:ring-sky-400 focus-visible:outline-2 focus-visible:outline-sky-800 {ring}")>
            <span class="block text-xs font-medium uppercase tracking-wide text-slate-600">{label}</span>
            <span class=format!("mt-1 block text-3xl font-bold tabular-nums {text}")>{value}</span>
            {note.map(|n| view! { <span class="mt-1 block text-xs text-slate-600">{n}</span> })}
        </a>
    }
}

#[component]
fn Dashboard(page: PortfolioPage) -> impl IntoView {
    let PortfolioPage { filter, options, portfolio } = page;
    let Portfolio {
        total,
        by_band,
        by_decision,
        by_status,
        countries,
        areas,
        heat_map: cells,
        high_areas,
        hard_rules,
        stop_components_total,
        stop_recommended_total,
        stop_components,
        review_overdue,
        reassessment_due,
        open_intercessions,
        generated_at,
    } = portfolio;
    let high = by_band.iter().find(|b| b.code == "HIGH").map_or(0, |b| b.count);
    let query = filter.query_string();
    let export = |ext: &str| {
        if query.is_empty() {
            format!("/api/v1/cases/export.{ext}")
        } else {
            format!("/api/v1/cases/export.{ext}?{query}")
        }
    };
    let (csv, json) = (export("csv"), export("json"));
    // The heat map: countries with cases as rows, the 13 areas as columns.
    let rows: Vec<String> = countries.iter().map(|c| c.country.clone()).collect();
    let columns: Vec<(String, String)> = areas.iter().map(|a| (a.code.clone(), a.name.clone())).collect();
    let cell =
        |country: &str, area: &str| cells.iter().find(|c| c.country == country && c.area == area).map(|c| c.by_band);
    let heat_href = {
        let filter = filter.clone();
        move |country: &str, area: &str| filter.with("country", country).with("area", area).list_url()
    };
    let heat_svg = heat_map(&HeatMap {
        title: &t("portfolio-heat-title"),
        rows: &rows,
        columns: &columns,
        value: &cell,
        href: &heat_href,
    });
    let heat_rows: Vec<(String, String, String, [i64; 4], String)> = cells
        .iter()
        .map(|c| {
            let name = areas.iter().find(|a| a.code == c.area).map_or(c.area.clone(), |a| a.name.clone());
            (c.country.clone(), c.area.clone(), name, c.by_band, heat_href(&c.country, &c.area))
        })
        .collect();
    let rule_counts: Vec<Count> =
        hard_rules.into_iter().map(|c| Count { label: format!("{} {}", c.code, c.label), ..c }).collect();
    let country_items: Vec<(String, String)> = options.countries.iter().map(|c| (c.clone(), c.clone())).collect();
    let state_items: Vec<(String, String)> =
        CaseState::ALL.iter().map(|s| (s.as_str().to_string(), s.text())).collect();
    let band_items: Vec<(String, String)> = Band::ALL
        .iter()
        .map(|b| (b.code().to_string(), b.text()))
        .chain([("INCOMPLETE".to_string(), t("cases-incomplete-draft"))])
        .collect();
    let (decision_items, type_items) = (options.decisions.clone(), options.support_types.clone());
    let [country_now, state_now, band_now, decision_now, type_now] =
        [&filter.country, &filter.state, &filter.band, &filter.decision, &filter.support_type].map(Clone::clone);
    let high_filter = filter.with("area_band", "HIGH");
    let (from_value, to_value) = (filter.from.clone().unwrap_or_default(), filter.to.clone().unwrap_or_default());
    // Band words, highest first (the heat map's table), and the by-country table's columns.
    let heat_columns: Vec<String> = [t("cases-country"), t("portfolio-risk-area")]
        .into_iter()
        .chain(Band::ALL.iter().rev().map(|b| b.text()))
        .collect();
    let country_columns: Vec<String> = [t("cases-country"), t("portfolio-cases")]
        .into_iter()
        .chain(Band::ALL.iter().map(|b| b.text()))
        .chain(
            [
                "portfolio-incomplete",
                "portfolio-decisions-in-force",
                "portfolio-stopped-components",
                "portfolio-reviews-overdue",
                "portfolio-reassessments-due",
            ]
            .map(t),
        )
        .collect();
    view! {
        <div class="flex flex-wrap items-end justify-between gap-4">
            <div>
                <h1 class="text-2xl font-bold text-slate-900">{t("nav-portfolio")}</h1>
                <p class="mt-1 text-sm text-slate-600">
                    {t_args("portfolio-as-of", &[("time", generated_at), ("seconds", crate::portfolio::CACHE_SECONDS.to_string())])}
                </p>
            </div>
            <p class="flex items-center gap-3 text-sm">
                <span class="text-slate-600">{t("portfolio-export")}</span>
                <a href=csv class=LINK download="">"CSV"</a>
                <a href=json class=LINK download="">"JSON"</a>
            </p>
        </div>

        <Form method="GET" action="/portfolio" attr:class="mt-5 grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4" attr:role="search" attr:aria-label=t("portfolio-filter-label")>
            <FilterSelect id="p-country" name="country" label=t("cases-country") any=t("cases-all-my-countries") items=country_items current=country_now/>
            <FilterSelect id="p-state" name="state" label=t("cases-status") any=t("portfolio-current-versions") items=state_items current=state_now/>
            <FilterSelect id="p-band" name="band" label=t("cases-band") any=t("cases-any-band") items=band_items current=band_now/>
            <FilterSelect id="p-decision" name="decision" label=t("portfolio-decision") any=t("portfolio-any-decision") items=decision_items current=decision_now/>
            <FilterSelect id="p-type" name="support_type" label=t("portfolio-support-type") any=t("portfolio-any-support-type") items=type_items current=type_now wide=true/>
            <div>
                <label for="p-from" class="block text-xs font-medium text-slate-700">{t("portfolio-from")}</label>
                <input id="p-from" name="from" type="date" class=INPUT value=from_value/>
            </div>
            <div>
                <label for="p-to" class="block text-xs font-medium text-slate-700">{t("portfolio-to")}</label>
                <input id="p-to" name="to" type="date" class=INPUT value=to_value/>
            </div>
            <div class="flex items-end gap-2 sm:col-span-2 lg:col-span-4 lg:justify-end">
                <a href="/portfolio" class=BUTTON_SECONDARY>{t("portfolio-reset")}</a>
                <button type="submit" class=BUTTON_PRIMARY>{t("portfolio-apply")}</button>
            </div>
        </Form>

        <div class="mt-5 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" data-testid="tiles">
            <Tile label=t("portfolio-tile-total") value=total href=filter.list_url() tone="" testid="tile-total"/>
            <Tile label=t("portfolio-tile-high") value=high href=filter.with("band", "HIGH").list_url() tone="alert" testid="tile-high"/>
            <Tile label=t("portfolio-tile-stopped") value=stop_components_total href=filter.with("flag", "stop_decision").list_url() tone="alert" testid="tile-stop"
                note=t_args("portfolio-tile-stopped-note", &[("count", stop_recommended_total.to_string())])/>
            <Tile label=t("portfolio-reviews-overdue") value=review_overdue href=filter.with("flag", "review_overdue").list_url() tone="warn" testid="tile-review-overdue"/>
            <Tile label=t("portfolio-reassessments-due") value=reassessment_due href=filter.with("flag", "reassessment_due").list_url() tone="warn" testid="tile-reassessment"/>
            <Tile label=t("portfolio-open-intercessions") value=open_intercessions href=filter.with("flag", "open_intercession").list_url() tone="warn" testid="tile-intercessions"/>
        </div>

        <div class="mt-5 grid gap-4 lg:grid-cols-3">
            <CountChart title=t("portfolio-chart-band") id="chart-band" counts=by_band filter=filter.clone() key="band" fill=band_fill/>
            <CountChart title=t("portfolio-chart-decision") id="chart-decision" counts=by_decision filter=filter.clone() key="decision" fill=decision_fill note=t("portfolio-chart-decision-note")/>
            <CountChart title=t("portfolio-chart-status") id="chart-status" counts=by_status filter=filter.clone() key="state" fill=state_fill/>
        </div>

        <section class=format!("mt-5 {CARD}") aria-labelledby="heat-h" data-testid="heatmap">
            <div class="flex flex-wrap items-baseline justify-between gap-2">
                <h2 id="heat-h" class=H2>{t("portfolio-heat-heading")}</h2>
                <p class="flex flex-wrap items-center gap-3 text-xs text-slate-600">
                    {t("portfolio-heat-legend")}
                    {Band::ALL.iter().map(|b| view! {
                        <span class="inline-flex items-center gap-1"><svg class="inline-block h-3 w-3" viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12" rx="2" fill=b.tone().fill()></rect></svg>{b.text()}</span>
                    }).collect_view()}
                </p>
            </div>
            {if rows.is_empty() {
                view! { <p class="mt-3 text-sm text-slate-600">{t("portfolio-heat-none")}</p> }.into_any()
            } else {
                view! { <div class="mt-3 overflow-x-auto" tabindex="0" role="region" aria-label=t("portfolio-heat-scroll") inner_html=heat_svg.clone()></div> }.into_any()
            }}
            <details class="mt-2 text-sm">
                <summary class="cursor-pointer text-xs font-medium text-slate-600">{t("portfolio-show-table")}</summary>
                <table class=TABLE>
                    <TableHead columns=heat_columns cell=TH/>
                    <tbody>
                        {heat_rows.into_iter().map(|(country, area, name, by_band, href)| {
                            let band_link = {
                                let filter = filter.clone();
                                let (country, area) = (country.clone(), area.clone());
                                move |b: &str, n: i64| {
                                    let href = filter.with("country", &country).with("area", &area).with("area_band", b).list_url();
                                    view! { <td class=TD><a class=LINK href=href>{n}</a></td> }
                                }
                            };
                            view! {
                                <tr>
                                    <th scope="row" class=TD>{country.clone()}</th>
                                    <td class=TD><a class=LINK href=href>{format!("{area} · {name}")}</a></td>
                                    {band_link("HIGH", by_band[3])}{band_link("SUBSTANTIAL", by_band[2])}{band_link("MODERATE", by_band[1])}{band_link("LOW", by_band[0])}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </section>

        <div class="mt-5 grid gap-4 lg:grid-cols-2">
            <CountChart title=t("portfolio-chart-rules") id="chart-rules" counts=rule_counts filter=filter.clone() key="rule" fill=|_| "#7c3aed" note=t("portfolio-chart-rules-note")/>
            <CountChart title=t("portfolio-chart-high-areas") id="chart-high-areas" counts=high_areas filter=high_filter key="area" fill=|_| "#b91c1c" note=t("portfolio-chart-high-areas-note")/>
        </div>

        <section class=format!("mt-5 {CARD}") aria-labelledby="countries-h" data-testid="by-country">
            <h2 id="countries-h" class=H2>{t("portfolio-by-country")}</h2>
            <div class="overflow-x-auto" tabindex="0">
                <table class=TABLE>
                    <TableHead columns=country_columns cell=TH/>
                    <tbody>
                        {countries.into_iter().map(|c| {
                            let f = filter.with("country", &c.country);
                            view! {
                                <tr>
                                    <th scope="row" class=TD>{c.country.clone()}</th>
                                    <td class=TD><a class=LINK href=f.list_url()>{c.total}</a></td>
                                    {c.by_band.iter().map(|b| view! { <td class=TD><a class=LINK href=f.with("band", &b.code).list_url()>{b.count}</a></td> }).collect_view()}
                                    <td class=TD>
                                        {c.by_decision.iter().map(|d| view! {
                                            <a class="me-2 inline-block text-xs text-sky-800 hover:underline" href=f.with("decision", &d.code).list_url()>{format!("{} {}", d.label, d.count)}</a>
                                        }).collect_view()}
                                    </td>
                                    <td class=TD><a class=LINK href=f.with("flag", "stop_decision").list_url()>{c.stop_components}</a></td>
                                    <td class=TD><a class=LINK href=f.with("flag", "review_overdue").list_url()>{c.review_overdue}</a></td>
                                    <td class=TD><a class=LINK href=f.with("flag", "reassessment_due").list_url()>{c.reassessment_due}</a></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>

        <section class=format!("mt-5 {CARD}") aria-labelledby="stops-h" data-testid="stop-components">
            <div class="flex flex-wrap items-baseline justify-between gap-2">
                <h2 id="stops-h" class=H2>{t("portfolio-stops-heading")}</h2>
                <a class=LINK href=filter.with("flag", "stop_decision").list_url()>{t_args("portfolio-stops-all", &[("count", stop_components_total.to_string())])}</a>
            </div>
            {if stop_components.is_empty() {
                view! { <p class="mt-2 text-sm text-slate-600">{t("portfolio-none")}</p> }.into_any()
            } else {
                view! {
                    <table class=TABLE>
                        <TableHead columns=vec![t("portfolio-case"), t("cases-col-programme"), t("cases-country"), t("portfolio-component"), t("portfolio-decision")] cell=TH/>
                        <tbody>
                            {stop_components.into_iter().map(|s| view! {
                                <tr>
                                    <td class=format!("{TD} font-mono text-xs")><a class=LINK href=format!("/cases/{}", s.case_id)>{s.reference}</a></td>
                                    <td class=TD>{s.title}</td>
                                    <td class=TD>{s.country}</td>
                                    <td class=TD>{s.component_id}</td>
                                    <td class=TD>
                                        <span class="font-semibold text-red-800">{decision_text(&s.decision)}</span>
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}
