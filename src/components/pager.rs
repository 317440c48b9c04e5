//! [`Pager`]: previous/next over OBP's offset paging, which has no total count. The offset may
//! come from the URL: sums are widened or saturate, and Next stops at [`MAX_OFFSET`].

use leptos::prelude::*;

use crate::query::customer_query::MAX_OFFSET;

/// "Rows 26–50" with Previous and Next. Next is off when the page came back short.
#[component]
pub fn Pager(
    /// First row's offset.
    offset: u32,
    /// Rows per page.
    limit: u32,
    /// Rows on this page.
    rows: usize,
    /// Called with the new offset.
    on_change: Callback<u32>,
) -> impl IntoView {
    let rows = u32::try_from(rows).unwrap_or(u32::MAX);
    let next = offset.saturating_add(limit).min(MAX_OFFSET);
    let has_previous = offset > 0;
    let has_next = rows >= limit && next > offset;
    let first = u64::from(offset) + 1;
    let range = if rows == 0 {
        format!("No rows from {first}")
    } else {
        format!(
            "Rows {first}\u{2013}{}",
            u64::from(offset) + u64::from(rows)
        )
    };
    view! {
        <nav class="pager" aria-label="Pages">
            <button
                type="button"
                class="secondary"
                disabled=!has_previous
                on:click=move |_| on_change.run(offset.saturating_sub(limit))
            >
                "\u{2190} Previous"
            </button>
            <span class="pager-range" aria-live="polite">{range}</span>
            <button
                type="button"
                class="secondary"
                disabled=!has_next
                on:click=move |_| on_change.run(next)
            >
                "Next \u{2192}"
            </button>
        </nav>
    }
}
