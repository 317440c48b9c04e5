//! Tax residences of a customer: list, create, delete. Three different path words (§8).

use serde::{Deserialize, Serialize};

use super::{de, path::customer_path, Api, ApiError, Method};

/// A tax residence.
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct TaxResidence {
    /// Id.
    #[serde_with(skip_apply)]
    pub tax_residence_id: String,
    /// Tax domain, e.g. a country.
    pub domain: String,
    /// Tax number in that domain.
    pub tax_number: String,
}

/// Body of Create Tax Residence.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NewTaxResidence {
    /// Tax domain.
    pub domain: String,
    /// Tax number.
    pub tax_number: String,
}

/// `GET …/tax-residences` (CanGetTaxResidence); the wrapper key is singular.
pub async fn list(
    api: &Api,
    bank_id: &str,
    customer_id: &str,
) -> Result<Vec<TaxResidence>, ApiError> {
    let path = customer_path(bank_id, customer_id, &["tax-residences"]);
    api.get_list(&path, "tax_residence").await
}

/// `POST …/tax-residence` (CanCreateTaxResidence).
pub async fn create(
    api: &Api,
    bank_id: &str,
    customer_id: &str,
    body: &NewTaxResidence,
) -> Result<TaxResidence, ApiError> {
    let path = customer_path(bank_id, customer_id, &["tax-residence"]);
    api.write(Method::Post, &path, body).await
}

/// `DELETE …/tax_residencies/TAX_RESIDENCE_ID` (CanDeleteTaxResidence).
pub async fn delete(
    api: &Api,
    bank_id: &str,
    customer_id: &str,
    tax_residence_id: &str,
) -> Result<(), ApiError> {
    let path = customer_path(bank_id, customer_id, &["tax_residencies", tax_residence_id]);
    api.delete(&path).await
}
