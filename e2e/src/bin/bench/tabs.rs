//! Every tab of the customer page under injected latency: how many API requests its page view
//! made, how many round trips they took one after another, and which URLs it fetched twice.

use e2e::demo::{tab_path, CUSTOMER_NUMBER, CUSTOMER_TABS, STAFF};
use e2e::perf::{duplicates, round_trips};
use e2e::{Harness, Result};

use crate::emit;

/// Opens each tab of customer 100001 fresh from its deep link and prints its `tab` line.
pub async fn measure(slow_url: &str, latency_ms: u64) -> Result {
    let h = Harness::attach(slow_url).await?;
    h.login(STAFF.0, STAFF.1).await?;
    let customer = h.find_customer(CUSTOMER_NUMBER).await?;
    eprintln!("bench: customer tabs at {latency_ms} ms latency");
    for (tab, shows) in CUSTOMER_TABS {
        let landed = h.open_settled(&tab_path(&customer, tab)).await?;
        h.wait_for_text(shows).await?;
        let requests = h.api_requests().await?;
        let first = requests.iter().map(|r| r.start_ms).fold(f64::MAX, f64::min);
        let last = requests.iter().map(|r| r.end_ms).fold(0.0, f64::max);
        let twice: Vec<String> = duplicates(&requests)
            .into_iter()
            .map(|(url, times)| format!("{url}\u{d7}{times}"))
            .collect();
        let name = if tab.is_empty() { "profile" } else { tab };
        emit(&[
            &"tab",
            &name,
            &landed,
            &requests.len(),
            &round_trips(&requests),
            &format!("{:.0}", (last - first).max(0.0)),
            &if twice.is_empty() {
                "-".to_owned()
            } else {
                twice.join(" ")
            },
        ]);
    }
    h.assert_no_console_errors_but_the_kyc_scan().await?;
    h.finish().await
}
