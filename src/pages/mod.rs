//! Routed pages, one file each; `app.rs` lists the routes.

pub mod customers;
pub mod login;
pub mod not_found;
