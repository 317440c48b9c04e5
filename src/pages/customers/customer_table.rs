//! [`CustomerTable`] and [`CustomerIdTable`]: a page of customers, or of their ids, each
//! linking to its page at its own bank.

use leptos::prelude::*;
use leptos_router::components::A;

use super::KycBadge;
use crate::{
    api::customers::{Customer, CustomerMinimal},
    components::DataTable,
    dates,
    routes::detail_path,
};

/// A table of customers. Names and every other API value are rendered as text.
#[component]
pub fn CustomerTable(
    /// The rows.
    customers: Vec<Customer>,
) -> impl IntoView {
    let rows = customers
        .into_iter()
        .map(|c| {
            let href = detail_path(&c.bank_id, &c.customer_id);
            view! {
                <tr>
                    <td data-label="Customer number" class="mono">{c.customer_number}</td>
                    <td data-label="Legal name"><A href=href>{c.legal_name}</A></td>
                    <td data-label="Email" class="col-optional">{c.email}</td>
                    <td data-label="Mobile phone" class="mono">{c.mobile_phone_number}</td>
                    <td data-label="Date of birth" class="col-optional nowrap">{dates::display(&c.date_of_birth)}</td>
                    <td data-label="Branch" class="col-optional">{c.branch_id}</td>
                    <td data-label="KYC"><KycBadge ok=c.kyc_status /></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">"Customer number"</th>
                        <th scope="col">"Legal name"</th>
                        <th scope="col" class="col-optional">"Email"</th>
                        <th scope="col">"Mobile phone"</th>
                        <th scope="col" class="col-optional">"Date of birth"</th>
                        <th scope="col" class="col-optional">"Branch"</th>
                        <th scope="col">"KYC"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// A table of customer ids, as OBP's minimal lists give them; the bank may be unknown.
#[component]
pub fn CustomerIdTable(
    /// The rows.
    customers: Vec<CustomerMinimal>,
    /// The bank the list was read at, for rows that do not name theirs; empty for a list across
    /// banks (those rows link to the page that finds the bank from the record).
    #[prop(optional)]
    read_at: String,
) -> impl IntoView {
    let rows = customers
        .into_iter()
        .map(|c| {
            let bank = if c.bank_id.is_empty() {
                read_at.clone()
            } else {
                c.bank_id
            };
            let href = detail_path(&bank, &c.customer_id);
            let shown = if bank.is_empty() {
                "\u{2014}".to_owned()
            } else {
                bank
            };
            view! {
                <tr>
                    <td class="mono"><A href=href>{c.customer_id}</A></td>
                    <td>{shown}</td>
                </tr>
            }
        })
        .collect_view();
    view! { <DataTable headings=&["Customer id", "Bank"]>{rows}</DataTable> }
}
