//! [`Toasts`]: the confirmations of what changed ("Email of Zoë Müller updated"), announced
//! through one `aria-live` region ([`ToastRegion`], rendered once in the shell). A success hides
//! itself after a few seconds, one offering Undo a little later ([`ToastTimes`]); an error stays
//! until it is dismissed.

use std::{collections::HashMap, time::Duration};

use leptos::prelude::*;

/// How long toasts stay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ToastTimes {
    /// A success: 6 s by default.
    pub success: Duration,
    /// A success offering Undo: 8 s by default.
    pub undo: Duration,
}

impl Default for ToastTimes {
    fn default() -> Self {
        Self {
            success: Duration::from_secs(6),
            undo: Duration::from_secs(8),
        }
    }
}

/// What happened to a record, worded for its toast.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// "Address added to Zoë Müller".
    Added,
    /// "Email of Zoë Müller updated".
    Updated,
    /// "Address deleted from Zoë Müller".
    Deleted,
    /// "Account ACC-1 linked to Zoë Müller".
    Linked,
    /// "Account ACC-1 unlinked from Zoë Müller".
    Unlinked,
    /// "Message sent to Zoë Müller".
    Sent,
    /// "KYC status recorded for Zoë Müller".
    Recorded,
    /// "Address restored to Zoë Müller" (by Undo).
    Restored,
}

impl Change {
    /// The toast's text for `what` (capitalised, as it starts the sentence) on `whom`; either
    /// may be blank (a record of its own, or a name not yet loaded).
    pub fn told(self, what: &str, whom: &str) -> String {
        let (verb, on) = match self {
            Self::Added => ("added", "to"),
            Self::Updated => ("updated", "of"),
            Self::Deleted => ("deleted", "from"),
            Self::Linked => ("linked", "to"),
            Self::Unlinked => ("unlinked", "from"),
            Self::Sent => ("sent", "to"),
            Self::Recorded => ("recorded", "for"),
            Self::Restored => ("restored", "to"),
        };
        match (what, whom, self) {
            (what, "", _) => format!("{what} {verb}"),
            ("", whom, _) => format!("{whom} {verb}"),
            (what, whom, Self::Updated) => format!("{what} {on} {whom} {verb}"),
            (what, whom, _) => format!("{what} {verb} {on} {whom}"),
        }
    }
}

/// Whether a toast confirms or warns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tone {
    Success,
    Error,
}

/// What a toast's Undo runs, once.
type UndoAction = Box<dyn FnOnce()>;

#[derive(Clone, Debug, PartialEq, Eq)]
struct Toast {
    id: u64,
    text: String,
    tone: Tone,
    undo: bool,
}

/// The toasts on screen, provided through context. `Copy`.
#[derive(Clone, Copy)]
pub struct Toasts {
    shown: RwSignal<Vec<Toast>>,
    next_id: StoredValue<u64>,
    times: ToastTimes,
    /// What each toast's Undo runs; kept here, not with the deleted row that offered it, so it
    /// outlives the row.
    undos: StoredValue<HashMap<u64, UndoAction>, LocalStorage>,
}

impl Toasts {
    /// No toasts yet; they stay for `times`.
    pub fn new(times: ToastTimes) -> Self {
        Self {
            shown: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
            times,
            undos: StoredValue::new_local(HashMap::new()),
        }
    }

    /// Confirms a change; hides itself after [`ToastTimes::success`].
    pub fn success(self, text: impl Into<String>) {
        let id = self.show(text.into(), Tone::Success, false);
        self.hide_after(id, self.times.success);
    }

    /// Reports a failure; stays until dismissed.
    pub fn error(self, text: impl Into<String>) {
        self.show(text.into(), Tone::Error, false);
    }

    /// Confirms a change that `undo` can take back, for [`ToastTimes::undo`]; Undo runs it once.
    pub fn with_undo(self, text: impl Into<String>, undo: impl FnOnce() + 'static) {
        let id = self.show(text.into(), Tone::Success, true);
        self.undos
            .update_value(|undos| _ = undos.insert(id, Box::new(undo)));
        self.hide_after(id, self.times.undo);
    }

    /// Removes the toast `id` (and its Undo), if still shown.
    fn dismiss(self, id: u64) {
        self.shown
            .try_update(|shown| shown.retain(|toast| toast.id != id));
        self.undos.try_update_value(|undos| undos.remove(&id));
    }

    /// Runs the Undo of toast `id`, once, and removes the toast.
    fn undo(self, id: u64) {
        let undo = self
            .undos
            .try_update_value(|undos| undos.remove(&id))
            .flatten();
        self.dismiss(id);
        if let Some(undo) = undo {
            undo();
        }
    }

    fn show(self, text: String, tone: Tone, undo: bool) -> u64 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.shown.update(|shown| {
            shown.push(Toast {
                id,
                text,
                tone,
                undo,
            })
        });
        id
    }

    fn hide_after(self, id: u64, after: Duration) {
        set_timeout(move || self.dismiss(id), after);
    }
}

/// The toasts, newest last, in a polite live region that is always in the page (a region
/// added together with its text is not announced); errors are alerts.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    view! {
        <div class="toasts" aria-live="polite" aria-label="Notifications" role="region">
            <For each=move || toasts.shown.get() key=|toast| toast.id let:toast>
                <ToastView toast toasts />
            </For>
        </div>
    }
}

#[component]
fn ToastView(toast: Toast, toasts: Toasts) -> impl IntoView {
    let Toast {
        id,
        text,
        tone,
        undo,
    } = toast;
    let error = tone == Tone::Error;
    view! {
        <div class="toast" class=("toast-error", error) role=error.then_some("alert")>
            <p class="toast-text">{text.clone()}</p>
            {undo.then(|| view! {
                <button type="button" class="secondary toast-undo" aria-label=format!("Undo: {text}")
                    on:click=move |_| toasts.undo(id)>
                    "Undo"
                </button>
            })}
            <button type="button" class="link toast-dismiss" aria-label=format!("Dismiss: {text}")
                on:click=move |_| toasts.dismiss(id)>
                "\u{00d7}"
            </button>
        </div>
    }
}
