//! [`ErrorView`]: an API error with its OBP code, the server's words and a plain-language hint.

use leptos::prelude::*;

use crate::api::ApiError;

/// Shows an error in a `role="alert"` box, with an optional retry button.
#[component]
pub fn ErrorView(
    /// The error to show.
    error: ApiError,
    /// Offer "Try again", calling this.
    #[prop(optional)]
    retry: Option<Callback<()>>,
) -> impl IntoView {
    let code = error.code().map(str::to_owned);
    let message = error.to_string();
    view! {
        <div class="error-view" role="alert">
            <p class="error-title">
                <strong>{error.title()}</strong>
                {code.map(|code| view! { <code class="obp-code">{code}</code> })}
            </p>
            <p class="error-message">{message}</p>
            <p class="error-hint">{error.hint()}</p>
            {retry.map(|retry| view! {
                <button type="button" class="secondary" on:click=move |_| retry.run(())>
                    "Try again"
                </button>
            })}
        </div>
    }
}
