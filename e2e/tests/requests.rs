//! No URL is fetched twice for one page view (issue 12): every tab of customer 100001, opened
//! fresh from its deep link, with its requests counted from the browser's resource timings.
//! This test counts requests; it does not time them (`cargo xtask bench` does that).

use e2e::demo::{tab_path, CUSTOMER_NUMBER, CUSTOMER_TABS, STAFF};
use e2e::perf::duplicates;
use e2e::{Harness, Result};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_customer_tab_fetches_each_url_once() -> Result {
    let h = Harness::start().await?;
    h.login(STAFF.0, STAFF.1).await?;
    let customer = h.find_customer(CUSTOMER_NUMBER).await?;

    let mut fetched_twice = Vec::new();
    for (tab, shows) in CUSTOMER_TABS {
        let landed = h.open_settled(&tab_path(&customer, tab)).await?;
        h.wait_for_text(shows).await?;
        let requests = h.api_requests().await?;
        assert!(
            !requests.is_empty(),
            "{landed} made no API request: the page did not load its data"
        );
        for (url, times) in duplicates(&requests) {
            fetched_twice.push(format!("  {landed}: {url} fetched {times} times"));
        }
    }
    h.assert_no_console_errors_but_the_kyc_scan().await?;
    assert!(
        fetched_twice.is_empty(),
        "URLs fetched more than once in one page view:\n{}",
        fetched_twice.join("\n")
    );
    h.finish().await
}
