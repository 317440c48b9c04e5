//! App-wide state provided through context: runtime config and the signed-in session.

pub mod config;
pub mod crm_filter;
pub mod customer_query;
pub mod list_scope;
pub mod page_query;
pub mod route_keys;
pub mod session;

pub use config::{AppConfig, Backend};
pub use session::{Flash, Session};
