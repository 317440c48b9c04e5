//! The meeting pages: the bank's meetings with the create form, and one meeting.

pub mod create;
pub mod detail;
pub mod list;

use crate::api::encode_segment;

/// The in-app path of a meeting's page.
pub fn meeting_path(meeting_id: &str) -> String {
    format!("/meetings/{}", encode_segment(meeting_id))
}
