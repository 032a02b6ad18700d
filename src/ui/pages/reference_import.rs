//! Import of country reference data (`/reference/import`, administrators): a CSV file or pasted
//! text, checked line by line and shown as a preview before anything is recorded (the plain form
//! post `web::reference::post_import`).

use crate::ui::components::forms::{BUTTON_PRIMARY, INPUT};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ReferenceImportPage() -> impl IntoView {
    let columns = crate::reference::CSV_COLUMNS.join(",");
    let example =
        format!("{columns}\nKE,dp_status_drugs,DP_BUT_NOT_FOR_DRUGS,2024-01-01,\"Narcotic Drugs Act, s. 4\",");
    let questions = crate::reference::QUESTIONS.join(", ");
    view! {
        <Title text="Import reference data"/>
        <p class="text-sm"><a href="/reference/countries" class="text-sky-800 underline"><span class="inline-block rtl:-scale-x-100">"←"</span>" All countries"</a></p>
        <section class="mt-2 max-w-3xl rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
            <h1 class="text-2xl font-bold text-slate-900">"Import reference data"</h1>
            <p class="mt-2 text-sm text-slate-700">
                "A CSV file with a header line naming the columns "<code class="rounded bg-slate-100 px-1">{columns}</code>
                ", one entry per line (the format of the export). "<code class="rounded bg-slate-100 px-1">"question"</code>" is one of "{questions}
                "; "<code class="rounded bg-slate-100 px-1">"value"</code>" is a code of the question's list, true/false or a whole number, or blank where a question no longer applies from that date; "
                <code class="rounded bg-slate-100 px-1">"effective_from"</code>" is YYYY-MM-DD."
            </p>
            <p class="mt-2 text-sm text-slate-700">
                "You see a preview first: every line that is wrong, with its number, and what would be recorded. Nothing is recorded until you confirm, and then all lines or none. Lines already recorded exactly so are skipped, so a corrected export can be imported again."
            </p>
            <form method="post" action="/reference/import" enctype="multipart/form-data" class="mt-6 grid gap-5" data-testid="import-form">
                <input type="hidden" name="mode" value="preview"/>
                <div>
                    <label for="import-file" class="block text-sm font-medium text-slate-800">"CSV file"</label>
                    <input id="import-file" name="file" type="file" accept=".csv,text/csv" class="mt-1 block text-sm"/>
                </div>
                <div>
                    <label for="import-text" class="block text-sm font-medium text-slate-800">"…or paste the table"</label>
                    <textarea id="import-text" name="text" rows="8" class=format!("{INPUT} font-mono text-xs") placeholder=example></textarea>
                </div>
                <div><button type="submit" class=BUTTON_PRIMARY>"Check the file"</button></div>
            </form>
        </section>
    }
}
