//! `/banks/:bank_id/customers/:customer_id`: the Profile tab. The fields no endpoint changes, and
//! an inline edit card per "Update the … of a Customer" endpoint.

use leptos::prelude::*;

use super::{scope::CustomerScope, EditCard};
use crate::{
    api::customers::Customer,
    components::{Loading, ValueList},
    dates,
    forms::customer::UPDATE_FORMS,
};

/// The Profile tab.
#[component]
pub fn ProfileTab() -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let customer = scope.customer;
    view! {
        <Show when=move || scope.is_loaded() fallback=|| view! { <Loading what="profile" /> }>
            <div class="card-grid">
                <RecordCard customer />
                {UPDATE_FORMS.iter().map(|form| view! { <EditCard form customer bank=scope.bank /> }).collect_view()}
            </div>
        </Show>
    }
}

/// Fields no update endpoint changes: ids, KYC, dates.
#[component]
fn RecordCard(customer: RwSignal<Customer>) -> impl IntoView {
    let rows = move || {
        customer.with(|c| {
            let dependants = match c
                .dob_of_dependants
                .iter()
                .map(|d| dates::display(d))
                .collect::<Vec<_>>()
            {
                list if list.is_empty() => "\u{2014}".to_owned(),
                list => list.join(", "),
            };
            vec![
                ("Customer id", c.customer_id.clone()),
                ("Bank", c.bank_id.clone()),
                (
                    "KYC status",
                    if c.kyc_status {
                        "Satisfied"
                    } else {
                        "Not satisfied"
                    }
                    .to_owned(),
                ),
                ("Last OK date", dates::display(&c.last_ok_date)),
                ("Dates of birth of dependants", dependants),
            ]
        })
    };
    view! {
        <section class="card" aria-labelledby="record-title">
            <header class="card-header"><h3 id="record-title">"Record"</h3></header>
            {move || view! { <ValueList rows=rows() /> }}
        </section>
    }
}
