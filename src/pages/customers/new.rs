//! `/customers/new`: the backend's create form, checked before sending, kept on any error and
//! as a draft across a new sign-in. A create that got no answer in time is looked up before it
//! is sent again.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_navigate};

use crate::{
    api::Api,
    backend::{customer_path, Backend, Created},
    components::{ErrorView, FormSection, FormState, RequireRole, RestoredNote, Toasts},
    forms::FormValues,
    state::{CustomerIndex, LastList, Session},
};

/// The create-customer page.
#[component]
pub fn NewCustomerPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let backend = expect_context::<Backend>();
    let session = expect_context::<Session>();
    let toasts = expect_context::<Toasts>();
    let last_list = expect_context::<LastList>();
    let navigate = use_navigate();
    let index = use_context::<CustomerIndex>();
    let form = FormState::drafted(FormValues::default(), "new");

    // Set when a create got no answer in time: the next press first looks for the customer.
    let unconfirmed = RwSignal::new(false);
    let start = move |values: &FormValues| {
        let tenant = session.tenant.get_untracked();
        backend.start_create(&api, &tenant, values, unconfirmed.get_untracked())
    };
    let created = move |created: Created| {
        let Created {
            record,
            found_earlier,
        } = created;
        if let Some(index) = index {
            index.saved(&record);
        }
        let path = customer_path(backend, &record);
        let what = if found_earlier {
            "The earlier attempt had created"
        } else {
            "Created"
        };
        let number = match record.number.as_str() {
            "" => String::new(),
            number => format!(" (customer number {number})"),
        };
        toasts.success(format!("{what} {}{number}.", record.name));
        navigate(&path, Default::default());
    };
    let failed = move |error: &crate::api::ApiError| {
        unconfirmed.set(error.outcome_unknown());
        form.show_field_errors(&backend.field_errors()(error));
    };
    let submit = form.on_submit(start, created, failed);
    let pending = form.submission.pending();
    let error_count = move || form.errors.with(|e| e.len());

    view! {
        <div class="page-header">
            <h1>"New customer"</h1>
            <A href=move || last_list.href()>"Back to customers"</A>
        </div>
        <RequireRole roles=backend.capabilities().create_roles what="Creating customers">
            <form class="card customer-form" novalidate on:submit=submit.clone()>
                <p class="muted">
                    {move || format!(
                        "At {} {}. Fields marked * are required.",
                        backend.tenant().label.to_lowercase(),
                        session.tenant.get(),
                    )}
                </p>
                <RestoredNote draft=form.draft />
                {backend.create_sections().iter()
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
                        "Pressing Create again first looks for this customer among the newest, \
                        so it is not created twice."
                    </p>
                </Show>
                <div class="form-actions">
                    <button type="submit" disabled=move || pending.get()>
                        {move || match (pending.get(), unconfirmed.get()) {
                            (true, _) => "Creating\u{2026}",
                            (false, true) => "Check and create customer",
                            (false, false) => "Create customer",
                        }}
                    </button>
                    <A href=move || last_list.href() attr:data-cancel="">"Cancel"</A>
                </div>
            </form>
        </RequireRole>
    }
}
