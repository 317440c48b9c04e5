//! `/customers`: the bank's customers, paged and sorted server-side, with quick lookup by customer
//! number and search by mobile phone. All view state lives in the URL query.

use leptos::prelude::*;
use leptos_router::{
    components::A,
    hooks::{use_location, use_navigate, use_query_map},
};

use super::detail_path;
use crate::{
    api::{customers, customers::SortDirection, Api, ApiError},
    components::{CustomerTable, ErrorView, Loading, Pager, RequireRole},
    state::{
        customer_query::{CustomerQuery, PAGE_SIZES},
        Session,
    },
};

/// The customer list page.
#[component]
pub fn CustomerListPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let params = use_query_map();
    let location = use_location();
    // Frozen once the router leaves this page, so leaving does not refetch page one.
    let query = Memo::new(move |last: Option<&CustomerQuery>| match last {
        Some(last) if location.pathname.get() != "/customers" => last.clone(),
        _ => params.with(|p| CustomerQuery::from_params(|k| p.get(k))),
    });
    let navigate = use_navigate();
    let go = Callback::new(move |next: CustomerQuery| {
        navigate(
            &format!("/customers{}", next.to_search()),
            Default::default(),
        );
    });

    let rows = LocalResource::new(move || {
        let (api, query, bank) = (api.clone(), query.get(), session.bank_id.get());
        async move {
            match &query.phone {
                Some(pattern) => customers::search_by_phone(&api, &bank, pattern).await,
                None => customers::list(&api, &bank, query.page).await,
            }
        }
    });

    view! {
        <div class="page-header">
            <h1>"Customers"</h1>
            <RequireRole roles=&["CanCreateCustomer", "CanCreateCustomerAtAnyBank"] what="Creating customers">
                <A href="/customers/new" attr:class="button">"New customer"</A>
            </RequireRole>
        </div>
        <div class="toolbar">
            <FindByNumber />
            <PhoneSearch query go />
            <ListControls query go />
        </div>
        <Transition fallback=|| view! { <Loading what="customers" /> }>
            {move || rows.get().map(|result| match result {
                Ok(list) => view! { <Results list query go /> }.into_any(),
                Err(error) => view! {
                    <ErrorView error retry=Callback::new(move |_| rows.refetch()) />
                }.into_any(),
            })}
        </Transition>
    }
}

/// The table (or an empty state) and the pager.
#[component]
fn Results(
    list: Vec<customers::Customer>,
    query: Memo<CustomerQuery>,
    go: Callback<CustomerQuery>,
) -> impl IntoView {
    let current = query.get_untracked();
    let rows = list.len();
    let caption = match &current.phone {
        Some(pattern) => {
            format!("{rows} customers with a mobile phone matching \u{201c}{pattern}\u{201d}")
        }
        None => String::new(),
    };
    let empty = match (&current.phone, current.page.offset) {
        (Some(_), _) => "No customer's mobile phone matches this pattern.",
        (None, 0) => "This bank has no customers yet.",
        (None, _) => "No more customers: this page is past the last one.",
    };
    let pager = current.phone.is_none().then(|| {
        view! {
            <Pager
                offset=current.page.offset
                limit=current.page.limit
                rows
                on_change=Callback::new(move |offset| go.run(query.get_untracked().at_offset(offset)))
            />
        }
    });
    view! {
        {(!caption.is_empty()).then(|| view! { <p class="results-caption" role="status">{caption}</p> })}
        {if list.is_empty() {
            view! { <p class="empty-state">{empty}</p> }.into_any()
        } else {
            view! { <CustomerTable customers=list /> }.into_any()
        }}
        {pager}
    }
}

/// Rows per page and sort direction.
#[component]
fn ListControls(query: Memo<CustomerQuery>, go: Callback<CustomerQuery>) -> impl IntoView {
    let set_limit = move |ev| {
        let current = query.get_untracked();
        let limit = event_target_value(&ev)
            .parse()
            .unwrap_or(current.page.limit);
        go.run(current.with_page(limit, current.page.sort));
    };
    let set_sort = move |ev| {
        let current = query.get_untracked();
        let sort = SortDirection::parse(&event_target_value(&ev)).unwrap_or_default();
        go.run(current.with_page(current.page.limit, sort));
    };
    let limit_options = move || {
        let limit = query.get().page.limit;
        PAGE_SIZES
            .iter()
            .map(|size| view! { <option value=size.to_string() selected=*size == limit>{size.to_string()}</option> })
            .collect_view()
    };
    view! {
        <div class="list-controls">
            <div class="field field-inline">
                <label for="page-size">"Rows per page"</label>
                <select id="page-size" on:change=set_limit>{limit_options}</select>
            </div>
            <div class="field field-inline">
                <label for="sort-direction">"Order by last OK date"</label>
                <select id="sort-direction" on:change=set_sort>
                    <option value="desc" selected=move || query.get().page.sort == SortDirection::Desc>
                        "Newest first"
                    </option>
                    <option value="asc" selected=move || query.get().page.sort == SortDirection::Asc>
                        "Oldest first"
                    </option>
                </select>
            </div>
        </div>
    }
}

/// Customer number → straight to that customer's page.
#[component]
fn FindByNumber() -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let navigate = use_navigate();
    let number = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<ApiError>);
    let find = Action::new_local(move |number: &String| {
        let (api, number, navigate) = (api.clone(), number.clone(), navigate.clone());
        let bank = session.bank_id.get_untracked();
        async move {
            match customers::get_by_number(&api, &bank, &number).await {
                Ok(customer) => navigate(&detail_path(&customer.customer_id), Default::default()),
                Err(error) => failure.set(Some(error)),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let wanted = number.get_untracked().trim().to_owned();
        if wanted.is_empty() || find.pending().get_untracked() {
            return;
        }
        failure.set(None);
        find.dispatch_local(wanted);
    };
    view! {
        <form class="lookup" role="search" aria-label="Find by customer number" on:submit=submit>
            <div class="field field-inline">
                <label for="find-number">"Customer number"</label>
                <input id="find-number" type="search" inputmode="numeric"
                    prop:value=move || number.get()
                    on:input=move |ev| { number.set(event_target_value(&ev)); failure.set(None); } />
            </div>
            <button type="submit" class="secondary" disabled=move || find.pending().get()>"Find"</button>
            {move || failure.get().map(|error| view! { <ErrorView error /> })}
        </form>
    }
}

/// Mobile phone pattern search; the pattern goes into the URL.
#[component]
fn PhoneSearch(query: Memo<CustomerQuery>, go: Callback<CustomerQuery>) -> impl IntoView {
    let pattern = RwSignal::new(query.get_untracked().phone.unwrap_or_default());
    Effect::new(move || pattern.set(query.get().phone.unwrap_or_default()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let wanted = pattern.get_untracked().trim().to_owned();
        go.run(CustomerQuery {
            phone: (!wanted.is_empty()).then_some(wanted),
            ..query.get_untracked().at_offset(0)
        });
    };
    let clear = move |_| {
        go.run(CustomerQuery {
            phone: None,
            ..query.get_untracked()
        })
    };
    view! {
        <form class="lookup" role="search" aria-label="Search by mobile phone" on:submit=submit>
            <div class="field field-inline">
                <label for="phone-search">"Mobile phone number"</label>
                <input id="phone-search" type="search" placeholder="+44%"
                    aria-describedby="phone-search-help"
                    prop:value=move || pattern.get()
                    on:input=move |ev| pattern.set(event_target_value(&ev)) />
            </div>
            <button type="submit" class="secondary">"Search"</button>
            <Show when=move || query.get().phone.is_some()>
                <button type="button" class="link" on:click=clear>"Clear search"</button>
            </Show>
            <p id="phone-search-help" class="field-help">"% matches any digits, _ exactly one."</p>
        </form>
    }
}
