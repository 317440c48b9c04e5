//! Get Firehose Customers: bulk, paged access to a bank's customers, windowed by when each
//! customer record last changed.

use super::{
    customers::{Customer, Page},
    path::join,
    Api, ApiError,
};

/// The firehose's query parameters. Any other parameter would filter by customer attribute,
/// so nothing else is ever sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FirehoseQuery {
    /// `limit`, `offset` and `sort_direction` (by last OK date).
    pub page: Page,
    /// `from_date`: changed at or after, as `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'` (see
    /// [`crate::dates::query_start`]).
    pub from_date: Option<String>,
    /// `to_date`: changed at or before, in the same format.
    pub to_date: Option<String>,
}

/// `GET /banks/BANK_ID/firehose/customers` (needs CanUseCustomerFirehoseAtAnyBank, a system
/// role). An instance without `allow_customer_firehose=true` answers 400 OBP-00009.
pub async fn customers(
    api: &Api,
    bank_id: &str,
    query: &FirehoseQuery,
) -> Result<Vec<Customer>, ApiError> {
    let mut params = query.page.query();
    if let Some(from) = &query.from_date {
        params = params.with("from_date", from);
    }
    if let Some(to) = &query.to_date {
        params = params.with("to_date", to);
    }
    let path = join(&["banks", bank_id, "firehose", "customers"]) + &params.build();
    api.get_list(&path, "customers").await
}
