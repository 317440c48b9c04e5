//! The customer message form.

use super::{checked, FieldErrors, FieldKind as K, FieldSpec as F, FormValues};
use crate::api::messages::NewMessage;

/// Create Customer Message.
pub const FIELDS: &[F] = &[
    F::new("message", "Message", K::LongText).required(),
    F::new("transport", "Send by", K::Text)
        .required()
        .suggest(&["SMS", "Email", "Letter", "App"]),
    F::new("from_department", "From department", K::Text).required(),
    F::new("from_person", "From", K::Text).required(),
];

/// A fresh message form, sent by `username` by SMS.
pub fn new_values(username: &str) -> FormValues {
    FormValues::from_pairs([
        ("transport", "SMS".to_owned()),
        ("from_person", username.to_owned()),
    ])
}

/// The message body, or the field errors.
pub fn build(values: &FormValues) -> Result<NewMessage, FieldErrors> {
    checked(FIELDS, values, |v| NewMessage {
        message: v.text("message"),
        transport: v.text("transport"),
        from_department: v.text("from_department"),
        from_person: v.text("from_person"),
    })
}
