//! `/customers`: OBP's customer lists behind a scope switch. The bank's customers (paged and
//! sorted server-side, with lookup by customer number and search by mobile phone) by default;
//! the user's own customers, every bank's, the id-only lists and the firehose on request. All
//! view state lives in the URL query.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_navigate};

use super::{
    list_controls::{FindByNumber, FirehoseDates, ListControls, PhoneSearch, ScopePicker},
    CustomerIdTable, CustomerTable,
};
use crate::{
    api::{
        customers::{self, Customer, CustomerMinimal},
        firehose, my_customers, roles, Api, ApiError,
    },
    components::{ErrorView, Loading, Pager, RequireRole},
    query::{customer_query::CustomerQuery, list_scope::ListScope, route_keys},
    state::Session,
};

/// The customer list page.
#[component]
pub fn CustomerListPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let query = route_keys::kept_query_state("/customers", |get| CustomerQuery::from_params(get));
    let navigate = use_navigate();
    let go = Callback::new(move |next: CustomerQuery| {
        navigate(
            &format!("/customers{}", next.to_search()),
            Default::default(),
        );
    });

    let rows = LocalResource::new(move || {
        let (api, query, bank) = (api.clone(), query.get(), session.bank_id.get());
        async move { load(&api, &bank, &query).await }
    });
    let scope_is = move |wanted: fn(ListScope) -> bool| move || wanted(query.get().scope);

    view! {
        <div class="page-header">
            <h1>"Customers"</h1>
            <RequireRole roles=roles::CREATE_CUSTOMER what="Creating customers">
                <A href="/customers/new" attr:class="button">"New customer"</A>
            </RequireRole>
        </div>
        <div class="toolbar">
            <ScopePicker query go />
            <FindByNumber query />
            <Show when=scope_is(|s| s == ListScope::Bank)><PhoneSearch query go /></Show>
            <Show when=scope_is(ListScope::is_paged)><ListControls query go /></Show>
            <Show when=scope_is(|s| s == ListScope::Firehose)><FirehoseDates query go /></Show>
        </div>
        <Transition fallback=|| view! { <Loading what="customers" /> }>
            {move || rows.get().map(|result| match result {
                Ok(rows) => view! { <Results rows query go /> }.into_any(),
                Err(error) => view! {
                    <ErrorView error retry=Callback::new(move |_| rows.refetch()) />
                }.into_any(),
            })}
        </Transition>
    }
}

/// One page of a list: whole customers, or their ids only with the bank the list was read at
/// (empty for the lists across banks).
#[derive(Clone)]
enum Rows {
    Customers(Vec<Customer>),
    Ids(Vec<CustomerMinimal>, String),
}

impl Rows {
    fn len(&self) -> usize {
        match self {
            Self::Customers(list) => list.len(),
            Self::Ids(list, _) => list.len(),
        }
    }
}

/// Loads what `query` asks for from its scope's endpoint.
async fn load(api: &Api, bank: &str, query: &CustomerQuery) -> Result<Rows, ApiError> {
    use ListScope as S;
    let page = query.page;
    Ok(match query.scope {
        S::Bank => Rows::Customers(match &query.phone {
            Some(pattern) => customers::search_by_phone(api, bank, pattern).await?,
            None => customers::list(api, bank, page).await?,
        }),
        S::Mine => Rows::Customers(my_customers::mine(api).await?),
        S::MineAtBank => Rows::Customers(my_customers::mine_at_bank(api, bank).await?),
        S::CurrentUser => Rows::Customers(my_customers::for_current_user(api).await?),
        S::CurrentUserIds => Rows::Ids(
            my_customers::ids_for_current_user(api).await?,
            String::new(),
        ),
        S::AnyBank => Rows::Customers(customers::list_at_any_bank(api, page).await?),
        S::MinimalAtBank => Rows::Ids(
            customers::list_minimal(api, bank, page).await?,
            bank.to_owned(),
        ),
        S::MinimalAnyBank => Rows::Ids(
            customers::list_minimal_at_any_bank(api, page).await?,
            String::new(),
        ),
        S::Firehose => Rows::Customers(firehose::customers(api, bank, &query.firehose()).await?),
    })
}

/// The table (or an empty state) and, for the lists OBP pages, the pager.
#[component]
fn Results(rows: Rows, query: Memo<CustomerQuery>, go: Callback<CustomerQuery>) -> impl IntoView {
    let current = query.get_untracked();
    let count = rows.len();
    let caption = match &current.phone {
        Some(pattern) => {
            format!("{count} customers with a mobile phone matching \u{201c}{pattern}\u{201d}")
        }
        None if current.scope.is_users_own() => format!("Customers linked to your user: {count}"),
        None => String::new(),
    };
    let empty = match current.phone {
        Some(_) => "No customer's mobile phone matches this pattern.",
        None => current.scope.empty_note(current.page.offset),
    };
    let pager = (current.scope.is_paged() && current.phone.is_none()).then(|| {
        view! {
            <Pager
                offset=current.page.offset
                limit=current.page.limit
                rows=count
                on_change=Callback::new(move |offset| go.run(query.get_untracked().at_offset(offset)))
            />
        }
    });
    view! {
        {(!caption.is_empty()).then(|| view! { <p class="results-caption" role="status">{caption}</p> })}
        {match rows {
            _ if count == 0 => view! { <p class="empty-state">{empty}</p> }.into_any(),
            Rows::Customers(list) => view! { <CustomerTable customers=list /> }.into_any(),
            Rows::Ids(list, read_at) => view! { <CustomerIdTable customers=list read_at /> }.into_any(),
        }}
        {pager}
    }
}
