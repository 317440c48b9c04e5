//! [`ValueList`]: labelled values as a definition list.

use leptos::prelude::*;

/// A `<dl>` of `(label, value)` rows; values are text.
#[component]
pub fn ValueList(
    /// The rows, in order.
    rows: Vec<(&'static str, String)>,
) -> impl IntoView {
    let rows = rows
        .into_iter()
        .map(|(label, value)| view! { <div class="dl-row"><dt>{label}</dt><dd>{value}</dd></div> })
        .collect_view();
    view! { <dl class="values">{rows}</dl> }
}
