//! The customer pages for the Enterprise API backend (`config.json` `"backend": "enterprise"`):
//! sign in with a bearer token, the paged list, create, and a customer page with edit and
//! delete. Nothing the Enterprise API lacks (attributes, links, KYC…) is offered.

pub mod detail;
pub mod form;
pub mod list;
pub mod login;
pub mod new;
