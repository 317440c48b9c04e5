//! The customer list's toolbar: the scope switch, lookup by customer number, mobile phone
//! search, rows per page and sort, and the firehose's dates. Each changes the URL query, which
//! the page reads.

use leptos::{ev::SubmitEvent, prelude::*};
use leptos_router::{hooks::use_navigate, NavigateOptions};

use crate::{
    api::{customers, customers::SortDirection, Api},
    components::{ErrorView, Submission},
    query::{
        customer_query::{CustomerQuery, PAGE_SIZES},
        list_scope::ListScope,
        route_keys,
    },
    routes::detail_path,
    state::Session,
};

/// Which of OBP's lists the page shows. A scope that needs a role (the firehose) is offered only
/// to users holding it, unless the URL already names it.
#[component]
pub fn ScopePicker(
    /// The list's view state.
    query: Memo<CustomerQuery>,
    /// Moves to another view state.
    go: Callback<CustomerQuery>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let change = move |ev| {
        let scope = ListScope::parse(&event_target_value(&ev)).unwrap_or_default();
        go.run(query.get_untracked().in_scope(scope));
    };
    let options = move || {
        let current = query.get().scope;
        ListScope::ALL
            .into_iter()
            .filter(|scope| {
                *scope == current
                    || scope.roles().is_empty()
                    || session.allows(scope.roles()) == Some(true)
            })
            .map(|scope| {
                view! { <option value=scope.as_str() selected=scope == current>{scope.label()}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="field field-inline">
            <label for="list-scope">"Scope"</label>
            <select id="list-scope" on:change=change>{options}</select>
        </div>
    }
}

/// The firehose's window: customers whose record changed between two days (UTC, inclusive),
/// either end open.
#[component]
pub fn FirehoseDates(
    /// The list's view state.
    query: Memo<CustomerQuery>,
    /// Moves to another view state.
    go: Callback<CustomerQuery>,
) -> impl IntoView {
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    Effect::new(move || {
        let current = query.get();
        from.set(current.from_date.unwrap_or_default());
        to.set(current.to_date.unwrap_or_default());
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let day = |typed: RwSignal<String>| Some(typed.get_untracked()).filter(|d| !d.is_empty());
        go.run(query.get_untracked().with_window(day(from), day(to)));
    };
    let input = |id: &'static str, label: &'static str, day: RwSignal<String>| {
        view! {
            <div class="field field-inline">
                <label for=id>{label}</label>
                <input id=id type="date" prop:value=move || day.get()
                    on:input=move |ev| day.set(event_target_value(&ev)) />
            </div>
        }
    };
    view! {
        <form class="lookup" aria-label="Firehose period" on:submit=submit>
            {input("firehose-from", "Changed from", from)}
            {input("firehose-to", "Changed to", to)}
            <button type="submit" class="secondary">"Apply dates"</button>
            <p class="field-help">"Customers whose record changed between these days (UTC); leave one open."</p>
        </form>
    }
}

/// Rows per page and sort direction.
#[component]
pub fn ListControls(
    /// The list's view state.
    query: Memo<CustomerQuery>,
    /// Moves to another view state.
    go: Callback<CustomerQuery>,
    /// Whether the list can be sorted.
    sort: bool,
) -> impl IntoView {
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
            {sort.then(|| view! {
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
            })}
        </div>
    }
}

/// Customer number → straight to that customer's page. The number looked up is kept in the
/// list's URL (`number=…`), so back and reload show it again.
#[component]
pub fn FindByNumber(
    /// The list's view state.
    query: Memo<CustomerQuery>,
) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let navigate = use_navigate();
    let looked_up = route_keys::kept_query("/customers", "number");
    let number = RwSignal::new(looked_up.get_untracked());
    Effect::new(move || number.set(looked_up.get()));
    let find = Submission::new(RwSignal::new(None));
    let remember = {
        let navigate = navigate.clone();
        move |wanted: &str| {
            let path = format!(
                "/customers{}",
                query.get_untracked().to_search_with_number(wanted)
            );
            let replace = NavigateOptions {
                replace: true,
                ..Default::default()
            };
            navigate(&path, replace);
        }
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let wanted = number.get_untracked().trim().to_owned();
        if wanted.is_empty() || find.pending().get_untracked() {
            return;
        }
        remember(&wanted);
        let (api, navigate) = (api.clone(), navigate.clone());
        let bank = session.tenant.get_untracked();
        find.send(
            {
                let bank = bank.clone();
                move || async move { customers::get_by_number(&api, &bank, &wanted).await }
            },
            // OBP looks numbers up at one bank: the customer is at `bank`.
            move |customer| {
                navigate(
                    &detail_path(&bank, &customer.customer_id),
                    Default::default(),
                )
            },
            |_| {},
        );
    };
    view! {
        <form class="lookup" role="search" aria-label="Find by customer number" on:submit=submit>
            <div class="field field-inline">
                <label for="find-number">"Customer number"</label>
                <input id="find-number" type="search" inputmode="numeric"
                    prop:value=move || number.get()
                    on:input=move |ev| { number.set(event_target_value(&ev)); find.failure.set(None); } />
            </div>
            <button type="submit" class="secondary" disabled=move || find.pending().get()>"Find"</button>
            {move || find.failure.get().map(|error| view! { <ErrorView error /> })}
        </form>
    }
}

/// Mobile phone pattern search; the pattern goes into the URL.
#[component]
pub fn PhoneSearch(
    /// The list's view state.
    query: Memo<CustomerQuery>,
    /// Moves to another view state.
    go: Callback<CustomerQuery>,
) -> impl IntoView {
    let pattern = RwSignal::new(query.get_untracked().phone.unwrap_or_default());
    Effect::new(move || pattern.set(query.get().phone.unwrap_or_default()));
    let submit = move |ev: SubmitEvent| {
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
