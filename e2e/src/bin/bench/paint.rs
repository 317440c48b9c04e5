//! First paint of the customer list, `/customers?limit=100`, against the hand-written baseline
//! page that makes the same two requests and builds the same table, in the same browser.
//!
//! A script registered before every document (CDP `Page.addScriptToEvaluateOnNewDocument`)
//! watches the DOM; once the page holds 100 table rows it waits for the next frame and records
//! `performance.now()` just after it, so "painted" means the same for both pages. Cold runs load
//! with the HTTP cache switched off (CDP `Network.setCacheDisabled`), warm runs with it on and
//! filled.

use std::time::Duration;

use e2e::demo::{CUSTOMER_NUMBER, STAFF};
use e2e::{Error, Harness, Result};
use serde_json::{json, Value};

use crate::{emit, poll_mark};

/// The page of the app that is timed, and the baseline page that does its work by hand.
const PAGES: [(&str, &str); 2] = [
    ("app", "/customers?limit=100"),
    ("baseline", "/bench/baseline.html?limit=100"),
];
/// The rows both pages show.
const ROWS: usize = 100;
/// The longest one page may take to paint its rows.
const PAINT_TIMEOUT: Duration = Duration::from_secs(30);

/// Records in `window.__benchRows.at` when the document's table first showed [`ROWS`] rows.
const ROWS_MARK_JS: &str = r#"
(() => {
  const mark = { at: null };
  window.__benchRows = mark;
  const observer = new MutationObserver(() => {
    if (document.querySelectorAll('table tbody tr').length < 100) return; // ROWS
    observer.disconnect();
    // The rows are in the DOM: the next frame paints them. A frame callback runs before that
    // paint, a task queued from it after.
    requestAnimationFrame(() => setTimeout(() => { mark.at = performance.now(); }));
  });
  observer.observe(document, { childList: true, subtree: true });
})();
"#;

/// `[rows, text of the first cell]` of the painted table.
const TABLE_JS: &str = "return [document.querySelectorAll('table tbody tr').length, \
                        (document.querySelector('table tbody td') || {}).textContent || ''];";

/// Times `runs` cold and warm loads of each page, interleaved, and prints them; prints the
/// files the first cold and warm app loads fetched before their rows were painted.
pub async fn measure(url: &str, runs: usize) -> Result {
    let h = Harness::attach(url).await?;
    h.login(STAFF.0, STAFF.1).await?;
    h.cdp("Network.enable", json!({})).await?;
    h.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": ROWS_MARK_JS }),
    )
    .await?;
    // Fill the cache, so that every warm run finds it filled.
    for (_, path) in PAGES {
        rows_painted(&h, path).await?;
    }

    let mut times = vec![Vec::new(); PAGES.len() * 2];
    for run in 0..runs {
        for (page, (name, path)) in PAGES.into_iter().enumerate() {
            for (cold, slot) in [(true, 2 * page), (false, 2 * page + 1)] {
                h.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": cold }))
                    .await?;
                let painted = rows_painted(&h, path).await?;
                times[slot].push(painted);
                if run == 0 && name == "app" {
                    first_download(&h, painted, if cold { "cold" } else { "warm" }).await?;
                }
            }
        }
    }
    for (page, (name, _)) in PAGES.into_iter().enumerate() {
        for (cold, slot) in [("cold", 2 * page), ("warm", 2 * page + 1)] {
            let list: Vec<String> = times[slot].iter().map(|t| format!("{t:.1}")).collect();
            emit(&[&"paint", &name, &cold, &list.join(",")]);
        }
    }
    h.assert_no_console_errors().await?;
    h.finish().await
}

/// Opens `path` in a fresh document and returns when its rows were painted (ms since the
/// navigation started), after checking they are the demo bank's first 100 customers.
async fn rows_painted(h: &Harness, path: &str) -> Result<f64> {
    h.goto(path).await?;
    let painted = poll_mark(
        h,
        "return (window.__benchRows || {}).at ?? null;",
        Value::is_number,
        PAINT_TIMEOUT,
        &format!("{path} did not paint {ROWS} rows"),
    )
    .await?
    .as_f64()
    .unwrap_or_default();
    let table = h.client.execute(TABLE_JS, vec![]).await?;
    let (rows, first) = (table[0].as_u64(), table[1].as_str().unwrap_or_default());
    if rows != Some(ROWS as u64) || first.trim() != CUSTOMER_NUMBER {
        return Err(Error::new(format!(
            "{path} painted {rows:?} rows starting with {first:?}, not {ROWS} from {CUSTOMER_NUMBER}"
        )));
    }
    Ok(painted)
}

/// Prints each wasm, js and css file that the current page (a `cache` load) started fetching
/// before `painted`.
async fn first_download(h: &Harness, painted: f64, cache: &str) -> Result {
    for file in h.resources().await? {
        let path = file.url.split('?').next().unwrap_or_default();
        let is_code = [".wasm", ".js", ".css"]
            .iter()
            .any(|ext| path.ends_with(ext));
        if is_code && file.start_ms < painted {
            emit(&[
                &"download",
                &cache,
                &path,
                &file.body_bytes,
                &file.transfer_bytes,
            ]);
        }
    }
    Ok(())
}
