//! `/customers/new` with the Enterprise API: the customer form; on success, the new customer.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_navigate};

use super::form::{CustomerForm, Saving};
use crate::{
    api::{enterprise, Api, ApiError},
    forms::FormValues,
    routes::detail_path,
    state::Session,
};

/// The Enterprise create page.
#[component]
pub fn EnterpriseNewPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let navigate = use_navigate();
    // Set when a create got no answer in time: the next press first looks for the customer.
    let unconfirmed = RwSignal::new(false);
    let found_earlier = RwSignal::new(false);
    let send = Callback::new(move |body: enterprise::CustomerBody| {
        let (api, profile) = (api.clone(), session.profile_id.get_untracked());
        Saving::new(async move {
            if unconfirmed.get_untracked() {
                if let Some(customer) = enterprise::find_created(&api, &profile, &body).await? {
                    found_earlier.set(true);
                    return Ok(customer);
                }
            }
            let created = enterprise::create(&api, &profile, &body).await;
            unconfirmed.set(created.as_ref().is_err_and(ApiError::outcome_unknown));
            created
        })
    });
    let on_saved = Callback::new(move |created: enterprise::Customer| {
        // The profile is the header's: Enterprise customer paths name no bank.
        let path = detail_path("", &created.id);
        let what = if found_earlier.get_untracked() {
            "The earlier attempt had created"
        } else {
            "Created"
        };
        session.flash_for(&path, format!("{what} {}.", created.display_name()));
        navigate(&path, Default::default());
    });
    view! {
        <div class="page-header">
            <h1>"New customer"</h1>
            <A href="/customers">"Back to customers"</A>
        </div>
        <CustomerForm values=FormValues::default() form_id="new" submit_label="Create customer"
            send on_saved cancel=view! { <A href="/customers">"Cancel"</A> }.into_any() />
        <Show when=move || unconfirmed.get()>
            <p class="muted">
                "Pressing Create again first looks for this customer among the profile's newest, \
                so it is not created twice."
            </p>
        </Show>
    }
}
