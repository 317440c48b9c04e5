//! DirectLogin: the login endpoint, token extraction from request headers, and role checks.
//!
//! Header parsing, validation order and messages follow OBP's `directlogin.scala`: parameters are
//! split on commas, trimmed, stripped of surrounding double quotes, and only `username`, `password`,
//! `consumer_key` and `token` are recognised.

use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Serialize;

use crate::dates::Timestamp;
use crate::db::User;
use crate::http::json;
use crate::obp_error::{msg, ObpError};
use crate::roles::{Role, Scope};
use crate::state::AppState;

/// The custom header browsers should use (`DirectLogin: token=…`).
const DIRECT_LOGIN_HEADER: &str = "directlogin";
/// The longest value OBP accepts for any DirectLogin parameter.
const MAX_PARAMETER_LENGTH: usize = 512;
/// What OBP's tokens start with: base64url of `{"alg":"HS256"}` and of `{"":""}`.
const TOKEN_PREFIX: &str = "eyJhbGciOiJIUzI1NiJ9.eyIiOiIifQ.";

/// DirectLogin parameters in the order they were sent (a repeated name keeps its first place).
#[derive(Debug, Default, PartialEq, Eq)]
struct Params(Vec<(&'static str, String)>);

impl Params {
    /// Parses `username=…, password="…", …` (an `Authorization` value may start with `DirectLogin`).
    fn parse(value: &str) -> Params {
        let mut params = Params::default();
        for part in value
            .strip_prefix("DirectLogin")
            .unwrap_or(value)
            .split(',')
        {
            let Some((name, raw)) = part.trim().split_once('=') else {
                continue;
            };
            let Some(name) = ["consumer_key", "token", "username", "password"]
                .into_iter()
                .find(|n| *n == name)
            else {
                continue;
            };
            let raw = raw.strip_prefix('"').unwrap_or(raw);
            let value = raw.strip_suffix('"').unwrap_or(raw);
            if value.is_empty() {
                continue;
            }
            match params.0.iter_mut().find(|(existing, _)| *existing == name) {
                Some(slot) => slot.1 = value.to_owned(),
                None => params.0.push((name, value.to_owned())),
            }
        }
        params
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(existing, _)| *existing == name)
            .map(|(_, value)| value.as_str())
    }

    /// 400 OBP-20002 naming whichever of `required` is absent.
    fn require(&self, required: &[&str]) -> Result<(), ObpError> {
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|name| self.get(name).is_none())
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(ObpError::bad_request(format!(
                "{}{}",
                msg::DIRECT_LOGIN_MISSING_PARAMETERS,
                missing.join(", ")
            )))
        }
    }

    /// 400 with every character/length complaint, concatenated as OBP does.
    fn validate(&self) -> Result<(), ObpError> {
        let complaints: String = self
            .0
            .iter()
            .map(|(name, value)| complaint(name, value))
            .collect();
        if complaints.is_empty() {
            Ok(())
        } else {
            Err(ObpError::bad_request(complaints))
        }
    }
}

/// What OBP says about one parameter value ("" when it is fine).
fn complaint(name: &str, value: &str) -> &'static str {
    let allowed: fn(char) -> bool = match name {
        "username" => |c| c.is_ascii_alphanumeric() || "-._@ ".contains(c),
        "password" => |c| c.is_ascii_graphic() || c == ' ',
        "consumer_key" => |c| c.is_ascii_alphanumeric() || c == '-',
        _ => |c| c.is_ascii_alphanumeric() || "-._@".contains(c),
    };
    let (too_long, invalid) = if name == "consumer_key" {
        (msg::CONSUMER_KEY_IS_TOO_LONG, msg::CONSUMER_KEY_IS_INVALID)
    } else {
        (msg::INVALID_VALUE_LENGTH, msg::INVALID_VALUE_CHARACTERS)
    };
    if !value.chars().all(allowed) {
        invalid
    } else if value.chars().count() > MAX_PARAMETER_LENGTH {
        too_long
    } else {
        ""
    }
}

fn header_text(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
}

/// The DirectLogin parameters of a request, if it uses DirectLogin at all: the `DirectLogin` header
/// first, then an `Authorization` header that mentions DirectLogin.
fn request_params(headers: &HeaderMap) -> Option<Params> {
    if let Some(value) = header_text(headers, DIRECT_LOGIN_HEADER) {
        return Some(Params::parse(&value));
    }
    header_text(headers, "authorization")
        .filter(|value| value.contains("DirectLogin"))
        .map(|value| Params::parse(&value))
}

#[derive(Serialize)]
struct TokenBody {
    token: String,
}

/// `POST /my/logins/direct`: exchanges username, password and consumer key for a token (201).
pub async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ObpError> {
    let params = match request_params(&headers) {
        Some(params) => params,
        None if headers.contains_key("authorization") => {
            return Err(ObpError::bad_request(msg::INVALID_DIRECT_LOGIN_HEADER))
        }
        None => return Err(ObpError::bad_request(msg::MISSING_DIRECT_LOGIN_HEADER)),
    };
    params.require(&["username", "password", "consumer_key"])?;
    params.validate()?;
    if params.get("consumer_key") != Some(state.consumer_key()) {
        return Err(ObpError::new(
            StatusCode::UNAUTHORIZED,
            msg::INVALID_CONSUMER_KEY,
        ));
    }
    let store = state.store();
    let user_id = store
        .user_id_by_credentials(
            params.get("username").unwrap_or_default(),
            params.get("password").unwrap_or_default(),
        )?
        .ok_or_else(|| ObpError::new(StatusCode::UNAUTHORIZED, msg::INVALID_LOGIN_CREDENTIALS))?;
    let token = new_token();
    let now = Timestamp::now();
    let expires = Timestamp::from_unix(now.unix().saturating_add(state.token_ttl_seconds()));
    store.insert_token(&token, &user_id, state.consumer_key(), now, expires)?;
    Ok(json(StatusCode::CREATED, &TokenBody { token }))
}

/// A JWT-looking token: OBP's fixed header and payload, and 32 random bytes as the "signature".
fn new_token() -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let bytes: Vec<u8> = [uuid::Uuid::new_v4(), uuid::Uuid::new_v4()]
        .iter()
        .flat_map(|id| *id.as_bytes())
        .collect();
    let mut token = String::from(TOKEN_PREFIX);
    for chunk in bytes.chunks(3) {
        let group = chunk
            .iter()
            .fold(0u32, |acc, byte| (acc << 8) | u32::from(*byte))
            << (8 * (3 - chunk.len()));
        for index in 0..=chunk.len() {
            token.push(char::from(
                ALPHABET[((group >> (18 - 6 * index)) & 63) as usize],
            ));
        }
    }
    token
}

/// The user behind a request's DirectLogin token; `None` when the request carries no DirectLogin.
///
/// A DirectLogin header without a usable token fails with 400 (OBP-20002, OBP-20011 or OBP-20003),
/// even on endpoints that allow anonymous access, as in OBP.
pub fn authenticate(state: &AppState, headers: &HeaderMap) -> Result<Option<User>, ObpError> {
    let Some(params) = request_params(headers) else {
        return Ok(None);
    };
    params.require(&["token"])?;
    params.validate()?;
    let token = params.get("token").unwrap_or_default();
    let invalid = || ObpError::bad_request(format!("{}{token}", msg::DIRECT_LOGIN_INVALID_TOKEN));
    let store = state.store();
    let user_id = store
        .token_user_id(token, Timestamp::now())?
        .ok_or_else(invalid)?;
    store.user(&user_id)?.ok_or_else(invalid).map(Some)
}

impl FromRequestParts<AppState> for User {
    type Rejection = ObpError;

    /// Requires a logged-in user: 401 OBP-20001 without DirectLogin.
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        authenticate(state, &parts.headers)?.ok_or_else(ObpError::not_logged_in)
    }
}

/// The caller of an endpoint that also serves anonymous requests.
#[derive(Debug)]
pub struct MaybeUser(
    /// The user, when the request carried a valid token.
    pub Option<User>,
);

impl FromRequestParts<AppState> for MaybeUser {
    type Rejection = ObpError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        authenticate(state, &parts.headers).map(MaybeUser)
    }
}

impl User {
    /// Whether the user holds `role` for `bank_id` (system roles: held with bank_id `""`).
    pub fn has_role(&self, role: Role, bank_id: &str) -> bool {
        let scope = match role.scope {
            Scope::Bank => bank_id,
            Scope::System => "",
        };
        self.entitlements
            .iter()
            .any(|e| e.role_name == role.name && e.bank_id == scope)
    }

    /// Any one of `roles`, worded like OBP's automatic (v4+) check and `hasAtLeastOneEntitlement`:
    /// `…roles: CanA or CanB for BankId(BANK_ID).` (without the bank part when all roles are system roles).
    pub fn require_any(&self, roles: &[Role], bank_id: &str) -> Result<(), ObpError> {
        if roles.iter().any(|role| self.has_role(*role, bank_id)) {
            return Ok(());
        }
        let names = roles
            .iter()
            .map(|role| role.name)
            .collect::<Vec<_>>()
            .join(" or ");
        if roles.iter().any(|role| role.scope == Scope::Bank) {
            Err(ObpError::missing_roles(&format!(
                "{names} for BankId({bank_id})."
            )))
        } else {
            Err(ObpError::missing_roles(&names))
        }
    }

    /// One role, worded like the v3.1.0 endpoints' `hasEntitlement`: `…roles: CanX at Bank(BANK_ID)`.
    pub fn require_at_bank(&self, role: Role, bank_id: &str) -> Result<(), ObpError> {
        if self.has_role(role, bank_id) {
            Ok(())
        } else if bank_id.is_empty() {
            Err(ObpError::missing_roles(role.name))
        } else {
            Err(ObpError::missing_roles(&format!(
                "{} at Bank({bank_id})",
                role.name
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn parses_both_header_styles() {
        let preferred =
            Params::parse(r#"username=staff, password="p,w", consumer_key=key, other=1"#);
        assert_eq!(preferred.get("username"), Some("staff"));
        assert_eq!(preferred.get("password"), Some("p"));
        assert_eq!(preferred.get("other"), None);
        let deprecated =
            Params::parse(r#"DirectLogin username="staff",password="secret",consumer_key="k""#);
        assert_eq!(deprecated.get("password"), Some("secret"));
        assert_eq!(deprecated.get("consumer_key"), Some("k"));
    }

    #[test]
    fn empty_values_count_as_missing() {
        let params = Params::parse(r#"username="", password=x"#);
        let error = params
            .require(&["username", "password", "consumer_key"])
            .expect_err("missing");
        assert_eq!(
            error.message,
            "OBP-20002: These DirectLogin parameters are missing:username, consumer_key"
        );
    }

    #[test]
    fn validation_follows_obp_character_sets() {
        assert_eq!(complaint("username", "jane.doe@example.com"), "");
        assert_eq!(
            complaint("username", "jane<doe>"),
            msg::INVALID_VALUE_CHARACTERS
        );
        assert_eq!(complaint("password", "s3cret!#~ ok"), "");
        assert_eq!(
            complaint("password", "pässword"),
            msg::INVALID_VALUE_CHARACTERS
        );
        assert_eq!(
            complaint("consumer_key", "abc_def"),
            msg::CONSUMER_KEY_IS_INVALID
        );
        assert_eq!(
            complaint("token", &"a".repeat(513)),
            msg::INVALID_VALUE_LENGTH
        );
    }

    #[test]
    fn tokens_look_like_jwts_and_pass_obp_validation() {
        let token = new_token();
        assert_eq!(token.split('.').count(), 3);
        assert_eq!(complaint("token", &token), "");
        assert_ne!(token, new_token());
    }

    proptest! {
        #[test]
        fn any_header_parses_without_panicking(
            value in ".*",
            raw in prop::collection::vec(any::<u8>(), 0..64),
        ) {
            let params = Params::parse(&value);
            let _ = (params.require(&["token"]), params.validate());
            let mut headers = HeaderMap::new();
            if let Ok(header) = axum::http::HeaderValue::from_bytes(&raw) {
                headers.insert(DIRECT_LOGIN_HEADER, header);
            }
            let _ = request_params(&headers).map(|params| params.validate());
        }

        #[test]
        fn quoted_values_round_trip(
            username in "[A-Za-z0-9._@-]{1,20}",
            token in "[A-Za-z0-9._-]{1,40}",
        ) {
            let header = format!(r#"DirectLogin username="{username}", token={token}"#);
            let params = Params::parse(&header);
            prop_assert_eq!(params.get("username"), Some(username.as_str()));
            prop_assert_eq!(params.get("token"), Some(token.as_str()));
            prop_assert!(params.validate().is_ok());
        }
    }
}
