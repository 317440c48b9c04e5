//! Social media handles of a customer: list (wrapper key `checks`) and create.

use serde::{Deserialize, Serialize};

use super::{de, path::customer_path, Api, ApiError, Method};

/// A social media handle.
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct SocialMediaHandle {
    /// The customer number it is filed under.
    pub customer_number: String,
    /// Network, e.g. "twitter".
    #[serde(rename = "type")]
    pub kind: String,
    /// The handle.
    pub handle: String,
    /// When it was added (OBP date-time).
    pub date_added: String,
    /// When it was activated (OBP date-time).
    pub date_activated: String,
}

/// Body of Create Customer Social Media Handle; all fields required. OBP files the handle under
/// `customer_number`, not the id in the URL, so it must be the customer's own number.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NewSocialMediaHandle {
    /// The customer's number.
    pub customer_number: String,
    /// Network.
    #[serde(rename = "type")]
    pub kind: String,
    /// The handle.
    pub handle: String,
    /// OBP date-time.
    pub date_added: String,
    /// OBP date-time.
    pub date_activated: String,
}

/// `GET …/social_media_handles` (CanGetSocialMediaHandles).
pub async fn list(
    api: &Api,
    bank_id: &str,
    customer_id: &str,
) -> Result<Vec<SocialMediaHandle>, ApiError> {
    let path = customer_path(bank_id, customer_id, &["social_media_handles"]);
    api.get_list(&path, "checks").await
}

/// `POST …/social_media_handles` (CanAddSocialMediaHandle); answers `{"success": "Success"}`.
pub async fn create(
    api: &Api,
    bank_id: &str,
    customer_id: &str,
    body: &NewSocialMediaHandle,
) -> Result<(), ApiError> {
    let path = customer_path(bank_id, customer_id, &["social_media_handles"]);
    api.write::<_, serde::de::IgnoredAny>(Method::Post, &path, body)
        .await
        .map(|_| ())
}
