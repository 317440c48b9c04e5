//! [`App`]: context (config, backend, session, API handle) and the route table.
//!
//! Sign-in, the shell and the customer list are in the main wasm module; every other page is a
//! lazy route ([`lazy_pages!`]): with the `split` feature (`cargo xtask build`) its group of
//! pages is a wasm chunk, fetched the first time one of them is shown. Without it (tests:
//! `wasm-bindgen-test` cannot load chunks) the same routes render their pages in place.

use std::sync::Arc;

use leptos::either::Either;
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
    state::{CustomerIndex, Guard, LastList, ListCache, ListPrefs, Session},
};

/// Declares the lazy pages, each group of them one chunk: with the `split` feature, per group a
/// `#[lazy]` function (a wasm-split point) rendering any page of the group, and per page a
/// [`leptos_router::LazyRoute`] calling it. Also `page!(Name)`, the view of page `Name`'s route:
/// `Lazy<Name>` with the feature, the page's component without it.
///
/// Two chunks, not one per page: every chunk is a module of its own, and code that several
/// chunks share but the main module does not use goes into further chunks, so one chunk per
/// page made ~120 modules whose sum, gzipped file by file, was 19% larger.
macro_rules! lazy_pages {
    ($(fn $chunk:ident($pages:ident) { $($route:ident => $page:path),* $(,)? })*) => {
        $(
            #[cfg(feature = "split")]
            #[derive(Clone, Copy)]
            #[repr(u8)]
            enum $pages {
                $($route),*
            }

            #[cfg(feature = "split")]
            #[leptos::lazy]
            fn $chunk(page: $pages) -> AnyView {
                match page {
                    $($pages::$route => $page().into_any()),*
                }
            }

            $(
                #[cfg(feature = "split")]
                struct $route;

                #[cfg(feature = "split")]
                impl leptos_router::LazyRoute for $route {
                    fn data() -> Self {
                        $route
                    }

                    async fn view(_this: Self) -> AnyView {
                        $chunk($pages::$route).await
                    }
                }
            )*
        )*

        macro_rules! page {
            $($(($route) => {{
                #[cfg(feature = "split")]
                let view = leptos_router::Lazy::<$route>::new();
                #[cfg(not(feature = "split"))]
                let view = $page;
                view
            }};)*)*
        }
    };
}

lazy_pages! {
    fn customer_pages(CustomerPage) {
        CustomerDetail => CustomerDetailPage,
        Profile => ProfileTab,
        Addresses => AddressesTab,
        Attributes => AttributesTab,
        TaxSocial => TaxSocialTab,
        Accounts => AccountsTab,
        Kyc => KycTab,
        Messages => MessagesTab,
        NewCustomer => NewCustomerPage,
    }
    fn bank_pages(BankPage) {
        AttributeDefinitions => AttributeDefinitionsPage,
        AccountLinks => AccountLinksPage,
        UserLinks => UserLinksPage,
        MyLinks => MyLinksPage,
        Meetings => MeetingsPage,
        Meeting => MeetingPage,
        CrmEvents => CrmEventsPage,
    }
}

/// `page` where `offered`, the not-found page elsewhere.
fn offered_or_not_found<V>(offered: bool, page: V) -> Either<V, fn() -> AnyView> {
    if offered {
        Either::Left(page)
    } else {
        Either::Right(|| NotFoundPage().into_any())
    }
}

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
    // Customer data of one session is never shown in the next.
    let list_cache = ListCache::default();
    session.on_end(move || list_cache.clear());
    provide_context(list_cache);
    let list_prefs = ListPrefs::restore(config.backend);
    list_prefs.mask_on_sign_out(session);
    provide_context(list_prefs);
    provide_context(Toasts::new(ToastTimes::default()));
    provide_context(api);
    provide_context(config);
    provide_context(backend);
    provide_context(Guard::install());

    // One route table for every backend: the pages a backend does not offer are not found, so
    // no link leads to a page its API lacks.
    let caps = backend.capabilities();
    let offered = |section: &'static str| caps.nav.iter().any(|link| link.path == section);
    let tenant_paths = backend.tenant().in_path;
    view! {
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/login") view=LoginPage />
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("") view=|| view! { <Redirect path="/customers" /> } />
                    <Route path=path!("/customers") view=CustomerListPage />
                    <Route path=path!("/customers/new") view=page!(NewCustomer) />
                    // A customer link without its bank, with or without a tab: OBP finds the bank
                    // and moves to its URL; a backend without tenants in paths stays here.
                    <ParentRoute path=path!("/customers/:customer_id") view=page!(CustomerDetail)>
                        <Route path=path!("") view=page!(Profile) />
                        <Route path=path!("*tab") view=NotFoundPage />
                    </ParentRoute>
                    <ParentRoute path=path!("/banks/:bank_id/customers/:customer_id")
                        view=offered_or_not_found(tenant_paths, page!(CustomerDetail))>
                        <Route path=path!("") view=page!(Profile) />
                        <Route path=path!("addresses") view=page!(Addresses) />
                        <Route path=path!("attributes") view=page!(Attributes) />
                        <Route path=path!("tax-social") view=page!(TaxSocial) />
                        <Route path=path!("accounts") view=page!(Accounts) />
                        <Route path=path!("kyc") view=page!(Kyc) />
                        <Route path=path!("messages") view=page!(Messages) />
                    </ParentRoute>
                    <Route path=path!("/attribute-definitions") view=offered_or_not_found(offered("/attribute-definitions"), page!(AttributeDefinitions)) />
                    <Route path=path!("/account-links") view=offered_or_not_found(offered("/account-links"), page!(AccountLinks)) />
                    <Route path=path!("/users/:user_id/customer-links") view=offered_or_not_found(offered("/account-links"), page!(UserLinks)) />
                    <Route path=path!("/my/links") view=offered_or_not_found(offered("/my/links"), page!(MyLinks)) />
                    <Route path=path!("/meetings") view=offered_or_not_found(offered("/meetings"), page!(Meetings)) />
                    <Route path=path!("/meetings/:meeting_id") view=offered_or_not_found(offered("/meetings"), page!(Meeting)) />
                    <Route path=path!("/crm-events") view=offered_or_not_found(offered("/crm-events"), page!(CrmEvents)) />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
