//! Routed pages, one file each; `app.rs` lists the routes.

pub mod account_links;
pub mod attribute_definitions;
pub mod crm_events;
pub mod customers;
pub mod enterprise;
pub mod login;
pub mod meetings;
pub mod my_links;
pub mod not_found;
pub mod user_links;

use crate::api::{encode_segment, Query};

/// The in-app path of the links of an account: `/account-links?account_id=…`.
pub fn account_links_path(account_id: &str) -> String {
    format!(
        "/account-links{}",
        Query::new().with("account_id", account_id).build()
    )
}

/// The in-app path of the customer links of a user.
pub fn user_links_path(user_id: &str) -> String {
    format!("/users/{}/customer-links", encode_segment(user_id))
}
