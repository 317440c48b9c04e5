//! Messages the bank sent a customer: list and send (the v4 endpoints under `customers`).

use serde::{Deserialize, Serialize};

use super::{de, path::customer_path, Api, ApiError, Method};

/// A message (OBP's MessageV400).
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Message {
    /// Id.
    pub id: String,
    /// When it was sent (OBP date).
    pub date: String,
    /// How, e.g. "SMS" or "Email".
    pub transport: String,
    /// The text.
    pub message: String,
    /// Sending department.
    pub from_department: String,
    /// Sending person.
    pub from_person: String,
}

/// Body of Create Customer Message; all required.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NewMessage {
    /// The text.
    pub message: String,
    /// "SMS", "Email", …
    pub transport: String,
    /// Sending department.
    pub from_department: String,
    /// Sending person.
    pub from_person: String,
}

/// `GET /banks/BANK_ID/customers/CUSTOMER_ID/messages` (CanGetCustomerMessages).
pub async fn list(api: &Api, bank_id: &str, customer_id: &str) -> Result<Vec<Message>, ApiError> {
    let path = customer_path(bank_id, customer_id, &["messages"]);
    api.get_list(&path, "messages").await
}

/// `POST /banks/BANK_ID/customers/CUSTOMER_ID/messages` (CanCreateCustomerMessage); answers
/// `{"success": "Success"}`.
pub async fn send(
    api: &Api,
    bank_id: &str,
    customer_id: &str,
    body: &NewMessage,
) -> Result<(), ApiError> {
    let path = customer_path(bank_id, customer_id, &["messages"]);
    api.write::<_, serde::de::IgnoredAny>(Method::Post, &path, body)
        .await
        .map(|_| ())
}
