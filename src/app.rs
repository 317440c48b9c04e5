//! [`App`]: context (config, session, API handle) and the route table of the configured backend.

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
        customers::{
            accounts::AccountsTab, addresses::AddressesTab, attributes::AttributesTab,
            detail::CustomerDetailPage, kyc::KycTab, list::CustomerListPage, messages::MessagesTab,
            new::NewCustomerPage, profile::ProfileTab, tax_social::TaxSocialTab,
        },
        enterprise::{
            detail::EnterpriseDetailPage, list::EnterpriseListPage, login::TokenLoginPage,
            new::EnterpriseNewPage,
        },
        login::LoginPage,
        not_found::NotFoundPage,
        user_links::UserLinksPage,
    },
    state::{AppConfig, Backend, Session},
};

/// The whole app. `transport` is the browser's fetch in production and a fake in tests.
#[component]
pub fn App(config: AppConfig, transport: Arc<dyn Transport>) -> impl IntoView {
    let session = Session::restore(&config);
    let on_session_over = Callback::new(move |_| {
        session.end(Some("Your session has ended. Sign in again to continue."));
    });
    let api = Api::new(
        transport,
        &config.api_base_url,
        &config.api_version,
        session.token.into(),
        Some(on_session_over),
    )
    .with_backend(config.backend);
    let backend = config.backend;
    provide_context(session);
    provide_context(api);
    provide_context(config);

    match backend {
        Backend::Obp => obp_routes().into_any(),
        Backend::Enterprise => enterprise_routes().into_any(),
    }
}

/// Every page, for OBP.
fn obp_routes() -> impl IntoView {
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
                        <Route path=path!("kyc") view=KycTab />
                        <Route path=path!("messages") view=MessagesTab />
                    </ParentRoute>
                    <Route path=path!("/attribute-definitions") view=AttributeDefinitionsPage />
                    <Route path=path!("/account-links") view=AccountLinksPage />
                    <Route path=path!("/users/:user_id/customer-links") view=UserLinksPage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// The customer pages the Enterprise API supports; other paths are not found.
fn enterprise_routes() -> impl IntoView {
    view! {
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/login") view=TokenLoginPage />
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("") view=|| view! { <Redirect path="/customers" /> } />
                    <Route path=path!("/customers") view=EnterpriseListPage />
                    <Route path=path!("/customers/new") view=EnterpriseNewPage />
                    <Route path=path!("/customers/:id") view=EnterpriseDetailPage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
