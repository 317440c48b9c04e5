//! Customer attributes (typed name/value pairs) and the bank's attribute definitions.

use serde::{Deserialize, Serialize};

use super::{
    de,
    path::{customer_path, join},
    Api, ApiError, Method,
};

/// The value types OBP accepts for customer attributes. OBP only checks the name and stores any
/// value, so the client validates values per type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttributeType {
    /// Any text.
    String,
    /// A whole number, e.g. `123`.
    Integer,
    /// A decimal number, e.g. `12.1234`.
    Double,
    /// A date, `yyyy-MM-dd`.
    DateWithDay,
}

impl AttributeType {
    /// All four, in the order forms offer them.
    pub const ALL: [Self; 4] = [Self::String, Self::Integer, Self::Double, Self::DateWithDay];

    /// The name OBP uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::String => "STRING",
            Self::Integer => "INTEGER",
            Self::Double => "DOUBLE",
            Self::DateWithDay => "DATE_WITH_DAY",
        }
    }

    /// Parses OBP's name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

/// A customer attribute.
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct CustomerAttribute {
    /// Attribute id.
    pub customer_attribute_id: String,
    /// Name.
    pub name: String,
    /// STRING, INTEGER, DOUBLE or DATE_WITH_DAY.
    #[serde(rename = "type")]
    pub kind: String,
    /// Value as text.
    pub value: String,
}

/// Body of Create and Update Customer Attribute; all required. Update replaces all three.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AttributeBody {
    /// Name.
    pub name: String,
    /// OBP type name.
    #[serde(rename = "type")]
    pub kind: String,
    /// Value as text.
    pub value: String,
}

/// A bank's definition of a customer attribute.
#[serde_with::apply(
    String => #[serde(default, deserialize_with = "de::string")],
    bool => #[serde(default, deserialize_with = "de::bool")],
    Vec => #[serde(default, deserialize_with = "de::list")],
)]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct AttributeDefinition {
    /// Definition id.
    #[serde_with(skip_apply)]
    pub attribute_definition_id: String,
    /// Bank.
    pub bank_id: String,
    /// Attribute name.
    pub name: String,
    /// Always "Customer" here.
    pub category: String,
    /// OBP type name.
    #[serde(rename = "type")]
    pub kind: String,
    /// What it means.
    pub description: String,
    /// Alias.
    pub alias: String,
    /// Views that may see it.
    pub can_be_seen_on_views: Vec<String>,
    /// Offered for new attributes.
    pub is_active: bool,
}

/// Body of Create or Update Customer Attribute Definition; all required.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DefinitionBody {
    /// Attribute name (the upsert key, with bank and category).
    pub name: String,
    /// Must be "Customer".
    pub category: String,
    /// OBP type name.
    #[serde(rename = "type")]
    pub kind: String,
    /// What it means.
    pub description: String,
    /// Alias.
    pub alias: String,
    /// Views that may see it.
    pub can_be_seen_on_views: Vec<String>,
    /// Offered for new attributes.
    pub is_active: bool,
}

/// `GET …/customers/CUSTOMER_ID/attributes` (CanGetCustomerAttributesAtOneBank).
pub async fn list(
    api: &Api,
    bank_id: &str,
    customer_id: &str,
) -> Result<Vec<CustomerAttribute>, ApiError> {
    let path = customer_path(bank_id, customer_id, &["attributes"]);
    api.get_list(&path, "customer_attributes").await
}

/// `GET …/customers/CUSTOMER_ID/attributes/ATTRIBUTE_ID` (unknown id: 400 OBP-30069).
pub async fn get(
    api: &Api,
    bank_id: &str,
    customer_id: &str,
    attribute_id: &str,
) -> Result<CustomerAttribute, ApiError> {
    api.get(&customer_path(
        bank_id,
        customer_id,
        &["attributes", attribute_id],
    ))
    .await
}

/// `POST …/customers/CUSTOMER_ID/attribute` (singular; always inserts a new row).
pub async fn create(
    api: &Api,
    bank_id: &str,
    customer_id: &str,
    body: &AttributeBody,
) -> Result<CustomerAttribute, ApiError> {
    let path = customer_path(bank_id, customer_id, &["attribute"]);
    api.write(Method::Post, &path, body).await
}

/// `PUT …/customers/CUSTOMER_ID/attributes/ATTRIBUTE_ID`: replaces name, type and value.
pub async fn update(
    api: &Api,
    bank_id: &str,
    customer_id: &str,
    attribute_id: &str,
    body: &AttributeBody,
) -> Result<CustomerAttribute, ApiError> {
    let path = customer_path(bank_id, customer_id, &["attributes", attribute_id]);
    api.write(Method::Put, &path, body).await
}

/// `DELETE /banks/BANK_ID/customers/attributes/ATTRIBUTE_ID`: the literal word `customers`, no
/// customer id, as OBP's code matches it (its docs show another path); answers 204.
pub async fn delete(api: &Api, bank_id: &str, attribute_id: &str) -> Result<(), ApiError> {
    api.delete(&join(&[
        "banks",
        bank_id,
        "customers",
        "attributes",
        attribute_id,
    ]))
    .await
}

/// `GET /banks/BANK_ID/attribute-definitions/customer` (wrapper key `attributes`).
pub async fn definitions(api: &Api, bank_id: &str) -> Result<Vec<AttributeDefinition>, ApiError> {
    let path = join(&["banks", bank_id, "attribute-definitions", "customer"]);
    api.get_list(&path, "attributes").await
}

/// `PUT /banks/BANK_ID/attribute-definitions/customer`: create or update by name (201 both ways).
pub async fn save_definition(
    api: &Api,
    bank_id: &str,
    body: &DefinitionBody,
) -> Result<AttributeDefinition, ApiError> {
    let path = join(&["banks", bank_id, "attribute-definitions", "customer"]);
    api.write(Method::Put, &path, body).await
}

/// `DELETE /banks/BANK_ID/attribute-definitions/DEFINITION_ID/customer` (200 `true`).
pub async fn delete_definition(
    api: &Api,
    bank_id: &str,
    definition_id: &str,
) -> Result<(), ApiError> {
    let path = join(&[
        "banks",
        bank_id,
        "attribute-definitions",
        definition_id,
        "customer",
    ]);
    api.delete(&path).await
}
