//! `/customers/:id` and `/customers/:id/<tab>` (OBP): customer links without a bank, from before
//! the bank was part of them or from lists that do not name it. The customer's record names its
//! bank; the URL is then replaced (not pushed) by `/banks/BANK_ID/customers/ID/<tab>`, with the
//! query and hash kept.

use leptos::prelude::*;
use leptos_router::components::A;

use super::move_to_bank;
use crate::{
    api::{customers, roles, Api},
    components::{ErrorView, Loading},
    state::{route_keys, Session},
};

/// Finds the customer's bank and moves to its page there.
#[component]
pub fn LegacyCustomerPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let id = route_keys::kept_param("id");
    // The header's bank first, then every other bank where the user may read customers, so the
    // user's roles are awaited. Read directly: through a Memo, leptos 0.8 does not refetch.
    let found = LocalResource::new(move || {
        let (api, first, id) = (api.clone(), session.bank_id.get(), id.get());
        let then: Option<Vec<String>> = session.user.with(|user| {
            let banks = user.as_ref()?.banks_holding(roles::GET_CUSTOMER);
            Some(banks.into_iter().filter(|bank| *bank != first).collect())
        });
        async move { Some(customers::locate(&api, &first, &then?, &id).await) }
    });
    let move_to_bank = move_to_bank(2);
    Effect::new(move || {
        if let Some(Some(Ok(customer))) = found.get() {
            move_to_bank(&customer.bank_id, &customer.customer_id);
        }
    });
    view! {
        <A href="/customers">"\u{2190} Customers"</A>
        {move || match found.get() {
            Some(Some(Err(error))) => view! {
                <ErrorView error retry=Callback::new(move |_| found.refetch()) />
            }.into_any(),
            _ => view! { <Loading what="customer" /> }.into_any(),
        }}
    }
}
