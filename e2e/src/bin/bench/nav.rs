//! In-app navigation under injected latency: the list, a customer's page by its link, then the
//! browser's back button. From cache means the list's rows come back with no `Loading …`
//! placeholder and before any API response arrives; a request for the list after going back
//! is the background revalidation.

use std::time::Duration;

use e2e::demo::{CUSTOMER_NUMBER, STAFF};
use e2e::{Harness, Result};

use crate::{emit, poll_mark};

/// The list page, and the link on it to customer 100001's page.
const LIST_PATH: &str = "/customers?limit=100";
const CUSTOMER_LINK: &str = "Zo\u{eb} M\u{fc}ller";
/// The longest the list may take to come back.
const BACK_TIMEOUT: Duration = Duration::from_secs(10);

/// Watches the page from now on, then goes back: `window.__benchBack` records when (ms since
/// navigation start) the list showed its rows again and whether a Loading placeholder appeared.
const BACK_JS: &str = r#"
const mark = { start: performance.now(), spinner: false, rowsAt: null };
window.__benchBack = mark;
const look = () => {
  if (document.querySelector('.loading')) mark.spinner = true;
  if (mark.rowsAt === null && location.pathname === '/customers'
      && document.querySelectorAll('table tbody tr').length >= 100) {
    mark.rowsAt = performance.now();
  }
};
new MutationObserver(look).observe(document.body, { childList: true, subtree: true });
history.back();
"#;

/// Goes list → customer → back once and prints the `back` line.
pub async fn measure(slow_url: &str) -> Result {
    let h = Harness::attach(slow_url).await?;
    h.login(STAFF.0, STAFF.1).await?;
    h.open_settled(LIST_PATH).await?;
    h.click_link(CUSTOMER_LINK).await?;
    h.wait_for_text(&format!("Customer number {CUSTOMER_NUMBER}"))
        .await?;
    h.wait_until_settled().await?;

    h.client.execute(BACK_JS, vec![]).await?;
    let mark = poll_mark(
        &h,
        "return window.__benchBack;",
        |mark| mark["rowsAt"].is_number(),
        BACK_TIMEOUT,
        "going back did not show the list's rows",
    )
    .await?;
    h.wait_until_settled().await?;

    let start = mark["start"].as_f64().unwrap_or_default();
    let rows_at = mark["rowsAt"].as_f64().unwrap_or_default();
    let after_back: Vec<_> = h
        .api_requests()
        .await?
        .into_iter()
        .filter(|r| r.start_ms >= start)
        .collect();
    let waited = after_back.iter().any(|r| r.end_ms <= rows_at);
    let revalidated = after_back
        .iter()
        .any(|r| r.url.contains("/customers?") && r.url.contains("limit=100"));
    emit(&[
        &"back",
        &format!("{:.1}", rows_at - start),
        &u8::from(mark["spinner"].as_bool().unwrap_or(true)),
        &u8::from(waited),
        &u8::from(revalidated),
    ]);
    h.assert_no_console_errors().await?;
    h.finish().await
}
