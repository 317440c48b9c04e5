//! [`ListCache`]: the customer list pages this tab showed in the last [`FRESH_MS`], so going
//! back to the list paints its rows at once while the page asks the API again. Memory only
//! (customer data never goes to storage); any change sent from this tab empties it, so a list
//! never shows a customer that was just deleted or a value that was just changed, and so does
//! the session's end (the app calls [`ListCache::clear`]), so the next user never sees the
//! last one's rows.

use leptos::prelude::*;

use crate::backend::CustomerPage;

/// How long a shown page may be shown again without waiting for the API.
pub const FRESH_MS: f64 = 30_000.0;

/// The most pages kept (the oldest goes first).
const KEPT: usize = 8;

/// One page as shown: under which list (tenant and query), and when it arrived.
struct Entry {
    key: String,
    page: CustomerPage,
    at_ms: f64,
}

/// The recently shown list pages of this tab. `Copy`.
#[derive(Clone, Copy)]
pub struct ListCache(StoredValue<Vec<Entry>, LocalStorage>);

impl Default for ListCache {
    fn default() -> Self {
        Self(StoredValue::new_local(Vec::new()))
    }
}

impl ListCache {
    /// The page shown under `key` less than [`FRESH_MS`] before `now_ms`.
    pub fn fresh(self, key: &str, now_ms: f64) -> Option<CustomerPage> {
        self.0.with_value(|entries| {
            entries
                .iter()
                .find(|e| e.key == key && now_ms - e.at_ms < FRESH_MS)
                .map(|e| e.page.clone())
        })
    }

    /// Keeps `page`, which arrived at `now_ms`, as the one shown under `key`.
    pub fn put(self, key: String, page: CustomerPage, now_ms: f64) {
        self.0.update_value(|entries| {
            entries.retain(|e| e.key != key);
            if entries.len() == KEPT {
                entries.remove(0);
            }
            entries.push(Entry {
                key,
                page,
                at_ms: now_ms,
            });
        });
    }

    /// Forgets every page (something changed).
    pub fn clear(self) {
        self.0.update_value(Vec::clear);
    }
}
