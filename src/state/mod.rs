//! App-wide state provided through context: the signed-in session, the list's place, the drafts
//! of open forms, the guard that asks before their changes are left behind, and the customer
//! search index.

pub mod customer_index;
pub mod drafts;
pub mod guard;
pub mod last_list;
pub mod session;
mod storage;

pub use customer_index::{CustomerIndex, IndexStatus};
pub use drafts::DraftKey;
pub use guard::Guard;
pub use last_list::LastList;
pub use session::{Flash, Session};
