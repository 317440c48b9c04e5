//! [`ListView`]: one list's loading, error, empty and loaded states, so a failing call blanks
//! only its own panel.

use leptos::prelude::*;

use super::{ErrorView, Loading};
use crate::api::ApiError;

/// Renders `children` with the loaded items; a spinner before, the error with a retry button on
/// failure, and `empty` when the list has no items. A reload keeps the old items on screen.
#[component]
pub fn ListView<T, V, C>(
    /// The list.
    items: LocalResource<Result<Vec<T>, ApiError>>,
    /// What is loading, e.g. "addresses".
    what: &'static str,
    /// Shown for an empty list.
    empty: &'static str,
    /// Renders the items.
    children: C,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    C: Fn(Vec<T>) -> V + Send + Sync + 'static,
{
    move || match items.get() {
        None => view! { <Loading what /> }.into_any(),
        Some(Err(error)) => {
            view! { <ErrorView error retry=Callback::new(move |_| items.refetch()) /> }.into_any()
        }
        Some(Ok(list)) if list.is_empty() => view! { <p class="empty-note">{empty}</p> }.into_any(),
        Some(Ok(list)) => children(list).into_any(),
    }
}
