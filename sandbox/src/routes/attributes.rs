//! Customer attributes (v4.0.0): create, list, get, update (full replace) and delete.
//!
//! Every call but delete checks bank, roles (`…AtOneBank or …AtAnyBank`), body, the customer
//! (404 OBP-30046) and that it belongs to BANK_ID (400 OBP-30113). Delete is
//! `DELETE /banks/BANK_ID/customers/attributes/ID` (the literal word `customers`), 204 either way.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::Router;
use serde::{Deserialize, Serialize};

use crate::db::{Customer, CustomerAttribute, Store, User};
use crate::http::json;
use crate::obp_error::{msg, ObpError};
use crate::roles::{self, Role};
use crate::routes::{authorize, customer_request, parse_body, RoleCheck};
use crate::state::AppState;

/// The attribute types OBP accepts (`CustomerAttributeType`).
pub const ATTRIBUTE_TYPES: [&str; 4] = ["STRING", "INTEGER", "DOUBLE", "DATE_WITH_DAY"];

/// OBP-30069, the text of an unknown CUSTOMER_ATTRIBUTE_ID (400).
pub const CUSTOMER_ATTRIBUTE_NOT_FOUND: &str =
    "OBP-30069: Customer Attribute not found. Please specify a valid value for CUSTOMER_ATTRIBUTE_ID.";

/// The customer attribute routes, relative to `/obp/v5.1.0`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/banks/{bank_id}/customers/{customer_id}/attribute",
            post(create),
        )
        .route(
            "/banks/{bank_id}/customers/{customer_id}/attributes",
            get(list),
        )
        .route(
            "/banks/{bank_id}/customers/{customer_id}/attributes/{attribute_id}",
            get(get_by_id).put(update),
        )
        .route(
            "/banks/{bank_id}/customers/attributes/{attribute_id}",
            delete(remove),
        )
}

/// CustomerAttributeJsonV400.
#[derive(Deserialize)]
struct PostAttribute {
    name: String,
    #[serde(rename = "type")]
    kind: String,
    value: String,
}

#[derive(Serialize)]
struct AttributesJson {
    customer_attributes: Vec<CustomerAttribute>,
}

/// Reads a CustomerAttributeJsonV400 body and checks its `type` (400 OBP-10001 either way).
fn parse_attribute(body: &[u8]) -> Result<PostAttribute, ObpError> {
    let posted: PostAttribute = parse_body(body, "CustomerAttributeJsonV400")?;
    if !ATTRIBUTE_TYPES.contains(&posted.kind.as_str()) {
        return Err(ObpError::bad_request(format!(
            "{} The `Type` field can only accept the following field: DOUBLE(12.1234), STRING(TAX_NUMBER), INTEGER(123) and DATE_WITH_DAY(2012-04-23)",
            msg::INVALID_JSON_FORMAT
        )));
    }
    Ok(posted)
}

/// [`customer_request`] plus OBP's check that the customer belongs to BANK_ID (400 OBP-30113).
fn customer_at_bank<T>(
    store: &Store,
    user: &User,
    (bank_id, customer_id): (&str, &str),
    roles: &'static [Role],
    parse: impl FnOnce() -> Result<T, ObpError>,
) -> Result<(Customer, T), ObpError> {
    let (customer, parsed) = customer_request(
        store,
        user,
        bank_id,
        RoleCheck::Any(roles),
        customer_id,
        parse,
    )?;
    if customer.bank_id != bank_id {
        return Err(ObpError::bad_request(format!(
            "OBP-30113: Invalid Bank Id ({bank_id}). The Customer({customer_id}) does not belong to this Bank"
        )));
    }
    Ok((customer, parsed))
}

fn attribute(store: &Store, attribute_id: &str) -> Result<CustomerAttribute, ObpError> {
    store
        .customer_attribute(attribute_id)?
        .ok_or_else(|| ObpError::bad_request(CUSTOMER_ATTRIBUTE_NOT_FOUND))
}

/// `POST /banks/BANK_ID/customers/CUSTOMER_ID/attribute`: 201 CustomerAttribute; always a new row.
async fn create(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ObpError> {
    let store = state.store();
    let roles = &[
        roles::CAN_CREATE_CUSTOMER_ATTRIBUTE_AT_ONE_BANK,
        roles::CAN_CREATE_CUSTOMER_ATTRIBUTE_AT_ANY_BANK,
    ];
    let (_, posted) = customer_at_bank(&store, &user, (&bank_id, &customer_id), roles, || {
        parse_attribute(&body)
    })?;
    let attribute = CustomerAttribute {
        customer_attribute_id: uuid::Uuid::new_v4().to_string(),
        name: posted.name,
        kind: posted.kind,
        value: posted.value,
    };
    store.save_customer_attribute(&bank_id, &customer_id, &attribute)?;
    Ok(json(StatusCode::CREATED, &attribute))
}

/// `GET /banks/BANK_ID/customers/CUSTOMER_ID/attributes`: 200 `{"customer_attributes": […]}`.
async fn list(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id)): Path<(String, String)>,
) -> Result<Response, ObpError> {
    let store = state.store();
    let roles = &[
        roles::CAN_GET_CUSTOMER_ATTRIBUTES_AT_ONE_BANK,
        roles::CAN_GET_CUSTOMER_ATTRIBUTES_AT_ANY_BANK,
    ];
    customer_at_bank(&store, &user, (&bank_id, &customer_id), roles, || Ok(()))?;
    let customer_attributes = store.customer_attributes(&bank_id, &customer_id)?;
    Ok(json(
        StatusCode::OK,
        &AttributesJson {
            customer_attributes,
        },
    ))
}

/// `GET /banks/BANK_ID/customers/CUSTOMER_ID/attributes/ATTRIBUTE_ID`: 200 CustomerAttribute.
async fn get_by_id(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id, attribute_id)): Path<(String, String, String)>,
) -> Result<Response, ObpError> {
    let store = state.store();
    let roles = &[
        roles::CAN_GET_CUSTOMER_ATTRIBUTE_AT_ONE_BANK,
        roles::CAN_GET_CUSTOMER_ATTRIBUTE_AT_ANY_BANK,
    ];
    customer_at_bank(&store, &user, (&bank_id, &customer_id), roles, || Ok(()))?;
    Ok(json(StatusCode::OK, &attribute(&store, &attribute_id)?))
}

/// `PUT /banks/BANK_ID/customers/CUSTOMER_ID/attributes/ATTRIBUTE_ID`: 200 CustomerAttribute.
/// Name, type and value are all replaced, and the attribute is re-bound to the URL's bank and customer.
async fn update(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id, attribute_id)): Path<(String, String, String)>,
    body: Bytes,
) -> Result<Response, ObpError> {
    let store = state.store();
    let roles = &[
        roles::CAN_UPDATE_CUSTOMER_ATTRIBUTE_AT_ONE_BANK,
        roles::CAN_UPDATE_CUSTOMER_ATTRIBUTE_AT_ANY_BANK,
    ];
    let (_, posted) = customer_at_bank(&store, &user, (&bank_id, &customer_id), roles, || {
        parse_attribute(&body)
    })?;
    let existing = attribute(&store, &attribute_id)?;
    let updated = CustomerAttribute {
        customer_attribute_id: existing.customer_attribute_id,
        name: posted.name,
        kind: posted.kind,
        value: posted.value,
    };
    store.save_customer_attribute(&bank_id, &customer_id, &updated)?;
    Ok(json(StatusCode::OK, &updated))
}

/// `DELETE /banks/BANK_ID/customers/attributes/ATTRIBUTE_ID`: 204 with an empty body, whether or
/// not the attribute existed (OBP bulk-deletes by id).
async fn remove(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, attribute_id)): Path<(String, String)>,
) -> Result<Response, ObpError> {
    let store = state.store();
    let roles = &[
        roles::CAN_DELETE_CUSTOMER_ATTRIBUTE_AT_ONE_BANK,
        roles::CAN_DELETE_CUSTOMER_ATTRIBUTE_AT_ANY_BANK,
    ];
    authorize(&store, &user, &bank_id, RoleCheck::Any(roles))?;
    store.delete_customer_attribute(&attribute_id)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
