//! [`InlineForm`] and [`FieldGrid`]: a form opened in place that sends one request, keeps what
//! was typed on any error (and, with a draft key, across a new sign-in), and shows the API error
//! next to its buttons.

use std::{future::Future, pin::Pin, rc::Rc};

use leptos::prelude::*;

use super::{ErrorView, FormField, FormState, RestoredNote, Toasts};
use crate::{
    api::ApiError,
    forms::{FieldErrors, FieldSpec, FormValues},
};

/// A request on its way, as Save and Delete wait for it.
pub type Pending = Pin<Box<dyn Future<Output = Result<(), ApiError>>>>;

/// The fields an API error concerns, with the messages to put under them.
pub type FieldErrorOf = fn(&ApiError) -> FieldErrors;

/// What Save does with the values: the request on its way, or the field errors.
type Submit = Rc<dyn Fn(&FormValues) -> Result<Pending, FieldErrors>>;

/// A `<form>` around `children` (its fields): Save checks the values with `make` and sends
/// the request with `send`; success calls `on_saved`, an API error stays on screen.
#[component]
pub fn InlineForm<T, B, S, Fut>(
    /// The form's values and errors.
    state: FormState,
    /// Turns the values into the request, or field errors.
    make: B,
    /// Sends the request.
    send: S,
    /// After a successful send.
    on_saved: Callback<()>,
    /// Cancel was pressed.
    on_cancel: Callback<()>,
    /// The submit button's label.
    #[prop(default = "Save")]
    submit_label: &'static str,
    /// Names the form for assistive technology.
    label: String,
    /// Puts an API error under the field it concerns too, e.g. OBP-30223 under the account.
    #[prop(optional_no_strip)]
    field_error: Option<FieldErrorOf>,
    /// Reloads what the form adds to, when the API did not confirm a change: the user then sees
    /// whether it was made before saving again.
    #[prop(optional_no_strip)]
    reload: Option<Callback<()>>,
    /// The toast confirming a save: "Email of Zoë Müller updated".
    #[prop(optional_no_strip)]
    toast: Option<Signal<String>>,
    /// The fields.
    children: Children,
) -> impl IntoView
where
    T: 'static,
    B: Fn(&FormValues) -> Result<T, FieldErrors> + 'static,
    S: Fn(T) -> Fut + 'static,
    Fut: Future<Output = Result<(), ApiError>> + 'static,
{
    // Type-erased here, so the form's markup is compiled once, not once per form.
    let submit: Submit =
        Rc::new(move |values| make(values).map(|request| Box::pin(send(request)) as Pending));
    form_view(FormParts {
        state,
        submit,
        on_saved,
        on_cancel,
        submit_label,
        label,
        field_error,
        reload,
        toast,
        fields: children(),
    })
}

struct FormParts {
    state: FormState,
    submit: Submit,
    on_saved: Callback<()>,
    on_cancel: Callback<()>,
    submit_label: &'static str,
    label: String,
    field_error: Option<FieldErrorOf>,
    reload: Option<Callback<()>>,
    toast: Option<Signal<String>>,
    fields: AnyView,
}

fn form_view(parts: FormParts) -> AnyView {
    let FormParts {
        state,
        submit,
        on_saved,
        on_cancel,
        submit_label,
        label,
        field_error,
        reload,
        toast,
        fields,
    } = parts;
    // Closed without Save or Cancel (the page left, a sibling form saved): the draft goes too,
    // unless the session ended.
    on_cleanup(move || state.draft.close());
    let toasts = use_context::<Toasts>();
    let saved = move |()| {
        let told = toast.and_then(|text| text.try_get_untracked());
        on_saved.run(());
        if let (Some(toasts), Some(told)) = (toasts, told) {
            toasts.success(told);
        }
    };
    let failed = move |error: &ApiError| {
        if let Some(reload) = reload.filter(|_| error.outcome_unknown()) {
            reload.run(());
        }
        if let Some(find) = field_error {
            state.show_field_errors(&find(error));
        }
    };
    let on_submit = state.on_submit(move |values| submit(values), saved, failed);
    let pending = state.submission.pending();
    view! {
        <form class="inline-form" novalidate aria-label=label on:submit=on_submit>
            <RestoredNote draft=state.draft />
            {fields}
            {move || state.failure.get().map(|error| {
                let reloaded = reload.is_some() && error.outcome_unknown();
                view! {
                    <ErrorView error />
                    {reloaded.then(|| view! {
                        <p class="muted">"The list was reloaded: if your entry is there, it was saved."</p>
                    })}
                }
            })}
            <div class="form-actions">
                <button type="submit" disabled=move || pending.get()>
                    {move || if pending.get() { "Saving\u{2026}" } else { submit_label }}
                </button>
                <button type="button" class="secondary" on:click=move |_| {
                    state.draft.finish();
                    on_cancel.run(());
                }>
                    "Cancel"
                </button>
            </div>
        </form>
    }
    .into_any()
}

/// The inputs of `fields` in a responsive grid.
#[component]
pub fn FieldGrid(
    /// The fields.
    fields: &'static [FieldSpec],
    /// Prefix for element ids, unique on the page.
    #[prop(into)]
    form_id: Oco<'static, str>,
    /// The form they belong to.
    form: FormState,
) -> impl IntoView {
    view! {
        <div class="field-grid">
            {fields.iter().map(|spec| view! { <FormField spec=*spec form_id=form_id.clone() form /> }).collect_view()}
        </div>
    }
}
