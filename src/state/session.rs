//! [`Session`]: the token (sessionStorage only), the current user and the chosen bank or profile.

use leptos::prelude::*;

use super::storage;
use crate::config::AppConfig;
use crate::{api::users::CurrentUser, backend::Backend};

/// Where the token is kept in sessionStorage (`public/prefetch.js` reads it too).
pub const TOKEN_KEY: &str = "customer-console.token";

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
    /// The tenant every page works on: the bank (OBP) or profile (Enterprise API).
    pub tenant: RwSignal<String>,
    /// Where the tenant is kept for the tab.
    tenant_key: &'static str,
    /// Whether roles gate actions (OBP); without them the token decides.
    pub roles_apply: bool,
    /// A message for the next page.
    pub flash: RwSignal<Option<Flash>>,
}

impl Session {
    /// Restores the token and tenant from sessionStorage (falling back to `backend`'s default
    /// tenant when the stored one is no longer offered).
    pub fn restore(config: &AppConfig, backend: Backend) -> Self {
        let kind = backend.tenant();
        let tenant = storage::get(kind.storage_key)
            .filter(|t| backend.offers_tenant(config, t))
            .unwrap_or_else(|| backend.default_tenant(config));
        Self {
            token: RwSignal::new(storage::get(TOKEN_KEY)),
            user: RwSignal::new(None),
            tenant: RwSignal::new(tenant),
            tenant_key: kind.storage_key,
            roles_apply: backend.capabilities().roles,
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

    /// Runs `forget` whenever the session ends (and at once when there is none), so what this
    /// tab held for it (the customer index, the list cache, revealed personal data) goes with it.
    pub fn on_end(&self, forget: impl Fn() + 'static) {
        let token = self.token;
        Effect::new(move || {
            if token.with(Option::is_none) {
                forget();
            }
        });
    }

    /// Switches the working bank or profile and remembers it for this tab.
    pub fn select_tenant(&self, tenant: String) {
        storage::set(self.tenant_key, Some(&tenant));
        self.tenant.set(tenant);
    }

    /// Whether the user holds any of `roles` at the current bank (or system-wide); an empty
    /// list needs no role. `None` while the user is still loading.
    pub fn allows(&self, roles: &[&str]) -> Option<bool> {
        self.allows_at(&self.tenant.get(), roles)
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
