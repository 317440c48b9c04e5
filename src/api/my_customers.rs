//! The customers linked to the signed-in user through user–customer links: My Customers
//! (Customer210, at every bank or at one) and Customers for Current User (Customer300 with
//! attributes, or ids only). Login is the only requirement; none of them pages.

use super::{
    customers::{Customer, CustomerMinimal},
    path::join,
    Api, ApiError,
};

/// `GET /my/customers`: the user's customers at every bank (login only).
pub async fn mine(api: &Api) -> Result<Vec<Customer>, ApiError> {
    api.get_list("/my/customers", "customers").await
}

/// `GET /banks/BANK_ID/my/customers`: the user's customers at the bank (login only).
pub async fn mine_at_bank(api: &Api, bank_id: &str) -> Result<Vec<Customer>, ApiError> {
    api.get_list(&join(&["banks", bank_id, "my", "customers"]), "customers")
        .await
}

/// `GET /users/current/customers`: the user's customers with their attributes (login only).
pub async fn for_current_user(api: &Api) -> Result<Vec<Customer>, ApiError> {
    api.get_list("/users/current/customers", "customers").await
}

/// `GET /users/current/customers/customer_ids`: the ids of the user's customers, without their
/// banks (login only). The doc's example shows whole customers; their ids are read the same way.
pub async fn ids_for_current_user(api: &Api) -> Result<Vec<CustomerMinimal>, ApiError> {
    api.get_list("/users/current/customers/customer_ids", "customers")
        .await
}
