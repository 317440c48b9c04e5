//! [`LastList`]: the customer list URL this tab last showed (scope, page, size, sort, search),
//! so "← Customers", the header's link and the redirect after a delete return to it.

use leptos::prelude::*;

use super::storage;
use crate::routes;

const KEY: &str = "customer-console.last-list";

/// The last customer-list URL of this tab, kept in sessionStorage across reloads. `Copy`.
#[derive(Clone, Copy)]
pub struct LastList(RwSignal<String>);

impl LastList {
    /// The URL this tab kept, else the plain list.
    pub fn restore() -> Self {
        Self(RwSignal::new(routes::list_path(
            storage::get(KEY).as_deref(),
        )))
    }

    /// Keeps `url`, the list page's path and query as shown now.
    pub fn remember(self, url: &str) {
        let url = routes::list_path(Some(url));
        if self.0.with_untracked(|kept| *kept != url) {
            storage::set(KEY, Some(&url));
            self.0.set(url);
        }
    }

    /// Where a link back to the list leads (reactive).
    pub fn href(self) -> String {
        self.0.get()
    }

    /// Where a link back to the list leads, read once (for a redirect).
    pub fn href_untracked(self) -> String {
        self.0.get_untracked()
    }
}
