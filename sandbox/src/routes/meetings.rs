//! Meetings (v3.1.0, experimental in OBP): create, list and get at a bank. Login is the only
//! requirement; each call checks the bank (404 OBP-30001) first.
//!
//! As the reference describes OBP's code: the session `keys` come back as empty strings (OBP's
//! video-service integration is switched off), and both `present` users are the caller (OBP's
//! mapped provider actually leaves `staff_user_id` empty; the sandbox follows the reference).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::db::{ContactDetails, Invitee, Meeting, MeetingKeys, MeetingPresent, User};
use crate::http::json;
use crate::obp_error::ObpError;
use crate::routes::{banks, parse_body};
use crate::state::AppState;

/// OBP-30104, an unknown MEETING_ID at the bank (400); OBP appends `Current MeetingId(ID) `.
pub const MEETING_NOT_FOUND: &str = "OBP-30104: Meeting not found.";

/// The meeting routes, relative to `/obp/v5.1.0`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/banks/{bank_id}/meetings", post(create).get(list))
        .route("/banks/{bank_id}/meetings/{meeting_id}", get(get_by_id))
}

/// CreateMeetingJsonV310: every field required.
#[derive(Deserialize)]
struct PostMeeting {
    provider_id: String,
    purpose_id: String,
    date: Timestamp,
    creator: ContactDetails,
    invitees: Vec<Invitee>,
}

#[derive(Serialize)]
struct MeetingsJson {
    meetings: Vec<Meeting>,
}

/// `POST /banks/BANK_ID/meetings`: 201 Meeting, taking place at the body's `date`.
async fn create(
    State(state): State<AppState>,
    user: User,
    Path(bank_id): Path<String>,
    body: Bytes,
) -> Result<Response, ObpError> {
    let store = state.store();
    banks::require(&store, &bank_id)?;
    // OBP names another case class than the one it reads.
    let posted: PostMeeting = parse_body(&body, "CreateMeetingJson")?;
    let meeting = Meeting {
        meeting_id: uuid::Uuid::new_v4().to_string(),
        provider_id: posted.provider_id,
        purpose_id: posted.purpose_id,
        bank_id,
        present: MeetingPresent {
            staff_user_id: user.user_id.clone(),
            customer_user_id: user.user_id,
        },
        keys: MeetingKeys::default(),
        when: posted.date,
        creator: posted.creator,
        invitees: posted.invitees,
    };
    store.insert_meeting(&meeting)?;
    Ok(json(StatusCode::CREATED, &meeting))
}

/// `GET /banks/BANK_ID/meetings`: 200 `{"meetings": [Meeting]}`, every meeting at the bank
/// (whoever made it), latest meeting date first.
async fn list(
    State(state): State<AppState>,
    _user: User,
    Path(bank_id): Path<String>,
) -> Result<Response, ObpError> {
    let store = state.store();
    banks::require(&store, &bank_id)?;
    let meetings = store.meetings(&bank_id)?;
    Ok(json(StatusCode::OK, &MeetingsJson { meetings }))
}

/// `GET /banks/BANK_ID/meetings/MEETING_ID`: 200 Meeting; unknown at this bank is 400 OBP-30104.
async fn get_by_id(
    State(state): State<AppState>,
    _user: User,
    Path((bank_id, meeting_id)): Path<(String, String)>,
) -> Result<Response, ObpError> {
    let store = state.store();
    banks::require(&store, &bank_id)?;
    let meeting = store.meeting(&bank_id, &meeting_id)?.ok_or_else(|| {
        ObpError::bad_request(format!(
            "{MEETING_NOT_FOUND} Current MeetingId({meeting_id}) "
        ))
    })?;
    Ok(json(StatusCode::OK, &meeting))
}
