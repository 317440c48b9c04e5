//! [`Api`]: base URL, auth header and the one `send` that turns any answer into `Result<T, ApiError>`;
//! reads that get no answer or a server error are retried there (the policy: [`super::retry`]).

use std::{future::Future, pin::Pin, sync::Arc};

use leptos::prelude::{Callable, Callback, GetUntracked, Signal};
use serde::{de::DeserializeOwned, Serialize};

use super::{
    retry::{delay_ms, random_unit, worth_retrying, RETRIES},
    ApiError, Connection,
};

/// HTTP verbs the API uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// GET
    Get,
    /// POST
    Post,
    /// PUT
    Put,
    /// DELETE
    Delete,
}

/// One HTTP request, transport-neutral. Its `Debug` output redacts every header value, since
/// `DirectLogin` and `Authorization` carry secrets.
#[derive(Clone, PartialEq)]
pub struct HttpRequest {
    /// The verb.
    pub method: Method,
    /// Absolute URL (or path, when the API is on the app's origin).
    pub url: String,
    /// Extra headers (`DirectLogin`, `Content-Type`).
    pub headers: Vec<(&'static str, String)>,
    /// JSON body for POST and PUT.
    pub body: Option<String>,
}

impl std::fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(name, _)| (*name, "<redacted>"))
            .collect();
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &headers)
            .field("body", &self.body)
            .finish()
    }
}

/// One HTTP answer: status and body text.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpResponse {
    /// HTTP status.
    pub status: u16,
    /// Body text (may be empty).
    pub body: String,
}

/// A future that need not be `Send` (browser futures are not).
pub type LocalFuture<T> = Pin<Box<dyn Future<Output = T>>>;

/// Sends requests: the browser's `fetch` in the app, a fake in tests.
pub trait Transport: Send + Sync {
    /// Sends one request. Fails only when there is no HTTP answer at all.
    fn send(&self, request: HttpRequest) -> LocalFuture<Result<HttpResponse, ApiError>>;

    /// Waits `ms` milliseconds (between retries of a read): a timer in the browser, whatever
    /// suits the test in tests.
    fn sleep(&self, ms: u32) -> LocalFuture<()>;
}

/// Handle to the API, provided through context. Cheap to clone.
#[derive(Clone)]
pub struct Api {
    transport: Arc<dyn Transport>,
    base_url: Arc<str>,
    prefix: Arc<str>,
    token: Signal<Option<String>>,
    on_session_over: Option<Callback<()>>,
    auth: AuthScheme,
    connection: Connection,
}

/// How the session token travels with each request.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AuthScheme {
    /// OBP's `DirectLogin: token=…` header.
    #[default]
    DirectLogin,
    /// `Authorization: Bearer …`.
    Bearer,
}

impl Api {
    /// A handle for OBP at `base_url` (empty: same origin) speaking `version` (e.g. `v5.1.0`),
    /// sending the token as DirectLogin; [`Self::with_scheme`] addresses another API.
    /// `token` is read at each call; `on_session_over` runs when the server says the session ended.
    pub fn new(
        transport: Arc<dyn Transport>,
        base_url: &str,
        version: &str,
        token: Signal<Option<String>>,
        on_session_over: Option<Callback<()>>,
    ) -> Self {
        Self {
            transport,
            base_url: base_url.trim_end_matches('/').into(),
            prefix: format!("/obp/{version}").into(),
            token,
            on_session_over,
            auth: AuthScheme::DirectLogin,
            connection: Connection::new(),
        }
    }

    /// The same handle for an API whose paths start at `prefix` below the base URL (empty: at
    /// its root) and whose token travels as `auth` says.
    pub fn with_scheme(self, auth: AuthScheme, prefix: &str) -> Self {
        Self {
            auth,
            prefix: prefix.trim_end_matches('/').into(),
            ..self
        }
    }

    /// What this handle has seen of the network: offline, reads retrying, reconnections.
    pub fn connection(&self) -> Connection {
        self.connection
    }

    /// The full URL of an API path such as `/banks` (OBP: below `/obp/VERSION`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{}{}", self.base_url, self.prefix, path)
    }

    /// The full URL of an unversioned path such as `/my/logins/direct`.
    pub(crate) fn root_url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// GET a versioned path and decode the JSON answer.
    pub(crate) async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        let response = self.send(Method::Get, self.url(path), None).await?;
        decode(&response.body)
    }

    /// GET a versioned path whose answer wraps a list under `key`.
    pub(crate) async fn get_list<T: DeserializeOwned>(
        &self,
        path: &str,
        key: &'static str,
    ) -> Result<Vec<T>, ApiError> {
        let response = self.send(Method::Get, self.url(path), None).await?;
        decode_list(&response.body, key)
    }

    /// POST a JSON body to a versioned path whose answer wraps a list under `key`.
    pub(crate) async fn post_for_list<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
        key: &'static str,
    ) -> Result<Vec<T>, ApiError> {
        let response = self.send_json(Method::Post, path, body).await?;
        decode_list(&response.body, key)
    }

    /// POST or PUT a JSON body that changes something at a versioned path and decode the JSON
    /// answer. A timeout becomes [`ApiError::OutcomeUnknown`].
    pub(crate) async fn write<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        let response = self
            .send_json(method, path, body)
            .await
            .map_err(ApiError::after_change)?;
        decode(&response.body)
    }

    /// POST a JSON body that only asks (a search by number, for instance) and decode the answer.
    pub(crate) async fn query<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        let response = self.send_json(Method::Post, path, body).await?;
        decode(&response.body)
    }

    /// POST or PUT a JSON body to a versioned path; the raw answer.
    pub(crate) async fn send_json<B: Serialize>(
        &self,
        method: Method,
        path: &str,
        body: &B,
    ) -> Result<HttpResponse, ApiError> {
        let body = serde_json::to_string(body).map_err(|e| ApiError::Decode(e.to_string()))?;
        self.send(method, self.url(path), Some(body)).await
    }

    /// DELETE a versioned path. Accepts both of OBP's success forms: 204 empty and 200 `true`.
    pub(crate) async fn delete(&self, path: &str) -> Result<(), ApiError> {
        let response = self
            .send(Method::Delete, self.url(path), None)
            .await
            .map_err(ApiError::after_change)?;
        match response.body.trim() {
            "" | "true" => Ok(()),
            other => Err(ApiError::Decode(format!("expected true, got {other:.80}"))),
        }
    }

    /// Sends with the session header, maps failures, and reports a session that ended.
    pub(crate) async fn send(
        &self,
        method: Method,
        url: String,
        body: Option<String>,
    ) -> Result<HttpResponse, ApiError> {
        let token = self.token.get_untracked();
        let headers = match &token {
            Some(token) => vec![self.auth.header(token)],
            None => Vec::with_capacity(1),
        };
        self.dispatch(method, url, headers, body, token).await
    }

    /// Sends with explicit headers and no session token (login sends its own `DirectLogin`).
    pub(crate) async fn send_with(
        &self,
        method: Method,
        url: String,
        headers: Vec<(&'static str, String)>,
        body: Option<String>,
    ) -> Result<HttpResponse, ApiError> {
        self.dispatch(method, url, headers, body, None).await
    }

    /// Sends one request; a GET again, after a growing wait, while it gets no answer or a 5xx
    /// (at most [`RETRIES`] times, shown by the [`Connection`]). A "session over" answer ends
    /// the session only when the request carried the token that is current now: a late 401 for
    /// an old token leaves a newer session alone.
    async fn dispatch(
        &self,
        method: Method,
        url: String,
        mut headers: Vec<(&'static str, String)>,
        body: Option<String>,
        carried: Option<String>,
    ) -> Result<HttpResponse, ApiError> {
        if body.is_some() {
            headers.push(("Content-Type", "application/json".to_owned()));
        }
        let request = HttpRequest {
            method,
            url,
            headers,
            body,
        };
        let response = self.attempts(request).await?;
        if (200..300).contains(&response.status) {
            return Ok(response);
        }
        let error = ApiError::from_response(response.status, &response.body);
        if error.is_session_over() && carried.is_some() && carried == self.token.get_untracked() {
            if let Some(callback) = self.on_session_over {
                callback.run(());
            }
        }
        Err(error)
    }

    /// Sends `request`, and again while [`worth_retrying`] says so; the last answer.
    async fn attempts(&self, request: HttpRequest) -> Result<HttpResponse, ApiError> {
        let method = request.method;
        let mut mark = None;
        let mut retry = 0;
        loop {
            let answer = self.transport.send(request.clone()).await;
            let last = retry == RETRIES || !worth_retrying(method, &answer);
            self.connection.saw(&answer, last);
            if last {
                return answer;
            }
            retry += 1;
            mark.get_or_insert_with(|| self.connection.mark_retrying())
                .waiting_for(retry);
            self.transport.sleep(delay_ms(retry, random_unit())).await;
        }
    }
}

impl AuthScheme {
    /// The header carrying `token`.
    pub fn header(self, token: &str) -> (&'static str, String) {
        match self {
            Self::DirectLogin => ("DirectLogin", format!("token={token}")),
            Self::Bearer => ("Authorization", format!("Bearer {token}")),
        }
    }
}

/// Decodes a JSON body, turning any mismatch into [`ApiError::Decode`].
fn decode<T: DeserializeOwned>(body: &str) -> Result<T, ApiError> {
    serde_json::from_str(body).map_err(|e| ApiError::Decode(e.to_string()))
}

/// Decodes the list OBP wraps under `key`.
fn decode_list<T: DeserializeOwned>(body: &str, key: &'static str) -> Result<Vec<T>, ApiError> {
    super::de::wrapped_list(body, key).map_err(|e| ApiError::Decode(e.to_string()))
}
