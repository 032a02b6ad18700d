//! The Leptos application: HTML shell, routes and the page layout.

use crate::ui::components::layout::Layout;
use crate::ui::pages::account::AccountPage;
use crate::ui::pages::account_history::AccountHistoryPage;
use crate::ui::pages::admin_outbox::AdminOutboxPage;
use crate::ui::pages::admin_users::AdminUsersPage;
use crate::ui::pages::case_edit::WizardPage;
use crate::ui::pages::case_list::CaseListPage;
use crate::ui::pages::case_summary::CaseSummaryPage;
use crate::ui::pages::home::HomePage;
use crate::ui::pages::login::LoginPage;
use crate::ui::pages::methodology::MethodologyPage;
use crate::ui::pages::new_case::NewCasePage;
use crate::ui::pages::not_found::NotFound;
use crate::ui::pages::notifications::NotificationsPage;
use crate::ui::pages::password::PasswordPage;
use crate::ui::pages::portfolio::PortfolioPageView;
use crate::ui::pages::reference_countries::ReferenceCountriesPage;
use crate::ui::pages::reference_country::ReferenceCountryPage;
use crate::ui::pages::reference_import::ReferenceImportPage;
use crate::ui::pages::review_queue::ReviewQueuePage;
use crate::ui::pages::setup::SetupPage;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use leptos_router::SsrMode;

/// The HTML document around every server-rendered page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let islands = has_islands();
    // A page without islands is never hydrated, so nothing its server components loaded needs to
    // travel with it: without this, every resource's data went into the page as a script of JSON
    // (a third of a summary page). `HydrationScripts islands=true` does the same on the wizard.
    #[cfg(feature = "ssr")]
    if !islands {
        if let Some(context) = Owner::current_shared_context() {
            context.set_is_hydrating(false);
        }
    }
    // The reader's language, chosen per request by the session middleware (`crate::i18n`).
    let lang = request_lang();
    provide_context(lang);
    view! {
        <!DOCTYPE html>
        <html lang=lang.code() dir=lang.dir()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="description" content="HRDD: human-rights due diligence assessments for UN support to national authorities."/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <AutoReload options=options.clone()/>
                <HashedStylesheet options=options.clone() id="leptos"/>
                // Only pages with an island load the WASM (today: the wizard); every other page is
                // complete HTML and ships no script at all.
                {islands.then(|| view! { <HydrationScripts options islands=true/> })}
                <MetaTags/>
            </head>
            <body class="flex min-h-screen flex-col bg-slate-50 text-slate-900 antialiased">
                <App/>
            </body>
        </html>
    }
}

/// The language the session middleware chose for this request.
fn request_lang() -> crate::i18n::Lang {
    #[cfg(feature = "ssr")]
    {
        crate::web::context::request_lang()
    }
    #[cfg(not(feature = "ssr"))]
    {
        crate::i18n::Lang::default()
    }
}

/// Whether the page being rendered holds an `#[island]`: the wizard (`/cases/{id}/edit/{step}`).
fn has_islands() -> bool {
    #[cfg(feature = "ssr")]
    {
        use_context::<axum::http::request::Parts>().is_some_and(|parts| is_wizard_path(parts.uri.path()))
    }
    #[cfg(not(feature = "ssr"))]
    {
        true
    }
}

/// `/cases/{id}/edit/{step}`: the one route whose page is interactive.
pub fn is_wizard_path(path: &str) -> bool {
    let mut parts = path.trim_matches('/').split('/');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next(), parts.next()),
        (Some("cases"), Some(id), Some("edit"), Some(step), None) if id.parse::<i64>().is_ok() && !step.is_empty()
    )
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Title formatter=|page: String| if page.is_empty() { "HRDD".to_string() } else { format!("{page} · HRDD") }/>
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    // Async SSR: every page arrives complete, so it works without JavaScript.
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/setup") view=SetupPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/password") view=PasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/users") view=AdminUsersPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/users/:id/history") view=AccountHistoryPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/outbox") view=AdminOutboxPage ssr=SsrMode::Async/>
                    <Route path=path!("/methodology") view=MethodologyPage ssr=SsrMode::Async/>
                    <Route path=path!("/cases") view=CaseListPage ssr=SsrMode::Async/>
                    <Route path=path!("/cases/new") view=NewCasePage ssr=SsrMode::Async/>
                    <Route path=path!("/cases/:id") view=CaseSummaryPage ssr=SsrMode::Async/>
                    <Route path=path!("/review") view=ReviewQueuePage ssr=SsrMode::Async/>
                    <Route path=path!("/notifications") view=NotificationsPage ssr=SsrMode::Async/>
                    <Route path=path!("/portfolio") view=PortfolioPageView ssr=SsrMode::Async/>
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/reference/countries") view=ReferenceCountriesPage ssr=SsrMode::Async/>
                    <Route path=path!("/reference/countries/:code") view=ReferenceCountryPage ssr=SsrMode::Async/>
                    <Route path=path!("/reference/import") view=ReferenceImportPage ssr=SsrMode::Async/>
                    <Route path=path!("/cases/:id/edit/:step") view=WizardPage ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}

#[cfg(test)]
mod tests {
    use super::is_wizard_path;

    #[test]
    fn only_wizard_steps_load_the_islands() {
        assert!(is_wizard_path("/cases/12/edit/case"));
        assert!(is_wizard_path("/cases/12/edit/support-C1/"));
        for other in [
            "/",
            "/cases",
            "/cases/12",
            "/cases/new",
            "/cases/12/edit",
            "/cases/x/edit/case",
            "/cases/12/edit/case/more",
            "/portfolio",
        ] {
            assert!(!is_wizard_path(other), "{other}");
        }
    }
}
