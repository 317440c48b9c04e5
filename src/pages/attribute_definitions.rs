//! `/attribute-definitions`: the bank's customer attribute definitions. Saving is OBP's
//! create-or-update by name; inactive definitions are kept but not offered for new attributes.

use leptos::prelude::*;

use crate::{
    api::{
        attributes::{self, AttributeDefinition, DefinitionBody},
        roles, Api,
    },
    components::{
        drafts_here, AddAction, Change, DataTable, DeleteButton, Edits, FieldGrid, FormState,
        InlineForm, ListView, Panel, RequireRole, RoleNote,
    },
    forms::{attribute as form, obp_errors},
    state::Session,
};

/// The attribute definitions page.
#[component]
pub fn AttributeDefinitionsPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let items = LocalResource::new(move || {
        api.connection().track_reconnects();
        let (api, bank) = (api.clone(), session.tenant.get());
        async move { attributes::definitions(&api, &bank).await }
    });
    // The form is open for a new definition (`Some(None)`) or to edit one.
    let open = RwSignal::new(None::<Option<AttributeDefinition>>);
    let adding = RwSignal::new(false);
    Effect::new(move || {
        if adding.get() {
            open.set(Some(None));
        }
    });
    reopen_draft(items, open);
    let saved = Callback::new(move |_| {
        open.set(None);
        adding.set(false);
        items.refetch();
    });
    let cancel = Callback::new(move |_| {
        open.set(None);
        adding.set(false);
    });
    let add = AddAction {
        label: "New definition",
        roles: roles::SAVE_ATTRIBUTE_DEFINITION,
        what: "Defining attributes",
        open: adding,
    };
    view! {
        <div class="page-header">
            <div>
                <h1>"Customer attribute definitions"</h1>
                <p class="muted">"The names, types and meanings of the attributes staff can add to customers at this bank."</p>
            </div>
        </div>
        <Panel title="Definitions" id="definitions-title" add>
            {move || open.get().map(|existing| view! { <DefinitionForm existing on_saved=saved on_cancel=cancel /> })}
            <ListView items what="attribute definitions" empty="No attribute definitions at this bank." let:list>
                <DataTable headings=&["Name", "Type", "Description", "Alias", "Views", "Active", ""]>
                    {list.into_iter().map(|d| view! { <DefinitionRow definition=d open saved /> }).collect_view()}
                </DataTable>
            </ListView>
            <p class="role-notes">
                <RoleNote roles=roles::DELETE_ATTRIBUTE_DEFINITION what="Deleting definitions" />
            </p>
        </Panel>
    }
}

/// Draft keys of the form for a new definition and (with the definition's id) an edit form.
const NEW: &str = "definition-new";
const EDIT: &str = "definition-edit";

/// Opens the form again when it was left with a draft on this page (the session ended): at once
/// for a new definition, once the list is loaded for an edited one.
fn reopen_draft(
    items: LocalResource<Result<Vec<AttributeDefinition>, crate::api::ApiError>>,
    open: RwSignal<Option<Option<AttributeDefinition>>>,
) {
    let Some(form) = drafts_here().into_iter().next() else {
        return;
    };
    if form == NEW {
        open.set(Some(None));
        return;
    }
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        items.with(|list| match list {
            Some(Ok(list)) => {
                let edited = list
                    .iter()
                    .find(|d| Edits::edit_draft(EDIT, &d.attribute_definition_id) == form);
                if let Some(definition) = edited {
                    open.set(Some(Some(definition.clone())));
                }
                true
            }
            _ => false,
        })
    });
}

#[component]
fn DefinitionRow(
    definition: AttributeDefinition,
    open: RwSignal<Option<Option<AttributeDefinition>>>,
    saved: Callback<()>,
) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let id = definition.attribute_definition_id.clone();
    let delete = move || {
        let (api, bank, id) = (api.clone(), session.tenant.get_untracked(), id.clone());
        async move { attributes::delete_definition(&api, &bank, &id).await }
    };
    let edit_label = format!("Edit definition {}", definition.name);
    let what = format!("definition {}", definition.name);
    let deleted = Change::Deleted.told(&format!("Definition {}", definition.name), "");
    let editable = definition.clone();
    view! {
        <tr>
            <td class="mono">{definition.name}</td>
            <td>{definition.kind}</td>
            <td>{definition.description}</td>
            <td>{definition.alias}</td>
            <td>{definition.can_be_seen_on_views.join(", ")}</td>
            <td>{if definition.is_active { "Yes" } else { "No" }}</td>
            <td class="row-actions">
                <RequireRole roles=roles::SAVE_ATTRIBUTE_DEFINITION what="Editing" quiet=true>
                    <button type="button" class="link" aria-label=edit_label.clone()
                        on:click={let editable = editable.clone(); move |_| open.set(Some(Some(editable.clone())))}>
                        "Edit"
                    </button>
                </RequireRole>
                <DeleteButton what=what.clone() roles=roles::DELETE_ATTRIBUTE_DEFINITION delete=delete.clone()
                    on_deleted=saved consequence="Attributes already given to customers keep their values."
                    toast=deleted />
            </td>
        </tr>
    }
}

#[component]
fn DefinitionForm(
    existing: Option<AttributeDefinition>,
    on_saved: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let label = match &existing {
        Some(d) => format!("Edit {}", d.name),
        None => "New definition".to_owned(),
    };
    let draft = existing.as_ref().map_or_else(
        || NEW.to_owned(),
        |d| Edits::edit_draft(EDIT, &d.attribute_definition_id),
    );
    let state = FormState::drafted(
        existing
            .as_ref()
            .map_or_else(form::new_definition_values, form::definition_values),
        &draft,
    );
    let send = move |body: DefinitionBody| {
        let (api, bank) = (api.clone(), session.tenant.get_untracked());
        async move {
            attributes::save_definition(&api, &bank, &body)
                .await
                .map(drop)
        }
    };
    let toast = Signal::derive(move || {
        let name = state.values.with(|v| v.text("name"));
        format!("Definition {name} saved")
    });
    view! {
        <InlineForm state make=form::build_definition send on_saved on_cancel label=label.clone()
            field_error=Some(obp_errors::attribute) toast=Some(toast)>
            <h3 class="form-title">{label.clone()}</h3>
            <FieldGrid fields=form::DEFINITION_FIELDS form_id="definition" form=state />
        </InlineForm>
    }
}
