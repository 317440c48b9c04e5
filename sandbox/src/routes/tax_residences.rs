//! Tax residences (v3.1.0): create (`/tax-residence`), list (`/tax-residences`) and delete
//! (`/tax_residencies/ID`), with the roles OBP's code checks.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{delete, get, post};
use axum::Router;
use serde::{Deserialize, Serialize};

use crate::db::{TaxResidence, User};
use crate::http::json;
use crate::obp_error::ObpError;
use crate::roles;
use crate::routes::{customer_request, parse_body, RoleCheck};
use crate::state::AppState;

/// OBP-30300, the text of an unknown TAX_RESIDENCE_ID (400).
pub const TAX_RESIDENCE_NOT_FOUND: &str =
    "OBP-30300: Tax Residence not found by TAX_RESIDENCE_ID. ";

/// The tax residence routes, relative to `/obp/v5.1.0`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/banks/{bank_id}/customers/{customer_id}/tax-residence",
            post(create),
        )
        .route(
            "/banks/{bank_id}/customers/{customer_id}/tax-residences",
            get(list),
        )
        .route(
            "/banks/{bank_id}/customers/{customer_id}/tax_residencies/{tax_residence_id}",
            delete(remove),
        )
}

/// PostTaxResidenceJsonV310.
#[derive(Deserialize)]
struct PostTaxResidence {
    domain: String,
    tax_number: String,
}

/// The list wrapper; OBP's key is singular.
#[derive(Serialize)]
struct TaxResidencesJson {
    tax_residence: Vec<TaxResidence>,
}

/// `POST /banks/BANK_ID/customers/CUSTOMER_ID/tax-residence`: 201 TaxResidence.
async fn create(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ObpError> {
    let store = state.store();
    let check = RoleCheck::AtBank(roles::CAN_CREATE_TAX_RESIDENCE);
    let (customer, posted) =
        customer_request(&store, &user, &bank_id, check, &customer_id, || {
            parse_body::<PostTaxResidence>(&body, "PostTaxResidenceJsonV310")
        })?;
    let residence = TaxResidence {
        domain: posted.domain,
        tax_number: posted.tax_number,
        tax_residence_id: uuid::Uuid::new_v4().to_string(),
    };
    store.insert_tax_residence(&customer.customer_id, &residence)?;
    Ok(json(StatusCode::CREATED, &residence))
}

/// `GET /banks/BANK_ID/customers/CUSTOMER_ID/tax-residences`: 200 `{"tax_residence": [TaxResidence]}`.
async fn list(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id)): Path<(String, String)>,
) -> Result<Response, ObpError> {
    let store = state.store();
    let check = RoleCheck::AtBank(roles::CAN_GET_TAX_RESIDENCE);
    customer_request(&store, &user, &bank_id, check, &customer_id, || Ok(()))?;
    let tax_residence = store.tax_residences(&customer_id)?;
    Ok(json(StatusCode::OK, &TaxResidencesJson { tax_residence }))
}

/// `DELETE /banks/BANK_ID/customers/CUSTOMER_ID/tax_residencies/TAX_RESIDENCE_ID`: 200 `true`.
async fn remove(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id, tax_residence_id)): Path<(String, String, String)>,
) -> Result<Response, ObpError> {
    let store = state.store();
    let check = RoleCheck::AtBank(roles::CAN_DELETE_TAX_RESIDENCE);
    customer_request(&store, &user, &bank_id, check, &customer_id, || Ok(()))?;
    if !store.delete_tax_residence(&tax_residence_id)? {
        return Err(ObpError::bad_request(TAX_RESIDENCE_NOT_FOUND));
    }
    Ok(json(StatusCode::OK, &true))
}
