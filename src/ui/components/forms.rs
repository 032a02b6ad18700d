//! Form building blocks shared by every page: labelled fields with their error next to them.

use crate::error::AppError;
use leptos::prelude::*;

pub const INPUT: &str = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-sky-700 focus:outline-2 focus:outline-sky-700 aria-[invalid=true]:border-red-700";
pub const BUTTON_PRIMARY: &str = "inline-flex items-center justify-center rounded-md bg-sky-800 px-4 py-2 font-medium text-white shadow-sm hover:bg-sky-900 disabled:cursor-not-allowed disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-800";
pub const BUTTON_SECONDARY: &str = "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-800";
pub const BUTTON_DANGER: &str = "inline-flex items-center justify-center rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800";

/// The message shown under a field, linked to it with `aria-describedby` (`{id}-error`).
#[component]
pub fn FieldError(id: &'static str, #[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <p id=format!("{id}-error") class="mt-1 text-sm font-medium text-red-800" role="alert" aria-live="polite">
            {move || message.get()}
        </p>
    }
}

/// A banner for form-level messages (errors not tied to one field, or success notices).
#[component]
pub fn Notice(#[prop(into)] message: Signal<Option<String>>, #[prop(optional)] success: bool) -> impl IntoView {
    let class = if success {
        "rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
    } else {
        "rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900"
    };
    view! {
        <Show when=move || message.get().is_some()>
            <div class=class role=if success { "status" } else { "alert" }>{move || message.get()}</div>
        </Show>
    }
}

/// A plain data table and its header and body cells.
pub const TABLE: &str = "mt-3 w-full border-collapse text-start text-sm";
pub const TH: &str =
    "border-b border-slate-300 px-2 py-1.5 text-xs font-semibold uppercase tracking-wide text-slate-600";
pub const TD: &str = "border-b border-slate-100 px-2 py-1.5 align-top";

/// The outcome of a form that works with and without JavaScript. With JavaScript the error comes
/// from the server action; without, the server answered the plain form post with a redirect back to
/// the page, whose query names the form and carries the messages (see `server::context::refuse`).
pub fn action_or_query_error<T>(action: ServerAction<T>, form: &'static str) -> Signal<Option<AppError>>
where
    T: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    T::Output: Clone + Send + Sync + 'static,
{
    let query = leptos_router::hooks::use_query_map();
    Signal::derive(move || match action.value().get() {
        Some(Err(e)) => Some(e),
        Some(Ok(_)) => None,
        None => query.with(|q| {
            if q.get("form").as_deref() != Some(form) {
                return None;
            }
            let pairs: Vec<(String, String)> = q.clone().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
            AppError::from_query(&pairs)
        }),
    })
}

/// A form-level banner message: the error unless it is one message shown next to its field
/// (several field messages get "Correct the n fields marked below.").
pub fn banner_of(error: Signal<Option<AppError>>) -> Signal<Option<String>> {
    Signal::derive(move || {
        error.get().filter(|e| !matches!(e, AppError::Invalid { field: Some(_), .. })).map(|e| e.to_string())
    })
}

/// The message for one field of `error`.
pub fn field_of(error: Signal<Option<AppError>>, name: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || error.get().and_then(|e| e.for_field(name)))
}

/// The grey band of the full-width lists' table heads.
pub const THEAD_BAND: &str = "bg-slate-100 text-start text-xs font-semibold uppercase tracking-wide text-slate-700";

/// The column names of a [`TableHead`]: fixed words, or texts in the page's language.
pub struct Columns(Vec<String>);

impl<const N: usize> From<&[&str; N]> for Columns {
    fn from(names: &[&str; N]) -> Columns {
        Columns(names.iter().map(|n| n.to_string()).collect())
    }
}

impl From<Vec<String>> for Columns {
    fn from(names: Vec<String>) -> Columns {
        Columns(names)
    }
}

/// The head of a data table: one `<th scope="col">` per column, each with the `cell` classes.
#[component]
pub fn TableHead(
    #[prop(into)] columns: Columns,
    cell: &'static str,
    /// Classes of the `<thead>` (for example the grey band of the full-width lists).
    #[prop(optional)]
    head: Option<&'static str>,
    #[prop(optional)] row: Option<&'static str>,
) -> impl IntoView {
    view! {
        <thead class=head>
            <tr class=row>{columns.0.into_iter().map(|name| view! { <th scope="col" class=cell>{name}</th> }).collect_view()}</tr>
        </thead>
    }
}
