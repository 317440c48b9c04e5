//! Running one API call natively against a fake that answers anything, and checking what it
//! sent.

use std::future::Future;

use customer_console::api::{Api, ApiError, HttpRequest, Method};
use futures::executor::block_on;
use serde_json::Value;

use super::{api_on, FakeTransport};

/// The API base the fake client is built on.
pub const BASE: &str = "https://api.example/obp/v5.1.0";

/// Runs `call` against a fake answering `status`/`body` to anything; returns its result and the
/// request it sent.
pub fn run<T, F, Fut>(status: u16, body: &str, call: F) -> (T, HttpRequest)
where
    F: FnOnce(Api) -> Fut,
    Fut: Future<Output = Result<T, ApiError>>,
{
    let transport = FakeTransport::new()
        .on(Method::Get, "", status, body)
        .on(Method::Post, "", status, body)
        .on(Method::Put, "", status, body)
        .on(Method::Delete, "", status, body);
    let result = block_on(call(api_on(&transport))).unwrap_or_else(|e| panic!("{e}"));
    (result, transport.last())
}

/// The sorted top-level keys of the request's JSON body.
pub fn body_keys(request: &HttpRequest) -> Vec<String> {
    let body: Value = serde_json::from_str(request.body.as_deref().unwrap_or("{}")).unwrap();
    let mut keys: Vec<String> = body.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    keys
}

/// Fails unless the request used `method` on `path` below the API base.
pub fn assert_sent(request: &HttpRequest, method: Method, path: &str) {
    assert_eq!(
        (request.method, request.url.as_str()),
        (method, format!("{BASE}{path}").as_str())
    );
}
