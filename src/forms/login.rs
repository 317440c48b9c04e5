//! The sign-in form.

use super::{check_fields, into_result, FieldErrors, FieldKind, FieldSpec, FormValues};
use crate::api::auth::Credentials;

/// Sign-in fields.
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("username", "Username", FieldKind::Text).required(),
    FieldSpec::new("password", "Password", FieldKind::Password).required(),
    FieldSpec::new("consumer_key", "Consumer key", FieldKind::Text)
        .required()
        .help("Issued by the API operator; prefilled from config.json."),
];

/// Checks the sign-in form; OBP cannot accept a comma in a DirectLogin password.
pub fn build(values: &FormValues) -> Result<Credentials, FieldErrors> {
    let mut errors = check_fields(FIELDS, values);
    if values.raw("password").contains(',') {
        errors.insert(
            "password",
            "OBP's DirectLogin cannot accept a password containing a comma.".to_owned(),
        );
    }
    into_result(errors)?;
    Ok(Credentials {
        username: values.text("username"),
        password: values.raw("password").to_owned(),
        consumer_key: values.text("consumer_key"),
    })
}
