//! [`CustomerTable`] and [`CustomerIdTable`]: a page of customers in the backend's columns, or
//! of their ids, each linking to its page (at its own bank where the backend names tenants in
//! paths), with a search's matches marked.

use leptos::prelude::*;
use leptos_router::components::A;

use super::KycBadge;
use crate::{
    backend::{customer_path, Backend, Column, CustomerRecord},
    components::{DataTable, MarkedText},
    dates,
    routes::detail_path,
    search::{matched_ranges, Field, Query},
};

/// A table of customers. Names and every other API value are rendered as text.
#[component]
pub fn CustomerTable(
    /// The rows.
    customers: Vec<CustomerRecord>,
    /// A search whose matches are marked in the name, number, e-mail and phone.
    #[prop(optional)]
    marks: Option<Query>,
) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let text = move |value: &str, field: Field| match &marks {
        Some(query) => {
            let ranges = matched_ranges(value, field, query);
            view! { <MarkedText text=value.to_owned() ranges /> }.into_any()
        }
        None => value.to_owned().into_any(),
    };
    let columns = backend.capabilities().columns;
    let rows = customers
        .into_iter()
        .map(|c| {
            let href = customer_path(backend, &c);
            let cells = columns
                .iter()
                .map(|(column, heading)| {
                    let class = match column {
                        Column::Number | Column::Phone => "mono",
                        Column::DateOfBirth | Column::Created => "col-optional nowrap",
                        _ if column.optional() => "col-optional",
                        _ => "",
                    };
                    let value = match column {
                        Column::Name => {
                            let name = text(&c.name, Field::Name);
                            view! { <A href=href.clone()>{name}</A> }.into_any()
                        }
                        Column::Kyc => view! { <KycBadge ok=c.kyc == Some(true) /> }.into_any(),
                        Column::Number => text(&c.number, Field::Number),
                        Column::Email => text(&c.email, Field::Email),
                        Column::Phone => text(&c.phone, Field::Phone),
                        Column::DateOfBirth => dates::display(&c.date_of_birth).into_any(),
                        Column::Branch => c.branch.clone().into_any(),
                        Column::Place => c.place.clone().into_any(),
                        Column::Created => dates::display(&c.created).into_any(),
                    };
                    view! { <td data-label=*heading class=class>{value}</td> }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    let headings = columns
        .iter()
        .map(|(column, heading)| {
            let class = if column.optional() {
                "col-optional"
            } else {
                ""
            };
            view! { <th scope="col" class=class>{*heading}</th> }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data-table">
                <thead><tr>{headings}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// A table of customer ids, as OBP's minimal lists give them, with their bank (empty when the
/// list does not name it: those rows link to the page that finds the bank from the record).
#[component]
pub fn CustomerIdTable(
    /// The rows: customer id and bank.
    customers: Vec<(String, String)>,
) -> impl IntoView {
    let rows = customers
        .into_iter()
        .map(|(id, bank)| {
            let href = detail_path(&bank, &id);
            let shown = if bank.is_empty() {
                "\u{2014}".to_owned()
            } else {
                bank
            };
            view! {
                <tr>
                    <td class="mono"><A href=href>{id}</A></td>
                    <td>{shown}</td>
                </tr>
            }
        })
        .collect_view();
    view! { <DataTable headings=&["Customer id", "Bank"]>{rows}</DataTable> }
}
