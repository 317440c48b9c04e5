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
#[serde_with::apply(
    String => #[serde(default, deserialize_with = "de::string")],
    Vec => #[serde(default, deserialize_with = "de::list")],
)]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Account {
    /// Account id.
    #[serde_with(skip_apply)]
    pub account_id: String,
    /// Label.
    pub label: String,
    /// Product code.
    pub product_code: String,
    /// Balance.
    #[serde(default)]
    pub balance: Option<Amount>,
    /// Branch.
    pub branch_id: String,
    /// Contracts, when the bank records them.
    pub contracts: Vec<Contract>,
    /// Routings such as IBAN.
    pub account_routings: Vec<Routing>,
    /// Account attributes.
    pub account_attributes: Vec<AccountAttribute>,
}

/// A currency amount, as text.
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Amount {
    /// ISO 4217 code.
    pub currency: String,
    /// Decimal amount.
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
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Contract {
    /// Product code.
    pub product_code: String,
    /// Contract code.
    pub contract_code: String,
    /// Product description.
    pub product_description: String,
    /// Opening date.
    pub opening_date: String,
    /// Maturity date.
    pub maturity_date: String,
}

/// An account routing: scheme and address.
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Routing {
    /// e.g. "IBAN".
    pub scheme: String,
    /// The address in that scheme.
    pub address: String,
}

/// An account attribute.
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct AccountAttribute {
    /// Id.
    pub account_attribute_id: String,
    /// Product code.
    pub product_code: String,
    /// Contract code, when set.
    pub contract_code: String,
    /// Name.
    pub name: String,
    /// Type name.
    #[serde(rename = "type")]
    pub kind: String,
    /// Value.
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
