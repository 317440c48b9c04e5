//! Customer messages: the v4.0.0 pair under `/customers/CUSTOMER_ID/messages` (roles, messages kept
//! against the customer) and the v1.4.0 pair under `/customer/…` (login only, messages kept against
//! the user linked to the customer and read back by that user).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::db::{CustomerMessage, Recipient, User};
use crate::http::json;
use crate::obp_error::ObpError;
use crate::roles;
use crate::routes::{
    banks, check_obp_ids, customer_request, parse_body, require_customer, success_created,
    RoleCheck,
};
use crate::state::AppState;

/// OBP-30008, a customer without a user–customer link (400); OBP appends the CUSTOMER_ID.
pub const USER_CUSTOMER_LINK_NOT_FOUND: &str = "OBP-30008: User Customer Link not found by USER_ID";

/// The message routes, relative to `/obp/v5.1.0`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/banks/{bank_id}/customers/{customer_id}/messages",
            post(create).get(list),
        )
        .route(
            "/banks/{bank_id}/customer/{customer_id}/messages",
            post(create_for_linked_user),
        )
        .route("/banks/{bank_id}/customer/messages", get(list_for_me))
}

/// CreateMessageJsonV400.
#[derive(Deserialize)]
struct PostMessageV400 {
    message: String,
    transport: String,
    from_department: String,
    from_person: String,
}

/// AddCustomerMessageJson (v1.4.0): no transport.
#[derive(Deserialize)]
struct PostMessageV140 {
    message: String,
    from_department: String,
    from_person: String,
}

#[derive(Serialize)]
struct MessagesJson<T> {
    messages: Vec<T>,
}

/// MessageV140: MessageV400 without `transport`.
#[derive(Serialize)]
struct MessageV140<'a> {
    id: &'a str,
    date: Timestamp,
    message: &'a str,
    from_department: &'a str,
    from_person: &'a str,
}

/// A message sent now.
fn new_message(
    transport: String,
    message: String,
    from_department: String,
    from_person: String,
) -> CustomerMessage {
    CustomerMessage {
        id: uuid::Uuid::new_v4().to_string(),
        date: Timestamp::now(),
        transport,
        message,
        from_department,
        from_person,
    }
}

/// `POST /banks/BANK_ID/customers/CUSTOMER_ID/messages` (v4.0.0): 201 `{"success":"Success"}`.
async fn create(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ObpError> {
    check_obp_ids(&body)?;
    let store = state.store();
    let check = RoleCheck::Any(&[roles::CAN_CREATE_CUSTOMER_MESSAGE]);
    let (customer, posted) =
        customer_request(&store, &user, &bank_id, check, &customer_id, || {
            parse_body::<PostMessageV400>(&body, "CreateMessageJsonV400")
        })?;
    let message = new_message(
        posted.transport,
        posted.message,
        posted.from_department,
        posted.from_person,
    );
    store.insert_message(
        &bank_id,
        Recipient::Customer(&customer.customer_id),
        &message,
    )?;
    Ok(success_created())
}

/// `GET /banks/BANK_ID/customers/CUSTOMER_ID/messages` (v4.0.0): 200 `{"messages": [MessageV400]}`,
/// the customer's messages at BANK_ID, newest first.
async fn list(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id)): Path<(String, String)>,
) -> Result<Response, ObpError> {
    let store = state.store();
    let check = RoleCheck::Any(&[roles::CAN_GET_CUSTOMER_MESSAGES]);
    let (customer, ()) = customer_request(&store, &user, &bank_id, check, &customer_id, || Ok(()))?;
    let messages = store.messages(&bank_id, Recipient::Customer(&customer.customer_id))?;
    Ok(json(StatusCode::OK, &MessagesJson { messages }))
}

/// `POST /banks/BANK_ID/customer/CUSTOMER_ID/messages` (v1.4.0): 201 `{"success":"Success"}`.
/// Checks the body, bank (404), customer (404), then keeps the message against the user of the
/// customer's first user–customer link (400 OBP-30008 when there is none).
async fn create_for_linked_user(
    State(state): State<AppState>,
    _user: User,
    Path((bank_id, customer_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ObpError> {
    let posted: PostMessageV140 = parse_body(&body, "AddCustomerMessageJson")?;
    let store = state.store();
    banks::require(&store, &bank_id)?;
    require_customer(&store, &customer_id)?;
    let link = store
        .user_customer_links_by_customer(&customer_id)?
        .into_iter()
        .next()
        .ok_or_else(|| {
            ObpError::bad_request(format!(
                "{USER_CUSTOMER_LINK_NOT_FOUND} Current customerId ({customer_id})"
            ))
        })?;
    let message = new_message(
        String::new(),
        posted.message,
        posted.from_department,
        posted.from_person,
    );
    store.insert_message(&bank_id, Recipient::User(&link.user_id), &message)?;
    Ok(success_created())
}

/// `GET /banks/BANK_ID/customer/messages` (v1.4.0): 200 `{"messages": [MessageV140]}`, the messages
/// kept against the logged-in user at BANK_ID, newest first.
async fn list_for_me(
    State(state): State<AppState>,
    user: User,
    Path(bank_id): Path<String>,
) -> Result<Response, ObpError> {
    let store = state.store();
    banks::require(&store, &bank_id)?;
    let messages = store.messages(&bank_id, Recipient::User(&user.user_id))?;
    let messages = messages
        .iter()
        .map(|m| MessageV140 {
            id: &m.id,
            date: m.date,
            message: &m.message,
            from_department: &m.from_department,
            from_person: &m.from_person,
        })
        .collect();
    Ok(json(StatusCode::OK, &MessagesJson { messages }))
}
