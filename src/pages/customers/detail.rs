//! `/customers/:id`: every customer field, an inline edit form per update endpoint, and delete
//! cascade behind a confirm dialog that names the customer.

use leptos::prelude::*;
use leptos_router::{
    components::A,
    hooks::{use_navigate, use_params_map},
};

use crate::{
    api::{customers, customers::Customer, Api, ApiError},
    components::{ConfirmDialog, EditCard, ErrorView, KycBadge, Loading, RequireRole},
    dates,
    forms::customer::UPDATE_FORMS,
    state::Session,
};

/// The customer detail page.
#[component]
pub fn CustomerDetailPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let params = use_params_map();
    // Keeps the last id while the router leaves this page, so leaving does not refetch.
    let customer_id = Memo::new(move |last: Option<&String>| {
        params
            .with(|p| p.get("id"))
            .or_else(|| last.cloned())
            .unwrap_or_default()
    });
    let customer = LocalResource::new(move || {
        let (api, id, bank) = (api.clone(), customer_id.get(), session.bank_id.get());
        async move { customers::get(&api, &bank, &id).await }
    });

    view! {
        <Transition fallback=|| view! { <Loading what="customer" /> }>
            {move || customer.get().map(|result| match result {
                Ok(found) => view! { <CustomerView customer=RwSignal::new(found) /> }.into_any(),
                Err(error) => view! {
                    <A href="/customers">"Back to customers"</A>
                    <ErrorView error retry=Callback::new(move |_| customer.refetch()) />
                }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn CustomerView(customer: RwSignal<Customer>) -> impl IntoView {
    let title = move || customer.with(|c| c.legal_name.clone());
    view! {
        <div class="page-header">
            <div>
                <A href="/customers">"\u{2190} Customers"</A>
                <h1>{title}</h1>
                <p class="muted">
                    {move || customer.with(|c| format!("Customer number {} \u{00b7} {}", c.customer_number, c.bank_id))}
                    " "
                    {move || view! { <KycBadge ok=customer.with(|c| c.kyc_status) /> }}
                </p>
            </div>
            <DeleteCustomer customer />
        </div>
        <div class="card-grid">
            <RecordCard customer />
            {UPDATE_FORMS.iter().map(|form| view! { <EditCard form customer /> }).collect_view()}
        </div>
    }
}

/// Fields no update endpoint changes: ids, KYC, dates, attributes.
#[component]
fn RecordCard(customer: RwSignal<Customer>) -> impl IntoView {
    move || {
        customer.with(|c| {
            let rows = [
                ("Customer id", c.customer_id.clone()),
                ("Bank", c.bank_id.clone()),
                ("KYC status", if c.kyc_status { "Satisfied" } else { "Not satisfied" }.to_owned()),
                ("Last OK date", dates::display(&c.last_ok_date)),
                (
                    "Dates of birth of dependants",
                    match c.dob_of_dependants.iter().map(|d| dates::display(d)).collect::<Vec<_>>() {
                        list if list.is_empty() => "\u{2014}".to_owned(),
                        list => list.join(", "),
                    },
                ),
            ];
            let attributes = c
                .customer_attributes
                .iter()
                .map(|a| view! {
                    <li><span class="mono">{a.name.clone()}</span>" = "{a.value.clone()}<span class="muted">{format!(" ({})", a.kind)}</span></li>
                })
                .collect_view();
            let has_attributes = !c.customer_attributes.is_empty();
            view! {
                <section class="card" aria-labelledby="record-title">
                    <header class="card-header"><h3 id="record-title">"Record"</h3></header>
                    <dl class="values">
                        {rows.into_iter().map(|(label, value)| view! {
                            <div class="dl-row"><dt>{label}</dt><dd>{value}</dd></div>
                        }).collect_view()}
                        <div class="dl-row">
                            <dt>"Attributes"</dt>
                            <dd>{if has_attributes {
                                view! { <ul class="plain-list">{attributes}</ul> }.into_any()
                            } else {
                                "\u{2014}".into_any()
                            }}</dd>
                        </div>
                    </dl>
                </section>
            }
        })
    }
}

/// The Delete button and its confirm dialog.
#[component]
fn DeleteCustomer(customer: RwSignal<Customer>) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let navigate = use_navigate();
    let open = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let delete = Action::new_local(move |_: &()| {
        let (api, navigate) = (api.clone(), navigate.clone());
        let bank = session.bank_id.get_untracked();
        let (id, name) = customer.with_untracked(|c| (c.customer_id.clone(), c.legal_name.clone()));
        async move {
            match customers::delete_cascade(&api, &bank, &id).await {
                Ok(()) => {
                    session.flash_for(
                        "/customers",
                        format!("Deleted {name} and everything linked to it."),
                    );
                    navigate("/customers", Default::default());
                }
                Err(error) => failure.set(Some(error)),
            }
        }
    });
    let (name, number) =
        customer.with_untracked(|c| (c.legal_name.clone(), c.customer_number.clone()));
    view! {
        <RequireRole roles=&["CanDeleteCustomerCascade"] what="Deleting customers">
            <button type="button" class="danger" on:click=move |_| { failure.set(None); open.set(true); }>
                "Delete customer"
            </button>
        </RequireRole>
        <ConfirmDialog
            open
            title=format!("Delete {name}?")
            message=format!(
                "This permanently deletes customer number {number} and everything linked to it: \
                 attributes, addresses, account and user links, KYC records. It cannot be undone."
            )
            confirm_label="Delete permanently"
            on_confirm=Callback::new(move |_| {
                if !delete.pending().get_untracked() {
                    delete.dispatch_local(());
                }
            })
            pending=delete.pending().into()
            error=failure.into()
        />
    }
}
