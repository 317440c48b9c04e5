//! Reading and checking the customer body of a create or a replace.
//!
//! Every field is optional, as documented, but what is given must be valid; every invalid field
//! is reported at once (400 with `errors[]`):
//! - text fields are strings or `null`; they are trimmed, and an empty one counts as absent;
//! - `email`: `local@domain.tld`, no spaces; `phone`: 7 to 15 digits, optionally after a `+`
//!   (the documentation's example is `318000201068`);
//! - `address` is an object or `null`; `address.premise` a whole number from 0 to 4294967295;
//!   `address.country` an ISO 3166-1 alpha-2 code in capitals (`NL`, not `nl` or `NLD`);
//! - a customer needs a `company` or a `last_name` (both fields are named when neither is given).
//!
//! Other keys (`id`, `created`, anything unknown) are ignored, so a client may send back a customer
//! it read. An address whose fields are all empty is no address (`null`).

use serde_json::{Map, Value};

use super::{ApiError, FieldError};
use crate::db::enterprise::{Address, Details};

const NAME_REQUIRED: &str = "A customer needs a company or a last name.";

/// The customer a create or replace body describes, or 400 naming every invalid field.
pub(super) fn details(body: &[u8]) -> Result<Details, ApiError> {
    let value: Value = serde_json::from_slice(body).map_err(|error| {
        ApiError::invalid(format!("The body is not valid JSON: {error}"), Vec::new())
    })?;
    let Value::Object(fields) = &value else {
        return Err(ApiError::invalid(
            "The body must be a JSON object.",
            Vec::new(),
        ));
    };
    let mut check = Check::default();
    let company = check.text(fields, "", "company");
    let first_name = check.text(fields, "", "first_name");
    let last_name = check.text(fields, "", "last_name");
    let email = check.text(fields, "", "email");
    let phone = check.text(fields, "", "phone");
    check.rule(
        "email",
        email.as_deref(),
        is_email,
        "Must be an e-mail address like john.doe@gmail.com.",
    );
    check.rule(
        "phone",
        phone.as_deref(),
        is_phone,
        "Must be 7 to 15 digits, optionally after a +, like 318000201068.",
    );
    if company.is_none() && last_name.is_none() {
        for field in ["company", "last_name"] {
            check.errors.push(FieldError::new(field, NAME_REQUIRED));
        }
    }
    let address = check.address(fields);
    if !check.errors.is_empty() {
        return Err(ApiError::invalid(
            "The customer has invalid fields.",
            check.errors,
        ));
    }
    Ok(Details {
        company,
        first_name,
        last_name,
        email,
        phone,
        address,
    })
}

/// The complaints gathered while reading a body.
#[derive(Default)]
struct Check {
    errors: Vec<FieldError>,
}

impl Check {
    /// The string field `name` of `fields` (trimmed; empty is `None`); anything but a string or
    /// `null` is a complaint about `{prefix}{name}`.
    fn text(&mut self, fields: &Map<String, Value>, prefix: &str, name: &str) -> Option<String> {
        match fields.get(name) {
            None | Some(Value::Null) => None,
            Some(Value::String(text)) => Some(text.trim().to_owned()).filter(|t| !t.is_empty()),
            Some(_) => {
                self.errors.push(FieldError::new(
                    format!("{prefix}{name}"),
                    "Must be a string.",
                ));
                None
            }
        }
    }

    /// A complaint about `field` when it is given and fails `valid`.
    fn rule(&mut self, field: &str, value: Option<&str>, valid: fn(&str) -> bool, message: &str) {
        if value.is_some_and(|value| !valid(value)) {
            self.errors.push(FieldError::new(field, message));
        }
    }

    /// The `address` object, `None` when absent, `null` or all empty.
    fn address(&mut self, fields: &Map<String, Value>) -> Option<Address> {
        let address = match fields.get("address") {
            None | Some(Value::Null) => return None,
            Some(Value::Object(address)) => address,
            Some(_) => {
                self.errors
                    .push(FieldError::new("address", "Must be an object."));
                return None;
            }
        };
        let prefix = "address.";
        let premise = match address.get("premise") {
            None | Some(Value::Null) => None,
            Some(value) => {
                let number = value.as_u64().and_then(|n| u32::try_from(n).ok());
                if number.is_none() {
                    self.errors.push(FieldError::new(
                        "address.premise",
                        "Must be a whole number from 0 to 4294967295.",
                    ));
                }
                number
            }
        };
        let country = self.text(address, prefix, "country");
        self.rule(
            "address.country",
            country.as_deref(),
            iso_country::is_alpha2,
            "Must be an ISO 3166-1 alpha-2 country code in capitals, like NL, DE or GB.",
        );
        let address = Address {
            premise,
            sub_premise: self.text(address, prefix, "sub_premise"),
            building: self.text(address, prefix, "building"),
            postal_code: self.text(address, prefix, "postal_code"),
            thoroughfare: self.text(address, prefix, "thoroughfare"),
            locality: self.text(address, prefix, "locality"),
            state: self.text(address, prefix, "state"),
            country,
        };
        (address != Address::default()).then_some(address)
    }
}

/// `local@domain.tld`: one `@`, a dotted domain without empty labels, no whitespace.
fn is_email(text: &str) -> bool {
    text.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && !domain.contains('@')
            && domain.split('.').count() >= 2
            && domain.split('.').all(|label| !label.is_empty())
    }) && !text.chars().any(char::is_whitespace)
}

/// 7 to 15 digits (E.164's longest), optionally after a `+`.
fn is_phone(text: &str) -> bool {
    let digits = text.strip_prefix('+').unwrap_or(text);
    (7..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_rules() {
        for good in ["john.doe@gmail.com", "a@b.nl", "info@sub.example.co.uk"] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "john", "a@b", "a@@b.nl", "@b.nl", "a b@c.nl", "a@b..nl", "a@.nl",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        for good in ["318000201068", "+4915112345678", "1234567"] {
            assert!(is_phone(good), "{good}");
        }
        for bad in [
            "123456",
            "+31 6 1234 5678",
            "0031-6-12345678",
            "1234567890123456",
            "++31612345678",
        ] {
            assert!(!is_phone(bad), "{bad}");
        }
    }

    #[test]
    fn trims_and_drops_empty_values() {
        let details = details(
            br#"{"company":"  Acme B.V. ","last_name":"","email":null,"id":"ignored",
                "address":{"premise":0,"locality":" Hoofddorp ","country":"NL","state":""}}"#,
        )
        .expect("valid");
        assert_eq!(details.company.as_deref(), Some("Acme B.V."));
        assert_eq!(details.last_name, None);
        let address = details.address.expect("an address");
        assert_eq!(address.premise, Some(0));
        assert_eq!(address.locality.as_deref(), Some("Hoofddorp"));
        assert_eq!(address.state, None);
        let empty_address = super::details(br#"{"last_name":"Doe","address":{"state":" "}}"#);
        assert_eq!(empty_address.map(|d| d.address), Ok(None));
    }
}
