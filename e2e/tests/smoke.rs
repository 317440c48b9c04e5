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
