//! The browser console log, read through chromedriver's `POST /session/{id}/se/log`.
//!
//! Chromedriver returns the entries logged since the previous read, so each read sees new
//! entries only. Recording needs `goog:loggingPrefs: {"browser": "ALL"}` (set by the driver).

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::Client;
use http::Method;
use url::{ParseError, Url};

use crate::error::{Error, Result};

/// One console entry.
#[derive(Debug, Clone)]
pub struct LogEntry {
    /// `SEVERE`, `WARNING`, `INFO` or `DEBUG`.
    pub level: String,
    /// The message as Chromium wrote it (source location first).
    pub message: String,
    /// Where it came from: `javascript`, `console-api`, `network`, …
    pub source: String,
}

impl LogEntry {
    /// A failed or non-2xx fetch of an API endpoint. The browser logs every such answer, but
    /// for the app it is data: it shows the OBP (or Enterprise API) error, and the tests assert
    /// on that rendering. Failed loads of the app's own files stay errors.
    pub fn is_api_answer(&self) -> bool {
        self.source == "network"
            && ["/obp/v", "/my/logins/direct", "/v1/profiles/"]
                .iter()
                .any(|api| self.message.contains(api))
    }
}

#[derive(Debug)]
struct GetBrowserLog;

impl WebDriverCompatibleCommand for GetBrowserLog {
    fn endpoint(&self, base_url: &Url, session_id: Option<&str>) -> Result<Url, ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &Url) -> (Method, Option<String>) {
        (Method::POST, Some(r#"{"type":"browser"}"#.to_string()))
    }
}

/// The console entries logged since the last read.
pub async fn read(client: &Client) -> Result<Vec<LogEntry>> {
    let entries = client.issue_cmd(GetBrowserLog).await?;
    let serde_json::Value::Array(entries) = entries else {
        return Err(Error::new(format!(
            "chromedriver answered the browser log request with {entries}"
        )));
    };
    Ok(entries
        .iter()
        .map(|entry| LogEntry {
            level: entry["level"].as_str().unwrap_or("?").to_string(),
            message: entry["message"].as_str().unwrap_or("").to_string(),
            source: entry["source"].as_str().unwrap_or("").to_string(),
        })
        .collect())
}
