//! [`CustomerTable`] and [`CustomerIdTable`]: a page of customers in the chosen columns, or
//! of their ids, each linking to its page (at its own bank where the backend names tenants in
//! paths), with a search's matches marked.

use leptos::prelude::*;
use leptos_router::components::A;

use super::KycBadge;
use crate::{
    backend::{customer_path, Backend, Column, CustomerRecord},
    components::{DataTable, MarkedText},
    routes::detail_path,
    search::{matched_ranges, Field, Query},
    state::ListPrefs,
};

/// A table of customers in the columns the user chose ([`ListPrefs`]), personal data masked
/// until revealed; choosing columns renders it anew, revealing changes only those cells' text.
/// Names and every other API value are rendered as text.
#[component]
pub fn CustomerTable(
    /// The rows.
    customers: Vec<CustomerRecord>,
    /// A search whose matches are marked in the name, number, e-mail and phone (personal data
    /// only once revealed: a mark on a masked value would tell what it hides).
    #[prop(optional)]
    marks: Option<Query>,
) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let prefs = expect_context::<ListPrefs>();
    let all = backend.capabilities().columns;
    move || {
        let columns = prefs.shown(all);
        let rows = customers
                .iter()
                .map(|c| {
                    let cells = columns
                        .iter()
                        .map(|(column, heading)| {
                            view! { <td data-label=*heading class=cell_class(*column)>{cell(backend, c, *column, prefs.reveal, marks.as_ref())}</td> }
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
}

/// A cell's class: numbers in monospace, optional columns hidden on narrow screens.
fn cell_class(column: Column) -> &'static str {
    match column {
        Column::Number | Column::Phone => "mono",
        Column::DateOfBirth | Column::Created => "col-optional nowrap",
        _ if column.optional() => "col-optional",
        _ => "",
    }
}

/// What `record` shows in `column`: the name links to its page, KYC is a badge, personal data
/// follows `reveal` (only its text changes), the rest is [`Column::text`]; `marks` marks a
/// search's matches.
fn cell(
    backend: Backend,
    record: &CustomerRecord,
    column: Column,
    reveal: RwSignal<bool>,
    marks: Option<&Query>,
) -> AnyView {
    let field = searched_field(column);
    match column {
        Column::Name => {
            let href = customer_path(backend, record);
            let name = marked(record.name.clone(), field, marks);
            view! { <A href=href>{name}</A> }.into_any()
        }
        Column::Kyc => view! { <KycBadge ok=record.kyc == Some(true) /> }.into_any(),
        _ if column.personal() => {
            let (masked, full) = (column.text(record, false), column.text(record, true));
            let marks = marks.cloned();
            (move || {
                if reveal.get() {
                    marked(full.clone(), field, marks.as_ref())
                } else {
                    masked.clone().into_any()
                }
            })
            .into_any()
        }
        _ => marked(column.text(record, false), field, marks),
    }
}

/// The search field a column shows, if the search looks at it.
fn searched_field(column: Column) -> Option<Field> {
    match column {
        Column::Name => Some(Field::Name),
        Column::Number => Some(Field::Number),
        Column::Email => Some(Field::Email),
        Column::Phone => Some(Field::Phone),
        _ => None,
    }
}

/// `text`, with what `marks` matched in it marked when it is a searched `field`.
fn marked(text: String, field: Option<Field>, marks: Option<&Query>) -> AnyView {
    match (field, marks) {
        (Some(field), Some(query)) => {
            let ranges = matched_ranges(&text, field, query);
            view! { <MarkedText text ranges /> }.into_any()
        }
        _ => text.into_any(),
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
