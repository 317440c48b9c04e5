//! Reads the sandbox's OBP API directly, beside the browser: what a test checks on the server
//! after the app changed it.

use http::{header, Method, Request};
use http_body_util::{BodyExt, Empty};
use hyper_util::{
    client::legacy::{connect::HttpConnector, Client},
    rt::TokioExecutor,
};
use serde_json::Value;

use crate::error::{Error, Result};
use crate::Harness;

/// The consumer key the sandbox accepts unless told otherwise.
const CONSUMER_KEY: &str = "sandbox-consumer-key";

type HttpClient = Client<HttpConnector, Empty<&'static [u8]>>;

impl Harness {
    /// `GET /obp/v5.1.0{path}` as `username`, signed in with DirectLogin; the JSON answer.
    /// Fails on any answer but 200.
    pub async fn api_get(&self, username: &str, password: &str, path: &str) -> Result<Value> {
        let client: HttpClient = Client::builder(TokioExecutor::new()).build_http();
        let login =
            format!("username={username}, password={password}, consumer_key={CONSUMER_KEY}");
        let token = self
            .send(
                &client,
                Method::POST,
                "/my/logins/direct",
                ("DirectLogin", login),
            )
            .await?;
        let token = token["token"]
            .as_str()
            .ok_or_else(|| Error::new(format!("DirectLogin answered no token: {token}")))?
            .to_owned();
        let url = format!("/obp/v5.1.0{path}");
        self.send(
            &client,
            Method::GET,
            &url,
            ("DirectLogin", format!("token={token}")),
        )
        .await
    }

    async fn send(
        &self,
        client: &HttpClient,
        method: Method,
        path: &str,
        (name, value): (&'static str, String),
    ) -> Result<Value> {
        let request = Request::builder()
            .method(method.clone())
            .uri(format!("{}{path}", self.base_url))
            .header(name, value)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Empty::new())
            .map_err(|e| Error::new(format!("{method} {path}: {e}")))?;
        let response = client
            .request(request)
            .await
            .map_err(|e| Error::new(format!("{method} {path}: {e}")))?;
        let status = response.status();
        let body = response
            .into_body()
            .collect()
            .await
            .map_err(|e| Error::new(format!("{method} {path}: {e}")))?
            .to_bytes();
        let text = String::from_utf8_lossy(&body);
        if !status.is_success() {
            return Err(Error::new(format!(
                "{method} {path}: HTTP {status}: {text}"
            )));
        }
        Ok(serde_json::from_str(&text)?)
    }
}
