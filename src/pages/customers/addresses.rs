//! `/banks/:bank_id/customers/:customer_id/addresses`: the customer's addresses; add, edit (a full
//! replace) and delete.

use leptos::prelude::*;

use super::scope::CustomerScope;
use crate::{
    api::{addresses, addresses::Address, roles},
    components::{
        Change, DeleteButton, EditButton, Edits, FieldGrid, FormState, Highlight, InlineForm,
        ListView, Panel, RoleNote,
    },
    forms::{address, FormValues},
};

/// The Addresses tab.
#[component]
pub fn AddressesTab() -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let items = scope.load(|api, bank, id| async move { addresses::list(&api, &bank, &id).await });
    let edits = Edits::reloading(items).reopen_drafts(NEW, EDIT);
    let add = edits.add("Add address", roles::CREATE_ADDRESS, "Adding addresses");
    view! {
        <Panel title="Addresses" id="addresses-title" add>
            <Show when=move || edits.adding.get()>
                <AddressForm existing=None on_saved=edits.saved on_cancel=edits.cancel_add() changed=edits.changed />
            </Show>
            <ListView items what="addresses" empty="No addresses on file." let:list>
                <ul class="item-list">
                    {list.into_iter().map(|a| view! { <AddressItem address=a edits /> }).collect_view()}
                </ul>
            </ListView>
            <p class="role-notes">
                <RoleNote roles=roles::UPDATE_ADDRESS what="Editing addresses" />
                <RoleNote roles=roles::DELETE_ADDRESS what="Deleting addresses" />
            </p>
        </Panel>
    }
}

/// One address, or its edit form.
#[component]
fn AddressItem(address: Address, edits: Edits) -> impl IntoView {
    let shown = address.clone();
    let changed = edits.changed.is(address.customer_address_id.clone());
    view! {
        <li class="item" class=("changed", changed)>
            <Show
                when=edits.is_editing(address.customer_address_id.clone())
                fallback=move || view! { <AddressCard address=shown.clone() edits /> }
            >
                <AddressForm
                    existing=Some(address.clone())
                    on_saved=edits.saved
                    on_cancel=edits.cancel_edit()
                    changed=edits.changed
                />
            </Show>
        </li>
    }
}

/// An address as text, with its tags, status, Edit and Delete.
#[component]
fn AddressCard(address: Address, edits: Edits) -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let summary = address::summary(&address);
    let edit_label = format!("Edit address {summary}");
    let id = address.customer_address_id.clone();
    let lines = [
        &address.line_1,
        &address.line_2,
        &address.line_3,
        &address.city,
        &address.county,
        &address.state,
        &address.postcode,
        &address.country_code,
    ]
    .into_iter()
    .filter(|line| !line.trim().is_empty())
    .map(|line| view! { <span class="address-line">{line.clone()}</span> })
    .collect_view();
    let tags = address
        .tags
        .iter()
        .filter(|t| !t.trim().is_empty())
        .map(|t| view! { <span class="tag">{t.clone()}</span> })
        .collect_view();
    let status = (!address.status.trim().is_empty())
        .then(|| view! { <span class="muted">{format!("Status: {}", address.status)}</span> });
    let delete = {
        let id = id.clone();
        move || {
            let (api, bank, customer) = scope.target();
            let id = id.clone();
            async move { addresses::delete(&api, &bank, &customer, &id).await }
        }
    };
    let body = address.body();
    let undo = edits.undo(
        id.clone(),
        scope.told("Address", Change::Restored),
        move || {
            let (api, bank, customer) = scope.target();
            let body = body.clone();
            async move {
                let created = addresses::create(&api, &bank, &customer, &body).await?;
                Ok(created.customer_address_id)
            }
        },
    );
    view! {
        <address class="address">{lines}</address>
        <div class="item-meta">{tags}{status}</div>
        <div class="item-actions">
            <EditButton roles=roles::UPDATE_ADDRESS label=edit_label id=id edits />
            <DeleteButton what=format!("address {summary}") roles=roles::DELETE_ADDRESS delete on_deleted=edits.saved
                toast=scope.told("Address", Change::Deleted) undo />
        </div>
    }
}

/// Draft keys of the add form and (with the address id) an edit form.
const NEW: &str = "address-new";
const EDIT: &str = "address-edit";

/// The add form (`existing` is `None`) or the edit form of an address.
#[component]
fn AddressForm(
    existing: Option<Address>,
    on_saved: Callback<()>,
    on_cancel: Callback<()>,
    /// Highlights the address once saved.
    changed: Highlight,
) -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let address_id = existing.as_ref().map(|a| a.customer_address_id.clone());
    let (form_id, label, draft, change) = match &address_id {
        Some(id) => (
            EDIT,
            "Edit address",
            Edits::edit_draft(EDIT, id),
            Change::Updated,
        ),
        None => (NEW, "New address", NEW.to_owned(), Change::Added),
    };
    let state = FormState::drafted(
        existing.as_ref().map(address::values).unwrap_or_default(),
        &draft,
    );
    let send = move |body: addresses::AddressBody| {
        let (api, bank, customer) = scope.target();
        let address_id = address_id.clone();
        async move {
            let saved = match address_id {
                Some(id) => addresses::update(&api, &bank, &customer, &id, &body).await,
                None => addresses::create(&api, &bank, &customer, &body).await,
            }?;
            changed.mark(saved.customer_address_id);
            Ok(())
        }
    };
    view! {
        <InlineForm state make=|v: &FormValues| address::build(v) send on_saved on_cancel label=label.to_owned()
            toast=Some(scope.told("Address", change))>
            <h3 class="form-title">{label}</h3>
            <FieldGrid fields=address::FIELDS form_id form=state />
        </InlineForm>
    }
}
