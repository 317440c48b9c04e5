//! The user–customer link form.

use super::{checked, FieldErrors, FieldKind as K, FieldSpec as F, FormValues};
use crate::api::user_links::NewUserLink;

/// Create User Customer Link (the customer comes from the page).
pub const FIELDS: &[F] = &[F::new("user_id", "User id", K::Text)
    .required()
    .help("The OBP user id of the person who acts as this customer.")];

/// The body linking `customer_id`, or the field errors.
pub fn build(customer_id: &str, values: &FormValues) -> Result<NewUserLink, FieldErrors> {
    checked(FIELDS, values, |v| NewUserLink {
        user_id: v.text("user_id"),
        customer_id: customer_id.to_owned(),
    })
}
