//! The case named by the URL, and the head of its summary page (reference, state, key figures).

use crate::cases::CaseOverview;
use crate::error::AppError;
use crate::i18n::labels::Labelled;
use crate::ui::components::forms::BUTTON_PRIMARY;
use crate::ui::components::tone::{band_badge, state_badge};
use crate::ui::i18n::{t, t_args};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

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
        (Some(segment), true) => (format!("/cases/{id}/edit/{segment}"), t("overview-continue")),
        (None, true) => (format!("/cases/{id}/edit/case"), t("overview-answer")),
        (_, false) => (format!("/cases/{id}/edit/case"), t("overview-view-answers")),
    };
    view! {
        <header class="flex flex-wrap items-start justify-between gap-4">
            <div>
                <p class="font-mono text-sm text-sky-800">{format!("{} · {} · {}", item.reference, item.country, t_args("overview-version", &[("n", item.version_no.to_string())]))}</p>
                <h1 class="mt-1 text-2xl font-bold text-slate-900">{item.title.clone()}</h1>
                <p class="mt-1 text-sm text-slate-600">{t_args("overview-started", &[("date", created_at), ("name", created_by), ("methodology", methodology_version)])}</p>
            </div>
            <div class="flex items-center gap-3">
                {state_badge(item.state)}
                {may_open_form.then(|| view! { <a href=form_link.0 class=format!("{BUTTON_PRIMARY} print:hidden")>{form_link.1}</a> })}
            </div>
        </header>
        <dl class="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Fact label=t("summary-overall-band")>{band_badge(item.overall_band)}</Fact>
            <Fact label=t("summary-recommended-decision")>{item.overall_decision.map(|d| t(d.label_id())).unwrap_or_else(|| t("overview-not-computed"))}</Fact>
            <Fact label=t("summary-next-review")>{next_review_date.unwrap_or_else(|| "—".into())}</Fact>
            <Fact label=t("overview-components")>{components.join(", ")}</Fact>
        </dl>
        // Open answers matter while the answers can still change; a submitted or decided version's
        // summary leads with its decision instead.
        {item.state.editable().then(|| view! {
        <section class="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="open-h">
            <h2 id="open-h" class="text-lg font-semibold text-slate-900">
                {if open_items_total == 0 { t("overview-complete") } else { t_args("overview-still-to-answer", &[("n", open_items_total.to_string())]) }}
            </h2>
            {(open_items_total > 0).then(|| view! {
                <ul class="mt-3 list-disc space-y-1 ps-5 text-sm text-slate-700" data-testid="open-items">
                    {open_items.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                </ul>
            })}
            {(open_items_total == 0).then(|| view! {
                <p class="mt-2 text-sm text-slate-700">{if item.can_submit { t("overview-nothing-blocks") } else { t("overview-engine-blocks") }}</p>
            })}
        </section>
        })}
    }
}

#[component]
fn Fact(label: String, children: Children) -> impl IntoView {
    view! {
        <div class="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <dt class="text-xs font-semibold uppercase tracking-wide text-slate-600">{label}</dt>
            <dd class="mt-1 text-lg font-semibold text-slate-900">{children()}</dd>
        </div>
    }
}
