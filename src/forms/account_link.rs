//! The customer–account link forms: create, and change the relationship.

use super::{checked, FieldErrors, FieldKind as K, FieldSpec as F, FormValues};
use crate::api::account_links::NewAccountLink;

/// Relationships staff usually record; any other word is accepted too.
pub const RELATIONSHIPS: &[&str] = &[
    "Owner",
    "Joint",
    "Power of attorney",
    "Beneficiary",
    "Guarantor",
];

/// Change the relationship.
pub const RELATIONSHIP_FIELDS: &[F] = &[F::new("relationship_type", "Relationship", K::Text)
    .required()
    .suggest(RELATIONSHIPS)];

/// Create Customer Account Link (customer and bank come from the page).
pub const LINK_FIELDS: &[F] = &[
    F::new("account_id", "Account id", K::Text)
        .required()
        .help("An account at this bank."),
    RELATIONSHIP_FIELDS[0],
];

/// The new link's body for `customer_id` at `bank_id`, or the field errors.
pub fn build_link(
    bank_id: &str,
    customer_id: &str,
    values: &FormValues,
) -> Result<NewAccountLink, FieldErrors> {
    checked(LINK_FIELDS, values, |v| NewAccountLink {
        customer_id: customer_id.to_owned(),
        bank_id: bank_id.to_owned(),
        account_id: v.text("account_id"),
        relationship_type: v.text("relationship_type"),
    })
}

/// The new relationship, or the field errors.
pub fn build_relationship(values: &FormValues) -> Result<String, FieldErrors> {
    checked(RELATIONSHIP_FIELDS, values, |v| v.text("relationship_type"))
}
