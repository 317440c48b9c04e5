//! KYC (v2.0.0): add checks (`/kyc_check/ID`), documents and media (create-or-update by the id in
//! the path) and statuses (`/kyc_statuses`, one per bank and customer), and list each kind for a
//! customer at `/customers/CUSTOMER_ID/…`, with no bank in the path.
//!
//! The PUTs check what OBP's code checks, in its order: login, the role at BANK_ID (403, so an
//! unknown bank is a 403 before it is a 404), the bank (404 OBP-30001), the customer (404 OBP-30046,
//! at any bank), then the body (400 OBP-10001); 201 whether they create or update. The GETs check
//! login, a system role, then the customer.
//!
//! Adding a status does not touch the customer's own `kyc_status`: OBP's mapped connector only
//! stores the status row, so neither does the sandbox.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, put};
use axum::Router;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::db::{KycCheck, KycDocument, KycMedia, KycRecord, KycStatus, KycUrl, User};
use crate::http::json;
use crate::obp_error::ObpError;
use crate::roles::{self, Role};
use crate::routes::{banks, parse_body, require_customer};
use crate::state::AppState;

/// The KYC routes, relative to `/obp/v5.1.0`.
pub fn routes() -> Router<AppState> {
    const CUSTOMER: &str = "/banks/{bank_id}/customers/{customer_id}";
    Router::new()
        .route(
            &format!("{CUSTOMER}/kyc_check/{{id}}"),
            put(add::<KycCheck>),
        )
        .route(
            &format!("{CUSTOMER}/kyc_documents/{{id}}"),
            put(add::<KycDocument>),
        )
        .route(
            &format!("{CUSTOMER}/kyc_media/{{id}}"),
            put(add::<KycMedia>),
        )
        .route(&format!("{CUSTOMER}/kyc_statuses"), put(add_status))
        .route("/customers/{customer_id}/kyc_checks", get(list::<KycCheck>))
        .route(
            "/customers/{customer_id}/kyc_documents",
            get(list::<KycDocument>),
        )
        .route("/customers/{customer_id}/kyc_media", get(list::<KycMedia>))
        .route(
            "/customers/{customer_id}/kyc_statuses",
            get(list::<KycStatus>),
        )
}

/// What tells the four KYC kinds apart at the API. The request body of each is the record without
/// its URL fields (PostKycCheckJSON, … in OBP).
trait KycKind: KycRecord + Serialize + DeserializeOwned + Send + 'static {
    /// The bank-level role adding one needs.
    const ADD_ROLE: Role;
    /// The system role listing them needs.
    const GET_ROLE: Role;
    /// The key of the list wrapper.
    const LIST_KEY: &'static str;
    /// The case class OBP names when the body does not fit.
    const CASE_CLASS: &'static str;
}

impl KycKind for KycCheck {
    const ADD_ROLE: Role = roles::CAN_ADD_KYC_CHECK;
    const GET_ROLE: Role = roles::CAN_GET_ANY_KYC_CHECKS;
    const LIST_KEY: &'static str = "checks";
    const CASE_CLASS: &'static str = "PostKycCheckJSON";
}

impl KycKind for KycDocument {
    const ADD_ROLE: Role = roles::CAN_ADD_KYC_DOCUMENT;
    const GET_ROLE: Role = roles::CAN_GET_ANY_KYC_DOCUMENTS;
    const LIST_KEY: &'static str = "documents";
    const CASE_CLASS: &'static str = "PostKycDocumentJSON";
}

impl KycKind for KycMedia {
    const ADD_ROLE: Role = roles::CAN_ADD_KYC_MEDIA;
    const GET_ROLE: Role = roles::CAN_GET_ANY_KYC_MEDIA;
    const LIST_KEY: &'static str = "medias";
    const CASE_CLASS: &'static str = "PostKycMediaJSON";
}

impl KycKind for KycStatus {
    const ADD_ROLE: Role = roles::CAN_ADD_KYC_STATUS;
    const GET_ROLE: Role = roles::CAN_GET_ANY_KYC_STATUSES;
    const LIST_KEY: &'static str = "statuses";
    const CASE_CLASS: &'static str = "PostKycStatusJSON";
}

/// `PUT /banks/BANK_ID/customers/CUSTOMER_ID/{kyc_check,kyc_documents,kyc_media}/ID`: 201 the record.
async fn add<K: KycKind>(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id, id)): Path<(String, String, String)>,
    body: Bytes,
) -> Result<Response, ObpError> {
    save::<K>(&state, &user, &bank_id, &customer_id, &id, &body)
}

/// `PUT /banks/BANK_ID/customers/CUSTOMER_ID/kyc_statuses`: 201 KycStatus, replacing the
/// customer's status at BANK_ID if there is one.
async fn add_status(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ObpError> {
    save::<KycStatus>(&state, &user, &bank_id, &customer_id, "", &body)
}

/// The PUTs' checks in OBP's order (role, bank, customer, body), then the create-or-update.
fn save<K: KycKind>(
    state: &AppState,
    user: &User,
    bank_id: &str,
    customer_id: &str,
    id: &str,
    body: &[u8],
) -> Result<Response, ObpError> {
    let store = state.store();
    user.require_at_bank(K::ADD_ROLE, bank_id)?;
    banks::require(&store, bank_id)?;
    let customer = require_customer(&store, customer_id)?;
    let posted: K = parse_body(body, K::CASE_CLASS)?;
    let record = posted.at(KycUrl {
        bank_id,
        customer_id: &customer.customer_id,
        id,
    });
    store.save_kyc(&record)?;
    Ok(json(StatusCode::CREATED, &record))
}

/// `GET /customers/CUSTOMER_ID/{kyc_checks,kyc_documents,kyc_media,kyc_statuses}`: 200
/// `{"checks"|"documents"|"medias"|"statuses": […]}` from every bank.
async fn list<K: KycKind>(
    State(state): State<AppState>,
    user: User,
    Path(customer_id): Path<String>,
) -> Result<Response, ObpError> {
    user.require_any(&[K::GET_ROLE], "")?;
    let store = state.store();
    require_customer(&store, &customer_id)?;
    let records: Vec<K> = store.kyc_records(&customer_id)?;
    Ok(json(
        StatusCode::OK,
        &HashMap::from([(K::LIST_KEY, records)]),
    ))
}
