//! Import of country reference data (`/reference/import`, administrators): a CSV file or pasted
//! text, checked line by line and shown as a preview before anything is recorded (the plain form
//! post `web::reference::post_import`).

use crate::ui::components::forms::{BUTTON_PRIMARY, INPUT};
use crate::ui::i18n::{t, t_args};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ReferenceImportPage() -> impl IntoView {
    let columns = crate::reference::CSV_COLUMNS.join(",");
    let example =
        format!("{columns}\nKE,dp_status_drugs,DP_BUT_NOT_FOR_DRUGS,2024-01-01,\"Narcotic Drugs Act, s. 4\",");
    let questions = crate::reference::QUESTIONS.join(", ");
    let format_help = t_args("reference-import-format", &[("columns", columns), ("questions", questions)]);
    let title = t("reference-import-title");
    view! {
        <Title text=title.clone()/>
        <p class="text-sm"><a href="/reference/countries" class="text-sky-800 underline"><span class="inline-block rtl:-scale-x-100">"←"</span>" "{t("reference-all-countries")}</a></p>
        <section class="mt-2 max-w-3xl rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
            <h1 class="text-2xl font-bold text-slate-900">{title}</h1>
            <p class="mt-2 text-sm text-slate-700">{format_help}</p>
            <p class="mt-2 text-sm text-slate-700">{t("reference-import-preview-help")}</p>
            <form method="post" action="/reference/import" enctype="multipart/form-data" class="mt-6 grid gap-5" data-testid="import-form">
                <input type="hidden" name="mode" value="preview"/>
                <div>
                    <label for="import-file" class="block text-sm font-medium text-slate-800">{t("reference-import-file")}</label>
                    <input id="import-file" name="file" type="file" accept=".csv,text/csv" class="mt-1 block text-sm"/>
                </div>
                <div>
                    <label for="import-text" class="block text-sm font-medium text-slate-800">{t("reference-import-paste")}</label>
                    <textarea id="import-text" name="text" rows="8" class=format!("{INPUT} font-mono text-xs") placeholder=example></textarea>
                </div>
                <div><button type="submit" class=BUTTON_PRIMARY>{t("reference-import-check")}</button></div>
            </form>
        </section>
    }
}
