//! The customer pages: list, create, detail.

pub mod detail;
pub mod list;
pub mod new;

use crate::api::encode_segment;

/// The in-app path of a customer's detail page.
pub fn detail_path(customer_id: &str) -> String {
    format!("/customers/{}", encode_segment(customer_id))
}
