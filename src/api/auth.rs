//! DirectLogin: trade username, password and consumer key for a session token.

use serde::Deserialize;

use super::{Api, ApiError, Method};

#[derive(Deserialize)]
struct Token {
    token: String,
}

/// Credentials for `POST /my/logins/direct`. `Debug` shows the username only.
#[derive(Clone, Default, PartialEq)]
pub struct Credentials {
    /// Username.
    pub username: String,
    /// Password.
    pub password: String,
    /// The app's consumer key.
    pub consumer_key: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("username", &self.username)
            .field("password", &"<redacted>")
            .field("consumer_key", &"<redacted>")
            .finish()
    }
}

impl Credentials {
    /// The `DirectLogin` header value. OBP splits it on commas and strips double quotes.
    pub fn header(&self) -> String {
        format!(
            "username={}, password={}, consumer_key={}",
            quote(&self.username),
            quote(&self.password),
            quote(&self.consumer_key)
        )
    }
}

fn quote(value: &str) -> String {
    format!("\"{value}\"")
}

/// `POST /my/logins/direct`: returns the token to send as `DirectLogin: token=…`.
pub async fn login(api: &Api, credentials: &Credentials) -> Result<String, ApiError> {
    let response = api
        .send_with(
            Method::Post,
            api.root_url("/my/logins/direct"),
            vec![("DirectLogin", credentials.header())],
            Some("{}".to_owned()),
        )
        .await?;
    serde_json::from_str::<Token>(&response.body)
        .map(|t| t.token)
        .map_err(|e| ApiError::Decode(e.to_string()))
}
