//! `/customers/:id` with the Enterprise API: the customer, an edit form that sends the whole
//! customer (PUT), and delete behind a dialog naming the customer.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_navigate};

use super::form::{CustomerForm, Saving};
use crate::{
    api::{enterprise, Api},
    components::{DeleteButton, ErrorView, Loading},
    dates,
    forms::enterprise as form,
    query::route_keys,
    state::Session,
};

/// The Enterprise customer page.
#[component]
pub fn EnterpriseDetailPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let id = route_keys::kept_param("customer_id");
    let found = LocalResource::new(move || {
        let (api, profile, id) = (api.clone(), session.profile_id.get(), id.get());
        async move { enterprise::get(&api, &profile, &id).await }
    });
    view! {
        <A href="/customers">"\u{2190} Customers"</A>
        <Transition fallback=|| view! { <Loading what="customer" /> }>
            {move || found.get().map(|result| match result {
                Ok(customer) => view! { <CustomerView customer=RwSignal::new(customer) /> }.into_any(),
                Err(error) => view! { <ErrorView error retry=Callback::new(move |_| found.refetch()) /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn CustomerView(customer: RwSignal<enterprise::Customer>) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let navigate = use_navigate();
    let editing = RwSignal::new(false);
    let (id, name) = customer.with_untracked(|c| (c.id.clone(), c.display_name()));
    let delete = {
        let (api, id) = (api.clone(), id.clone());
        move || {
            let (api, id, profile) = (api.clone(), id.clone(), session.profile_id.get_untracked());
            async move { enterprise::delete(&api, &profile, &id).await }
        }
    };
    let deleted = {
        let name = name.clone();
        Callback::new(move |_| {
            session.flash_for("/customers", format!("Deleted {name}."));
            navigate("/customers", Default::default());
        })
    };
    let send = Callback::new(move |body| {
        let (api, id, profile) = (api.clone(), id.clone(), session.profile_id.get_untracked());
        Saving::new(async move { enterprise::update(&api, &profile, &id, &body).await })
    });
    let saved = Callback::new(move |updated| {
        customer.set(updated);
        editing.set(false);
    });
    view! {
        <div class="page-header">
            <div>
                <h1>{move || customer.with(|c| c.display_name())}</h1>
                <p class="muted">{move || customer.with(|c| format!("Created {}", dates::display(&c.created)))}</p>
            </div>
            <div class="item-actions">
                <Show when=move || !editing.get()>
                    <button type="button" class="secondary" on:click=move |_| editing.set(true)>"Edit"</button>
                </Show>
                <DeleteButton what=format!("customer {name}") roles=&[] delete on_deleted=deleted />
            </div>
        </div>
        <Show when=move || editing.get() fallback=move || view! { <Values customer /> }>
            <CustomerForm values=customer.with_untracked(form::values) form_id="edit" submit_label="Save"
                send on_saved=saved
                cancel=view! { <button type="button" class="secondary" on:click=move |_| editing.set(false)>"Cancel"</button> }.into_any() />
        </Show>
    }
}

/// Every field, as text.
#[component]
fn Values(customer: RwSignal<enterprise::Customer>) -> impl IntoView {
    move || {
        customer.with(|c| {
            let address = c.address.clone().unwrap_or_default();
            let rows = [
                ("Company", c.company.clone()),
                ("First name", c.first_name.clone()),
                ("Last name", c.last_name.clone()),
                ("Email", c.email.clone()),
                ("Phone", c.phone.clone()),
                ("Street", address.thoroughfare),
                ("House number", address.premise.map(|p| p.to_string()).unwrap_or_default()),
                ("Addition", address.sub_premise),
                ("Building", address.building),
                ("Postcode", address.postal_code),
                ("City", address.locality),
                ("Province or state", address.state),
                ("Country", address.country),
                ("Customer id", c.id.clone()),
            ];
            view! {
                <section class="card">
                    <dl class="values">
                        {rows.into_iter().map(|(label, value)| {
                            let value = if value.trim().is_empty() { "\u{2014}".to_owned() } else { value };
                            view! { <div class="dl-row"><dt>{label}</dt><dd>{value}</dd></div> }
                        }).collect_view()}
                    </dl>
                </section>
            }
        })
    }
}
