//! `/banks/:bank_id/customers/:customer_id/attributes`: the customer's attributes. The add and
//! edit forms offer the bank's active attribute definitions when there are any; every value is
//! checked against its type before it is sent, because OBP stores any value.

use leptos::prelude::*;

use super::scope::CustomerScope;
use crate::{
    api::{
        attributes::{self, AttributeBody, AttributeDefinition, CustomerAttribute},
        roles, ApiError,
    },
    components::{
        Change, DataTable, DeleteButton, EditButton, Edits, FieldGrid, FormField, FormState,
        Highlight, InlineForm, ListView, Panel, RoleNote,
    },
    forms::{
        attribute::{self as form, NAME_FIELD, TYPE_FIELD},
        obp_errors,
    },
};

/// The Attributes tab. Attributes and definitions load in parallel.
#[component]
pub fn AttributesTab() -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let items = scope.load(|api, bank, id| async move { attributes::list(&api, &bank, &id).await });
    let definitions =
        scope.load(|api, bank, _| async move { attributes::definitions(&api, &bank).await });
    let edits = Edits::reloading(items).reopen_drafts(NEW, EDIT);
    let add = edits.add(
        "Add attribute",
        roles::CREATE_ATTRIBUTE,
        "Adding attributes",
    );
    view! {
        <Panel title="Attributes" id="attributes-title" add>
            <Show when=move || edits.adding.get()>
                <DefinedForm existing=None definitions on_saved=edits.saved on_cancel=edits.cancel_add() changed=edits.changed />
            </Show>
            <ListView items what="attributes" empty="No attributes yet." let:list>
                <DataTable headings=&["Name", "Type", "Value", ""]>
                    {list.into_iter().map(|a| view! { <AttributeRow attribute=a definitions edits /> }).collect_view()}
                </DataTable>
            </ListView>
            <p class="role-notes">
                <RoleNote roles=roles::UPDATE_ATTRIBUTE what="Editing attributes" />
                <RoleNote roles=roles::DELETE_ATTRIBUTE what="Deleting attributes" />
            </p>
        </Panel>
    }
}

/// The add or edit form once the bank's definitions have loaded, so it can offer them.
#[component]
fn DefinedForm(
    existing: Option<CustomerAttribute>,
    definitions: LocalResource<Result<Vec<AttributeDefinition>, ApiError>>,
    on_saved: Callback<()>,
    on_cancel: Callback<()>,
    /// Highlights the attribute once saved.
    changed: Highlight,
) -> impl IntoView {
    move || {
        match definitions.get() {
        None => view! { <p class="muted">"Loading attribute definitions\u{2026}"</p> }.into_any(),
        Some(result) => {
            view! { <AttributeForm existing=existing.clone() definitions=result on_saved on_cancel changed /> }
                .into_any()
        }
    }
    }
}

/// One attribute, or its edit form across the row.
#[component]
fn AttributeRow(
    attribute: CustomerAttribute,
    definitions: LocalResource<Result<Vec<AttributeDefinition>, ApiError>>,
    edits: Edits,
) -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let id = attribute.customer_attribute_id.clone();
    let CustomerAttribute {
        name, kind, value, ..
    } = attribute.clone();
    let edit_label = format!("Edit attribute {name}");
    let delete = {
        let id = id.clone();
        move || {
            let (api, bank, _) = scope.target();
            let id = id.clone();
            async move { attributes::delete(&api, &bank, &id).await }
        }
    };
    let body = AttributeBody {
        name: name.clone(),
        kind: kind.clone(),
        value: value.clone(),
    };
    let undo = edits.undo(
        id.clone(),
        scope.told(format!("Attribute {name}"), Change::Restored),
        move || {
            let (api, bank, customer) = scope.target();
            let body = body.clone();
            async move {
                let created = attributes::create(&api, &bank, &customer, &body).await?;
                Ok(created.customer_attribute_id)
            }
        },
    );
    let row = view! {
        <tr class=("changed", edits.changed.is(id.clone()))>
            <td class="mono">{name.clone()}</td>
            <td>{kind}</td>
            <td class="value-cell">{value}</td>
            <td class="row-actions">
                <EditButton roles=roles::UPDATE_ATTRIBUTE label=edit_label id=id.clone() edits />
                <DeleteButton what=format!("attribute {name}") roles=roles::DELETE_ATTRIBUTE delete on_deleted=edits.saved
                    toast=scope.told(format!("Attribute {name}"), Change::Deleted) undo />
            </td>
        </tr>
    };
    view! {
        {row}
        <Show when=edits.is_editing(id)>
            <tr class="edit-row">
                <td colspan="4">
                    <DefinedForm existing=Some(attribute.clone()) definitions on_saved=edits.saved on_cancel=edits.cancel_edit() changed=edits.changed />
                </td>
            </tr>
        </Show>
    }
}

/// Draft keys of the add form and (with the attribute id) an edit form.
const NEW: &str = "attribute-new";
const EDIT: &str = "attribute-edit";

/// The add form (`existing` is `None`) or the edit form of an attribute.
#[component]
fn AttributeForm(
    existing: Option<CustomerAttribute>,
    /// The bank's definitions; the form offers the active ones by name (the edit form of an
    /// attribute whose name none defines keeps free name and type fields).
    definitions: Result<Vec<AttributeDefinition>, ApiError>,
    on_saved: Callback<()>,
    on_cancel: Callback<()>,
    /// Highlights the attribute once saved.
    changed: Highlight,
) -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let attribute_id = existing.as_ref().map(|a| a.customer_attribute_id.clone());
    let (form_id, label, draft) = match &attribute_id {
        Some(id) => (EDIT, "Edit attribute", Edits::edit_draft(EDIT, id)),
        None => (NEW, "New attribute", NEW.to_owned()),
    };
    let state = FormState::drafted(
        existing
            .as_ref()
            .map_or_else(form::new_values, form::values),
        &draft,
    );
    let change = match attribute_id {
        Some(_) => Change::Updated,
        None => Change::Added,
    };
    // Names the attribute as saved: "Attribute tier of Zoë Müller updated".
    let toast = Signal::derive(move || {
        let name = state.values.with(|v| v.text("name"));
        scope
            .customer
            .with(|c| change.told(&format!("Attribute {name}"), &c.name))
    });
    let (offered, unavailable) = match definitions {
        Ok(list) => (form::offered(&list), None),
        Err(error) => (Vec::new(), Some(error)),
    };
    let undefined = existing
        .as_ref()
        .is_some_and(|a| !offered.iter().any(|d| d.name == a.name));
    // Only a change of type rebuilds the value input, so typing keeps focus.
    let kind = Memo::new(move |_| state.values.with(form::chosen_type));
    let value_input =
        move || view! { <FormField spec=form::value_field(kind.get()) form_id form=state /> };
    let name_and_type = if offered.is_empty() || undefined {
        view! { <FieldGrid fields=&[NAME_FIELD, TYPE_FIELD] form_id form=state /> }.into_any()
    } else {
        view! { <DefinedName definitions=offered form_id state /> }.into_any()
    };
    let send = move |body: AttributeBody| {
        let (api, bank, customer) = scope.target();
        let attribute_id = attribute_id.clone();
        async move {
            let saved = match attribute_id {
                Some(id) => attributes::update(&api, &bank, &customer, &id, &body).await,
                None => attributes::create(&api, &bank, &customer, &body).await,
            }?;
            changed.mark(saved.customer_attribute_id);
            Ok(())
        }
    };
    view! {
        <InlineForm state make=form::build send on_saved on_cancel label=label.to_owned()
            field_error=Some(obp_errors::attribute) toast=Some(toast)>
            <h3 class="form-title">{label}</h3>
            {unavailable.map(|error| view! {
                <p class="field-help">{format!("Attribute definitions could not be loaded ({error}); any name can be used.")}</p>
            })}
            <div class="field-grid">
                {name_and_type}
                {value_input}
            </div>
        </InlineForm>
    }
}

/// The name picked from the bank's definitions, which fixes the type and explains the meaning.
#[component]
fn DefinedName(
    definitions: Vec<AttributeDefinition>,
    form_id: &'static str,
    state: FormState,
) -> impl IntoView {
    let id = format!("{form_id}-name");
    let error_id = format!("{id}-error");
    let help_id = format!("{id}-help");
    let definitions = StoredValue::new(definitions);
    let chosen = move || {
        let name = state.values.with(|v| v.text("name"));
        definitions.with_value(|all| all.iter().find(|d| d.name == name).cloned())
    };
    let pick = move |ev| {
        let name = event_target_value(&ev);
        let found = definitions.with_value(|all| all.iter().find(|d| d.name == name).cloned());
        state.values.update(|v| match &found {
            Some(definition) => form::apply_definition(v, definition),
            None => v.set("name", String::new()),
        });
        state.errors.update(|e| e.remove("name"));
    };
    let help = move || match chosen() {
        Some(d) if d.description.is_empty() => format!("Type {}.", d.kind),
        Some(d) => format!("Type {}. {}", d.kind, d.description),
        None => "Names come from the bank's attribute definitions.".to_owned(),
    };
    let options = definitions.with_value(|all| {
        all.iter()
            .map(|d| {
                let text = format!("{} ({})", d.name, d.kind);
                view! { <option value=d.name.clone()>{text}</option> }
            })
            .collect_view()
    });
    view! {
        <div class="field" class=("field-invalid", move || state.errors.with(|e| e.contains_key("name")))>
            <label for=id.clone()>"Name"<span class="required" aria-hidden="true">" *"</span></label>
            <select id=id name="name" on:change=pick
                prop:value=move || state.values.with(|v| v.text("name"))
                aria-required="true" aria-describedby=format!("{error_id} {help_id}")>
                <option value="">"Choose a defined attribute\u{2026}"</option>
                {options}
            </select>
            <p class="field-help" id=help_id>{help}</p>
            <p class="field-error" id=error_id aria-live="polite">
                {move || state.errors.with(|e| e.get("name").cloned())}
            </p>
        </div>
    }
}
