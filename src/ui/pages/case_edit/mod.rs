//! The guided assessment (`/cases/{id}/edit/{step}`): one URL per step (spec §3.6), a progress list,
//! the step's questions and parts, save / conflict handling and the live risk preview.
//!
//! The page is a plain HTML form that posts to the same URL, so it works without JavaScript; with
//! JavaScript the browser keeps the draft, scores it with the WASM engine on every change and saves
//! each step through the `cases/save-step` server function when the user moves on.

mod fields;
mod keep;
mod panels;
mod state;

use crate::cases::parts;
use crate::cases::steps::{neighbours, parse_segment, statuses, steps_for, StepRef, StepStatus};
use crate::cases::wizard_types::CaseEditor;
use crate::cases::ReviewNote;
use crate::error::AppError;
use crate::methodology::catalogue::Scope;
use crate::methodology::draft::{shown_questions, Draft};
use crate::ui::components::access::AccessProblem;
use crate::ui::components::forms::{BUTTON_DANGER, BUTTON_PRIMARY, BUTTON_SECONDARY, INPUT};
use crate::ui::components::tone::state_badge;
use crate::ui::i18n::{t, t_count, t_with};
use crate::web::server_fns::cases::{get_case_editor, ChangeComponent, SubmitCase};
use fields::{ConfirmCountryContext, ListEditor, ObjectEditor, QuestionField, SeverityEditor};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use panels::{MitigationEffect, PreviewPanel, Recommendation, RequiredConsultations, ReviewSummary, ScreeningTable};
use serde_json::Value;
use state::{SaveStatus, Wizard};
use std::sync::Arc;

#[component]
pub fn WizardPage() -> impl IntoView {
    let editor = crate::ui::components::case_overview::case_resource(get_case_editor);
    let params = use_params_map();
    let query = use_query_map();
    view! {
        <Transition fallback=|| view! { <p class="text-slate-600">{t("wizard-loading")}</p> }>
            {move || editor.get().map(|result| match result {
                Err(e) => view! { <Title text=t("wizard-assessment")/><AccessProblem error=e/> }.into_any(),
                Ok(editor) => {
                    let segment = params.with_untracked(|p| p.get("step").unwrap_or_default());
                    let saved = query.with_untracked(|q| q.get("saved").is_some());
                    let title = page_title(&editor, &segment);
                    // The catalogue and words stand beside the island, made once (`crate::preload`).
                    let (key, book) = (editor.book.key().to_string(), editor.book.text().to_string());
                    view! {
                        <Title text=title/>
                        <script type="application/json" data-island-data=key inner_html=book></script>
                        <WizardIsland editor segment saved/>
                    }
                    .into_any()
                }
            })}
        </Transition>
    }
}

/// The tab title of a step: "Step title · reference".
fn page_title(editor: &CaseEditor, segment: &str) -> String {
    let components = editor.draft.component_ids();
    let step = parse_segment(&editor.book.catalogue, &components, segment);
    format!("{} · {}", step.map(|s| s.title).unwrap_or_else(|| t("wizard-assessment")), editor.reference)
}

/// The wizard, the one part of the application that runs in the browser (a Leptos island): the
/// server renders it complete, then the WASM engine takes over. Its props travel in the page.
#[island]
fn WizardIsland(editor: CaseEditor, segment: String, saved: bool) -> impl IntoView {
    // The island's words for coded values, from the server (the browser holds no translations).
    provide_context(crate::ui::i18n::IslandWords(editor.book.words.clone()));
    view! { <WizardBody editor segment saved/> }
}

#[component]
fn WizardBody(editor: CaseEditor, segment: String, saved: bool) -> impl IntoView {
    let w = Wizard::new(&editor, segment);
    provide_context(w);
    let segment = w.segment;
    let steps: Memo<Arc<Vec<StepRef>>> = Memo::new(move |_| {
        let components = w.draft.with(Draft::component_ids);
        Arc::new(w.with_catalogue(|c| steps_for(c, &components)))
    });
    let steps_signal: Signal<Arc<Vec<StepRef>>> = steps.into();
    let current = Memo::new(move |_| {
        let components = w.draft.with(Draft::component_ids);
        segment.with(|s| w.with_catalogue(|c| parse_segment(c, &components, s)))
    });

    // Nothing typed is lost: read what was typed while the page loaded (before the inputs are
    // bound to the draft), then, once the page is interactive, take it — or the changes this
    // browser kept unsent — into the draft, and keep unsent changes in local storage.
    let typed = current.get_untracked().and_then(|step| keep::read_typed(&w, &editor, &step));
    let kept: RwSignal<Option<keep::Kept>> = RwSignal::new(None);
    let ready = RwSignal::new(false);
    {
        let (revision, draft) = (editor.revision, editor.draft.clone());
        Effect::new(move |first: Option<()>| {
            if first.is_none() {
                let restored = keep::restore(&w, revision, &draft);
                let outcome = restored.or_else(|| typed.clone().map(|t| t.apply(&w)));
                if matches!(outcome, Some(keep::Kept::Restored(_))) {
                    w.flush(steps.get_untracked());
                }
                kept.set(outcome);
                ready.set(true);
            }
        });
    }
    Effect::new(move |_| keep::remember(&w));

    // Moving to another step (Next, Back, the progress list, the browser's back button) saves the
    // step just left; the notice "saved" of a plain form post belongs to the step it came with.
    let saved_notice = RwSignal::new(saved);
    Effect::watch(
        move || segment.get(),
        move |_, _, _| {
            saved_notice.set(false);
            w.flush(steps.get_untracked());
        },
        false,
    );
    // The tab title follows the step (the server wrote the first one).
    let reference_for_title = editor.reference.clone();
    Effect::watch(
        move || current.get().map(|s| s.title),
        move |title, _, _| {
            let title =
                format!("{} · {} · HRDD", title.clone().unwrap_or_else(|| t("wizard-assessment")), reference_for_title);
            #[cfg(feature = "hydrate")]
            document().set_title(&title);
            #[cfg(not(feature = "hydrate"))]
            let _ = title;
        },
        false,
    );
    // The browser's back and forward buttons move between the steps visited.
    #[cfg(feature = "hydrate")]
    {
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            let path = window().location().pathname().unwrap_or_default();
            if let Some(s) = w.segment_of(&path) {
                segment.set(s);
            }
        });
        on_cleanup(move || handle.remove());
    }
    // A link to another step of this case (progress list, "missing" lists, comments) changes the
    // step in place instead of loading the page again; other links load as usual.
    let follow_step_links = move |ev: leptos::ev::MouseEvent| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            if ev.default_prevented()
                || ev.button() != 0
                || ev.ctrl_key()
                || ev.meta_key()
                || ev.shift_key()
                || ev.alt_key()
            {
                return;
            }
            let link = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("a[href]").ok().flatten());
            if let Some(s) = link.and_then(|a| a.get_attribute("href")).and_then(|href| w.segment_of(&href)) {
                ev.prevent_default();
                w.go(s);
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    let title = editor.title.clone();
    let case_state = editor.state;

    let step_notes = StoredValue::new(editor.step_notes.clone());
    view! {
        <div on:click=follow_step_links>
        <header class="flex flex-wrap items-start justify-between gap-4">
            <div>
                <p class="font-mono text-sm text-sky-800"><a href=format!("/cases/{}", editor.id) class="underline-offset-2 hover:underline">{editor.reference.clone()}</a> " · " {editor.country.clone()}</p>
                <h1 class="mt-1 text-2xl font-bold text-slate-900">{title}</h1>
            </div>
            <div class="flex items-center gap-3">
                {state_badge(case_state)}
                <SaveIndicator steps=steps_signal saved_notice=saved_notice.into()/>
            </div>
        </header>
        {(!w.can_edit && !w.can_advise).then(|| view! {
            <p class="mt-4 rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900" role="note">
                {if case_state.editable() { t("wizard-viewing-only") } else { t("wizard-read-only") }}
            </p>
        })}
        {editor.return_note.clone().map(|n| {
            let about = n.segment.clone();
            let case_id = editor.id;
            view! {
                <div class="mt-4 rounded-md border border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-950" role="note" data-testid="return-note">
                    <p class="font-semibold">{t_with("wizard-returned-by", &[("by", n.by.clone().into()), ("at", n.at.clone().into())])}</p>
                    <p class="mt-1 whitespace-pre-line">{n.body}</p>
                    {about.map(|s| view! {
                        <p class="mt-1"><a href=format!("/cases/{case_id}/edit/{s}") class="text-sky-800 underline">{t("wizard-open-commented-step")}</a></p>
                    })}
                </div>
            }
        })}
        {move || kept.get().map(|k| view! {
            <p class="mt-4 rounded-md border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-950" role="status" data-testid="kept-notice">{k.message()}</p>
        })}
        <ConflictPanel steps=steps_signal/>
        <div class="mt-6 grid gap-6 xl:grid-cols-[15rem_minmax(0,1fr)_20rem] lg:grid-cols-[15rem_minmax(0,1fr)]">
            <ProgressNav steps=steps_signal current=Signal::derive(move || current.get())/>
            // On a phone the step comes first, the list of steps after it.
            <div class="order-first min-w-0 lg:order-none">
                {move || match current.get() {
                    Some(step) => {
                        let segment = step.segment();
                        let notes: Vec<ReviewNote> =
                            step_notes.with_value(|all| all.iter().filter(|n| n.segment.as_deref() == Some(segment.as_str())).cloned().collect());
                        view! { <StepForm step steps=steps_signal ready=ready.into() notes/> }.into_any()
                    }
                    None => view! { <AccessProblem error=AppError::NotFound(t("wizard-no-such-step"))/> }.into_any(),
                }}
            </div>
            <div class="lg:col-span-2 xl:col-span-1"><PreviewPanel steps=steps_signal/></div>
        </div>
        </div>
    }
}

/// Saved / saving / failed, with a retry; announced to screen readers.
#[component]
fn SaveIndicator(steps: Signal<Arc<Vec<StepRef>>>, saved_notice: Signal<bool>) -> impl IntoView {
    let w = expect_context::<Wizard>();
    let text = move || match w.status.get() {
        SaveStatus::Saving => ("wizard-saving", "text-slate-700"),
        SaveStatus::Saved => ("wizard-all-saved", "text-emerald-800"),
        SaveStatus::Failed(_) => ("wizard-not-saved", "text-red-800"),
        SaveStatus::Conflict => ("wizard-not-saved-conflict", "text-red-800"),
        SaveStatus::Idle if w.has_unsaved() => ("wizard-unsaved", "text-amber-800"),
        SaveStatus::Idle if saved_notice.get() => ("wizard-all-saved", "text-emerald-800"),
        SaveStatus::Idle => ("wizard-saved-on-server", "text-slate-600"),
    };
    view! {
        <div class="flex items-center gap-2 text-sm" role="status" aria-live="polite" data-testid="save-status">
            <span class=move || format!("font-medium {}", text().1)>{move || t(text().0)}</span>
            {move || match w.status.get() {
                SaveStatus::Failed(msg) => view! {
                    <span class="text-red-800">{msg}</span>
                    <button type="button" class=BUTTON_SECONDARY on:click=move |_| w.flush(steps.get_untracked())>{t("wizard-retry")}</button>
                }.into_any(),
                _ => ().into_any(),
            }}
        </div>
    }
}

/// The steps with their status; the current one marked. Each is a link (the step left is saved).
#[component]
fn ProgressNav(steps: Signal<Arc<Vec<StepRef>>>, current: Signal<Option<StepRef>>) -> impl IntoView {
    let w = expect_context::<Wizard>();
    let list = move || {
        let steps = steps.get();
        let outcome = w.outcome.get();
        let st = w.draft.with(|d| w.with_catalogue(|c| statuses(c, d, &outcome, &steps)));
        let cur = current.get();
        steps
            .iter()
            .zip(st)
            .map(|(s, status)| {
                let is_current = cur.as_ref() == Some(s);
                let (icon, colour) = match status {
                    StepStatus::Done => ("✓", "bg-emerald-700 text-white"),
                    StepStatus::Blocked => ("!", "bg-red-700 text-white"),
                    StepStatus::Incomplete => ("…", "bg-amber-400 text-amber-950"),
                    StepStatus::NotStarted => ("", "border border-slate-400 bg-white"),
                };
                // Per-component steps are named in full with their component ("8. Decision and
                // monitoring — C2"): several components must never give identical truncated names.
                let label = match &s.component {
                    Some(c) => format!("{} — {c}", s.title),
                    None => s.title.clone(),
                };
                let href = w.step_href(&s.segment());
                let text = format!("{}. {label}", s.number);
                view! {
                    <li>
                        <a href=href class=format!("flex items-center gap-2 rounded-md px-2 py-1.5 text-sm {}", if is_current { "bg-sky-100 font-semibold text-sky-950" } else { "text-slate-800 hover:bg-slate-100" })
                            aria-current=if is_current { "step" } else { "false" } data-status=status.label()>
                            <span class=format!("inline-flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold {colour}") aria-hidden="true">{icon}</span>
                            <span class="min-w-0 flex-1 break-words">{text}</span>
                            <span class="sr-only">{format!("({})", t(status_label_id(status)))}</span>
                        </a>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <nav aria-label=t("wizard-steps-nav") class="rounded-xl border border-slate-200 bg-white p-3 shadow-sm lg:sticky lg:top-4 lg:self-start">
            <h2 class="px-2 pb-2 text-xs font-bold uppercase tracking-wide text-slate-600">{t("wizard-steps")}</h2>
            <ol class="space-y-0.5" data-testid="progress">{list}</ol>
        </nav>
    }
}

/// One step: its questions and parts inside a form that also posts without JavaScript.
#[component]
fn StepForm(
    step: StepRef,
    steps: Signal<Arc<Vec<StepRef>>>,
    /// True once the page is interactive (`data-ready` on the form, for the slow-link tests).
    ready: Signal<bool>,
    /// Reviewers' and advisers' comments about this step, newest first.
    notes: Vec<ReviewNote>,
) -> impl IntoView {
    let w = expect_context::<Wizard>();
    let catalogue_step = w.with_catalogue(|c| c.step(step.number).cloned()).expect("parsed steps exist");
    let questions: Vec<_> =
        w.with_catalogue(|c| catalogue_step.questions.iter().filter_map(|id| c.question(id).cloned()).collect());
    let scope = if step.component.is_some() { Scope::Component } else { Scope::Case };
    let shown = {
        let step = step.clone();
        Memo::new(move |_| {
            w.draft.with(|d| {
                let Some(answers) = d.answers(step.component.as_deref()) else { return Vec::new() };
                w.with_catalogue(|c| {
                    shown_questions(c, answers, scope).into_iter().map(String::from).collect::<Vec<_>>()
                })
            })
        })
    };
    let (prev, next) = {
        let all = steps.get_untracked();
        let (p, n) = neighbours(&all, &step);
        (p.cloned(), n.cloned())
    };
    let action = format!("/cases/{}/edit/{}", w.case_id, step.segment());
    let go = RwSignal::new(String::new());
    let on_submit = {
        let segment = step.segment();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            w.attempted.set(true);
            w.flush(steps.get_untracked());
            let target = go.get_untracked();
            if !target.is_empty() && target != segment {
                w.go(target);
            }
        }
    };
    let component = step.component.clone().unwrap_or_default();
    let title = match &step.component {
        Some(c) => format!("{} — {c}", step.title),
        None => step.title.clone(),
    };
    let step_total: u32 = 9;
    let body_questions = questions
        .into_iter()
        .map(|q| {
            let id = q.id.clone();
            view! { <QuestionField question=q step=step.clone() shown=Signal::derive(move || shown.with(|s| s.contains(&id)))/> }
        })
        .collect_view();
    let parts_view = parts::parts_of_step(step.number)
        .iter()
        .map(|p| {
            if p.list {
                view! { <ListEditor part=p step=step.clone()/> }.into_any()
            } else {
                view! { <ObjectEditor part=p step=step.clone()/> }.into_any()
            }
        })
        .collect_view();
    let extra = match step.number {
        5 => {
            let c = component.clone();
            let areas = Signal::derive(move || panels::triggered_areas(&w, &c));
            view! {
                <ScreeningTable component=component.clone()/>
                <SeverityEditor step=step.clone() areas/>
            }
            .into_any()
        }
        6 => view! { <MitigationEffect component=component.clone()/> }.into_any(),
        7 => view! { <RequiredConsultations/> }.into_any(),
        8 => view! { <Recommendation component=component.clone()/> }.into_any(),
        9 => view! { <ReviewSummary steps/> }.into_any(),
        _ => ().into_any(),
    };
    let is_support_step = step.number == 3;
    let is_review = step.number == 9;
    let writable = w.can_edit || (w.can_advise && step.number == 7);
    let revision = w.revision;
    view! {
        <section class="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="step-h">
            <p class="text-xs font-semibold uppercase tracking-wide text-sky-800">{t_with("wizard-step-of", &[("number", u32::from(step.number).into()), ("total", step_total.into())])}</p>
            <h2 id="step-h" class="mt-1 text-xl font-bold text-slate-900">{title}</h2>
            <p class="mt-1 text-sm text-slate-600">{catalogue_step.intro.clone()}</p>
            {is_support_step.then(|| view! { <ComponentManager current=component.clone()/> })}
            {(!notes.is_empty()).then(|| view! {
                <div class="mt-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" role="note" data-testid="step-notes">
                    <p class="font-semibold">{t_with("wizard-step-comments", &[("number", notes.len().into())])}</p>
                    <ul class="mt-1 space-y-2">
                        {notes.into_iter().map(|n| view! {
                            <li>
                                <p class="text-xs text-amber-900">{format!("{} · {} · {}", n.kind, n.by, n.at)}</p>
                                <p class="whitespace-pre-line">{n.body}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            <StepProblems step=step.clone()/>
            <form method="post" action=action novalidate="true" class="mt-6 space-y-6" on:submit=on_submit data-testid="step-form" data-ready=move || ready.get().to_string()>
                <input type="hidden" name="_revision" prop:value=move || revision.get().to_string() value=revision.get_untracked().to_string()/>
                // Enter in a text field saves without moving (the first submit button is the default).
                <button type="submit" name="_go" value="" class="sr-only" tabindex="-1" aria-hidden="true" on:click=move |_| go.set(String::new())>{t("wizard-save")}</button>
                {extra}
                <div class="space-y-6">{body_questions}</div>
                {(step.number == 2).then(|| view! { <ConfirmCountryContext step=step.clone()/> })}
                <div class="space-y-6">{parts_view}</div>
                <div class="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-5">
                    <div>
                        {prev.map(|p| {
                            let seg = p.segment();
                            view! { <button type="submit" name="_go" value=seg.clone() class=BUTTON_SECONDARY on:click=move |_| go.set(seg.clone())><span class="inline-block rtl:-scale-x-100">"←"</span>{format!(" {}", t("wizard-back"))}</button> }
                        })}
                    </div>
                    <div class="flex gap-3">
                        {writable.then(|| view! { <button type="submit" name="_go" value="" class=BUTTON_SECONDARY on:click=move |_| go.set(String::new())>{t("wizard-save-draft")}</button> })}
                        {next.map(|n| {
                            let seg = n.segment();
                            view! { <button type="submit" name="_go" value=seg.clone() class=BUTTON_PRIMARY on:click=move |_| go.set(seg.clone())>{format!("{} ", t("wizard-next"))}<span class="inline-block rtl:-scale-x-100">"→"</span></button> }
                        })}
                    </div>
                </div>
            </form>
            {is_review.then(|| view! { <SubmitBox/> })}
        </section>
    }
}

/// The step's summary of what is still missing or wrong (shown after a save attempt).
#[component]
fn StepProblems(step: StepRef) -> impl IntoView {
    let w = expect_context::<Wizard>();
    let problems = Memo::new(move |_| {
        let outcome = w.outcome.get();
        let index = step.component.as_ref().and_then(|c| w.draft.with(|d| d.component_index(c)));
        w.with_catalogue(|cat| {
            outcome
                .errors()
                .iter()
                .filter(|e| crate::cases::steps::step_of_path(cat, &e.path) == (step.number, index))
                .map(|e| e.message.clone())
                .collect::<Vec<_>>()
        })
    });
    move || {
        let list = problems.get();
        (w.attempted.get() && !list.is_empty()).then(|| {
            view! {
                <div class="mt-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" role="alert" data-testid="step-problems">
                    <p class="font-semibold">{t_count("wizard-step-problems", list.len(), &[])}</p>
                    <ul class="mt-1 list-disc ps-5">{list.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

/// Shown when a save was refused because someone else saved first: their changes, the user's own
/// values, and a choice per field.
#[component]
fn ConflictPanel(steps: Signal<Arc<Vec<StepRef>>>) -> impl IntoView {
    let w = expect_context::<Wizard>();
    move || {
        w.conflict.get().map(|c| {
            let mine = w.draft.get_untracked();
            let base = w.base.get_untracked();
            let choices: Vec<(String, RwSignal<bool>)> = c
                .changes
                .iter()
                .map(|ch| {
                    let my_value = state::read(&mine, &c.step, &ch.question_id).cloned().unwrap_or(Value::Null);
                    let base_value = state::read(&base, &c.step, &ch.question_id).cloned().unwrap_or(Value::Null);
                    // Default: keep what I changed; take theirs where I changed nothing.
                    (ch.question_id.clone(), RwSignal::new(my_value == base_value))
                })
                .collect();
            let rows = c
                .changes
                .iter()
                .zip(choices.iter())
                .map(|(ch, (_, take_theirs))| {
                    let my_value = state::read(&mine, &c.step, &ch.question_id).cloned().unwrap_or(Value::Null);
                    let take_theirs = *take_theirs;
                    let name = format!("choice-{}", ch.question_id);
                    view! {
                        <tr class="align-top">
                            <th scope="row" class="px-3 py-2 text-start font-medium">{ch.label.clone()}</th>
                            <td class="px-3 py-2"><code class="text-xs">{show(&ch.theirs)}</code></td>
                            <td class="px-3 py-2"><code class="text-xs">{show(&my_value)}</code></td>
                            <td class="px-3 py-2">
                                <fieldset class="flex gap-3 text-sm"><legend class="sr-only">{t_with("wizard-conflict-keep-which", &[("field", ch.label.clone().into())])}</legend>
                                    <label class="inline-flex items-center gap-1"><input type="radio" name=name.clone() prop:checked=move || !take_theirs.get() on:change=move |_| take_theirs.set(false)/>{t("wizard-conflict-mine-choice")}</label>
                                    <label class="inline-flex items-center gap-1"><input type="radio" name=name prop:checked=move || take_theirs.get() on:change=move |_| take_theirs.set(true)/>{t("wizard-conflict-theirs-choice")}</label>
                                </fieldset>
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            let apply = move |_| {
                let take: Vec<String> = choices.iter().filter(|(_, t)| t.get_untracked()).map(|(k, _)| k.clone()).collect();
                w.resolve(&take, steps.get_untracked());
            };
            let step_label = match &c.step.component {
                Some(comp) => format!("{} — {comp}", c.step.title),
                None => c.step.title.clone(),
            };
            view! {
                <section class="mt-6 rounded-xl border-2 border-red-300 bg-red-50 p-5" role="alertdialog" aria-labelledby="conflict-h" data-testid="conflict">
                    <h2 id="conflict-h" class="text-lg font-bold text-red-950">{t_with("wizard-conflict-heading", &[("who", c.saved_by.clone().into())])}</h2>
                    <p class="mt-1 text-sm text-red-950">{t_with("wizard-conflict-intro", &[("step", step_label.clone().into())])}</p>
                    {if c.changes.is_empty() {
                        view! { <p class="mt-3 text-sm">{t("wizard-conflict-other-steps")}</p> }.into_any()
                    } else {
                        view! {
                            <div class="mt-3 overflow-x-auto rounded-md border border-red-200 bg-white" tabindex="0">
                                <table class="min-w-full divide-y divide-slate-200 text-sm">
                                    <thead class="bg-slate-50 text-start text-xs uppercase text-slate-600"><tr><th scope="col" class="px-3 py-2">{t("wizard-conflict-field")}</th><th scope="col" class="px-3 py-2">{t_with("wizard-conflict-theirs", &[("who", c.saved_by.clone().into())])}</th><th scope="col" class="px-3 py-2">{t("wizard-conflict-yours")}</th><th scope="col" class="px-3 py-2">{t("wizard-conflict-keep")}</th></tr></thead>
                                    <tbody class="divide-y divide-slate-100">{rows}</tbody>
                                </table>
                            </div>
                        }.into_any()
                    }}
                    <div class="mt-4 flex flex-wrap gap-3">
                        <button type="button" class=BUTTON_PRIMARY on:click=apply>{t("wizard-conflict-save")}</button>
                        <button type="button" class=BUTTON_SECONDARY on:click=move |_| w.discard_mine()>{t("wizard-conflict-discard")}</button>
                    </div>
                </section>
            }
        })
    }
}

fn show(v: &Value) -> String {
    match v {
        Value::Null => t("wizard-value-empty"),
        Value::String(s) => s.clone(),
        Value::Bool(true) => t("wizard-yes"),
        Value::Bool(false) => t("wizard-no"),
        Value::Array(items) if items.iter().all(Value::is_string) => {
            items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", ")
        }
        Value::Array(items) => {
            t_count("wizard-value-items", items.len(), &[("list", Value::Array(items.clone()).to_string().into())])
        }
        other => other.to_string(),
    }
}

/// Step 3's list of support components: add, rename, duplicate, remove (with a confirmation box).
/// Each action is a form post (works without JavaScript) against the current revision; its answer
/// redirects to the step to show next, which loads the changed case.
#[component]
fn ComponentManager(current: String) -> impl IntoView {
    let w = expect_context::<Wizard>();
    let action = ServerAction::<ChangeComponent>::new();
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()).map(|e| e.to_string()));
    let ids = Memo::new(move |_| w.draft.with(Draft::component_ids));
    if !w.can_edit {
        return ().into_any();
    }
    let form = move |kind: &'static str,
                     component: String,
                     placeholder: String,
                     button: String,
                     back_to: Option<String>| {
        let input_id = format!("comp-{kind}-{component}");
        view! {
            <ActionForm action attr:class="flex flex-wrap items-end gap-2">
                <input type="hidden" name="id" value=w.case_id/>
                <input type="hidden" name="revision" prop:value=move || w.revision.get() value=w.revision.get_untracked()/>
                <input type="hidden" name="action" value=kind/>
                <input type="hidden" name="component" value=component.clone()/>
                {back_to.map(|b| view! { <input type="hidden" name="back_to" value=b/> })}
                <div>
                    <label for=input_id.clone() class="block text-xs font-medium text-slate-700">{placeholder}</label>
                    <input id=input_id name="new_id" type="text" maxlength="80" required class=format!("{INPUT} w-56") placeholder=t("wizard-component-example")
                        title=t("wizard-component-hint")/>
                </div>
                <button type="submit" class=BUTTON_SECONDARY disabled=move || action.pending().get() || w.has_unsaved()>{button}</button>
            </ActionForm>
        }
    };
    let list = {
        let current = current.clone();
        move || {
            let all = ids.get();
            let only_one = all.len() == 1;
            all.into_iter()
                .map(|c| {
                    let is_current = c == current;
                    let href = format!("/cases/{}/edit/support-{c}", w.case_id);
                    let name = c.clone();
                    view! {
                        <li class=format!("rounded-lg border p-3 {}", if is_current { "border-sky-300 bg-sky-50" } else { "border-slate-200 bg-white" })>
                            <p class="text-sm font-semibold">
                                <a href=href class="text-sky-800 underline">{name}</a>
                                {is_current.then(|| view! { <span class="ms-2 text-xs font-normal text-slate-600">{t("wizard-this-page")}</span> })}
                            </p>
                            <div class="mt-2 flex flex-wrap gap-4">
                                {form("rename", c.clone(), t("wizard-rename-to"), t("wizard-rename"), None)}
                                {form("duplicate", c.clone(), t("wizard-copy-as"), t("wizard-duplicate"), None)}
                                {(!only_one).then(|| {
                                    let cid = c.clone();
                                    let confirm_id = format!("confirm-remove-{cid}");
                                    view! {
                                        <ActionForm action attr:class="flex flex-wrap items-end gap-2">
                                            <input type="hidden" name="id" value=w.case_id/>
                                            <input type="hidden" name="revision" prop:value=move || w.revision.get() value=w.revision.get_untracked()/>
                                            <input type="hidden" name="action" value="remove"/>
                                            <input type="hidden" name="component" value=cid.clone()/>
                                            <input type="hidden" name="back_to" value=format!("/cases/{}/edit/case", w.case_id)/>
                                            <label class="inline-flex items-center gap-2 text-xs text-red-900" for=confirm_id.clone()>
                                                <input id=confirm_id.clone() type="checkbox" name="confirm" value="yes" required class="size-4 accent-red-800"/>
                                                {t_with("wizard-remove-confirm", &[("component", cid.clone().into())])}
                                            </label>
                                            <button type="submit" class=BUTTON_DANGER disabled=move || action.pending().get() || w.has_unsaved()>{t("wizard-remove")}</button>
                                        </ActionForm>
                                    }
                                })}
                            </div>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    view! {
        <details class="mt-4 rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="components">
            <summary class="cursor-pointer text-sm font-semibold text-slate-900">{move || t_with("wizard-components", &[("number", ids.with(Vec::len).into())])}</summary>
            <p class="mt-2 text-xs text-slate-600">{t("wizard-components-help")}</p>
            <p class="mt-2 text-sm font-medium text-red-800" role="alert">{move || error.get()}</p>
            <ul class="mt-3 space-y-3">{list}</ul>
            <div class="mt-4 border-t border-slate-200 pt-3">{form("add", String::new(), t("wizard-new-component"), t("wizard-add-component"), None)}</div>
        </details>
    }
    .into_any()
}

/// Submit for review: enabled when the draft is valid, nothing blocks and everything is saved.
#[component]
fn SubmitBox() -> impl IntoView {
    let w = expect_context::<Wizard>();
    let submit = ServerAction::<SubmitCase>::new();
    let error = Signal::derive(move || submit.value().get().and_then(|r| r.err()).map(|e| e.to_string()));
    // A successful submission answers with a redirect to the case's summary.
    let ready = Memo::new(move |_| w.outcome.with(|o| o.result().is_some_and(|r| r.can_submit)));
    if !w.can_edit {
        return ().into_any();
    }
    view! {
        <div class="mt-6 rounded-lg border border-slate-200 bg-slate-50 p-4">
            <h3 class="text-base font-semibold">{t("wizard-submit")}</h3>
            <p class="mt-1 text-sm text-slate-700">{t("wizard-submit-help")}</p>
            <p class="mt-2 text-sm font-medium text-red-800" role="alert">{move || error.get()}</p>
            <ActionForm action=submit attr:class="mt-3">
                <input type="hidden" name="id" value=w.case_id/>
                <input type="hidden" name="revision" prop:value=move || w.revision.get() value=w.revision.get_untracked()/>
                <button type="submit" class=BUTTON_PRIMARY data-testid="submit-case"
                    disabled=move || !ready.get() || w.has_unsaved() || submit.pending().get()>
                    {t("wizard-submit")}
                </button>
                {move || (!ready.get()).then(|| view! { <span class="ms-3 text-sm text-slate-700">{t("wizard-submit-unavailable")}</span> })}
                {move || (ready.get() && w.has_unsaved()).then(|| view! { <span class="ms-3 text-sm text-slate-700">{t("wizard-save-first")}</span> })}
            </ActionForm>
        </div>
    }
    .into_any()
}

/// The message id of a step's status, said to screen readers in the progress list.
fn status_label_id(status: StepStatus) -> &'static str {
    match status {
        StepStatus::Done => "wizard-status-done",
        StepStatus::Incomplete => "wizard-status-incomplete",
        StepStatus::Blocked => "wizard-status-blocked",
        StepStatus::NotStarted => "wizard-status-not-started",
    }
}
