//! `/customers/new`: every Create Customer field, checked before sending, kept on any error.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_navigate};

use super::detail_path;
use crate::{
    api::{customers, customers::NewCustomer, Api},
    components::{ErrorView, FormSection, FormState, RequireRole},
    forms::{
        customer::{build_new_customer, CREATE_SECTIONS},
        FormValues,
    },
    state::Session,
};

/// The create-customer page.
#[component]
pub fn NewCustomerPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let navigate = use_navigate();
    let form = FormState::new(FormValues::default());

    let create = Action::new_local(move |request: &NewCustomer| {
        let (api, request, navigate) = (api.clone(), request.clone(), navigate.clone());
        let bank = session.bank_id.get_untracked();
        async move {
            match customers::create(&api, &bank, &request).await {
                Ok(customer) => {
                    let path = detail_path(&bank, &customer.customer_id);
                    session.flash_for(
                        &path,
                        format!(
                            "Created {} (customer number {}).",
                            customer.legal_name, customer.customer_number
                        ),
                    );
                    navigate(&path, Default::default());
                }
                Err(error) => form.failure.set(Some(error)),
            }
        }
    });
    let submit = form.on_submit(create, build_new_customer);
    let error_count = move || form.errors.with(|e| e.len());

    view! {
        <div class="page-header">
            <h1>"New customer"</h1>
            <A href="/customers">"Back to customers"</A>
        </div>
        <RequireRole roles=&["CanCreateCustomer", "CanCreateCustomerAtAnyBank"] what="Creating customers">
            <form class="card customer-form" novalidate on:submit=submit.clone()>
                <p class="muted">
                    {move || format!("At bank {}. Fields marked * are required.", session.bank_id.get())}
                </p>
                {CREATE_SECTIONS.iter()
                    .map(|(legend, fields)| view! {
                        <FormSection legend=*legend fields=*fields form_id="new" form />
                    })
                    .collect_view()}
                <Show when=move || error_count() != 0>
                    <p class="form-summary" role="alert">
                        {move || match error_count() {
                            1 => "1 field needs attention.".to_owned(),
                            n => format!("{n} fields need attention."),
                        }}
                    </p>
                </Show>
                {move || form.failure.get().map(|error| view! { <ErrorView error /> })}
                <div class="form-actions">
                    <button type="submit" disabled=move || create.pending().get()>
                        {move || if create.pending().get() { "Creating\u{2026}" } else { "Create customer" }}
                    </button>
                    <A href="/customers">"Cancel"</A>
                </div>
            </form>
        </RequireRole>
    }
}
