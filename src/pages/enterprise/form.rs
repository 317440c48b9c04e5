//! [`CustomerForm`]: the Enterprise customer form, shared by create and edit. The API's own
//! field errors land under the fields they name.

use std::{future::Future, pin::Pin};

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};

use crate::{
    api::{
        enterprise::{Customer, CustomerBody},
        ApiError,
    },
    components::{ErrorView, FormSection, FormState},
    forms::{enterprise as form, FormValues},
};

/// The form: sections of fields, the API error, and the submit and cancel controls. `send`
/// makes the request; its answer goes to `on_saved`.
#[component]
pub fn CustomerForm(
    /// Starting values.
    values: FormValues,
    /// Prefix for element ids.
    form_id: &'static str,
    /// The submit button's label.
    submit_label: &'static str,
    /// Sends the body; create or update.
    send: Callback<CustomerBody, Saving>,
    /// After the API accepted it.
    on_saved: Callback<Customer>,
    /// The cancel control.
    cancel: AnyView,
) -> impl IntoView {
    let state = FormState::new(values);
    let pending = RwSignal::new(false);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        state.failure.set(None);
        let body = match state.values.with_untracked(form::build) {
            Ok(body) => body,
            Err(errors) => return state.errors.set(errors),
        };
        pending.set(true);
        let request = send.run(body);
        spawn_local(async move {
            let result = request.0.await;
            pending.try_set(false);
            match result {
                Ok(saved) => on_saved.run(saved),
                Err(error) => {
                    if let ApiError::Rejected { fields, .. } = &error {
                        state.errors.try_set(form::api_field_errors(fields));
                    }
                    state.failure.try_set(Some(error));
                }
            }
        });
    };
    view! {
        <form class="card customer-form" novalidate on:submit=submit>
            {form::SECTIONS.iter()
                .map(|(legend, fields)| view! { <FormSection legend=*legend fields=*fields form_id form=state /> })
                .collect_view()}
            {move || state.failure.get().map(|error| view! { <ErrorView error /> })}
            <div class="form-actions">
                <button type="submit" disabled=move || pending.get()>
                    {move || if pending.get() { "Saving\u{2026}" } else { submit_label }}
                </button>
                {cancel}
            </div>
        </form>
    }
}

/// A save on its way: what [`CustomerForm`]'s `send` returns.
pub struct Saving(Pin<Box<dyn Future<Output = Result<Customer, ApiError>>>>);

impl Saving {
    /// Wraps the create or update call.
    pub fn new(request: impl Future<Output = Result<Customer, ApiError>> + 'static) -> Self {
        Self(Box::pin(request))
    }
}
