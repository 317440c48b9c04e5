//! The address form: every field of Create Address / Update the Address.

use super::{checked, FieldErrors, FieldKind as K, FieldSpec as F, FormValues};
use crate::api::addresses::{Address, AddressBody};

/// The fields, in the order of a postal address.
pub const FIELDS: &[F] = &[
    F::new("line_1", "Line 1", K::Text).required(),
    F::new("line_2", "Line 2", K::Text),
    F::new("line_3", "Line 3", K::Text),
    F::new("city", "City", K::Text).required(),
    F::new("county", "County", K::Text),
    F::new("state", "State or region", K::Text),
    F::new("postcode", "Postcode", K::Text),
    F::new("country_code", "Country", K::Country)
        .required()
        .help("Two-letter ISO code, e.g. GB, DE or NL."),
    F::new("tags", "Tags", K::Text)
        .help("Separated by commas, e.g. home, mailing.")
        .suggest(&["home", "work", "mailing", "billing", "registered"]),
    F::new("status", "Status", K::Text).suggest(&["active", "inactive", "previous"]),
];

/// The form filled with an existing address.
pub fn values(address: &Address) -> FormValues {
    let tags = address
        .tags
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    FormValues::from_pairs([
        ("line_1", address.line_1.clone()),
        ("line_2", address.line_2.clone()),
        ("line_3", address.line_3.clone()),
        ("city", address.city.clone()),
        ("county", address.county.clone()),
        ("state", address.state.clone()),
        ("postcode", address.postcode.clone()),
        ("country_code", address.country_code.clone()),
        ("tags", tags),
        ("status", address.status.clone()),
    ])
}

/// The request body, or the field errors. Country codes are sent in capitals.
pub fn build(values: &FormValues) -> Result<AddressBody, FieldErrors> {
    let mut values = values.clone();
    values.set("country_code", values.text("country_code").to_uppercase());
    checked(FIELDS, &values, |v| AddressBody {
        line_1: v.text("line_1"),
        line_2: v.text("line_2"),
        line_3: v.text("line_3"),
        city: v.text("city"),
        county: v.text("county"),
        state: v.text("state"),
        postcode: v.text("postcode"),
        country_code: v.text("country_code"),
        status: v.text("status"),
        tags: v.list("tags"),
    })
}

/// One line naming the address, for lists and confirm dialogs.
pub fn summary(address: &Address) -> String {
    [
        &address.line_1,
        &address.city,
        &address.postcode,
        &address.country_code,
    ]
    .into_iter()
    .map(|s| s.trim())
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ")
}
