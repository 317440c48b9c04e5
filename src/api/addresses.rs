//! Customer addresses: list, create, update (full replace), delete.

use serde::{Deserialize, Serialize};

use super::{de, path::customer_path, Api, ApiError, Method};

/// A customer's postal address.
#[serde_with::apply(
    String => #[serde(default, deserialize_with = "de::string")],
    Vec => #[serde(default, deserialize_with = "de::list")],
)]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Address {
    /// Address id.
    #[serde_with(skip_apply)]
    pub customer_address_id: String,
    /// Owner.
    pub customer_id: String,
    /// First line.
    pub line_1: String,
    /// Second line.
    pub line_2: String,
    /// Third line.
    pub line_3: String,
    /// City.
    pub city: String,
    /// County.
    pub county: String,
    /// State or region.
    pub state: String,
    /// Postcode.
    pub postcode: String,
    /// ISO 3166-1 alpha-2 country.
    pub country_code: String,
    /// Tags such as "home" or "mailing".
    pub tags: Vec<String>,
    /// Status. Real OBP may echo `state` here (reference §2.4), so it is shown, never relied on.
    pub status: String,
    /// When it was added.
    pub insert_date: String,
}

/// Body of Create Address and Update the Address: every field is required (`""` when unused).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AddressBody {
    /// First line.
    pub line_1: String,
    /// Second line.
    pub line_2: String,
    /// Third line.
    pub line_3: String,
    /// City.
    pub city: String,
    /// County.
    pub county: String,
    /// State or region.
    pub state: String,
    /// Postcode.
    pub postcode: String,
    /// ISO 3166-1 alpha-2 country.
    pub country_code: String,
    /// Status.
    pub status: String,
    /// Tags; replaces the whole list on update.
    pub tags: Vec<String>,
}

impl Address {
    /// The body that creates this address again (Undo of a delete).
    pub fn body(&self) -> AddressBody {
        AddressBody {
            line_1: self.line_1.clone(),
            line_2: self.line_2.clone(),
            line_3: self.line_3.clone(),
            city: self.city.clone(),
            county: self.county.clone(),
            state: self.state.clone(),
            postcode: self.postcode.clone(),
            country_code: self.country_code.clone(),
            status: self.status.clone(),
            tags: self.tags.clone(),
        }
    }
}

/// `GET …/customers/CUSTOMER_ID/addresses` (CanGetCustomerAddress).
pub async fn list(api: &Api, bank_id: &str, customer_id: &str) -> Result<Vec<Address>, ApiError> {
    api.get_list(
        &customer_path(bank_id, customer_id, &["addresses"]),
        "addresses",
    )
    .await
}

/// `POST …/customers/CUSTOMER_ID/address` (singular; CanCreateCustomerAddress).
pub async fn create(
    api: &Api,
    bank_id: &str,
    customer_id: &str,
    body: &AddressBody,
) -> Result<Address, ApiError> {
    let path = customer_path(bank_id, customer_id, &["address"]);
    api.write(Method::Post, &path, body).await
}

/// `PUT …/customers/CUSTOMER_ID/addresses/ADDRESS_ID` (the code checks CanCreateCustomer).
pub async fn update(
    api: &Api,
    bank_id: &str,
    customer_id: &str,
    address_id: &str,
    body: &AddressBody,
) -> Result<Address, ApiError> {
    let path = customer_path(bank_id, customer_id, &["addresses", address_id]);
    api.write(Method::Put, &path, body).await
}

/// `DELETE …/customers/CUSTOMER_ID/addresses/ADDRESS_ID` (CanDeleteCustomerAddress).
pub async fn delete(
    api: &Api,
    bank_id: &str,
    customer_id: &str,
    address_id: &str,
) -> Result<(), ApiError> {
    api.delete(&customer_path(
        bank_id,
        customer_id,
        &["addresses", address_id],
    ))
    .await
}
