//! [`EditCard`]: one part of a customer edited as one (an OBP "Update the … of a Customer"
//! endpoint, or the Enterprise API's whole customer): current values, and an inline form that
//! opens by itself when a draft of it is kept.

use leptos::prelude::*;

use crate::{
    api::Api,
    backend::{Backend, CustomerRecord},
    components::{
        Change, FieldGrid, FormSection, FormState, Highlight, InlineForm, RequireRole, ValueList,
    },
    forms::{EditGroup, FormValues},
    state::CustomerIndex,
};

/// A card listing the group's fields with the customer's values and, for users with the role,
/// an Edit button that opens the form in place. A save updates the record the page shows, says
/// so in a toast ("Email of Zoë Müller updated") and highlights the card.
#[component]
pub fn EditCard(
    /// The part this card edits.
    group: &'static EditGroup,
    /// The customer as last read or saved.
    customer: RwSignal<CustomerRecord>,
) -> impl IntoView {
    let api = expect_context::<Api>();
    let backend = expect_context::<Backend>();
    let editing = RwSignal::new(false);
    let state = FormState::closed(group.key);

    let api = StoredValue::new(api);
    let make = move |values: &FormValues| {
        let api = api.get_value();
        customer.with_untracked(|current| backend.start_update(&api, current, group, values))
    };
    let index = use_context::<CustomerIndex>();
    let send = move |request: crate::backend::Request<CustomerRecord>| async move {
        let saved = request.await?;
        if let Some(index) = index {
            index.saved(&saved);
        }
        customer.set(saved);
        Ok(())
    };
    let open = move || {
        state.reset(customer.with_untracked(|c| c.values.clone()));
        editing.set(true);
    };
    if state.draft.exists() {
        open();
    }
    let close = Callback::new(move |_| editing.set(false));
    let changed = Highlight::new();
    let saved = Callback::new(move |_| {
        editing.set(false);
        changed.mark(group.key);
    });
    // A backend editing the whole record in one group names only the customer.
    let what = match backend.edit_groups().len() {
        1 => "",
        _ => group.title,
    };
    let toast = Signal::derive(move || customer.with(|c| Change::Updated.told(what, &c.name)));
    let heading_id = format!("edit-{}", group.key);
    let labelled_by = heading_id.clone();

    view! {
        <section class="card edit-card" class=("changed", changed.is(group.key.to_owned()))
            aria-labelledby=labelled_by>
            <header class="card-header">
                <h3 id=heading_id>{group.title}</h3>
                <Show when=move || !editing.get()>
                    <RequireRole roles=group.roles what="Editing">
                        <button type="button" class="secondary" on:click=move |_| open()
                            aria-label=format!("Edit {}", group.title.to_lowercase())>
                            "Edit"
                        </button>
                    </RequireRole>
                </Show>
            </header>
            <Show
                when=move || editing.get()
                fallback=move || view! { <CurrentValues group customer /> }
            >
                <InlineForm state make send on_saved=saved on_cancel=close
                    label=group.title.to_owned() field_error=Some(backend.field_errors()) toast=Some(toast)>
                    {group_fields(group, state)}
                </InlineForm>
            </Show>
        </section>
    }
}

/// The group's inputs: a grid, or one titled section after another.
fn group_fields(group: &'static EditGroup, state: FormState) -> AnyView {
    match group.sections {
        [("", fields)] => {
            view! { <FieldGrid fields=*fields form_id=group.key form=state /> }.into_any()
        }
        sections => sections
            .iter()
            .map(|(legend, fields)| {
                view! { <FormSection legend=*legend fields=*fields form_id=group.key form=state /> }
            })
            .collect_view()
            .into_any(),
    }
}

/// The group's fields as a definition list of the customer's current values.
#[component]
fn CurrentValues(group: &'static EditGroup, customer: RwSignal<CustomerRecord>) -> impl IntoView {
    move || {
        let rows = customer.with(|c| {
            group
                .fields()
                .map(|spec| (spec.label, c.values.raw(spec.name).to_owned()))
                .collect::<Vec<_>>()
        });
        view! { <ValueList rows /> }
    }
}
