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

use leptos::prelude::GetUntracked;
use leptos_router::{
    hooks::{use_location, use_navigate},
    NavigateOptions,
};

use crate::api::encode_segment;

/// The in-app path of a customer's page: `/banks/BANK_ID/customers/CUSTOMER_ID`, so the
/// customer is read and changed at its own bank whatever the header says. With an empty
/// `bank_id` (a list that does not name it), `/customers/CUSTOMER_ID`: the OBP page then finds
/// the bank from the record, and the Enterprise API keeps its customers under the chosen profile.
pub fn detail_path(bank_id: &str, customer_id: &str) -> String {
    let customer = format!("/customers/{}", encode_segment(customer_id));
    match bank_id {
        "" => customer,
        bank => format!("/banks/{}{customer}", encode_segment(bank)),
    }
}

/// Moves the customer page to customer `customer_id` at `bank_id`, replacing the URL (no new
/// history entry) and keeping the tab, query and hash.
fn move_to_bank() -> impl Fn(&str, &str) + Clone {
    let location = use_location();
    let navigate = use_navigate();
    move |bank_id, customer_id| {
        let path = location.pathname.get_untracked();
        // The segments naming the customer: `/banks/BANK/customers/ID` or `/customers/ID`.
        let segments = if path.starts_with("/banks/") { 4 } else { 2 };
        let tab = path
            .splitn(segments + 2, '/')
            .nth(segments + 1)
            .filter(|tab| !tab.is_empty())
            .map(|tab| format!("/{tab}"))
            .unwrap_or_default();
        let mut to = detail_path(bank_id, customer_id) + &tab;
        for (mark, part) in [('?', location.search), ('#', location.hash)] {
            let part = part.get_untracked();
            let part = part.trim_start_matches(mark);
            if !part.is_empty() {
                to.push(mark);
                to.push_str(part);
            }
        }
        let replace = NavigateOptions {
            replace: true,
            ..Default::default()
        };
        navigate(&to, replace);
    }
}
