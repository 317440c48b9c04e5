//! The Enterprise API's error body. The API documentation shows no error body, so this sandbox
//! chose one and keeps it for every error of its `/v1/…` paths:
//!
//! ```json
//! {"status": 400, "error": "invalid_request", "message": "…",
//!  "errors": [{"field": "address.country", "message": "…"}]}
//! ```
//!
//! `status` repeats the HTTP status; `error` is `invalid_request` (400), `unauthorized` (401),
//! `not_found` (404), `method_not_allowed` (405) or `internal_error` (500); `errors` is on 400s only
//! (empty when no single field is to blame, e.g. malformed JSON). A 401 also carries a
//! `WWW-Authenticate: Bearer …` header.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::http::json;

/// One invalid field of a request: its path (`address.country`) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field's path, nested names joined with `.`.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

impl FieldError {
    /// A complaint about `field`.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// An Enterprise API error response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    status: StatusCode,
    error: &'static str,
    message: String,
    errors: Option<Vec<FieldError>>,
    challenge: Option<&'static str>,
}

impl ApiError {
    fn new(status: StatusCode, error: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            error,
            message: message.into(),
            errors: None,
            challenge: None,
        }
    }

    /// 400 `invalid_request` listing the fields at fault (possibly none).
    pub fn invalid(message: impl Into<String>, errors: Vec<FieldError>) -> Self {
        ApiError {
            errors: Some(errors),
            ..ApiError::new(StatusCode::BAD_REQUEST, "invalid_request", message)
        }
    }

    /// 401 `unauthorized` with `WWW-Authenticate: {challenge}`.
    pub fn unauthorized(message: impl Into<String>, challenge: &'static str) -> Self {
        ApiError {
            challenge: Some(challenge),
            ..ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
        }
    }

    /// 404 `not_found`.
    pub fn not_found(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// 405 `method_not_allowed` for a verb the path does not serve.
    pub fn method_not_allowed(method: &str, path: &str) -> Self {
        ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            format!("{method} is not allowed on {path}."),
        )
    }

    /// 500 `internal_error` (also what `--fail-rate` injects).
    pub fn internal() -> Self {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "An internal error occurred.",
        )
    }
}

/// A database error fails the request with 500 `internal_error`, and is logged.
impl From<rusqlite::Error> for ApiError {
    fn from(error: rusqlite::Error) -> Self {
        crate::log::error(format_args!("database error, answered 500: {error}"));
        ApiError::internal()
    }
}

#[derive(Serialize)]
struct Body<'a> {
    status: u16,
    error: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<&'a [FieldError]>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Body {
            status: self.status.as_u16(),
            error: self.error,
            message: &self.message,
            errors: self.errors.as_deref(),
        };
        let mut response = json(self.status, &body);
        if let Some(challenge) = self.challenge {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(challenge),
            );
        }
        response
    }
}
