use crate::ui::i18n::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// Shown for any unknown address, with HTTP status 404.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(axum::http::StatusCode::NOT_FOUND);
        }
    }
    view! {
        <Title text=t("not-found-title")/>
        <section class="mx-auto max-w-xl py-16 text-center">
            <p class="text-sm font-semibold uppercase tracking-wider text-sky-800">"404"</p>
            <h1 class="mt-2 text-3xl font-bold text-slate-900">{t("not-found-title")}</h1>
            <p class="mt-4 text-slate-700">{t("not-found-body")}</p>
            <a href="/" class="mt-8 inline-block rounded-md bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-800">
                {t("not-found-back")}
            </a>
        </section>
    }
}
