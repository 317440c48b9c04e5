//! Routed pages, one file each; `app.rs` lists the routes.

pub mod account_links;
pub mod attribute_definitions;
pub mod crm_events;
pub mod customers;
pub mod login;
pub mod meetings;
pub mod my_links;
pub mod not_found;
pub mod user_links;
