//! [`Panel`]: a titled card with an optional Add button; [`Edits`] and [`EditButton`]: the
//! state and buttons of its inline add and edit forms.

use leptos::prelude::*;

use super::{drafts_here, RequireRole};
use crate::api::ApiError;

/// The Add button of a panel: its label, the roles allowed to add, and the signal it opens.
#[derive(Clone, Copy)]
pub struct AddAction {
    /// "Add address".
    pub label: &'static str,
    /// Roles allowed to add.
    pub roles: &'static [&'static str],
    /// For the note to users without the role: "Adding addresses".
    pub what: &'static str,
    /// True while the add form is open.
    pub open: RwSignal<bool>,
}

/// A `<section>` card titled `title`, with `add`'s button (hidden while its form is open).
#[component]
pub fn Panel(
    /// The heading.
    title: &'static str,
    /// Element id of the heading, unique on the page.
    id: &'static str,
    /// The Add button, if items can be added.
    #[prop(optional)]
    add: Option<AddAction>,
    /// The panel's content.
    children: Children,
) -> impl IntoView {
    view! {
        <section class="card panel" aria-labelledby=id>
            <header class="card-header">
                <h2 id=id>{title}</h2>
                {add.map(|add| view! {
                    <Show when=move || !add.open.get()>
                        <RequireRole roles=add.roles what=add.what>
                            <button type="button" class="secondary" on:click=move |_| add.open.set(true)>
                                {add.label}
                            </button>
                        </RequireRole>
                    </Show>
                })}
            </header>
            {children()}
        </section>
    }
}

/// A panel's editing state: its add form, the one item being edited (so element ids stay
/// unique), and what every save and delete calls: close both forms and reload the list.
#[derive(Clone, Copy)]
pub struct Edits {
    /// True while the add form is open.
    pub adding: RwSignal<bool>,
    /// The id of the item whose edit form is open.
    pub editing: RwSignal<Option<String>>,
    /// Closes the forms and reloads the list.
    pub saved: Callback<()>,
    /// Reloads the list and leaves the forms open (a change whose outcome is unknown).
    pub reload: Callback<()>,
}

impl Edits {
    /// Edits of a panel showing `list`.
    pub fn reloading<T: 'static>(list: LocalResource<Result<Vec<T>, ApiError>>) -> Self {
        let adding = RwSignal::new(false);
        let editing = RwSignal::new(None);
        let saved = Callback::new(move |_| {
            adding.set(false);
            editing.set(None);
            list.refetch();
        });
        Self {
            adding,
            editing,
            saved,
            reload: Callback::new(move |_| list.refetch()),
        }
    }

    /// The panel's Add button.
    pub fn add(
        self,
        label: &'static str,
        roles: &'static [&'static str],
        what: &'static str,
    ) -> AddAction {
        AddAction {
            label,
            roles,
            what,
            open: self.adding,
        }
    }

    /// Whether the item `id` is being edited.
    pub fn is_editing(self, id: String) -> impl Fn() -> bool + Clone + Send + Sync + 'static {
        move || self.editing.with(|e| e.as_deref() == Some(id.as_str()))
    }

    /// Opens again the forms of this panel that were left with a draft on this page (the
    /// session ended): the add form drafted as `add`, the edit form drafted as `{edit}:{id}`.
    pub fn reopen_drafts(self, add: &str, edit: &str) -> Self {
        for form in drafts_here() {
            if form == add {
                self.adding.set(true);
            } else if let Some(id) = form.strip_prefix(edit).and_then(|f| f.strip_prefix(':')) {
                self.editing.set(Some(id.to_owned()));
            }
        }
        self
    }

    /// The draft key of the edit form of item `id`, for [`Self::reopen_drafts`].
    pub fn edit_draft(edit: &str, id: &str) -> String {
        format!("{edit}:{id}")
    }

    /// Cancel of the add form.
    pub fn cancel_add(self) -> Callback<()> {
        Callback::new(move |_| self.adding.set(false))
    }

    /// Cancel of an edit form.
    pub fn cancel_edit(self) -> Callback<()> {
        Callback::new(move |_| self.editing.set(None))
    }
}

/// The Edit button of the item `id`, for users holding one of `roles`.
#[component]
pub fn EditButton(
    /// Roles allowed to edit.
    roles: &'static [&'static str],
    /// Accessible name naming the item: "Edit address 1 Main St".
    label: String,
    /// The item.
    id: String,
    /// The panel's edits.
    edits: Edits,
    /// Visible text.
    #[prop(default = "Edit")]
    text: &'static str,
) -> impl IntoView {
    view! {
        <RequireRole roles what="Editing" quiet=true>
            <button type="button" class="link" aria-label=label.clone()
                on:click={let id = id.clone(); move |_| edits.editing.set(Some(id.clone()))}>
                {text}
            </button>
        </RequireRole>
    }
}
