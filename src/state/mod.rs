//! App-wide state provided through context: the signed-in session, the drafts of open forms and
//! the guard that asks before their changes are left behind.

pub mod drafts;
pub mod guard;
pub mod session;
mod storage;

pub use drafts::DraftKey;
pub use guard::Guard;
pub use session::{Flash, Session};
