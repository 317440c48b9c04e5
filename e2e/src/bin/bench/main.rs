//! The browser side of `cargo xtask bench` (issue 12): measures the built app in headless
//! Chromium against sandboxes someone else started, and prints what it measured as
//! `bench-result` lines (tab-separated fields) for xtask to judge against the targets.
//!
//! ```text
//! cargo run -p e2e --bin bench -- --url http://127.0.0.1:P --slow-url http://127.0.0.1:Q \
//!     --search-url http://127.0.0.1:R [--runs 10] [--latency-ms 100]
//! ```
//!
//! `--url` serves the app (the release `dist/`) and the hand-written baseline page
//! (`bench/baseline.html`) with no injected latency; `--slow-url` serves the same with the
//! sandbox's `--latency-ms` (its value is passed too); `--search-url` serves the app from a
//! sandbox started with `--seed-customers 10000`. All sign in as the demo staff user.
//!
//! Lines printed (times in ms since navigation start, sizes in bytes):
//! - `paint  app|baseline  cold|warm  t1,t2,…`: first paint of 100 list rows, per run;
//! - `download  cold|warm  URL  body_bytes  transfer_bytes`: each wasm/js/css file the first
//!   cold (and warm) app load fetched before its rows were painted;
//! - `tab  NAME  PATH  requests  round_trips  span_ms  duplicates`: one customer tab's page view
//!   under latency (span: first API request start to last API response end; duplicates: `URL×N`
//!   joined by spaces, `-` when none);
//! - `back  paint_ms  spinner  waited  revalidated`: list → customer → back to the list;
//! - `find  box_ms  index_ms  found_ms`: a customer of a 10,000-customer bank found by name from
//!   page load, per run; `keystroke  t1,t2,…`: search keystroke to next paint (see `search`).

mod nav;
mod paint;
mod search;
mod tabs;

use std::fmt::Display;
use std::time::{Duration, Instant};

use e2e::{Error, Harness, Result};
use serde_json::Value;

/// Options from the command line.
struct Options {
    url: String,
    slow_url: String,
    search_url: String,
    latency_ms: u64,
    runs: usize,
}

#[tokio::main]
async fn main() -> Result {
    let options = parse(std::env::args().skip(1))?;
    paint::measure(&options.url, options.runs).await?;
    tabs::measure(&options.slow_url, options.latency_ms).await?;
    nav::measure(&options.slow_url).await?;
    search::measure(&options.search_url, options.runs.min(5)).await
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Options> {
    let mut options = Options {
        url: String::new(),
        slow_url: String::new(),
        search_url: String::new(),
        latency_ms: 100,
        runs: 10,
    };
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .ok_or_else(|| Error::new(format!("{flag} needs a value")))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| Error::new(format!("{flag} takes a whole number, not {value}")))
        };
        match flag.as_str() {
            "--url" => options.url = value.clone(),
            "--slow-url" => options.slow_url = value.clone(),
            "--search-url" => options.search_url = value.clone(),
            "--latency-ms" => options.latency_ms = number()?,
            "--runs" => options.runs = number()?.clamp(1, 100) as usize,
            _ => {
                return Err(Error::new(format!(
                    "unknown flag {flag}; bench takes --url U --slow-url U --search-url U \
                     [--latency-ms N] [--runs N]"
                )))
            }
        }
    }
    if options.url.is_empty() || options.slow_url.is_empty() || options.search_url.is_empty() {
        return Err(Error::new("bench needs --url, --slow-url and --search-url"));
    }
    Ok(options)
}

/// Prints one `bench-result` line of tab-separated fields.
fn emit(fields: &[&dyn Display]) {
    let fields: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
    println!("bench-result\t{}", fields.join("\t"));
}

/// Runs `script` on the page every 20 ms until `done` accepts what it returns, and returns that;
/// fails after `timeout` with "`what` within `timeout`", the last value and the page's text.
async fn poll_mark(
    h: &Harness,
    script: &str,
    done: impl Fn(&Value) -> bool,
    timeout: Duration,
    what: &str,
) -> Result<Value> {
    let deadline = Instant::now() + timeout;
    loop {
        let mark = h.client.execute(script, vec![]).await?;
        if done(&mark) {
            return Ok(mark);
        }
        if Instant::now() > deadline {
            return Err(Error::new(format!(
                "{what} within {timeout:?} ({mark}); the page showed:\n{}",
                h.visible_text().await?
            )));
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
