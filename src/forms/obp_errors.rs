//! Which form field an OBP error concerns: one table per form, from the error code (and the
//! words that narrow it down) to the field and the message shown under it. The error itself
//! stays above the form with its code and hint; an error no row names stays there only.

use super::FieldErrors;
use crate::api::ApiError;

/// One row: an error with `code` whose message contains `mentions` (any, when empty) concerns
/// `field`, and `message` says why under it.
#[derive(Clone, Copy, Debug)]
pub struct FieldRule {
    /// `OBP-NNNNN`.
    pub code: &'static str,
    /// Words of the server's message that pick this row; `""` for any message with the code.
    pub mentions: &'static str,
    /// The form field.
    pub field: &'static str,
    /// Shown under the field.
    pub message: &'static str,
}

/// The rows of one form, and its fields that OBP checks as ids: OBP's automatic id check answers
/// OBP-10001 "Here are all invalid values: List((branch_id,LDN 01))", naming them.
#[derive(Clone, Copy, Debug)]
pub struct ErrorTable {
    /// The form's rows.
    pub rules: &'static [FieldRule],
    /// The form's fields OBP checks as ids.
    pub ids: &'static [&'static str],
}

const fn rule(
    code: &'static str,
    mentions: &'static str,
    field: &'static str,
    message: &'static str,
) -> FieldRule {
    FieldRule {
        code,
        mentions,
        field,
        message,
    }
}

/// What OBP's id check allows, said under an id field it refused.
pub const INVALID_ID: &str =
    "Only letters, digits, '-', '.' and '_', at most 36 characters, are allowed here.";

/// Create Customer and the customer's update cards.
pub const CUSTOMER: ErrorTable = ErrorTable {
    rules: &[
        rule(
            "OBP-30006",
            "",
            "customer_number",
            "Another customer at this bank already has this number.",
        ),
        rule(
            "OBP-10020",
            "dependants",
            "dependants",
            "The number of dependants must match the dates of birth of dependants.",
        ),
        rule(
            "OBP-10001",
            "customer_number can not contain",
            "customer_number",
            "A customer number cannot contain \"::::\".",
        ),
    ],
    ids: &["branch_id"],
};

/// Create and Update Customer Attribute, and Create or Update Attribute Definition.
pub const ATTRIBUTE: ErrorTable = ErrorTable {
    rules: &[rule(
        "OBP-10001",
        "`Type` field",
        "type",
        "The type must be STRING, INTEGER, DOUBLE or DATE_WITH_DAY.",
    )],
    ids: &[],
};

/// Create Customer Account Link.
pub const ACCOUNT_LINK: ErrorTable = ErrorTable {
    rules: &[
        rule(
            "OBP-30018",
            "",
            "account_id",
            "There is no account with this id at this bank.",
        ),
        rule(
            "OBP-30223",
            "",
            "account_id",
            "This account is already linked to this customer.",
        ),
    ],
    ids: &["account_id"],
};

/// Create User Customer Link.
pub const USER_LINK: ErrorTable = ErrorTable {
    rules: &[
        rule("OBP-20057", "", "user_id", "There is no user with this id."),
        rule(
            "OBP-30007",
            "",
            "user_id",
            "This user is already linked to a customer at this bank.",
        ),
    ],
    ids: &[],
};

impl ErrorTable {
    /// The fields `error` concerns, with their messages; empty when it names none of this form's.
    pub fn fields(&self, error: &ApiError) -> FieldErrors {
        let (Some(code), ApiError::Obp { message, .. }) = (error.code(), error) else {
            return FieldErrors::default();
        };
        let mut found: FieldErrors = self
            .rules
            .iter()
            .filter(|rule| rule.code == code && message.contains(rule.mentions))
            .map(|rule| (rule.field, rule.message.to_owned()))
            .collect();
        if code == "OBP-10001" {
            for name in invalid_ids(message) {
                if let Some(field) = self.ids.iter().find(|id| **id == name) {
                    found.insert(field, INVALID_ID.to_owned());
                }
            }
        }
        found
    }
}

/// The field names of OBP's "Here are all invalid values: List((name,value), …)".
fn invalid_ids(message: &str) -> Vec<&str> {
    let Some((_, list)) = message.split_once("invalid values: List(") else {
        return Vec::new();
    };
    list.split("(")
        .filter_map(|pair| pair.split_once(',').map(|(name, _)| name.trim()))
        .filter(|name| !name.is_empty())
        .collect()
}

/// [`CUSTOMER`] as a form's error mapping.
pub fn customer(error: &ApiError) -> FieldErrors {
    CUSTOMER.fields(error)
}

/// [`ATTRIBUTE`] as a form's error mapping.
pub fn attribute(error: &ApiError) -> FieldErrors {
    ATTRIBUTE.fields(error)
}

/// [`ACCOUNT_LINK`] as a form's error mapping.
pub fn account_link(error: &ApiError) -> FieldErrors {
    ACCOUNT_LINK.fields(error)
}

/// [`USER_LINK`] as a form's error mapping.
pub fn user_link(error: &ApiError) -> FieldErrors {
    USER_LINK.fields(error)
}
