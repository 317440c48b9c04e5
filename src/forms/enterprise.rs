//! The Enterprise API customer form: a company or a person, contact details and a structured
//! address. Create and update send the same full object.

use super::{
    check_fields, into_result, EditGroup, FieldErrors, FieldKind as K, FieldSpec as F, FormValues,
};
use crate::api::{
    enterprise::{Address, Customer, CustomerBody},
    ApiError,
};

/// The sign-in form: a pasted bearer token (the API's JWTs are signed on the customer's own
/// servers).
pub const TOKEN_FIELDS: &[F] = &[F::new("token", "Bearer token", K::Password)
    .required()
    .help("Paste the token your organisation issued. It stays in this browser tab only.")];

/// The token from the sign-in form: `Bearer ` prefix and whitespace removed.
pub fn token(values: &FormValues) -> Result<String, FieldErrors> {
    let raw = values.text("token");
    let token = raw
        .strip_prefix("Bearer ")
        .unwrap_or(&raw)
        .trim()
        .to_owned();
    let problem = if token.is_empty() {
        "Paste a token."
    } else if token.chars().any(char::is_whitespace) {
        "A token has no spaces or line breaks; paste it again."
    } else {
        return Ok(token);
    };
    Err([("token", problem.to_owned())].into_iter().collect())
}

/// The whole customer, edited as one: the API's update replaces everything.
pub const CUSTOMER_GROUP: EditGroup = EditGroup {
    key: "customer",
    title: "Customer",
    roles: &[],
    sections: SECTIONS,
};

/// The form, in two groups.
pub const SECTIONS: &[(&str, &[F])] = &[
    (
        "Customer",
        &[
            F::new("company", "Company", K::Text).help("For companies; persons leave it blank."),
            F::new("first_name", "First name", K::Text),
            F::new("last_name", "Last name", K::Text),
            F::new("email", "Email", K::Email),
            F::new("phone", "Phone", K::Phone).help("With country code, e.g. +31 6 12345678."),
        ],
    ),
    (
        "Address",
        &[
            F::new("thoroughfare", "Street", K::Text),
            F::new("premise", "House number", K::WholeNumber),
            F::new("sub_premise", "Addition", K::Text).help("e.g. A or 2nd floor."),
            F::new("building", "Building", K::Text),
            F::new("postal_code", "Postcode", K::Text),
            F::new("locality", "City", K::Text),
            F::new("state", "Province or state", K::Text),
            F::new("country", "Country", K::Country)
                .help("Two-letter ISO code, e.g. NL, DE or GB."),
        ],
    ),
];

fn fields() -> impl Iterator<Item = &'static F> {
    SECTIONS.iter().flat_map(|(_, fields)| fields.iter())
}

/// The form filled with an existing customer.
pub fn values(customer: &Customer) -> FormValues {
    let address = customer.address.clone().unwrap_or_default();
    FormValues::from_pairs([
        ("company", customer.company.clone()),
        ("first_name", customer.first_name.clone()),
        ("last_name", customer.last_name.clone()),
        ("email", customer.email.clone()),
        ("phone", customer.phone.clone()),
        ("thoroughfare", address.thoroughfare),
        (
            "premise",
            address.premise.map(|p| p.to_string()).unwrap_or_default(),
        ),
        ("sub_premise", address.sub_premise),
        ("building", address.building),
        ("postal_code", address.postal_code),
        ("locality", address.locality),
        ("state", address.state),
        ("country", address.country),
    ])
}

/// The phone as the API stores it: its digits only.
pub fn phone_digits(phone: &str) -> String {
    phone.chars().filter(char::is_ascii_digit).collect()
}

/// The body, or the field errors: the usual checks, and a company or a last name.
pub fn build(values: &FormValues) -> Result<CustomerBody, FieldErrors> {
    let mut values = values.clone();
    values.set("country", values.text("country").to_uppercase());
    let fields: Vec<F> = fields().copied().collect();
    let mut errors = check_fields(&fields, &values);
    if values.opt("company").is_none() && values.opt("last_name").is_none() {
        errors.insert_if_absent("company", || {
            "Enter a company name, or a last name for a person.".to_owned()
        });
    }
    into_result(errors)?;
    Ok(CustomerBody {
        company: values.text("company"),
        first_name: values.text("first_name"),
        last_name: values.text("last_name"),
        email: values.text("email"),
        phone: phone_digits(&values.text("phone")),
        address: Address {
            premise: values.text("premise").parse().ok(),
            sub_premise: values.text("sub_premise"),
            building: values.text("building"),
            postal_code: values.text("postal_code"),
            thoroughfare: values.text("thoroughfare"),
            locality: values.text("locality"),
            state: values.text("state"),
            country: values.text("country"),
        },
    })
}

/// Puts the API's field errors (`address.country`) under the form's fields (`country`).
pub fn api_field_errors(error: &ApiError) -> FieldErrors {
    let ApiError::Rejected { fields, .. } = error else {
        return FieldErrors::default();
    };
    fields
        .iter()
        .filter_map(|(field, message)| {
            let name = field.strip_prefix("address.").unwrap_or(field);
            self::fields()
                .find(|spec| spec.name == name)
                .map(|spec| (spec.name, message.clone()))
        })
        .collect()
}
