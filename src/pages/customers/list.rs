//! `/customers`: the tenant's customers, as the backend lists them. With OBP: behind a scope
//! switch (the bank's customers, paged and sorted server-side, with lookup by customer number
//! and search by mobile phone, by default; the user's own, every bank's, the id-only lists and
//! the firehose on request). With the Enterprise API: numbered pages with totals and a jump.
//! Above them, search as you type over the whole bank's (or profile's) customers. All view state
//! lives in the URL query.

use leptos::prelude::*;
use leptos_router::{
    components::A,
    hooks::{use_location, use_navigate},
};

use super::{
    export::{ExportButton, ExportSet},
    list_controls::{FindByNumber, FirehoseDates, ListControls, PhoneSearch, ScopePicker},
    search::{search_text, CustomerSearchBox, CustomerSearchResults},
    view_options::{ColumnChooser, RevealToggle},
    CustomerIdTable, CustomerTable,
};
use crate::{
    api::{Api, ApiError},
    backend::{Backend, CustomerPage, Rows},
    components::{ErrorView, ListShortcuts, Loading, Pager, RequireRole},
    dates::now_ms,
    query::{customer_query::CustomerQuery, list_scope::ListScope, route_keys},
    routes,
    state::{LastList, ListCache, Session},
};

/// The customer list page.
#[component]
pub fn CustomerListPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let backend = expect_context::<Backend>();
    let session = expect_context::<Session>();
    let caps = backend.capabilities();
    let query = route_keys::kept_query_state("/customers", move |get| {
        CustomerQuery::from_params(caps.paging, get)
    });
    let navigate = use_navigate();
    let go = Callback::new(move |next: CustomerQuery| {
        navigate(
            &format!("/customers{}", next.to_search()),
            Default::default(),
        );
    });

    // Each answer comes with the list it answers (tenant and query), so it is never shown or
    // kept under another one.
    let key = move || format!("{} {}", session.tenant.get(), query.get().to_search());
    let page = LocalResource::new(move || {
        api.connection().track_reconnects();
        let (list, query, tenant) = (key(), query.get(), session.tenant.get());
        let answer = backend.list(&api, &tenant, &query);
        async move { (list, answer.await) }
    });
    let shown = cached_or_answered(key, page);
    remember_place();
    let search = search_text();
    let browsing = move || search.with(|text| text.trim().is_empty());
    let scope_is = move |wanted: fn(ListScope) -> bool| move || wanted(query.get().scope);

    view! {
        <div class="page-header">
            <div>
                <h1>"Customers"</h1>
                <p class="muted">
                    {move || format!("{} {}", backend.tenant().label, session.tenant.get())}
                </p>
            </div>
            <RequireRole roles=caps.create_roles what="Creating customers">
                <A href="/customers/new" attr:class="button">"New customer"</A>
            </RequireRole>
        </div>
        <CustomerSearchBox text=search />
        <Show when=browsing>
            <div class="toolbar">
                {caps.scopes.then(|| view! { <ScopePicker query go /> })}
                {caps.find_by_number.then(|| view! { <FindByNumber query /> })}
                {caps.phone_search.then(|| view! {
                    <Show when=scope_is(|s| s == ListScope::Bank)><PhoneSearch query go /></Show>
                })}
                <Show when=scope_is(ListScope::is_paged)><ListControls query go sort=caps.sort /></Show>
                {caps.scopes.then(|| view! {
                    <Show when=scope_is(|s| s == ListScope::Firehose)><FirehoseDates query go /></Show>
                })}
            </div>
        </Show>
        <div class="list-options"><ColumnChooser /><RevealToggle /></div>
        <ListShortcuts>
            <Show when=browsing fallback=move || view! { <CustomerSearchResults text=search /> }>
                {move || match shown.get() {
                    None => view! { <Loading what="customers" /> }.into_any(),
                    Some((_, Ok(found))) => view! { <Results found query go /> }.into_any(),
                    Some((_, Err(error))) => view! {
                        <ErrorView error retry=Callback::new(move |_| page.refetch()) />
                    }.into_any(),
                }}
            </Show>
        </ListShortcuts>
    }
}

/// What the list shows, and for which list (tenant and query): the API's answer for the list
/// in the URL; until it comes, the same list as this tab showed it less than 30 s ago
/// ([`ListCache`]), so going back to the list paints at once; else the last answer while the
/// next is on its way. A memo, so an answer equal to what is shown for the same list (the usual
/// revalidation) changes nothing on the page.
fn cached_or_answered(
    key: impl Fn() -> String + Copy + Send + Sync + 'static,
    page: LocalResource<(String, Result<CustomerPage, ApiError>)>,
) -> Memo<Option<(String, Result<CustomerPage, ApiError>)>> {
    let cache = expect_context::<ListCache>();
    Effect::new(move || {
        if let Some((list, Ok(found))) = page.get() {
            cache.put(list, found, now_ms());
        }
    });
    Memo::new(move |_| {
        let list = key();
        match page.get() {
            Some(answered) if answered.0 == list => Some(answered),
            earlier => match cache.fresh(&list, now_ms()) {
                Some(found) => Some((list, Ok(found))),
                None => earlier,
            },
        }
    })
}

/// The table (or an empty state) and, for the lists the API pages, the pager.
#[component]
fn Results(
    found: CustomerPage,
    query: Memo<CustomerQuery>,
    go: Callback<CustomerQuery>,
) -> impl IntoView {
    let current = query.get_untracked();
    let count = found.rows.len();
    let total = found.total.map(|t| (t.count, t.pages));
    let caption = match (&current.phone, total) {
        (Some(pattern), _) => {
            format!("{count} customers with a mobile phone matching \u{201c}{pattern}\u{201d}")
        }
        (None, Some((all, pages))) => format!(
            "{all} customers \u{00b7} page {} of {}",
            current.page_number(),
            pages.max(1)
        ),
        (None, None) if current.scope.is_users_own() => {
            format!("Customers linked to your user: {count}")
        }
        (None, None) => String::new(),
    };
    let empty = match (&current.phone, total) {
        (Some(_), _) => "No customer's mobile phone matches this pattern.".to_owned(),
        (None, Some((0, _))) => format!(
            "This {} has no customers yet.",
            expect_context::<Backend>().tenant().label.to_lowercase()
        ),
        _ => current.scope.empty_note(current.page.offset).to_owned(),
    };
    let pager = (current.scope.is_paged() && current.phone.is_none())
        .then(|| view! { <Pager query=current rows=count total go /> });
    view! {
        {(!caption.is_empty()).then(|| view! { <p class="results-caption" role="status">{caption}</p> })}
        {match found.rows {
            _ if count == 0 => view! { <p class="empty-state">{empty}</p> }.into_any(),
            Rows::Records(list) => {
                let sets = vec![ExportSet { label: "This page".to_owned(), rows: list.clone() }];
                view! {
                    <div class="list-actions"><ExportButton sets=Signal::stored(sets) /></div>
                    <CustomerTable customers=list />
                }.into_any()
            }
            Rows::Ids(list) => view! { <CustomerIdTable customers=list /> }.into_any(),
        }}
        {pager}
    }
}

/// Keeps the list's URL, as it changes, for the links back to the list.
fn remember_place() {
    let last_list = expect_context::<LastList>();
    let location = use_location();
    Effect::new(move || {
        // The location moves on before the page is gone: only the list's own URL counts.
        if location.pathname.get() == routes::HOME {
            let search = location.search.get();
            let search = search.trim_start_matches('?');
            let url = match search {
                "" => routes::HOME.to_owned(),
                query => format!("{}?{query}", routes::HOME),
            };
            last_list.remember(&url);
        }
    });
}
