//! New assessment (`/cases/new`): the case-level facts that open a draft.

use crate::error::AppError;
use crate::ui::components::access::AccessProblem;
use crate::ui::components::forms::{FieldError, BUTTON_PRIMARY, INPUT};
use crate::ui::i18n::t;
use crate::web::server_fns::cases::CreateCase;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NewCasePage() -> impl IntoView {
    let create = ServerAction::<CreateCase>::new();
    let session = crate::ui::components::layout::use_session();
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
        <Title text=t("new-case-title")/>
        <section class="mx-auto max-w-2xl rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
            <h1 class="text-2xl font-bold text-slate-900">{t("new-case-title")}</h1>
            <p class="mt-1 text-sm text-slate-600">{t("new-case-intro")}</p>
            <crate::ui::components::forms::Notice message=form_error/>
            <Transition fallback=|| view! { <p class="mt-4 text-slate-600">{t("loading")}</p> }>
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
                            // The questions' numbers and words as the catalogue has them in the reader's language.
                            let label = |id: &str| cat.question(id).map(|q| format!("{} {}", q.display, q.label)).unwrap_or_default();
                            let [country_label, title_label, entity_label, office_label, type_label] =
                                ["country", "programme_title", "un_entity", "office", "assessment_type"].map(label);
                            view! {
                                <ActionForm action=create attr:class="mt-6 grid gap-5" attr:novalidate="true">
                                    <div>
                                        <label for="country" class="block text-sm font-medium text-slate-800">{country_label}</label>
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
                                        <label for="programme_title" class="block text-sm font-medium text-slate-800">{title_label}</label>
                                        <input id="programme_title" name="programme_title" type="text" maxlength="300" class=INPUT aria-describedby="programme_title-error" value=typed("programme_title") aria-invalid=invalid("programme_title")/>
                                        <FieldError id="programme_title" message=field("programme_title")/>
                                    </div>
                                    <div class="grid gap-5 sm:grid-cols-2">
                                        <div>
                                            <label for="un_entity" class="block text-sm font-medium text-slate-800">{entity_label}</label>
                                            <select id="un_entity" name="un_entity" class=INPUT aria-describedby="un_entity-error">
                                                {entities.into_iter().map(|v| { let is = v.code == typed("un_entity")(); view! { <option value=v.code.clone() selected=is>{v.label.clone()}</option> } }).collect_view()}
                                            </select>
                                            <FieldError id="un_entity" message=field("un_entity")/>
                                        </div>
                                        <div>
                                            <label for="office" class="block text-sm font-medium text-slate-800">{office_label}</label>
                                            <input id="office" name="office" type="text" maxlength="300" class=INPUT aria-describedby="office-error" value=typed("office") aria-invalid=invalid("office")/>
                                            <FieldError id="office" message=field("office")/>
                                        </div>
                                    </div>
                                    <div>
                                        <label for="assessment_type" class="block text-sm font-medium text-slate-800">{type_label}</label>
                                        <select id="assessment_type" name="assessment_type" class=INPUT aria-describedby="assessment_type-error">
                                            {types.into_iter().map(|v| { let is = v.code == typed("assessment_type")(); view! { <option value=v.code.clone() selected=is>{v.label.clone()}</option> } }).collect_view()}
                                        </select>
                                        <FieldError id="assessment_type" message=field("assessment_type")/>
                                    </div>
                                    <div><button type="submit" class=BUTTON_PRIMARY disabled=move || create.pending().get()>{t("new-case-create")}</button></div>
                                </ActionForm>
                            }.into_any()
                        }
                        (Some(_), _) => view! { <AccessProblem error=AppError::forbidden(t("new-case-assessors-only"))/> }.into_any(),
                        _ => view! { <p class="mt-4 text-slate-600">{t("loading")}</p> }.into_any(),
                    }
                }}
            </Transition>
        </section>
    }
}
