//! [`ListPrefs`]: how the customer lists look in this browser: the columns the user hid (kept in
//! localStorage per backend kind, column names only, never data) and whether personal data is
//! revealed (this tab only, in memory: a reload or a sign-out masks it again).

use leptos::prelude::*;

use super::{storage, Session};
use crate::{backend::Column, config::BackendKind};

/// The list preferences, provided as context. `Copy`: signals.
#[derive(Clone, Copy)]
pub struct ListPrefs {
    hidden: RwSignal<Vec<Column>>,
    key: &'static str,
    /// Whether lists show email, phone and date of birth in full.
    pub reveal: RwSignal<bool>,
}

/// Where the hidden columns of `kind`'s list are kept.
fn storage_key(kind: BackendKind) -> &'static str {
    match kind {
        BackendKind::Obp => "customer-console.hidden-columns.obp",
        BackendKind::Enterprise => "customer-console.hidden-columns.enterprise",
    }
}

impl ListPrefs {
    /// The preferences kept for `kind`'s lists, personal data masked.
    pub fn restore(kind: BackendKind) -> Self {
        let key = storage_key(kind);
        let hidden = storage::get_local(key)
            .unwrap_or_default()
            .split(',')
            .filter_map(Column::from_key)
            .filter(|column| column.hideable())
            .collect();
        Self {
            hidden: RwSignal::new(hidden),
            key,
            reveal: RwSignal::new(false),
        }
    }

    /// Masks personal data again whenever `session` ends, so the next user starts masked.
    pub fn mask_on_sign_out(self, session: Session) {
        session.on_end(move || self.reveal.set(false));
    }

    /// Whether `column` is shown (tracked).
    pub fn is_shown(self, column: Column) -> bool {
        self.hidden.with(|hidden| !hidden.contains(&column))
    }

    /// Of `all` (a backend's columns with their headings), those shown, in order (tracked).
    pub fn shown(self, all: &[(Column, &'static str)]) -> Vec<(Column, &'static str)> {
        all.iter()
            .copied()
            .filter(|(column, _)| self.is_shown(*column))
            .collect()
    }

    /// Shows or hides `column` and keeps the choice; the name column always stays.
    pub fn set_shown(self, column: Column, shown: bool) {
        if !column.hideable() {
            return;
        }
        self.hidden.update(|hidden| {
            hidden.retain(|c| *c != column);
            if !shown {
                hidden.push(column);
            }
        });
        let kept = self
            .hidden
            .with_untracked(|hidden| hidden.iter().map(|c| c.key()).collect::<Vec<_>>())
            .join(",");
        storage::set_local(
            self.key,
            Some(&kept).filter(|k| !k.is_empty()).map(|k| k.as_str()),
        );
    }
}
