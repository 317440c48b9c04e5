//! Customer addresses (v3.1.0): create, list, update and delete.
//!
//! Real OBP passes the posted `state` into the `status` column on create and update, so its
//! `status` echoes `state`. The sandbox stores and returns `status` as sent; clients must not rely
//! on either behaviour.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{post, put};
use axum::Router;
use serde::Deserialize;

use crate::dates::Timestamp;
use crate::db::{Address, User};
use crate::http::json;
use crate::obp_error::ObpError;
use crate::roles;
use crate::routes::{customer_request, parse_body, RoleCheck};
use crate::state::AppState;

/// OBP-30310, the text of an unknown CUSTOMER_ADDRESS_ID (400).
pub const CUSTOMER_ADDRESS_NOT_FOUND: &str =
    "OBP-30310: Customer's Address not found by CUSTOMER_ADDRESS_ID. ";

/// The address routes, relative to `/obp/v5.1.0`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/banks/{bank_id}/customers/{customer_id}/address",
            post(create),
        )
        .route(
            "/banks/{bank_id}/customers/{customer_id}/addresses",
            axum::routing::get(list),
        )
        .route(
            "/banks/{bank_id}/customers/{customer_id}/addresses/{address_id}",
            put(update).delete(delete),
        )
}

/// PostCustomerAddressJsonV310: every field required.
#[derive(Deserialize)]
struct PostAddress {
    line_1: String,
    line_2: String,
    line_3: String,
    city: String,
    county: String,
    state: String,
    postcode: String,
    country_code: String,
    tags: Vec<String>,
    status: String,
}

impl PostAddress {
    fn parse(body: &[u8]) -> Result<PostAddress, ObpError> {
        parse_body(body, "PostCustomerAddressJsonV310")
    }

    fn into_address(
        self,
        customer_address_id: String,
        customer_id: String,
        insert_date: Timestamp,
    ) -> Address {
        Address {
            customer_address_id,
            customer_id,
            line_1: self.line_1,
            line_2: self.line_2,
            line_3: self.line_3,
            city: self.city,
            county: self.county,
            state: self.state,
            postcode: self.postcode,
            country_code: self.country_code,
            tags: self.tags,
            status: self.status,
            insert_date,
        }
    }
}

#[derive(serde::Serialize)]
struct AddressesJson {
    addresses: Vec<Address>,
}

fn not_found() -> ObpError {
    ObpError::bad_request(CUSTOMER_ADDRESS_NOT_FOUND)
}

/// `POST /banks/BANK_ID/customers/CUSTOMER_ID/address`: 201 Address.
async fn create(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ObpError> {
    let store = state.store();
    let check = RoleCheck::AtBank(roles::CAN_CREATE_CUSTOMER_ADDRESS);
    let (customer, posted) =
        customer_request(&store, &user, &bank_id, check, &customer_id, || {
            PostAddress::parse(&body)
        })?;
    let address = posted.into_address(
        uuid::Uuid::new_v4().to_string(),
        customer.customer_id,
        Timestamp::now(),
    );
    store.save_address(&address)?;
    Ok(json(StatusCode::CREATED, &address))
}

/// `GET /banks/BANK_ID/customers/CUSTOMER_ID/addresses`: 200 `{"addresses": [Address]}`.
async fn list(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id)): Path<(String, String)>,
) -> Result<Response, ObpError> {
    let store = state.store();
    let check = RoleCheck::AtBank(roles::CAN_GET_CUSTOMER_ADDRESS);
    customer_request(&store, &user, &bank_id, check, &customer_id, || Ok(()))?;
    let addresses = store.addresses(&customer_id)?;
    Ok(json(StatusCode::OK, &AddressesJson { addresses }))
}

/// `PUT /banks/BANK_ID/customers/CUSTOMER_ID/addresses/ADDRESS_ID`: 200 Address, every field
/// replaced. OBP's code checks CanCreateCustomer (its doc lists no role).
async fn update(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id, address_id)): Path<(String, String, String)>,
    body: Bytes,
) -> Result<Response, ObpError> {
    let store = state.store();
    let check = RoleCheck::AtBank(roles::CAN_CREATE_CUSTOMER);
    let (_, posted) = customer_request(&store, &user, &bank_id, check, &customer_id, || {
        PostAddress::parse(&body)
    })?;
    let existing = store.address(&address_id)?.ok_or_else(not_found)?;
    let address = posted.into_address(address_id, existing.customer_id, existing.insert_date);
    store.save_address(&address)?;
    Ok(json(StatusCode::OK, &address))
}

/// `DELETE /banks/BANK_ID/customers/CUSTOMER_ID/addresses/ADDRESS_ID`: 200 `true`.
async fn delete(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id, address_id)): Path<(String, String, String)>,
) -> Result<Response, ObpError> {
    let store = state.store();
    let check = RoleCheck::AtBank(roles::CAN_DELETE_CUSTOMER_ADDRESS);
    customer_request(&store, &user, &bank_id, check, &customer_id, || Ok(()))?;
    if !store.delete_address(&address_id)? {
        return Err(not_found());
    }
    Ok(json(StatusCode::OK, &true))
}
