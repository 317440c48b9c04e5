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
        customers::{detail::CustomerDetailPage, list::CustomerListPage, new::NewCustomerPage},
        login::LoginPage,
        not_found::NotFoundPage,
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
                    <Route path=path!("/customers/:id") view=CustomerDetailPage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
