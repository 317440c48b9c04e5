//! The OBP errors that name a form field land under it: the table of `forms::obp_errors`, fed
//! with the error bodies the sandbox (and OBP) send.

use customer_console::{
    api::ApiError,
    forms::obp_errors::{self, INVALID_ID},
};
use sandbox::obp_error::msg;

/// The error the client makes of an OBP error body.
fn answer(status: u16, message: &str) -> ApiError {
    let body = serde_json::json!({ "code": status, "message": message }).to_string();
    ApiError::from_response(status, &body)
}

/// The fields an error lands under, in form order.
fn fields(found: &customer_console::forms::FieldErrors) -> Vec<&str> {
    found.keys().collect()
}

#[test]
fn a_taken_customer_number_lands_under_customer_number() {
    for message in [
        msg::CUSTOMER_NUMBER_ALREADY_EXISTS.to_owned(),
        format!(
            "{} Current customer_number(100002) and Current bank_id(gh.29.uk)",
            msg::CUSTOMER_NUMBER_ALREADY_EXISTS
        ),
    ] {
        let found = obp_errors::customer(&answer(400, &message));
        assert_eq!(fields(&found), ["customer_number"]);
        assert!(found["customer_number"].contains("already has this number"));
    }
    let colons = format!(
        "{} customer_number can not contain `::::` characters",
        msg::INVALID_JSON_FORMAT
    );
    assert_eq!(
        fields(&obp_errors::customer(&answer(400, &colons))),
        ["customer_number"]
    );
}

#[test]
fn dependants_that_do_not_match_their_dates_land_under_dependants() {
    let message = format!(
        "{} The field dependants(2) not equal the length(1) of dob_of_dependants array",
        msg::INVALID_JSON_CONTENT
    );
    let found = obp_errors::customer(&answer(400, &message));
    assert_eq!(fields(&found), ["dependants"]);
    assert!(found["dependants"].contains("dates of birth"));
}

#[test]
fn ids_obp_refuses_land_under_their_fields() {
    let message = format!(
        "{} Here are all invalid values: List((branch_id,LDN 01), (customer_id,x y))",
        msg::INVALID_JSON_FORMAT
    );
    let found = obp_errors::customer(&answer(400, &message));
    assert_eq!(fields(&found), ["branch_id"]);
    assert_eq!(found["branch_id"], INVALID_ID);
    let found = obp_errors::account_link(&answer(
        400,
        &format!(
            "{} Here are all invalid values: List((account_id,a/b))",
            msg::INVALID_JSON_FORMAT
        ),
    ));
    assert_eq!(fields(&found), ["account_id"]);
}

#[test]
fn an_unknown_attribute_type_lands_under_type() {
    let message = format!(
        "{} The `Type` field can only accept the following field: DOUBLE(12.1234), STRING(TAX_NUMBER), INTEGER(123) and DATE_WITH_DAY(2012-04-23)",
        msg::INVALID_JSON_FORMAT
    );
    assert_eq!(
        fields(&obp_errors::attribute(&answer(400, &message))),
        ["type"]
    );
}

#[test]
fn link_errors_land_under_the_account_or_the_user() {
    let cases = [
        (
            obp_errors::account_link as fn(&ApiError) -> _,
            404,
            "OBP-30018: Bank Account not found.",
            "account_id",
        ),
        (
            obp_errors::account_link,
            400,
            "OBP-30223: The Customer Account Link already exists.",
            "account_id",
        ),
        (
            obp_errors::user_link,
            404,
            "OBP-20057: User not found by userId.",
            "user_id",
        ),
        (
            obp_errors::user_link,
            400,
            "OBP-30007: The User is already linked to a Customer at the bank specified by BANK_ID",
            "user_id",
        ),
    ];
    for (table, status, message, field) in cases {
        assert_eq!(
            fields(&table(&answer(status, message))),
            [field],
            "{message}"
        );
    }
}

#[test]
fn errors_that_name_no_field_stay_above_the_form() {
    let elsewhere = [
        answer(
            400,
            "OBP-10001: Incorrect json format. The Json body should be the PostCustomerJsonV310 ",
        ),
        answer(
            403,
            "OBP-20006: User is missing one or more roles: CanCreateCustomer",
        ),
        answer(500, msg::UNKNOWN_ERROR),
        answer(400, "OBP-30069: Customer Attribute not found"),
        ApiError::Network("offline".into()),
        ApiError::OutcomeUnknown,
    ];
    for error in &elsewhere {
        for table in [
            obp_errors::customer,
            obp_errors::attribute,
            obp_errors::account_link,
            obp_errors::user_link,
        ] {
            assert!(table(error).is_empty(), "{error:?}");
        }
    }
    // A code of another form's table names nothing in this one.
    let taken = answer(400, msg::CUSTOMER_NUMBER_ALREADY_EXISTS);
    assert!(obp_errors::account_link(&taken).is_empty());
}
