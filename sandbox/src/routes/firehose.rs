//! Get Firehose Customers (v3.1.0): bulk access to a bank's customers, paged like the customer
//! lists and windowed by when each customer last changed.
//!
//! Checks in OBP's order: login, whether the instance allows the firehose (400 OBP-00009; see
//! [`crate::Options::allow_customer_firehose`]), the system role (403), the bank (404), then the
//! query (`sort_direction`, `from_date`, `to_date`, `limit`, `offset`). Every other query parameter
//! filters the page by customer attribute: a customer stays when it holds any of the `NAME=VALUE`
//! pairs at the bank.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;

use crate::db::User;
use crate::http::Query;
use crate::obp_error::ObpError;
use crate::roles;
use crate::routes::customers::{customer_300, customers_reply};
use crate::routes::{banks, query};
use crate::state::AppState;

/// OBP-00009: OBP's code answers the customer firehose with the account firehose's message.
pub const FIREHOSE_NOT_ALLOWED: &str = "OBP-00009: Account firehose is not allowed on this instance. Please set allow_account_firehose = true in props files. ";

/// The parameters the firehose reads itself; any other one is an attribute filter.
const FIREHOSE_PARAMETERS: [&str; 5] =
    ["sort_direction", "limit", "offset", "from_date", "to_date"];

/// `GET /banks/BANK_ID/firehose/customers`: 200 `{"customers": [Customer300]}`, by `last_ok_date`
/// (newest first unless `sort_direction=ASC`), only customers changed between `from_date` and
/// `to_date` (inclusive; by default the epoch and the far future).
pub async fn customers(
    State(state): State<AppState>,
    user: User,
    Path(bank_id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, ObpError> {
    if !state.allow_customer_firehose() {
        return Err(ObpError::bad_request(FIREHOSE_NOT_ALLOWED));
    }
    user.require_any(&[roles::CAN_USE_CUSTOMER_FIREHOSE_AT_ANY_BANK], "")?;
    let store = state.store();
    banks::require(&store, &bank_id)?;
    let query = Query::parse(query.as_deref());
    let ascending = query::ascending(&query)?;
    let from_ms = query::date_ms(&query, "from_date")?.unwrap_or(0);
    let to_ms = query::date_ms(&query, "to_date")?.unwrap_or(i64::MAX);
    let page = query::page(&query, ascending)?;
    let mut customers = store.customers_updated_between(Some(&bank_id), page, from_ms, to_ms)?;
    let filters: Vec<(&str, &str)> = query.others(&FIREHOSE_PARAMETERS).collect();
    if !filters.is_empty() {
        let holders = store.customer_ids_with_any_attribute(&bank_id, &filters)?;
        customers.retain(|customer| holders.contains(&customer.customer_id));
    }
    Ok(customers_reply(
        StatusCode::OK,
        customers.iter().map(customer_300),
    ))
}
