//! What a page shows instead of its content when it cannot be shown: signed out, no access, or
//! a load error.

use crate::error::AppError;
use crate::ui::i18n::t;
use leptos::prelude::*;

#[component]
pub fn AccessProblem(error: AppError) -> impl IntoView {
    let (title, text) = match &error {
        AppError::Unauthenticated => (t("access-sign-in"), t("access-session-ended")),
        AppError::Forbidden(m) => (t("access-forbidden"), m.clone()),
        other => (t("access-failed"), other.to_string()),
    };
    view! {
        <section class="mt-6 rounded-xl border border-red-200 bg-red-50 p-6" role="alert" data-testid="access-problem">
            <h2 class="text-lg font-semibold text-red-900">{title}</h2>
            <p class="mt-1 text-red-900">{text}</p>
        </section>
    }
}
