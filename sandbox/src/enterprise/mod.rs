//! The Enterprise API sandbox: the customers endpoints of the "Enterprise API" (the second backend
//! Customer Console can use instead of OBP), over their own SQLite tables and demo data
//! ([`crate::seed::enterprise`]).
//!
//! | method and path | answer |
//! |---|---|
//! | `GET /v1/profiles/{profile_id}/customers?page=0&size=20` | 200 `{"page","pages","size","count","data":[Customer]}` |
//! | `POST /v1/profiles/{profile_id}/customers` | 200 the created Customer |
//! | `GET /v1/profiles/{profile_id}/customers/{customer_id}` | 200 the Customer |
//! | `PUT /v1/profiles/{profile_id}/customers/{customer_id}` | 200 the replaced Customer |
//! | `DELETE /v1/profiles/{profile_id}/customers/{customer_id}` | 200 the deleted Customer |
//!
//! - Customer: `{"id","company","first_name","last_name","email","phone","address":{"premise",
//!   "sub_premise","building","postal_code","thoroughfare","locality","state","country"},
//!   "created"}`, every key always present; what was not given is `null` (a missing address is
//!   `null`, not an object of `null`s). `id` is a UUID and `created` ISO-8601 UTC with
//!   milliseconds (`2024-09-25T12:01:00.103Z`), both set by the server.
//! - The list is ordered newest `created` first. `page` is 0-based (default 0), `size` 1..=100
//!   (default 20), `pages` is `ceil(count / size)` and a page past the last answers 200 with empty
//!   `data`; a `page` or `size` that is not such a number is 400.
//! - POST and PUT take the Customer's fields without `id` and `created` (ignored if sent); PUT
//!   replaces all of them, so a field left out becomes `null`. The rules are in `input.rs`.
//! - Every route needs `Authorization: Bearer <token>` (401 without or with an unknown token; see
//!   `auth.rs`); an unknown profile or customer is 404, and so is any other path under `/v1/`.
//! - Errors: see [`ApiError`] for the body. Checks run token, profile, customer, then query or body.
//! - The OBP middleware applies too: `--latency-ms` and `--fail-rate` (500 `internal_error`),
//!   CORS (the preflight also lists `Authorization`) and `Correlation-Id`.

mod auth;
mod customers;
mod error;
mod input;

use axum::routing::get;
use axum::Router;

pub use error::{ApiError, FieldError};

pub use crate::seed::enterprise::DEMO_TOKEN;

use crate::state::AppState;

/// Every Enterprise API path starts with this prefix.
pub const PREFIX: &str = "/v1";

/// Whether a path belongs to the Enterprise API.
pub fn is_enterprise_path(path: &str) -> bool {
    path.strip_prefix(PREFIX)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The Enterprise API routes, under [`PREFIX`]; any other path there is 404 `not_found`.
pub fn routes() -> Router<AppState> {
    let v1 = Router::new()
        .route(
            "/profiles/{profile_id}/customers",
            get(customers::list).post(customers::create),
        )
        .route(
            "/profiles/{profile_id}/customers/{customer_id}",
            get(customers::get)
                .put(customers::replace)
                .delete(customers::delete),
        )
        .fallback(unknown_path);
    Router::new().nest(PREFIX, v1)
}

async fn unknown_path() -> ApiError {
    ApiError::not_found("The Enterprise API has no resource at this path.")
}
