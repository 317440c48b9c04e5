//! [`App`]: context (config, backend, session, API handle) and the route table.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::{
    components::{ParentRoute, Redirect, Route, Router, Routes},
    path,
};

use crate::{
    api::{Api, Transport},
    backend,
    components::{Shell, ToastTimes, Toasts},
    config::AppConfig,
    pages::{
        account_links::AccountLinksPage,
        attribute_definitions::AttributeDefinitionsPage,
        crm_events::CrmEventsPage,
        customers::{
            accounts::AccountsTab, addresses::AddressesTab, attributes::AttributesTab,
            detail::CustomerDetailPage, kyc::KycTab, list::CustomerListPage, messages::MessagesTab,
            new::NewCustomerPage, profile::ProfileTab, tax_social::TaxSocialTab,
        },
        login::LoginPage,
        meetings::{detail::MeetingPage, list::MeetingsPage},
        my_links::MyLinksPage,
        not_found::NotFoundPage,
        user_links::UserLinksPage,
    },
    state::{CustomerIndex, Guard, LastList, Session},
};

/// The whole app. `transport` is the browser's fetch in production and a fake in tests.
#[component]
pub fn App(config: AppConfig, transport: Arc<dyn Transport>) -> impl IntoView {
    let backend = backend::for_kind(config.backend);
    let session = Session::restore(&config, backend);
    let on_session_over = Callback::new(move |_| {
        session.end(Some("Your session has ended. Sign in again to continue."));
    });
    let (auth, prefix) = backend.scheme(&config);
    let api = Api::new(
        transport,
        &config.api_base_url,
        &config.api_version,
        session.token.into(),
        Some(on_session_over),
    )
    .with_scheme(auth, &prefix);
    provide_context(CustomerIndex::new(api.clone(), backend, &config, session));
    provide_context(session);
    provide_context(LastList::restore());
    provide_context(Toasts::new(ToastTimes::default()));
    provide_context(api);
    provide_context(config);
    provide_context(backend);
    provide_context(Guard::install());

    // One route table for every backend: the pages a backend does not offer are not found, so
    // no link leads to a page its API lacks.
    let caps = backend.capabilities();
    let offered = move |section: &'static str, page: fn() -> AnyView| {
        let offered = caps.nav.iter().any(|link| link.path == section);
        move || {
            if offered {
                page()
            } else {
                NotFoundPage().into_any()
            }
        }
    };
    let tenant_paths = backend.tenant().in_path;
    view! {
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/login") view=LoginPage />
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("") view=|| view! { <Redirect path="/customers" /> } />
                    <Route path=path!("/customers") view=CustomerListPage />
                    <Route path=path!("/customers/new") view=NewCustomerPage />
                    // A customer link without its bank, with or without a tab: OBP finds the bank
                    // and moves to its URL; a backend without tenants in paths stays here.
                    <ParentRoute path=path!("/customers/:customer_id") view=CustomerDetailPage>
                        <Route path=path!("") view=ProfileTab />
                        <Route path=path!("*tab") view=NotFoundPage />
                    </ParentRoute>
                    <ParentRoute path=path!("/banks/:bank_id/customers/:customer_id")
                        view=move || if tenant_paths { CustomerDetailPage().into_any() } else { NotFoundPage().into_any() }>
                        <Route path=path!("") view=ProfileTab />
                        <Route path=path!("addresses") view=AddressesTab />
                        <Route path=path!("attributes") view=AttributesTab />
                        <Route path=path!("tax-social") view=TaxSocialTab />
                        <Route path=path!("accounts") view=AccountsTab />
                        <Route path=path!("kyc") view=KycTab />
                        <Route path=path!("messages") view=MessagesTab />
                    </ParentRoute>
                    <Route path=path!("/attribute-definitions") view=offered("/attribute-definitions", || AttributeDefinitionsPage().into_any()) />
                    <Route path=path!("/account-links") view=offered("/account-links", || AccountLinksPage().into_any()) />
                    <Route path=path!("/users/:user_id/customer-links") view=offered("/account-links", || UserLinksPage().into_any()) />
                    <Route path=path!("/my/links") view=offered("/my/links", || MyLinksPage().into_any()) />
                    <Route path=path!("/meetings") view=offered("/meetings", || MeetingsPage().into_any()) />
                    <Route path=path!("/meetings/:meeting_id") view=offered("/meetings", || MeetingPage().into_any()) />
                    <Route path=path!("/crm-events") view=offered("/crm-events", || CrmEventsPage().into_any()) />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
