//! [`App`]: context (config, session, API handle) and the route table.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::{
    components::{ParentRoute, Redirect, Route, Router, Routes},
    path,
};

use crate::{
    api::{Api, Transport},
    components::Shell,
    pages::{
        account_links::AccountLinksPage,
        attribute_definitions::AttributeDefinitionsPage,
        crm_events::CrmEventsPage,
        customers::{
            accounts::AccountsTab, addresses::AddressesTab, attributes::AttributesTab,
            detail::CustomerDetailPage, list::CustomerListPage, new::NewCustomerPage,
            profile::ProfileTab, tax_social::TaxSocialTab,
        },
        login::LoginPage,
        meetings::{detail::MeetingPage, list::MeetingsPage},
        my_links::MyLinksPage,
        not_found::NotFoundPage,
        user_links::UserLinksPage,
    },
    state::{AppConfig, Session},
};

/// The whole app. `transport` is the browser's fetch in production and a fake in tests.
#[component]
pub fn App(config: AppConfig, transport: Arc<dyn Transport>) -> impl IntoView {
    let session = Session::restore(&config.default_bank_id);
    let on_session_over = Callback::new(move |_| {
        session.end(Some("Your session has ended. Sign in again to continue."));
    });
    let api = Api::new(
        transport,
        &config.api_base_url,
        &config.api_version,
        session.token.into(),
        Some(on_session_over),
    );
    provide_context(session);
    provide_context(api);
    provide_context(config);

    view! {
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/login") view=LoginPage />
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("") view=|| view! { <Redirect path="/customers" /> } />
                    <Route path=path!("/customers") view=CustomerListPage />
                    <Route path=path!("/customers/new") view=NewCustomerPage />
                    <ParentRoute path=path!("/customers/:id") view=CustomerDetailPage>
                        <Route path=path!("") view=ProfileTab />
                        <Route path=path!("addresses") view=AddressesTab />
                        <Route path=path!("attributes") view=AttributesTab />
                        <Route path=path!("tax-social") view=TaxSocialTab />
                        <Route path=path!("accounts") view=AccountsTab />
                    </ParentRoute>
                    <Route path=path!("/attribute-definitions") view=AttributeDefinitionsPage />
                    <Route path=path!("/account-links") view=AccountLinksPage />
                    <Route path=path!("/users/:user_id/customer-links") view=UserLinksPage />
                    <Route path=path!("/my/links") view=MyLinksPage />
                    <Route path=path!("/meetings") view=MeetingsPage />
                    <Route path=path!("/meetings/:meeting_id") view=MeetingPage />
                    <Route path=path!("/crm-events") view=CrmEventsPage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
