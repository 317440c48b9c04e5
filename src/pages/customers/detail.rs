//! `/banks/:bank_id/customers/:customer_id/…`: the customer page. A header naming the customer,
//! tabs, and the tab's page. Each tab loads its own data as soon as the page opens, in parallel
//! with the customer.
//!
//! `/customers/:customer_id/…`, a link without the bank (from before the bank was part of them,
//! or from a list that does not name it), finds the bank from the customer's record, then
//! replaces the URL (no new history entry) by the bank's, keeping the tab, query and hash.

use leptos::prelude::*;
use leptos_router::{
    components::{Outlet, A},
    hooks::{use_navigate, use_params_map},
};

use super::{move_to_bank, scope::CustomerScope, KycBadge};
use crate::{
    api::{
        customers::{self, Customer},
        roles, ApiError,
    },
    components::{ConfirmDialog, ErrorView, Loading, RequireRole, RoleBank},
    query::route_keys,
    routes::detail_path,
    state::Session,
};

/// The tabs: label and path below `/banks/:bank_id/customers/:customer_id`.
const TABS: &[(&str, &str)] = &[
    ("Profile", ""),
    ("Addresses", "/addresses"),
    ("Attributes", "/attributes"),
    ("Tax & social", "/tax-social"),
    ("Accounts & links", "/accounts"),
    ("KYC", "/kyc"),
    ("Messages", "/messages"),
];

/// The customer page around the current tab, at the bank in its URL: every tab reads, changes
/// and checks roles there, whatever bank the header shows.
#[component]
pub fn CustomerDetailPage() -> impl IntoView {
    // Opened without a bank, the page keeps none: when it moves to the bank's URL, the router
    // shows that URL's params to this page as it leaves, which would load the customer again.
    let bank = match use_params_map().with_untracked(|p| p.get("bank_id")) {
        Some(_) => route_keys::kept_param("bank_id"),
        None => Memo::new(|_| String::new()),
    };
    let scope = CustomerScope::new(bank, route_keys::kept_param("customer_id"));
    provide_context(scope);
    provide_context(RoleBank(scope.bank.into()));
    let loaded = load_customer(scope);
    // OBP answers for a customer of another bank too: a URL without the customer's bank, or
    // naming another, moves to the customer's own.
    let move_to_bank = move_to_bank();
    Effect::new(move || match loaded.get() {
        Some(Ok(Some(found)))
            if !found.bank_id.is_empty() && found.bank_id != scope.bank.get_untracked() =>
        {
            move_to_bank(&found.bank_id, &found.customer_id);
        }
        Some(Ok(Some(found))) => scope.customer.set(found),
        _ => {}
    });
    // A memo, so the record's arrival (no error before, none after) leaves the tab mounted: a
    // re-mounted tab would fetch its lists a second time.
    let failed = Memo::new(move |_| loaded.get().and_then(Result::err));
    // Opened without a bank, the tabs wait for the move to the bank's URL.
    let bank_known = move || scope.bank.with(|bank| !bank.is_empty());

    view! {
        <div class="page-header">
            <div>
                <A href="/customers">"\u{2190} Customers"</A>
                <CustomerTitle />
            </div>
            <Show when=move || scope.is_loaded()><DeleteCustomer /></Show>
        </div>
        {move || match failed.get() {
            Some(error) => view! {
                <ErrorView error retry=Callback::new(move |_| loaded.refetch()) />
            }.into_any(),
            None if !bank_known() => ().into_any(),
            None => view! {
                <nav class="tabs" aria-label="Customer sections">
                    {TABS.iter().map(|(label, rest)| {
                        let href = move || format!("{}{rest}", detail_path(&scope.bank.get(), &scope.id.get()));
                        view! { <A href=href exact=true>{*label}</A> }
                    }).collect_view()}
                </nav>
                <div class="tab-page">
                    <Outlet />
                </div>
            }.into_any(),
        }}
    }
}

/// The customer at the bank in the URL. Without a bank there, the customer is found from its
/// record ([`customers::locate`]): at the header's bank, then at the other banks where the user
/// may read customers, so it waits for the user's roles (`None` until they are known).
fn load_customer(scope: CustomerScope) -> LocalResource<Result<Option<Customer>, ApiError>> {
    let session = expect_context::<Session>();
    scope.load(move |api, bank, id| {
        // A new bank or customer: the old record must not show under the new key.
        scope.customer.set(Default::default());
        let unknown_bank = bank.is_empty().then(|| {
            let may_read = session.user.with(|user| {
                user.as_ref()
                    .map(|user| user.banks_holding(roles::GET_CUSTOMER))
            });
            (session.bank_id.get(), may_read)
        });
        async move {
            match unknown_bank {
                None => customers::get(&api, &bank, &id).await.map(Some),
                Some((first, Some(then))) => {
                    customers::locate(&api, &first, &then, &id).await.map(Some)
                }
                // Asked again once the user's roles are known.
                Some((_, None)) => Ok(None),
            }
        }
    })
}

/// The name, number, bank and KYC status; a spinner until the customer is loaded.
#[component]
fn CustomerTitle() -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let customer = scope.customer;
    view! {
        <Show when=move || scope.is_loaded() fallback=|| view! { <Loading what="customer" /> }>
            <h1>{move || customer.with(|c| c.legal_name.clone())}</h1>
            <p class="muted">
                {move || customer.with(|c| format!("Customer number {} \u{00b7} {}", c.customer_number, c.bank_id))}
                " "
                {move || view! { <KycBadge ok=customer.with(|c| c.kyc_status) /> }}
            </p>
        </Show>
    }
}

/// The Delete button and its confirm dialog.
#[component]
fn DeleteCustomer() -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let session = expect_context::<Session>();
    let navigate = use_navigate();
    let open = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let delete = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        let (api, bank, id) = scope.target();
        let name = scope.customer.with_untracked(|c| c.legal_name.clone());
        async move {
            match customers::delete_cascade(&api, &bank, &id).await {
                Ok(()) => {
                    session.flash_for(
                        "/customers",
                        format!("Deleted {name} and everything linked to it."),
                    );
                    navigate("/customers", Default::default());
                }
                Err(error) => failure.set(Some(error)),
            }
        }
    });
    let (name, number) = scope
        .customer
        .with_untracked(|c| (c.legal_name.clone(), c.customer_number.clone()));
    view! {
        <RequireRole roles=roles::DELETE_CUSTOMER what="Deleting customers">
            <button type="button" class="danger" on:click=move |_| { failure.set(None); open.set(true); }>
                "Delete customer"
            </button>
        </RequireRole>
        <ConfirmDialog
            open
            title=format!("Delete {name}?")
            message=format!(
                "This permanently deletes customer number {number} and everything linked to it: \
                 attributes, addresses, account and user links, KYC records. It cannot be undone."
            )
            confirm_label="Delete permanently"
            on_confirm=Callback::new(move |_| {
                if !delete.pending().get_untracked() {
                    delete.dispatch_local(());
                }
            })
            pending=delete.pending().into()
            error=failure.into()
        />
    }
}
