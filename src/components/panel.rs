//! [`Panel`]: a titled card with an optional Add button; [`Edits`] and [`EditButton`]: the
//! state and buttons of its inline add and edit forms, the row changed last, and the Undo of
//! its deletes.

use leptos::prelude::*;

use std::future::Future;

use super::{drafts_here, Highlight, RequireRole, Undo};
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
/// unique), the item changed last, and what every save and delete calls: close both forms and
/// reload the list.
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
    /// The item saved last, highlighted for a moment: an edit marks its item itself, an add
    /// marks the id the API gave it.
    pub changed: Highlight,
    /// After an Undo re-created an item: highlights it (by its new id) and reloads the list.
    /// Made with the panel, as the deleted row that offered the Undo is gone by then.
    pub restored: Callback<String>,
}

impl Edits {
    /// Edits of a panel showing `list`.
    pub fn reloading<T: 'static>(list: LocalResource<Result<Vec<T>, ApiError>>) -> Self {
        let adding = RwSignal::new(false);
        let editing = RwSignal::new(None::<String>);
        let changed = Highlight::new();
        let saved = Callback::new(move |_| {
            adding.set(false);
            if let Some(id) = editing.get_untracked() {
                changed.mark(id);
            }
            editing.set(None);
            list.refetch();
        });
        Self {
            adding,
            editing,
            saved,
            reload: Callback::new(move |_| list.refetch()),
            changed,
            restored: Callback::new(move |id: String| {
                changed.mark(id);
                list.refetch();
            }),
        }
    }

    /// The Undo of deleting the item `old_id`: `recreate` creates it again and answers its id,
    /// which the reloaded list then highlights. `restored` words the toast.
    pub fn undo<F, Fut>(self, old_id: String, restored: Signal<String>, recreate: F) -> Undo
    where
        F: Fn() -> Fut + 'static,
        Fut: Future<Output = Result<String, ApiError>> + 'static,
    {
        Undo::new(old_id, restored, recreate, self.restored)
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
