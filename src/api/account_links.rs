//! Links between customers and accounts (Owner, Joint, …): by customer, by account, get,
//! create, change the relationship, delete.

use serde::{Deserialize, Serialize};

use super::{
    de,
    path::{customer_path, join},
    Api, ApiError, Method,
};

/// A customer–account link.
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct CustomerAccountLink {
    /// Link id.
    #[serde_with(skip_apply)]
    pub customer_account_link_id: String,
    /// Customer.
    pub customer_id: String,
    /// Bank.
    pub bank_id: String,
    /// Account.
    pub account_id: String,
    /// e.g. "Owner" or "Joint".
    pub relationship_type: String,
}

/// Body of Create Customer Account Link; all required.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NewAccountLink {
    /// Customer (must belong to the bank).
    pub customer_id: String,
    /// Bank.
    pub bank_id: String,
    /// Account at that bank.
    pub account_id: String,
    /// e.g. "Owner".
    pub relationship_type: String,
}

#[derive(Serialize)]
struct RelationshipBody<'a> {
    relationship_type: &'a str,
}

fn link_path(bank_id: &str, link_id: &str) -> String {
    join(&["banks", bank_id, "customer-account-links", link_id])
}

/// `GET …/customers/CUSTOMER_ID/customer-account-links` (CanGetCustomerAccountLinks).
pub async fn by_customer(
    api: &Api,
    bank_id: &str,
    customer_id: &str,
) -> Result<Vec<CustomerAccountLink>, ApiError> {
    let path = customer_path(bank_id, customer_id, &["customer-account-links"]);
    api.get_list(&path, "links").await
}

/// `GET /banks/BANK_ID/accounts/ACCOUNT_ID/customer-account-links`.
pub async fn by_account(
    api: &Api,
    bank_id: &str,
    account_id: &str,
) -> Result<Vec<CustomerAccountLink>, ApiError> {
    let path = join(&[
        "banks",
        bank_id,
        "accounts",
        account_id,
        "customer-account-links",
    ]);
    api.get_list(&path, "links").await
}

/// `GET /banks/BANK_ID/customer-account-links/LINK_ID` (unknown: 400 OBP-30225).
pub async fn get(api: &Api, bank_id: &str, link_id: &str) -> Result<CustomerAccountLink, ApiError> {
    api.get(&link_path(bank_id, link_id)).await
}

/// `POST /banks/BANK_ID/customer-account-links` (already linked: 400 OBP-30223).
pub async fn create(
    api: &Api,
    bank_id: &str,
    body: &NewAccountLink,
) -> Result<CustomerAccountLink, ApiError> {
    let path = join(&["banks", bank_id, "customer-account-links"]);
    api.write(Method::Post, &path, body).await
}

/// `PUT /banks/BANK_ID/customer-account-links/LINK_ID`: only the relationship can change.
pub async fn update_relationship(
    api: &Api,
    bank_id: &str,
    link_id: &str,
    relationship_type: &str,
) -> Result<CustomerAccountLink, ApiError> {
    let body = RelationshipBody { relationship_type };
    api.write(Method::Put, &link_path(bank_id, link_id), &body)
        .await
}

/// `DELETE /banks/BANK_ID/customer-account-links/LINK_ID` (204).
pub async fn delete(api: &Api, bank_id: &str, link_id: &str) -> Result<(), ApiError> {
    api.delete(&link_path(bank_id, link_id)).await
}
