//! [`ValueList`]: labelled values as a definition list.

use leptos::prelude::*;

/// A `<dl>` of `(label, value)` rows; values are text, a blank one shows as a dash.
#[component]
pub fn ValueList(
    /// The rows, in order.
    rows: Vec<(&'static str, String)>,
) -> impl IntoView {
    let rows = rows
        .into_iter()
        .map(|(label, value)| {
            let value = if value.trim().is_empty() {
                "\u{2014}".to_owned()
            } else {
                value
            };
            view! { <div class="dl-row"><dt>{label}</dt><dd>{value}</dd></div> }
        })
        .collect_view();
    view! { <dl class="values">{rows}</dl> }
}
