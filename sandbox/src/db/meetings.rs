//! Storage of meetings (video calls) at a bank, listed as OBP's mapped provider lists them: by
//! meeting date, newest first. A meeting's invitees are kept as JSON text in its row.

use rusqlite::types::Type;
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::Store;
use crate::dates::Timestamp;

pub(super) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meetings (
    meeting_id            TEXT PRIMARY KEY,
    provider_id           TEXT NOT NULL,
    purpose_id            TEXT NOT NULL,
    bank_id               TEXT NOT NULL,
    staff_user_id         TEXT NOT NULL,
    customer_user_id      TEXT NOT NULL,
    session_id            TEXT NOT NULL,
    staff_token           TEXT NOT NULL,
    customer_token        TEXT NOT NULL,
    when_date             TEXT NOT NULL,
    creator_name          TEXT NOT NULL,
    creator_mobile_phone  TEXT NOT NULL,
    creator_email_address TEXT NOT NULL,
    invitees              TEXT NOT NULL
);
";

/// A meeting (OBP's Meeting JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meeting {
    /// MEETING_ID (UUID).
    pub meeting_id: String,
    /// The video service, e.g. `jitsi`.
    pub provider_id: String,
    /// What it is about, e.g. `onboarding`.
    pub purpose_id: String,
    /// The bank it was created at.
    pub bank_id: String,
    /// Who takes part.
    pub present: MeetingPresent,
    /// The video session's keys.
    pub keys: MeetingKeys,
    /// When it takes place.
    pub when: Timestamp,
    /// Who asked for it.
    pub creator: ContactDetails,
    /// Who is invited.
    pub invitees: Vec<Invitee>,
}

/// The users present at a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingPresent {
    /// The member of staff.
    pub staff_user_id: String,
    /// The customer's user.
    pub customer_user_id: String,
}

/// A meeting's video session keys (empty by default, as OBP leaves them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MeetingKeys {
    /// The session.
    pub session_id: String,
    /// The staff member's token.
    pub staff_token: String,
    /// The customer's token.
    pub customer_token: String,
}

/// How to reach someone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactDetails {
    /// Their name.
    pub name: String,
    /// Their mobile phone number.
    pub mobile_phone: String,
    /// Their e-mail address.
    pub email_address: String,
}

/// Someone invited to a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitee {
    /// How to reach them.
    pub contact_details: ContactDetails,
    /// e.g. `invited` or `accepted`.
    pub status: String,
}

const MEETING_COLUMNS: &str = "meeting_id, provider_id, purpose_id, bank_id, staff_user_id, \
     customer_user_id, session_id, staff_token, customer_token, when_date, creator_name, \
     creator_mobile_phone, creator_email_address, invitees";

fn meeting_from_row(row: &Row<'_>) -> rusqlite::Result<Meeting> {
    let invitees: String = row.get(13)?;
    Ok(Meeting {
        meeting_id: row.get(0)?,
        provider_id: row.get(1)?,
        purpose_id: row.get(2)?,
        bank_id: row.get(3)?,
        present: MeetingPresent {
            staff_user_id: row.get(4)?,
            customer_user_id: row.get(5)?,
        },
        keys: MeetingKeys {
            session_id: row.get(6)?,
            staff_token: row.get(7)?,
            customer_token: row.get(8)?,
        },
        when: row.get(9)?,
        creator: ContactDetails {
            name: row.get(10)?,
            mobile_phone: row.get(11)?,
            email_address: row.get(12)?,
        },
        invitees: serde_json::from_str(&invitees).map_err(|error| {
            rusqlite::Error::FromSqlConversionFailure(13, Type::Text, error.into())
        })?,
    })
}

impl Store {
    /// Adds a meeting.
    pub fn insert_meeting(&self, m: &Meeting) -> rusqlite::Result<()> {
        let invitees = serde_json::to_string(&m.invitees)
            .map_err(|error| rusqlite::Error::ToSqlConversionFailure(error.into()))?;
        self.conn.execute(
            &format!(
                "INSERT INTO meetings ({MEETING_COLUMNS})
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
            ),
            params![
                m.meeting_id,
                m.provider_id,
                m.purpose_id,
                m.bank_id,
                m.present.staff_user_id,
                m.present.customer_user_id,
                m.keys.session_id,
                m.keys.staff_token,
                m.keys.customer_token,
                m.when,
                m.creator.name,
                m.creator.mobile_phone,
                m.creator.email_address,
                invitees
            ],
        )?;
        Ok(())
    }

    /// Every meeting at a bank, latest meeting date first.
    pub fn meetings(&self, bank_id: &str) -> rusqlite::Result<Vec<Meeting>> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT {MEETING_COLUMNS} FROM meetings WHERE bank_id = ?1
             ORDER BY when_date DESC, rowid DESC"
        ))?;
        let rows = statement.query_map([bank_id], meeting_from_row)?;
        rows.collect()
    }

    /// One meeting at a bank.
    pub fn meeting(&self, bank_id: &str, meeting_id: &str) -> rusqlite::Result<Option<Meeting>> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {MEETING_COLUMNS} FROM meetings WHERE bank_id = ?1 AND meeting_id = ?2"
                ),
                [bank_id, meeting_id],
                meeting_from_row,
            )
            .optional()
    }
}
