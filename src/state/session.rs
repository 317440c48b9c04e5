//! [`Session`]: the DirectLogin token (sessionStorage only), the current user and the chosen bank.

use leptos::prelude::*;

use super::{AppConfig, Backend};
use crate::api::users::CurrentUser;

const TOKEN_KEY: &str = "customer-console.token";
const BANK_KEY: &str = "customer-console.bank";
const PROFILE_KEY: &str = "customer-console.profile";

/// A one-time message shown on the page it was meant for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flash {
    /// Path of the page that shows it.
    pub path: String,
    /// The message.
    pub text: String,
}

/// The signed-in session. `Copy`: every field is a signal.
#[derive(Clone, Copy)]
pub struct Session {
    /// The DirectLogin token; `None` when signed out.
    pub token: RwSignal<Option<String>>,
    /// The current user and its roles, once loaded.
    pub user: RwSignal<Option<CurrentUser>>,
    /// The bank every page works on (OBP).
    pub bank_id: RwSignal<String>,
    /// The profile every page works on (Enterprise API).
    pub profile_id: RwSignal<String>,
    /// Whether OBP roles gate actions; the Enterprise API has none, its token decides.
    pub roles_apply: bool,
    /// A message for the next page.
    pub flash: RwSignal<Option<Flash>>,
}

impl Session {
    /// Restores the token, bank and profile from sessionStorage (falling back to the config's
    /// default bank and first profile).
    pub fn restore(config: &AppConfig) -> Self {
        let bank = storage::get(BANK_KEY).unwrap_or_else(|| config.default_bank_id.clone());
        let profile = storage::get(PROFILE_KEY)
            .filter(|p| config.profile_ids.contains(p))
            .or_else(|| config.profile_ids.first().cloned())
            .unwrap_or_default();
        Self {
            token: RwSignal::new(storage::get(TOKEN_KEY)),
            user: RwSignal::new(None),
            bank_id: RwSignal::new(bank),
            profile_id: RwSignal::new(profile),
            roles_apply: config.backend == Backend::Obp,
            flash: RwSignal::new(None),
        }
    }

    /// Starts a session with a fresh token.
    pub fn start(&self, token: String) {
        storage::set(TOKEN_KEY, Some(&token));
        self.user.set(None);
        self.token.set(Some(token));
    }

    /// Ends the session, leaving `message` for the sign-in page.
    pub fn end(&self, message: Option<&str>) {
        storage::set(TOKEN_KEY, None);
        self.user.set(None);
        self.token.set(None);
        self.flash.set(message.map(|text| Flash {
            path: "/login".to_owned(),
            text: text.to_owned(),
        }));
    }

    /// Switches the working bank and remembers it for this tab.
    pub fn select_bank(&self, bank_id: String) {
        storage::set(BANK_KEY, Some(&bank_id));
        self.bank_id.set(bank_id);
    }

    /// Switches the working profile and remembers it for this tab.
    pub fn select_profile(&self, profile_id: String) {
        storage::set(PROFILE_KEY, Some(&profile_id));
        self.profile_id.set(profile_id);
    }

    /// Leaves a message for the page at `path`.
    pub fn flash_for(&self, path: &str, text: impl Into<String>) {
        self.flash.set(Some(Flash {
            path: path.to_owned(),
            text: text.into(),
        }));
    }

    /// Whether the user holds any of `roles` at the current bank (or system-wide); an empty
    /// list needs no role. `None` while the user is still loading.
    pub fn allows(&self, roles: &[&str]) -> Option<bool> {
        self.allows_at(&self.bank_id.get(), roles)
    }

    /// Whether the user holds any of `roles` at `bank_id` (or system-wide), as [`Self::allows`]
    /// does for the current bank.
    pub fn allows_at(&self, bank_id: &str, roles: &[&str]) -> Option<bool> {
        if !self.roles_apply {
            return Some(true);
        }
        self.user.with(|user| {
            user.as_ref()
                .map(|u| roles.is_empty() || roles.iter().any(|r| u.has_role(r, bank_id)))
        })
    }
}

/// sessionStorage, which dies with the tab: the token never reaches localStorage or a URL.
#[cfg(target_arch = "wasm32")]
mod storage {
    fn store() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok()?
    }

    pub fn get(key: &str) -> Option<String> {
        store()?.get_item(key).ok()?
    }

    pub fn set(key: &str, value: Option<&str>) {
        if let Some(store) = store() {
            // A full or disabled storage only costs persistence across reloads.
            let _ = match value {
                Some(value) => store.set_item(key, value),
                None => store.remove_item(key),
            };
        }
    }
}

/// No storage on the host: sessions live only in memory.
#[cfg(not(target_arch = "wasm32"))]
mod storage {
    pub fn get(_key: &str) -> Option<String> {
        None
    }

    pub fn set(_key: &str, _value: Option<&str>) {}
}
