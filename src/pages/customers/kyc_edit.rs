//! The correction forms of the KYC tab: a record's add-form fields filled with its values (or
//! its draft) and PUT to its own id, and the table row that holds such a form while its record
//! is edited.

use std::future::Future;

use leptos::prelude::*;

use crate::{
    api::ApiError,
    components::{Edits, FieldGrid, FormState, InlineForm},
    forms::{FieldErrors, FieldSpec, FormValues},
};

/// The correction of one KYC record: the add form's `fields` filled with its `values`, sent
/// with `send` (a PUT to the record's own id), open while `edits` say the record is edited.
#[component]
pub(super) fn EditRecord<T, B, S, Fut>(
    /// Heading and accessible name, naming the record.
    label: String,
    /// Prefix for element ids (not the add form's: both may be open), and the draft's name.
    form_id: &'static str,
    /// The record's id: its draft and its highlight once saved.
    id: String,
    /// The toast once saved.
    toast: Signal<String>,
    /// The add form's fields.
    fields: &'static [FieldSpec],
    /// The record's values.
    values: FormValues,
    /// Turns the values into the request, or field errors.
    make: B,
    /// Sends the request.
    send: S,
    /// The panel's edits.
    edits: Edits,
    /// Pickers built from the API, below the typed fields.
    #[prop(optional)]
    extra: Option<Callback<FormState, AnyView>>,
) -> impl IntoView
where
    T: 'static,
    B: Fn(&FormValues) -> Result<T, FieldErrors> + 'static,
    S: Fn(T) -> Fut + 'static,
    Fut: Future<Output = Result<(), ApiError>> + 'static,
{
    let state = FormState::drafted(values, &Edits::edit_draft(form_id, &id));
    let send = move |request| {
        let (sent, id) = (send(request), id.clone());
        async move {
            sent.await?;
            edits.changed.mark(id);
            Ok(())
        }
    };
    view! {
        <InlineForm state make send on_saved=edits.saved on_cancel=edits.cancel_edit()
            label=label.clone() reload=Some(edits.reload) toast=Some(toast)>
            <h3 class="form-title">{label}</h3>
            <FieldGrid fields form_id form=state />
            {extra.map(|extra| extra.run(state))}
        </InlineForm>
    }
}

/// The row under a table's record that holds its correction form while it is edited.
#[component]
pub(super) fn EditRow(
    /// The panel's edits.
    edits: Edits,
    /// The record.
    id: String,
    /// How many columns the table has.
    columns: u8,
    /// The form.
    children: ChildrenFn,
) -> impl IntoView {
    view! {
        <Show when=edits.is_editing(id)>
            <tr class="edit-row">
                <td colspan=columns>{children()}</td>
            </tr>
        </Show>
    }
}
