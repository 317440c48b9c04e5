//! [`FormDraft`]: the draft side of a [`super::FormState`]. While its form is open the typed
//! values are kept under a key on this page (`state::drafts`), given back when the form opens
//! again (after signing in again, or a reload) with a notice, and dropped after a save or a
//! Cancel. A form whose values differ from what it opened with keeps the [`Guard`] asking.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::{
    forms::FormValues,
    state::{drafts, DraftKey, Guard, Session},
};

/// What the form shows when its values came back from a draft.
pub const RESTORED_NOTICE: &str = "Your unsaved changes were restored.";

/// A form's draft: its key, what it opened with, and whether it was restored. `Copy`: stored
/// values and a signal; inert for forms without a key (sign-in).
#[derive(Clone, Copy)]
pub struct FormDraft {
    key: StoredValue<Option<DraftKey>>,
    /// The values the form opened with, while it is open.
    opened: StoredValue<Option<FormValues>>,
    /// Field names never kept (passwords), as the fields declare them.
    secrets: StoredValue<Vec<&'static str>>,
    /// The values came back from a draft; cleared by a save or Cancel.
    pub restored: RwSignal<bool>,
    session: Option<Session>,
}

impl FormDraft {
    /// No draft: nothing is kept, nothing guarded.
    pub fn none() -> Self {
        Self {
            key: StoredValue::new(None),
            opened: StoredValue::new(None),
            secrets: StoredValue::new(Vec::new()),
            restored: RwSignal::new(false),
            session: None,
        }
    }

    /// The draft of `values` under `form` on the current page. The draft follows every change
    /// while the form is open, and is dropped with the current owner (the page left) unless the
    /// session ended: then it waits for the user to sign in again.
    pub fn keep(form: &str, values: RwSignal<FormValues>) -> Self {
        let draft = Self {
            key: StoredValue::new(Some(DraftKey::new(&page_path(), form))),
            session: use_context::<Session>(),
            ..Self::none()
        };
        Effect::new(move || values.with(|current| draft.write(current)));
        if let Some(guard) = use_context::<Guard>() {
            guard.watch(Signal::derive(move || {
                values
                    .try_with_untracked(|current| draft.changed(current))
                    .unwrap_or(false)
            }));
        }
        on_cleanup(move || draft.close());
        draft
    }

    /// Opens the form on `initial`: the values to show, which are the draft's when one is kept.
    pub fn open(self, initial: FormValues) -> FormValues {
        let Some(kept) = self.key.with_value(|key| key.as_ref().map(DraftKey::load)) else {
            return initial;
        };
        self.opened.set_value(Some(initial.clone()));
        self.restored.set(kept.is_some());
        let mut values = initial;
        if let Some(kept) = &kept {
            for name in kept.names() {
                values.set(name, kept.raw(name).to_owned());
            }
        }
        values
    }

    /// Whether a draft is kept for this form (it was left open with changes).
    pub fn exists(self) -> bool {
        self.key
            .with_value(|key| key.as_ref().is_some_and(DraftKey::exists))
    }

    /// Never keeps the field `name` (a password).
    pub fn keep_secret(self, name: &'static str) {
        self.secrets.update_value(|secrets| {
            if !secrets.contains(&name) {
                secrets.push(name);
            }
        });
    }

    /// The form was saved or cancelled: the draft is dropped and the form holds no changes.
    pub fn finish(self) {
        self.key
            .try_with_value(|key| key.as_ref().map(DraftKey::discard));
        self.opened.try_set_value(None);
        self.restored.try_set(false);
    }

    /// The form closed: as [`Self::finish`], except after the session ended, when the draft
    /// stays for the next sign-in.
    pub fn close(self) {
        let session_over = self
            .session
            .and_then(|s| s.token.try_with_untracked(Option::is_none))
            .unwrap_or(false);
        if session_over {
            self.opened.try_set_value(None);
        } else {
            self.finish();
        }
    }

    /// Whether the open form's values differ from what it opened with (a field never typed in
    /// and one emptied again are the same).
    fn changed(self, current: &FormValues) -> bool {
        self.opened
            .try_with_value(|opened| {
                opened.as_ref().is_some_and(|opened| {
                    opened
                        .names()
                        .chain(current.names())
                        .any(|name| opened.raw(name) != current.raw(name))
                })
            })
            .unwrap_or(false)
    }

    /// Keeps `current` while the form is open with changes; without changes there is no draft.
    fn write(self, current: &FormValues) {
        if self.opened.with_value(Option::is_none) {
            return;
        }
        self.key.with_value(|key| {
            let Some(key) = key else { return };
            if self.changed(current) {
                self.secrets
                    .with_value(|secrets| key.save(current, |name| secrets.contains(&name)));
            } else {
                key.discard();
            }
        });
    }
}

/// The path of the page the app shows, which drafts are kept under.
pub fn page_path() -> String {
    use_location().pathname.get_untracked()
}

/// The keys of the forms with a draft on the current page.
pub fn drafts_here() -> Vec<String> {
    drafts::forms_on(&page_path())
}

/// The notice of a form whose values came back from a draft (a live region, always present).
#[component]
pub fn RestoredNote(
    /// The form's draft.
    draft: FormDraft,
) -> impl IntoView {
    view! {
        <p class="draft-note" role="status">
            {move || draft.restored.get().then_some(RESTORED_NOTICE)}
        </p>
    }
}
