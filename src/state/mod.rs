//! App-wide state provided through context: the signed-in session, the list's place and its
//! recently shown pages, how the lists look, the customer search index, the drafts of open forms
//! and the guard that asks before their changes are left behind.

pub mod customer_index;
pub mod drafts;
pub mod guard;
pub mod last_list;
pub mod list_cache;
pub mod list_prefs;
pub mod session;
mod storage;

pub use customer_index::{CustomerIndex, IndexStatus};
pub use drafts::DraftKey;
pub use guard::Guard;
pub use last_list::LastList;
pub use list_cache::ListCache;
pub use list_prefs::ListPrefs;
pub use session::{Flash, Session};
