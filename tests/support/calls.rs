//! Native helpers: an [`Api`] on a fake, one API call run against a fake that answers anything and
//! what it sent, form values and query strings.

use std::{future::Future, sync::Arc};

use customer_console::{
    api::{Api, ApiError, HttpRequest, Method},
    forms::FormValues,
};
use futures::executor::block_on;
use leptos::prelude::*;
use serde_json::Value;

use super::FakeTransport;

/// The versioned base URL of [`api_on`].
pub const BASE: &str = "https://api.example/obp/v5.1.0";

/// Runs `call` against a fake answering `status`/`body` to anything; returns its result and the
/// request it sent.
pub fn run<T, F, Fut>(status: u16, body: &str, call: F) -> (T, HttpRequest)
where
    F: FnOnce(Api) -> Fut,
    Fut: Future<Output = Result<T, ApiError>>,
{
    let (result, request) = try_run(status, body, call);
    (result.unwrap_or_else(|e| panic!("{e}")), request)
}

/// Like [`run`], keeping the error.
pub fn try_run<T, F, Fut>(status: u16, body: &str, call: F) -> (Result<T, ApiError>, HttpRequest)
where
    F: FnOnce(Api) -> Fut,
    Fut: Future<Output = Result<T, ApiError>>,
{
    let transport = FakeTransport::new()
        .on(Method::Get, "", status, body)
        .on(Method::Post, "", status, body)
        .on(Method::Put, "", status, body)
        .on(Method::Delete, "", status, body);
    let result = block_on(call(api_on(&transport)));
    (result, transport.last())
}

/// The sorted top-level keys of the request's JSON body.
pub fn body_keys(request: &HttpRequest) -> Vec<String> {
    let body: Value = serde_json::from_str(request.body.as_deref().unwrap_or("{}")).unwrap();
    sorted_keys(&body)
}

/// The sorted keys of a JSON object.
pub fn sorted_keys(object: &Value) -> Vec<String> {
    let mut keys: Vec<String> = object.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    keys
}

/// Fails unless the request used `method` on `path` (below [`BASE`], query included).
pub fn assert_sent(request: &HttpRequest, method: Method, path: &str) {
    assert_eq!(
        (request.method, request.url.as_str()),
        (method, format!("{BASE}{path}").as_str())
    );
}

/// An [`Api`] on `transport` at `https://api.example` with token `T0KEN`.
pub fn api_on(transport: &Arc<FakeTransport>) -> Api {
    Api::new(
        transport.clone(),
        "https://api.example/",
        "v5.1.0",
        Signal::stored(Some("T0KEN".to_owned())),
        None,
    )
}

/// Form values from `(name, value)` pairs.
pub fn values(pairs: &[(&'static str, &str)]) -> FormValues {
    FormValues::from_pairs(pairs.iter().map(|(k, v)| (*k, (*v).to_owned())))
}

/// The value of `key` in a query string such as `?a=1&b=x%20y`, decoded once as the app reads it.
pub fn query_value(search: &str, key: &str) -> Option<String> {
    customer_console::query::url_query::query_value(search, key)
}
