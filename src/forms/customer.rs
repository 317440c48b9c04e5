//! The create-customer form and the eight "Update the … of a Customer" forms, as data.

use super::{
    check_fields, into_result, EditGroup, FieldErrors, FieldKind as K, FieldSpec as F, FormValues,
    Section,
};
use crate::{
    api::{
        customers::{CreditLimit, CreditRating, Customer, CustomerUpdate, FaceImage, NewCustomer},
        roles,
    },
    dates, validation,
};

/// The create form, every field of Create Customer, grouped as a clerk fills them in.
pub const CREATE_SECTIONS: &[Section] = &[
    (
        "Identity",
        &[
            F::new("title", "Title", K::Text),
            F::new("legal_name", "Legal name", K::Text).required(),
            F::new("name_suffix", "Name suffix", K::Text),
            F::new("date_of_birth", "Date of birth", K::Date),
        ],
    ),
    (
        "Contact",
        &[
            F::new("email", "Email", K::Email),
            F::new("mobile_phone_number", "Mobile phone number", K::Phone)
                .required()
                .help("With country code, e.g. +44 7700 900123."),
        ],
    ),
    (
        "Relationship with the bank",
        &[
            F::new("customer_number", "Customer number", K::CustomerNumber)
                .help("Leave blank to let the bank assign one."),
            F::new("branch_id", "Branch id", K::Text),
            F::new("kyc_status", "KYC satisfied", K::Checkbox),
            F::new("last_ok_date", "Last OK date", K::Date),
        ],
    ),
    (
        "Credit",
        &[
            F::new("credit_rating", "Credit rating", K::Text),
            F::new("credit_source", "Credit rating source", K::Text),
            F::new(
                "credit_limit_currency",
                "Credit limit currency",
                K::Currency,
            ),
            F::new("credit_limit_amount", "Credit limit amount", K::Amount),
        ],
    ),
    ("Personal", PERSONAL),
];

const PERSONAL: &[F] = &[
    F::new("relationship_status", "Relationship status", K::Text),
    F::new("dependants", "Dependants", K::WholeNumber),
    F::new(
        "dob_of_dependants",
        "Dates of birth of dependants",
        K::DateList,
    )
    .help("yyyy-MM-dd, separated by commas; one per dependant."),
    F::new(
        "highest_education_attained",
        "Highest education attained",
        K::Text,
    ),
    F::new("employment_status", "Employment status", K::Text),
    F::new("face_image_url", "Face image URL", K::WebUrl),
    F::new("face_image_date", "Face image date", K::Date),
];

/// Every create field, flattened.
pub fn create_fields() -> impl Iterator<Item = &'static F> {
    CREATE_SECTIONS.iter().flat_map(|(_, fields)| fields.iter())
}

/// Checks the create form and builds the request; blank optional fields are left out.
pub fn build_new_customer(v: &FormValues) -> Result<NewCustomer, FieldErrors> {
    let fields: Vec<F> = create_fields().copied().collect();
    let mut errors = check_fields(&fields, v);
    pair_required(
        v,
        &mut errors,
        "credit_limit_currency",
        "credit_limit_amount",
    );
    pair_required(v, &mut errors, "credit_rating", "credit_source");
    check_dependants(v, &mut errors, true);
    if v.opt("face_image_date").is_some() && v.opt("face_image_url").is_none() {
        errors.insert(
            "face_image_url",
            "Give the image URL for this date.".to_owned(),
        );
    }
    into_result(errors)?;
    let date = |name| v.opt(name).map(|d| dates::to_obp(&d));
    let dobs = dependant_dates(v);
    Ok(NewCustomer {
        legal_name: v.text("legal_name"),
        mobile_phone_number: v.text("mobile_phone_number"),
        customer_number: v.opt("customer_number"),
        email: v.opt("email"),
        face_image: v.opt("face_image_url").map(|url| FaceImage {
            url,
            date: date("face_image_date").unwrap_or_default(),
        }),
        date_of_birth: date("date_of_birth"),
        relationship_status: v.opt("relationship_status"),
        dependants: v.opt("dependants").map(|_| dobs.len() as i64),
        dob_of_dependants: (!dobs.is_empty()).then_some(dobs),
        credit_rating: v.opt("credit_rating").map(|rating| CreditRating {
            rating,
            source: v.text("credit_source"),
        }),
        credit_limit: v.opt("credit_limit_currency").map(|currency| CreditLimit {
            currency,
            amount: v.text("credit_limit_amount"),
        }),
        highest_education_attained: v.opt("highest_education_attained"),
        employment_status: v.opt("employment_status"),
        kyc_status: v.flag("kyc_status").then_some(true),
        last_ok_date: date("last_ok_date"),
        title: v.opt("title"),
        branch_id: v.opt("branch_id"),
        name_suffix: v.opt("name_suffix"),
    })
}

/// When either of two fields is filled, both must be.
fn pair_required(v: &FormValues, errors: &mut FieldErrors, a: &'static str, b: &'static str) {
    for (this, other) in [(a, b), (b, a)] {
        if v.opt(this).is_none() && v.opt(other).is_some() {
            errors.insert_if_absent(this, || "Fill this in too, or clear both.".to_owned());
        }
    }
}

fn dependant_dates(v: &FormValues) -> Vec<String> {
    validation::split_list(v.raw("dob_of_dependants"))
        .map(dates::to_obp)
        .collect()
}

/// OBP rejects a create whose `dependants` differs from the number of dependants' birth dates
/// (OBP-10020), so the form says so first.
fn check_dependants(v: &FormValues, errors: &mut FieldErrors, with_dates: bool) {
    if errors.contains_key("dependants") || errors.contains_key("dob_of_dependants") {
        return;
    }
    let count: usize = v.text("dependants").parse().unwrap_or(0);
    let dates = validation::split_list(v.raw("dob_of_dependants")).count();
    if with_dates && count != dates {
        errors.insert(
            "dob_of_dependants",
            format!("Give one date of birth per dependant: {count} dependants, {dates} dates."),
        );
    }
}

/// One "Update the … of a Customer" form: what it shows, who may use it, what it sends.
pub struct UpdateForm {
    /// Its card: the key (also the endpoint word), title, roles and fields (every field of the
    /// endpoint is required by OBP).
    pub group: EditGroup,
    /// The customer's current values, to show and to prefill.
    pub current: fn(&Customer) -> FormValues,
    /// The request from checked values.
    pub build: fn(&FormValues) -> CustomerUpdate,
}

impl UpdateForm {
    /// Checks the values and builds the request, or returns per-field errors.
    pub fn submit(&self, values: &FormValues) -> Result<CustomerUpdate, FieldErrors> {
        self.group.check(values)?;
        Ok((self.build)(values))
    }
}

/// The eight update forms, in the order the detail page shows them.
pub const UPDATE_FORMS: &[UpdateForm] = &[
    UpdateForm {
        group: EditGroup {
            key: "identity",
            title: "Identity",
            roles: roles::UPDATE_IDENTITY,
            sections: &[(
                "",
                &[
                    F::new("title", "Title", K::Text),
                    F::new("legal_name", "Legal name", K::Text).required(),
                    F::new("name_suffix", "Name suffix", K::Text),
                    F::new("date_of_birth", "Date of birth", K::Date).required(),
                ],
            )],
        },
        current: |c| {
            FormValues::from_pairs([
                ("title", c.title.clone()),
                ("legal_name", c.legal_name.clone()),
                ("name_suffix", c.name_suffix.clone()),
                ("date_of_birth", dates::day_of(&c.date_of_birth)),
            ])
        },
        build: |v| CustomerUpdate::Identity {
            legal_name: v.text("legal_name"),
            date_of_birth: dates::to_obp(&v.text("date_of_birth")),
            title: v.text("title"),
            name_suffix: v.text("name_suffix"),
        },
    },
    UpdateForm {
        group: EditGroup {
            key: "email",
            title: "Email",
            roles: roles::UPDATE_EMAIL,
            sections: &[("", &[F::new("email", "Email", K::Email).required()])],
        },
        current: |c| FormValues::from_pairs([("email", c.email.clone())]),
        build: |v| CustomerUpdate::Email {
            email: v.text("email"),
        },
    },
    UpdateForm {
        group: EditGroup {
            key: "mobile-number",
            title: "Mobile phone",
            roles: roles::UPDATE_MOBILE_NUMBER,
            sections: &[(
                "",
                &[F::new("mobile_phone_number", "Mobile phone number", K::Phone).required()],
            )],
        },
        current: |c| {
            FormValues::from_pairs([("mobile_phone_number", c.mobile_phone_number.clone())])
        },
        build: |v| CustomerUpdate::MobileNumber {
            mobile_phone_number: v.text("mobile_phone_number"),
        },
    },
    UpdateForm {
        group: EditGroup {
            key: "number",
            title: "Customer number",
            roles: roles::UPDATE_NUMBER,
            sections: &[(
                "",
                &[F::new("customer_number", "Customer number", K::CustomerNumber).required()],
            )],
        },
        current: |c| FormValues::from_pairs([("customer_number", c.customer_number.clone())]),
        build: |v| CustomerUpdate::Number {
            customer_number: v.text("customer_number"),
        },
    },
    UpdateForm {
        group: EditGroup {
            key: "branch",
            title: "Branch",
            roles: roles::UPDATE_BRANCH,
            sections: &[("", &[F::new("branch_id", "Branch id", K::Text).required()])],
        },
        current: |c| FormValues::from_pairs([("branch_id", c.branch_id.clone())]),
        build: |v| CustomerUpdate::Branch {
            branch_id: v.text("branch_id"),
        },
    },
    UpdateForm {
        group: EditGroup {
            key: "credit-limit",
            title: "Credit limit",
            roles: roles::UPDATE_CREDIT_LIMIT,
            sections: &[(
                "",
                &[
                    F::new("currency", "Credit limit currency", K::Currency).required(),
                    F::new("amount", "Credit limit amount", K::Amount).required(),
                ],
            )],
        },
        current: |c| {
            let limit = c.credit_limit.clone().unwrap_or_default();
            FormValues::from_pairs([("currency", limit.currency), ("amount", limit.amount)])
        },
        build: |v| CustomerUpdate::CreditLimit {
            credit_limit: CreditLimit {
                currency: v.text("currency"),
                amount: v.text("amount"),
            },
        },
    },
    UpdateForm {
        group: EditGroup {
            key: "credit-rating-and-source",
            title: "Credit rating",
            roles: roles::UPDATE_CREDIT_RATING,
            sections: &[(
                "",
                &[
                    F::new("credit_rating", "Credit rating", K::Text).required(),
                    F::new("credit_source", "Credit rating source", K::Text).required(),
                ],
            )],
        },
        current: |c| {
            let rating = c.credit_rating.clone().unwrap_or_default();
            FormValues::from_pairs([
                ("credit_rating", rating.rating),
                ("credit_source", rating.source),
            ])
        },
        build: |v| CustomerUpdate::CreditRating {
            credit_rating: v.text("credit_rating"),
            credit_source: v.text("credit_source"),
        },
    },
    UpdateForm {
        group: EditGroup {
            key: "data",
            title: "Other data",
            roles: roles::UPDATE_DATA,
            sections: &[(
                "",
                &[
                    F::new("relationship_status", "Relationship status", K::Text).required(),
                    F::new("dependants", "Dependants", K::WholeNumber).required(),
                    F::new(
                        "highest_education_attained",
                        "Highest education attained",
                        K::Text,
                    )
                    .required(),
                    F::new("employment_status", "Employment status", K::Text).required(),
                    F::new("face_image_url", "Face image URL", K::Text)
                        .required()
                        .help("OBP requires an image reference; keep the current one if unsure."),
                    F::new("face_image_date", "Face image date", K::Date).required(),
                ],
            )],
        },
        current: |c| {
            let image = c.face_image.clone().unwrap_or_default();
            FormValues::from_pairs([
                ("relationship_status", c.relationship_status.clone()),
                ("dependants", c.dependants.to_string()),
                (
                    "highest_education_attained",
                    c.highest_education_attained.clone(),
                ),
                ("employment_status", c.employment_status.clone()),
                ("face_image_url", image.url),
                ("face_image_date", dates::day_of(&image.date)),
            ])
        },
        build: |v| CustomerUpdate::Data {
            face_image: FaceImage {
                url: v.text("face_image_url"),
                date: dates::to_obp(&v.text("face_image_date")),
            },
            relationship_status: v.text("relationship_status"),
            dependants: v.text("dependants").parse().unwrap_or_default(),
            highest_education_attained: v.text("highest_education_attained"),
            employment_status: v.text("employment_status"),
        },
    },
];
