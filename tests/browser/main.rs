//! The app's headless-browser tests, one module per area: the real app mounted on a fake API and
//! driven through the DOM like a user.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

#[macro_use]
#[path = "../support/mod.rs"]
mod support;

mod customer_tabs;
mod customers;
mod drafts;
mod enterprise;
mod kyc;
mod list_keys;
mod list_place;
mod list_prefs;
mod lists;
mod meetings;
mod network;
mod search;
mod shell;
mod submit;
mod toasts;
mod trust;
