//! `/customers/new` with the Enterprise API: the customer form; on success, the new customer.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_navigate};

use super::form::{CustomerForm, Saving};
use crate::{
    api::{enterprise, Api},
    forms::FormValues,
    pages::customers::detail_path,
    state::Session,
};

/// The Enterprise create page.
#[component]
pub fn EnterpriseNewPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let navigate = use_navigate();
    let send = Callback::new(move |body| {
        let (api, profile) = (api.clone(), session.profile_id.get_untracked());
        Saving::new(async move { enterprise::create(&api, &profile, &body).await })
    });
    let on_saved = Callback::new(move |created: enterprise::Customer| {
        // The profile is the header's: Enterprise customer paths name no bank.
        let path = detail_path("", &created.id);
        session.flash_for(&path, format!("Created {}.", created.display_name()));
        navigate(&path, Default::default());
    });
    view! {
        <div class="page-header">
            <h1>"New customer"</h1>
            <A href="/customers">"Back to customers"</A>
        </div>
        <CustomerForm values=FormValues::default() form_id="new" submit_label="Create customer"
            send on_saved cancel=view! { <A href="/customers">"Cancel"</A> }.into_any() />
    }
}
