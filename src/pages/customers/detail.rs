//! `/banks/:bank_id/customers/:customer_id/…`: the customer page. A header naming the customer,
//! tabs, and the tab's page. Each tab loads its own data as soon as the page opens, in parallel
//! with the customer.

use leptos::prelude::*;
use leptos_router::{
    components::{Outlet, A},
    hooks::use_navigate,
};

use super::{detail_path, move_to_bank, scope::CustomerScope};
use crate::{
    api::{customers, ApiError},
    components::{ConfirmDialog, ErrorView, KycBadge, Loading, RequireRole, RoleBank},
    state::{route_keys, Session},
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
    let scope = CustomerScope::new(
        route_keys::kept_param("bank_id"),
        route_keys::kept_param("customer_id"),
    );
    provide_context(scope);
    provide_context(RoleBank(scope.bank.into()));
    let loaded = scope.load(move |api, bank, id| {
        // A new bank or customer: the old record must not show under the new key.
        scope.customer.set(Default::default());
        async move { customers::get(&api, &bank, &id).await }
    });
    // OBP answers for a customer of another bank too: a URL naming the wrong bank moves to the
    // customer's own.
    let move_to_bank = move_to_bank(4);
    Effect::new(move || match loaded.get() {
        Some(Ok(found))
            if !found.bank_id.is_empty() && found.bank_id != scope.bank.get_untracked() =>
        {
            move_to_bank(&found.bank_id, &found.customer_id);
        }
        Some(Ok(found)) => scope.customer.set(found),
        _ => {}
    });
    let failed = move || loaded.get().and_then(Result::err);

    view! {
        <div class="page-header">
            <div>
                <A href="/customers">"\u{2190} Customers"</A>
                <CustomerTitle />
            </div>
            <Show when=move || scope.is_loaded()><DeleteCustomer /></Show>
        </div>
        {move || match failed() {
            Some(error) => view! {
                <ErrorView error retry=Callback::new(move |_| loaded.refetch()) />
            }.into_any(),
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
        <RequireRole roles=&["CanDeleteCustomerCascade"] what="Deleting customers">
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
