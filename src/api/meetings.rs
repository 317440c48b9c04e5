//! Meetings at a bank (OBP v3.1.0, experimental): list, get, and Create Meeting (video
//! conference/call). Login is the only requirement.

use serde::{Deserialize, Serialize};

use super::{de, path::join, Api, ApiError, Method};

/// A meeting as OBP returns it. The session `keys` are left unread: OBP sends them empty.
#[serde_with::apply(
    String => #[serde(default, deserialize_with = "de::string")],
    Vec => #[serde(default, deserialize_with = "de::list")],
)]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Meeting {
    /// The id used in URLs.
    #[serde_with(skip_apply)]
    pub meeting_id: String,
    /// The video service, e.g. `jitsi`.
    pub provider_id: String,
    /// What it is about, e.g. `onboarding`.
    pub purpose_id: String,
    /// The bank.
    pub bank_id: String,
    /// Who takes part.
    #[serde(default, deserialize_with = "de::or_default")]
    pub present: MeetingPresent,
    /// When it takes place (OBP date-time).
    pub when: String,
    /// Who set it up.
    #[serde(default, deserialize_with = "de::or_default")]
    pub creator: ContactDetails,
    /// Who is invited.
    pub invitees: Vec<Invitee>,
}

/// The users taking part; OBP sets both to the user who created the meeting.
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct MeetingPresent {
    /// Staff user id.
    pub staff_user_id: String,
    /// Customer user id.
    pub customer_user_id: String,
}

/// A person's name, mobile phone and email.
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct ContactDetails {
    /// Name.
    pub name: String,
    /// Mobile phone number.
    pub mobile_phone: String,
    /// Email address.
    pub email_address: String,
}

/// Someone invited to a meeting.
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Invitee {
    /// How to reach them.
    #[serde(default, deserialize_with = "de::or_default")]
    pub contact_details: ContactDetails,
    /// e.g. `invited` or `accepted`.
    pub status: String,
}

/// Body of Create Meeting: every field is required.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NewMeeting {
    /// The video service; URL-friendly (no spaces).
    pub provider_id: String,
    /// The purpose, e.g. `onboarding`; URL-friendly.
    pub purpose_id: String,
    /// When (OBP date-time `yyyy-MM-dd'T'HH:mm:ss'Z'`).
    pub date: String,
    /// Who sets it up.
    pub creator: ContactDetails,
    /// Who is invited (may be empty).
    pub invitees: Vec<Invitee>,
}

/// `GET /banks/BANK_ID/meetings`: every meeting at the bank, newest first (login only).
pub async fn list(api: &Api, bank_id: &str) -> Result<Vec<Meeting>, ApiError> {
    api.get_list(&join(&["banks", bank_id, "meetings"]), "meetings")
        .await
}

/// `GET /banks/BANK_ID/meetings/MEETING_ID` (login only; an unknown id is 400 OBP-30104).
pub async fn get(api: &Api, bank_id: &str, meeting_id: &str) -> Result<Meeting, ApiError> {
    api.get(&join(&["banks", bank_id, "meetings", meeting_id]))
        .await
}

/// `POST /banks/BANK_ID/meetings`: Create Meeting (video conference/call), 201 (login only).
pub async fn create(api: &Api, bank_id: &str, meeting: &NewMeeting) -> Result<Meeting, ApiError> {
    api.write(
        Method::Post,
        &join(&["banks", bank_id, "meetings"]),
        meeting,
    )
    .await
}
