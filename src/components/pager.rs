//! [`Pager`]: moves a list between pages. Over OBP's offset paging, which has no total,
//! Previous and Next; over a numbered list with totals, also First, Last and "Go to page". The
//! offset may come from the URL: sums are widened or saturate, and Next stops at [`MAX_OFFSET`].

use leptos::prelude::*;

use crate::query::customer_query::{CustomerQuery, MAX_OFFSET};

/// "Rows 26–50" (or "Rows 41–60 of 128") with the buttons that move. Next is off when the page
/// came back short, or is the last.
#[component]
pub fn Pager(
    /// The page shown.
    query: CustomerQuery,
    /// Rows on this page.
    rows: usize,
    /// Rows and pages in all, when the API counts them.
    total: Option<(u64, u32)>,
    /// Called with the page to move to.
    go: Callback<CustomerQuery>,
) -> impl IntoView {
    let (offset, limit) = (query.page.offset, query.page.limit);
    let range = query.range(rows, total.map(|(count, _)| count));
    let has_previous = offset > 0;
    // Numbered: moves stay within the pages there are (a page past the end goes back to the
    // last); by offset: Next stops at the largest offset the URL may hold.
    let (previous, next, has_next) = match total {
        Some((_, pages)) => {
            let page = query.page_number();
            (
                query.at_page(page.saturating_sub(1), pages),
                query.at_page(page.saturating_add(1), pages),
                page < pages,
            )
        }
        None => {
            let next = offset.saturating_add(limit).min(MAX_OFFSET);
            let full = u32::try_from(rows).unwrap_or(u32::MAX) >= limit;
            (
                query.at_offset(offset.saturating_sub(limit)),
                query.at_offset(next),
                full && next > offset,
            )
        }
    };
    let button = move |label: &'static str, to: CustomerQuery, enabled: bool| {
        view! {
            <button type="button" class="secondary" disabled=!enabled
                on:click=move |_| go.run(to.clone())>
                {label}
            </button>
        }
    };
    let numbered = total.map(|(_, pages)| {
        let last = pages.max(1);
        let input = NodeRef::<leptos::html::Input>::new();
        let page = query.page_number().to_string();
        let jump = {
            let query = query.clone();
            move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let typed = input.get_untracked().map(|i| i.value()).unwrap_or_default();
                if let Ok(page) = typed.trim().parse::<u32>() {
                    go.run(query.at_page(page, last));
                }
            }
        };
        (
            button("\u{00ab} First", query.at_page(1, last), has_previous),
            button("Last \u{00bb}", query.at_page(last, last), has_next),
            view! {
                <form class="field field-inline" novalidate on:submit=jump>
                    <label for="jump-to-page">"Go to page"</label>
                    <input id="jump-to-page" type="number" min="1" max=last.to_string()
                        value=page node_ref=input />
                    <button type="submit" class="secondary">"Go"</button>
                </form>
            },
        )
    });
    let (first, last, jump) = match numbered {
        Some((first, last, jump)) => (Some(first), Some(last), Some(jump)),
        None => (None, None, None),
    };
    view! {
        <nav class="pager" aria-label="Pages">
            <div class="pager-buttons">
                {first}
                {button("\u{2190} Previous", previous, has_previous)}
                <span class="pager-range" aria-live="polite">{range}</span>
                {button("Next \u{2192}", next, has_next)}
                {last}
            </div>
            {jump}
        </nav>
    }
}
