//! Smoke test: the built app loads in a real browser and renders its login page cleanly.

use e2e::{Harness, Result};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_page_renders_without_console_errors() -> Result {
    let h = Harness::start().await?;
    h.goto("/login").await?;
    h.wait_for_heading("Sign in").await?;
    h.assert_no_console_errors().await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn config_json_is_fetched_once_while_the_wasm_loads() -> Result {
    let h = Harness::start().await?;
    h.goto("/login").await?;
    h.wait_for_heading("Sign in").await?;
    let initiators = h
        .client
        .execute(
            "return performance.getEntriesByType('resource')
                .filter(e => e.name.endsWith('/config.json')).map(e => e.initiatorType);",
            vec![],
        )
        .await?;
    // Preloaded by index.html (a `link`), then reused by the app's own fetch: one request.
    assert_eq!(initiators, serde_json::json!(["link"]));
    h.assert_no_console_errors().await?;
    h.finish().await
}
