//! Chrome DevTools Protocol commands through chromedriver's `POST /session/{id}/goog/cdp/execute`
//! (what Selenium's `execute_cdp_cmd` uses): the bench needs a few the WebDriver standard lacks,
//! such as a script that runs before a document's own scripts, and switching the HTTP cache off.

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::Client;
use http::Method;
use serde_json::{json, Value};
use url::{ParseError, Url};

use crate::error::Result;

#[derive(Debug)]
struct Cdp {
    body: String,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base_url: &Url, session_id: Option<&str>) -> Result<Url, ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &Url) -> (Method, Option<String>) {
        (Method::POST, Some(self.body.clone()))
    }
}

/// Runs the CDP command `cmd` (e.g. `Network.setCacheDisabled`) on the current page and returns
/// its result.
pub async fn execute(client: &Client, cmd: &str, params: Value) -> Result<Value> {
    let body = json!({ "cmd": cmd, "params": params }).to_string();
    Ok(client.issue_cmd(Cdp { body }).await?)
}
