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

/// Reloaded, the list gets its API answers from `prefetch.js`, which started them before the
/// wasm arrived: the app takes every one of them and sends none of its reads again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reloaded_list_takes_the_reads_prefetch_js_started() -> Result {
    let h = Harness::start().await?;
    h.login(STAFF.0, STAFF.1).await?;
    let list = "/customers?limit=100";
    h.goto(list).await?;
    h.wait_for_text(CUSTOMER_NUMBER).await?;
    let first = h.api_requests().await?;

    h.goto(list).await?;
    h.wait_for_text(CUSTOMER_NUMBER).await?;
    let prefetched = h
        .client
        .execute(
            "const p = window.__ccPrefetch; return p ? [...p.keys()] : null;",
            vec![],
        )
        .await?;
    assert_eq!(
        prefetched,
        serde_json::json!([]),
        "prefetch.js ran and the app took every answer it started"
    );
    let again = h.api_requests().await?;
    assert_eq!(
        again.len(),
        first.len(),
        "the same reads as the first load: {again:?}"
    );
    assert!(duplicates(&again).is_empty(), "{again:?}");
    h.assert_no_console_errors().await?;
    h.finish().await
}
