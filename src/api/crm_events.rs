//! CRM events at a bank (OBP v1.4.0): read-only, login only.

use serde::Deserialize;

use super::{de, path::join, Api, ApiError};

/// One contact with a customer, planned or done.
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct CrmEvent {
    /// Event id.
    pub id: String,
    /// Bank.
    pub bank_id: String,
    /// The customer's legal name.
    pub customer_name: String,
    /// The customer's number.
    pub customer_number: String,
    /// What it was about, e.g. `KYC`.
    pub category: String,
    /// Free text.
    pub detail: String,
    /// How, e.g. `Phone`.
    pub channel: String,
    /// When it was planned (OBP date-time).
    pub scheduled_date: String,
    /// When it happened (OBP date-time).
    pub actual_date: String,
    /// The outcome, e.g. `Completed`.
    pub result: String,
}

/// `GET /banks/BANK_ID/crm-events`: the bank's CRM events, as recorded (login only).
pub async fn list(api: &Api, bank_id: &str) -> Result<Vec<CrmEvent>, ApiError> {
    api.get_list(&join(&["banks", bank_id, "crm-events"]), "crm_events")
        .await
}
