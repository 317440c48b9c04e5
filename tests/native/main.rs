//! The app's native tests, one module per area: the API client and its decoders, each customer
//! resource, the forms, the trust rules, hostile answers, and the contract between the client
//! and the sandbox.

#![cfg(not(target_arch = "wasm32"))]

#[macro_use]
#[path = "../support/mod.rs"]
mod support;

mod backend;
mod client;
mod contract;
mod customer360;
mod enterprise;
mod field_errors;
mod forms;
mod hostile;
mod kyc;
mod layering;
mod list_text;
mod lists;
mod meetings;
mod messages;
mod models;
mod prefetch;
mod retry;
mod search;
mod toasts;
mod trust;
