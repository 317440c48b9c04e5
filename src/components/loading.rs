//! [`Loading`]: the placeholder shown while a section's data is on its way, saying so when the
//! API did not answer and the read is being retried.

use leptos::prelude::*;

use crate::api::{retry::RETRIES, Api};

/// A polite "Loading …" line with a spinner; "Retrying… (2 of 3)" while a read waits to be
/// sent again.
#[component]
pub fn Loading(
    /// What is loading, e.g. "customers".
    what: &'static str,
) -> impl IntoView {
    let connection = use_context::<Api>().map(|api| api.connection());
    let text = move || match connection.and_then(|c| c.retrying()) {
        Some(retry) => format!("Loading {what}\u{2026} Retrying\u{2026} ({retry} of {RETRIES})"),
        None => format!("Loading {what}\u{2026}"),
    };
    view! {
        <p class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            {text}
        </p>
    }
}
