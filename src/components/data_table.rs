//! [`DataTable`]: a scrollable table with column headings.

use leptos::prelude::*;

/// A `<table>` with `headings` over `children` (its rows).
#[component]
pub fn DataTable(
    /// Column headings; an empty one heads an actions column.
    headings: &'static [&'static str],
    /// The rows.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="data-table">
                <thead>
                    <tr>
                        {headings.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
