//! A page view measured with the browser's own clocks (issue 12): the requests it made and when,
//! from `performance.getEntriesByType('resource')`; when it has settled; and the two figures
//! asked of every page: no URL fetched twice, and how many round trips its API calls needed one
//! after another.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::error::{Error, Result};
use crate::{cdp, Harness};

/// A page has settled when no `Loading …` placeholder shows and no request has finished for
/// this long (longer than any one round trip the bench injects).
pub const QUIET: Duration = Duration::from_millis(500);

/// Every finished request of the current document: `[url, start, end, transfer, body]`.
const RESOURCES_JS: &str = r#"
return performance.getEntriesByType('resource').map((e) => {
  const url = new URL(e.name);
  const name = url.origin === location.origin ? url.pathname + url.search : e.name;
  return [name, e.startTime, e.responseEnd, e.transferSize, e.encodedBodySize];
});
"#;

/// How far the page is: `[finished requests, whether a Loading placeholder shows]`.
const PROGRESS_JS: &str = "return [performance.getEntriesByType('resource').length, \
                           document.querySelector('.loading') !== null];";

/// One finished request of the current document, as its resource timing entry records it.
#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    /// Path and query on the page's own origin, else the whole URL.
    pub url: String,
    /// When the fetch started (before any wait for a connection), in ms since navigation start.
    pub start_ms: f64,
    /// When the response's last byte arrived, in ms since navigation start.
    pub end_ms: f64,
    /// Bytes fetched over the network, headers included (0 when the cache answered).
    pub transfer_bytes: u64,
    /// Body bytes as sent, before any content decoding.
    pub body_bytes: u64,
}

impl Resource {
    /// Whether this is an API call (OBP, DirectLogin or the Enterprise API) rather than a file.
    pub fn is_api(&self) -> bool {
        let path = self.url.split('?').next().unwrap_or_default();
        sandbox::routes::is_api_path(path) || sandbox::enterprise::is_enterprise_path(path)
    }
}

impl Harness {
    /// Every request the current document has finished, in the order they started.
    pub async fn resources(&self) -> Result<Vec<Resource>> {
        let entries = self.client.execute(RESOURCES_JS, vec![]).await?;
        let mut resources = entries
            .as_array()
            .ok_or_else(|| Error::new(format!("resource timings came back as {entries}")))?
            .iter()
            .map(|entry| Resource {
                url: entry[0].as_str().unwrap_or_default().to_owned(),
                start_ms: entry[1].as_f64().unwrap_or_default(),
                end_ms: entry[2].as_f64().unwrap_or_default(),
                transfer_bytes: entry[3].as_u64().unwrap_or_default(),
                body_bytes: entry[4].as_u64().unwrap_or_default(),
            })
            .collect::<Vec<_>>();
        resources.sort_by(|a, b| a.start_ms.total_cmp(&b.start_ms));
        Ok(resources)
    }

    /// The API calls among [`Harness::resources`].
    pub async fn api_requests(&self) -> Result<Vec<Resource>> {
        let mut all = self.resources().await?;
        all.retain(Resource::is_api);
        Ok(all)
    }

    /// Waits until no `Loading …` placeholder shows and no request has finished for [`QUIET`].
    pub async fn wait_until_settled(&self) -> Result {
        let last_change = Cell::new((usize::MAX, Instant::now()));
        self.poll(
            "the page to settle (no Loading…, no request for 500 ms)",
            || {
                let last_change = &last_change;
                async move {
                    let progress = self.client.execute(PROGRESS_JS, vec![]).await?;
                    let finished = progress[0].as_u64().unwrap_or_default() as usize;
                    let loading = progress[1].as_bool().unwrap_or(true);
                    let (seen, since) = last_change.get();
                    if loading || finished != seen {
                        last_change.set((finished, Instant::now()));
                        return Ok(None);
                    }
                    Ok((since.elapsed() >= QUIET).then_some(()))
                }
            },
        )
        .await
    }

    /// Opens `path` in a fresh document and waits until it settles. If the app moved to another
    /// URL on the way (a legacy route redirecting to its canonical one), opens that one fresh
    /// too, so the page's timings cover one page view. Returns the path and query it ended on.
    pub async fn open_settled(&self, path: &str) -> Result<String> {
        self.goto(path).await?;
        self.wait_until_settled().await?;
        let landed = self.current_path_and_query().await?;
        if landed != path {
            self.goto(&landed).await?;
            self.wait_until_settled().await?;
        }
        Ok(landed)
    }

    /// `location.pathname + location.search`.
    pub async fn current_path_and_query(&self) -> Result<String> {
        let here = self
            .client
            .execute("return location.pathname + location.search;", vec![])
            .await?;
        Ok(here.as_str().unwrap_or_default().to_owned())
    }

    /// Runs a Chrome DevTools Protocol command on the current page (see [`cdp::execute`]).
    pub async fn cdp(&self, cmd: &str, params: Value) -> Result<Value> {
        cdp::execute(&self.client, cmd, params).await
    }
}

/// Every URL requested more than once, with how often.
pub fn duplicates(requests: &[Resource]) -> Vec<(String, usize)> {
    let mut counts = BTreeMap::<&str, usize>::new();
    for request in requests {
        *counts.entry(&request.url).or_default() += 1;
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(url, n)| (url.to_owned(), n))
        .collect()
}

/// How many round trips the requests took one after another: the longest chain in which each
/// request started only after the one before it had finished. Requests that overlap count as
/// one round trip however many there are, so the figure does not depend on how long the
/// server or the page's own work took, only on what waited for what.
pub fn round_trips(requests: &[Resource]) -> usize {
    let mut depths: Vec<usize> = Vec::with_capacity(requests.len());
    let mut sorted: Vec<&Resource> = requests.iter().collect();
    sorted.sort_by(|a, b| a.start_ms.total_cmp(&b.start_ms));
    for (i, request) in sorted.iter().enumerate() {
        let after = (0..i)
            .filter(|&j| sorted[j].end_ms <= request.start_ms)
            .map(|j| depths[j])
            .max()
            .unwrap_or(0);
        depths.push(after + 1);
    }
    depths.into_iter().max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(url: &str, start_ms: f64, end_ms: f64) -> Resource {
        Resource {
            url: url.to_owned(),
            start_ms,
            end_ms,
            transfer_bytes: 0,
            body_bytes: 0,
        }
    }

    #[test]
    fn finds_urls_fetched_twice() {
        let requests = [
            request("/obp/v5.1.0/a", 0.0, 1.0),
            request("/obp/v5.1.0/b", 0.0, 1.0),
            request("/obp/v5.1.0/a", 2.0, 3.0),
            request("/obp/v5.1.0/a?x=1", 2.0, 3.0),
        ];
        assert_eq!(duplicates(&requests), [("/obp/v5.1.0/a".to_owned(), 2)]);
        assert!(duplicates(&requests[..2]).is_empty());
    }

    #[test]
    fn counts_round_trips_by_what_waited_for_what() {
        assert_eq!(round_trips(&[]), 0);
        // Three in parallel, staggered and slow: one round trip.
        let parallel = [
            request("a", 0.0, 130.0),
            request("b", 5.0, 110.0),
            request("c", 20.0, 250.0),
        ];
        assert_eq!(round_trips(&parallel), 1);
        // The overview waits for the customer, a tab list reloads after both: three.
        let chained = [
            request("customer", 0.0, 104.0),
            request("list", 2.0, 103.0),
            request("overview", 110.0, 215.0),
            request("list again", 104.5, 208.0),
            request("after both", 216.0, 320.0),
        ];
        assert_eq!(round_trips(&chained), 3);
    }

    #[test]
    fn tells_api_calls_from_files() {
        assert!(request("/obp/v5.1.0/users/current", 0.0, 1.0).is_api());
        assert!(request("/my/logins/direct", 0.0, 1.0).is_api());
        assert!(!request("/customer-console-1a2b_bg.wasm", 0.0, 1.0).is_api());
        assert!(!request("/config.json", 0.0, 1.0).is_api());
    }
}
