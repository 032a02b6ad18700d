//! Case pages: the list (`/cases`), a new assessment (`/cases/new`) and the overview (`/cases/{id}`).

use crate::cases::{CaseFilter, CaseListItem, CaseOverview, CasePage, CaseState};
use crate::error::AppError;
use crate::methodology::codes::Band;
use crate::ui::admin_users::AccessProblem;
use crate::ui::badges::{band_badge, state_badge};
use crate::ui::forms::{FieldError, BUTTON_PRIMARY, BUTTON_SECONDARY, INPUT};
use crate::web::server_fns::cases::{list_cases, CreateCase};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Form, A};
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn CaseListPage() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| CaseFilter::from_pairs(|k| q.get(k))));
    let cases = Resource::new(move || filter.get(), list_cases);
    view! {
        <Title text="Assessments"/>
        <div class="flex flex-wrap items-end justify-between gap-4">
            <div>
                <h1 class="text-2xl font-bold text-slate-900">"Assessments"</h1>
                <p class="mt-1 text-sm text-slate-600">"Human-rights due diligence cases in your countries, most recently changed first."</p>
            </div>
        </div>
        <Transition fallback=|| view! { <p class="mt-6 text-slate-600">"Loading assessments…"</p> }>
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
        <Form method="GET" action="/cases" attr:class="mt-6 grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-[2fr_1fr_1fr_1fr_auto]" attr:role="search" attr:aria-label="Filter assessments">
            <div>
                <label for="f-q" class="block text-xs font-medium text-slate-700">"Search title or reference"</label>
                <input id="f-q" name="q" type="search" value=filter.q.clone().unwrap_or_default() maxlength="200" class=INPUT placeholder="e.g. prison or KE-2026"/>
            </div>
            <div>
                <label for="f-state" class="block text-xs font-medium text-slate-700">"Status"</label>
                <select id="f-state" name="state" class=INPUT>
                    <option value="">"Any status (current versions)"</option>
                    {CaseState::ALL.into_iter().map(|s| view! { <option value=s.as_str() selected=selected(&filter.state, s.as_str())>{s.label()}</option> }).collect_view()}
                </select>
            </div>
            <div>
                <label for="f-band" class="block text-xs font-medium text-slate-700">"Overall band"</label>
                <select id="f-band" name="band" class=INPUT>
                    <option value="">"Any band"</option>
                    {Band::ALL.iter().map(|b| view! { <option value=b.code() selected=selected(&filter.band, b.code())>{b.code()}</option> }).collect_view()}
                    <option value="INCOMPLETE" selected=selected(&filter.band, "INCOMPLETE")>"Incomplete draft"</option>
                </select>
            </div>
            <div>
                <label for="f-country" class="block text-xs font-medium text-slate-700">"Country"</label>
                <select id="f-country" name="country" class=INPUT>
                    <option value="">"All my countries"</option>
                    {countries.into_iter().map(|c| {
                        let is = selected(&filter.country, &c);
                        view! { <option value=c.clone() selected=is>{c.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            {hidden.into_iter().map(|(k, v)| view! { <input type="hidden" name=k value=v/> }).collect_view()}
            <div class="flex items-end gap-2">
                <button type="submit" class=BUTTON_SECONDARY>"Filter"</button>
                {can_create.then(|| view! { <A href="/cases/new" attr:class=BUTTON_PRIMARY>"New assessment"</A> })}
            </div>
        </Form>
        {drill}
        <div class="mt-4 flex flex-wrap items-center justify-between gap-2">
            <p class="text-sm text-slate-600" aria-live="polite" data-testid="case-total">{format!("{total} assessment{}", if total == 1 { "" } else { "s" })}</p>
            <p class="flex gap-3 text-sm">
                <span class="text-slate-600">"Export this list:"</span>
                <a href=export("csv") class="font-medium text-sky-800 underline" download="">"CSV"</a>
                <a href=export("json") class="font-medium text-sky-800 underline" download="">"JSON"</a>
            </p>
        </div>
        {if items.is_empty() {
            view! {
                <div class="mt-3 rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
                    "No assessment matches. " {can_create.then(|| view! { <A href="/cases/new" attr:class="font-medium text-sky-800 underline">"Start a new assessment"</A> })}
                </div>
            }.into_any()
        } else {
            view! {
                <div class="mt-3 overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm" tabindex="0">
                    <table class="min-w-full divide-y divide-slate-200 text-sm" data-testid="case-table">
                        <thead class="bg-slate-100 text-left text-xs font-semibold uppercase tracking-wide text-slate-700">
                            <tr>
                                <th scope="col" class="px-4 py-3">"Reference"</th>
                                <th scope="col" class="px-4 py-3">"Programme"</th>
                                <th scope="col" class="px-4 py-3">"Country"</th>
                                <th scope="col" class="px-4 py-3">"Status"</th>
                                <th scope="col" class="px-4 py-3">"Band"</th>
                                <th scope="col" class="px-4 py-3">"Last change"</th>
                            </tr>
                        </thead>
                        <tbody class="divide-y divide-slate-100">
                            {items.into_iter().map(|c| view! { <CaseRow item=c/> }.into_any()).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <nav class="mt-4 flex items-center justify-between text-sm" aria-label="Pages">
            <span class="text-slate-600">{format!("Page {current} of {pages}")}</span>
            <span class="flex gap-2">
                {prev.map(|href| view! { <A href=href attr:class=BUTTON_SECONDARY attr:rel="prev">"Previous"</A> })}
                {next.map(|href| view! { <A href=href attr:class=BUTTON_SECONDARY attr:rel="next">"Next"</A> })}
            </span>
        </nav>
    }
}

/// Filters that only come from portfolio drill-downs; the list shows them as removable chips.
const DRILL_KEYS: &[&str] = &["decision", "support_type", "from", "to", "area", "area_band", "rule", "flag"];

fn drill_down_chips(filter: &CaseFilter) -> impl IntoView {
    let label = |key: &str, value: &str| -> String {
        match key {
            "decision" => format!("Decision: {}", crate::portfolio::decision_label(value)),
            "support_type" => format!("Support type {value}"),
            "from" => format!("Changed from {value}"),
            "to" => format!("Changed until {value}"),
            "area" => format!("Risk area {value}"),
            "area_band" => format!("at {value}"),
            "rule" => format!("Hard rule {value} fired"),
            "flag" => {
                crate::cases::FLAGS.iter().find(|(k, _)| *k == value).map_or(value.to_string(), |(_, l)| l.to_string())
            }
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
        <ul class="mt-3 flex flex-wrap gap-2" aria-label="Portfolio filters on this list" data-testid="drill-filters">
            {chips.into_iter().map(|(text, href)| view! {
                <li class="inline-flex items-center gap-1 rounded-full bg-sky-50 px-3 py-1 text-xs font-medium text-sky-900 ring-1 ring-sky-200">
                    {text.clone()}
                    <A href=href attr:class="ml-1 rounded-full px-1 text-sky-700 hover:bg-sky-100" attr:aria-label=format!("Remove filter: {text}")>"×"</A>
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
            <td class="px-4 py-3 font-mono text-xs"><A href=href.clone() attr:class="font-medium text-sky-800 underline-offset-2 hover:underline">{item.reference.clone()}</A></td>
            <td class="px-4 py-3"><A href=href attr:class="text-slate-900 hover:underline">{item.title.clone()}</A>
                {(item.version_no > 1).then(|| view! { <span class="ml-2 text-xs text-slate-500">{format!("version {}", item.version_no)}</span> })}
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

#[component]
pub fn NewCasePage() -> impl IntoView {
    let create = ServerAction::<CreateCase>::new();
    let session = crate::ui::layout::use_session();
    let catalogue = Resource::new(|| (), |_| crate::web::server_fns::methodology::current_methodology());
    // Without JavaScript a refused form comes back with what was typed (`?checked=1&office=…`):
    // the page checks it again with the same rules, so every message stands next to its field.
    let query = leptos_router::hooks::use_query_map();
    let sent_back = move || {
        query.with(|q| {
            q.get("checked").map(|_| crate::cases::NewCaseForm {
                country: q.get("country").unwrap_or_default(),
                un_entity: q.get("un_entity").unwrap_or_default(),
                office: q.get("office").unwrap_or_default(),
                programme_title: q.get("programme_title").unwrap_or_default(),
                assessment_type: q.get("assessment_type").unwrap_or_default(),
            })
        })
    };
    let error = Signal::derive(move || match create.value().get() {
        Some(Err(e)) => Some(e),
        Some(Ok(_)) => None,
        None => {
            let form = sent_back()?;
            let cat = catalogue.get().and_then(|r| r.ok())?;
            let codes = |name: &str| cat.enum_values(name).iter().map(|v| v.code.clone()).collect::<Vec<_>>();
            AppError::from_fields(form.problems(&codes("UnEntity"), &codes("AssessmentType"))).err()
        }
    });
    let field = move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.for_field(name)));
    let form_error = Signal::derive(move || {
        error.get().filter(|e| !matches!(e, AppError::Invalid { field: Some(_), .. })).map(|e| e.to_string())
    });
    let typed = move |name: &'static str| {
        move || {
            sent_back()
                .map(|f| f.fields().iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string()).unwrap_or_default())
                .unwrap_or_default()
        }
    };
    let invalid = move |name: &'static str| move || field(name).get().is_some().to_string();
    view! {
        <Title text="New assessment"/>
        <section class="mx-auto max-w-2xl rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
            <h1 class="text-2xl font-bold text-slate-900">"New assessment"</h1>
            <p class="mt-1 text-sm text-slate-600">"Start with the basics; everything else is answered step by step and saved as a draft."</p>
            <crate::ui::forms::Notice message=form_error/>
            <Transition fallback=|| view! { <p class="mt-4 text-slate-600">"Loading…"</p> }>
                {move || {
                    let user = session.get().and_then(|r| r.ok()).and_then(|s| s.user);
                    let options = catalogue.get().and_then(|r| r.ok());
                    match (user, options) {
                        (Some(user), Some(cat)) if user.has(crate::accounts::Role::Assessor) => {
                            let countries = match &user.scope {
                                crate::accounts::CountryScope::Countries(list) => Some(list.clone()),
                                crate::accounts::CountryScope::All => None,
                            };
                            let entities = cat.enum_values("UnEntity").to_vec();
                            let types = cat.enum_values("AssessmentType").to_vec();
                            view! {
                                <ActionForm action=create attr:class="mt-6 grid gap-5" attr:novalidate="true">
                                    <div>
                                        <label for="country" class="block text-sm font-medium text-slate-800">"1.1 Country"</label>
                                        {match countries {
                                            Some(list) => view! {
                                                <select id="country" name="country" class=INPUT aria-describedby="country-error" aria-invalid=invalid("country")>
                                                    {list.into_iter().map(|c| { let is = c == typed("country")(); view! { <option value=c.clone() selected=is>{c.clone()}</option> } }).collect_view()}
                                                </select>
                                            }.into_any(),
                                            None => view! {
                                                <input id="country" name="country" type="text" maxlength="2" placeholder="KE" class=INPUT aria-describedby="country-error" value=typed("country") aria-invalid=invalid("country")/>
                                            }.into_any(),
                                        }}
                                        <FieldError id="country" message=field("country")/>
                                    </div>
                                    <div>
                                        <label for="programme_title" class="block text-sm font-medium text-slate-800">"1.4 Programme or project title"</label>
                                        <input id="programme_title" name="programme_title" type="text" maxlength="300" class=INPUT aria-describedby="programme_title-error" value=typed("programme_title") aria-invalid=invalid("programme_title")/>
                                        <FieldError id="programme_title" message=field("programme_title")/>
                                    </div>
                                    <div class="grid gap-5 sm:grid-cols-2">
                                        <div>
                                            <label for="un_entity" class="block text-sm font-medium text-slate-800">"1.2 UN entity"</label>
                                            <select id="un_entity" name="un_entity" class=INPUT aria-describedby="un_entity-error">
                                                {entities.into_iter().map(|v| { let is = v.code == typed("un_entity")(); view! { <option value=v.code.clone() selected=is>{v.label.clone()}</option> } }).collect_view()}
                                            </select>
                                            <FieldError id="un_entity" message=field("un_entity")/>
                                        </div>
                                        <div>
                                            <label for="office" class="block text-sm font-medium text-slate-800">"1.3 Office"</label>
                                            <input id="office" name="office" type="text" maxlength="300" class=INPUT aria-describedby="office-error" value=typed("office") aria-invalid=invalid("office")/>
                                            <FieldError id="office" message=field("office")/>
                                        </div>
                                    </div>
                                    <div>
                                        <label for="assessment_type" class="block text-sm font-medium text-slate-800">"1.6 Assessment type"</label>
                                        <select id="assessment_type" name="assessment_type" class=INPUT aria-describedby="assessment_type-error">
                                            {types.into_iter().map(|v| { let is = v.code == typed("assessment_type")(); view! { <option value=v.code.clone() selected=is>{v.label.clone()}</option> } }).collect_view()}
                                        </select>
                                        <FieldError id="assessment_type" message=field("assessment_type")/>
                                    </div>
                                    <div><button type="submit" class=BUTTON_PRIMARY disabled=move || create.pending().get()>"Create draft"</button></div>
                                </ActionForm>
                            }.into_any()
                        }
                        (Some(_), _) => view! { <AccessProblem error=AppError::forbidden("Only assessors start assessments.")/> }.into_any(),
                        _ => view! { <p class="mt-4 text-slate-600">"Loading…"</p> }.into_any(),
                    }
                }}
            </Transition>
        </section>
    }
}

/// The case named by the `:id` of the URL, fetched with `fetch` (a 404 for an id that is not a number).
pub fn case_resource<T, Fut>(fetch: fn(i64) -> Fut) -> Resource<Result<T, AppError>>
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    Fut: std::future::Future<Output = Result<T, AppError>> + Send + 'static,
{
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok())));
    Resource::new(
        move || id.get(),
        move |id| async move {
            match id {
                Some(id) => fetch(id).await,
                None => Err(AppError::NotFound("No such assessment.".into())),
            }
        },
    )
}

/// The head of the summary page: reference, title, state, the key figures and what is still open.
#[component]
pub fn OverviewBody(overview: CaseOverview) -> impl IntoView {
    let CaseOverview {
        item,
        methodology_version,
        created_at,
        created_by,
        next_review_date,
        components,
        open_items,
        open_items_total,
        can_edit,
        resume_segment,
        answers_hidden,
        ..
    } = overview;
    let id = item.id;
    let may_open_form = can_edit || !answers_hidden;
    let form_link = match (&resume_segment, can_edit) {
        (Some(segment), true) => (format!("/cases/{id}/edit/{segment}"), "Continue where you left off"),
        (None, true) => (format!("/cases/{id}/edit/case"), "Answer the questions"),
        (_, false) => (format!("/cases/{id}/edit/case"), "View the answers"),
    };
    view! {
        <Title text=item.reference.clone()/>
        <header class="flex flex-wrap items-start justify-between gap-4">
            <div>
                <p class="font-mono text-sm text-sky-800">{item.reference.clone()} " · " {item.country.clone()} " · version " {item.version_no}</p>
                <h1 class="mt-1 text-2xl font-bold text-slate-900">{item.title.clone()}</h1>
                <p class="mt-1 text-sm text-slate-600">{format!("Started {created_at} by {created_by} · methodology {methodology_version}")}</p>
            </div>
            <div class="flex items-center gap-3">
                {state_badge(item.state)}
                {may_open_form.then(|| view! { <A href=form_link.0 attr:class=format!("{BUTTON_PRIMARY} print:hidden")>{form_link.1}</A> })}
            </div>
        </header>
        <dl class="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Fact label="Overall band">{band_badge(item.overall_band)}</Fact>
            <Fact label="Recommended decision">{item.overall_decision.map(|d| d.label()).unwrap_or("not yet computed")}</Fact>
            <Fact label="Next review">{next_review_date.unwrap_or_else(|| "—".into())}</Fact>
            <Fact label="Support components">{components.join(", ")}</Fact>
        </dl>
        // Open answers matter while the answers can still change; a submitted or decided version's
        // summary leads with its decision instead.
        {item.state.editable().then(|| view! {
        <section class="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="open-h">
            <h2 id="open-h" class="text-lg font-semibold text-slate-900">
                {if open_items_total == 0 { "The answers are complete".to_string() } else { format!("Still to answer: {open_items_total}") }}
            </h2>
            {(open_items_total > 0).then(|| view! {
                <ul class="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700" data-testid="open-items">
                    {open_items.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                </ul>
            })}
            {(open_items_total == 0).then(|| view! {
                <p class="mt-2 text-sm text-slate-700">{if item.can_submit { "Nothing blocks submission." } else { "The engine lists what still blocks submission." }}</p>
            })}
        </section>
        })}
    }
}

#[component]
fn Fact(label: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <dt class="text-xs font-semibold uppercase tracking-wide text-slate-600">{label}</dt>
            <dd class="mt-1 text-lg font-semibold text-slate-900">{children()}</dd>
        </div>
    }
}
