//! Badges for risk bands and case states, shared by the case list, the queues, the wizard and the
//! summary.

use crate::cases::CaseState;
use crate::methodology::codes::Band;
use leptos::prelude::*;

/// Tailwind classes for a band; shared by every band badge in the app.
pub fn band_classes(band: Band) -> &'static str {
    match band {
        Band::Low => "bg-emerald-100 text-emerald-900 ring-emerald-300",
        Band::Moderate => "bg-amber-100 text-amber-900 ring-amber-300",
        Band::Substantial => "bg-orange-200 text-orange-950 ring-orange-400",
        Band::High => "bg-red-700 text-white ring-red-800",
    }
}

pub fn band_badge(band: Option<Band>) -> impl IntoView {
    match band {
        Some(b) => view! {
            <span class=format!("inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 {}", band_classes(b))>{b.code()}</span>
        }
        .into_any(),
        None => view! { <span class="text-xs text-slate-500">"incomplete"</span> }.into_any(),
    }
}

pub fn state_badge(state: CaseState) -> impl IntoView {
    let class = match state {
        CaseState::Draft => "bg-slate-100 text-slate-800 ring-slate-300",
        CaseState::Submitted => "bg-sky-100 text-sky-900 ring-sky-300",
        CaseState::Returned => "bg-amber-100 text-amber-900 ring-amber-300",
        CaseState::Decided => "bg-emerald-100 text-emerald-900 ring-emerald-300",
        CaseState::Superseded => "bg-slate-50 text-slate-500 ring-slate-200",
    };
    view! { <span class=format!("inline-block rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 {class}")>{state.label()}</span> }
}
