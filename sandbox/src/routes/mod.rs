//! The API routes, one module per resource (mirroring the client's `src/api/`), and shared helpers.

pub mod account_links;
pub mod addresses;
pub mod attribute_definitions;
pub mod attributes;
pub mod banks;
pub mod crm_events;
pub mod customers;
pub mod firehose;
pub mod kyc;
pub mod meetings;
pub mod messages;
pub mod my_customers;
pub mod overview;
pub mod query;
pub mod social_media;
pub mod tax_residences;
pub mod user_links;
pub mod users;

use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde::de::DeserializeOwned;

use crate::db::{Customer, Store, User};
use crate::http::{content_type, json};
use crate::obp_error::{msg, ObpError};
use crate::roles::Role;
use crate::state::AppState;

/// Every OBP endpoint lives under this prefix.
pub const API_PREFIX: &str = "/obp/v5.1.0";
/// DirectLogin's URL, the one API path outside [`API_PREFIX`].
pub const LOGIN_PATH: &str = "/my/logins/direct";

/// An always-empty JSON list, for collections the sandbox does not hold yet (e.g. bank attributes).
pub(crate) const EMPTY_LIST: &[serde_json::Value] = &[];

/// Whether a path belongs to the API (as opposed to the static app).
pub fn is_api_path(path: &str) -> bool {
    path == LOGIN_PATH || path.starts_with("/obp/")
}

/// Login plus every `/obp/v5.1.0/…` route.
pub fn api() -> Router<AppState> {
    let obp = Router::new()
        .route("/users/current", get(users::current))
        .route("/users/current/user_id", get(users::current_user_id))
        .route("/banks", get(banks::list))
        .route("/banks/{bank_id}", get(banks::get))
        .route("/banks/{bank_id}/crm-events", get(crm_events::list))
        .route(
            "/banks/{bank_id}/firehose/customers",
            get(firehose::customers),
        )
        .merge(customers::routes())
        .merge(addresses::routes())
        .merge(tax_residences::routes())
        .merge(social_media::routes())
        .merge(attributes::routes())
        .merge(attribute_definitions::routes())
        .merge(account_links::routes())
        .merge(user_links::routes())
        .merge(overview::routes())
        .merge(kyc::routes())
        .merge(messages::routes())
        .merge(meetings::routes())
        .merge(my_customers::routes());
    Router::new()
        .route(LOGIN_PATH, post(crate::auth::login))
        .nest(API_PREFIX, obp)
}

/// What no route matched: OBP's 404 OBP-10404.
pub(crate) async fn unknown_path(request: Request) -> ObpError {
    ObpError::invalid_uri(request.uri().path(), content_type(request.headers()))
}

/// 201 with OBP's `{"success": "Success"}`, the answer of creates that return no resource.
pub(crate) fn success_created() -> Response {
    json(
        StatusCode::CREATED,
        &serde_json::json!({"success": "Success"}),
    )
}

/// Field names whose string values OBP's automatic (v4+) checks treat as ids in POST bodies.
const OBP_ID_FIELDS: [&str; 11] = [
    "id",
    "user_id",
    "bank_id",
    "account_id",
    "customer_id",
    "branch_id",
    "atm_id",
    "transaction_id",
    "transaction_request_id",
    "card_id",
    "view_id",
];

/// OBP's automatic check of ids in v4+ POST bodies: every id field (at any depth) that is a
/// non-empty string must be `A-Za-z0-9-._` and at most 36 characters, else 400 OBP-10001 listing
/// the offenders as Scala prints them: `List((branch_id,LDN 01))`.
pub fn check_obp_ids(body: &[u8]) -> Result<(), ObpError> {
    fn collect<'a>(value: &'a serde_json::Value, invalid: &mut Vec<(&'a str, &'a str)>) {
        match value {
            serde_json::Value::Object(fields) => {
                for (name, field) in fields {
                    if let (true, Some(text)) =
                        (OBP_ID_FIELDS.contains(&name.as_str()), field.as_str())
                    {
                        let valid = text.is_empty()
                            || (text.chars().count() <= 36
                                && text
                                    .chars()
                                    .all(|c| c.is_ascii_alphanumeric() || "-._".contains(c)));
                        if !valid {
                            invalid.push((name, text));
                        }
                    }
                    collect(field, invalid);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|item| collect(item, invalid)),
            _ => {}
        }
    }
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(body) else {
        return Ok(());
    };
    let mut invalid = Vec::new();
    collect(&json, &mut invalid);
    if invalid.is_empty() {
        return Ok(());
    }
    let pairs: Vec<String> = invalid
        .iter()
        .map(|(name, value)| format!("({name},{value})"))
        .collect();
    Err(ObpError::bad_request(format!(
        "{} Here are all invalid values: List({})",
        msg::INVALID_JSON_FORMAT,
        pairs.join(", ")
    )))
}

/// Reads a request body as `T`; any mismatch is OBP's 400 naming the expected case class.
pub fn parse_body<T: DeserializeOwned>(body: &[u8], case_class: &str) -> Result<T, ObpError> {
    serde_json::from_slice(body).map_err(|_| ObpError::json_body_should_be(case_class))
}

/// How an endpoint words its role check.
#[derive(Debug, Clone, Copy)]
pub(crate) enum RoleCheck {
    /// v3.1.0 `hasEntitlement`: one role, `…roles: CanX at Bank(BANK_ID)`.
    AtBank(Role),
    /// The v4+ automatic check: any of the roles, `…roles: CanX or CanY for BankId(BANK_ID).`.
    Any(&'static [Role]),
}

impl RoleCheck {
    fn check(self, user: &User, bank_id: &str) -> Result<(), ObpError> {
        match self {
            RoleCheck::AtBank(role) => user.require_at_bank(role, bank_id),
            RoleCheck::Any(roles) => user.require_any(roles, bank_id),
        }
    }
}

/// Bank (404 OBP-30001), then the role check (403 OBP-20006).
pub(crate) fn authorize(
    store: &Store,
    user: &User,
    bank_id: &str,
    roles: RoleCheck,
) -> Result<(), ObpError> {
    banks::require(store, bank_id)?;
    roles.check(user, bank_id)
}

/// The opening every customer-scoped endpoint shares, in OBP's order: bank (404 OBP-30001),
/// role (403 OBP-20006), the body via `parse` (400), then the customer (404 OBP-30046, at any bank).
pub(crate) fn customer_request<T>(
    store: &Store,
    user: &User,
    bank_id: &str,
    roles: RoleCheck,
    customer_id: &str,
    parse: impl FnOnce() -> Result<T, ObpError>,
) -> Result<(Customer, T), ObpError> {
    authorize(store, user, bank_id, roles)?;
    let parsed = parse()?;
    Ok((require_customer(store, customer_id)?, parsed))
}

/// The customer, at any bank, or 404 OBP-30046.
pub(crate) fn require_customer(store: &Store, customer_id: &str) -> Result<Customer, ObpError> {
    store
        .customer(customer_id)?
        .ok_or_else(|| ObpError::customer_not_found_by_id(customer_id))
}

/// OBP's 400 (a message without an OBP code) when the customer of a link belongs to another bank.
pub(crate) fn require_same_bank(customer: &Customer, bank_id: &str) -> Result<(), ObpError> {
    if customer.bank_id == bank_id {
        return Ok(());
    }
    Err(ObpError::bad_request(format!(
        "Bank of the customer specified by the CUSTOMER_ID({}) has to matches BANK_ID({bank_id}) in URL",
        customer.bank_id
    )))
}
