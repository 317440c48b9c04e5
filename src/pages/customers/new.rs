//! `/customers/new`: every Create Customer field, checked before sending, kept on any error.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_navigate};

use crate::{
    api::{
        customers::{self, Customer, NewCustomer},
        roles, Api,
    },
    components::{ErrorView, FormSection, FormState, RequireRole},
    forms::{
        customer::{build_new_customer, CREATE_SECTIONS},
        FormValues,
    },
    routes::detail_path,
    state::Session,
};

/// The create-customer page.
#[component]
pub fn NewCustomerPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let navigate = use_navigate();
    let form = FormState::new(FormValues::default());

    // Set when a create got no answer in time: the next press first looks for the customer.
    let unconfirmed = RwSignal::new(false);
    let create = Action::new_local(move |request: &NewCustomer| {
        let (api, request, navigate) = (api.clone(), request.clone(), navigate.clone());
        let bank = session.bank_id.get_untracked();
        async move {
            let open = |customer: Customer, what: &str| {
                let path = detail_path(&bank, &customer.customer_id);
                session.flash_for(
                    &path,
                    format!(
                        "{what} {} (customer number {}).",
                        customer.legal_name, customer.customer_number
                    ),
                );
                navigate(&path, Default::default());
            };
            if unconfirmed.get_untracked() {
                match customers::find_created(&api, &bank, &request).await {
                    Ok(Some(customer)) => return open(customer, "The earlier attempt had created"),
                    Ok(None) => {}
                    Err(error) => return form.failure.set(Some(error)),
                }
            }
            match customers::create(&api, &bank, &request).await {
                Ok(customer) => open(customer, "Created"),
                Err(error) => {
                    unconfirmed.set(error.outcome_unknown());
                    form.failure.set(Some(error));
                }
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
        <RequireRole roles=roles::CREATE_CUSTOMER what="Creating customers">
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
                <Show when=move || unconfirmed.get()>
                    <p class="muted">
                        "Pressing Create again first looks for this customer (by customer number, \
                        else by mobile number and name), so it is not created twice."
                    </p>
                </Show>
                <div class="form-actions">
                    <button type="submit" disabled=move || create.pending().get()>
                        {move || match (create.pending().get(), unconfirmed.get()) {
                            (true, _) => "Creating\u{2026}",
                            (false, true) => "Check and create customer",
                            (false, false) => "Create customer",
                        }}
                    </button>
                    <A href="/customers">"Cancel"</A>
                </div>
            </form>
        </RequireRole>
    }
}
