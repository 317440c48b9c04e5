//! The customer page: a header naming the customer, the backend's tabs, and the tab's page. Each
//! tab loads its own data as soon as the page opens, in parallel with the customer.
//!
//! With OBP, `/banks/:bank_id/customers/:customer_id/…`: every read, change and role check is at
//! the bank in the URL. `/customers/:customer_id/…`, a link without the bank (from before the
//! bank was part of them, or from a list that does not name it), finds the bank from the
//! customer's record, then replaces the URL (no new history entry) by the bank's, keeping the
//! tab, query and hash. A backend without tenants in paths (the Enterprise API) keeps
//! `/customers/:customer_id` at the profile chosen in the header.

use leptos::prelude::*;
use leptos_router::{
    components::{Outlet, A},
    hooks::{use_navigate, use_params_map},
};

use super::{move_to_bank, scope::CustomerScope, KycBadge};
use crate::{
    api::{roles, ApiError},
    backend::{Backend, CustomerRecord},
    components::{ConfirmDialog, ErrorView, Loading, RequireRole, RoleBank, Submission, Toasts},
    query::route_keys,
    routes::detail_path,
    state::{CustomerIndex, LastList, Session},
};

/// The customer page around the current tab, at the customer's own bank (or profile).
#[component]
pub fn CustomerDetailPage() -> impl IntoView {
    let backend = expect_context::<Backend>();
    let session = expect_context::<Session>();
    let in_path = backend.tenant().in_path;
    // Opened without a bank, the page keeps none: when it moves to the bank's URL, the router
    // shows that URL's params to this page as it leaves, which would load the customer again.
    let bank = match use_params_map().with_untracked(|p| p.get("bank_id")) {
        Some(_) => route_keys::kept_param("bank_id"),
        None if in_path => Memo::new(|_| String::new()),
        None => Memo::new(move |_| session.tenant.get()),
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
            if in_path
                && !found.tenant.is_empty()
                && found.tenant != scope.bank.get_untracked() =>
        {
            move_to_bank(&found.tenant, &found.id);
        }
        Some(Ok(Some(found))) => scope.customer.set(found),
        _ => {}
    });
    // A memo, so the record's arrival (no error before, none after) leaves the tab mounted: a
    // re-mounted tab would fetch its lists a second time.
    let failed = Memo::new(move |_| loaded.get().and_then(Result::err));
    // Opened without a bank, the tabs wait for the move to the bank's URL.
    let bank_known = move || scope.bank.with(|bank| !bank.is_empty());
    let tabs = backend.capabilities().tabs;
    let last_list = expect_context::<LastList>();

    view! {
        <div class="page-header">
            <div>
                <A href=move || last_list.href()>"\u{2190} Customers"</A>
                <CustomerTitle failed=Signal::derive(move || failed.with(Option::is_some)) />
            </div>
            <Show when=move || scope.is_loaded()><DeleteCustomer /></Show>
        </div>
        {move || match failed.get() {
            Some(error) => view! {
                <ErrorView error retry=Callback::new(move |_| loaded.refetch()) />
            }.into_any(),
            None if !bank_known() => ().into_any(),
            None => view! {
                {(tabs.len() > 1).then(|| view! {
                    <nav class="tabs" aria-label="Customer sections">
                        {tabs.iter().map(|tab| {
                            let href = move || format!("{}{}", detail_path(&scope.bank.get(), &scope.id.get()), tab.path);
                            view! { <A href=href exact=true>{tab.label}</A> }
                        }).collect_view()}
                    </nav>
                })}
                <div class="tab-page">
                    <Outlet />
                </div>
            }.into_any(),
        }}
    }
}

/// The customer at the bank in the URL. Without a bank there (OBP), the customer is found from
/// its record ([`crate::backend::CustomerBackend::locate`]): at the header's bank, then at the
/// other banks where the user may read customers, so it waits for the user's roles (`None` until
/// they are known).
fn load_customer(scope: CustomerScope) -> LocalResource<Result<Option<CustomerRecord>, ApiError>> {
    let session = expect_context::<Session>();
    let backend = expect_context::<Backend>();
    let key = StoredValue::new((String::new(), String::new()));
    scope.load(move |api, bank, id| {
        // A new bank or customer: the old record must not show under the new key. A reload of
        // the same one (the connection came back) keeps it, and the forms that need it open.
        if key.with_value(|(b, i)| (b, i) != (&bank, &id)) {
            scope.customer.set(Default::default());
            key.set_value((bank.clone(), id.clone()));
        }
        let unknown_bank = bank.is_empty().then(|| {
            let may_read = session.user.with(|user| {
                user.as_ref()
                    .map(|user| user.banks_holding(roles::GET_CUSTOMER))
            });
            (session.tenant.get(), may_read)
        });
        async move {
            match unknown_bank {
                None => backend.get(&api, &bank, &id).await.map(Some),
                Some((first, Some(then))) => {
                    backend.locate(&api, &first, &then, &id).await.map(Some)
                }
                // Asked again once the user's roles are known.
                Some((_, None)) => Ok(None),
            }
        }
    })
}

/// The name, number, bank and KYC status; a spinner until the customer is loaded, and nothing
/// once its load has `failed` (the error panel below says why).
#[component]
fn CustomerTitle(failed: Signal<bool>) -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let customer = scope.customer;
    let subtitle = move || {
        customer.with(|c| {
            let mut parts = Vec::new();
            if !c.number.is_empty() {
                parts.push(format!("Customer number {}", c.number));
            }
            parts.push(c.tenant.clone());
            if !c.created.is_empty() {
                parts.push(format!("Created {}", crate::dates::display(&c.created)));
            }
            parts.join(" \u{00b7} ")
        })
    };
    view! {
        <Show
            when=move || scope.is_loaded()
            fallback=move || (!failed.get()).then(|| view! { <Loading what="customer" /> })
        >
            <h1>{move || customer.with(|c| c.name.clone())}</h1>
            <p class="muted">
                {subtitle}
                {move || customer.with(|c| c.kyc).map(|ok| view! { " " <KycBadge ok /> })}
            </p>
        </Show>
    }
}

/// The Delete button and its confirm dialog.
#[component]
fn DeleteCustomer() -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let toasts = expect_context::<Toasts>();
    let last_list = expect_context::<LastList>();
    let backend = expect_context::<Backend>();
    let navigate = use_navigate();
    let open = RwSignal::new(false);
    let delete = Submission::new(RwSignal::new(None));
    let index = use_context::<CustomerIndex>();
    let (name, number) = scope
        .customer
        .with_untracked(|c| (c.name.clone(), c.number.clone()));
    let caps = backend.capabilities();
    let confirm = {
        let name = name.clone();
        move |_| {
            let (api, bank, id) = scope.target();
            let (navigate, name) = (navigate.clone(), name.clone());
            let gone = (bank.clone(), id.clone());
            delete.send(
                move || backend.delete(&api, &bank, &id),
                move |()| {
                    if let Some(index) = index {
                        index.deleted(&gone.0, &gone.1);
                    }
                    let linked = match caps.delete_consequence {
                        "" => "",
                        _ => " and everything linked to it",
                    };
                    toasts.success(format!("Deleted {name}{linked}."));
                    // Back to the list as this tab last showed it.
                    navigate(&last_list.href_untracked(), Default::default());
                },
                |_| {},
            );
        }
    };
    let customer = match number.as_str() {
        "" => format!("customer {name}"),
        number => format!("customer number {number}"),
    };
    let message = match caps.delete_consequence {
        "" => format!("This permanently deletes {customer}. It cannot be undone."),
        linked => format!("This permanently deletes {customer} and {linked}. It cannot be undone."),
    };
    let (label, title) = (format!("Delete customer {name}"), format!("Delete {name}?"));
    view! {
        <RequireRole roles=caps.delete_roles what="Deleting customers">
            <button type="button" class="danger" aria-label=label.clone()
                on:click=move |_| { delete.failure.set(None); open.set(true); }>
                "Delete customer"
            </button>
        </RequireRole>
        <ConfirmDialog
            open
            title
            message
            confirm_label="Delete permanently"
            on_confirm=Callback::new(confirm)
            pending=delete.pending().into()
            error=delete.failure.into()
        />
    }
}
