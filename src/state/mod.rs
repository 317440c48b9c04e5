//! App-wide state provided through context: the signed-in session.

pub mod session;

pub use session::{Flash, Session};
