//! [`EditCard`]: one "Update the … of a Customer" group: current values, and an inline form.

use leptos::prelude::*;

use crate::{
    api::{
        customers::{self, Customer, CustomerUpdate},
        Api,
    },
    components::{FieldGrid, FormState, InlineForm, RequireRole},
    forms::{customer::UpdateForm, FormValues},
};

/// A card listing the form's fields with the customer's values and, for users with the role,
/// an Edit button that opens the form in place.
#[component]
pub fn EditCard(
    /// Which update this card performs.
    form: &'static UpdateForm,
    /// The customer as last read or saved.
    customer: RwSignal<Customer>,
    /// The bank the customer is changed at (the customer's own).
    #[prop(into)]
    bank: Signal<String>,
) -> impl IntoView {
    let api = expect_context::<Api>();
    let editing = RwSignal::new(false);
    let state = FormState::new(FormValues::default());

    let send = move |update: CustomerUpdate| {
        let api = api.clone();
        let (bank, id) = (
            bank.get_untracked(),
            customer.with_untracked(|c| c.customer_id.clone()),
        );
        async move {
            let saved = customers::update(&api, &bank, &id, &update).await?;
            customer.update(|c| {
                let attributes = std::mem::take(&mut c.customer_attributes);
                *c = Customer {
                    customer_attributes: attributes,
                    ..saved
                };
            });
            Ok(())
        }
    };
    let open = move |_| {
        state.reset(customer.with(|c| (form.current)(c)));
        editing.set(true);
    };
    let close = Callback::new(move |_| editing.set(false));
    let heading_id = format!("edit-{}", form.key);
    let labelled_by = heading_id.clone();

    view! {
        <section class="card edit-card" aria-labelledby=labelled_by>
            <header class="card-header">
                <h3 id=heading_id>{form.title}</h3>
                <Show when=move || !editing.get()>
                    <RequireRole roles=form.roles what="Editing">
                        <button type="button" class="secondary" on:click=open
                            aria-label=format!("Edit {}", form.title.to_lowercase())>
                            "Edit"
                        </button>
                    </RequireRole>
                </Show>
            </header>
            <Show
                when=move || editing.get()
                fallback=move || view! { <CurrentValues form customer /> }
            >
                <InlineForm state make=|v: &FormValues| form.submit(v) send=send.clone()
                    on_saved=close on_cancel=close label=form.title.to_owned()>
                    <FieldGrid fields=form.fields form_id=form.key form=state />
                </InlineForm>
            </Show>
        </section>
    }
}

/// The form's fields as a definition list of the customer's current values.
#[component]
fn CurrentValues(form: &'static UpdateForm, customer: RwSignal<Customer>) -> impl IntoView {
    move || {
        let current = customer.with(|c| (form.current)(c));
        let items = form
            .fields
            .iter()
            .map(|spec| {
                let value = match current.raw(spec.name) {
                    "" => "\u{2014}".to_owned(),
                    v => v.to_owned(),
                };
                view! {
                    <div class="dl-row">
                        <dt>{spec.label}</dt>
                        <dd>{value}</dd>
                    </div>
                }
            })
            .collect_view();
        view! { <dl class="values">{items}</dl> }
    }
}
