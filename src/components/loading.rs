//! [`Loading`]: the placeholder shown while a section's data is on its way.

use leptos::prelude::*;

/// A polite "Loading …" line with a spinner.
#[component]
pub fn Loading(
    /// What is loading, e.g. "customers".
    what: &'static str,
) -> impl IntoView {
    view! {
        <p class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            {format!("Loading {what}\u{2026}")}
        </p>
    }
}
