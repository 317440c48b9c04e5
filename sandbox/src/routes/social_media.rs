//! Social media handles (v2.0.0): add and list. Handles are stored under the `customer_number` of
//! the body and listed by the number of the customer in the URL, as OBP does.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use axum::Router;
use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::db::{SocialMediaHandle, User};
use crate::http::json;
use crate::obp_error::{msg, ObpError};
use crate::roles;
use crate::routes::{customer_request, success_created, RoleCheck};
use crate::state::AppState;

/// The social media routes, relative to `/obp/v5.1.0`.
pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/banks/{bank_id}/customers/{customer_id}/social_media_handles",
        post(create).get(list),
    )
}

/// SocialMediaJSON: every field required.
#[derive(Deserialize)]
struct PostHandle {
    customer_number: String,
    #[serde(rename = "type")]
    kind: String,
    handle: String,
    date_added: Timestamp,
    date_activated: Timestamp,
}

/// The list wrapper; OBP really calls it `checks`.
#[derive(Serialize)]
struct HandlesJson {
    checks: Vec<SocialMediaHandle>,
}

/// `POST /banks/BANK_ID/customers/CUSTOMER_ID/social_media_handles`: 201 `{"success":"Success"}`.
/// OBP v2.0.0 reads the body first (400 with the bare OBP-10001 text), then bank, role, customer.
async fn create(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ObpError> {
    let posted: PostHandle = serde_json::from_slice(&body)
        .map_err(|_| ObpError::bad_request(msg::INVALID_JSON_FORMAT))?;
    let store = state.store();
    let check = RoleCheck::AtBank(roles::CAN_ADD_SOCIAL_MEDIA_HANDLE);
    customer_request(&store, &user, &bank_id, check, &customer_id, || Ok(()))?;
    let handle = SocialMediaHandle {
        customer_number: posted.customer_number,
        kind: posted.kind,
        handle: posted.handle,
        date_added: posted.date_added,
        date_activated: posted.date_activated,
    };
    store.insert_social_media_handle(&customer_id, &handle)?;
    Ok(success_created())
}

/// `GET /banks/BANK_ID/customers/CUSTOMER_ID/social_media_handles`: 200 `{"checks": [SocialMediaHandle]}`.
async fn list(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id)): Path<(String, String)>,
) -> Result<Response, ObpError> {
    let store = state.store();
    let check = RoleCheck::AtBank(roles::CAN_GET_SOCIAL_MEDIA_HANDLES);
    let (customer, ()) = customer_request(&store, &user, &bank_id, check, &customer_id, || Ok(()))?;
    let checks = store.social_media_handles(&customer.customer_number)?;
    Ok(json(StatusCode::OK, &HandlesJson { checks }))
}
