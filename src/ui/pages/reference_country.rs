//! One country's reference data (`/reference/countries/{code}`): the values of 4.1–4.8 in force
//! today with their date and source, the whole history, and — for administrators of the country —
//! the form that records a change (a plain form post to `web::form::post_reference`; a refused
//! change comes back with every message next to its field and everything typed kept).

use crate::error::AppError;
use crate::i18n::Arg;
use crate::methodology::catalogue::Kind;
use crate::reference::{value_to_form, CountryPage, Entry, QuestionInfo};
use crate::ui::components::access::AccessProblem;
use crate::ui::components::forms::{Notice, TableHead, BUTTON_PRIMARY, INPUT, TABLE, TD, TH};
use crate::ui::i18n::{t, t_args, t_count};
use crate::web::server_fns::reference::get_country_reference;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

const SECTION: &str = "mt-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm";

/// A value in words: the enum label (in the reader's language), yes/no, the number; a dash for
/// "no value from this date".
fn in_words(q: Option<&QuestionInfo>, value: Option<&serde_json::Value>) -> String {
    use serde_json::Value;
    match (value, q) {
        (None | Some(Value::Null), _) => t("reference-no-value"),
        (Some(Value::Bool(true)), _) => t("reference-yes"),
        (Some(Value::Bool(false)), _) => t("reference-no"),
        (Some(Value::String(code)), Some(q)) => {
            q.options.iter().find(|(c, _)| c == code).map_or_else(|| code.clone(), |(_, label)| label.clone())
        }
        (Some(other), _) => value_to_form(Some(other)),
    }
}

fn source_view(e: &Entry) -> impl IntoView {
    let citation = e.source.citation.clone();
    match e.source.url.clone() {
        Some(url) => {
            view! { <a class="text-sky-800 underline" href=url rel="noopener noreferrer">{citation}</a> }.into_any()
        }
        None => view! { <span>{citation}</span> }.into_any(),
    }
}

#[component]
pub fn ReferenceCountryPage() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.with(|p| p.get("code").unwrap_or_default());
    let page = Resource::new(code, get_country_reference);
    view! {
        <Title text=t("reference-title")/>
        <p class="text-sm"><a href="/reference/countries" class="text-sky-800 underline"><span class="inline-block rtl:-scale-x-100">"←"</span>" "{t("reference-all-countries")}</a></p>
        <Transition fallback=|| view! { <p class="mt-6 text-slate-600">{t("reference-loading")}</p> }>
            {move || page.get().map(|result| match result {
                Err(e) => view! { <AccessProblem error=e/> }.into_any(),
                Ok(p) => view! { <CountryView page=p/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn CountryView(page: CountryPage) -> impl IntoView {
    let query = use_query_map();
    let recorded = query.with_untracked(|q| {
        let n: usize = q.get("recorded")?.parse().ok()?;
        let triggered: usize = q.get("triggered").and_then(|t| t.parse().ok()).unwrap_or(0);
        let mut text = t_count("reference-recorded", n, &[]);
        if triggered > 0 {
            text.push(' ');
            text.push_str(&t_count(
                "reference-recorded-triggered",
                triggered,
                &[("code", Arg::from(page.code.as_str()))],
            ));
        }
        Some(text)
    });
    let in_force_rows = page
        .questions
        .iter()
        .map(|q| {
            let entry = page.in_force.entry(&q.id).cloned();
            let value = in_words(Some(q), entry.as_ref().and_then(|e| e.value.as_ref()));
            view! {
                <tr data-question=q.id.clone()>
                    <th scope="row" class=format!("{TD} font-normal")><span class="font-mono text-xs text-slate-500">{q.display.clone()}</span>" "{q.label.clone()}</th>
                    <td class=format!("{TD} font-medium")>{if entry.is_some() { value } else { t("reference-not-recorded") }}</td>
                    <td class=format!("{TD} whitespace-nowrap")>{entry.as_ref().map(|e| e.effective_from.to_string())}</td>
                    <td class=TD>{entry.as_ref().map(source_view)}</td>
                </tr>
            }
        })
        .collect_view();
    let history_rows = page
        .history
        .iter()
        .map(|e| {
            let q = page.questions.iter().find(|q| q.id == e.question);
            view! {
                <tr>
                    <td class=format!("{TD} whitespace-nowrap")>{e.effective_from.to_string()}</td>
                    <td class=TD>{q.map_or(e.question.clone(), |q| format!("{} {}", q.display, q.label))}</td>
                    <td class=TD>{in_words(q, e.value.as_ref())}</td>
                    <td class=TD>{source_view(e)}</td>
                    <td class=format!("{TD} text-xs text-slate-600")>{t_args("reference-recorded-by", &[("name", e.recorded_by.clone()), ("date", e.recorded_at.get(..10).unwrap_or_default().to_string())])}</td>
                </tr>
            }
        })
        .collect_view();
    let has_history = !page.history.is_empty();
    let code = page.code.clone();
    view! {
        <h1 class="mt-2 text-2xl font-bold text-slate-900">{t_args("reference-country-title", &[("code", code.clone())])}</h1>
        <p class="mt-1 max-w-3xl text-sm text-slate-600">
            {t("reference-country-intro")}
        </p>
        <div class="mt-4"><Notice message=Signal::derive(move || recorded.clone()) success=true/></div>
        <section id="in-force" class=SECTION aria-labelledby="in-force-title">
            <h2 id="in-force-title" class="text-lg font-semibold text-slate-900">{t_args("reference-in-force", &[("date", page.today.clone())])}</h2>
            <table class=TABLE data-testid="reference-in-force">
                <TableHead columns=vec![t("reference-col-question"), t("reference-col-value"), t("reference-col-from"), t("reference-col-source")] cell=TH/>
                <tbody>{in_force_rows}</tbody>
            </table>
        </section>
        {page.can_edit.then(|| view! { <EditForm page=page.clone()/> })}
        <section class=SECTION aria-labelledby="history-title">
            <h2 id="history-title" class="text-lg font-semibold text-slate-900">{t("reference-history")}</h2>
            {if has_history {
                view! {
                    <table class=TABLE data-testid="reference-history">
                        <TableHead columns=vec![t("reference-col-from"), t("reference-col-question"), t("reference-col-value"), t("reference-col-source"), t("reference-col-recorded-by")] cell=TH/>
                        <tbody>{history_rows}</tbody>
                    </table>
                }.into_any()
            } else {
                view! { <p class="mt-2 text-sm text-slate-600">{t("reference-history-empty")}</p> }.into_any()
            }}
        </section>
    }
}

/// The administrator's form: the whole table as it will stand, one date and one source for every
/// value changed.
#[component]
fn EditForm(page: CountryPage) -> impl IntoView {
    let query = use_query_map();
    let pairs: Vec<(String, String)> =
        query.with_untracked(|q| q.clone().into_iter().map(|(k, v)| (k.to_string(), v)).collect());
    let sent_back = pairs.iter().any(|(k, v)| k == "form" && v == "reference");
    let error = if sent_back { AppError::from_query(&pairs) } else { None };
    let kept = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let field_error = |name: &str| error.as_ref().and_then(|e| e.for_field(name));
    let banner = error.as_ref().filter(|e| !e.is_about_fields()).map(|e| e.to_string());
    let fields_banner = error.as_ref().filter(|e| e.is_about_fields()).map(|_| t("reference-fields-banner"));
    let value_of = |q: &QuestionInfo| -> String {
        if sent_back {
            kept(&format!("q.{}", q.id)).unwrap_or_default()
        } else {
            value_to_form(page.in_force.value(&q.id))
        }
    };
    let action = format!("/reference/countries/{}", page.code);
    let date = if sent_back { kept("effective_from").unwrap_or_default() } else { page.today.clone() };
    let citation = kept("citation").unwrap_or_default();
    let url = kept("url").unwrap_or_default();
    let date_error = field_error("effective_from");
    let citation_error = field_error("citation");
    let url_error = field_error("url");
    let questions = page
        .questions
        .iter()
        .map(|q| {
            let name = format!("q.{}", q.id);
            let id = format!("ref-{}", q.id);
            let error_id = format!("{id}-error");
            let message = field_error(&name);
            let invalid = message.is_some().to_string();
            let current = value_of(q);
            let input = match q.kind {
                Kind::Enum => view! {
                    <select id=id.clone() name=name.clone() class=INPUT aria-describedby=error_id.clone() aria-invalid=invalid>
                        <option value="" selected=current.is_empty()>{t("reference-choose-no-value")}</option>
                        {q.options.iter().map(|(c, label)| view! { <option value=c.clone() selected=*c == current>{label.clone()}</option> }).collect_view()}
                    </select>
                }.into_any(),
                Kind::Bool => view! {
                    <select id=id.clone() name=name.clone() class=INPUT aria-describedby=error_id.clone() aria-invalid=invalid>
                        <option value="" selected=current.is_empty()>{t("reference-choose-no-value")}</option>
                        <option value="true" selected=current == "true">{t("reference-yes")}</option>
                        <option value="false" selected=current == "false">{t("reference-no")}</option>
                    </select>
                }.into_any(),
                _ => view! {
                    <input id=id.clone() name=name.clone() type="text" inputmode="numeric" class=INPUT value=current aria-describedby=error_id.clone() aria-invalid=invalid/>
                }.into_any(),
            };
            view! {
                <div data-question=q.id.clone()>
                    <label for=id class="block text-sm font-medium text-slate-800"><span class="font-mono text-xs text-slate-500">{q.display.clone()}</span>" "{q.label.clone()}</label>
                    {q.condition_text.clone().map(|t| view! { <p class="text-xs text-slate-600">{t}</p> })}
                    {input}
                    <p id=error_id class="mt-1 text-sm font-medium text-red-800" role="alert">{message}</p>
                </div>
            }
        })
        .collect_view();
    let watchers = page.dp_watchers;
    view! {
        <section id="edit" class=SECTION aria-labelledby="edit-title">
            <h2 id="edit-title" class="text-lg font-semibold text-slate-900">{t("reference-edit-title")}</h2>
            <p class="mt-1 text-sm text-slate-600">{t("reference-edit-help")}</p>
            <p class="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="dp-watchers">
                {t_count("reference-watchers", usize::try_from(watchers).unwrap_or(0), &[("code", Arg::from(page.code.as_str()))])}
            </p>
            {banner.or(fields_banner).map(|m| view! { <div class="mt-3 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900" role="alert">{m}</div> })}
            <form method="post" action=action class="mt-4 grid gap-5" novalidate="true" data-testid="reference-form">
                <input type="hidden" name="based_on" value=page.latest_id.to_string()/>
                <div class="grid gap-5 sm:grid-cols-3">
                    <div>
                        <label for="effective_from" class="block text-sm font-medium text-slate-800">{t("reference-field-from")}</label>
                        <input id="effective_from" name="effective_from" type="date" class=INPUT value=date aria-describedby="effective_from-error" aria-invalid=date_error.is_some().to_string()/>
                        <p id="effective_from-error" class="mt-1 text-sm font-medium text-red-800" role="alert">{date_error}</p>
                    </div>
                    <div class="sm:col-span-2">
                        <label for="citation" class="block text-sm font-medium text-slate-800">{t("reference-field-citation")}</label>
                        <input id="citation" name="citation" type="text" maxlength="500" class=INPUT value=citation aria-describedby="citation-error" aria-invalid=citation_error.is_some().to_string()/>
                        <p id="citation-error" class="mt-1 text-sm font-medium text-red-800" role="alert">{citation_error}</p>
                    </div>
                </div>
                <div>
                    <label for="url" class="block text-sm font-medium text-slate-800">{t("reference-field-url")}</label>
                    <input id="url" name="url" type="url" maxlength="1000" placeholder="https://" class=INPUT value=url aria-describedby="url-error" aria-invalid=url_error.is_some().to_string()/>
                    <p id="url-error" class="mt-1 text-sm font-medium text-red-800" role="alert">{url_error}</p>
                </div>
                <div class="grid gap-5 sm:grid-cols-2">{questions}</div>
                <div><button type="submit" class=BUTTON_PRIMARY>{t("reference-record")}</button></div>
            </form>
        </section>
    }
}
