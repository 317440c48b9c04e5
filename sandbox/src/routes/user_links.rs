//! User–customer links (v4.0.0): create, list by user or by customer (neither filtered by bank),
//! delete, the users correlated with a customer, and the current user's correlated entities (every
//! customer the user is linked to, with the users linked to each).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{delete, get, post};
use axum::Router;
use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::db::{Customer, Store, User, UserCustomerLink};
use crate::http::json;
use crate::obp_error::ObpError;
use crate::roles;
use crate::routes::customers::{customer_310, Customer310};
use crate::routes::users::{PROVIDER, PROVIDER_ID};
use crate::routes::{
    authorize, check_obp_ids, customer_request, parse_body, require_customer, require_same_bank,
    RoleCheck,
};
use crate::state::AppState;

/// OBP-20057, an unknown `user_id` in the body (404).
pub const USER_NOT_FOUND_BY_USER_ID: &str = "OBP-20057: User not found by userId.";
/// OBP-30007, the user is already linked to the customer (400).
pub const ALREADY_LINKED: &str =
    "OBP-30007: The User is already linked to a Customer at the bank specified by BANK_ID";
/// OBP-30035, an unknown USER_CUSTOMER_LINK_ID (400).
pub const LINK_NOT_FOUND: &str = "OBP-30035: User Customer Link not found";

/// The user–customer link routes, relative to `/obp/v5.1.0`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/banks/{bank_id}/user_customer_links", post(create))
        .route(
            "/banks/{bank_id}/user_customer_links/users/{user_id}",
            get(by_user),
        )
        .route(
            "/banks/{bank_id}/user_customer_links/customers/{customer_id}",
            get(by_customer),
        )
        .route(
            "/banks/{bank_id}/user_customer_links/{link_id}",
            delete(remove),
        )
        .route(
            "/banks/{bank_id}/customers/{customer_id}/correlated-users",
            get(correlated_users),
        )
        .route("/my/correlated-entities", get(my_correlated_entities))
}

/// CreateUserCustomerLinkJson.
#[derive(Deserialize)]
struct PostLink {
    user_id: String,
    customer_id: String,
}

#[derive(Serialize)]
struct LinksJson {
    user_customer_links: Vec<UserCustomerLink>,
}

#[derive(Serialize)]
struct CorrelatedUserJson<'a> {
    user_id: &'a str,
    email: &'a str,
    provider_id: &'a str,
    provider: &'a str,
    username: &'a str,
    user_attributes: &'a [serde_json::Value],
}

/// CustomerAndUsers; the sandbox keeps no user attributes.
#[derive(Serialize)]
struct CustomerAndUsersJson<'a> {
    customer: Customer310<'a>,
    users: Vec<CorrelatedUserJson<'a>>,
}

#[derive(Serialize)]
struct CorrelatedEntitiesJson<'a> {
    correlated_entities: Vec<CustomerAndUsersJson<'a>>,
}

/// A customer with the users linked to it, in link order.
struct Correlated {
    customer: Customer,
    users: Vec<User>,
}

impl Correlated {
    fn load(store: &Store, customer: Customer) -> Result<Correlated, ObpError> {
        let mut users = Vec::new();
        for link in store.user_customer_links_by_customer(&customer.customer_id)? {
            users.extend(store.user(&link.user_id)?);
        }
        Ok(Correlated { customer, users })
    }

    fn json(&self) -> CustomerAndUsersJson<'_> {
        CustomerAndUsersJson {
            customer: customer_310(&self.customer),
            users: self
                .users
                .iter()
                .map(|u| CorrelatedUserJson {
                    user_id: &u.user_id,
                    email: &u.email,
                    provider_id: PROVIDER_ID,
                    provider: PROVIDER,
                    username: &u.username,
                    user_attributes: &[],
                })
                .collect(),
        }
    }
}

/// `POST /banks/BANK_ID/user_customer_links`: 201 UserCustomerLink. Unknown user 404 OBP-20057,
/// unknown customer 404 OBP-30046, customer at another bank 400, existing link 400 OBP-30007.
async fn create(
    State(state): State<AppState>,
    user: User,
    Path(bank_id): Path<String>,
    body: Bytes,
) -> Result<Response, ObpError> {
    check_obp_ids(&body)?;
    let store = state.store();
    let check = RoleCheck::Any(&[
        roles::CAN_CREATE_USER_CUSTOMER_LINK_AT_ANY_BANK,
        roles::CAN_CREATE_USER_CUSTOMER_LINK,
    ]);
    authorize(&store, &user, &bank_id, check)?;
    let posted: PostLink = parse_body(&body, "CreateUserCustomerLinkJson")?;
    if store.user(&posted.user_id)?.is_none() {
        return Err(ObpError::new(
            StatusCode::NOT_FOUND,
            USER_NOT_FOUND_BY_USER_ID,
        ));
    }
    let customer = require_customer(&store, &posted.customer_id)?;
    require_same_bank(&customer, &bank_id)?;
    if store.user_customer_link_exists(&posted.user_id, &posted.customer_id)? {
        return Err(ObpError::bad_request(ALREADY_LINKED));
    }
    let link = UserCustomerLink {
        user_customer_link_id: uuid::Uuid::new_v4().to_string(),
        customer_id: posted.customer_id,
        user_id: posted.user_id,
        date_inserted: Timestamp::now(),
        is_active: true,
    };
    store.insert_user_customer_link(&link)?;
    Ok(json(StatusCode::CREATED, &link))
}

/// `GET /banks/BANK_ID/user_customer_links/users/USER_ID`: 200 `{"user_customer_links": […]}`.
async fn by_user(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, user_id)): Path<(String, String)>,
) -> Result<Response, ObpError> {
    list_links(&state, &user, &bank_id, |store| {
        store.user_customer_links_by_user(&user_id)
    })
}

/// `GET /banks/BANK_ID/user_customer_links/customers/CUSTOMER_ID`: 200 `{"user_customer_links": […]}`.
async fn by_customer(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id)): Path<(String, String)>,
) -> Result<Response, ObpError> {
    list_links(&state, &user, &bank_id, |store| {
        store.user_customer_links_by_customer(&customer_id)
    })
}

/// The two link lists: bank, then CanGetUserCustomerLink, then `query` (OBP does not filter the
/// result by BANK_ID).
fn list_links(
    state: &AppState,
    user: &User,
    bank_id: &str,
    query: impl FnOnce(&Store) -> rusqlite::Result<Vec<UserCustomerLink>>,
) -> Result<Response, ObpError> {
    let store = state.store();
    let check = RoleCheck::Any(&[roles::CAN_GET_USER_CUSTOMER_LINK]);
    authorize(&store, user, bank_id, check)?;
    let user_customer_links = query(&store)?;
    Ok(json(
        StatusCode::OK,
        &LinksJson {
            user_customer_links,
        },
    ))
}

/// `DELETE /banks/BANK_ID/user_customer_links/LINK_ID`: 200 `true`; an unknown id is 400 OBP-30035.
async fn remove(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, link_id)): Path<(String, String)>,
) -> Result<Response, ObpError> {
    let store = state.store();
    let check = RoleCheck::Any(&[roles::CAN_DELETE_USER_CUSTOMER_LINK]);
    authorize(&store, &user, &bank_id, check)?;
    if !store.delete_user_customer_link(&link_id)? {
        return Err(ObpError::bad_request(LINK_NOT_FOUND));
    }
    Ok(json(StatusCode::OK, &true))
}

/// `GET /banks/BANK_ID/customers/CUSTOMER_ID/correlated-users`: 200 CustomerAndUsers.
async fn correlated_users(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id)): Path<(String, String)>,
) -> Result<Response, ObpError> {
    let store = state.store();
    let check = RoleCheck::Any(&[
        roles::CAN_GET_CORRELATED_USERS_INFO_AT_ANY_BANK,
        roles::CAN_GET_CORRELATED_USERS_INFO,
    ]);
    let (customer, ()) = customer_request(&store, &user, &bank_id, check, &customer_id, || Ok(()))?;
    let correlated = Correlated::load(&store, customer)?;
    Ok(json(StatusCode::OK, &correlated.json()))
}

/// `GET /my/correlated-entities`: 200 `{"correlated_entities": [CustomerAndUsers]}`, one per link of
/// the logged-in user (oldest link first, at every bank); login only.
async fn my_correlated_entities(
    State(state): State<AppState>,
    user: User,
) -> Result<Response, ObpError> {
    let store = state.store();
    let entities = store
        .user_customer_links_by_user(&user.user_id)?
        .iter()
        .map(|link| Correlated::load(&store, require_customer(&store, &link.customer_id)?))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(json(
        StatusCode::OK,
        &CorrelatedEntitiesJson {
            correlated_entities: entities.iter().map(Correlated::json).collect(),
        },
    ))
}
