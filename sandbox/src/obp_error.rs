//! The OBP error body `{"code": N, "message": "OBP-NNNNN: …"}`, its HTTP mapping and OBP's message texts.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// OBP's message texts, verbatim from `ErrorMessages.scala` (OBP-API `develop`, October 2024).
pub mod msg {
    /// OBP-10001; endpoints append `" The Json body should be the <CaseClass> "`.
    pub const INVALID_JSON_FORMAT: &str = "OBP-10001: Incorrect json format.";
    /// OBP-10020; a semantic problem in an otherwise well-formed body.
    pub const INVALID_JSON_CONTENT: &str = "OBP-10020: Incorrect json.";
    /// OBP-10023 (the text names the legacy `obp_` parameter).
    pub const FILTER_SORT_DIRECTION_ERROR: &str =
        "OBP-10023: obp_sort_direction parameter can only take two values: DESC or ASC!";
    /// OBP-10024.
    pub const FILTER_OFFSET_ERROR: &str =
        "OBP-10024: wrong value for obp_offset parameter. Please send a positive integer (=>0)!";
    /// OBP-10025.
    pub const FILTER_LIMIT_ERROR: &str =
        "OBP-10025: wrong value for obp_limit parameter. Please send a positive integer (=>1)!";
    /// OBP-10026, a `from_date`/`to_date` not in OBP's query date format.
    pub const FILTER_DATE_FORMAT_ERROR: &str =
        "OBP-10026: Failed to parse date string. Please use this format yyyy-MM-dd'T'HH:mm:ss.SSS'Z'!";
    /// OBP-10404; OBP appends the URL and Content-Type that were sent.
    pub const INVALID_URI: &str = "OBP-10404: 404 Not Found. The server could not find the requested URI. Please double check your URL, headers and body. Note: When you are making a POST or PUT request, the Content-Type header MUST be `application/json`. Note: OBP only supports JSON formatted bodies.";
    /// OBP-20001.
    pub const USER_NOT_LOGGED_IN: &str =
        "OBP-20001: User not logged in. Authentication is required!";
    /// OBP-20002; followed by the missing names joined with ", ".
    pub const DIRECT_LOGIN_MISSING_PARAMETERS: &str =
        "OBP-20002: These DirectLogin parameters are missing:";
    /// OBP-20003; followed by the token that was sent.
    pub const DIRECT_LOGIN_INVALID_TOKEN: &str =
        "OBP-20003: This DirectLogin token is invalid or expired:";
    /// OBP-20004.
    pub const INVALID_LOGIN_CREDENTIALS: &str =
        "OBP-20004: Invalid login credentials. Check username/password.";
    /// OBP-20006; followed by the role names.
    pub const USER_HAS_MISSING_ROLES: &str = "OBP-20006: User is missing one or more roles: ";
    /// OBP-20008.
    pub const INVALID_CONSUMER_KEY: &str = "OBP-20008: Invalid Consumer Key.";
    /// OBP-20010; a DirectLogin parameter longer than 512 characters.
    pub const INVALID_VALUE_LENGTH: &str = "OBP-20010: Value too long";
    /// OBP-20011; a DirectLogin parameter with characters outside its allowed set.
    pub const INVALID_VALUE_CHARACTERS: &str = "OBP-20011: Value contains invalid characters";
    /// OBP-20082.
    pub const MISSING_DIRECT_LOGIN_HEADER: &str =
        "OBP-20082: Missing DirectLogin or Authorization header.";
    /// OBP-20083.
    pub const INVALID_DIRECT_LOGIN_HEADER: &str =
        "OBP-20083: Missing DirectLogin word at the value of Authorization header.";
    /// OBP-30001; OBP appends " Current BankId is BANK_ID".
    pub const BANK_NOT_FOUND: &str =
        "OBP-30001: Bank not found. Please specify a valid value for BANK_ID.";
    /// OBP-30002.
    pub const CUSTOMER_NOT_FOUND: &str =
        "OBP-30002: Customer not found. Please specify a valid value for CUSTOMER_NUMBER.";
    /// OBP-30006.
    pub const CUSTOMER_NUMBER_ALREADY_EXISTS: &str = "OBP-30006: Customer Number already exists. Please specify a different value for BANK_ID or CUSTOMER_NUMBER.";
    /// OBP-30046; OBP appends ". Current CustomerId(CUSTOMER_ID)".
    pub const CUSTOMER_NOT_FOUND_BY_CUSTOMER_ID: &str =
        "OBP-30046: Customer not found. Please specify a valid value for CUSTOMER_ID.";
    /// OBP-35030; a consumer key with characters other than `A-Za-z0-9-`.
    pub const CONSUMER_KEY_IS_INVALID: &str =
        "OBP-35030: The Consumer Key must be alphanumeric. (A-Z, a-z, 0-9)";
    /// OBP-35031.
    pub const CONSUMER_KEY_IS_TOO_LONG: &str = "OBP-35031: The Consumer Key max length <= 512";
    /// OBP-50000.
    pub const UNKNOWN_ERROR: &str = "OBP-50000: Unknown Error.";
}

/// The `WWW-Authenticate` value sent with every 401.
pub const WWW_AUTHENTICATE: &str =
    r#"OAuth realm="sandbox", Bearer realm="sandbox", DirectLogin realm="sandbox""#;

/// An OBP error: an HTTP status and an `OBP-NNNNN: …` message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{status} {message}")]
pub struct ObpError {
    /// The HTTP status, also written as `code` in the body.
    pub status: StatusCode,
    /// The message, starting with its OBP code.
    pub message: String,
}

impl ObpError {
    /// An error with any status.
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ObpError {
            status,
            message: message.into(),
        }
    }

    /// 400 with `message`.
    pub fn bad_request(message: impl Into<String>) -> Self {
        ObpError::new(StatusCode::BAD_REQUEST, message)
    }

    /// 400 OBP-10001 naming the case class the body should match, as OBP's endpoints word it.
    pub fn json_body_should_be(case_class: &str) -> Self {
        ObpError::bad_request(format!(
            "{} The Json body should be the {case_class} ",
            msg::INVALID_JSON_FORMAT
        ))
    }

    /// 401 OBP-20001.
    pub fn not_logged_in() -> Self {
        ObpError::new(StatusCode::UNAUTHORIZED, msg::USER_NOT_LOGGED_IN)
    }

    /// 403 OBP-20006 with the given role text appended.
    pub fn missing_roles(roles: &str) -> Self {
        ObpError::new(
            StatusCode::FORBIDDEN,
            format!("{}{roles}", msg::USER_HAS_MISSING_ROLES),
        )
    }

    /// 404 OBP-30001 for `bank_id`.
    pub fn bank_not_found(bank_id: &str) -> Self {
        ObpError::new(
            StatusCode::NOT_FOUND,
            format!("{} Current BankId is {bank_id}", msg::BANK_NOT_FOUND),
        )
    }

    /// 404 OBP-30046 for `customer_id`.
    pub fn customer_not_found_by_id(customer_id: &str) -> Self {
        ObpError::new(
            StatusCode::NOT_FOUND,
            format!(
                "{}. Current CustomerId({customer_id})",
                msg::CUSTOMER_NOT_FOUND_BY_CUSTOMER_ID
            ),
        )
    }

    /// 404 OBP-30002.
    pub fn customer_not_found_by_number() -> Self {
        ObpError::new(StatusCode::NOT_FOUND, msg::CUSTOMER_NOT_FOUND)
    }

    /// 404 OBP-10404 for an unknown URL or verb.
    pub fn invalid_uri(path: &str, content_type: &str) -> Self {
        ObpError::new(
            StatusCode::NOT_FOUND,
            format!(
                "{}Current Url is ({path}), Current Content-Type Header is ({content_type})",
                msg::INVALID_URI
            ),
        )
    }

    /// 500 OBP-50000.
    pub fn unknown() -> Self {
        ObpError::new(StatusCode::INTERNAL_SERVER_ERROR, msg::UNKNOWN_ERROR)
    }
}

/// A database error fails the request with 500 OBP-50000, and is logged (the client sees only
/// OBP's opaque message).
impl From<rusqlite::Error> for ObpError {
    fn from(error: rusqlite::Error) -> Self {
        crate::log::error(format_args!("database error, answered 500: {error}"));
        ObpError::unknown()
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    code: u16,
    message: &'a str,
}

impl IntoResponse for ObpError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            code: self.status.as_u16(),
            message: &self.message,
        };
        let mut response = crate::http::json(self.status, &body);
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(WWW_AUTHENTICATE),
            );
        }
        response
    }
}
