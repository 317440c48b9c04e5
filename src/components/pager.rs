//! [`Pager`]: previous/next over OBP's offset paging, which has no total count.

use leptos::prelude::*;

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
    let has_previous = offset > 0;
    let has_next = rows as u32 >= limit;
    let range = if rows == 0 {
        format!("No rows from {}", offset + 1)
    } else {
        format!("Rows {}\u{2013}{}", offset + 1, offset + rows as u32)
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
                on:click=move |_| on_change.run(offset + limit)
            >
                "Next \u{2192}"
            </button>
        </nav>
    }
}
