//! What a list shows in each [`Column`] for a customer, as text: one source for the table's
//! cells and the CSV export, with personal data masked unless revealed.

use super::{Column, CustomerRecord};
use crate::{dates, mask};

/// The KYC badge's text.
pub fn kyc_label(ok: bool) -> &'static str {
    if ok {
        "KYC OK"
    } else {
        "KYC pending"
    }
}

impl Column {
    /// Every column, in the order backends list them.
    pub const ALL: [Self; 9] = [
        Self::Number,
        Self::Name,
        Self::Email,
        Self::Phone,
        Self::DateOfBirth,
        Self::Branch,
        Self::Place,
        Self::Created,
        Self::Kyc,
    ];

    /// Its name where the column choice is kept (never data).
    pub fn key(self) -> &'static str {
        match self {
            Self::Number => "number",
            Self::Name => "name",
            Self::Email => "email",
            Self::Phone => "phone",
            Self::DateOfBirth => "date-of-birth",
            Self::Branch => "branch",
            Self::Place => "place",
            Self::Created => "created",
            Self::Kyc => "kyc",
        }
    }

    /// The column a [`Column::key`] names.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|column| column.key() == key)
    }

    /// Whether it holds personal data that lists mask until it is revealed.
    pub fn personal(self) -> bool {
        matches!(self, Self::Email | Self::Phone | Self::DateOfBirth)
    }

    /// Whether the user may hide it (the name, which opens the customer, stays).
    pub fn hideable(self) -> bool {
        self != Self::Name
    }

    /// The text a list shows for `record` in this column; personal data masked unless `reveal`.
    pub fn text(self, record: &CustomerRecord, reveal: bool) -> String {
        let masked = |mask: fn(&str) -> String, value: &str| {
            if reveal {
                value.to_owned()
            } else {
                mask(value)
            }
        };
        match self {
            Self::Number => record.number.clone(),
            Self::Name => record.name.clone(),
            Self::Email => masked(mask::email, &record.email),
            Self::Phone => masked(mask::phone, &record.phone),
            Self::DateOfBirth => {
                masked(mask::date_of_birth, &dates::display(&record.date_of_birth))
            }
            Self::Branch => record.branch.clone(),
            Self::Place => record.place.clone(),
            Self::Created => dates::display(&record.created),
            Self::Kyc => kyc_label(record.kyc == Some(true)).to_owned(),
        }
    }
}
