//! Bearer tokens: every Enterprise API route needs `Authorization: Bearer <token>` with one of the
//! sandbox's tokens (`--enterprise-token`, by default [`super::DEMO_TOKEN`]). Any token opens
//! every profile. The scheme is matched in any case, as RFC 7235 has it.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;

use super::ApiError;
use crate::state::AppState;

/// The challenge of a request without usable credentials (RFC 6750).
const CHALLENGE: &str = r#"Bearer realm="enterprise-sandbox""#;
/// The challenge of a request whose bearer token is not one of the sandbox's.
const INVALID_TOKEN: &str = r#"Bearer realm="enterprise-sandbox", error="invalid_token""#;

/// Proof that a request carried an accepted bearer token; 401 otherwise.
#[derive(Debug, Clone, Copy)]
pub struct Authorized;

impl FromRequestParts<AppState> for Authorized {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Some(value) = parts.headers.get(header::AUTHORIZATION) else {
            return Err(ApiError::unauthorized(
                "An Authorization: Bearer <token> header is required.",
                CHALLENGE,
            ));
        };
        let token = value.to_str().ok().and_then(|text| {
            let (scheme, token) = text.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
        });
        match token {
            Some(token) if state.enterprise_tokens().iter().any(|known| known == token) => {
                Ok(Authorized)
            }
            Some(_) => Err(ApiError::unauthorized(
                "The bearer token is not valid.",
                INVALID_TOKEN,
            )),
            None => Err(ApiError::unauthorized(
                "The Authorization header must be Bearer <token>.",
                CHALLENGE,
            )),
        }
    }
}
