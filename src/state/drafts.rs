//! Drafts: what was typed into an open form, kept in this tab's sessionStorage, so that signing
//! in again after the session ended (or a reload) gives it back. Never passwords or tokens.
//!
//! A draft is keyed by its page's path and the form's stable key on that page (`new`, an edit
//! card's group, `address-edit:ID`…). The forms decide when a draft is written and dropped
//! (`components::FormState`); this module only keeps them.

use std::cell::RefCell;

use super::storage;
use crate::forms::FormValues;

/// What every draft's storage key starts with.
const PREFIX: &str = "customer-console.draft:";

/// Where one form's draft is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftKey(String);

impl DraftKey {
    /// The draft of the form `form` on the page at `path`.
    pub fn new(path: &str, form: &str) -> Self {
        Self(format!("{}{form}", page_prefix(path)))
    }

    /// The kept values, if any.
    pub fn load(&self) -> Option<FormValues> {
        let text = storage::get(&self.0)?;
        let pairs: Vec<(String, String)> = serde_json::from_str(&text).ok()?;
        Some(FormValues::from_pairs(
            pairs
                .into_iter()
                .filter(|(name, _)| !is_secret(name))
                .map(|(name, value)| (field_name(&name), value)),
        ))
    }

    /// Whether values are kept for this form.
    pub fn exists(&self) -> bool {
        storage::get(&self.0).is_some()
    }

    /// Keeps `values`, leaving out passwords, tokens and whatever `secret` names.
    pub fn save(&self, values: &FormValues, secret: impl Fn(&str) -> bool) {
        let pairs: Vec<(&str, &str)> = values
            .names()
            .filter(|name| !is_secret(name) && !secret(name))
            .map(|name| (name, values.raw(name)))
            .collect();
        if let Ok(text) = serde_json::to_string(&pairs) {
            storage::set(&self.0, Some(&text));
        }
    }

    /// Drops the draft.
    pub fn discard(&self) {
        storage::set(&self.0, None);
    }
}

/// The keys of the forms with a draft on the page at `path`.
pub fn forms_on(path: &str) -> Vec<String> {
    let prefix = page_prefix(path);
    storage::keys(&prefix)
        .into_iter()
        .map(|key| key[prefix.len()..].to_owned())
        .collect()
}

/// Drops every draft of the tab (signing out).
pub fn discard_all() {
    for key in storage::keys(PREFIX) {
        storage::set(&key, None);
    }
}

/// The storage key prefix of the drafts on the page at `path`.
fn page_prefix(path: &str) -> String {
    format!("{PREFIX}{path}#")
}

/// Whether a field is never kept, whatever the form says: passwords and tokens.
fn is_secret(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.contains("password") || name.contains("token")
}

/// A field name read back from storage, as the `'static` name forms use. Each distinct name is
/// allocated once: names come from the app's own field lists, a small fixed set.
fn field_name(name: &str) -> &'static str {
    thread_local! {
        static NAMES: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
    }
    NAMES.with_borrow_mut(|names| {
        names
            .iter()
            .copied()
            .find(|n| *n == name)
            .unwrap_or_else(|| {
                let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
                names.push(leaked);
                leaked
            })
    })
}
