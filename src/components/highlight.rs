//! [`Highlight`]: the row or card changed a moment ago, marked for [`HIGHLIGHT_FOR`] (the
//! `changed` class; the stylesheet keeps it still for `prefers-reduced-motion`).

use std::time::Duration;

use leptos::prelude::*;

/// How long a changed row stays highlighted.
const HIGHLIGHT_FOR: Duration = Duration::from_secs(2);

/// The item changed last, by id, while it is highlighted. `Copy`.
#[derive(Clone, Copy)]
pub struct Highlight(RwSignal<Option<(u64, String)>>);

impl Default for Highlight {
    fn default() -> Self {
        Self::new()
    }
}

impl Highlight {
    /// Nothing highlighted.
    pub fn new() -> Self {
        Self(RwSignal::new(None))
    }

    /// Highlights the item `id` for [`HIGHLIGHT_FOR`]; a later mark outlasts this one.
    pub fn mark(self, id: impl Into<String>) {
        // The panel may be gone by now (an Undo finishing after the user moved on).
        let Some(mark) = self
            .0
            .try_with_untracked(|now| now.as_ref().map_or(0, |(n, _)| n + 1))
        else {
            return;
        };
        if self.0.try_set(Some((mark, id.into()))).is_none() {
            set_timeout(
                move || {
                    if self
                        .0
                        .try_with_untracked(|now| matches!(now, Some((n, _)) if *n == mark))
                        == Some(true)
                    {
                        self.0.try_set(None);
                    }
                },
                HIGHLIGHT_FOR,
            );
        }
    }

    /// Whether the item `id` is highlighted now.
    pub fn is(self, id: String) -> impl Fn() -> bool + Clone + Send + Sync + 'static {
        move || {
            self.0
                .with(|now| now.as_ref().is_some_and(|(_, i)| *i == id))
        }
    }
}
