//! The current user: `GET /users/current` (v3.0.0) and `GET /users/current/user_id` (v4.0.0).

use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;

use crate::db::User;
use crate::http::json;
use crate::routes::EMPTY_LIST;

/// `provider_id` of every sandbox user.
pub(crate) const PROVIDER_ID: &str = "sandbox";
/// `provider` of every sandbox user (OBP uses its own host name for local users).
pub(crate) const PROVIDER: &str = "http://127.0.0.1";

#[derive(Serialize)]
struct CurrentUserJson<'a> {
    user_id: &'a str,
    email: &'a str,
    provider_id: &'a str,
    provider: &'a str,
    username: &'a str,
    entitlements: ListJson<Vec<EntitlementJson<'a>>>,
    views: ListJson<&'a [serde_json::Value]>,
}

/// OBP wraps these lists in an object: `{"list": [...]}`.
#[derive(Serialize)]
struct ListJson<T> {
    list: T,
}

#[derive(Serialize)]
struct EntitlementJson<'a> {
    entitlement_id: &'a str,
    role_name: &'a str,
    bank_id: &'a str,
}

#[derive(Serialize)]
struct UserIdJson<'a> {
    user_id: &'a str,
}

/// `GET /users/current`: the logged-in user with their entitlements (200).
pub async fn current(user: User) -> Response {
    let entitlements = user
        .entitlements
        .iter()
        .map(|e| EntitlementJson {
            entitlement_id: &e.entitlement_id,
            role_name: &e.role_name,
            bank_id: &e.bank_id,
        })
        .collect();
    let body = CurrentUserJson {
        user_id: &user.user_id,
        email: &user.email,
        provider_id: PROVIDER_ID,
        provider: PROVIDER,
        username: &user.username,
        entitlements: ListJson { list: entitlements },
        views: ListJson { list: EMPTY_LIST },
    };
    json(StatusCode::OK, &body)
}

/// `GET /users/current/user_id`: `{"user_id": …}` (200).
pub async fn current_user_id(user: User) -> Response {
    json(
        StatusCode::OK,
        &UserIdJson {
            user_id: &user.user_id,
        },
    )
}
