//! CRM events at a bank (OBP v1.4.0): read-only, login only.

use serde::Deserialize;

use super::{de, path::join, Api, ApiError};

/// One contact with a customer, planned or done.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct CrmEvent {
    /// Event id.
    #[serde(default, deserialize_with = "de::string")]
    pub id: String,
    /// Bank.
    #[serde(default, deserialize_with = "de::string")]
    pub bank_id: String,
    /// The customer's legal name.
    #[serde(default, deserialize_with = "de::string")]
    pub customer_name: String,
    /// The customer's number.
    #[serde(default, deserialize_with = "de::string")]
    pub customer_number: String,
    /// What it was about, e.g. `KYC`.
    #[serde(default, deserialize_with = "de::string")]
    pub category: String,
    /// Free text.
    #[serde(default, deserialize_with = "de::string")]
    pub detail: String,
    /// How, e.g. `Phone`.
    #[serde(default, deserialize_with = "de::string")]
    pub channel: String,
    /// When it was planned (OBP date-time).
    #[serde(default, deserialize_with = "de::string")]
    pub scheduled_date: String,
    /// When it happened (OBP date-time).
    #[serde(default, deserialize_with = "de::string")]
    pub actual_date: String,
    /// The outcome, e.g. `Completed`.
    #[serde(default, deserialize_with = "de::string")]
    pub result: String,
}

/// `GET /banks/BANK_ID/crm-events`: the bank's CRM events, as recorded (login only).
pub async fn list(api: &Api, bank_id: &str) -> Result<Vec<CrmEvent>, ApiError> {
    api.get_list(&join(&["banks", bank_id, "crm-events"]), "crm_events")
        .await
}
