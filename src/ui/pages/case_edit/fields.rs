//! Inputs of the wizard: one per catalogue question (by its kind) and one editor per structured
//! part. Every input carries a form `name` too, so the page also saves as a plain form post.

use super::state::{path_prefix, read, slot_of, Wizard};
use crate::cases::parts::{self, FieldKind, Need, Part, PartField, NONE_OF_THESE};
use crate::cases::steps::StepRef;
use crate::methodology::catalogue::PartWords;
use crate::methodology::catalogue::{Kind, Question};
use crate::reference::Confirmation;
use crate::ui::components::forms::INPUT;
use crate::ui::i18n::{t, t_with};
use leptos::prelude::*;
use serde_json::{Map, Value};

const LABEL: &str = "block text-sm font-semibold text-slate-900";
const HELP: &str = "mt-1 text-sm text-slate-600";
const ERROR: &str = "mt-1 text-sm font-medium text-red-800";
const CHOICE: &str = "flex items-start gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm has-[:checked]:border-sky-700 has-[:checked]:bg-sky-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-700";
const CHECK: &str = "mt-0.5 size-4 accent-sky-800";

/// One question of the step, shown or hidden by its condition.
#[component]
pub fn QuestionField(question: Question, step: StepRef, #[prop(into)] shown: Signal<bool>) -> impl IntoView {
    let w = expect_context::<Wizard>();
    let id = question.id.clone();
    let dom_id = format!("f-{id}");
    let help_id = format!("{dom_id}-help");
    let error_id = format!("{dom_id}-error");
    let described = format!("{help_id} {error_id}");
    let path = {
        let (step, id) = (step.clone(), id.clone());
        Memo::new(move |_| w.draft.with(|d| format!("{}{}", path_prefix(d, &step, slot_of(&id)), id)))
    };
    let value = {
        let (step, id) = (step.clone(), id.clone());
        Memo::new(move |_| w.draft.with(|d| read(d, &step, &id).cloned()))
    };
    let error = {
        let id = id.clone();
        Memo::new(move |_| {
            let server = w.server_error.with(|e| e.as_ref().filter(|(f, _)| *f == id).map(|(_, m)| m.clone()));
            server.or_else(|| w.error_at(&path.get(), value.with(Option::is_some)))
        })
    };
    let text_value = move || value.get().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
    // The country is fixed when the case is created (it decides who may see it).
    let locked = id == "country";
    let disabled = !w.can_edit || locked;
    let set = {
        let (step, id) = (step.clone(), id.clone());
        move |v: Value| w.set(&step, &id, v)
    };
    let values =
        question.enum_name.as_deref().map(|e| w.with_catalogue(|c| c.enum_values(e).to_vec())).unwrap_or_default();
    let title = format!("{} {}", question.display, question.label);
    // "(optional)" only where the spec says so and no rule can make the answer required.
    let marker = if question.shown_as_optional() {
        Some(format!(" {}", t("wizard-optional")))
    } else {
        question.required_when.as_deref().map(required_when)
    };
    let none_choice = question.empty_list_is_an_answer();
    let input = match question.kind {
        Kind::Text => {
            let set = set.clone();
            let long = !matches!(id.as_str(), "office" | "programme_title" | "programme_ref" | "recipient_unit");
            if long {
                view! {
                    <textarea id=dom_id.clone() name=format!("q.{id}") rows="3" class=INPUT disabled=disabled
                        aria-describedby=described.clone() aria-invalid=move || error.with(Option::is_some).to_string()
                        prop:value=text_value
                        on:input=move |ev| set(Value::String(event_target_value(&ev)))>
                        {value.get_untracked().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()}
                    </textarea>
                }
                .into_any()
            } else {
                view! {
                    <input id=dom_id.clone() name=format!("q.{id}") type="text" class=INPUT disabled=disabled
                        aria-describedby=described.clone() aria-invalid=move || error.with(Option::is_some).to_string()
                        prop:value=text_value value=text_value
                        on:input=move |ev| set(Value::String(event_target_value(&ev)))/>
                }
                .into_any()
            }
        }
        Kind::Country => {
            let set = set.clone();
            view! {
                <input id=dom_id.clone() name=format!("q.{id}") type="text" maxlength="2" autocomplete="off" class=format!("{INPUT} max-w-24 uppercase")
                    disabled=disabled aria-describedby=described.clone() aria-invalid=move || error.with(Option::is_some).to_string()
                    prop:value=text_value value=text_value
                    on:input=move |ev| set(Value::String(event_target_value(&ev).to_ascii_uppercase()))/>
            }.into_any()
        }
        Kind::Date => {
            let set = set.clone();
            view! {
                <input id=dom_id.clone() name=format!("q.{id}") type="date" class=format!("{INPUT} max-w-48") disabled=disabled
                    aria-describedby=described.clone() aria-invalid=move || error.with(Option::is_some).to_string()
                    prop:value=text_value value=text_value
                    on:input=move |ev| set(Value::String(event_target_value(&ev)))/>
            }.into_any()
        }
        Kind::Int => {
            let set = set.clone();
            view! {
                <input id=dom_id.clone() name=format!("q.{id}") type="number" min="0" step="1" inputmode="numeric" class=format!("{INPUT} max-w-32")
                    disabled=disabled aria-describedby=described.clone() aria-invalid=move || error.with(Option::is_some).to_string()
                    prop:value=move || value.get().map(|v| FieldKind::to_form(&v)).unwrap_or_default() value=move || value.get().map(|v| FieldKind::to_form(&v)).unwrap_or_default()
                    on:input=move |ev| set(parts::int_from_form(&event_target_value(&ev)))/>
            }.into_any()
        }
        Kind::Enum => {
            let set = set.clone();
            view! {
                <select id=dom_id.clone() name=format!("q.{id}") class=INPUT disabled=disabled aria-describedby=described.clone()
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    on:change=move |ev| set(FieldKind::Text.from_form(&event_target_value(&ev)))>
                    <option value="" selected=move || value.with(Option::is_none)>{t("wizard-choose")}</option>
                    {values.iter().map(|v| {
                        let code = v.code.clone();
                        let is = move || value.with(|x| x.as_ref().and_then(Value::as_str) == Some(code.as_str()));
                        view! { <option value=v.code.clone() selected=is>{v.label.clone()}</option> }
                    }).collect_view()}
                </select>
            }.into_any()
        }
        Kind::Bool => view! {
            <BoolChoice name=format!("q.{id}") dom_id=dom_id.clone() described=described.clone() disabled=disabled
                value=Signal::derive(move || value.get().and_then(|v| v.as_bool())) on_set=set.clone()/>
        }
        .into_any(),
        Kind::Multi => {
            let exclusive = question.exclusive.clone();
            view! {
                <div class="mt-2 grid gap-2 sm:grid-cols-2" role="group" aria-labelledby=format!("{dom_id}-label") aria-describedby=described.clone()>
                    {values.iter().enumerate().map(|(i, v)| {
                        let code = v.code.clone();
                        let set = set.clone();
                        let exclusive = exclusive.clone();
                        let checked = { let code = code.clone(); move || value.with(|x| x.as_ref().and_then(Value::as_array).is_some_and(|a| a.iter().any(|c| c.as_str() == Some(code.as_str())))) };
                        let toggle = move |ev: leptos::ev::Event| {
                            let on = event_target_checked(&ev);
                            let mut list: Vec<Value> = value.get_untracked().and_then(|v| v.as_array().cloned()).unwrap_or_default();
                            list.retain(|c| c.as_str() != Some(code.as_str()));
                            if on {
                                // An exclusive value (2.7 "none of these") replaces the others, and vice versa.
                                if exclusive.as_deref() == Some(code.as_str()) { list.clear(); }
                                else if let Some(x) = &exclusive { list.retain(|c| c.as_str() != Some(x.as_str())); }
                                list.push(Value::String(code.clone()));
                            }
                            // Unticking the last box leaves the question unanswered, not "none":
                            // only the explicit "None of these" choice stores an empty list.
                            set(if list.is_empty() { Value::Null } else { Value::Array(list) });
                        };
                        let help = v.help.clone();
                        view! {
                            <label class=CHOICE>
                                <input type="checkbox" class=CHECK id=format!("{dom_id}-{i}") name=format!("q.{id}") value=v.code.clone()
                                    disabled=disabled prop:checked=checked.clone() checked=checked on:change=toggle/>
                                <span>{v.label.clone()}{help.map(|h| view! { <span class="block text-xs text-slate-600">{h}</span> })}</span>
                            </label>
                        }
                    }).collect_view()}
                    {none_choice.then(|| {
                        let set = set.clone();
                        let checked = move || value.with(|x| x.as_ref().and_then(Value::as_array).is_some_and(Vec::is_empty));
                        view! {
                            <label class=CHOICE>
                                <input type="checkbox" class=CHECK id=format!("{dom_id}-none") name=format!("q.{id}") value=NONE_OF_THESE
                                    disabled=disabled prop:checked=checked checked=checked
                                    on:change=move |ev| set(if event_target_checked(&ev) { Value::Array(Vec::new()) } else { Value::Null })/>
                                <span class="font-medium">{t("wizard-none-of-these")}</span>
                            </label>
                        }
                    })}
                </div>
            }.into_any()
        }
        Kind::Interventions => {
            view! { <ListEditor part=&parts::PRIOR_INTERVENTIONS step=step.clone() embedded=true/> }.into_any()
        }
    };
    let is_group = matches!(question.kind, Kind::Bool | Kind::Multi | Kind::Interventions);
    let reference_note = w.reference.with_value(|b| b.item(&question.id).cloned()).map(|item| {
        let kept = item.entry.value.clone();
        let in_words =
            w.with_catalogue(|c| crate::reference::value_in_words(c, &question.id, kept.as_ref(), ""));
        let differs = move || value.get() != kept;
        let source = item.entry.source.citation.clone();
        let date = item.entry.effective_from.to_string();
        view! {
            <span class="mt-2 block rounded border border-sky-200 bg-sky-50 px-2 py-1 text-xs text-sky-950" data-testid="reference-note">
                {t_with("wizard-reference-note", &[("value", in_words.into()), ("date", date.into()), ("source", source.into())])}
                <span hidden=move || !differs() class="block font-medium text-amber-900">
                    {format!(" {}", t("wizard-reference-differs"))}
                </span>
            </span>
        }
    });
    let reason_box = (question.id != "country")
        .then(|| w.reference.with_value(|b| b.item(&question.id).cloned()))
        .flatten()
        .filter(|item| item.entry.value.is_some())
        .map(|item| view! { <ReferenceReason question=question.id.clone() step=step.clone() pre_filled=item.entry.value.clone() value/> });
    let references = question.references.join(" · ");
    let condition_text = question.condition_text.clone();
    // Hidden, not removed: the input keeps its state, and a hidden question posts nothing.
    view! {
            <div id=format!("q-{}", question.id) class="scroll-mt-24 border-t border-slate-200 pt-5 first:border-t-0 first:pt-0"
                data-question=question.id.clone() hidden=move || !shown.get()>
                <input type="hidden" name="_shown" value=question.id.clone() disabled=move || !shown.get()/>
                {if is_group {
                    view! { <p id=format!("{dom_id}-label") class=LABEL>{title.clone()} {marker.clone().map(|m| view! { <span class="font-normal text-slate-500">{m}</span> })}</p> }.into_any()
                } else {
                    view! { <label id=format!("{dom_id}-label") for=dom_id.clone() class=LABEL>{title.clone()} {marker.clone().map(|m| view! { <span class="font-normal text-slate-500">{m}</span> })}</label> }.into_any()
                }}
                <div id=help_id.clone() class=HELP>
                    {question.help.clone()}
                    // The catalogue words each condition as a sentence ("Asked when …").
                    {condition_text.clone().map(|c| view! { <span class="mt-1 block text-xs text-sky-900">{c}</span> })}
                    {reference_note}
                    {(!references.is_empty()).then(|| view! { <span class="mt-1 block text-xs text-slate-500">{format!("{} ", t("wizard-standards"))}{references.clone()}</span> })}
                    {locked.then(|| view! { <span class="mt-1 block text-xs text-slate-500">{t("wizard-country-locked")}</span> })}
                </div>
                {input}
                <p id=error_id.clone() class=ERROR>{move || error.get()}</p>
                {reason_box}
            </div>
    }
}

/// Why the assessor's answer differs from the value pre-filled from the country reference data:
/// shown while it differs, kept with step 2's confirmation, shown on the summary and to reviewers.
#[component]
fn ReferenceReason(
    question: String,
    step: StepRef,
    pre_filled: Option<Value>,
    #[prop(into)] value: Signal<Option<Value>>,
) -> impl IntoView {
    let w = expect_context::<Wizard>();
    let dom_id = format!("f-{question}-reason");
    let error_id = format!("{dom_id}-error");
    let differs = move || value.get() != pre_filled;
    let text = {
        let question = question.clone();
        move || w.draft.with(|d| Confirmation::of(d).reasons.get(&question).cloned().unwrap_or_default())
    };
    let set = {
        let question = question.clone();
        move |typed: String| {
            let mut c = w.draft.with_untracked(Confirmation::of);
            if typed.is_empty() {
                c.reasons.remove(&question);
            } else {
                c.reasons.insert(question.clone(), typed);
            }
            w.set(&step, parts::COUNTRY_CONTEXT_KEY, c.to_value());
        }
    };
    let path = format!("{}.reasons.{question}", parts::COUNTRY_CONTEXT_KEY);
    let error = Memo::new(move |_| w.error_at(&path, false));
    view! {
        <div class="mt-3" hidden=move || !differs() data-testid="reference-reason">
            <label for=dom_id.clone() class=LABEL>{t("wizard-reference-reason")}</label>
            <textarea id=dom_id.clone() name=format!("p.{}.reason.{question}", parts::COUNTRY_CONTEXT_KEY) rows="2" class=INPUT
                disabled=!w.can_edit aria-invalid=move || error.with(Option::is_some).to_string() aria-describedby=error_id.clone()
                prop:value=text.clone() on:input=move |ev| set(event_target_value(&ev))>{text.clone()}</textarea>
            <p id=error_id class=ERROR>{move || error.get()}</p>
        </div>
    }
}

/// The assessor's confirmation of step 2 when it was pre-filled from country reference data (spec
/// §3.6: the assessor confirms; the engine reads only confirmed answers).
#[component]
pub fn ConfirmCountryContext(step: StepRef) -> impl IntoView {
    let w = expect_context::<Wizard>();
    let pre_filled = w.reference.with_value(|b| b.items.iter().any(|i| i.entry.value.is_some()));
    if !pre_filled {
        return ().into_any();
    }
    let confirmed = Memo::new(move |_| w.draft.with(|d| Confirmation::of(d).confirmed));
    let path = format!("{}.confirmed", parts::COUNTRY_CONTEXT_KEY);
    let error = Memo::new(move |_| w.error_at(&path, false));
    let toggle = move |ev: leptos::ev::Event| {
        let mut c = w.draft.with_untracked(Confirmation::of);
        c.confirmed = event_target_checked(&ev);
        w.set(&step, parts::COUNTRY_CONTEXT_KEY, c.to_value());
    };
    view! {
        <fieldset class="rounded-md border border-sky-200 bg-sky-50 px-4 py-3" data-testid="confirm-country-context">
            <input type="hidden" name="_parts" value=parts::COUNTRY_CONTEXT_KEY/>
            <legend class="px-1 text-sm font-semibold text-slate-900">{t("wizard-confirmation")}</legend>
            <p class="text-sm text-slate-700">{t("wizard-confirmation-help")}</p>
            <label class=format!("{CHOICE} mt-2")>
                <input type="checkbox" class=CHECK id="f-country-context-confirmed" name=format!("p.{}.confirmed", parts::COUNTRY_CONTEXT_KEY) value="true"
                    disabled=!w.can_edit prop:checked=move || confirmed.get() checked=confirmed.get_untracked()
                    aria-describedby="f-country-context-confirmed-error" on:change=toggle/>
                <span>{t("wizard-confirmation-box")}</span>
            </label>
            <p id="f-country-context-confirmed-error" class=ERROR>{move || error.get()}</p>
        </fieldset>
    }
    .into_any()
}

/// Yes / No radio buttons.
#[component]
fn BoolChoice(
    name: String,
    dom_id: String,
    described: String,
    disabled: bool,
    #[prop(into)] value: Signal<Option<bool>>,
    on_set: impl Fn(Value) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let group_label = format!("{dom_id}-label");
    let option = move |b: bool, label: String| {
        let on_set = on_set.clone();
        let dom_id = dom_id.clone();
        view! {
            <label class=CHOICE>
                <input type="radio" class=CHECK id=format!("{dom_id}-{b}") name=name.clone() value=b.to_string() disabled=disabled
                    prop:checked=move || value.get() == Some(b) checked=move || value.get() == Some(b)
                    on:change=move |_| on_set(Value::Bool(b))/>
                <span>{label}</span>
            </label>
        }
    };
    view! {
        <div class="mt-2 flex gap-3" role="radiogroup" aria-labelledby=group_label aria-describedby=described>
            {option(true, t("wizard-yes"))}
            {option(false, t("wizard-no"))}
        </div>
    }
}

/// A list of records (evidence, measures, overrides, consultations, prior interventions): the
/// stored rows plus one blank row to add another. A row is created when a field of the blank
/// row is first filled in.
#[component]
pub fn ListEditor(part: &'static Part, step: StepRef, #[prop(optional)] embedded: bool) -> impl IntoView {
    let w = expect_context::<Wizard>();
    let rows = {
        let step = step.clone();
        Memo::new(move |_| {
            w.draft.with(|d| read(d, &step, part.key).and_then(|v| v.as_array().cloned()).unwrap_or_default())
        })
    };
    let prefix = {
        let step = step.clone();
        Memo::new(move |_| w.draft.with(|d| format!("{}{}", path_prefix(d, &step, slot_of(part.key)), part.key)))
    };
    let list_error = Memo::new(move |_| {
        let p = prefix.get();
        let server = w.server_error.with(|e| e.as_ref().filter(|(f, _)| f == part.key).map(|(_, m)| m.clone()));
        server.or_else(|| w.error_exact(&p, !rows.with(Vec::is_empty)))
    });
    let count = Memo::new(move |_| rows.with(Vec::len));
    // Keyed by row: filling in the blank row adds a new blank row without re-creating (and
    // unfocusing) the one being typed in.
    let body = {
        let step = step.clone();
        view! {
            <For each=move || 0..=count.get() key=|i| *i let:i>
                <RecordEditor part step=step.clone() row=Some(i) is_new=Signal::derive(move || i == count.get())/>
            </For>
        }
    };
    let heading_id = format!("part-{}", part.key);
    let words = w.with_catalogue(|c| c.part_words(part.key).clone());
    view! {
        <section class=if embedded { "mt-2" } else { "border-t border-slate-200 pt-5" } aria-labelledby=heading_id.clone() id=format!("q-{}", part.key)>
            <input type="hidden" name="_parts" value=part.key/>
            {(!embedded).then(|| view! {
                <h3 id=heading_id.clone() class="text-base font-semibold text-slate-900">{format!("{} {}", part.display, words.title)}</h3>
                <p class=HELP>{words.help.clone()}</p>
            })}
            {embedded.then(|| view! { <span id=heading_id.clone() class="sr-only">{words.title.clone()}</span> })}
            <p class=ERROR role="alert">{move || list_error.get()}</p>
            <div class="mt-3 space-y-4">{body}</div>
        </section>
    }
}

/// The single-record parts (proposed decision, intercession).
#[component]
pub fn ObjectEditor(part: &'static Part, step: StepRef) -> impl IntoView {
    let heading_id = format!("part-{}", part.key);
    let words = expect_context::<Wizard>().with_catalogue(|c| c.part_words(part.key).clone());
    view! {
        <section class="border-t border-slate-200 pt-5" aria-labelledby=heading_id.clone() id=format!("q-{}", part.key)>
            <input type="hidden" name="_parts" value=part.key/>
            <h3 id=heading_id.clone() class="text-base font-semibold text-slate-900">{format!("{} {}", part.display, words.title)}</h3>
            <p class=HELP>{words.help}</p>
            <div class="mt-3"><RecordEditor part step row=None is_new=Signal::from(false)/></div>
        </section>
    }
}

/// What the form says after a field's label: "(optional)" only where the field may always be left
/// empty; "(required when …)" where another answer decides. The adviser's flag says neither: the
/// assessor never fills it in.
fn field_marker(field: &PartField, words: &PartWords) -> Option<String> {
    match (field.need, field.kind) {
        (_, FieldKind::AdviserFlag) | (Need::Required, _) => None,
        (Need::Optional, _) => Some(format!(" {}", t("wizard-optional"))),
        (Need::RequiredWhen, _) => words.required_when.get(field.key).map(String::as_str).map(required_when),
    }
}

/// " (required when …)" after a label.
fn required_when(when: &str) -> String {
    format!(" {}", t_with("wizard-required-when", &[("when", when.into())]))
}

/// One record of a part: its fields in a grid, with their messages.
#[component]
fn RecordEditor(part: &'static Part, step: StepRef, row: Option<usize>, is_new: Signal<bool>) -> impl IntoView {
    let w = expect_context::<Wizard>();
    let record = {
        let step = step.clone();
        Memo::new(move |_| {
            w.draft.with(|d| {
                let v = read(d, &step, part.key);
                match row {
                    Some(i) => v.and_then(|v| v.get(i)).cloned(),
                    None => v.cloned(),
                }
                .unwrap_or(Value::Object(Map::new()))
            })
        })
    };
    let path = {
        let step = step.clone();
        Memo::new(move |_| {
            let base = w.draft.with(|d| format!("{}{}", path_prefix(d, &step, slot_of(part.key)), part.key));
            match row {
                Some(i) => format!("{base}[{i}]"),
                None => base,
            }
        })
    };
    // Only advisers write OHCHR advice; only assessors the rest (spec §3.5).
    let adviser_record = move || record.with(|r| r["type"].as_str() == Some("OHCHR_HR_ADVISER"));
    let writable = move || {
        if part.key == parts::CONSULTATIONS.key {
            (w.can_edit && !adviser_record()) || (w.can_advise && (adviser_record() || is_new.get()))
        } else {
            w.can_edit
        }
    };
    let write_field = {
        let step = step.clone();
        move |key: &'static str, value: Value| {
            let mut list_or_obj = w.draft.with_untracked(|d| read(d, &step, part.key).cloned());
            let mut rec = record.get_untracked();
            if let Some(o) = rec.as_object_mut() {
                if value.is_null() || value.as_array().is_some_and(Vec::is_empty) {
                    o.remove(key);
                } else {
                    o.insert(key.to_string(), value);
                }
            }
            let new = match row {
                Some(i) => {
                    let mut items = list_or_obj.take().and_then(|v| v.as_array().cloned()).unwrap_or_default();
                    if i < items.len() {
                        items[i] = rec;
                    } else if !parts::is_blank(&rec) {
                        items.push(rec);
                    }
                    Value::Array(items)
                }
                None => {
                    if parts::is_blank(&rec) {
                        Value::Null
                    } else {
                        rec
                    }
                }
            };
            w.set(&step, part.key, new);
        }
    };
    let remove = {
        let step = step.clone();
        move |_| {
            if let Some(i) = row {
                let mut items = w
                    .draft
                    .with_untracked(|d| read(d, &step, part.key).and_then(|v| v.as_array().cloned()))
                    .unwrap_or_default();
                if i < items.len() {
                    items.remove(i);
                }
                w.set(&step, part.key, Value::Array(items));
            }
        }
    };
    let name_prefix = match row {
        Some(i) => format!("p.{}.{i}", part.key),
        None => format!("p.{}", part.key),
    };
    let words = w.with_catalogue(|c| c.part_words(part.key).clone());
    let legend = {
        let words = words.clone();
        move || match row {
            Some(_) if is_new.get() => words.add.clone(),
            Some(i) => format!("{} {}", words.item, i + 1),
            None => words.title.clone(),
        }
    };
    let fields = part
        .fields
        .iter()
        .map(|f| {
            let label = words.label(f.key).to_string();
            let marker = field_marker(f, &words);
            view! { <RecordField part field=f label marker step=step.clone() record path name_prefix=name_prefix.clone() writable=Signal::derive(writable) on_set=write_field.clone()/> }
        })
        .collect_view();
    let fieldset_class = move || {
        if is_new.get() {
            "rounded-lg border border-dashed border-slate-300 bg-slate-50/60 p-4"
        } else {
            "rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        }
    };
    view! {
        <fieldset class=fieldset_class data-row=row.map(|i| i.to_string()).unwrap_or_default()>
            <legend class="px-1 text-sm font-semibold text-slate-800">{legend}</legend>
            <div class="grid gap-3 md:grid-cols-2">{fields}</div>
            {move || (row.is_some() && !is_new.get()).then(|| view! {
                <label class="mt-3 inline-flex items-center gap-2 text-sm text-red-800">
                    // Unticked again whenever the row shows another record (after a removal above it).
                    <input type="checkbox" class=CHECK name=format!("{name_prefix}._remove") value="1" disabled=move || !writable()
                        prop:checked=move || { record.track(); false } on:change=remove.clone()/>
                    {words.remove.clone()}
                </label>
            })}
        </fieldset>
    }
}

#[component]
fn RecordField(
    part: &'static Part,
    field: &'static PartField,
    label: String,
    /// "(optional)" or "(required when …)" after the label, if any.
    marker: Option<String>,
    step: StepRef,
    record: Memo<Value>,
    path: Memo<String>,
    name_prefix: String,
    writable: Signal<bool>,
    on_set: impl Fn(&'static str, Value) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let w = expect_context::<Wizard>();
    let dom_id = name_prefix.replace('.', "-") + "-" + field.key;
    let name = format!("{name_prefix}.{}", field.key);
    let error_id = format!("{dom_id}-error");
    let value = Memo::new(move |_| record.with(|r| r.get(field.key).cloned().filter(|v| !v.is_null())));
    let answered = Memo::new(move |_| record.with(|r| !parts::is_blank(r)));
    let error = Memo::new(move |_| {
        let p = format!("{}.{}", path.get(), field.key);
        w.error_at(&p, answered.get())
    });
    let set = move |v: Value| on_set(field.key, v);
    let text_of = move || value.get().map(|v| FieldKind::to_form(&v)).unwrap_or_default();
    let group_label = label.clone();
    let label = format!("{label}{}", marker.unwrap_or_default());
    let wide = matches!(field.kind, FieldKind::LongText | FieldKind::Multi(_) | FieldKind::EvidenceIds);
    let invalid = move || error.with(Option::is_some).to_string();
    let disabled = move || !writable.get();
    let input = match field.kind {
        FieldKind::Text | FieldKind::Id => {
            let set = set.clone();
            view! { <input id=dom_id.clone() name=name.clone() type="text" class=INPUT disabled=disabled aria-invalid=invalid aria-describedby=error_id.clone()
                maxlength=if field.kind == FieldKind::Id { "40" } else { "10000" }
                prop:value=text_of value=text_of on:input=move |ev| set(FieldKind::Text.from_form(&event_target_value(&ev)))/> }.into_any()
        }
        FieldKind::LongText => {
            let set = set.clone();
            view! { <textarea id=dom_id.clone() name=name.clone() rows="2" class=INPUT disabled=disabled aria-invalid=invalid aria-describedby=error_id.clone()
                prop:value=text_of on:input=move |ev| set(FieldKind::LongText.from_form(&event_target_value(&ev)))>{text_of()}</textarea> }.into_any()
        }
        FieldKind::Date => {
            let set = set.clone();
            view! { <input id=dom_id.clone() name=name.clone() type="date" class=INPUT disabled=disabled aria-invalid=invalid aria-describedby=error_id.clone()
                prop:value=text_of value=text_of on:input=move |ev| set(FieldKind::Date.from_form(&event_target_value(&ev)))/> }.into_any()
        }
        FieldKind::Enum(enum_name) => {
            let mut options = w.with_catalogue(|c| c.enum_values(enum_name).to_vec());
            if part.key == parts::CONSULTATIONS.key && field.key == "type" {
                // Offer each role only the record types it may write.
                let (assess, advise) = (w.can_edit, w.can_advise);
                let current = value.get_untracked().and_then(|v| v.as_str().map(String::from));
                options.retain(|o| {
                    current.as_deref() == Some(o.code.as_str()) || if o.code == "OHCHR_HR_ADVISER" { advise } else { assess }
                });
            }
            let set = set.clone();
            view! {
                <select id=dom_id.clone() name=name.clone() class=INPUT disabled=disabled aria-invalid=invalid aria-describedby=error_id.clone()
                    on:change=move |ev| set(FieldKind::Text.from_form(&event_target_value(&ev)))>
                    <option value="" selected=move || value.with(Option::is_none)>{t("wizard-choose")}</option>
                    {options.into_iter().map(|o| {
                        let code = o.code.clone();
                        view! { <option value=o.code.clone() selected=move || value.with(|v| v.as_ref().and_then(Value::as_str) == Some(code.as_str()))>{o.label.clone()}</option> }
                    }).collect_view()}
                </select>
            }.into_any()
        }
        FieldKind::Bool => view! {
            <BoolChoice name=name.clone() dom_id=dom_id.clone() described=error_id.clone() disabled=!writable.get_untracked()
                value=Signal::derive(move || value.get().and_then(|v| v.as_bool())) on_set=set.clone()/>
        }.into_any(),
        FieldKind::AdviserFlag => view! {
            <p id=dom_id.clone() class="mt-2 text-sm text-slate-700" aria-describedby=error_id.clone()>
                {move || t(if value.get().and_then(|v| v.as_bool()) == Some(true) { "wizard-adviser-concurred" } else { "wizard-adviser-not-yet" })}
            </p>
        }.into_any(),
        FieldKind::Multi(_) | FieldKind::EvidenceIds => {
            let options: Signal<Vec<(String, String)>> = match field.kind {
                FieldKind::Multi(enum_name) => {
                    let list: Vec<(String, String)> = w.with_catalogue(|c| c.enum_values(enum_name).iter().map(|v| (v.code.clone(), v.label.clone())).collect());
                    Signal::derive(move || list.clone())
                }
                _ => {
                    let step = step.clone();
                    Signal::derive(move || {
                        w.draft.with(|d| {
                            read(d, &step, parts::EVIDENCE.key)
                                .and_then(Value::as_array)
                                .map(|items| items.iter().filter_map(|e| e["id"].as_str()).map(|id| (id.to_string(), id.to_string())).collect())
                                .unwrap_or_default()
                        })
                    })
                }
            };
            let name = name.clone();
            let dom_id2 = dom_id.clone();
            let set = set.clone();
            view! {
                <div class="mt-1 flex flex-wrap gap-2" role="group" aria-label=group_label aria-describedby=error_id.clone()>
                    {move || options.get().into_iter().enumerate().map(|(i, (code, label))| {
                        let set = set.clone();
                        let c2 = code.clone();
                        let checked = move || value.with(|v| v.as_ref().and_then(Value::as_array).is_some_and(|a| a.iter().any(|x| x.as_str() == Some(c2.as_str()))));
                        view! {
                            <label class="inline-flex items-center gap-1.5 rounded border border-slate-300 bg-white px-2 py-1 text-xs has-[:checked]:border-sky-700 has-[:checked]:bg-sky-50">
                                <input type="checkbox" class=CHECK id=format!("{dom_id2}-{i}") name=name.clone() value=code.clone() disabled=disabled
                                    prop:checked=checked.clone() checked=checked
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let mut list: Vec<Value> = value.get_untracked().and_then(|v| v.as_array().cloned()).unwrap_or_default();
                                        list.retain(|x| x.as_str() != Some(code.as_str()));
                                        if on { list.push(Value::String(code.clone())); }
                                        set(Value::Array(list));
                                    }/>
                                {label}
                            </label>
                        }
                    }).collect_view()}
                    {move || options.with(Vec::is_empty).then(|| view! { <span class="text-xs text-slate-500">{t("wizard-no-evidence-yet")}</span> })}
                </div>
            }.into_any()
        }
        FieldKind::OverrideValue => {
            let nexus = w.with_catalogue(|c| c.enum_values("Nexus").to_vec());
            let set = set.clone();
            let is = move |s: String| move || value.with(|v| v.as_ref().map(FieldKind::to_form).as_deref() == Some(s.as_str()));
            view! {
                <select id=dom_id.clone() name=name.clone() class=INPUT disabled=disabled aria-invalid=invalid aria-describedby=error_id.clone()
                    on:change=move |ev| set(FieldKind::OverrideValue.from_form(&event_target_value(&ev)))>
                    <option value="" selected=move || value.with(Option::is_none)>{t("wizard-choose")}</option>
                    <optgroup label=t("wizard-override-nexus")>
                        {nexus.into_iter().map(|n| view! { <option value=n.code.clone() selected=is(n.code.clone())>{n.label.clone()}</option> }).collect_view()}
                    </optgroup>
                    <optgroup label=t("wizard-override-likelihood")>
                        {(1..=5).map(|n: i64| view! { <option value=n.to_string() selected=is(n.to_string())>{format!("L0 = {n}")}</option> }).collect_view()}
                    </optgroup>
                    <optgroup label=t("wizard-override-hrddp")>
                        <option value="true" selected=is("true".into())>{t("wizard-override-applies")}</option>
                        <option value="false" selected=is("false".into())>{t("wizard-override-does-not-apply")}</option>
                    </optgroup>
                </select>
            }.into_any()
        }
    };
    let is_group =
        matches!(field.kind, FieldKind::Bool | FieldKind::Multi(_) | FieldKind::EvidenceIds | FieldKind::AdviserFlag);
    view! {
        <div class=if wide { "md:col-span-2" } else { "" }>
            {if is_group {
                view! { <p id=format!("{dom_id}-label") class="block text-xs font-medium text-slate-700">{label.clone()}</p> }.into_any()
            } else {
                view! { <label for=dom_id.clone() class="block text-xs font-medium text-slate-700">{label.clone()}</label> }.into_any()
            }}
            {input}
            <p id=error_id class=ERROR>{move || error.get()}</p>
        </div>
    }
}

/// 5.1 Severity sub-scores for the triggered areas (optional; they only raise the floor values).
#[component]
pub fn SeverityEditor(step: StepRef, areas: Signal<Vec<(String, String)>>) -> impl IntoView {
    let w = expect_context::<Wizard>();
    let severity = {
        let step = step.clone();
        Memo::new(move |_| {
            w.draft.with(|d| read(d, &step, parts::SEVERITY_KEY).cloned().unwrap_or(Value::Object(Map::new())))
        })
    };
    let prefix = {
        let step = step.clone();
        Memo::new(move |_| w.draft.with(|d| path_prefix(d, &step, slot_of(parts::SEVERITY_KEY))))
    };
    let words = w.with_catalogue(|c| c.part_words(parts::SEVERITY_KEY).clone());
    let scores: Vec<(&'static str, String)> =
        parts::SEVERITY_SCORES.iter().map(|key| (*key, words.label(key).to_string())).collect();
    let headers = scores.clone();
    view! {
        <section class="border-t border-slate-200 pt-5" aria-labelledby="part-severity" id="q-severity">
            <input type="hidden" name="_parts" value=parts::SEVERITY_KEY/>
            <h3 id="part-severity" class="text-base font-semibold text-slate-900">{t_with("wizard-severity-title", &[("title", words.title.clone().into())])}</h3>
            <p class=HELP>{words.help.clone()}</p>
            <div class="mt-3 overflow-x-auto" tabindex="0">
                <table class="min-w-full text-sm">
                    <thead class="text-start text-xs uppercase tracking-wide text-slate-600">
                        <tr><th scope="col" class="py-2 pe-4">{t("wizard-severity-area")}</th>
                            {headers.into_iter().map(|(_, l)| view! { <th scope="col" class="py-2 pe-4">{l}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {move || areas.get().into_iter().map(|(code, name)| {
                            let cells = scores.iter().map(|(key, label)| {
                                view! { <SeverityCell step=step.clone() severity prefix area=code.clone() key=*key label=t_with("wizard-severity-score-for", &[("score", label.clone().into()), ("area", name.clone().into())])/> }
                            }).collect_view();
                            view! {
                                <tr class="border-t border-slate-100">
                                    <th scope="row" class="py-2 pe-4 text-start font-medium">{format!("{code} · {name}")}</th>
                                    {cells}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// One sub-score of one area: a number input writing into the severity object.
#[component]
fn SeverityCell(
    step: StepRef,
    severity: Memo<Value>,
    prefix: Memo<String>,
    area: String,
    key: &'static str,
    label: String,
) -> impl IntoView {
    let w = expect_context::<Wizard>();
    let dom_id = format!("sev-{area}-{key}");
    let field_name = format!("p.severity.{area}.{key}");
    let error_id = format!("{dom_id}-error");
    let value = {
        let area = area.clone();
        Memo::new(move |_| severity.with(|s| s[area.as_str()][key].clone()))
    };
    let error = {
        let area = area.clone();
        Memo::new(move |_| w.error_at(&format!("{}severity.{area}.{key}", prefix.get()), !value.with(Value::is_null)))
    };
    let on_input = move |ev: leptos::ev::Event| {
        let mut all = severity.get_untracked();
        let scores = all.as_object_mut().map(|o| o.entry(area.clone()).or_insert_with(|| Value::Object(Map::new())));
        if let Some(Value::Object(scores)) = scores {
            match parts::int_from_form(&event_target_value(&ev)) {
                Value::Null => {
                    scores.remove(key);
                }
                v => {
                    scores.insert(key.to_string(), v);
                }
            }
        }
        if let Some(o) = all.as_object_mut() {
            o.retain(|_, v| v.as_object().is_some_and(|m| !m.is_empty()));
        }
        w.set(&step, parts::SEVERITY_KEY, all);
    };
    view! {
        <td class="py-1.5 pe-4 align-top">
            <input id=dom_id.clone() name=field_name type="number" min="1" max="5" step="1"
                inputmode="numeric" aria-label=label class=format!("{INPUT} w-20") disabled=!w.can_edit
                aria-invalid=move || error.with(Option::is_some).to_string() aria-describedby=error_id.clone()
                prop:value=move || FieldKind::to_form(&value.get()) value=move || FieldKind::to_form(&value.get()) on:input=on_input/>
            <p id=error_id class=ERROR>{move || error.get()}</p>
        </td>
    }
}
