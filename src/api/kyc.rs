//! KYC records of a customer: documents, checks, media and statuses. Reads use
//! `/customers/CUSTOMER_ID/…` (no bank, system roles); adds are PUTs under the bank whose id in
//! the path the client chooses (create-or-update, 201 either way), so a PUT to a record's own id
//! corrects it. A status has no id: OBP keeps
//! one per bank and customer, and a new one replaces it.

use serde::{Deserialize, Serialize};

use super::{
    de,
    path::{customer_path, join},
    Api, ApiError, Method,
};

/// An identity document: passport, driving licence, national id…
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct KycDocument {
    /// Id chosen when it was added.
    pub id: String,
    /// Customer.
    pub customer_id: String,
    /// Kind, e.g. "passport".
    #[serde(rename = "type")]
    pub kind: String,
    /// Document number.
    pub number: String,
    /// OBP date.
    pub issue_date: String,
    /// Where it was issued.
    pub issue_place: String,
    /// OBP date.
    pub expiry_date: String,
}

/// A KYC check done by staff.
#[serde_with::apply(
    String => #[serde(default, deserialize_with = "de::string")],
    bool => #[serde(default, deserialize_with = "de::bool")],
)]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct KycCheck {
    /// Id chosen when it was added.
    pub id: String,
    /// OBP date.
    pub date: String,
    /// How it was done, e.g. "In branch".
    pub how: String,
    /// Staff user who did it.
    pub staff_user_id: String,
    /// Their name.
    pub staff_name: String,
    /// Whether it was satisfied.
    pub satisfied: bool,
    /// Notes.
    pub comments: String,
}

/// A scan, photo or recording backing a document or check.
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct KycMedia {
    /// Id chosen when it was added.
    pub id: String,
    /// Kind, e.g. "image".
    #[serde(rename = "type")]
    pub kind: String,
    /// Where it is stored.
    pub url: String,
    /// OBP date.
    pub date: String,
    /// The document it belongs to, if any.
    pub relates_to_kyc_document_id: String,
    /// The check it belongs to, if any.
    pub relates_to_kyc_check_id: String,
}

/// A KYC decision at a date.
#[serde_with::apply(
    String => #[serde(default, deserialize_with = "de::string")],
    bool => #[serde(default, deserialize_with = "de::bool")],
)]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct KycStatus {
    /// Customer.
    pub customer_id: String,
    /// Customer number.
    pub customer_number: String,
    /// Whether KYC is satisfied.
    pub ok: bool,
    /// OBP date.
    pub date: String,
}

/// Body of Add KYC Document; all required.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NewKycDocument {
    /// The customer's number.
    pub customer_number: String,
    /// Kind.
    #[serde(rename = "type")]
    pub kind: String,
    /// Document number.
    pub number: String,
    /// OBP date.
    pub issue_date: String,
    /// Where it was issued.
    pub issue_place: String,
    /// OBP date.
    pub expiry_date: String,
}

/// Body of Add KYC Check; all required.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NewKycCheck {
    /// The customer's number.
    pub customer_number: String,
    /// OBP date.
    pub date: String,
    /// How it was done.
    pub how: String,
    /// Staff user who did it.
    pub staff_user_id: String,
    /// Their name.
    pub staff_name: String,
    /// Whether it was satisfied.
    pub satisfied: bool,
    /// Notes.
    pub comments: String,
}

/// Body of Add KYC Media; all required (`""` when it relates to no document or check).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NewKycMedia {
    /// The customer's number.
    pub customer_number: String,
    /// Kind.
    #[serde(rename = "type")]
    pub kind: String,
    /// Where it is stored.
    pub url: String,
    /// OBP date.
    pub date: String,
    /// A document of the customer, or `""`.
    pub relates_to_kyc_document_id: String,
    /// A check of the customer, or `""`.
    pub relates_to_kyc_check_id: String,
}

/// Body of Add KYC Status; all required.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NewKycStatus {
    /// The customer's number.
    pub customer_number: String,
    /// Whether KYC is satisfied.
    pub ok: bool,
    /// OBP date.
    pub date: String,
}

fn read_path(customer_id: &str, what: &str) -> String {
    join(&["customers", customer_id, what])
}

/// `GET /customers/CUSTOMER_ID/kyc_documents` (CanGetAnyKycDocuments).
pub async fn documents(api: &Api, customer_id: &str) -> Result<Vec<KycDocument>, ApiError> {
    api.get_list(&read_path(customer_id, "kyc_documents"), "documents")
        .await
}

/// `GET /customers/CUSTOMER_ID/kyc_checks` (CanGetAnyKycChecks).
pub async fn checks(api: &Api, customer_id: &str) -> Result<Vec<KycCheck>, ApiError> {
    api.get_list(&read_path(customer_id, "kyc_checks"), "checks")
        .await
}

/// `GET /customers/CUSTOMER_ID/kyc_media` (CanGetAnyKycMedia; the wrapper key is `medias`).
pub async fn media(api: &Api, customer_id: &str) -> Result<Vec<KycMedia>, ApiError> {
    api.get_list(&read_path(customer_id, "kyc_media"), "medias")
        .await
}

/// `GET /customers/CUSTOMER_ID/kyc_statuses` (CanGetAnyKycStatuses).
pub async fn statuses(api: &Api, customer_id: &str) -> Result<Vec<KycStatus>, ApiError> {
    api.get_list(&read_path(customer_id, "kyc_statuses"), "statuses")
        .await
}

/// `PUT …/customers/CUSTOMER_ID/kyc_documents/ID` (CanAddKycDocument): adds the document `id`,
/// or replaces it when it exists.
pub async fn add_document(
    api: &Api,
    bank_id: &str,
    customer_id: &str,
    id: &str,
    body: &NewKycDocument,
) -> Result<KycDocument, ApiError> {
    let path = customer_path(bank_id, customer_id, &["kyc_documents", id]);
    api.write(Method::Put, &path, body).await
}

/// `PUT …/customers/CUSTOMER_ID/kyc_check/ID` (singular `kyc_check`; CanAddKycCheck): adds the
/// check `id`, or replaces it when it exists.
pub async fn add_check(
    api: &Api,
    bank_id: &str,
    customer_id: &str,
    id: &str,
    body: &NewKycCheck,
) -> Result<KycCheck, ApiError> {
    let path = customer_path(bank_id, customer_id, &["kyc_check", id]);
    api.write(Method::Put, &path, body).await
}

/// `PUT …/customers/CUSTOMER_ID/kyc_media/ID` (CanAddKycMedia): adds the media `id`, or replaces
/// it when it exists.
pub async fn add_media(
    api: &Api,
    bank_id: &str,
    customer_id: &str,
    id: &str,
    body: &NewKycMedia,
) -> Result<KycMedia, ApiError> {
    let path = customer_path(bank_id, customer_id, &["kyc_media", id]);
    api.write(Method::Put, &path, body).await
}

/// `PUT …/customers/CUSTOMER_ID/kyc_statuses` (no id; CanAddKycStatus).
pub async fn add_status(
    api: &Api,
    bank_id: &str,
    customer_id: &str,
    body: &NewKycStatus,
) -> Result<KycStatus, ApiError> {
    let path = customer_path(bank_id, customer_id, &["kyc_statuses"]);
    api.write(Method::Put, &path, body).await
}

/// A fresh random id (UUID v4 form) for a KYC record to add, from the platform's
/// cryptographic random source (`crypto.getRandomValues` in the browser, which, unlike
/// `crypto.randomUUID`, also works on plain-http deployments).
pub fn new_id() -> String {
    let mut bytes = random_bytes();
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

#[cfg(target_arch = "wasm32")]
fn random_bytes() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    // Every browser that runs WebAssembly has Web Crypto; an id must never be predictable.
    assert!(filled, "crypto.getRandomValues is unavailable");
    bytes
}

/// Host builds (tests): std's per-process random hash keys, the OS's randomness.
#[cfg(not(target_arch = "wasm32"))]
fn random_bytes() -> [u8; 16] {
    use std::hash::{BuildHasher, RandomState};
    let half = || {
        RandomState::new()
            .hash_one(std::time::SystemTime::now())
            .to_le_bytes()
    };
    let (high, low) = (half(), half());
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&high);
    bytes[8..].copy_from_slice(&low);
    bytes
}
