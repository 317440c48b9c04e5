//! Customers at a bank: list, get, find by number or phone, create, the "Update the … of a
//! Customer" endpoints, and delete cascade.

use serde::{Deserialize, Serialize};

use super::{attributes::CustomerAttribute, de, path::join, Api, ApiError, Method, Query};

/// A customer as OBP returns it. One type reads all three flavours (Customer310, Customer300 with
/// plain dates, Customer210 without title/branch/suffix): missing or null fields become empty.
#[serde_with::apply(
    String => #[serde(default, deserialize_with = "de::string")],
    bool => #[serde(default, deserialize_with = "de::bool")],
    Vec => #[serde(default, deserialize_with = "de::list")],
)]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Customer {
    /// Bank the customer belongs to.
    pub bank_id: String,
    /// The id used in URLs.
    #[serde_with(skip_apply)]
    pub customer_id: String,
    /// The bank's own number for the customer.
    pub customer_number: String,
    /// Legal name.
    pub legal_name: String,
    /// Mobile phone number.
    pub mobile_phone_number: String,
    /// Email address.
    pub email: String,
    /// Profile image.
    #[serde(default)]
    pub face_image: Option<FaceImage>,
    /// Date of birth: an OBP date-time, a plain `yyyy-MM-dd`, or empty.
    pub date_of_birth: String,
    /// Relationship status, e.g. "single".
    pub relationship_status: String,
    /// Number of dependants.
    #[serde(default, deserialize_with = "de::int")]
    pub dependants: i64,
    /// Dates of birth of dependants.
    pub dob_of_dependants: Vec<String>,
    /// Credit rating and its source.
    #[serde(default)]
    pub credit_rating: Option<CreditRating>,
    /// Credit limit.
    #[serde(default)]
    pub credit_limit: Option<CreditLimit>,
    /// Highest education attained.
    pub highest_education_attained: String,
    /// Employment status.
    pub employment_status: String,
    /// Whether KYC is satisfied.
    pub kyc_status: bool,
    /// Date of the last OK check; the list endpoints sort by it.
    pub last_ok_date: String,
    /// Title, e.g. "Dr." (absent in Customer210).
    pub title: String,
    /// Branch id (absent in Customer210).
    pub branch_id: String,
    /// Name suffix, e.g. "Jr" (absent in Customer210).
    pub name_suffix: String,
    /// Attributes, present on the single-customer endpoints.
    pub customer_attributes: Vec<CustomerAttribute>,
}

/// A customer's profile image.
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct FaceImage {
    /// Image URL.
    pub url: String,
    /// When it was taken (OBP date-time).
    pub date: String,
}

/// Credit rating with its source.
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct CreditRating {
    /// Rating, e.g. "A".
    pub rating: String,
    /// Who rated, e.g. "Experian".
    pub source: String,
}

/// Credit limit; OBP sends the amount as a string.
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct CreditLimit {
    /// ISO 4217 currency code.
    pub currency: String,
    /// Decimal amount.
    pub amount: String,
}

/// A customer in the minimal lists: ids only. Also reads Customers for Current User (IDs only),
/// whose entries are `{"id": …}` without a bank.
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct CustomerMinimal {
    /// Bank id; empty when the list does not say.
    pub bank_id: String,
    /// Customer id.
    #[serde(alias = "id")]
    #[serde_with(skip_apply)]
    pub customer_id: String,
}

/// The `{"customer_number": …}` body of the lookups by number.
#[derive(Serialize)]
pub(crate) struct NumberQuery<'a> {
    pub(crate) customer_number: &'a str,
}

#[derive(Serialize)]
struct PhoneQuery<'a> {
    mobile_phone_number: &'a str,
}

/// Body of Create Customer. Only `legal_name` and `mobile_phone_number` are required; the rest is
/// left out when unset.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NewCustomer {
    /// Legal name (required).
    pub legal_name: String,
    /// Mobile phone number (required).
    pub mobile_phone_number: String,
    /// Customer number; the server picks one when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_number: Option<String>,
    /// Email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Profile image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub face_image: Option<FaceImage>,
    /// Date of birth (OBP date-time).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<String>,
    /// Relationship status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relationship_status: Option<String>,
    /// Number of dependants; must equal the length of `dob_of_dependants`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dependants: Option<i64>,
    /// Dates of birth of dependants (OBP date-times).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dob_of_dependants: Option<Vec<String>>,
    /// Credit rating.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit_rating: Option<CreditRating>,
    /// Credit limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit_limit: Option<CreditLimit>,
    /// Highest education attained.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub highest_education_attained: Option<String>,
    /// Employment status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employment_status: Option<String>,
    /// KYC status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kyc_status: Option<bool>,
    /// Last OK date (OBP date-time).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_ok_date: Option<String>,
    /// Title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Branch id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub branch_id: Option<String>,
    /// Name suffix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_suffix: Option<String>,
}

/// One of the "Update the … of a Customer" requests. Each sends only its own field group.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum CustomerUpdate {
    /// `PUT …/email`
    Email {
        /// New email.
        email: String,
    },
    /// `PUT …/mobile-number`
    MobileNumber {
        /// New mobile phone number.
        mobile_phone_number: String,
    },
    /// `PUT …/number`
    Number {
        /// New customer number (unique at the bank).
        customer_number: String,
    },
    /// `PUT …/identity`
    Identity {
        /// Legal name.
        legal_name: String,
        /// Date of birth (OBP date-time).
        date_of_birth: String,
        /// Title.
        title: String,
        /// Name suffix.
        name_suffix: String,
    },
    /// `PUT …/credit-limit`
    CreditLimit {
        /// The new limit.
        credit_limit: CreditLimit,
    },
    /// `PUT …/credit-rating-and-source` (flat strings, not an object)
    CreditRating {
        /// Rating.
        credit_rating: String,
        /// Source.
        credit_source: String,
    },
    /// `PUT …/branch`
    Branch {
        /// Branch id.
        branch_id: String,
    },
    /// `PUT …/data`
    Data {
        /// Profile image.
        face_image: FaceImage,
        /// Relationship status.
        relationship_status: String,
        /// Number of dependants.
        dependants: i64,
        /// Highest education attained.
        highest_education_attained: String,
        /// Employment status.
        employment_status: String,
    },
}

impl CustomerUpdate {
    /// The path word after `/customers/CUSTOMER_ID/`.
    pub fn endpoint(&self) -> &'static str {
        match self {
            Self::Email { .. } => "email",
            Self::MobileNumber { .. } => "mobile-number",
            Self::Number { .. } => "number",
            Self::Identity { .. } => "identity",
            Self::CreditLimit { .. } => "credit-limit",
            Self::CreditRating { .. } => "credit-rating-and-source",
            Self::Branch { .. } => "branch",
            Self::Data { .. } => "data",
        }
    }
}

/// Sort order of the customer lists (by last OK date).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortDirection {
    /// Oldest first.
    Asc,
    /// Newest first (OBP's default).
    #[default]
    Desc,
}

impl SortDirection {
    /// The query value OBP expects.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Asc => "ASC",
            Self::Desc => "DESC",
        }
    }

    /// Parses `asc`/`desc` in any case.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.to_ascii_uppercase().as_str() {
            "ASC" => Some(Self::Asc),
            "DESC" => Some(Self::Desc),
            _ => None,
        }
    }
}

/// One page of a customer list. OBP gives no total: a short page is the last one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// Rows per page (OBP `limit`, at least 1).
    pub limit: u32,
    /// Rows to skip (OBP `offset`).
    pub offset: u32,
    /// Sort direction.
    pub sort: SortDirection,
}

impl Page {
    /// `?limit=…&offset=…&sort_direction=…`, every parameter explicit.
    pub(crate) fn query(&self) -> Query {
        Query::new()
            .with("limit", self.limit.max(1))
            .with("offset", self.offset)
            .with("sort_direction", self.sort.as_str())
    }
}

/// `GET /banks/BANK_ID/customers` (needs CanGetCustomers).
pub async fn list(api: &Api, bank_id: &str, page: Page) -> Result<Vec<Customer>, ApiError> {
    let path = join(&["banks", bank_id, "customers"]) + &page.query().build();
    api.get_list(&path, "customers").await
}

/// `GET /banks/BANK_ID/customers-minimal` (needs CanGetCustomersMinimal).
pub async fn list_minimal(
    api: &Api,
    bank_id: &str,
    page: Page,
) -> Result<Vec<CustomerMinimal>, ApiError> {
    let path = join(&["banks", bank_id, "customers-minimal"]) + &page.query().build();
    api.get_list(&path, "customers").await
}

/// `GET /customers`: every bank's customers, sorted by bank (needs CanGetCustomersAtAnyBank, a
/// system role).
pub async fn list_at_any_bank(api: &Api, page: Page) -> Result<Vec<Customer>, ApiError> {
    api.get_list(&format!("/customers{}", page.query().build()), "customers")
        .await
}

/// `GET /customers-minimal`: every bank's customer ids (needs CanGetCustomersMinimalAtAnyBank, a
/// system role).
pub async fn list_minimal_at_any_bank(
    api: &Api,
    page: Page,
) -> Result<Vec<CustomerMinimal>, ApiError> {
    let path = format!("/customers-minimal{}", page.query().build());
    api.get_list(&path, "customers").await
}

/// `GET /banks/BANK_ID/customers/CUSTOMER_ID` (needs CanGetCustomer).
pub async fn get(api: &Api, bank_id: &str, customer_id: &str) -> Result<Customer, ApiError> {
    api.get(&join(&["banks", bank_id, "customers", customer_id]))
        .await
}

/// Finds the customer `customer_id` without knowing its bank: Get Customer by CUSTOMER_ID asked
/// at `first`, then at each other bank of `then`, until one bank lets the user read customers. OBP has no
/// lookup by id alone, but this one does not check that the customer belongs to BANK_ID, so the
/// record it returns names the customer's own bank. A missing role (403 OBP-20006) or an unknown
/// bank (404 OBP-30001) moves on to the next bank; any other answer is final, such as 404
/// OBP-30046, which means no bank has that customer. With no bank left, `first`'s error.
pub async fn locate(
    api: &Api,
    first: &str,
    then: &[String],
    customer_id: &str,
) -> Result<Customer, ApiError> {
    let found = match get(api, first, customer_id).await {
        Err(error) if asks_elsewhere(&error) => {
            let mut found = Err(error);
            for bank_id in then.iter().filter(|bank| *bank != first) {
                match get(api, bank_id, customer_id).await {
                    Err(error) if asks_elsewhere(&error) => continue,
                    answer => {
                        found = answer;
                        break;
                    }
                }
            }
            found
        }
        answer => answer,
    }?;
    if found.bank_id.is_empty() {
        return Err(ApiError::Decode(
            "the customer record names no bank_id".to_owned(),
        ));
    }
    Ok(found)
}

/// Whether [`locate`] asks the next bank after `error`: the user may not read customers at this
/// bank, or the bank does not exist.
fn asks_elsewhere(error: &ApiError) -> bool {
    matches!(error, ApiError::MissingRole { .. }) || error.code() == Some("OBP-30001")
}

/// `POST /banks/BANK_ID/customers/customer-number`: finds a customer by number (404 OBP-30002).
pub async fn get_by_number(
    api: &Api,
    bank_id: &str,
    customer_number: &str,
) -> Result<Customer, ApiError> {
    let path = join(&["banks", bank_id, "customers", "customer-number"]);
    api.query(&path, &NumberQuery { customer_number }).await
}

/// The customer an unconfirmed create of `customer` may have made at `bank_id`: found by its
/// customer number when it has one, else by its exact mobile number and legal name. `None` when
/// there is none, so creating again makes no duplicate.
pub async fn find_created(
    api: &Api,
    bank_id: &str,
    customer: &NewCustomer,
) -> Result<Option<Customer>, ApiError> {
    if let Some(number) = customer
        .customer_number
        .as_deref()
        .filter(|n| !n.is_empty())
    {
        return match get_by_number(api, bank_id, number).await {
            Ok(found) => Ok(Some(found)),
            Err(error) if error.code() == Some("OBP-30002") => Ok(None),
            Err(error) => Err(error),
        };
    }
    // A number used as a pattern matches itself (wildcards match themselves too); the exact
    // comparison below drops whatever else it matches.
    let found = search_by_phone(api, bank_id, &customer.mobile_phone_number).await?;
    Ok(found.into_iter().find(|c| {
        c.legal_name == customer.legal_name && c.mobile_phone_number == customer.mobile_phone_number
    }))
}

/// `POST /banks/BANK_ID/search/customers/mobile-phone-number`; `%` and `_` are wildcards.
pub async fn search_by_phone(
    api: &Api,
    bank_id: &str,
    pattern: &str,
) -> Result<Vec<Customer>, ApiError> {
    let path = join(&[
        "banks",
        bank_id,
        "search",
        "customers",
        "mobile-phone-number",
    ]);
    // The doc names the field customer_phone_number; the server reads mobile_phone_number.
    let body = PhoneQuery {
        mobile_phone_number: pattern,
    };
    api.post_for_list(&path, &body, "customers").await
}

/// `POST /banks/BANK_ID/customers` (needs CanCreateCustomer).
pub async fn create(
    api: &Api,
    bank_id: &str,
    customer: &NewCustomer,
) -> Result<Customer, ApiError> {
    api.write(
        Method::Post,
        &join(&["banks", bank_id, "customers"]),
        customer,
    )
    .await
}

/// `PUT /banks/BANK_ID/customers/CUSTOMER_ID/<endpoint>`: one "Update the … of a Customer".
pub async fn update(
    api: &Api,
    bank_id: &str,
    customer_id: &str,
    update: &CustomerUpdate,
) -> Result<Customer, ApiError> {
    let path = join(&[
        "banks",
        bank_id,
        "customers",
        customer_id,
        update.endpoint(),
    ]);
    api.write(Method::Put, &path, update).await
}

/// `DELETE /management/cascading/banks/BANK_ID/customers/CUSTOMER_ID`: the customer and
/// everything linked to it (needs CanDeleteCustomerCascade).
pub async fn delete_cascade(api: &Api, bank_id: &str, customer_id: &str) -> Result<(), ApiError> {
    let path = join(&[
        "management",
        "cascading",
        "banks",
        bank_id,
        "customers",
        customer_id,
    ]);
    api.delete(&path).await
}
