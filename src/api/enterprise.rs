//! The Enterprise API's customers (`/v1/profiles/PROFILE_ID/customers`): a paged list, get,
//! create, full-replace update and delete, with a bearer token. Its own models; the pages map
//! them to what they show.

use serde::{Deserialize, Serialize};

use super::{de, path::join, Api, ApiError, AuthScheme, Method, Query};

/// A postal address, structured as the Enterprise API keeps it.
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Address {
    /// House number.
    #[serde(default, deserialize_with = "de::opt_int")]
    pub premise: Option<i64>,
    /// Addition to the house number, e.g. "A".
    pub sub_premise: String,
    /// Building name.
    pub building: String,
    /// Postcode.
    pub postal_code: String,
    /// Street.
    pub thoroughfare: String,
    /// Town or city.
    pub locality: String,
    /// Province or state.
    pub state: String,
    /// ISO 3166-1 alpha-2 country.
    pub country: String,
}

/// A customer of a profile.
#[serde_with::apply(String => #[serde(default, deserialize_with = "de::string")])]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Customer {
    /// Id.
    pub id: String,
    /// Company name (companies).
    pub company: String,
    /// First name (persons).
    pub first_name: String,
    /// Last name (persons).
    pub last_name: String,
    /// Email.
    pub email: String,
    /// Phone, digits with country code.
    pub phone: String,
    /// Address; absent when none was given.
    #[serde(default)]
    pub address: Option<Address>,
    /// When it was created (ISO 8601).
    pub created: String,
}

impl Customer {
    /// The name to show: the company, else first and last name.
    pub fn display_name(&self) -> String {
        let person = format!("{} {}", self.first_name.trim(), self.last_name.trim());
        match (self.company.trim(), person.trim()) {
            ("", "") => "(no name)".to_owned(),
            ("", person) => person.to_owned(),
            (company, "") => company.to_owned(),
            (company, person) => format!("{company} ({person})"),
        }
    }
}

/// The body of create and update: the whole customer (update replaces everything).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CustomerBody {
    /// Company name.
    pub company: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Email.
    pub email: String,
    /// Phone, digits.
    pub phone: String,
    /// Address.
    pub address: Address,
}

/// One page of a list, as the API pages it (0-based `page`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub struct Paged<T> {
    /// This page, from 0.
    #[serde(default, deserialize_with = "de::uint")]
    pub page: u32,
    /// How many pages there are.
    #[serde(default, deserialize_with = "de::uint")]
    pub pages: u32,
    /// Rows a page.
    #[serde(default, deserialize_with = "de::uint")]
    pub size: u32,
    /// Rows in all.
    #[serde(default, deserialize_with = "de::uint")]
    pub count: u64,
    /// This page's rows.
    #[serde(default = "Vec::new", deserialize_with = "de::list")]
    pub data: Vec<T>,
}

fn customers_path(profile_id: &str) -> String {
    join(&["v1", "profiles", profile_id, "customers"])
}

fn customer_path(profile_id: &str, customer_id: &str) -> String {
    join(&["v1", "profiles", profile_id, "customers", customer_id])
}

/// `GET /v1/profiles/PROFILE_ID/customers?page=&size=`.
pub async fn list(
    api: &Api,
    profile_id: &str,
    page: u32,
    size: u32,
) -> Result<Paged<Customer>, ApiError> {
    let query = Query::new().with("page", page).with("size", size.max(1));
    api.get(&(customers_path(profile_id) + &query.build()))
        .await
}

/// Whether `token` may read `profile_id`'s customers: one one-row page asked with it, before
/// it becomes the session's token.
pub async fn check_token(api: &Api, profile_id: &str, token: &str) -> Result<(), ApiError> {
    let query = Query::new().with("page", 0).with("size", 1);
    let url = api.url(&(customers_path(profile_id) + &query.build()));
    let header = AuthScheme::Bearer.header(token);
    api.send_with(Method::Get, url, vec![header], None)
        .await
        .map(drop)
}

/// The customer an unconfirmed create of `body` may have made: one among the newest customers
/// of the profile (the list is newest first) with the same names, email and phone. `None` when
/// there is none, so creating again makes no duplicate.
pub async fn find_created(
    api: &Api,
    profile_id: &str,
    body: &CustomerBody,
) -> Result<Option<Customer>, ApiError> {
    let newest = list(api, profile_id, 0, 50).await?;
    Ok(newest.data.into_iter().find(|c| {
        (&c.company, &c.first_name, &c.last_name, &c.email, &c.phone)
            == (
                &body.company,
                &body.first_name,
                &body.last_name,
                &body.email,
                &body.phone,
            )
    }))
}

/// `GET /v1/profiles/PROFILE_ID/customers/CUSTOMER_ID` (unknown: 404).
pub async fn get(api: &Api, profile_id: &str, customer_id: &str) -> Result<Customer, ApiError> {
    api.get(&customer_path(profile_id, customer_id)).await
}

/// `POST /v1/profiles/PROFILE_ID/customers` (200 with the new customer).
pub async fn create(
    api: &Api,
    profile_id: &str,
    body: &CustomerBody,
) -> Result<Customer, ApiError> {
    api.write(Method::Post, &customers_path(profile_id), body)
        .await
}

/// `PUT /v1/profiles/PROFILE_ID/customers/CUSTOMER_ID`: replaces the whole customer.
pub async fn update(
    api: &Api,
    profile_id: &str,
    customer_id: &str,
    body: &CustomerBody,
) -> Result<Customer, ApiError> {
    api.write(Method::Put, &customer_path(profile_id, customer_id), body)
        .await
}

/// `DELETE /v1/profiles/PROFILE_ID/customers/CUSTOMER_ID` (200 with the deleted customer).
pub async fn delete(api: &Api, profile_id: &str, customer_id: &str) -> Result<(), ApiError> {
    let path = customer_path(profile_id, customer_id);
    api.send(Method::Delete, api.url(&path), None)
        .await
        .map(drop)
        .map_err(ApiError::after_change)
}
