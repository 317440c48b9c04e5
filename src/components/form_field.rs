//! [`FormState`], [`FormField`] and [`FormSection`]: what a form holds (and keeps as a draft),
//! and labelled inputs bound to it.

use std::future::Future;

use leptos::{ev::SubmitEvent, prelude::*};

use super::{FormDraft, Submission};
use crate::{
    api::ApiError,
    forms::{FieldErrors, FieldKind, FieldSpec, FormValues},
};

/// A form's state: what was typed, the field errors, the last API error. `Copy`: all signals.
#[derive(Clone, Copy)]
pub struct FormState {
    /// What the user typed; never cleared by an error.
    pub values: RwSignal<FormValues>,
    /// Messages under the fields.
    pub errors: RwSignal<FieldErrors>,
    /// The last API error, shown above the buttons.
    pub failure: RwSignal<Option<ApiError>>,
    /// Sends the form once however often it is submitted; its errors land in `failure`.
    pub submission: Submission,
    /// What was typed, kept while the form is open (forms given a draft key).
    pub draft: FormDraft,
}

impl FormState {
    /// A form starting with `values`, kept nowhere (sign-in).
    pub fn new(values: FormValues) -> Self {
        let failure = RwSignal::new(None);
        Self {
            values: RwSignal::new(values),
            errors: RwSignal::new(FieldErrors::default()),
            failure,
            submission: Submission::new(failure),
            draft: FormDraft::none(),
        }
    }

    /// A form open now on `values`, or on its draft `form` on this page when one is kept; see
    /// [`FormDraft::keep`].
    pub fn drafted(values: FormValues, form: &str) -> Self {
        let state = Self::closed(form);
        state.reset(values);
        state
    }

    /// A form kept as the draft `form` on this page, opened later with [`Self::reset`] (an
    /// inline form that opens in place).
    pub fn closed(form: &str) -> Self {
        let mut state = Self::new(FormValues::default());
        state.draft = FormDraft::keep(form, state.values);
        state
    }

    /// Starts over with `values` (reopening an inline form), or with the draft kept for it.
    pub fn reset(&self, values: FormValues) {
        self.values.set(self.draft.open(values));
        self.errors.set(FieldErrors::default());
        self.failure.set(None);
    }

    /// Puts the messages of `found` under their fields too, beside those the checks found
    /// (the fields an API error names).
    pub fn show_field_errors(self, found: &FieldErrors) {
        self.errors.try_update(|errors| {
            for name in found.keys() {
                errors.insert(name, found[name].clone());
            }
        });
    }

    /// The `submit` handler: checks the values with `start`, which turns them into a request
    /// on its way or field errors; the request goes through [`Self::submission`], so it is sent
    /// once however often the form is submitted. Its answer goes to `on_ok`; an error stays on
    /// the form, and `on_err` sees it first (to put it under the fields it names).
    pub fn on_submit<T, Fut>(
        self,
        start: impl Fn(&FormValues) -> Result<Fut, FieldErrors> + Clone + 'static,
        on_ok: impl Fn(T) + Clone + 'static,
        on_err: impl Fn(&ApiError) + Clone + 'static,
    ) -> impl Fn(SubmitEvent) + Clone + 'static
    where
        T: 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        move |ev: SubmitEvent| {
            ev.prevent_default();
            if self.submission.pending().get_untracked() {
                return;
            }
            match self.values.with_untracked(&start) {
                Ok(request) => {
                    let on_ok = on_ok.clone();
                    let draft = self.draft;
                    let saved = move |answer| {
                        draft.finish();
                        on_ok(answer);
                    };
                    self.submission.send(move || request, saved, on_err.clone());
                }
                Err(found) => self.errors.set(found),
            }
        }
    }
}

/// One labelled input. Typing clears the field's error; the value is never lost.
#[component]
pub fn FormField(
    /// What the field is.
    spec: FieldSpec,
    /// Prefix for element ids, unique per form on the page.
    #[prop(into)]
    form_id: Oco<'static, str>,
    /// The form it belongs to.
    form: FormState,
) -> impl IntoView {
    let FormState { values, errors, .. } = form;
    let name = spec.name;
    if spec.kind == FieldKind::Password {
        form.draft.keep_secret(name);
    }
    let id = format!("{form_id}-{name}");
    let error_id = format!("{id}-error");
    let help_id = format!("{id}-help");
    let error = move || errors.with(|e| e.get(name).cloned());
    let invalid = move || error().is_some();
    let store = move |value: String| {
        values.update(|v| v.set(name, value));
        errors.update(|e| e.remove(name));
    };
    let described_by = if spec.help.is_empty() {
        error_id.clone()
    } else {
        format!("{error_id} {help_id}")
    };
    let current = move || values.with(|v| v.raw(name).to_owned());
    let input = match spec.kind {
        FieldKind::Checkbox => view! {
            <input
                id=id.clone()
                type="checkbox"
                prop:checked=move || values.with(|v| v.flag(name))
                on:change=move |ev| store(if event_target_checked(&ev) { "true".into() } else { String::new() })
                aria-describedby=described_by
            />
        }
        .into_any(),
        FieldKind::Choice(options) => view! {
            <select
                id=id.clone()
                name=name
                prop:value=current
                on:change=move |ev| store(event_target_value(&ev))
                aria-required=spec.required.to_string()
                aria-invalid=move || invalid().to_string()
                aria-describedby=described_by
            >
                {options.iter().map(|option| view! { <option value=*option>{*option}</option> }).collect_view()}
            </select>
        }
        .into_any(),
        FieldKind::LongText => view! {
            <textarea
                id=id.clone()
                name=name
                rows="3"
                prop:value=current
                on:input=move |ev| store(event_target_value(&ev))
                aria-required=spec.required.to_string()
                aria-invalid=move || invalid().to_string()
                aria-describedby=described_by
            ></textarea>
        }
        .into_any(),
        kind => {
            let list_id = format!("{id}-suggestions");
            let suggestions = (!spec.suggestions.is_empty()).then(|| view! {
                <datalist id=list_id.clone()>
                    {spec.suggestions.iter().map(|s| view! { <option value=*s></option> }).collect_view()}
                </datalist>
            });
            view! {
                <input
                    id=id.clone()
                    name=name
                    type=kind.input_type()
                    inputmode=kind.input_mode()
                    list=(!spec.suggestions.is_empty()).then_some(list_id)
                    autocomplete=autocomplete(name)
                    prop:value=current
                    on:input=move |ev| store(event_target_value(&ev))
                    aria-required=spec.required.to_string()
                    aria-invalid=move || invalid().to_string()
                    aria-describedby=described_by
                />
                {suggestions}
            }
            .into_any()
        }
    };
    view! {
        <div
            class="field"
            class=("field-checkbox", spec.kind == FieldKind::Checkbox)
            class=("field-invalid", invalid)
        >
            <label for=id>
                {spec.label}
                {spec.required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
            </label>
            {input}
            {(!spec.help.is_empty()).then(|| view! { <p class="field-help" id=help_id>{spec.help}</p> })}
            <p class="field-error" id=error_id aria-live="polite">{error}</p>
        </div>
    }
}

/// A `<fieldset>` of fields under a legend.
#[component]
pub fn FormSection(
    /// The legend.
    legend: &'static str,
    /// The fields.
    fields: &'static [FieldSpec],
    /// Prefix for element ids.
    form_id: &'static str,
    /// The form it belongs to.
    form: FormState,
) -> impl IntoView {
    view! {
        <fieldset class="form-section">
            <legend>{legend}</legend>
            <div class="field-grid">
                {fields
                    .iter()
                    .map(|spec| view! { <FormField spec=*spec form_id form /> })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// Browser autofill hints for the fields that have one.
fn autocomplete(name: &str) -> &'static str {
    match name {
        "username" => "username",
        "password" => "current-password",
        "email" => "email",
        "mobile_phone_number" => "tel",
        _ => "off",
    }
}

/// A `<select>` whose options come from the API (value, text), with a blank first option.
#[component]
pub fn ChoiceField(
    /// Key in the form's values.
    name: &'static str,
    /// Visible label.
    label: &'static str,
    /// Text of the blank option.
    blank: &'static str,
    /// `(value, text)` pairs.
    options: Vec<(String, String)>,
    /// Prefix for element ids.
    form_id: &'static str,
    /// The form it belongs to.
    form: FormState,
) -> impl IntoView {
    let id = format!("{form_id}-{name}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                name=name
                prop:value=move || form.values.with(|v| v.raw(name).to_owned())
                on:change=move |ev| form.values.update(|v| v.set(name, event_target_value(&ev)))
            >
                <option value="">{blank}</option>
                {options.into_iter().map(|(value, text)| view! { <option value=value>{text}</option> }).collect_view()}
            </select>
        </div>
    }
}
