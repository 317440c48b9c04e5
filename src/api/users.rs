//! The signed-in user (`GET /users/current`) and the roles it holds.

use serde::Deserialize;

use super::{de, Api, ApiError};

/// The current user with its entitlements.
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct CurrentUser {
    /// User id.
    pub user_id: String,
    /// Username.
    pub username: String,
    /// Email.
    pub email: String,
    /// Identity provider.
    pub provider: String,
    /// Granted roles.
    #[serde(default)]
    pub entitlements: Entitlements,
}

/// OBP wraps the entitlement list in an object: `{"list": […]}`.
#[serde_with::apply(Vec => #[serde(default, deserialize_with = "de::list")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Entitlements {
    /// The roles.
    pub list: Vec<Entitlement>,
}

/// One granted role, at a bank or (with an empty `bank_id`) system-wide.
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Entitlement {
    /// Entitlement id.
    pub entitlement_id: String,
    /// Role name, e.g. `CanGetCustomers`.
    pub role_name: String,
    /// Bank the role holds at; empty for system roles.
    pub bank_id: String,
}

impl CurrentUser {
    /// True when the user holds `role` at `bank_id`, or system-wide.
    pub fn has_role(&self, role: &str, bank_id: &str) -> bool {
        self.entitlements
            .list
            .iter()
            .any(|e| e.role_name == role && (e.bank_id == bank_id || e.bank_id.is_empty()))
    }

    /// The banks where the user holds any of `roles`, each once, in the order granted. System
    /// grants name no bank and are left out.
    pub fn banks_holding(&self, roles: &[&str]) -> Vec<String> {
        let mut banks: Vec<String> = Vec::new();
        for grant in &self.entitlements.list {
            if roles.contains(&grant.role_name.as_str())
                && !grant.bank_id.is_empty()
                && !banks.contains(&grant.bank_id)
            {
                banks.push(grant.bank_id.clone());
            }
        }
        banks
    }
}

/// `GET /users/current`.
pub async fn current(api: &Api) -> Result<CurrentUser, ApiError> {
    api.get("/users/current").await
}
