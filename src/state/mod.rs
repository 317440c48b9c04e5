//! App-wide state provided through context: runtime config and the signed-in session.

pub mod config;
pub mod session;

pub use config::{AppConfig, BackendKind};
pub use session::{Flash, Session};
