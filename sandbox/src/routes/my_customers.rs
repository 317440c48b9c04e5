//! The customers linked to the logged-in user through user–customer links: My Customers (v5.0.0,
//! Customer210, at every bank or at BANK_ID) and Customers for Current User (v3.0.0,
//! Customer300+attrs; v5.1.0, ids only). Login is the only requirement; a user without links gets
//! an empty list. Customers come in the order they were created.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde::Serialize;

use crate::db::User;
use crate::obp_error::ObpError;
use crate::routes::banks;
use crate::routes::customers::{customer_210, customer_300, customers_reply, with_attributes};
use crate::state::AppState;

/// The current user's customer routes, relative to `/obp/v5.1.0`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/my/customers", get(mine))
        .route("/banks/{bank_id}/my/customers", get(mine_at_bank))
        .route("/users/current/customers", get(for_current_user))
        .route(
            "/users/current/customers/customer_ids",
            get(ids_for_current_user),
        )
}

/// CustomerIdJson (v5.1.0).
#[derive(Serialize)]
struct CustomerIdJson<'a> {
    id: &'a str,
}

/// `GET /my/customers`: 200 `{"customers": [Customer210]}` from every bank.
async fn mine(State(state): State<AppState>, user: User) -> Result<Response, ObpError> {
    let customers = state.store().customers_of_user(&user.user_id)?;
    Ok(customers_reply(
        StatusCode::OK,
        customers.iter().map(customer_210),
    ))
}

/// `GET /banks/BANK_ID/my/customers`: 200 `{"customers": [Customer210]}` at BANK_ID; unknown bank
/// 404 OBP-30001.
async fn mine_at_bank(
    State(state): State<AppState>,
    user: User,
    Path(bank_id): Path<String>,
) -> Result<Response, ObpError> {
    let store = state.store();
    banks::require(&store, &bank_id)?;
    let customers = store.customers_of_user(&user.user_id)?;
    Ok(customers_reply(
        StatusCode::OK,
        customers
            .iter()
            .filter(|customer| customer.bank_id == bank_id)
            .map(customer_210),
    ))
}

/// `GET /users/current/customers`: 200 `{"customers": [Customer300+attrs]}`, each with its
/// attributes at its own bank.
async fn for_current_user(State(state): State<AppState>, user: User) -> Result<Response, ObpError> {
    let store = state.store();
    let customers = store.customers_of_user(&user.user_id)?;
    let attributes = customers
        .iter()
        .map(|customer| store.customer_attributes(&customer.bank_id, &customer.customer_id))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(customers_reply(
        StatusCode::OK,
        customers
            .iter()
            .zip(&attributes)
            .map(|(customer, attributes)| with_attributes(customer_300(customer), attributes)),
    ))
}

/// `GET /users/current/customers/customer_ids`: 200 `{"customers": [{"id": CUSTOMER_ID}]}`.
async fn ids_for_current_user(
    State(state): State<AppState>,
    user: User,
) -> Result<Response, ObpError> {
    let customers = state.store().customers_of_user(&user.user_id)?;
    Ok(customers_reply(
        StatusCode::OK,
        customers.iter().map(|customer| CustomerIdJson {
            id: &customer.customer_id,
        }),
    ))
}
