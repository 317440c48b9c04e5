//! The tab's sessionStorage, which dies with the tab: what the session keeps across reloads of
//! this tab only (never localStorage or a URL). The host has none: there it lives in memory only.

/// The value stored under `key`, if any.
#[cfg(target_arch = "wasm32")]
pub fn get(key: &str) -> Option<String> {
    store()?.get_item(key).ok()?
}

/// Stores `value` under `key`, or removes the key for `None`.
#[cfg(target_arch = "wasm32")]
pub fn set(key: &str, value: Option<&str>) {
    if let Some(store) = store() {
        // A full or disabled storage only costs persistence across reloads.
        let _ = match value {
            Some(value) => store.set_item(key, value),
            None => store.remove_item(key),
        };
    }
}

#[cfg(target_arch = "wasm32")]
fn store() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// Nothing is stored on the host.
#[cfg(not(target_arch = "wasm32"))]
pub fn get(_key: &str) -> Option<String> {
    None
}

/// Nothing is stored on the host.
#[cfg(not(target_arch = "wasm32"))]
pub fn set(_key: &str, _value: Option<&str>) {}
