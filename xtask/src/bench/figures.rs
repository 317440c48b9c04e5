//! Issue 12's targets, and every measured figure judged against its target: read from the
//! browser bench's `bench-result` lines (e2e/src/bin/bench), the bundle's sizes and the load
//! runs, and printed one line each as `figure  value  target  ok|MISSED` (`info` for figures
//! reported without a target).

use std::fmt::Write as _;
use std::path::Path;

use crate::util::{bail, gzip_size, Result};

/// What the browser must download before `/customers` paints its rows, gzipped (wasm + js +
/// css, every file whose fetch started before the rows painted, chunks included): the issue's
/// target. Not met yet: 341 KB split by route (646.8 KB before), nearly all of it the main wasm
/// module (327 KB). The list needs no chunk; what remains is Leptos (reactive_graph, tachys,
/// the router), serde_json, core/alloc and wasm-bindgen glue, and ~200 KB (of ~975 KB before
/// wasm-opt) of app code, a quarter of which is the two backends' every API call and decoder
/// (their `dyn CustomerBackend` vtables keep all methods in the main module). Tried:
/// `erase_components` (kept, -27 KB), no panic hook (-1.7 KB, hook kept), shorter panic paths
/// (-0.4 KB estimated, not kept). Next: backend calls of the lazy pages behind the split.
pub const FIRST_DOWNLOAD_BUDGET_BYTES: u64 = 250_000;
/// All chunks together, gzipped: everything in `dist/` a browser may ever fetch. Before the
/// split, one wasm: the foundation 294 KB, + Customer 360 tabs 437 KB, + KYC and messages
/// 482 KB, + lists, meetings, CRM and the Enterprise backend 590 KB (`opt-level = "s"` gave
/// 682 KB). Split by route (xtask/src/split.rs) with `erase_components`: 591 KB, in a main
/// module of 327 KB and chunks of 153 KB (customer pages), 57 KB (bank pages) and 40 KB (code
/// both share); one chunk per page made 120 modules and 704 KB. Raise it only with a measured
/// reason.
pub const TOTAL_BUDGET_BYTES: u64 = 600_000;
/// The list's first paint, as a multiple of the hand-written page's, cold and warm; and the
/// stretch goal.
pub const PAINT_RATIO: f64 = 1.5;
pub const PAINT_RATIO_STRETCH: f64 = 1.3;
/// The most round trips a customer tab may take after its first API call, counted as the
/// longest chain of API requests each started after the previous one finished
/// (e2e `perf::round_trips`). Wall time over the latency is printed next to it but not judged:
/// the sandbox speaks HTTP/1.1, so Chromium opens at most six connections to it and a tab with
/// more requests queues some, however well the app orders them.
pub const MAX_ROUND_TRIPS: usize = 2;
/// The sandbox under 32 concurrent connections: the issue names no number, so these say what
/// the browser bench needs of it. A page view makes up to ~10 API calls; at p99 ≤ 50 ms even a
/// loaded sandbox stays under half of the 100 ms round trip the tab figures inject, and 500
/// requests/s is 50 page views a second on two shared cores.
pub const LOAD_MIN_RATE: f64 = 500.0;
pub const LOAD_MAX_P99_MS: f64 = 50.0;
/// Issue 13, in a bank of 10,000 customers: a search keystroke to the next paint (median), and
/// a customer found by name from page load, the index's loading time aside.
pub const KEYSTROKE_MAX_MS: f64 = 16.0;
pub const FIND_MAX_MS: f64 = 1000.0;

/// One printed line.
pub struct Figure {
    name: String,
    value: String,
    target: String,
    verdict: Option<bool>,
    /// Printed under the table, for what does not fit a line.
    detail: Option<String>,
}

impl Figure {
    /// A figure with a target: `ok` says whether it was met.
    pub fn judged(name: impl Into<String>, value: String, target: String, ok: bool) -> Self {
        Figure {
            name: name.into(),
            value,
            target,
            verdict: Some(ok),
            detail: None,
        }
    }

    /// A figure reported for information, with no target of its own.
    pub fn info(name: impl Into<String>, value: String) -> Self {
        Figure {
            name: name.into(),
            value,
            target: "-".into(),
            verdict: None,
            detail: None,
        }
    }

    /// The same figure with `detail` printed under the table.
    pub fn with_detail(self, detail: Option<String>) -> Self {
        Figure { detail, ..self }
    }

    /// Whether it has a target and missed it.
    pub fn missed(&self) -> bool {
        self.verdict == Some(false)
    }
}

/// The figures as an aligned table, one line each, then the details of those that have one.
pub fn table(figures: &[Figure]) -> String {
    let width = |f: fn(&Figure) -> &str| figures.iter().map(|x| f(x).chars().count()).max();
    let name_w = width(|f| &f.name).unwrap_or(0);
    let value_w = width(|f| &f.value).unwrap_or(0);
    let target_w = width(|f| &f.target).unwrap_or(0);
    let mut out = String::new();
    for f in figures {
        let verdict = match f.verdict {
            Some(true) => "ok",
            Some(false) => "MISSED",
            None => "info",
        };
        let _ = writeln!(
            out,
            "{:<name_w$}  {:<value_w$}  {:<target_w$}  {verdict}",
            f.name, f.value, f.target
        );
    }
    for f in figures {
        if let Some(detail) = &f.detail {
            let _ = writeln!(out, "{}: {detail}", f.name);
        }
    }
    out
}

/// What the browser bench printed, parsed.
#[derive(Debug, Default, PartialEq)]
pub struct Browser {
    /// `(page, cold|warm, paint times in ms)`.
    pub paint: Vec<(String, String, Vec<f64>)>,
    /// `(path, body bytes, transfer bytes)` of each file a cold load fetched before the rows
    /// were painted.
    pub downloads: Vec<(String, u64, u64)>,
    /// The bytes a warm load moved for the same files (0 or headers only when cached).
    pub warm_transfer: u64,
    /// One customer tab under latency.
    pub tabs: Vec<Tab>,
    /// `(paint ms, spinner, waited for a response, revalidated)` going back to the list.
    pub back: Option<(f64, bool, bool, bool)>,
    /// `(search box shown, index loaded, typed to found)` in ms, per run, in the big bank.
    pub finds: Vec<(f64, f64, f64)>,
    /// Search keystroke to next paint, in ms, in the big bank.
    pub keystrokes: Vec<f64>,
}

/// One customer tab's page view.
#[derive(Debug, PartialEq)]
pub struct Tab {
    pub name: String,
    pub requests: usize,
    pub round_trips: usize,
    pub span_ms: f64,
    /// `URL×N` for each URL fetched more than once.
    pub duplicates: Vec<String>,
}

/// Parses the `bench-result` lines of the browser bench's output (other lines are ignored).
pub fn parse(output: &str) -> Result<Browser> {
    let mut browser = Browser::default();
    for line in output.lines() {
        let Some(rest) = line.strip_prefix("bench-result\t") else {
            continue;
        };
        let fields: Vec<&str> = rest.split('\t').collect();
        let number = |i: usize| -> Result<f64> {
            match fields.get(i).and_then(|f| f.parse().ok()) {
                Some(n) => Ok(n),
                None => bail!("field {i} of `{line}` is not a number"),
            }
        };
        let times = |list: &str| {
            list.split(',')
                .map(|t| t.parse().map_err(|_| format!("`{line}`: bad time {t}")))
                .collect::<std::result::Result<Vec<f64>, _>>()
        };
        match fields.as_slice() {
            ["paint", page, cache, list] => {
                let times = times(list)?;
                browser
                    .paint
                    .push((page.to_string(), cache.to_string(), times));
            }
            ["download", "cold", path, _, _] => {
                browser
                    .downloads
                    .push((path.to_string(), number(3)? as u64, number(4)? as u64));
            }
            ["download", "warm", _, _, _] => browser.warm_transfer += number(4)? as u64,
            ["tab", name, _path, _, _, _, duplicates] => browser.tabs.push(Tab {
                name: name.to_string(),
                requests: number(3)? as usize,
                round_trips: number(4)? as usize,
                span_ms: number(5)?,
                duplicates: match *duplicates {
                    "-" => Vec::new(),
                    list => list.split(' ').map(str::to_owned).collect(),
                },
            }),
            ["back", _, _, _, _] => {
                let flag = |i| number(i).map(|n| n != 0.0);
                browser.back = Some((number(1)?, flag(2)?, flag(3)?, flag(4)?));
            }
            ["find", _, _, _] => browser.finds.push((number(1)?, number(2)?, number(3)?)),
            ["keystroke", list] => browser.keystrokes.extend(times(list)?),
            _ => bail!("the browser bench printed a line xtask does not know: `{line}`"),
        }
    }
    Ok(browser)
}

/// The median of `times` (the mean of the middle two for an even count); 0 for none.
pub fn median(times: &[f64]) -> f64 {
    let mut sorted = times.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// The first download: the gzip -9 size of each file (found in `dist`) that the browser fetched
/// before the list's rows were painted, against the budget; and the bytes it actually moved.
pub fn first_download(browser: &Browser, dist: &Path) -> Result<Vec<Figure>> {
    if browser.downloads.is_empty() {
        bail!("the browser bench saw no wasm, js or css fetched before the rows were painted");
    }
    let (mut gzip, mut body, mut transfer) = (0, 0, 0);
    for (path, body_bytes, transfer_bytes) in &browser.downloads {
        let file = dist.join(path.trim_start_matches('/'));
        if !file.is_file() {
            bail!(
                "the browser fetched {path}, which is not in {}",
                dist.display()
            );
        }
        gzip += gzip_size(&file)?;
        body += body_bytes;
        transfer += transfer_bytes;
    }
    let files = browser.downloads.len();
    Ok(vec![
        Figure::judged(
            "first download, gzip -9 (wasm+js+css before rows paint)",
            format!("{} ({files} files)", kb(gzip)),
            format!("<= {}", kb(FIRST_DOWNLOAD_BUDGET_BYTES)),
            gzip <= FIRST_DOWNLOAD_BUDGET_BYTES,
        ),
        Figure::info(
            "first download as the sandbox serves it (its .gz files)",
            format!(
                "{} body, {} on the wire cold, {} warm",
                kb(body),
                kb(transfer),
                kb(browser.warm_transfer)
            ),
        ),
    ])
}

/// The whole bundle's gzipped size against [`TOTAL_BUDGET_BYTES`].
pub fn bundle_total(gzip: u64, files: usize) -> Figure {
    Figure::judged(
        "all chunks, gzip -9 (wasm+js+css in dist/)",
        format!("{} ({files} files)", kb(gzip)),
        format!("<= {}", kb(TOTAL_BUDGET_BYTES)),
        gzip <= TOTAL_BUDGET_BYTES,
    )
}

/// The list's first paint against the baseline's, cold and warm: medians and their ratio.
pub fn paint(browser: &Browser) -> Result<Vec<Figure>> {
    let mut figures = Vec::new();
    for cache in ["cold", "warm"] {
        let times = |page: &str| {
            browser
                .paint
                .iter()
                .find(|(p, c, _)| p == page && c == cache)
                .map(|(_, _, times)| times.as_slice())
                .filter(|times| !times.is_empty())
                .ok_or_else(|| format!("the browser bench printed no {cache} {page} times"))
        };
        let (app, baseline) = (times("app")?, times("baseline")?);
        let (app_ms, baseline_ms) = (median(app), median(baseline));
        let ratio = app_ms / baseline_ms.max(0.001);
        figures.push(Figure::judged(
            format!("list first paint, {cache} (median of {})", app.len()),
            format!("{ratio:.2}x (app {app_ms:.0} ms, baseline {baseline_ms:.0} ms)"),
            format!("<= {PAINT_RATIO}x (stretch {PAINT_RATIO_STRETCH}x)"),
            ratio <= PAINT_RATIO,
        ));
    }
    Ok(figures)
}

/// Each customer tab under `latency_ms`: round trips after the first API call, and URLs
/// fetched twice.
pub fn tabs(browser: &Browser, latency_ms: u64) -> Result<Vec<Figure>> {
    if browser.tabs.is_empty() {
        bail!("the browser bench printed no customer tab");
    }
    let mut figures = Vec::new();
    for tab in &browser.tabs {
        figures.push(Figure::judged(
            format!("tab {}: round trips at {latency_ms} ms", tab.name),
            format!(
                "{} ({} API requests, done in {:.0} ms = {:.1} latencies)",
                tab.round_trips,
                tab.requests,
                tab.span_ms,
                tab.span_ms / latency_ms.max(1) as f64
            ),
            format!("<= {MAX_ROUND_TRIPS}"),
            tab.round_trips <= MAX_ROUND_TRIPS,
        ));
        let short: Vec<String> = tab.duplicates.iter().map(|url| short_url(url)).collect();
        figures.push(
            Figure::judged(
                format!("tab {}: URLs fetched twice", tab.name),
                tab.duplicates.len().to_string(),
                "0".to_owned(),
                tab.duplicates.is_empty(),
            )
            .with_detail((!short.is_empty()).then(|| short.join(" "))),
        );
    }
    Ok(figures)
}

/// List → customer → back: from cache means no spinner, no wait for a response, and a
/// background revalidation.
pub fn back(browser: &Browser) -> Result<Figure> {
    let Some((paint_ms, spinner, waited, revalidated)) = browser.back else {
        bail!("the browser bench printed no back-navigation figure");
    };
    let yes_no = |b: bool, yes: &str, no: &str| if b { yes } else { no }.to_owned();
    Ok(Figure::judged(
        "back to the list: rows from cache",
        format!(
            "rows after {paint_ms:.0} ms, {}, {}, {}",
            yes_no(spinner, "spinner", "no spinner"),
            yes_no(waited, "waited for a response", "no wait"),
            yes_no(revalidated, "revalidated", "not revalidated"),
        ),
        "no spinner, no wait, revalidated".to_owned(),
        !spinner && !waited && revalidated,
    ))
}

/// In the big bank: a customer found by name from page load with the index aside (search box
/// shown + typing to the row painted), the index's own time, and keystroke to paint; medians.
pub fn search(browser: &Browser) -> Result<Vec<Figure>> {
    if browser.finds.is_empty() || browser.keystrokes.is_empty() {
        bail!("the browser bench printed no search figures");
    }
    let runs = browser.finds.len();
    let of = |pick: fn(&(f64, f64, f64)) -> f64| {
        median(&browser.finds.iter().map(pick).collect::<Vec<_>>())
    };
    let (shown, index, found) = (of(|f| f.0), of(|f| f.1), of(|f| f.2));
    let find = median(
        &browser
            .finds
            .iter()
            .map(|(shown, _, found)| shown + found)
            .collect::<Vec<_>>(),
    );
    let keystroke = median(&browser.keystrokes);
    Ok(vec![
        Figure::judged(
            format!("find a customer by name from page load, index aside (median of {runs})"),
            format!("{find:.0} ms (search box {shown:.0} ms + typed to row painted {found:.0} ms)"),
            format!("<= {FIND_MAX_MS:.0} ms"),
            find <= FIND_MAX_MS,
        ),
        Figure::info(
            format!("index 10,260 customers (median of {runs})"),
            format!("{index:.0} ms"),
        ),
        Figure::judged(
            format!(
                "search keystroke to next paint, 10,260 customers (median of {})",
                browser.keystrokes.len()
            ),
            format!("{keystroke:.1} ms"),
            format!("<= {KEYSTROKE_MAX_MS:.0} ms"),
            keystroke <= KEYSTROKE_MAX_MS,
        ),
    ])
}

/// Requests/s and p99 of one endpoint under load.
pub fn load(endpoint: &str, connections: usize, rate: f64, p99_ms: f64) -> Vec<Figure> {
    vec![
        Figure::judged(
            format!("sandbox {endpoint}: requests/s at {connections} connections"),
            format!("{rate:.0}"),
            format!(">= {LOAD_MIN_RATE:.0}"),
            rate >= LOAD_MIN_RATE,
        ),
        Figure::judged(
            format!("sandbox {endpoint}: p99 at {connections} connections"),
            format!("{p99_ms:.1} ms"),
            format!("<= {LOAD_MAX_P99_MS:.0} ms"),
            p99_ms <= LOAD_MAX_P99_MS,
        ),
    ]
}

/// An API URL (with any `×N` count) without the OBP prefix and with ids (UUIDs) shown as
/// `{id}`, to keep the lines short.
fn short_url(url: &str) -> String {
    let is_uuid = |s: &str| s.len() == 36 && s.matches('-').count() == 4;
    url.trim_start_matches("/obp/v5.1.0/")
        .split('/')
        .map(|segment| match segment.split_once('\u{d7}') {
            Some((id, times)) if is_uuid(id) => format!("{{id}}\u{d7}{times}"),
            _ if is_uuid(segment) => "{id}".to_owned(),
            _ => segment.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Bytes as KB (1000 bytes), as the budgets are written.
fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUTPUT: &str = "bench: progress is ignored\n\
        bench-result\tpaint\tapp\tcold\t300.0,100.0,200.0\n\
        bench-result\tpaint\tbaseline\tcold\t100.0,120.0\n\
        bench-result\tpaint\tapp\twarm\t90.0\n\
        bench-result\tpaint\tbaseline\twarm\t80.0\n\
        bench-result\tdownload\tcold\t/app_bg.wasm\t2000000\t2000300\n\
        bench-result\tdownload\twarm\t/app_bg.wasm\t2000000\t300\n\
        bench-result\ttab\tkyc\t/customers/x/kyc\t9\t3\t310\t/obp/a\u{d7}2 /obp/b\u{d7}2\n\
        bench-result\ttab\tprofile\t/customers/x\t4\t2\t205\t-\n\
        bench-result\tback\t212.5\t1\t1\t0\n\
        bench-result\tfind\t400.0\t2500.0\t30.0\n\
        bench-result\tfind\t500.0\t2700.0\t50.0\n\
        bench-result\tkeystroke\t8.0,12.0,20.0\n";

    #[test]
    fn parses_and_judges_the_browser_figures() {
        let browser = parse(OUTPUT).expect("valid output");
        assert_eq!(
            browser.downloads,
            [("/app_bg.wasm".into(), 2_000_000, 2_000_300)]
        );
        assert_eq!(browser.warm_transfer, 300);
        assert_eq!(browser.back, Some((212.5, true, true, false)));
        assert_eq!(
            browser.tabs[0].duplicates,
            ["/obp/a\u{d7}2", "/obp/b\u{d7}2"]
        );

        let paint = paint(&browser).expect("both pages, cold and warm");
        // Cold: app median 200 over baseline median 110 = 1.82: missed; warm 90/80 = 1.125.
        assert!(paint[0].missed() && paint[0].value.starts_with("1.82x"));
        assert!(!paint[1].missed());

        let tabs = tabs(&browser, 100).expect("two tabs");
        let missed: Vec<bool> = tabs.iter().map(Figure::missed).collect();
        assert_eq!(missed, [true, true, false, false]);
        assert!(back(&browser).expect("a back line").missed());
        let search = search(&browser).expect("finds and keystrokes");
        // Find: medians of 430 and 550 = 490 ms; the index's 2.6 s is aside; keystrokes 12 ms.
        assert!(search[0].value.starts_with("490 ms") && !search[0].missed());
        assert_eq!(search[1].value, "2600 ms");
        assert!(search[2].value.starts_with("12.0 ms") && !search[2].missed());
        assert_eq!(
            short_url("/obp/v5.1.0/user_customer_links/customers/25bb1633-d8bc-4001-bcb4-dabad18d1b10\u{d7}2"),
            "user_customer_links/customers/{id}\u{d7}2"
        );
        assert_eq!(
            short_url(
                "/obp/v5.1.0/customers/25bb1633-d8bc-4001-bcb4-dabad18d1b10/kyc_media\u{d7}2"
            ),
            "customers/{id}/kyc_media\u{d7}2"
        );
    }

    #[test]
    fn rejects_unknown_lines_and_missing_figures() {
        assert!(parse("bench-result\tsurprise\t1\n").is_err());
        assert!(parse("bench-result\ttab\tkyc\tp\tmany\t1\t1\t-\n").is_err());
        let empty = Browser::default();
        assert!(paint(&empty).is_err());
        assert!(tabs(&empty, 100).is_err());
        assert!(back(&empty).is_err());
        assert!(search(&empty).is_err());
    }

    #[test]
    fn medians_and_verdicts() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
        let printed = table(&[
            Figure::judged("a", "1".into(), "<= 2".into(), true),
            Figure::judged("longer", "3".into(), "<= 2".into(), false),
            Figure::info("c", "x".into()).with_detail(Some("why".into())),
        ]);
        assert_eq!(
            printed,
            "a       1  <= 2  ok\nlonger  3  <= 2  MISSED\nc       x  -     info\nc: why\n"
        );
        assert!(bundle_total(600_001, 3).missed());
        assert!(!load("list", 32, 500.0, 50.0).iter().any(Figure::missed));
    }
}
