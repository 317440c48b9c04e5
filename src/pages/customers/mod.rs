//! The customer pages: list (and its toolbar), create, and the customer page with its tabs; and
//! the customer widgets they share (tables, KYC badge, edit cards).

pub mod accounts;
pub mod addresses;
pub mod attributes;
mod customer_table;
pub mod detail;
mod edit_card;
pub mod export;
pub mod kyc;
mod kyc_badge;
mod kyc_edit;
pub mod list;
pub mod list_controls;
pub mod messages;
pub mod new;
pub mod profile;
pub mod scope;
pub mod search;
pub mod tax_social;
pub mod view_options;

pub use customer_table::{CustomerIdTable, CustomerTable};
pub use edit_card::EditCard;
pub use kyc_badge::KycBadge;

use leptos::prelude::GetUntracked;
use leptos_router::{
    hooks::{use_location, use_navigate},
    NavigateOptions,
};

use crate::routes::detail_path;

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
