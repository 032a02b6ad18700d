//! What a page shows instead of its content when it cannot be shown: signed out, no access, or
//! a load error.

use crate::error::AppError;
use leptos::prelude::*;

#[component]
pub fn AccessProblem(error: AppError) -> impl IntoView {
    let (title, text) = match &error {
        AppError::Unauthenticated => {
            ("Please sign in", "Your session has ended. Sign in again to continue.".to_string())
        }
        AppError::Forbidden(m) => ("You do not have access to this page", m.clone()),
        other => ("This page could not be loaded", other.to_string()),
    };
    view! {
        <section class="mt-6 rounded-xl border border-red-200 bg-red-50 p-6" role="alert" data-testid="access-problem">
            <h2 class="text-lg font-semibold text-red-900">{title}</h2>
            <p class="mt-1 text-red-900">{text}</p>
        </section>
    }
}
