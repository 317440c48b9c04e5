//! The sandbox's integration tests, one binary: a module per area of the API (its routes, the
//! Enterprise API, the server as a whole), over the helpers in `common.rs`.

mod common;

mod account_links;
mod addresses;
mod attribute_definitions;
mod attributes;
mod auth;
mod crm_events;
mod customers;
mod database_errors;
mod enterprise;
mod firehose;
mod kyc;
mod meetings;
mod messages;
mod my_customers;
mod overview;
mod panics;
mod platform;
mod social_media;
mod tax_residences;
mod user_links;
