//! App-wide state provided through context: the signed-in session and the list's place.

pub mod last_list;
pub mod session;
mod storage;

pub use last_list::LastList;
pub use session::{Flash, Session};
