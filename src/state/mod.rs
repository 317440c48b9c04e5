//! App-wide state provided through context: runtime config and the signed-in session.

pub mod config;
pub mod crm_filter;
pub mod customer_query;
pub mod list_scope;
pub mod return_path;
pub mod route_keys;
pub mod session;
pub mod url_query;

pub use config::{AppConfig, BackendKind};
pub use session::{Flash, Session};
