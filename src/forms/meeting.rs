//! The Create Meeting form: the meeting, its creator, and a list of invitees that grows and
//! shrinks, each invitee a small form of its own.

use super::{check_fields, FieldErrors, FieldKind as K, FieldSpec as F, FormValues};
use crate::{
    api::{
        meetings::{ContactDetails, Invitee, NewMeeting},
        users::CurrentUser,
    },
    dates, validation,
};

/// The meeting itself.
pub const FIELDS: &[F] = &[
    F::new("provider_id", "Provider", K::UrlWord)
        .required()
        .help("The video service, e.g. jitsi.")
        .suggest(&["jitsi", "zoom", "teams"]),
    F::new("purpose_id", "Purpose", K::UrlWord)
        .required()
        .help("e.g. onboarding, mortgage or complaint.")
        .suggest(&["onboarding", "mortgage", "complaint"]),
    F::new("date", "Date", K::Date).required(),
    F::new("time", "Time (UTC)", K::Time).required(),
];

/// Who sets the meeting up.
pub const CREATOR_FIELDS: &[F] = &[
    F::new("creator_name", "Creator name", K::Text).required(),
    F::new("creator_mobile_phone", "Creator mobile phone", K::Phone)
        .required()
        .help("With country code, e.g. +44 7700 900123."),
    F::new("creator_email_address", "Creator email", K::Email).required(),
];

/// One invitee.
pub const INVITEE_FIELDS: &[F] = &[
    F::new("name", "Invitee name", K::Text).required(),
    F::new("mobile_phone", "Invitee mobile phone", K::Phone).required(),
    F::new("email_address", "Invitee email", K::Email).required(),
    F::new("status", "Invitee status", K::Text)
        .required()
        .suggest(&["invited", "accepted", "declined"]),
];

/// A fresh form: the creator's name and email are the signed-in user's, when known.
pub fn new_values(user: Option<&CurrentUser>) -> FormValues {
    let mut values = FormValues::default();
    if let Some(user) = user {
        values.set("creator_name", user.username.clone());
        if validation::email(&user.email).is_ok() {
            values.set("creator_email_address", user.email.clone());
        }
    }
    values
}

/// A fresh invitee: status `invited`.
pub fn new_invitee() -> FormValues {
    FormValues::from_pairs([("status", "invited".to_owned())])
}

/// What is wrong with the form: the meeting's and creator's fields, and each invitee's, in
/// the order the invitees were given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MeetingErrors {
    /// Errors of the meeting and creator fields.
    pub fields: FieldErrors,
    /// Errors of each invitee (empty for a valid one).
    pub invitees: Vec<FieldErrors>,
}

/// The Create Meeting body, or every error found.
pub fn build(values: &FormValues, invitees: &[FormValues]) -> Result<NewMeeting, MeetingErrors> {
    let meeting_fields: Vec<F> = FIELDS.iter().chain(CREATOR_FIELDS).copied().collect();
    let errors = MeetingErrors {
        fields: check_fields(&meeting_fields, values),
        invitees: invitees
            .iter()
            .map(|invitee| check_fields(INVITEE_FIELDS, invitee))
            .collect(),
    };
    if !errors.fields.is_empty() || errors.invitees.iter().any(|e| !e.is_empty()) {
        return Err(errors);
    }
    Ok(NewMeeting {
        provider_id: values.text("provider_id"),
        purpose_id: values.text("purpose_id"),
        date: dates::to_obp_at(values.raw("date"), values.raw("time")),
        creator: contact(
            values,
            [
                "creator_name",
                "creator_mobile_phone",
                "creator_email_address",
            ],
        ),
        invitees: invitees
            .iter()
            .map(|v| Invitee {
                contact_details: contact(v, ["name", "mobile_phone", "email_address"]),
                status: v.text("status"),
            })
            .collect(),
    })
}

/// The contact details in the fields named `[name, mobile phone, email]`.
fn contact(values: &FormValues, [name, phone, email]: [&str; 3]) -> ContactDetails {
    ContactDetails {
        name: values.text(name),
        mobile_phone: values.text(phone),
        email_address: values.text(email),
    }
}
