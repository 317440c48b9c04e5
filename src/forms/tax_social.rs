//! The tax residence and social media handle forms.

use super::{checked, FieldErrors, FieldKind as K, FieldSpec as F, FormValues};
use crate::{
    api::{social_media::NewSocialMediaHandle, tax_residences::NewTaxResidence},
    dates,
};

/// Create Tax Residence.
pub const TAX_FIELDS: &[F] = &[
    F::new("domain", "Tax domain", K::Text)
        .required()
        .help("The country or authority, e.g. DE or HMRC."),
    F::new("tax_number", "Tax number", K::Text).required(),
];

/// The tax residence body, or the field errors.
pub fn build_tax(values: &FormValues) -> Result<NewTaxResidence, FieldErrors> {
    checked(TAX_FIELDS, values, |v| NewTaxResidence {
        domain: v.text("domain"),
        tax_number: v.text("tax_number"),
    })
}

/// Create Customer Social Media Handle (the customer number comes from the customer).
pub const SOCIAL_FIELDS: &[F] = &[
    F::new("type", "Network", K::Text).required().suggest(&[
        "twitter",
        "linkedin",
        "facebook",
        "instagram",
        "xing",
    ]),
    F::new("handle", "Handle", K::Text).required(),
    F::new("date_added", "Date added", K::Date).required(),
    F::new("date_activated", "Date activated", K::Date).required(),
];

/// A fresh social media form: both dates `today` (`yyyy-MM-dd`).
pub fn social_values(today: &str) -> FormValues {
    FormValues::from_pairs([
        ("date_added", today.to_owned()),
        ("date_activated", today.to_owned()),
    ])
}

/// The social media body for `customer_number`, or the field errors.
pub fn build_social(
    customer_number: &str,
    values: &FormValues,
) -> Result<NewSocialMediaHandle, FieldErrors> {
    checked(SOCIAL_FIELDS, values, |v| NewSocialMediaHandle {
        customer_number: customer_number.to_owned(),
        kind: v.text("type"),
        handle: v.text("handle"),
        date_added: dates::to_obp(&v.text("date_added")),
        date_activated: dates::to_obp(&v.text("date_activated")),
    })
}
