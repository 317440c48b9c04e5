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
        crm_events::CrmEventsPage,
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
        meetings::{detail::MeetingPage, list::MeetingsPage},
        my_links::MyLinksPage,
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

    // One route table for both backends (the router's code is compiled once); each path shows
    // its backend's page, and the OBP-only pages are not found with the Enterprise API.
    let pick = move |obp: fn() -> AnyView, enterprise: fn() -> AnyView| {
        move || match backend {
            Backend::Obp => obp(),
            Backend::Enterprise => enterprise(),
        }
    };
    let obp_only = move |page: fn() -> AnyView| pick(page, || NotFoundPage().into_any());
    view! {
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/login") view=pick(
                    || LoginPage().into_any(),
                    || TokenLoginPage().into_any(),
                ) />
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("") view=|| view! { <Redirect path="/customers" /> } />
                    <Route path=path!("/customers") view=pick(
                        || CustomerListPage().into_any(),
                        || EnterpriseListPage().into_any(),
                    ) />
                    <Route path=path!("/customers/new") view=pick(
                        || NewCustomerPage().into_any(),
                        || EnterpriseNewPage().into_any(),
                    ) />
                    // OBP: a customer link without its bank, with or without a tab; the page finds
                    // the bank. The Enterprise API keeps its (tabless) customer page here.
                    <Route path=path!("/customers/:customer_id/*tab") view=pick(
                        || CustomerDetailPage().into_any(),
                        || EnterpriseDetailPage().into_any(),
                    ) />
                    <ParentRoute path=path!("/banks/:bank_id/customers/:customer_id")
                        view=obp_only(|| CustomerDetailPage().into_any())>
                        <Route path=path!("") view=ProfileTab />
                        <Route path=path!("addresses") view=AddressesTab />
                        <Route path=path!("attributes") view=AttributesTab />
                        <Route path=path!("tax-social") view=TaxSocialTab />
                        <Route path=path!("accounts") view=AccountsTab />
                        <Route path=path!("kyc") view=KycTab />
                        <Route path=path!("messages") view=MessagesTab />
                    </ParentRoute>
                    <Route path=path!("/attribute-definitions") view=obp_only(|| AttributeDefinitionsPage().into_any()) />
                    <Route path=path!("/account-links") view=obp_only(|| AccountLinksPage().into_any()) />
                    <Route path=path!("/users/:user_id/customer-links") view=obp_only(|| UserLinksPage().into_any()) />
                    <Route path=path!("/my/links") view=obp_only(|| MyLinksPage().into_any()) />
                    <Route path=path!("/meetings") view=obp_only(|| MeetingsPage().into_any()) />
                    <Route path=path!("/meetings/:meeting_id") view=obp_only(|| MeetingPage().into_any()) />
                    <Route path=path!("/crm-events") view=obp_only(|| CrmEventsPage().into_any()) />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
