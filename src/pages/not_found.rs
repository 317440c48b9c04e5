//! The page for unknown app paths.

use leptos::prelude::*;
use leptos_router::components::A;

/// "Page not found" with a way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <main class="centered-page">
            <h1>"Page not found"</h1>
            <p>"There is no page at this address."</p>
            <A href="/customers">"Go to customers"</A>
        </main>
    }
}
