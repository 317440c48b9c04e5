//! Banks (`GET /banks`, anonymous).

use serde::Deserialize;

use super::{de, Api, ApiError};

/// A bank the API serves.
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Bank {
    /// BANK_ID used in URLs.
    #[serde_with(skip_apply)]
    pub id: String,
    /// Short name.
    pub short_name: String,
    /// Full name.
    pub full_name: String,
}

impl Bank {
    /// The best name to show: full, else short, else the id.
    pub fn display_name(&self) -> &str {
        [&self.full_name, &self.short_name, &self.id]
            .into_iter()
            .find(|s| !s.trim().is_empty())
            .map_or("", |s| s.as_str())
    }
}

/// `GET /banks`.
pub async fn list(api: &Api) -> Result<Vec<Bank>, ApiError> {
    api.get_list("/banks", "banks").await
}
