//! Customer overview (v5.0.0): `POST …/customers/customer-number-query/overview` and
//! `…/overview-flat`, both 200. The customer's accounts are those at BANK_ID carrying the account
//! attribute `customer_number` with the customer's number, as in OBP.
//!
//! Check order: login, role (`CanGetCustomerOverview[Flat] for BankId(BANK_ID).`), body, then the
//! customer by number at BANK_ID (404 OBP-30002); OBP's doc lists no BankNotFound, so an unknown
//! bank ends in OBP-30002 too.
//!
//! Real OBP v5.0.0 builds `balance` with its arguments swapped (`currency` holds the amount and
//! `amount` the currency). The sandbox follows the reference shape instead: `{"currency": "GBP",
//! "amount": "12.34"}`; a client should accept either.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use axum::Router;
use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::db::{Account, AccountAttribute, Customer, CustomerAttribute, User};
use crate::http::json;
use crate::obp_error::ObpError;
use crate::roles::{self, Role};
use crate::routes::customers::{customer_310, with_attributes, Customer310, WithAttributesJson};
use crate::routes::parse_body;
use crate::state::AppState;

/// The account attribute that ties an account to a customer number.
pub const CUSTOMER_NUMBER_ATTRIBUTE: &str = "customer_number";

/// The overview routes, relative to `/obp/v5.1.0`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/banks/{bank_id}/customers/customer-number-query/overview",
            post(overview),
        )
        .route(
            "/banks/{bank_id}/customers/customer-number-query/overview-flat",
            post(overview_flat),
        )
}

/// PostCustomerOverviewJsonV500.
#[derive(Deserialize)]
struct PostOverview {
    customer_number: String,
}

#[derive(Serialize)]
struct BalanceJson<'a> {
    currency: &'a str,
    amount: &'a str,
}

#[derive(Serialize)]
struct RoutingJson<'a> {
    scheme: &'a str,
    address: &'a str,
}

/// Account500; `contracts` is always present and empty (no contract attributes are kept).
#[derive(Serialize)]
struct AccountJson<'a> {
    account_id: &'a str,
    label: &'a str,
    product_code: &'a str,
    balance: BalanceJson<'a>,
    branch_id: &'a str,
    contracts: [(); 0],
    account_routings: [RoutingJson<'a>; 2],
    account_attributes: &'a [AccountAttribute],
}

fn account_json<'a>(
    (account, attributes): &'a (Account, Vec<AccountAttribute>),
) -> AccountJson<'a> {
    AccountJson {
        account_id: &account.account_id,
        label: &account.label,
        product_code: &account.product_code,
        balance: BalanceJson {
            currency: &account.currency,
            amount: &account.balance,
        },
        branch_id: &account.branch_id,
        contracts: [],
        account_routings: [
            RoutingJson {
                scheme: "AccountNumber",
                address: &account.account_number,
            },
            RoutingJson {
                scheme: "IBAN",
                address: &account.iban,
            },
        ],
        account_attributes: attributes,
    }
}

/// Overview: Customer310+attrs plus `accounts`.
#[derive(Serialize)]
struct OverviewJson<'a> {
    #[serde(flatten)]
    customer: WithAttributesJson<'a, Customer310<'a>>,
    accounts: Vec<AccountJson<'a>>,
}

/// OverviewFlat.
#[derive(Serialize)]
struct OverviewFlatJson<'a> {
    bank_id: &'a str,
    customer_id: &'a str,
    customer_number: &'a str,
    legal_name: &'a str,
    mobile_phone_number: &'a str,
    email: &'a str,
    date_of_birth: Option<Timestamp>,
    title: &'a str,
    branch_id: &'a str,
    name_suffix: &'a str,
    customer_attributes: &'a [CustomerAttribute],
    accounts: Vec<AccountJson<'a>>,
}

/// What both overviews show.
struct Found {
    customer: Customer,
    attributes: Vec<CustomerAttribute>,
    accounts: Vec<(Account, Vec<AccountAttribute>)>,
}

/// Role, body, customer by number at BANK_ID, its attributes and accounts.
fn find(
    state: &AppState,
    user: &User,
    bank_id: &str,
    role: Role,
    body: &[u8],
) -> Result<Found, ObpError> {
    user.require_any(&[role], bank_id)?;
    let posted: PostOverview = parse_body(body, "PostCustomerOverviewJsonV500")?;
    let store = state.store();
    let customer = store
        .customer_by_number(bank_id, &posted.customer_number)?
        .ok_or_else(ObpError::customer_not_found_by_number)?;
    let attributes = store.customer_attributes(bank_id, &customer.customer_id)?;
    let accounts = store.accounts_by_attribute(
        bank_id,
        CUSTOMER_NUMBER_ATTRIBUTE,
        &customer.customer_number,
    )?;
    Ok(Found {
        customer,
        attributes,
        accounts,
    })
}

/// `POST /banks/BANK_ID/customers/customer-number-query/overview`: 200 Overview.
async fn overview(
    State(state): State<AppState>,
    user: User,
    Path(bank_id): Path<String>,
    body: Bytes,
) -> Result<Response, ObpError> {
    let found = find(
        &state,
        &user,
        &bank_id,
        roles::CAN_GET_CUSTOMER_OVERVIEW,
        &body,
    )?;
    let body = OverviewJson {
        customer: with_attributes(customer_310(&found.customer), &found.attributes),
        accounts: found.accounts.iter().map(account_json).collect(),
    };
    Ok(json(StatusCode::OK, &body))
}

/// `POST /banks/BANK_ID/customers/customer-number-query/overview-flat`: 200 OverviewFlat.
async fn overview_flat(
    State(state): State<AppState>,
    user: User,
    Path(bank_id): Path<String>,
    body: Bytes,
) -> Result<Response, ObpError> {
    let found = find(
        &state,
        &user,
        &bank_id,
        roles::CAN_GET_CUSTOMER_OVERVIEW_FLAT,
        &body,
    )?;
    let c = &found.customer;
    let body = OverviewFlatJson {
        bank_id: &c.bank_id,
        customer_id: &c.customer_id,
        customer_number: &c.customer_number,
        legal_name: &c.legal_name,
        mobile_phone_number: &c.mobile_phone_number,
        email: &c.email,
        date_of_birth: c.date_of_birth,
        title: &c.title,
        branch_id: &c.branch_id,
        name_suffix: &c.name_suffix,
        customer_attributes: &found.attributes,
        accounts: found.accounts.iter().map(account_json).collect(),
    };
    Ok(json(StatusCode::OK, &body))
}
