//! Customer overview: the customer with its accounts (balances, routings, account attributes),
//! found by customer number. Both OBP variants, nested and flat, read into [`Overview`].

use serde::Deserialize;

use super::{
    customers::{Customer, NumberQuery},
    de,
    path::join,
    Api, ApiError, Method,
};

/// A customer and its accounts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overview {
    /// The customer (the flat variant fills only its identity and contact fields).
    pub customer: Customer,
    /// Accounts whose `customer_number` account attribute names this customer.
    pub accounts: Vec<Account>,
}

/// An account as the overview lists it (OBP's Account500).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Account {
    /// Account id.
    pub account_id: String,
    /// Label.
    #[serde(default, deserialize_with = "de::string")]
    pub label: String,
    /// Product code.
    #[serde(default, deserialize_with = "de::string")]
    pub product_code: String,
    /// Balance.
    #[serde(default)]
    pub balance: Option<Amount>,
    /// Branch.
    #[serde(default, deserialize_with = "de::string")]
    pub branch_id: String,
    /// Contracts, when the bank records them.
    #[serde(default, deserialize_with = "de::list")]
    pub contracts: Vec<Contract>,
    /// Routings such as IBAN.
    #[serde(default, deserialize_with = "de::list")]
    pub account_routings: Vec<Routing>,
    /// Account attributes.
    #[serde(default, deserialize_with = "de::list")]
    pub account_attributes: Vec<AccountAttribute>,
}

/// A currency amount, as text.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Amount {
    /// ISO 4217 code.
    #[serde(default, deserialize_with = "de::string")]
    pub currency: String,
    /// Decimal amount.
    #[serde(default, deserialize_with = "de::string")]
    pub amount: String,
}

impl Amount {
    /// "EUR 1,234.50"-style text: the code, then the amount. Real OBP swaps the two fields in
    /// the overview, so a code found in `amount` is put first all the same.
    pub fn display(&self) -> String {
        let is_code = |s: &str| s.len() == 3 && s.bytes().all(|b| b.is_ascii_alphabetic());
        let (code, value) = if is_code(&self.amount) && !is_code(&self.currency) {
            (&self.amount, &self.currency)
        } else {
            (&self.currency, &self.amount)
        };
        format!("{code} {value}").trim().to_owned()
    }
}

/// A contract on an account.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Contract {
    /// Product code.
    #[serde(default, deserialize_with = "de::string")]
    pub product_code: String,
    /// Contract code.
    #[serde(default, deserialize_with = "de::string")]
    pub contract_code: String,
    /// Product description.
    #[serde(default, deserialize_with = "de::string")]
    pub product_description: String,
    /// Opening date.
    #[serde(default, deserialize_with = "de::string")]
    pub opening_date: String,
    /// Maturity date.
    #[serde(default, deserialize_with = "de::string")]
    pub maturity_date: String,
}

/// An account routing: scheme and address.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Routing {
    /// e.g. "IBAN".
    #[serde(default, deserialize_with = "de::string")]
    pub scheme: String,
    /// The address in that scheme.
    #[serde(default, deserialize_with = "de::string")]
    pub address: String,
}

/// An account attribute.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct AccountAttribute {
    /// Id.
    #[serde(default, deserialize_with = "de::string")]
    pub account_attribute_id: String,
    /// Product code.
    #[serde(default, deserialize_with = "de::string")]
    pub product_code: String,
    /// Contract code, when set.
    #[serde(default, deserialize_with = "de::string")]
    pub contract_code: String,
    /// Name.
    #[serde(default, deserialize_with = "de::string")]
    pub name: String,
    /// Type name.
    #[serde(rename = "type", default, deserialize_with = "de::string")]
    pub kind: String,
    /// Value.
    #[serde(default, deserialize_with = "de::string")]
    pub value: String,
}

/// `POST /banks/BANK_ID/customers/customer-number-query/overview` (CanGetCustomerOverview).
pub async fn overview(
    api: &Api,
    bank_id: &str,
    customer_number: &str,
) -> Result<Overview, ApiError> {
    fetch(api, bank_id, customer_number, "overview").await
}

/// `POST …/customer-number-query/overview-flat` (CanGetCustomerOverviewFlat).
pub async fn overview_flat(
    api: &Api,
    bank_id: &str,
    customer_number: &str,
) -> Result<Overview, ApiError> {
    fetch(api, bank_id, customer_number, "overview-flat").await
}

async fn fetch(
    api: &Api,
    bank_id: &str,
    customer_number: &str,
    variant: &str,
) -> Result<Overview, ApiError> {
    let path = join(&[
        "banks",
        bank_id,
        "customers",
        "customer-number-query",
        variant,
    ]);
    let response = api
        .send_json(Method::Post, &path, &NumberQuery { customer_number })
        .await?;
    let decode = |e: serde_json::Error| ApiError::Decode(e.to_string());
    Ok(Overview {
        customer: serde_json::from_str(&response.body).map_err(decode)?,
        accounts: de::wrapped_list(&response.body, "accounts").map_err(decode)?,
    })
}
