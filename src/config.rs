//! [`AppConfig`]: read at startup from `config.json` next to `index.html`, so deployers point the
//! built app at their API without rebuilding.

use serde::Deserialize;

use crate::api::{ApiError, HttpRequest, Method, Transport};

/// Which customer API the app talks to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BackendKind {
    /// Open Bank Project v5.1.0 with DirectLogin: every page.
    #[default]
    Obp,
    /// The Enterprise API (`/v1/profiles/{id}/customers`) with a pasted bearer token: the
    /// customer list, create, edit and delete only.
    Enterprise,
}

/// Deployment settings. Every field has a default, so a partial file works.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default)]
pub struct AppConfig {
    /// API origin such as `https://api.bank.example`; empty means the app's own origin.
    pub api_base_url: String,
    /// OBP version path segment.
    pub api_version: String,
    /// Bank selected when a session starts.
    pub default_bank_id: String,
    /// DirectLogin consumer key, prefilled on the sign-in form.
    pub consumer_key: String,
    /// Milliseconds before an API request is abandoned.
    pub request_timeout_ms: u32,
    /// Title shown in the header and the browser tab.
    pub app_title: String,
    /// `"obp"` (default) or `"enterprise"`.
    pub backend: BackendKind,
    /// Enterprise profiles to work on; the first is the default, several offer a picker.
    pub profile_ids: Vec<String>,
    /// Origins (`https://cdn.bank.example`) KYC media thumbnails may load from besides the app's
    /// own; the CSP's `img-src` allows the same. Media elsewhere is shown as its URL only.
    pub media_origins: Vec<String>,
    /// Minutes after which the customer search index is loaded again in the background.
    pub index_max_age_minutes: u32,
}

impl Default for AppConfig {
    fn default() -> Self {
        Self {
            api_base_url: String::new(),
            api_version: "v5.1.0".to_owned(),
            default_bank_id: String::new(),
            consumer_key: String::new(),
            request_timeout_ms: 20_000,
            app_title: "Customer Console".to_owned(),
            backend: BackendKind::Obp,
            profile_ids: Vec::new(),
            media_origins: Vec::new(),
            index_max_age_minutes: 15,
        }
    }
}

impl AppConfig {
    /// Parses `config.json`; a clear message when it is not valid.
    pub fn parse(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| format!("config.json is not valid: {e}"))
    }
}

/// Fetches `config.json`, next to `index.html` (relative to the document's base URL), through
/// `transport` and parses it; a readable message when it is unreachable, missing or not valid.
pub async fn load(transport: &dyn Transport) -> Result<AppConfig, String> {
    let request = HttpRequest {
        method: Method::Get,
        url: "config.json".to_owned(),
        headers: Vec::new(),
        body: None,
    };
    let response = transport.send(request).await.map_err(|e| match e {
        ApiError::Network(why) => format!("config.json could not be loaded: {why}"),
        ApiError::Timeout => "config.json could not be loaded: no answer in time".to_owned(),
        other => format!("config.json could not be loaded: {other}"),
    })?;
    if !(200..300).contains(&response.status) {
        return Err(format!(
            "config.json could not be loaded: HTTP {}",
            response.status
        ));
    }
    AppConfig::parse(&response.body)
}
