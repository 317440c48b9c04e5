//! Customer attribute definitions (v4.0.0): upsert (PUT, 201 both ways), list and delete.
//!
//! The upsert is keyed on (bank, name, category); the list is every Customer definition at every
//! bank (OBP does not filter by BANK_ID).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{delete, put};
use axum::Router;
use serde::{Deserialize, Serialize};

use crate::db::{AttributeDefinition, User};
use crate::http::json;
use crate::obp_error::{msg, ObpError};
use crate::roles;
use crate::routes::attributes::ATTRIBUTE_TYPES;
use crate::routes::{authorize, parse_body, RoleCheck};
use crate::state::AppState;

/// The only category these endpoints handle.
pub const CUSTOMER_CATEGORY: &str = "Customer";

/// OBP-30071, the text of an unknown ATTRIBUTE_DEFINITION_ID (400).
pub const ATTRIBUTE_DEFINITION_NOT_FOUND: &str =
    "OBP-30071: Attribute Definition not found. Please specify a valid value for ATTRIBUTE_DEFINITION_ID.";

/// The attribute definition routes, relative to `/obp/v5.1.0`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/banks/{bank_id}/attribute-definitions/customer",
            put(upsert).get(list),
        )
        .route(
            "/banks/{bank_id}/attribute-definitions/{definition_id}/customer",
            delete(remove),
        )
}

/// AttributeDefinitionJsonV400: every field required.
#[derive(Deserialize)]
struct PutDefinition {
    name: String,
    category: String,
    #[serde(rename = "type")]
    kind: String,
    description: String,
    alias: String,
    can_be_seen_on_views: Vec<String>,
    is_active: bool,
}

#[derive(Serialize)]
struct DefinitionsJson {
    attributes: Vec<AttributeDefinition>,
}

/// Reads the body and checks `type`, then `category` (400 OBP-10001 with OBP's texts).
fn parse_definition(body: &[u8]) -> Result<PutDefinition, ObpError> {
    let posted: PutDefinition = parse_body(body, "AttributeDefinitionJsonV400")?;
    if !ATTRIBUTE_TYPES.contains(&posted.kind.as_str()) {
        // OBP's text really has "INTEGER (123)and".
        return Err(ObpError::bad_request(format!(
            "{} The `Type` field can only accept the following field: DOUBLE(12.1234), STRING(TAX_NUMBER), INTEGER (123)and DATE_WITH_DAY(2012-04-23)",
            msg::INVALID_JSON_FORMAT
        )));
    }
    if posted.category != CUSTOMER_CATEGORY {
        return Err(ObpError::bad_request(format!(
            "{} The `Category` field can only accept the following field: {CUSTOMER_CATEGORY}",
            msg::INVALID_JSON_FORMAT
        )));
    }
    Ok(posted)
}

/// `PUT /banks/BANK_ID/attribute-definitions/customer`: 201 AttributeDefinition (create or update).
async fn upsert(
    State(state): State<AppState>,
    user: User,
    Path(bank_id): Path<String>,
    body: Bytes,
) -> Result<Response, ObpError> {
    let store = state.store();
    authorize(
        &store,
        &user,
        &bank_id,
        RoleCheck::Any(&[roles::CAN_CREATE_CUSTOMER_ATTRIBUTE_DEFINITION_AT_ONE_BANK]),
    )?;
    let posted = parse_definition(&body)?;
    let saved = store.upsert_attribute_definition(&AttributeDefinition {
        attribute_definition_id: uuid::Uuid::new_v4().to_string(),
        bank_id,
        name: posted.name,
        category: posted.category,
        kind: posted.kind,
        description: posted.description,
        alias: posted.alias,
        can_be_seen_on_views: posted.can_be_seen_on_views,
        is_active: posted.is_active,
    })?;
    Ok(json(StatusCode::CREATED, &saved))
}

/// `GET /banks/BANK_ID/attribute-definitions/customer`: 200 `{"attributes": [AttributeDefinition]}`.
async fn list(
    State(state): State<AppState>,
    user: User,
    Path(bank_id): Path<String>,
) -> Result<Response, ObpError> {
    let store = state.store();
    authorize(
        &store,
        &user,
        &bank_id,
        RoleCheck::Any(&[roles::CAN_GET_CUSTOMER_ATTRIBUTE_DEFINITION_AT_ONE_BANK]),
    )?;
    let attributes = store.attribute_definitions(CUSTOMER_CATEGORY)?;
    Ok(json(StatusCode::OK, &DefinitionsJson { attributes }))
}

/// `DELETE /banks/BANK_ID/attribute-definitions/DEFINITION_ID/customer`: 200 `true`.
async fn remove(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, definition_id)): Path<(String, String)>,
) -> Result<Response, ObpError> {
    let store = state.store();
    authorize(
        &store,
        &user,
        &bank_id,
        RoleCheck::Any(&[roles::CAN_DELETE_CUSTOMER_ATTRIBUTE_DEFINITION_AT_ONE_BANK]),
    )?;
    if !store.delete_attribute_definition(&definition_id, CUSTOMER_CATEGORY)? {
        return Err(ObpError::bad_request(ATTRIBUTE_DEFINITION_NOT_FOUND));
    }
    Ok(json(StatusCode::OK, &true))
}
