//! Links between users and customers, the users correlated with a customer, and the signed-in
//! user's correlated entities.

use serde::{Deserialize, Serialize};

use super::{
    customers::Customer,
    de,
    path::{customer_path, join},
    Api, ApiError, Method,
};

/// A user–customer link.
#[serde_with::apply(
    String => #[serde(default, deserialize_with = "de::string")],
    bool => #[serde(default, deserialize_with = "de::bool")],
)]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct UserCustomerLink {
    /// Link id.
    #[serde_with(skip_apply)]
    pub user_customer_link_id: String,
    /// Customer.
    pub customer_id: String,
    /// User.
    pub user_id: String,
    /// When it was made (OBP date-time).
    pub date_inserted: String,
    /// Whether it is in force.
    pub is_active: bool,
}

/// Body of Create User Customer Link.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NewUserLink {
    /// The user (unknown: 404 OBP-20057).
    pub user_id: String,
    /// The customer.
    pub customer_id: String,
}

/// A customer with the users linked to it.
#[serde_with::apply(Vec => #[serde(default, deserialize_with = "de::list")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct CustomerAndUsers {
    /// The customer.
    pub customer: Customer,
    /// Its users.
    pub users: Vec<LinkedUser>,
}

/// A user as listed with a customer.
#[serde_with::apply(
    String => #[serde(default, deserialize_with = "de::string")],
    Vec => #[serde(default, deserialize_with = "de::list")],
)]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct LinkedUser {
    /// User id.
    pub user_id: String,
    /// Email.
    pub email: String,
    /// Provider's id for the user.
    pub provider_id: String,
    /// Identity provider.
    pub provider: String,
    /// Username.
    pub username: String,
    /// The user's attributes.
    pub user_attributes: Vec<UserAttribute>,
}

/// A user attribute.
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct UserAttribute {
    /// Id.
    pub user_attribute_id: String,
    /// Name.
    pub name: String,
    /// Type name.
    #[serde(rename = "type")]
    pub kind: String,
    /// Value.
    pub value: String,
    /// When it was set.
    pub insert_date: String,
}

/// `GET /banks/BANK_ID/user_customer_links/customers/CUSTOMER_ID` (CanGetUserCustomerLink).
pub async fn by_customer(
    api: &Api,
    bank_id: &str,
    customer_id: &str,
) -> Result<Vec<UserCustomerLink>, ApiError> {
    let path = join(&[
        "banks",
        bank_id,
        "user_customer_links",
        "customers",
        customer_id,
    ]);
    api.get_list(&path, "user_customer_links").await
}

/// `GET /banks/BANK_ID/user_customer_links/users/USER_ID` (CanGetUserCustomerLink).
pub async fn by_user(
    api: &Api,
    bank_id: &str,
    user_id: &str,
) -> Result<Vec<UserCustomerLink>, ApiError> {
    let path = join(&["banks", bank_id, "user_customer_links", "users", user_id]);
    api.get_list(&path, "user_customer_links").await
}

/// `POST /banks/BANK_ID/user_customer_links` (already linked: 400 OBP-30007).
pub async fn create(
    api: &Api,
    bank_id: &str,
    body: &NewUserLink,
) -> Result<UserCustomerLink, ApiError> {
    let path = join(&["banks", bank_id, "user_customer_links"]);
    api.write(Method::Post, &path, body).await
}

/// `DELETE /banks/BANK_ID/user_customer_links/LINK_ID` (200 `true`; again: 400).
pub async fn delete(api: &Api, bank_id: &str, link_id: &str) -> Result<(), ApiError> {
    api.delete(&join(&["banks", bank_id, "user_customer_links", link_id]))
        .await
}

/// `GET …/customers/CUSTOMER_ID/correlated-users` (CanGetCorrelatedUsersInfo).
pub async fn correlated_users(
    api: &Api,
    bank_id: &str,
    customer_id: &str,
) -> Result<CustomerAndUsers, ApiError> {
    api.get(&customer_path(bank_id, customer_id, &["correlated-users"]))
        .await
}

/// `GET /my/correlated-entities`: the customers linked to the signed-in user, each with its
/// linked users (login only).
pub async fn my_correlated_entities(api: &Api) -> Result<Vec<CustomerAndUsers>, ApiError> {
    api.get_list("/my/correlated-entities", "correlated_entities")
        .await
}
