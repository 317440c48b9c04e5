//! sessionStorage, which dies with the tab: the token and the drafts never reach localStorage or
//! a URL. A full or disabled storage only costs what would have survived a reload. localStorage
//! ([`get_local`], [`set_local`]) keeps preferences only (the list's columns), never data.

/// The tab's sessionStorage.
#[cfg(target_arch = "wasm32")]
fn store() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The browser's localStorage.
#[cfg(target_arch = "wasm32")]
fn local_store() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The value under `key`.
#[cfg(target_arch = "wasm32")]
pub fn get(key: &str) -> Option<String> {
    store()?.get_item(key).ok()?
}

/// Sets (`Some`) or removes (`None`) the value under `key`.
#[cfg(target_arch = "wasm32")]
pub fn set(key: &str, value: Option<&str>) {
    set_in(store(), key, value);
}

/// The preference under `key` in localStorage.
#[cfg(target_arch = "wasm32")]
pub fn get_local(key: &str) -> Option<String> {
    local_store()?.get_item(key).ok()?
}

/// Sets (`Some`) or removes (`None`) the preference under `key` in localStorage.
#[cfg(target_arch = "wasm32")]
pub fn set_local(key: &str, value: Option<&str>) {
    set_in(local_store(), key, value);
}

#[cfg(target_arch = "wasm32")]
fn set_in(store: Option<web_sys::Storage>, key: &str, value: Option<&str>) {
    if let Some(store) = store {
        let _ = match value {
            Some(value) => store.set_item(key, value),
            None => store.remove_item(key),
        };
    }
}

/// Every key that starts with `prefix`.
#[cfg(target_arch = "wasm32")]
pub fn keys(prefix: &str) -> Vec<String> {
    let Some(store) = store() else {
        return Vec::new();
    };
    let count = store.length().unwrap_or(0);
    (0..count)
        .filter_map(|index| store.key(index).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .collect()
}

/// No storage on the host: everything lives only in memory.
#[cfg(not(target_arch = "wasm32"))]
pub fn get(_key: &str) -> Option<String> {
    None
}

/// No storage on the host.
#[cfg(not(target_arch = "wasm32"))]
pub fn set(_key: &str, _value: Option<&str>) {}

/// No storage on the host.
#[cfg(not(target_arch = "wasm32"))]
pub fn get_local(_key: &str) -> Option<String> {
    None
}

/// No storage on the host.
#[cfg(not(target_arch = "wasm32"))]
pub fn set_local(_key: &str, _value: Option<&str>) {}

/// No storage on the host.
#[cfg(not(target_arch = "wasm32"))]
pub fn keys(_prefix: &str) -> Vec<String> {
    Vec::new()
}
