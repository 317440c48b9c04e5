//! [`AddForm`]: a panel's add form, open while its [`Edits`] say so and starting from the same
//! values each time it opens, or from its draft: it opens by itself when one is kept.

use std::future::Future;

use leptos::prelude::*;

use super::{inline_form::FieldErrorOf, Edits, FieldGrid, FormState, InlineForm};
use crate::{
    api::ApiError,
    forms::{FieldErrors, FieldSpec, FormValues},
};

/// An [`InlineForm`] of `fields` under the heading `label`, shown while `edits.adding` (and
/// `ready`, when given). A save calls `on_saved`, by default `edits.saved`.
#[component]
pub fn AddForm<T, B, S, Fut>(
    /// Heading and accessible name.
    label: &'static str,
    /// Prefix for element ids.
    form_id: &'static str,
    /// The typed fields.
    fields: &'static [FieldSpec],
    /// Values each opening starts from.
    #[prop(optional)]
    values: FormValues,
    /// Turns the values into the request, or field errors.
    make: B,
    /// Sends the request.
    send: S,
    /// The panel's edits.
    edits: Edits,
    /// After a save, instead of `edits.saved`.
    #[prop(optional)]
    on_saved: Option<Callback<()>>,
    /// The submit button's label.
    #[prop(default = "Save")]
    submit_label: &'static str,
    /// Puts an API error under the field it concerns too.
    #[prop(optional)]
    field_error: Option<FieldErrorOf>,
    /// Fields built from the API, below the typed ones.
    #[prop(optional)]
    extra: Option<Callback<FormState, AnyView>>,
    /// Holds the form back until it is true (e.g. until the customer's number is known).
    #[prop(optional, into)]
    ready: Option<Signal<bool>>,
    /// The toast confirming a save: "Address added to Zoë Müller".
    #[prop(optional, into)]
    toast: Option<Signal<String>>,
) -> impl IntoView
where
    T: 'static,
    B: Fn(&FormValues) -> Result<T, FieldErrors> + Clone + Send + Sync + 'static,
    S: Fn(T) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<(), ApiError>> + 'static,
{
    let state = FormState::closed(form_id);
    if state.draft.exists() {
        edits.adding.set(true);
    }
    let values = StoredValue::new(values);
    let on_saved = on_saved.unwrap_or(edits.saved);
    let open = move || edits.adding.get() && ready.is_none_or(|ready| ready.get());
    let form = move || {
        state.reset(values.get_value());
        view! {
            <InlineForm state make=make.clone() send=send.clone() on_saved on_cancel=edits.cancel_add()
                submit_label label=label.to_owned() field_error=field_error reload=Some(edits.reload) toast>
                <h3 class="form-title">{label}</h3>
                <FieldGrid fields form_id form=state />
                {extra.map(|extra| extra.run(state))}
            </InlineForm>
        }
    };
    view! { <Show when=open>{form.clone()}</Show> }
}
