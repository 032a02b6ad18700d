//! The review queue (`/review`): the inbox on its own page.

use crate::ui::components::inbox::Inbox;
use crate::ui::i18n::t;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ReviewQueuePage() -> impl IntoView {
    view! {
        <Title text=t("inbox-title")/>
        <Inbox/>
    }
}
