//! The user–customer link form.

use super::{checked, FieldErrors, FieldKind as K, FieldSpec as F, FormValues};
use crate::api::{user_links::NewUserLink, ApiError};

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

/// The user field's message for the errors that concern it: an unknown user (OBP-20057) or a
/// user already linked (OBP-30007).
pub fn field_errors(error: &ApiError) -> FieldErrors {
    let message = match error.code().unwrap_or_default() {
        "OBP-20057" => "There is no user with this id.",
        "OBP-30007" => "This user is already linked to a customer at this bank.",
        _ => return FieldErrors::default(),
    };
    [("user_id", message.to_owned())].into_iter().collect()
}
