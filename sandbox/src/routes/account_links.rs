//! Customer–account links (v5.0.0): create, list by customer or by account, get, update the
//! relationship type, delete (204).
//!
//! Roles are checked the v4+ way (`…roles: CanX for BankId(BANK_ID).`) right after the bank; an
//! unknown link id is 400 OBP-30225.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::{Deserialize, Serialize};

use crate::db::{CustomerAccountLink, Store, User};
use crate::http::json;
use crate::obp_error::ObpError;
use crate::roles;
use crate::routes::{
    authorize, check_obp_ids, customer_request, parse_body, require_customer, require_same_bank,
    RoleCheck,
};
use crate::state::AppState;

/// OBP-30018 (404); OBP appends " Current BankId is BANK_ID and Current AccountId is ACCOUNT_ID".
pub const BANK_ACCOUNT_NOT_FOUND: &str =
    "OBP-30018: Bank Account not found. Please specify valid values for BANK_ID and ACCOUNT_ID. ";
/// OBP-30223, a customer already linked to the account (400).
pub const ACCOUNT_ALREADY_LINKED: &str =
    "OBP-30223: The Account is already linked to a Customer at the bank specified by BANK_ID";
/// OBP-30225, an unknown CUSTOMER_ACCOUNT_LINK_ID (400).
pub const LINK_NOT_FOUND: &str =
    "OBP-30225: Customer Account Link not found. Please specify valid values for CUSTOMER_ACCOUNT_LINK_ID.";

/// The customer–account link routes, relative to `/obp/v5.1.0`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/banks/{bank_id}/customer-account-links", post(create))
        .route(
            "/banks/{bank_id}/customer-account-links/{link_id}",
            get(get_by_id).put(update).delete(remove),
        )
        .route(
            "/banks/{bank_id}/customers/{customer_id}/customer-account-links",
            get(by_customer),
        )
        .route(
            "/banks/{bank_id}/accounts/{account_id}/customer-account-links",
            get(by_account),
        )
}

/// CreateCustomerAccountLinkJson.
#[derive(Deserialize)]
struct PostLink {
    customer_id: String,
    bank_id: String,
    account_id: String,
    relationship_type: String,
}

/// UpdateCustomerAccountLinkJson.
#[derive(Deserialize)]
struct PutLink {
    relationship_type: String,
}

#[derive(Serialize)]
struct LinksJson {
    links: Vec<CustomerAccountLink>,
}

fn link(store: &Store, link_id: &str) -> Result<CustomerAccountLink, ObpError> {
    store
        .customer_account_link(link_id)?
        .ok_or_else(|| ObpError::bad_request(LINK_NOT_FOUND))
}

/// `POST /banks/BANK_ID/customer-account-links`: 201 CustomerAccountLink. The customer must be at
/// BANK_ID (400), the account must exist there (404 OBP-30018), the pair must be new (400 OBP-30223).
async fn create(
    State(state): State<AppState>,
    user: User,
    Path(bank_id): Path<String>,
    body: Bytes,
) -> Result<Response, ObpError> {
    check_obp_ids(&body)?;
    let store = state.store();
    let check = RoleCheck::Any(&[roles::CAN_CREATE_CUSTOMER_ACCOUNT_LINK]);
    authorize(&store, &user, &bank_id, check)?;
    let posted: PostLink = parse_body(&body, "CreateCustomerAccountLinkJson")?;
    let customer = require_customer(&store, &posted.customer_id)?;
    require_same_bank(&customer, &bank_id)?;
    if !store.account_exists(&bank_id, &posted.account_id)? {
        return Err(ObpError::new(
            StatusCode::NOT_FOUND,
            format!(
                "{BANK_ACCOUNT_NOT_FOUND} Current BankId is {bank_id} and Current AccountId is {}",
                posted.account_id
            ),
        ));
    }
    if store.customer_account_link_exists(&posted.customer_id, &posted.account_id)? {
        return Err(ObpError::bad_request(ACCOUNT_ALREADY_LINKED));
    }
    let created = CustomerAccountLink {
        customer_account_link_id: uuid::Uuid::new_v4().to_string(),
        customer_id: posted.customer_id,
        bank_id: posted.bank_id,
        account_id: posted.account_id,
        relationship_type: posted.relationship_type,
    };
    store.insert_customer_account_link(&created)?;
    Ok(json(StatusCode::CREATED, &created))
}

/// `GET /banks/BANK_ID/customers/CUSTOMER_ID/customer-account-links`: 200 `{"links": […]}`.
async fn by_customer(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id)): Path<(String, String)>,
) -> Result<Response, ObpError> {
    let store = state.store();
    let check = RoleCheck::Any(&[roles::CAN_GET_CUSTOMER_ACCOUNT_LINKS]);
    let (customer, ()) = customer_request(&store, &user, &bank_id, check, &customer_id, || Ok(()))?;
    require_same_bank(&customer, &bank_id)?;
    let links = store.customer_account_links_by_customer(&customer_id)?;
    Ok(json(StatusCode::OK, &LinksJson { links }))
}

/// `GET /banks/BANK_ID/accounts/ACCOUNT_ID/customer-account-links`: 200 `{"links": […]}` (OBP
/// does not check that the account exists).
async fn by_account(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, account_id)): Path<(String, String)>,
) -> Result<Response, ObpError> {
    let store = state.store();
    let check = RoleCheck::Any(&[roles::CAN_GET_CUSTOMER_ACCOUNT_LINKS]);
    authorize(&store, &user, &bank_id, check)?;
    let links = store.customer_account_links_by_account(&bank_id, &account_id)?;
    Ok(json(StatusCode::OK, &LinksJson { links }))
}

/// `GET /banks/BANK_ID/customer-account-links/LINK_ID`: 200 CustomerAccountLink.
async fn get_by_id(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, link_id)): Path<(String, String)>,
) -> Result<Response, ObpError> {
    let store = state.store();
    let check = RoleCheck::Any(&[roles::CAN_GET_CUSTOMER_ACCOUNT_LINK]);
    authorize(&store, &user, &bank_id, check)?;
    Ok(json(StatusCode::OK, &link(&store, &link_id)?))
}

/// `PUT /banks/BANK_ID/customer-account-links/LINK_ID`: 200 CustomerAccountLink; only
/// `relationship_type` changes.
async fn update(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, link_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ObpError> {
    let store = state.store();
    let check = RoleCheck::Any(&[roles::CAN_UPDATE_CUSTOMER_ACCOUNT_LINK]);
    authorize(&store, &user, &bank_id, check)?;
    let posted: PutLink = parse_body(&body, "UpdateCustomerAccountLinkJson")?;
    let existing = link(&store, &link_id)?;
    store.update_customer_account_link(&link_id, &posted.relationship_type)?;
    let updated = CustomerAccountLink {
        relationship_type: posted.relationship_type,
        ..existing
    };
    Ok(json(StatusCode::OK, &updated))
}

/// `DELETE /banks/BANK_ID/customer-account-links/LINK_ID`: 204 with an empty body.
async fn remove(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, link_id)): Path<(String, String)>,
) -> Result<Response, ObpError> {
    let store = state.store();
    let check = RoleCheck::Any(&[roles::CAN_DELETE_CUSTOMER_ACCOUNT_LINK]);
    authorize(&store, &user, &bank_id, check)?;
    link(&store, &link_id)?;
    store.delete_customer_account_link(&link_id)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
