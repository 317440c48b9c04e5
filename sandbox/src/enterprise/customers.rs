//! The customer endpoints: a paged list, create, get, full replace and delete, each within a
//! profile. Checks run in this order: bearer token (401), profile (404), customer (404), then the
//! query or body (400).

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;

use super::auth::Authorized;
use super::{input, ApiError, FieldError};
use crate::dates::{iso_millis, now_millis};
use crate::db::enterprise::Customer;
use crate::db::Store;
use crate::http::json;
use crate::http::Query;
use crate::state::AppState;

/// The page size when `size` is not given.
const DEFAULT_SIZE: u64 = 20;
/// The largest page size.
const MAX_SIZE: u64 = 100;

/// The list response: `pages` is `ceil(count / size)`; a page past the last has empty `data`.
#[derive(Serialize)]
struct PageJson {
    page: u64,
    pages: u64,
    size: u64,
    count: u64,
    data: Vec<Customer>,
}

/// `page` (0-based, default 0, at most `u32::MAX`) and `size` (1..=100, default 20) of a list request, or 400 naming
/// each bad one. An empty value counts as absent.
fn paging(query: Option<&str>) -> Result<(u64, u64), ApiError> {
    let query = Query::parse(query);
    let mut errors = Vec::new();
    let mut number = |name: &str, default: u64, valid: fn(u64) -> bool, message: &str| match query
        .value(name)
        .map(str::parse::<u64>)
    {
        None => default,
        Some(Ok(number)) if valid(number) => number,
        Some(_) => {
            errors.push(FieldError::new(name, message));
            default
        }
    };
    let page = number(
        "page",
        0,
        |page| u32::try_from(page).is_ok(),
        "Must be a whole number from 0 to 4294967295.",
    );
    let size = number(
        "size",
        DEFAULT_SIZE,
        |size| (1..=MAX_SIZE).contains(&size),
        "Must be a whole number from 1 to 100.",
    );
    if errors.is_empty() {
        Ok((page, size))
    } else {
        Err(ApiError::invalid("Invalid paging parameters.", errors))
    }
}

fn require_profile(store: &Store, profile_id: &str) -> Result<(), ApiError> {
    if store.enterprise_profile_exists(profile_id)? {
        Ok(())
    } else {
        Err(ApiError::not_found(format!(
            "Profile {profile_id} not found."
        )))
    }
}

fn require_customer(store: &Store, profile_id: &str, id: &str) -> Result<Customer, ApiError> {
    require_profile(store, profile_id)?;
    store.enterprise_customer(profile_id, id)?.ok_or_else(|| {
        ApiError::not_found(format!("Customer {id} not found in profile {profile_id}."))
    })
}

/// Stores a created or replaced customer and answers 200 with it.
fn save(store: &Store, profile_id: &str, customer: Customer) -> Result<Response, ApiError> {
    store.save_enterprise_customer(profile_id, &customer)?;
    Ok(json(StatusCode::OK, &customer))
}

/// `GET /v1/profiles/{profile_id}/customers?page=&size=`: 200 `{page, pages, size, count, data}`,
/// newest `created` first.
pub(super) async fn list(
    State(state): State<AppState>,
    _: Authorized,
    Path(profile_id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let store = state.store();
    require_profile(&store, &profile_id)?;
    let (page, size) = paging(query.as_deref())?;
    let count = store.enterprise_customer_count(&profile_id)?;
    let data = store.enterprise_customers(&profile_id, size, page * size)?;
    let body = PageJson {
        page,
        pages: count.div_ceil(size),
        size,
        count,
        data,
    };
    Ok(json(StatusCode::OK, &body))
}

/// `POST /v1/profiles/{profile_id}/customers`: 200 with the new customer (the documentation
/// says 200, not 201), its `id` and `created` set by the server.
pub(super) async fn create(
    State(state): State<AppState>,
    _: Authorized,
    Path(profile_id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let store = state.store();
    require_profile(&store, &profile_id)?;
    let customer = Customer {
        id: uuid::Uuid::new_v4().to_string(),
        details: input::details(&body)?,
        created: iso_millis(now_millis()),
    };
    save(&store, &profile_id, customer)
}

/// `GET /v1/profiles/{profile_id}/customers/{customer_id}`: 200 with the customer.
pub(super) async fn get(
    State(state): State<AppState>,
    _: Authorized,
    Path((profile_id, id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let store = state.store();
    let customer = require_customer(&store, &profile_id, &id)?;
    Ok(json(StatusCode::OK, &customer))
}

/// `PUT /v1/profiles/{profile_id}/customers/{customer_id}`: replaces every client-set field (what
/// the body leaves out becomes `null`); 200 with the updated customer.
pub(super) async fn replace(
    State(state): State<AppState>,
    _: Authorized,
    Path((profile_id, id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let store = state.store();
    let existing = require_customer(&store, &profile_id, &id)?;
    let customer = Customer {
        details: input::details(&body)?,
        ..existing
    };
    save(&store, &profile_id, customer)
}

/// `DELETE /v1/profiles/{profile_id}/customers/{customer_id}`: 200 with the deleted customer.
pub(super) async fn delete(
    State(state): State<AppState>,
    _: Authorized,
    Path((profile_id, id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let store = state.store();
    let customer = require_customer(&store, &profile_id, &id)?;
    store.delete_enterprise_customer(&profile_id, &id)?;
    Ok(json(StatusCode::OK, &customer))
}

#[cfg(test)]
mod tests {
    use axum::response::IntoResponse;
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn any_query_is_a_page_or_a_400(raw in any::<String>(), number in "-?[0-9]{1,30}") {
            let queries = [raw.clone(), format!("page={number}&size={number}"), format!("page={raw}")];
            for query in queries {
                if let Err(error) = paging(Some(&query)) {
                    prop_assert_eq!(error.into_response().status(), StatusCode::BAD_REQUEST);
                }
            }
        }

        #[test]
        fn pages_and_sizes_round_trip(
            page in prop_oneof![0..=u64::from(u32::MAX) + 1, any::<u64>()],
            size in prop_oneof![0..=MAX_SIZE + 1, any::<u64>()],
        ) {
            let parsed = paging(Some(&format!("size={size}&page={page}")));
            let valid = u32::try_from(page).is_ok() && (1..=MAX_SIZE).contains(&size);
            prop_assert_eq!(parsed.ok(), valid.then_some((page, size)));
        }
    }
}
