//! The customer pages: list (and its toolbar), create, and the customer page with its tabs.

pub mod accounts;
pub mod addresses;
pub mod attributes;
pub mod detail;
pub mod kyc;
pub mod list;
pub mod list_controls;
pub mod messages;
pub mod new;
pub mod profile;
pub mod scope;
pub mod tax_social;

use crate::api::encode_segment;

/// The in-app path of a customer's detail page.
pub fn detail_path(customer_id: &str) -> String {
    format!("/customers/{}", encode_segment(customer_id))
}
