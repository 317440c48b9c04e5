//! The customer page's first tab, Profile: the fields no edit changes, and a card per part the
//! backend edits as one (OBP: one per "Update the … of a Customer" endpoint; the Enterprise API:
//! the whole customer).

use leptos::prelude::*;

use super::{scope::CustomerScope, EditCard};
use crate::{
    backend::Backend,
    components::{Loading, ValueList},
};

/// The Profile tab.
#[component]
pub fn ProfileTab() -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let backend = expect_context::<Backend>();
    let customer = scope.customer;
    view! {
        <Show when=move || scope.is_loaded() fallback=|| view! { <Loading what="profile" /> }>
            <div class="card-grid">
                <section class="card" aria-labelledby="record-title">
                    <header class="card-header"><h3 id="record-title">"Record"</h3></header>
                    {move || view! { <ValueList rows=customer.with(|c| c.facts.clone()) /> }}
                </section>
                {backend.edit_groups().into_iter().map(|group| view! { <EditCard group customer /> }).collect_view()}
            </div>
        </Show>
    }
}
