//! Typed client for the OBP v5.1.0 API: one module per resource, one [`ApiError`].
//!
//! Pages never build URLs or touch HTTP: they call functions here with an [`Api`] handle taken from
//! context. The handle owns a [`Transport`], so tests swap the browser's `fetch` for a fake.

pub mod account_links;
pub mod addresses;
pub mod attributes;
pub mod auth;
pub mod banks;
mod client;
mod connection;
pub mod crm_events;
pub mod customers;
mod de;
pub mod enterprise;
mod error;
pub mod firehose;
pub mod kyc;
pub mod meetings;
pub mod messages;
pub mod my_customers;
pub mod overview;
mod path;
pub mod prefetch;
pub mod retry;
pub mod roles;
pub mod social_media;
pub mod tax_residences;
pub mod user_links;
pub mod users;

pub use client::{Api, AuthScheme, HttpRequest, HttpResponse, LocalFuture, Method, Transport};
pub use connection::Connection;
pub use error::ApiError;
pub use path::{encode_segment, Query};

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
pub use browser::BrowserTransport;
#[cfg(target_arch = "wasm32")]
pub use prefetch::Prefetching;
