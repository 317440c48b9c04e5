//! [`IndexStatusLine`]: what the customer search index of the current bank or profile is doing:
//! "Indexing customers… 3,200 so far" with a progress bar while it loads, "Indexed 10,000
//! customers · 2 min ago" with a Refresh button once complete, or why loading stopped. It also
//! asks for a reload in the background once the index is older than the configured age.

use std::time::Duration;

use leptos::prelude::*;

use crate::{
    dates,
    state::{CustomerIndex, IndexStatus, Session},
};

/// How often "… min ago" is brought up to date (and the index's age checked).
const TICK: Duration = Duration::from_secs(30);

/// `n` with thousands separated by commas: `10,000`.
pub fn with_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// The line saying what the index does, in a polite live region.
#[component]
pub fn IndexStatusLine() -> impl IntoView {
    let index = expect_context::<CustomerIndex>();
    let session = expect_context::<Session>();
    let now = RwSignal::new(dates::now_ms());
    if let Ok(ticker) = set_interval_with_handle(
        move || {
            now.set(dates::now_ms());
            index.refresh_if_stale(&session.tenant.get_untracked());
        },
        TICK,
    ) {
        on_cleanup(move || ticker.clear());
    }
    let status = move || index.status(&session.tenant.get());
    let refresh = move |_| index.refresh(&session.tenant.get_untracked());
    let line = move || {
        let IndexStatus {
            count,
            loading,
            loaded_at,
            error,
        } = status()?;
        let text = match (loading, &error, loaded_at) {
            (Some((pages, rows)), _, _) => format!(
                "Indexing customers\u{2026} {} so far ({pages} {} loaded)",
                with_thousands(rows),
                if pages == 1 { "page" } else { "pages" }
            ),
            (None, Some(error), _) => format!(
                "Indexing stopped after {} customers: {error}",
                with_thousands(count)
            ),
            (None, None, Some(at)) => format!(
                "Indexed {} customers \u{b7} {}",
                with_thousands(count),
                dates::ago(at, now.get())
            ),
            (None, None, None) => String::new(),
        };
        let busy = loading.is_some();
        Some(view! {
            <div class="index-status">
                <span>{text}</span>
                {busy.then(|| view! { <progress aria-label="Indexing customers"></progress> })}
                {(!busy).then(|| view! {
                    <button type="button" class="link" on:click=refresh>
                        {if error.is_some() { "Retry" } else { "Refresh" }}
                    </button>
                })}
            </div>
        })
    };
    view! { <div role="status" aria-live="polite" class="index-status-region">{line}</div> }
}
